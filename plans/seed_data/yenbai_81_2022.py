"""Kế hoạch số 81/KH-UBND ngày 04/4/2022 của UBND tỉnh Yên Bái thực hiện Chương trình MTQG giảm nghèo bền vững
giai đoạn 2022-2025 (seed 002)."""

from datetime import date

from .schema import D, FundingSeed, LegalBasisSeed, PlanSeed, ProjectSeed, SectionSeed, TargetSeed, TaskSeed

PLAN = PlanSeed(
    code="yenbai-81-2022",
    title="Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững tỉnh Yên Bái giai đoạn 2022-2025",
    unit="15",
    first_year=2022,
    last_year=2025,
    number="81/KH-UBND",
    issuer="Ủy ban nhân dân tỉnh Yên Bái",
    signer_name="Vũ Thị Hiền Hạnh",
    signer_title="KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
    issue_date=date(2022, 4, 4),
    purpose=(
        "Triển khai thực hiện Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về "
        "việc phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025 "
        "trên địa bàn tỉnh Yên Bái đảm bảo nghiêm túc, hiệu quả và phù hợp với điều kiện thực "
        "tiễn của địa phương.\n"
        "Huy động sự vào cuộc của cả hệ thống chính trị, cộng đồng các doanh nghiệp và nhân dân "
        "trên địa bàn tỉnh cùng tham gia tổ chức thực hiện các nhiệm vụ, giải pháp về công tác "
        "giảm nghèo bền vững, góp phần phấn đấu hoàn thành các mục tiêu giảm nghèo bền vững trên "
        "địa bàn tỉnh giai đoạn 2022-2025.\n"
        "Cụ thể hóa các chỉ tiêu, nhiệm vụ về giảm nghèo gắn với phân công rõ nhiệm vụ cho các "
        "sở, ban, ngành, địa phương, đơn vị trong việc thực hiện Chương trình mục tiêu quốc gia "
        "giảm nghèo bền vững giai đoạn 2022-2025."
    ),
    requirements=(
        "Các sở, ngành căn cứ nhiệm vụ được giao chỉ đạo, hướng dẫn các địa phương tổ chức "
        "thực hiện các dự án, chính sách hỗ trợ giảm nghèo đảm bảo cụ thể, chi tiết, phù "
        "hợp với các quy định và điều kiện thực tiễn của địa phương, đảm bảo kịp thời, công "
        "khai, minh bạch.\n"
        "Các địa phương căn cứ vào tình hình thực tế, nguyên nhân nghèo, nhu cầu của từng "
        "hộ nghèo trên địa bàn và định hướng thực hiện chính sách giảm nghèo để xây dựng "
        "phương án cụ thể, khả thi hỗ trợ các hộ nghèo thoát nghèo; đảm bảo kết quả giảm "
        "nghèo thực chất, bền vững.\n"
        "Phát huy những kết quả, bài học kinh nghiệm trong việc thực hiện Chương trình mục "
        "tiêu quốc gia giảm nghèo bền vững giai đoạn 2016-2020 và năm 2021, trên cơ sở đó, "
        "đề ra các biện pháp phù hợp để thực hiện hiệu quả Chương trình trong giai đoạn 2022-2025."
    ),
    general_objective=(
        "Thực hiện hiệu quả các mục tiêu, nhiệm vụ, giải pháp về giảm nghèo đa chiều, "
        "bền vững; hạn chế tái nghèo và phát sinh nghèo; hỗ trợ người nghèo, hộ nghèo "
        "vượt lên mức sống tối thiểu, tiếp cận các dịch vụ xã hội cơ bản theo chuẩn "
        "nghèo đa chiều quốc gia, nâng cao chất lượng cuộc sống; gắn các mục tiêu giảm "
        "nghèo bền vững với xây dựng nông thôn mới và phát triển kinh tế - xã hội khu "
        "vực đồng bào dân tộc thiểu số và miền núi, góp phần đảm bảo an sinh xã hội và "
        "hoàn thành mục tiêu phát triển kinh tế - xã hội trên địa bàn tỉnh giai đoạn 2022-2025."
    ),
    note=(
        "Văn bản dẫn “(Chi tiết tại Phụ lục kèm theo)” và kết thúc bằng tiêu đề phụ lục “PHÂN CÔNG "
        "NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG "
        "GIAI ĐOẠN 2022-2025”, nhưng bản được cung cấp không có nội dung phụ lục; nhiệm vụ ở đây "
        "lấy từ Phần III và Phần VI."
    ),
    source="002_e96895803e866879.txt",
    legal_bases=(
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="90/QĐ-TTg",
            title="về việc phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025",
            document_date=date(2022, 1, 18),
            issuer="Thủ tướng Chính phủ",
        ),
        # Documents Part V (the main solutions) cites.
        LegalBasisSeed(
            relation="dan_chieu",
            document_number="05-CT/TW",
            title="về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030",
            document_date=date(2021, 6, 23),
            issuer="Ban Bí thư",
            cited_in="Phần V, giải pháp 1",
        ),
        LegalBasisSeed(
            relation="dan_chieu",
            document_number="",
            title=(
                "Nghị quyết của Chính phủ ban hành Kế hoạch thực hiện Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban "
                "Bí thư"
            ),
            issuer="Chính phủ",
            cited_in="Phần V, giải pháp 1 (văn bản không ghi số, ngày)",
        ),
        LegalBasisSeed(
            relation="dan_chieu",
            document_number="61-NQ/TU",
            title=(
                "về tiếp tục lãnh đạo hiệu quả công tác giảm nghèo bền vững giai đoạn 2021-2025, định hướng đến "
                "năm 2030"
            ),
            document_date=date(2021, 10, 20),
            issuer="Ban Thường vụ Tỉnh ủy",
            cited_in="Phần V, giải pháp 1",
        ),
        LegalBasisSeed(
            relation="dan_chieu",
            document_number="02/2022/QĐ-TTg",
            title=(
                "quy định nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách trung ương và tỷ lệ vốn đối ứng "
                "của ngân sách địa phương thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
                "2021-2025"
            ),
            document_date=date(2022, 1, 18),
            issuer="Thủ tướng Chính phủ",
            cited_in="Phần V, giải pháp 3",
        ),
        LegalBasisSeed(
            relation="dan_chieu",
            document_number="07/2022/NQ-HĐND",
            title=(
                "Quy định nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách trung ương và tỷ lệ vốn đối ứng "
                "của ngân sách địa phương thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
                "2021-2025 tỉnh Yên Bái"
            ),
            document_date=date(2022, 3, 30),
            issuer="Hội đồng nhân dân tỉnh Yên Bái",
            cited_in="Phần V, giải pháp 3",
        ),
    ),
    targets=(
        TargetSeed(
            name="Giảm tỷ lệ hộ nghèo bình quân (chuẩn nghèo đa chiều giai đoạn 2022-2025)",
            measure_unit="%",
            measure="poor_rate_drop",
            value_min=D("3.3"),
            period="per_year",
            unit="15",
            note=(
                "Giai đoạn 2022-2025: Giảm tỷ lệ hộ nghèo bình quân 3,3%/năm theo chuẩn nghèo đa "
                "chiều giai đoạn 2022-2025 (trong đó: Huyện Trạm Tấu giảm 6,5%/năm, huyện Mù Cang "
                "Chải giảm 7,67%/năm)."
            ),
            children=(
                TargetSeed(
                    name="Huyện Trạm Tấu giảm tỷ lệ hộ nghèo",
                    measure_unit="%",
                    measure="poor_rate_drop",
                    value_min=D("6.5"),
                    period="per_year",
                    unit="139",
                ),
                TargetSeed(
                    name="Huyện Mù Cang Chải giảm tỷ lệ hộ nghèo",
                    measure_unit="%",
                    measure="poor_rate_drop",
                    value_min=D("7.67"),
                    period="per_year",
                    unit="137",
                ),
            ),
        ),
        TargetSeed(
            name="Mức giảm tỷ lệ hộ nghèo trong các dân tộc thiểu số so với mức giảm chung toàn tỉnh",
            measure_unit="lần",
            value_min=D("1.5"),
            unit="15",
            group="hộ dân tộc thiểu số",
            note=(
                "Tỷ lệ hộ nghèo trong các dân tộc thiểu số, tỷ lệ nghèo tại các xã đặc biệt khó "
                "khăn giảm bằng 1,5 lần so với mức giảm tỷ lệ hộ nghèo chung toàn tỉnh."
            ),
        ),
        TargetSeed(
            name="Mức giảm tỷ lệ nghèo tại các xã đặc biệt khó khăn so với mức giảm chung toàn tỉnh",
            measure_unit="lần",
            value_min=D("1.5"),
            unit="15",
            group="xã đặc biệt khó khăn",
            note=(
                "Tỷ lệ hộ nghèo trong các dân tộc thiểu số, tỷ lệ nghèo tại các xã đặc biệt khó "
                "khăn giảm bằng 1,5 lần so với mức giảm tỷ lệ hộ nghèo chung toàn tỉnh."
            ),
        ),
        TargetSeed(
            name="Huyện Mù Cang Chải cơ bản không còn là huyện nghèo",
            measure_unit="huyện",
            value_min=D("1"),
            period="in_year",
            year=2025,
            unit="137",
            note="Phấn đấu đến năm 2025, huyện Mù Cang Chải cơ bản không còn là huyện nghèo",
        ),
        TargetSeed(
            name="Xã đặc biệt khó khăn ra khỏi tình trạng đặc biệt khó khăn",
            measure_unit="xã",
            value_min=D("30"),
            period="in_year",
            year=2025,
            unit="15",
            group="59 xã đặc biệt khó khăn theo Quyết định 861/QĐ-TTg",
            note=(
                "Phấn đấu đến năm 2025, huyện Mù Cang Chải cơ bản không còn là huyện nghèo, ít nhất "
                "30/59 xã đặc biệt khó khăn của tỉnh (theo Quyết định 861/QĐ-TTg ngày 04/6/2021 của "
                "Thủ tướng Chính phủ) ra khỏi tình trạng đặc biệt khó khăn."
            ),
        ),
        TargetSeed(
            name=(
                "Hộ nghèo, cận nghèo có đủ điều kiện và nhu cầu được vay vốn tín dụng ưu đãi từ "
                "Ngân hàng Chính sách xã hội"
            ),
            measure_unit="%",
            value_min=D("100"),
            period="in_year",
            year=2025,
            unit="15",
            note=(
                "Phấn đấu đến năm cuối cùng của giai đoạn 2021-2025, 100% các hộ nghèo, cận nghèo "
                "có đủ điều kiện và nhu cầu đều được vay vốn tín dụng ưu đãi từ Ngân hàng Chính "
                "sách xã hội. (Chi tiết tại Phụ lục kèm theo)"
            ),
        ),
        TargetSeed(
            name="Huyện nghèo được hỗ trợ đầu tư phát triển cơ sở hạ tầng kinh tế - xã hội liên vùng",
            measure_unit="huyện",
            value_min=D("2"),
            unit="15",
            note=(
                "02 huyện nghèo được hỗ trợ đầu tư phát triển cơ sở hạ tầng kinh tế - xã hội liên "
                "vùng, phục vụ dân sinh, sản xuất, thương mại, lưu thông hàng hóa và cung cấp các "
                "dịch vụ xã hội cơ bản; ưu tiên đầu tư cơ sở hạ tầng thiết yếu, gồm đường giao "
                "thông, trường học, cơ sở y tế, cầu, hạ tầng điện, công trình thủy lợi."
            ),
        ),
        TargetSeed(
            name="Mô hình, dự án giảm nghèo được hỗ trợ xây dựng, nhân rộng",
            measure_unit="mô hình",
            value_min=D("15"),
            value_max=D("20"),
            comparison="about",
            unit="15",
            note=(
                "Hỗ trợ xây dựng, nhân rộng 15-20 mô hình, dự án giảm nghèo hỗ trợ phát triển sản "
                "xuất, kinh doanh, dịch vụ, du lịch, khởi nghiệp, khởi sự kinh doanh nhằm tạo sinh "
                "kế, việc làm, thu nhập bền vững, thích ứng với biến đổi khí hậu, dịch bệnh cho hộ "
                "nghèo, hộ cận nghèo, hộ mới thoát nghèo; người dân sinh sống trên địa bàn huyện nghèo."
            ),
        ),
        TargetSeed(
            name=(
                "Người có khả năng lao động, có nhu cầu thuộc hộ nghèo, hộ trên địa bàn huyện nghèo "
                "được hỗ trợ nâng cao năng lực sản xuất nông, lâm, ngư nghiệp"
            ),
            measure_unit="%",
            value_min=D("80"),
            unit="15",
            note=(
                "Phấn đấu 80% người có khả năng lao động, có nhu cầu thuộc hộ nghèo, hộ trên địa "
                "bàn huyện nghèo được hỗ trợ nâng cao năng lực sản xuất nông, lâm, ngư nghiệp nhằm "
                "đổi mới phương thức, kỹ thuật sản xuất, bảo đảm an ninh lương thực, đáp ứng nhu "
                "cầu dinh dưỡng, tăng thu nhập."
            ),
        ),
        TargetSeed(
            name=(
                "Hộ nghèo, cận nghèo có lao động có ít nhất một thành viên trong độ tuổi lao động "
                "có việc làm bền vững"
            ),
            measure_unit="người/hộ",
            value_min=D("1"),
            unit="15",
            note=(
                "Phấn đấu hỗ trợ các hộ gia đình nghèo, cận nghèo có lao động trong độ tuổi có khả "
                "năng làm việc, có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững."
            ),
        ),
        TargetSeed(
            name="Cán bộ làm công tác giảm nghèo được bồi dưỡng, tập huấn",
            measure_unit="%",
            value_min=D("100"),
            unit="15",
            note=(
                "100% cán bộ làm công tác giảm nghèo được bồi dưỡng, tập huấn kiến thức, kỹ năng cơ "
                "bản về quản lý, tổ chức thực hiện các chương trình, chính sách, dự án giảm nghèo; "
                "lập kế hoạch có sự tham gia, xây dựng kế hoạch phát triển cộng đồng và nghiệp vụ "
                "giảm nghèo."
            ),
        ),
        TargetSeed(
            name=(
                "Người lao động thuộc hộ nghèo, cận nghèo, mới thoát nghèo có nhu cầu được hỗ trợ "
                "kết nối, tư vấn, định hướng nghề nghiệp, tìm việc làm"
            ),
            measure_unit="%",
            value_min=D("100"),
            unit="15",
            group="Chiều thiếu hụt về việc làm",
            note=(
                "100% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo có nhu cầu "
                "được hỗ trợ kết nối, tư vấn, định hướng nghề nghiệp, cung cấp thông tin thị trường "
                "lao động, hỗ trợ tìm việc làm."
            ),
        ),
        TargetSeed(
            name=(
                "Lao động thuộc hộ nghèo, cận nghèo, mới thoát nghèo, huyện nghèo được hỗ trợ kết "
                "nối việc làm thành công"
            ),
            measure_unit="người",
            value_min=D("2500"),
            value_max=D("3000"),
            unit="15",
            group="Chiều thiếu hụt về việc làm",
            note=(
                "Có ít nhất 2.500-3.000 lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, "
                "huyện nghèo được hỗ trợ kết nối việc làm thành công."
            ),
        ),
        TargetSeed(
            name="Lao động trên địa bàn huyện nghèo được hỗ trợ đào tạo",
            measure_unit="người",
            value_min=D("2000"),
            value_max=D("2500"),
            unit="15",
            group="Chiều thiếu hụt về việc làm",
            note=(
                "Có ít nhất 2.000-2.500 lao động trên địa địa bàn huyện nghèo được hỗ trợ đào tạo; "
                "trong đó, có khoảng 160-200 lao động đi làm việc ở nước ngoài theo hợp đồng (ít "
                "nhất 80% hộ gia đình có người đi làm việc ở nước ngoài sẽ thoát nghèo)."
            ),
            children=(
                TargetSeed(
                    name="Lao động đi làm việc ở nước ngoài theo hợp đồng",
                    measure_unit="người",
                    value_min=D("160"),
                    value_max=D("200"),
                    comparison="about",
                    unit="15",
                    children=(
                        TargetSeed(
                            name="Hộ gia đình có người đi làm việc ở nước ngoài sẽ thoát nghèo",
                            measure_unit="%",
                            value_min=D("80"),
                            unit="15",
                        ),
                    ),
                ),
            ),
        ),
        TargetSeed(
            name="Người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế",
            measure_unit="%",
            value_min=D("100"),
            unit="15",
            group="Chiều thiếu hụt về y tế",
            note="100% người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế",
        ),
        TargetSeed(
            name="Tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 16 tuổi tại các huyện nghèo",
            measure_unit="%",
            value_min=D("37"),
            comparison="below",
            unit="15",
            group="Chiều thiếu hụt về y tế",
            note=(
                "giảm tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 16 tuổi tại các huyện nghèo xuống "
                "dưới 37%. (văn bản ghi “xuống dưới 37%”)"
            ),
        ),
        TargetSeed(
            name="Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi",
            measure_unit="%",
            value_min=D("90"),
            unit="15",
            group="Chiều thiếu hụt về giáo dục, đào tạo",
            note="Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi đạt 90%.",
        ),
        TargetSeed(
            name=(
                "Tỷ lệ người lao động thuộc hộ nghèo, cận nghèo, mới thoát nghèo và thuộc huyện "
                "nghèo qua đào tạo"
            ),
            measure_unit="%",
            value_min=D("47.3"),
            unit="15",
            group="Chiều thiếu hụt về giáo dục, đào tạo",
            note=(
                "Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và tỷ lệ "
                "người lao động thuộc huyện nghèo qua đào tạo đạt 47,3%, trong đó có bằng cấp chứng "
                "chỉ đạt 25%; 100% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, "
                "người lao động có thu nhập thấp có nhu cầu được hỗ trợ đào tạo kỹ năng nghề phù hợp."
            ),
            children=(
                TargetSeed(name="Có bằng cấp chứng chỉ", measure_unit="%", value_min=D("25"), unit="15"),
            ),
        ),
        TargetSeed(
            name=(
                "Người lao động thuộc hộ nghèo, cận nghèo, mới thoát nghèo, thu nhập thấp có nhu "
                "cầu được hỗ trợ đào tạo kỹ năng nghề phù hợp"
            ),
            measure_unit="%",
            value_min=D("100"),
            unit="15",
            group="Chiều thiếu hụt về giáo dục, đào tạo",
            note=(
                "Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và tỷ lệ "
                "người lao động thuộc huyện nghèo qua đào tạo đạt 47,3%, trong đó có bằng cấp chứng "
                "chỉ đạt 25%; 100% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, "
                "người lao động có thu nhập thấp có nhu cầu được hỗ trợ đào tạo kỹ năng nghề phù hợp."
            ),
        ),
        TargetSeed(
            name="Hộ nghèo, hộ cận nghèo trên địa bàn hai huyện Trạm Tấu và Mù Cang Chải được hỗ trợ nhà ở",
            measure_unit="hộ",
            value_min=D("700"),
            unit="15",
            group="Chiều thiếu hụt về nhà ở",
            note=(
                "Chiều thiếu hụt về nhà ở: Có ít nhất 700 hộ nghèo, hộ cận nghèo trên địa bàn hai "
                "huyện Trạm Tấu và Mù Cang Chải được hỗ trợ nhà ở, đảm bảo có nhà ở an toàn, ổn "
                "định, có khả năng chống chịu tác động của thiên tai, góp phần nâng cao chất lượng "
                "cuộc sống và giảm nghèo bền vững."
            ),
        ),
        TargetSeed(
            name="Hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh",
            measure_unit="%",
            value_min=D("90"),
            unit="15",
            group="Chiều thiếu hụt về nước sinh hoạt và vệ sinh",
            note=(
                "Chiều thiếu hụt về nước sinh hoạt và vệ sinh: 90% hộ nghèo, hộ cận nghèo sử dụng "
                "nước sinh hoạt hợp vệ sinh); ít nhất 50% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu "
                "hợp vệ sinh."
            ),
        ),
        TargetSeed(
            name="Hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh",
            measure_unit="%",
            value_min=D("50"),
            unit="15",
            group="Chiều thiếu hụt về nước sinh hoạt và vệ sinh",
            note=(
                "Chiều thiếu hụt về nước sinh hoạt và vệ sinh: 90% hộ nghèo, hộ cận nghèo sử dụng "
                "nước sinh hoạt hợp vệ sinh); ít nhất 50% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu "
                "hợp vệ sinh."
            ),
        ),
        TargetSeed(
            name="Hộ nghèo, hộ cận nghèo có nhu cầu được tiếp cận sử dụng các dịch vụ viễn thông, internet",
            measure_unit="%",
            value_min=D("90"),
            unit="15",
            group="Chiều thiếu hụt về thông tin",
            note=(
                "Chiều thiếu hụt về thông tin: 90% hộ nghèo, hộ cận nghèo có nhu cầu được tiếp cận "
                "sử dụng các dịch vụ viễn thông, internet; 98% các hộ gia đình sinh sống địa bàn "
                "huyện nghèo được tiếp cận thông tin về giảm nghèo bền vững thông qua các hình thức "
                "xuất bản phẩm, sản phẩm truyền thông."
            ),
        ),
        TargetSeed(
            name="Hộ gia đình sinh sống địa bàn huyện nghèo được tiếp cận thông tin về giảm nghèo bền vững",
            measure_unit="%",
            value_min=D("98"),
            unit="15",
            group="Chiều thiếu hụt về thông tin",
            note=(
                "Chiều thiếu hụt về thông tin: 90% hộ nghèo, hộ cận nghèo có nhu cầu được tiếp cận "
                "sử dụng các dịch vụ viễn thông, internet; 98% các hộ gia đình sinh sống địa bàn "
                "huyện nghèo được tiếp cận thông tin về giảm nghèo bền vững thông qua các hình thức "
                "xuất bản phẩm, sản phẩm truyền thông."
            ),
        ),
    ),
    projects=(
        ProjectSeed(
            kind="du_an",
            number=1,
            name="Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo",
            children=(
                ProjectSeed(
                    kind="tieu_du_an",
                    number=1,
                    name="Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo",
                    objective=(
                        "Xây dựng cơ sở hạ tầng liên kết vùng, thiết yếu, phục vụ dân sinh, "
                        "sản xuất, lưu thông hàng hóa trên địa bàn các huyện nghèo; hỗ trợ các "
                        "địa bàn nghèo phát triển cơ sở hạ tầng kinh tế - xã hội, nâng cao "
                        "chất lượng cuộc sống cho người dân và thúc đẩy tăng trưởng kinh tế."
                    ),
                    beneficiaries="huyện Trạm Tấu, huyện Mù Cang Chải.",
                    support_content=(
                        "Đầu tư cơ sở hạ tầng kinh tế - xã hội, cơ sở hạ tầng trên địa "
                        "bàn các huyện nghèo, cụ thể:\n"
                        "- Đầu tư phát triển cơ sở hạ tầng kinh tế - xã hội liên kết "
                        "vùng, thiết yếu (công trình đầu tư cấp huyện, liên xã) phục vụ "
                        "dân sinh, sản xuất, thương mại, lưu thông hàng hóa và tiếp cận "
                        "các dịch vụ xã hội cơ bản, gồm:\n"
                        "+ Các công trình giao thông, cầu, hạ tầng điện phục vụ dân "
                        "sinh, sản xuất;\n"
                        "+ Các công trình giáo dục đạt chuẩn quốc gia;\n"
                        "+ Các công trình y tế đạt chuẩn quốc gia;\n"
                        "+ Các công trình phục vụ nước sinh hoạt cho người dân;\n"
                        "+ Công trình thủy lợi phục vụ sản xuất;\n"
                        "+ Các công trình phục vụ nhu cầu về hoạt động văn hóa thể thao;\n"
                        "+ Các loại công trình xây dựng cơ sở hạ tầng phát triển kinh tế "
                        "- xã hội khác do cộng đồng nghèo trên địa bàn huyện nghèo đề "
                        "xuất, phù hợp với phong tục, tập quán, bản sắc dân tộc, văn "
                        "hóa, nhu cầu của cộng đồng, phù hợp với mục tiêu của Chương "
                        "trình và quy định của pháp luật, ưu tiên công trình cho các "
                        "cộng đồng nghèo, công trình có nhiều người nghèo, phụ nữ hưởng "
                        "lợi. Công trình đầu tư phải đảm bảo tính kết nối về giao thông, "
                        "kinh tế, xã hội để hỗ trợ phát triển sản xuất, lưu thông hàng "
                        "hóa, dịch vụ, tiếp cận các dịch vụ xã hội cơ bản liên xã, giữa "
                        "xã với huyện hoặc kết nối huyện với các khu vực trung tâm, vùng "
                        "động lực phát triển. Công trình đầu tư phải phục vụ trực tiếp "
                        "cho sản xuất và dân sinh, đáp ứng nhu cầu của người dân hưởng "
                        "lợi, ưu tiên các công trình có nhiều người hưởng lợi là người "
                        "thuộc hộ nghèo, cận nghèo, mới thoát nghèo, dân tộc thiểu số, phụ nữ.\n"
                        "- Hỗ trợ duy tu và bảo dưỡng các công trình phục vụ dân sinh, "
                        "sản xuất, thiết yếu trên địa bàn các huyện nghèo."
                    ),
                    lead_text="Ủy ban nhân dân huyện Trạm Tấu, Ủy ban nhân dân huyện Mù Chải",
                    coordinating_text="các cơ quan liên quan",
                ),
            ),
        ),
        ProjectSeed(
            kind="du_an",
            number=2,
            name="Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
            objective=(
                "Hỗ trợ đa dạng hóa sinh kế, xây dựng, phát triển và nhân rộng các mô hình, dự "
                "án giảm nghèo hỗ trợ phát triển sản xuất, kinh doanh, dịch vụ, du lịch, khởi "
                "nghiệp, khởi sự kinh doanh nhằm tạo việc làm, sinh kế bền vững, thu nhập tốt, "
                "nâng cao chất lượng cuộc sống và thích ứng với biến đổi khí hậu, dịch bệnh "
                "cho người nghèo; góp phần thực hiện mục tiêu chuyển dịch cơ cấu kinh tế, cơ "
                "cấu lao động, phát huy các giá trị văn hóa của dân tộc, bảo vệ môi trường, "
                "tăng trưởng kinh tế và mục tiêu giảm nghèo bền vững."
            ),
            beneficiaries=(
                "- Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người "
                "khuyết tật (không có sinh kế ổn định) trên phạm vi toàn tỉnh; người dân "
                "sinh sống trên địa bàn huyện nghèo. Ưu tiên hỗ trợ hộ nghèo dân tộc thiểu "
                "số, hộ nghèo có thành viên là người có công với cách mạng và phụ nữ thuộc "
                "hộ nghèo;\n"
                "- Hộ gia đình, tổ, nhóm hợp tác, hợp tác xã, doanh nghiệp và tổ chức, cá "
                "nhân; cơ sở đào tạo, cơ sở giáo dục nghề nghiệp; trung tâm nghiên cứu, "
                "khoa học, công nghệ, kỹ thuật; cơ sở sản xuất, kinh doanh khác xây dựng, "
                "nhân rộng, phát triển mô hình, dự án giảm nghèo hỗ trợ phát triển sản "
                "xuất, kinh doanh, dịch vụ, du lịch, khởi nghiệp, khởi sự kinh doanh nhằm "
                "tạo việc làm, sinh kế, thu nhập và chuyển giao khoa học, công nghệ, kỹ "
                "thuật, mô hình giảm nghèo cho người nghèo, đặc biệt chú trọng hỗ trợ "
                "triển khai trên địa bàn huyện nghèo; mô hình, dự án giảm nghèo, khởi "
                "nghiệp, khởi sự kinh doanh do người khuyết tật, dân tộc thiểu số, phụ nữ, "
                "học sinh, sinh viên thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo chủ "
                "trì thực hiện;\n"
                "- Tạo điều kiện để người yếu thế, dễ bị tổn thương, có hoàn cảnh khó khăn "
                "được tham gia thực hiện."
            ),
            support_content=(
                "- Xây dựng, phát triển, nhân rộng các mô hình, dự án giảm nghèo hỗ trợ "
                "phát triển sản xuất, kinh doanh, dịch vụ, thương mại, du lịch, khởi "
                "nghiệp, khởi sự kinh doanh nhằm tạo việc làm, sinh kế bền vững, thu "
                "nhập tốt cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người dân sinh "
                "sống trên địa bàn huyện nghèo; tập huấn, chuyển giao khoa học, kỹ "
                "thuật, công nghệ; dạy nghề, hướng nghiệp, tạo việc làm; hỗ trợ giống "
                "cây trồng, vật nuôi, nguyên liệu sản xuất, vật tư, công cụ, máy móc, "
                "thiết bị, nhà xưởng sản xuất và điều kiện cơ sở vật chất; xúc tiến "
                "thương mại, tiếp cận thị trường, liên kết phát triển sản xuất, phát "
                "triển ngành nghề với bảo quản, chế biến, tiêu thụ sản phẩm giữa hộ "
                "nghèo, cận nghèo, hộ mới thoát nghèo, cộng đồng với hợp tác xã, doanh "
                "nghiệp, tổ chức, cá nhân liên quan và các nội dung khác theo quy định "
                "của pháp luật; mô hình giảm nghèo gắn với quốc phòng, an ninh;\n"
                "- Tổ chức các hoạt động đa dạng hóa sinh kế khác do cộng đồng đề xuất, "
                "phù hợp với phong tục, tập quán, nhu cầu của cộng đồng; phù hợp với mục "
                "tiêu của Chương trình và quy định của pháp luật."
            ),
            lead="Sở Lao động - Thương binh và Xã hội",
            coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
            coordinating_text="các sở, ban, ngành liên quan",
        ),
        ProjectSeed(
            kind="du_an",
            number=3,
            name="Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
            children=(
                ProjectSeed(
                    kind="tieu_du_an",
                    number=1,
                    name="Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp",
                    objective=(
                        "Hỗ trợ nâng cao năng lực sản xuất nông, lâm, ngư nghiệp; đẩy mạnh "
                        "phát triển sản xuất liên kết theo chuỗi giá trị, ứng dụng công nghệ "
                        "cao nhằm đổi mới phương thức, kỹ thuật sản xuất, bảo đảm an ninh "
                        "lương thực, đáp ứng nhu cầu dinh dưỡng, tăng thu nhập, gắn với quy "
                        "hoạch sản xuất, thực hiện các mục tiêu, nhiệm vụ của Đề án cơ cấu lại "
                        "ngành nông nghiệp theo hướng phát triển nông, lâm nghiệp, thủy sản "
                        "hàng hóa, tập trung vào các sản phẩm chủ lực, đặc sản theo chuỗi liên "
                        "kết đảm bảo chất lượng, giá trị gia tăng cao gắn với xây dựng nông thôn mới."
                    ),
                    beneficiaries=(
                        "+ Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát "
                        "nghèo, người khuyết tật (không có sinh kế ổn định) trên phạm vi "
                        "toàn tỉnh; người dân sinh sống trên địa bàn huyện nghèo;\n"
                        "+ Hỗ trợ hộ nghèo dân tộc thiểu số, hộ nghèo có thành viên là "
                        "người có công với cách mạng và phụ nữ thuộc hộ nghèo."
                    ),
                    support_content=(
                        "+ Phát triển sản xuất nông, lâm, ngư nghiệp: Tập huấn kỹ thuật, "
                        "tư vấn chuyển giao kỹ thuật, cung cấp cây trồng, vật nuôi, vật "
                        "tư, công cụ, dụng cụ sản xuất; phân bón, thức ăn chăn nuôi, "
                        "thuốc bảo vệ thực vật, thuốc thú y và hỗ trợ khác theo quy định;\n"
                        "+ Phát triển hệ thống lương thực, thực phẩm đảm bảo đủ dinh dưỡng;\n"
                        "+ Tập huấn, tư vấn quản lý tiêu thụ nông sản, thí điểm, nhân "
                        "rộng các giải pháp, sáng kiến phát triển sản xuất nông nghiệp "
                        "gắn với chuỗi giá trị hiệu quả."
                    ),
                    lead="Sở Nông nghiệp và Phát triển nông thôn",
                    coordinating=(
                        "Sở Lao động - Thương binh và Xã hội",
                        "Ủy ban nhân dân các huyện, thị xã, thành phố",
                    ),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
                ProjectSeed(
                    kind="tieu_du_an",
                    number=2,
                    name="Cải thiện dinh dưỡng",
                    objective=(
                        "Cải thiện tình trạng dinh dưỡng và giảm suy dinh dưỡng thấp còi, chăm "
                        "sóc sức khỏe, nâng cao thể trạng và tầm vóc của trẻ em dưới 16 tuổi "
                        "thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và trẻ em sinh sống "
                        "trên địa bàn huyện nghèo."
                    ),
                    beneficiaries=(
                        "+ Trẻ em dưới 16 tuổi thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát "
                        "nghèo; trẻ em sinh sống trên địa bàn huyện nghèo;\n"
                        "+ Phụ nữ mang thai và cho con bú, hộ gia đình, cơ sở y tế, trường "
                        "học trên địa bàn huyện nghèo."
                    ),
                    support_content=(
                        "+ Hỗ trợ tiếp cận, can thiệp trực tiếp phòng chống suy dinh "
                        "dưỡng, thiếu vi chất dinh dưỡng cho bà mẹ, trẻ em dưới 5 tuổi "
                        "thuộc hộ gia đình nghèo và cận nghèo; người dân sinh sống trên "
                        "địa bàn huyện nghèo.\n"
                        "+ Tăng cường hoạt động cải thiện chất lượng bữa ăn học đường và "
                        "giáo dục chăm sóc dinh dưỡng; can thiệp phòng chống thiếu vi "
                        "chất dinh dưỡng; bảo vệ, chăm sóc dinh dưỡng cho trẻ học đường "
                        "(trẻ từ 5 đến dưới 16 tuổi)."
                    ),
                    lead="Sở Y tế",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
            ),
        ),
        ProjectSeed(
            kind="du_an",
            number=4,
            name="Phát triển giáo dục nghề nghiệp, việc làm bền vững",
            children=(
                ProjectSeed(
                    kind="tieu_du_an",
                    number=1,
                    name="Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
                    objective=(
                        "Phát triển giáo dục nghề nghiệp cả về quy mô và chất lượng đào tạo, "
                        "hỗ trợ đào tạo nghề cho người nghèo, người dân sinh sống trên địa bàn "
                        "tỉnh, (ưu tiên người dân trên địa bàn huyện nghèo), gắn kết chặt chẽ "
                        "giáo dục nghề nghiệp với tạo việc làm, sinh kế bền vững, tăng thu "
                        "nhập và nâng cao chất lượng cuộc sống."
                    ),
                    beneficiaries=(
                        "+ Người học nghề, lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới "
                        "thoát nghèo; người lao động có thu nhập thấp;\n"
                        "+ Các cơ sở giáo dục nghề nghiệp trên địa bàn tỉnh;\n"
                        "+ Các doanh nghiệp, hợp tác xã, tổ chức và cá nhân có liên quan;\n"
                        "+ Các ngành, địa phương tham gia thực hiện các hoạt động của Tiểu dự án."
                    ),
                    support_content=(
                        "+ Về cơ sở vật chất, thiết bị, phương tiện đào tạo cho các cơ "
                        "sở giáo dục nghề nghiệp trên địa bàn tỉnh có huyện nghèo;\n"
                        "+ Phát triển chương trình, học liệu; phát triển nhà giáo và cán "
                        "bộ quản lý giáo dục nghề nghiệp;\n"
                        "+ Khảo sát, thống kê, dự báo nhu cầu học nghề; truyền thông, "
                        "hướng nghiệp, hỗ trợ khởi nghiệp và tạo việc làm trên địa bàn tỉnh;\n"
                        "+ Phát triển mô hình gắn kết giáo dục nghề nghiệp với doanh "
                        "nghiệp, hợp tác xã trên địa bàn tỉnh;\n"
                        "+ Đào tạo nghề cho người lao động thuộc hộ nghèo, hộ cận nghèo, "
                        "hộ mới thoát nghèo, người lao động có thu nhập thấp."
                    ),
                    lead="Sở Lao động - Thương binh và Xã hội",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
                ProjectSeed(
                    kind="tieu_du_an",
                    number=2,
                    name="Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng",
                    objective=(
                        "Đẩy mạnh hoạt động đưa người lao động sinh sống trên địa bàn các "
                        "huyện nghèo đi làm việc ở nước ngoài theo hợp đồng; hỗ trợ hoạt động "
                        "đào tạo nâng cao trình độ ngoại ngữ, kỹ năng nghề cho người lao động "
                        "trước khi đi làm việc ở nước ngoài theo hợp đồng, góp phần tạo việc "
                        "làm, nâng cao thu nhập và giảm nghèo bền vững, nhất là người lao động "
                        "thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người lao động trên "
                        "địa bàn huyện nghèo."
                    ),
                    beneficiaries=(
                        "+ Người lao động có nhu cầu đi làm việc ở nước ngoài, cư trú trên "
                        "địa bàn các huyện nghèo (không bao gồm các địa bàn được hưởng cơ "
                        "chế, chính sách hỗ trợ người lao động đi làm việc ở nước ngoài "
                        "quy định tại Chương trình mục tiêu quốc gia phát triển kinh tế - "
                        "xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn "
                        "2021-2030); ưu tiên người lao động thuộc hộ nghèo, hộ cận nghèo, "
                        "hộ mới thoát nghèo;\n"
                        "+ Cơ sở đào tạo, doanh nghiệp, tổ chức sự nghiệp đưa người lao "
                        "động đi làm việc ở nước ngoài theo hợp đồng; các tổ chức, cá nhân "
                        "tư vấn cho người lao động đi làm việc ở nước ngoài theo hợp đồng;\n"
                        "+ Người lao động tham gia các khóa đào tạo nâng cao trình độ "
                        "ngoại ngữ để đi làm việc ở nước ngoài theo các hiệp định ký giữa "
                        "Chính phủ Việt Nam và Chính phủ nước tiếp nhận."
                    ),
                    lead="Sở Lao động - Thương binh và Xã hội",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
                ProjectSeed(
                    kind="tieu_du_an",
                    number=3,
                    name="Hỗ trợ việc làm bền vững",
                    objective=(
                        "Cung cấp thông tin thị trường lao động, đa dạng hóa các hoạt động "
                        "giao dịch việc làm, kết nối cung cầu lao động, hỗ trợ tạo việc làm "
                        "bền vững cho người lao động, ưu tiên người lao động thuộc hộ nghèo, "
                        "hộ cận nghèo, hộ mới thoát nghèo; người lao động sinh sống trên địa "
                        "bàn huyện nghèo."
                    ),
                    beneficiaries=(
                        "+ Người lao động, ưu tiên lao động thuộc hộ nghèo, hộ cận nghèo, "
                        "hộ mới thoát nghèo;\n"
                        "+ Người lao động sinh sống trên địa bàn huyện nghèo;\n"
                        "+ Các trung tâm dịch vụ việc làm, doanh nghiệp hoạt động dịch vụ "
                        "việc làm trên địa bàn tỉnh và cơ quan, tổ chức có liên quan;\n"
                        "+ Cơ quan quản lý nhà nước các cấp."
                    ),
                    support_content=(
                        "+ Về cơ sở hạ tầng, trang thiết bị công nghệ thông tin để hiện "
                        "đại hóa hệ thống thông tin thị trường lao động, hình thành sàn "
                        "giao dịch việc làm trực tuyến và xây dựng các cơ sở dữ liệu;\n"
                        "+ Xây dựng cơ sở dữ liệu việc tìm người - người tìm việc;\n"
                        "+ Hỗ trợ giao dịch việc làm;\n"
                        "+ Quản lý lao động gắn với cơ sở dữ liệu quốc gia về dân cư và "
                        "các cơ sở dữ liệu khác;\n"
                        "+ Thu thập, phân tích, dự báo thị trường lao động;\n"
                        "+ Hỗ trợ kết nối việc làm thành công."
                    ),
                    lead="Sở Lao động - Thương binh và Xã hội",
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
            ),
        ),
        ProjectSeed(
            kind="du_an",
            number=5,
            name="Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo",
            objective=(
                "Hỗ trợ nhà ở cho khoảng 700 hộ nghèo, hộ cận nghèo trên địa bàn các huyện "
                "nghèo có nhà ở an toàn, ổn định, có khả năng chống chịu tác động của thiên "
                "tai, góp phần nâng cao chất lượng cuộc sống và giảm nghèo bền vững."
            ),
            beneficiaries=(
                "- Hộ nghèo, hộ cận nghèo (theo chuẩn nghèo đa chiều quốc gia giai đoạn "
                "2021-2025) trong danh sách hộ nghèo, hộ cận nghèo do Ủy ban nhân dân cấp "
                "xã quản lý, đang cư trú trên địa bàn huyện nghèo và là hộ độc lập có thời "
                "gian tách hộ đến khi Chương trình có hiệu lực thi hành tối thiểu 03 năm;\n"
                "- Đối tượng thụ hưởng dự án không bao gồm các hộ đã được hỗ trợ nhà ở "
                "thuộc Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng "
                "đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030 và các chương "
                "trình, đề án, chính sách khác."
            ),
            support_content=(
                "Xây mới hoặc sửa chữa, nâng cấp nhà ở hiện có; đảm bảo diện tích sử "
                "dụng tối thiểu 30m2 “3 cứng” (nền cứng, khung - tường cứng, mái cứng) "
                "và tuổi thọ căn nhà từ 20 năm trở lên."
            ),
            lead="Sở Xây dựng",
            coordinating=(
                "Sở Lao động - Thương binh và Xã hội",
                "Ủy ban nhân dân các huyện, thị xã, thành phố",
            ),
            coordinating_text="các sở, ban, ngành liên quan",
        ),
        ProjectSeed(
            kind="du_an",
            number=6,
            name="Truyền thông và giảm nghèo về thông tin",
            children=(
                ProjectSeed(
                    kind="tieu_du_an",
                    number=1,
                    name="Giảm nghèo về thông tin",
                    objective=(
                        "+ Hỗ trợ hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; người dân sinh "
                        "sống trên địa bàn huyện nghèo sử dụng dịch vụ viễn thông, tiếp cận "
                        "thông tin, giảm nghèo về thông tin.\n"
                        "+ Nâng cao năng lực, hiệu quả hoạt động của hệ thống thông tin cơ sở; "
                        "đảm bảo 100% xã có điều kiện kinh tế - xã hội đặc biệt khó khăn có hệ "
                        "thống đài truyền thanh hoạt động, phục vụ tốt cho công tác thông tin, "
                        "tuyên truyền và quản lý, điều hành tại địa phương.\n"
                        "+ Tăng cường thông tin, tuyên truyền phục vụ nhiệm vụ chính trị, "
                        "thông tin thiết yếu cho xã hội, nhất là cung cấp thông tin về cơ sở "
                        "miền núi, vùng sâu, vùng xa, thông tin cho người dân sinh sống trên "
                        "địa bàn các xã có tỷ lệ hộ nghèo cao, vùng đồng bào dân tộc thiểu số, "
                        "bao gồm thông tin về kiến thức, kỹ năng, mô hình, kinh nghiệm lao "
                        "động, sản xuất, kinh doanh; truyền thông nâng cao nhận thức, trách "
                        "nhiệm của toàn xã hội, của người nghèo về công tác giảm nghèo, đảm "
                        "bảo an sinh xã hội bền vững.\n"
                        "+ Tăng cường tiếp cận thông tin thiết yếu cho cộng đồng dân cư; đảm "
                        "bảo 100% xã có điều kiện kinh tế - xã hội đặc biệt khó khăn có điểm "
                        "cung cấp thông tin công cộng phục vụ người dân sử dụng dịch vụ thông "
                        "tin thiết yếu, góp phần thúc đẩy phát triển kinh tế - xã hội ở các "
                        "khu vực này."
                    ),
                    beneficiaries=(
                        "+ Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; người dân sinh sống "
                        "trên địa bàn huyện nghèo;\n"
                        "+ Các huyện nghèo;\n"
                        "+ Các tổ chức và cá nhân có liên quan."
                    ),
                    support_content=(
                        "+ Nâng cao năng lực cho cán bộ thông tin và truyền thông;\n"
                        "+ Cung cấp dịch vụ thông tin công cộng tại các điểm cung cấp "
                        "dịch bưu chính công cộng phục vụ tiếp cận thông tin của nhân "
                        "dân ở các xã có điều kiện kinh tế - xã hội đặc biệt khó khăn;\n"
                        "+ Tăng cường cơ sở vật chất cho hoạt động thông tin cơ sở (bao "
                        "gồm cơ sở vật chất cho hoạt động của Đài truyền thanh xã, bảng "
                        "tin điện tử công cộng, trang bị phương tiện tác nghiệp phục vụ "
                        "thông tin cổ động cấp xã, truyền thanh thôn, bản thuộc xã có "
                        "điều kiện kinh tế - xã hội đặc biệt khó khăn), để cung cấp nội "
                        "dung thông tin thiết yếu cho xã hội. Trên cơ sở ứng dụng công "
                        "nghệ số, đẩy mạnh trang bị cơ sở vật chất, nền tảng cung cấp "
                        "nội dung thông tin thiết yếu cho xã hội;\n"
                        "+ Hỗ trợ tăng cường nội dung thông tin thiết yếu cho xã hội, ưu "
                        "tiên đối với xã có điều kiện kinh tế - xã hội đặc biệt khó khăn."
                    ),
                    lead="Sở Thông tin và Truyền thông",
                    coordinating=(
                        "Sở Lao động - Thương binh và Xã hội",
                        "Ủy ban nhân dân các huyện, thị xã, thành phố",
                    ),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
                ProjectSeed(
                    kind="tieu_du_an",
                    number=2,
                    name="Truyền thông về giảm nghèo đa chiều",
                    objective=(
                        "Tăng cường truyền thông, nâng cao nhận thức, trách nhiệm của toàn xã "
                        "hội về công tác giảm nghèo đa chiều, bao trùm, bền vững nhằm khơi dậy "
                        "tinh thần tự lực, tự cường vươn lên thoát nghèo của người dân và cộng "
                        "đồng; nâng cao khả năng tiếp cận và thụ hưởng trợ giúp pháp lý, huy "
                        "động nguồn lực để thực hiện mục tiêu giảm nghèo bền vững; tuyên "
                        "truyền các gương điển hình, sáng kiến, mô hình tốt về giảm nghèo để "
                        "thúc đẩy, nhân rộng và lan tỏa trong xã hội."
                    ),
                    beneficiaries=(
                        "+ Người nghèo, người dân tại các địa bàn thực hiện Chương trình;\n"
                        "+ Các tổ chức và cá nhân có liên quan."
                    ),
                    support_content=(
                        "+ Xây dựng, tổ chức thực hiện các chương trình, sự kiện, chuyên "
                        "trang, chuyên mục, phóng sự, ấn phẩm truyền thông về giảm nghèo "
                        "bền vững;\n"
                        "+ Tuyên truyền, giáo dục, nâng cao nhận thức và trách nhiệm các "
                        "cấp, các ngành và toàn xã hội về công tác giảm nghèo;\n"
                        "+ Hỗ trợ các cơ quan báo chí, xuất bản thông tin, tuyên truyền "
                        "về công tác giảm nghèo, kịp thời giới thiệu các cá nhân, tập "
                        "thể, mô hình, kinh nghiệm hay trong giảm nghèo bền vững;\n"
                        "+ Tổ chức thực hiện phong trào thi đua “Cả nước chung tay vì "
                        "người nghèo - Không để ai bị bỏ lại phía sau”, biểu dương, khen "
                        "thưởng các địa phương, cộng đồng, hộ nghèo và tổ chức, cá nhân "
                        "có thành tích xuất sắc trong lĩnh vực giảm nghèo;\n"
                        "+ Xây dựng, tổ chức thực hiện các chương trình thông tin và "
                        "truyền thông định hướng cho người dân tham gia, thụ hưởng "
                        "Chương trình; tiếp cận các dịch vụ xã hội cơ bản về việc làm, "
                        "giáo dục nghề nghiệp, đi làm việc ở nước ngoài theo hợp đồng, y "
                        "tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin, trợ giúp "
                        "pháp lý, trợ giúp xã hội và bình đẳng giới;\n"
                        "+ Tổ chức các hoạt động đối thoại chính sách về giảm nghèo ở "
                        "các cấp, các ngành, nhất là cơ sở;\n"
                        "+ Phát triển hoạt động trang thông tin điện tử về giảm nghèo."
                    ),
                    lead="Sở Lao động - Thương binh và Xã hội",
                    coordinating=(
                        "Sở Thông tin và Truyền thông",
                        "Báo Yên Bái",
                        "Đài Phát thanh và Truyền hình tỉnh",
                        "Ủy ban nhân dân các huyện, thị xã, thành phố",
                    ),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
            ),
        ),
        ProjectSeed(
            kind="du_an",
            number=7,
            name="Nâng cao năng lực và giám sát, đánh giá Chương trình",
            children=(
                ProjectSeed(
                    kind="tieu_du_an",
                    number=1,
                    name="Nâng cao năng lực thực hiện Chương trình",
                    objective=(
                        "Nâng cao năng lực đội ngũ cán bộ làm công tác giảm nghèo ở các cấp "
                        "nhằm hỗ trợ người nghèo vươn lên thoát nghèo, phòng ngừa, hạn chế "
                        "người dân rơi vào tình trạng nghèo đói; bảo đảm thực hiện Chương "
                        "trình đúng mục tiêu, đúng đối tượng, hiệu quả, bền vững."
                    ),
                    beneficiaries=(
                        "+ Cán bộ làm công tác giảm nghèo các cấp, nhất là cấp cơ sở (cán "
                        "bộ thôn, bản, đại diện cộng đồng, lãnh đạo tổ nhóm, cán bộ chi "
                        "hội đoàn thể, cộng tác viên giảm nghèo, người có uy tín), chú "
                        "trọng nâng cao năng lực cho cán bộ nữ;\n"
                        "+ Các tổ chức và cá nhân có liên quan."
                    ),
                    support_content=(
                        "+ Xây dựng tài liệu và đào tạo, tập huấn, bồi dưỡng kiến thức, "
                        "kỹ năng, nghiệp vụ cho đội ngũ cán bộ làm công tác giảm nghèo; "
                        "chú trọng các nội dung thực hiện Chương trình, giải quyết các "
                        "chiều thiếu hụt dịch vụ xã hội cơ bản cho người nghèo về việc "
                        "làm, giáo dục nghề nghiệp, đi làm việc ở nước ngoài theo hợp "
                        "đồng, y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin. "
                        "Nâng cao kiến thức, kỹ năng, nghiệp vụ cho đội ngũ cán bộ làm "
                        "công tác trợ giúp pháp lý, công tác xã hội, bình đẳng giới nhằm "
                        "hỗ trợ hiệu quả cho người nghèo, đối tượng yếu thế, có hoàn "
                        "cảnh khó khăn;\n"
                        "+ Tổ chức học tập, trao đổi kinh nghiệm; tổ chức hội thảo, hội "
                        "nghị và các hoạt động khác về công tác giảm nghèo."
                    ),
                    lead="Sở Lao động - Thương binh và Xã hội",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
                ProjectSeed(
                    kind="tieu_du_an",
                    number=2,
                    name="Giám sát, đánh giá",
                    objective=(
                        "Tổ chức giám sát, đánh giá việc tổ chức thực hiện Chương trình, đảm "
                        "bảo thực hiện đúng mục tiêu, đúng đối tượng và quy định của pháp luật."
                    ),
                    beneficiaries=(
                        "+ Cơ quan chủ trì Chương trình các cấp, các cơ quan chủ trì các "
                        "dự án thành phần/nội dung trong các dự án thành phần các cấp và "
                        "các cán bộ được phân công phụ trách và tổ chức thực hiện công tác "
                        "giám sát, đánh giá;\n"
                        "+ Các tổ chức và cá nhân có liên quan."
                    ),
                    support_content=(
                        "+ Kiểm tra, giám sát, đánh giá kết quả thực hiện các chính "
                        "sách, chương trình, dự án giảm nghèo định kỳ, hằng năm hoặc đột xuất;\n"
                        "+ Rà soát hộ nghèo, hộ cận nghèo hằng năm; tổ chức điều tra, "
                        "đánh giá đầu kỳ, giữa kỳ và cuối kỳ ở các cấp;\n"
                        "+ Xây dựng hệ thống cơ sở dữ liệu và phần mềm quản lý dữ liệu "
                        "giảm nghèo ở các cấp."
                    ),
                    lead="Sở Lao động - Thương binh và Xã hội",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các sở, ban, ngành liên quan",
                ),
            ),
        ),
        ProjectSeed(
            kind="chinh_sach",
            number=1,
            name="Chính sách tín dụng ưu đãi đối với hộ nghèo, hộ cận nghèo",
            support_content=(
                "Triển khai hiệu quả, nâng cao chất lượng các Chương trình tín dụng ưu "
                "đãi; tạo điều kiện cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và "
                "các đối tượng chính sách khác có nhu cầu được tiếp cận kịp thời các "
                "nguồn vốn tín dụng ưu đãi để phát triển sản xuất kinh doanh, tạo việc "
                "làm, tăng thu nhập hoặc cải thiện khả năng tiếp cận các dịch vụ xã hội "
                "cơ bản, thiết yếu."
            ),
            lead="Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
            coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
            coordinating_text="các tổ chức đoàn thể ủy thác, các cơ quan, đơn vị có liên quan",
        ),
        ProjectSeed(
            kind="chinh_sach",
            number=2,
            name="Thực hiện chính sách hỗ trợ hộ giảm nghèo theo các chiều thiếu hụt",
            children=(
                ProjectSeed(
                    kind="chinh_sach",
                    number=1,
                    name="Hỗ trợ về y tế",
                    support_content=(
                        "+ Tăng cường, đẩy mạnh công tác truyền thông để người dân trên "
                        "địa bàn tỉnh hiểu rõ hơn ý nghĩa của Bảo hiểm y tế, trên cơ sở "
                        "đó chủ động tham gia Bảo hiểm y tế tự nguyện để hạn chế tình "
                        "trạng tái nghèo, phát sinh nghèo do mắc các bệnh hiểm nghèo "
                        "hoặc các bệnh điều trị dài ngày có chi phí điều trị cao.\n"
                        "+ Thực hiện đầy đủ, kịp thời việc cấp phát thẻ Bảo hiểm y tế "
                        "đối với người thuộc hộ nghèo và các nhóm đối tượng được nhà "
                        "nước hỗ trợ kinh phí tham gia bảo hiểm y tế; tạo điều kiện cho "
                        "người thuộc hộ nghèo, hộ cận nghèo và các đối tượng có hoàn "
                        "cảnh khó khăn tiếp cận các dịch vụ y tế một cách thuận lợi."
                    ),
                    lead="Sở Y tế",
                    coordinating=(
                        "Sở Lao động - Thương binh và Xã hội",
                        "Ủy ban nhân dân các huyện, thị xã, thành phố",
                    ),
                    coordinating_text="các sở, ban, ngành, đoàn thể, địa phương, đơn vị có liên quan",
                ),
                ProjectSeed(
                    kind="chinh_sach",
                    number=2,
                    name="Hỗ trợ về giáo dục - đào tạo",
                    support_content=(
                        "+ Triển khai thực hiện có hiệu quả, kịp thời các chính sách hỗ "
                        "trợ giáo dục cho học sinh, sinh viên là thành viên thuộc hộ "
                        "nghèo, hộ cận nghèo; học sinh, sinh viên là người dân tộc thiểu "
                        "số, học sinh sinh viên cư trú tại các địa bàn có điều kiện kinh "
                        "tế xã hội đặc biệt khó khăn theo quy định của nhà nước và các "
                        "chính sách đặc thù của tỉnh."
                    ),
                    lead="Sở Giáo dục và Đào tạo",
                    coordinating=(
                        "Sở Lao động - Thương binh và Xã hội",
                        "Ủy ban nhân dân các huyện, thị xã, thành phố",
                    ),
                    coordinating_text="các cơ quan, đơn vị có liên quan",
                ),
                ProjectSeed(
                    kind="chinh_sach",
                    number=3,
                    name="Hỗ trợ về nhà ở",
                    support_content=(
                        "Thực hiện chính sách hỗ trợ về nhà ở theo các Quyết định của "
                        "các cơ quan có thẩm quyền, trong đó tập trung ưu tiên giải "
                        "quyết trước đối với các hộ nghèo có thành viên hưởng chính sách "
                        "ưu đãi người có công, các đối tượng hộ nghèo không có sức lao "
                        "động và các trường hợp có nhu cầu cấp bách về nhà ở."
                    ),
                    lead="Sở Xây dựng",
                    coordinating=(
                        "Sở Lao động - Thương binh và Xã hội",
                        "Ủy ban nhân dân các huyện, thị xã, thành phố",
                    ),
                    coordinating_text="các cơ quan, đơn vị có liên quan",
                ),
                ProjectSeed(
                    kind="chinh_sach",
                    number=4,
                    name="Hỗ trợ nước sinh hoạt và vệ sinh môi trường",
                    support_content=(
                        "Tiếp tục huy động, lồng ghép các nguồn lực để thực hiện có hiệu "
                        "quả các dự án, chương trình nước sạch và vệ sinh môi trường "
                        "nông thôn, gắn với xây dựng nông thôn mới."
                    ),
                    lead="Sở Nông nghiệp và Phát triển nông thôn",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các cơ quan, đơn vị có liên quan",
                ),
                ProjectSeed(
                    kind="chinh_sach",
                    number=5,
                    name="Nâng cao chất lượng công tác thông tin truyền thông",
                    support_content=(
                        "Xây dựng và củng cố hệ thống thông tin - truyền thông cơ sở, "
                        "phục vụ ngày càng tốt hơn nhu cầu hưởng thụ thông tin, nâng cao "
                        "chất lượng đời sống văn hóa, tinh thần của nhân dân. Tiếp tục "
                        "đầu tư nâng cấp, nâng cao chất lượng, hiệu quả hoạt động Đài "
                        "Phát thanh các huyện, thị xã, thành phố, các điểm Bưu điện văn "
                        "hóa xã và các công trình hạ tầng về viễn thông ở vùng nông "
                        "thôn, tạo điều kiện thuận lợi cho nhân dân được tiếp cận thông "
                        "tin qua hệ thống phát thanh truyền hình và internet."
                    ),
                    lead="Sở Thông tin và Truyền thông",
                    coordinating=("Ủy ban nhân dân các huyện, thị xã, thành phố",),
                    coordinating_text="các cơ quan, đơn vị có liên quan",
                ),
            ),
        ),
        ProjectSeed(
            kind="chinh_sach",
            number=3,
            name="Lồng ghép các chương trình, dự án, chính sách khác",
            support_content=(
                "Lồng ghép có hiệu quả nguồn vốn của các dự án, tiểu dự án, nội dung "
                "thành phần thuộc Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
                "giai đoạn 2021-2025, Chương trình mục tiêu quốc gia phát triển kinh tế "
                "- xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2025 "
                "và các chương trình, dự án phát triển kinh tế - xã hội khác trên địa "
                "bàn tỉnh để thực hiện các mục tiêu về giảm nghèo trên địa bàn tỉnh."
            ),
            lead="Sở Kế hoạch và Đầu tư",
            coordinating=(
                "Sở Lao động - Thương binh và Xã hội",
                "Ban Dân tộc tỉnh",
                "Sở Nông nghiệp và Phát triển nông thôn",
            ),
            coordinating_text="các sở, ban, ngành, đoàn thể, địa phương, đơn vị có liên quan",
        ),
    ),
    tasks=(
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Là cơ quan thường trực của Chương trình, chủ trì, phối hợp với các ban, sở, ngành, "
                "đoàn thể, các Ủy ban nhân dân các huyện, thị xã, thành phố triển khai thực hiện Kế "
                "hoạch trên địa bàn toàn tỉnh."
            ),
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text="Chủ trì thực hiện các dự án, tiểu dự án theo phân công tại Phần III, Kế hoạch này.",
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Chịu trách nhiệm thực hiện nhiệm vụ đào tạo nghề, giải quyết việc làm, chuyển dịch "
                "cơ cấu lao động từ lĩnh vực nông nghiệp sang lĩnh vực phi nông nghiệp nhằm nâng "
                "cao chất lượng nguồn nhân lực, tạo việc làm và thu nhập bền vững cho hộ nghèo; "
                "thực hiện kịp thời các chính sách trợ giúp xã hội; đào tạo nâng cao năng lực cho "
                "đội ngũ cán bộ giảm nghèo các cấp."
            ),
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Chủ trì, phối hợp với các ngành thành viên Ban Chỉ đạo Chương trình mục tiêu quốc "
                "gia thực hiện kiểm tra, giám sát, đánh giá kết quả thực hiện Kế hoạch này tại các "
                "địa phương; thường xuyên nắm bắt, tham mưu, đề xuất xử lý những vướng mắc, phát "
                "sinh trong quá trình triển khai thực hiện; đôn đốc, tổng hợp kết quả thực hiện Kế "
                "hoạch của các đơn vị, địa phương."
            ),
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Định kỳ hàng năm (trước ngày 25/12 hàng năm), tổng hợp, báo cáo Bộ Lao động - "
                "Thương binh và Xã hội và Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 25/12 hàng năm",
        ),
        TaskSeed(
            agency="Sở Kế hoạch và Đầu tư",
            text=(
                "Tổng hợp nhu cầu, dự kiến phân bổ kinh phí, chỉ tiêu, nhiệm vụ cụ thể thực hiện "
                "Chương trình vào kế hoạch giai đoạn 2021 - 2025 và kế hoạch hằng năm, trình Ủy ban "
                "nhân dân và Hội đồng nhân dân tỉnh xem xét, quyết định."
            ),
        ),
        TaskSeed(
            agency="Sở Kế hoạch và Đầu tư",
            text=(
                "Chủ trì, phối hợp với Sở Tài chính và các ngành liên quan cân đối, tham mưu phân "
                "bổ hợp lý nguồn vốn thực hiện Kế hoạch."
            ),
        ),
        TaskSeed(
            agency="Sở Kế hoạch và Đầu tư",
            text=(
                "Hướng dẫn cơ chế quản lý Chương trình; kiểm tra, đánh giá hiệu quả việc thực hiện "
                "cơ chế quản lý các Chương trình mục tiêu quốc gia của các ngành, địa phương gắn "
                "với việc thực hiện mục tiêu giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Sở Tài chính",
            text=(
                "Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, các sở ngành liên quan tham mưu cho "
                "Ủy ban nhân dân tỉnh phê duyệt kinh phí hỗ trợ từ ngân sách địa phương để tổ chức "
                "thực hiện Kế hoạch theo quy định của Luật Ngân sách nhà nước; hướng dẫn việc quản "
                "lý, sử dụng và thanh toán kinh phí thực hiện các chính sách, chế độ, dự án thuộc "
                "Kế hoạch theo quy định."
            ),
        ),
        TaskSeed(
            agency="Sở Nông nghiệp và Phát triển nông thôn",
            text="Chủ trì thực hiện các dự án, tiểu dự án theo phân công tại Phần III, Kế hoạch này.",
        ),
        TaskSeed(
            agency="Sở Nông nghiệp và Phát triển nông thôn",
            text=(
                "Chủ trì, phối hợp với các ngành, địa phương triển khai thực hiện Chương trình xây "
                "dựng nông thôn mới; các đề án, chính sách phát triển nông nghiệp gắn với tái cơ "
                "cấu nông nghiệp, nông thôn; hỗ trợ phát triển sản xuất nông lâm nghiệp, thủy sản "
                "vùng đặc biệt khó khăn và vùng sản xuất hàng hóa; nhân rộng các mô hình sản xuất "
                "kinh doanh liên kết theo chuỗi giá trị gắn sản xuất với thị trường tiêu thụ... gắn "
                "với nâng cao chất lượng nguồn nhân lực, chuyển dịch cơ cấu lao động và thực hiện "
                "mục tiêu giảm nghèo bền vững."
            ),
        ),
        TaskSeed(
            agency="Sở Nông nghiệp và Phát triển nông thôn",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện "
                "kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội) để "
                "tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency="Ban Dân tộc tỉnh",
            text=(
                "Phối hợp với Sở Lao động - Thương binh và Xã hội điều phối và lồng ghép thực hiện "
                "các dự án của 2 chương trình: Chương trình mục tiêu quốc gia giảm nghèo bền vững "
                "với Chương trình mục tiêu quốc gia phát triển kinh tế xã hội vùng đồng bào dân tộc "
                "thiểu số và miền núi giai đoạn 2021-2030, giai đoạn I: từ năm 2021-2025. Phối hợp "
                "với các sở, ban, ngành được giao chủ trì thực hiện các dự án thuộc 2 chương trình "
                "mục tiêu quốc gia liên quan đến vùng đồng bào dân tộc thiểu số và miền núi."
            ),
        ),
        TaskSeed(
            agency="Ban Dân tộc tỉnh",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện "
                "kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội) để "
                "tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency="Sở Y tế",
            text="Chủ trì thực hiện các dự án, tiểu dự án theo phân công tại Phần III, Kế hoạch này.",
        ),
        TaskSeed(
            agency="Sở Y tế",
            text=(
                "Chỉ đạo thực hiện tốt các chính sách, dự án hỗ trợ về y tế, đảm bảo cho người "
                "nghèo, cận nghèo tiếp cận với các dịch vụ y tế được thuận lợi nhất. Nâng cao chất "
                "lượng khám chữa bệnh tuyến cơ sở; chú trọng chăm sóc sức khỏe và hỗ trợ đầy đủ đối "
                "với bệnh nhân thuộc hộ nghèo."
            ),
        ),
        TaskSeed(
            agency="Sở Y tế",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện "
                "kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội) để "
                "tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency="Sở Giáo dục và Đào tạo",
            text=(
                "Chủ trì phối hợp với các địa phương thực hiện tốt công tác phổ cập giáo dục nhằm "
                "nâng cao tỷ lệ học sinh hoàn thành các cấp học giáo dục phổ thông; làm tốt công "
                "tác phân luồng, định hướng nghề nghiệp chi học sinh sau khi tốt nghiệp trung học "
                "cơ sở và trung học phổ thông."
            ),
        ),
        TaskSeed(
            agency="Sở Giáo dục và Đào tạo",
            text=(
                "Chỉ đạo và hướng dẫn tổ chức thực hiện các chính sách hỗ trợ giáo dục và đào tạo "
                "đối với học sinh là người thuộc hộ nghèo, hộ cận nghèo và các đối tượng chính sách "
                "khác theo quy định."
            ),
        ),
        TaskSeed(
            agency="Sở Giao thông vận tải",
            text=(
                "Phối hợp với các sở, ban, ngành liên quan và các địa phương thực hiện các dự án "
                "đầu tư kết cấu hạ tầng giao thông tại các xã nghèo, xã đặc biệt khó khăn; đặc biệt "
                "chú trọng phát triển hạ tầng giao thông nông thôn."
            ),
        ),
        TaskSeed(
            agency="Sở Tư pháp",
            text=(
                "Thực hiện chính sách trợ giúp pháp lý cho người nghèo, người dân tộc thiểu số ở "
                "vùng cao, vùng sâu, vùng xa."
            ),
        ),
        TaskSeed(
            agency="Sở Văn hóa, Thể thao và Du lịch",
            text=(
                "Chủ trì, phối hợp với các Sở, ban, ngành liên quan và các địa phương hướng dẫn các "
                "quy định về tổ chức, hoạt động tại các thiết chế văn hóa, thể thao trên địa bàn "
                "cấp huyện, cấp xã. Triển khai xây dựng các mô hình “Thôn, bản văn hóa”, “Thôn, bản "
                "hạnh phúc”, “Xã văn hóa nông thôn mới”, góp phần nâng cao mức sống về văn hóa của "
                "nhân dân nói chung và người thuộc hộ nghèo, hộ cận nghèo nói riêng."
            ),
        ),
        TaskSeed(
            agency="Sở Văn hóa, Thể thao và Du lịch",
            text=(
                "Chỉ đạo tổ chức các hoạt động văn hóa, thể thao ở các vùng, địa bàn đặc biệt khó "
                "khăn để nhân dân, đặc biệt là người thuộc hộ nghèo, hộ cận nghèo được tiếp cận "
                "thông tin và nâng cao mức hưởng thụ văn hóa, tinh thần và thể chất."
            ),
        ),
        TaskSeed(
            agency="Sở Công Thương",
            text=(
                "Thực hiện tốt chương trình khuyến công, hỗ trợ sản xuất và phát triển các ngành, "
                "nghề thu hút lao động, trong đó chú trọng đến người nghèo; đẩy mạnh công tác xúc "
                "tiến thương mại, hỗ trợ bao tiêu sản phẩm đầu ra của các hộ dân, nhất là hộ nghèo, "
                "hộ cận nghèo."
            ),
        ),
        TaskSeed(
            agency="Sở Nội vụ",
            text=(
                "Chủ trì, phối hợp với các sở, ngành liên quan trong việc sắp xếp, bố trí, đào tạo, "
                "bồi dưỡng nâng cao chất lượng cán bộ cấp cơ sở, nhất là các xã, thôn, bản đặc biệt "
                "khó khăn; thực hiện công tác thi đua khen thưởng đối với các hộ gia đình tiêu biểu "
                "vươn lên thoát nghèo và các cá nhân, tập thể có thành tích xuất sắc trong thực "
                "hiện công tác giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Sở Thông tin và Truyền thông",
            text="Chủ trì thực hiện các dự án, tiểu dự án theo phân công tại Phần III, Kế hoạch này.",
        ),
        TaskSeed(
            agency="Sở Thông tin và Truyền thông",
            text=(
                "Hướng dẫn, định hướng các cơ quan báo chí, truyền thông tổ chức các hoạt động "
                "truyền thông về giảm nghèo nhằm nâng cao nhận thức về giảm nghèo của các cấp ủy "
                "đảng, chính quyền, địa phương, đơn vị, doanh nghiệp và người dân trên địa bàn "
                "tỉnh; tổ chức triển khai thực hiện hiệu quả các hoạt động giảm nghèo về thông tin; "
                "tăng cường công tác đào tạo, bồi dưỡng kỹ năng chuyên môn, nghiệp vụ cho cán bộ "
                "làm công tác thông tin và truyền thông về giảm nghèo ở cấp cơ sở."
            ),
        ),
        TaskSeed(
            agency="Sở Thông tin và Truyền thông",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện "
                "kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội) để "
                "tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency="Sở Xây dựng",
            text="Chủ trì thực hiện các dự án, tiểu dự án theo phân công tại Phần III, Kế hoạch này.",
        ),
        TaskSeed(
            agency="Sở Xây dựng",
            text=(
                "Chủ trì thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo theo quy định, đảm bảo tiến "
                "độ, chất lượng, hiệu quả góp phần nâng cao chất lượng nhà ở, cải thiện đời sống "
                "của hộ nghèo, hộ cận nghèo."
            ),
        ),
        TaskSeed(
            agency="Sở Xây dựng",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện "
                "kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội) để "
                "tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency="Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
            text=(
                "Chủ trì phối hợp với sở, ngành liên quan, Ủy ban nhân dân các huyện, thị xã, thành "
                "phố và các tổ chức hội, đoàn thể thực hiện hiệu quả chính sách tín dụng ưu đãi đối "
                "với hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, hộ đồng bào dân tộc thiểu số ở các "
                "xã, thôn, bản đặc biệt khó khăn."
            ),
        ),
        TaskSeed(
            agency="Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện "
                "kế hoạch gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội) để "
                "tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency="Cục Thống kê",
            text=(
                "Phối hợp với Sở Lao động - Thương binh và Xã hội tổ chức điều tra, rà soát hộ "
                "nghèo, hộ cận nghèo, xử lý báo cáo các dữ liệu thực trạng nghèo của tỉnh."
            ),
        ),
        TaskSeed(
            agency="Bảo hiểm xã hội tỉnh",
            text=(
                "Chủ trì phối hợp với các sở, ban, ngành liên quan, Ủy ban nhân dân huyện, thành "
                "phố triển khai thực hiện các giải pháp phát triển đối tượng tham gia bảo hiểm y "
                "tế; cấp thẻ bảo hiểm y tế cho người thuộc hộ nghèo, hộ cận nghèo và các đối tượng "
                "chính sách xã hội khác."
            ),
        ),
        TaskSeed(
            agency="Báo Yên Bái",
            text=(
                "Tăng cường thực hiện các hoạt động thông tin, thời lượng phát sóng, mở chuyên "
                "trang, chuyên mục tuyên truyền về chính sách, chương trình giảm nghèo, về các "
                "gương hộ nghèo làm kinh tế giỏi vươn lên thoát nghèo, tổ chức, cá nhân thực hiện "
                "tốt công tác an sinh xã hội và giảm nghèo, phong trào \"Cả nước chung tay vì người "
                "nghèo - Không để ai bị bỏ lại phía sau\"."
            ),
        ),
        TaskSeed(
            agency="Đài Phát thanh và Truyền hình tỉnh",
            text=(
                "Tăng cường thực hiện các hoạt động thông tin, thời lượng phát sóng, mở chuyên "
                "trang, chuyên mục tuyên truyền về chính sách, chương trình giảm nghèo, về các "
                "gương hộ nghèo làm kinh tế giỏi vươn lên thoát nghèo, tổ chức, cá nhân thực hiện "
                "tốt công tác an sinh xã hội và giảm nghèo, phong trào \"Cả nước chung tay vì người "
                "nghèo - Không để ai bị bỏ lại phía sau\"."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái",
            text=(
                "Chủ trì phối hợp với các tổ chức thành viên tiếp tục thực hiện tốt công tác tuyên "
                "truyền, vận động sự tham gia của đoàn viên, hội viên, của xã hội và cộng đồng "
                "trong công tác giảm nghèo. Huy động, phân bổ sử dụng hiệu quả nguồn lực đóng góp "
                "của doanh nghiệp cho công tác giảm nghèo. Hướng dẫn các cấp hội, địa phương thực "
                "hiện tốt các phong trào “Ngày vì người nghèo” và các phong trào thi đua vì người "
                "nghèo do Trung ương phát động. Động viên, khích lệ tính tự chủ của người dân vươn "
                "lên thoát nghèo; xây dựng và nhân rộng mô hình hợp tác xã, tổ hợp tác hoặc tổ tự "
                "quản giảm nghèo để tập hợp các hộ khá giả hoặc đã thoát nghèo với các hộ nghèo, "
                "cận nghèo giúp nhau giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Các tổ chức chính trị - xã hội tỉnh",
            text=(
                "Chủ trì phối hợp với các tổ chức thành viên tiếp tục thực hiện tốt công tác tuyên "
                "truyền, vận động sự tham gia của đoàn viên, hội viên, của xã hội và cộng đồng "
                "trong công tác giảm nghèo. Huy động, phân bổ sử dụng hiệu quả nguồn lực đóng góp "
                "của doanh nghiệp cho công tác giảm nghèo. Hướng dẫn các cấp hội, địa phương thực "
                "hiện tốt các phong trào “Ngày vì người nghèo” và các phong trào thi đua vì người "
                "nghèo do Trung ương phát động. Động viên, khích lệ tính tự chủ của người dân vươn "
                "lên thoát nghèo; xây dựng và nhân rộng mô hình hợp tác xã, tổ hợp tác hoặc tổ tự "
                "quản giảm nghèo để tập hợp các hộ khá giả hoặc đã thoát nghèo với các hộ nghèo, "
                "cận nghèo giúp nhau giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái",
            text=(
                "Tham gia giám sát, kiểm tra, đánh giá việc rà soát hộ nghèo, hộ cận nghèo đảm bảo "
                "nguyên tắc công khai, bình đẳng, dân chủ. Tăng cường hoạt động giám sát việc thực "
                "hiện các chính sách, dự án giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Các tổ chức chính trị - xã hội tỉnh",
            text=(
                "Tham gia giám sát, kiểm tra, đánh giá việc rà soát hộ nghèo, hộ cận nghèo đảm bảo "
                "nguyên tắc công khai, bình đẳng, dân chủ. Tăng cường hoạt động giám sát việc thực "
                "hiện các chính sách, dự án giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các huyện, thị xã, thành phố",
            text=(
                "Xây dựng kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững "
                "trên địa bàn phù hợp với kế hoạch phát triển kinh tế - xã hội của địa phương và "
                "các nội dung của Kế hoạch này. Hằng năm thực hiện việc giao chỉ tiêu giảm nghèo và "
                "chỉ đạo tổ chức thực hiện kế hoạch giảm tỷ lệ hộ nghèo theo nguyên nhân chính dẫn "
                "đến nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các huyện, thị xã, thành phố",
            text=(
                "Lồng ghép, tổ chức thực hiện hiệu quả các dự án thuộc Chương trình mục tiêu quốc "
                "gia giảm nghèo bền vững giai đoạn 2022-2025 và các nội dung Kế hoạch với các "
                "chương trình, đề án, dự án và kế hoạch khác có liên quan trên địa bàn; thường "
                "xuyên kiểm tra việc thực hiện, báo cáo định kỳ, hằng năm việc thực hiện Kế hoạch "
                "trên địa bàn theo quy định."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các huyện, thị xã, thành phố",
            text=(
                "Căn cứ tình hình, điều kiện của địa phương, tổ chức huy động, vận động các nguồn "
                "lực và ban hành các chính sách đặc thù của địa phương để hỗ trợ giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các huyện, thị xã, thành phố",
            text=(
                "Tổ chức giám sát, theo dõi, đánh giá kết quả thực hiện Kế hoạch trên địa bàn định "
                "kỳ, đột xuất theo quy định."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các huyện, thị xã, thành phố",
            text=(
                "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo Ủy ban nhân dân "
                "tỉnh (qua Sở Lao động - Thương binh và Xã hội) để tổng hợp, báo cáo Bộ Lao động - "
                "Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
            ),
            recurrence="yearly",
            recurrence_note="trước ngày 10/12 hàng năm",
        ),
        TaskSeed(
            agency=("139", "Ủy ban nhân dân huyện Trạm Tấu"),
            text=(
                "Ủy ban nhân dân huyện Trạm Tấu, Ủy ban nhân dân huyện Mù Chải chủ trì, phối hợp "
                "với các cơ quan liên quan tổ chức thực hiện."
            ),
            role="chu_tri",
            project=(
                1,
                1,
            ),
        ),
        TaskSeed(
            agency=("137", "Ủy ban nhân dân huyện Mù Cang Chải"),
            text=(
                "Ủy ban nhân dân huyện Trạm Tấu, Ủy ban nhân dân huyện Mù Chải chủ trì, phối hợp "
                "với các cơ quan liên quan tổ chức thực hiện."
            ),
            role="chu_tri",
            project=(
                1,
                1,
            ),
        ),
    ),
    # Part IV "KINH PHÍ THỰC HIỆN": the state budget by the budget decentralisation (central and local), integrated
    # with other programmes, and contributions of businesses and individuals; no figures.
    funding=(
        FundingSeed("ns_trung_uong", "Ngân sách Nhà nước theo phân cấp ngân sách nhà nước hiện hành"),
        FundingSeed("ns_dia_phuong", "Ngân sách Nhà nước theo phân cấp ngân sách nhà nước hiện hành"),
        FundingSeed("long_ghep", "lồng ghép thực hiện với các chương trình, đề án, kế hoạch khác có liên quan."),
        FundingSeed("huy_dong", "Đóng góp, hỗ trợ từ các doanh nghiệp, tổ chức cá nhân theo quy định của pháp "
                                "luật."),
    ),
    sections=(
        SectionSeed(
            part="V. Các giải pháp chủ yếu",
            number="1",
            title=(
                "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy, chính quyền; vai trò, trách nhiệm của hệ thống "
                "chính trị và các tầng lớp nhân dân trong công tác giảm nghèo bền vững"
            ),
            text=(
                "Phổ biến, quán triệt, tổ chức triển khai thực hiện hiệu quả Chỉ thị số 05-CT/TW ngày 23/6/2021 "
                "của Ban Bí thư “về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm "
                "2030” và Nghị quyết của Chính phủ ban hành Kế hoạch thực hiện Chỉ thị số 05-CT/TW ngày 23/6/2021"
                " của Ban Bí thư; Nghị quyết số 61-NQ/TU ngày 20/10/2021 của Ban Thường vụ Tỉnh ủy về tiếp tục "
                "lãnh đạo hiệu quả công tác giảm nghèo bền vững giai đoạn 2021-2025, định hướng đến năm 2030 nhằm"
                " tạo sự đồng thuận và phát huy sức mạnh của cả hệ thống chính trị, sự tham gia của toàn xã hội, "
                "nhất là người dân vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số, vùng đặc biệt khó khăn "
                "trong công tác giảm nghèo, phấn đấu “Vì một Việt Nam không còn đói nghèo”.\n"
                "Tiếp tục phân công các cơ quan, đơn vị giúp đỡ các hộ nghèo thoát nghèo tại các huyện nghèo, xã "
                "đặc biệt khó khăn; khuyến khích các doanh nghiệp giúp đỡ các huyện nghèo, xã đặc biệt khó khăn.\n"
                "Đổi mới công tác thông tin, tuyên truyền về giảm nghèo phù hợp với từng vùng, từng nhóm đối "
                "tượng, tăng cường thông tin, tuyên truyền trên các phương tiện thông tin đại chúng với các hình "
                "thức phù hợp nhằm nâng cao nhận thức, tạo sự chuyển biến mạnh mẽ trong nhận thức và hành động ở "
                "các cấp, các ngành, mỗi cán bộ, đảng viên và các tầng lớp nhân dân trong thực hiện mục tiêu, "
                "nhiệm vụ về giảm nghèo. Tuyên truyền, vận động, hướng dẫn người nghèo, hộ nghèo, hộ cận nghèo "
                "chủ động vươn lên thoát nghèo."
            ),
        ),
        SectionSeed(
            part="V. Các giải pháp chủ yếu",
            number="2",
            title=(
                "Đẩy mạnh công tác tuyên truyền, vận động, nâng cao nhận thức, phát huy tính chủ động, tham gia "
                "tích cực của nhân dân về thực hiện giảm nghèo bền vững"
            ),
            text=(
                "Thường xuyên quán triệt, tuyên truyền các chủ trương của Đảng, chính sách pháp luật của Nhà nước"
                " về giảm nghèo và những nội dung của Kế hoạch đến các cấp, các ngành và các tầng lớp nhân dân, "
                "qua đó nâng cao nhận thức, trách nhiệm và tạo sự đồng thuận và phát huy sức mạnh của cả hệ thống"
                " chính trị, sự đồng tâm, hiệp lực của các doanh nghiệp, tổ chức, cá nhân và toàn xã hội trong "
                "triển khai thực hiện công tác giảm nghèo; khơi dậy ý chí vươn lên thoát nghèo của hộ nghèo, "
                "không trông chờ vào sự hỗ trợ của Nhà nước, giúp đỡ của cộng đồng. Nội dung tuyên truyền cần làm"
                " rõ trách nhiệm của người nghèo đối với công tác giảm nghèo, trong đó hộ nghèo, hộ cận nghèo vừa"
                " là chủ thể, vừa là đối tượng được hưởng lợi từ các chính sách giảm nghèo, do đó cần sử dụng có "
                "hiệu quả nguồn lực hỗ trợ của Nhà nước, chủ động tìm biện pháp tăng thu nhập, thoát nghèo cùng "
                "với sự hỗ trợ, hướng dẫn của chính quyền, đoàn thể và cộng đồng. Phải làm cho người nghèo thấy "
                "rõ chính sách của Nhà nước, giúp đỡ của cộng đồng chỉ là hỗ trợ, sự nỗ lực, tự vươn lên của bản "
                "thân hộ nghèo là chính.\n"
                "Đổi mới phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”; "
                "khơi dậy ý chí tự lực, tự cường, phát huy nội lực vươn lên “thoát nghèo, xây dựng cuộc sống ấm "
                "no” của người dân và cộng đồng."
            ),
        ),
        SectionSeed(
            part="V. Các giải pháp chủ yếu",
            number="3",
            title="Phân bổ nguồn lực ngân sách và huy động, lồng ghép các nguồn lực",
            text=(
                "- Phân bổ nguồn lực ngân sách Nhà nước cho các địa phương để thực hiện nhiệm vụ giảm nghèo theo "
                "quy định tại Quyết định số 02/2022/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ quy định "
                "nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách trung ương và tỷ lệ vốn đối ứng của ngân "
                "sách địa phương thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025"
                " và Nghị quyết số 07/2022/NQ-HĐND ngày 30/3/2022 của Hội đồng nhân dân tỉnh Yên Bái Quy định "
                "nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách trung ương và tỷ lệ vốn đối ứng của ngân "
                "sách địa phương thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025"
                " tỉnh Yên Bái và các văn bản quy phạm pháp luật liên quan.\n"
                "- Lồng ghép các nguồn lực của các dự án thuộc Chương trình mục tiêu quốc gia phát triển kinh tế "
                "- xã hội vùng đồng bào dân tộc thiểu số và miền núi, Chương trình mục tiêu quốc gia xây dựng "
                "nông thôn mới và các chương trình, đề án, dự án triển khai thực hiện trên địa bàn tỉnh vào việc "
                "thực hiện mục tiêu giảm nghèo.\n"
                "- Tích cực huy động các nguồn lực xã hội hóa, đóng góp của doanh nghiệp, tổ chức, cá nhân, người"
                " dân thực hiện nhiệm vụ giảm nghèo. Thực hiện hợp tác quốc tế, triển khai thực hiện có hiệu quả "
                "các dự án sử dụng nguồn vốn nước ngoài trên địa bàn tỉnh; đảm bảo phát huy tối đa nguồn lực hỗ "
                "trợ của các cơ quan, tổ chức, nhà tài trợ nước ngoài góp phần cải thiện điều kiện sống, sinh kế "
                "của người dân, hỗ trợ giảm nghèo, phát triển kinh tế - xã hội, đảm bảo an sinh xã hội trên địa "
                "bàn tỉnh."
            ),
        ),
        SectionSeed(
            part="V. Các giải pháp chủ yếu",
            number="4",
            title=(
                "Phát huy vai trò của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, doanh nghiệp, cộng đồng "
                "trong giảm nghèo"
            ),
            text=(
                "Tích cực phát huy vai trò của Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong "
                "việc triển khai thực hiện tuyên truyền Chương trình giảm nghèo đến hội viên, đoàn viên và nhân "
                "dân, vận động sự tham gia của cộng đồng xã hội chung tay thực hiện, hỗ trợ người dân thoát nghèo"
                " bền vững, gắn với phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\" và cuộc vận động "
                "\"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\". Đặc biệt phát huy vai trò tương "
                "thân tương ái của cộng đồng doanh nghiệp, của các cơ quan, đơn vị, gia đình, dòng họ trong việc "
                "huy động nguồn lực tham gia hỗ trợ giảm nghèo, giúp hộ nghèo thoát nghèo.\n"
                "Phối hợp vận động dòng họ, gia đình, đặc biệt là những người có uy tín trong cộng đồng cùng thực"
                " hiện giám sát, hướng dẫn hộ nghèo trong quản lý chi tiêu trong gia đình và hướng dẫn cách thức "
                "tổ chức cuộc sống, tổ chức sản xuất, vệ sinh môi trường; làm cho người nghèo nhận thức được "
                "trách nhiệm giảm nghèo là việc của bản thân người nghèo, hộ nghèo, phải tự giác, chủ động thực "
                "hiện và có trách nhiệm hơn nữa đối với bản thân, gia đình để vươn lên thoát nghèo bền vững.\n"
                "Phối hợp ngăn chặn kịp thời và có hiệu quả các tệ nạn xã hội, đặc biệt là tệ nạn nghiện ma túy, "
                "cờ bạc. Xử lý nghiêm các trường hợp cho vay nặng lãi, lôi kéo nhân dân, đặc biệt là hộ nghèo, hộ"
                " cận nghèo tham gia các hình thức kinh doanh, đầu tư đa cấp trái pháp luật. Tuyên truyền, vận "
                "động hội viên, đoàn viên và nhân dân thực hiện nếp sống văn minh trong việc cưới, việc tang, "
                "loại bỏ các hủ tục lạc hậu, mê tín dị đoan gây lãng phí và ảnh hưởng đến cuộc sống của nhân dân.\n"
                "Nêu cao vai trò giám sát và phản biện xã hội của Mặt trận Tổ quốc và các tổ chức Đoàn thể trong "
                "thực hiện cơ chế, chính sách giảm nghèo tại địa phương."
            ),
        ),
        SectionSeed(
            part="V. Các giải pháp chủ yếu",
            number="5",
            title="Tăng cường công tác quản lý Nhà nước đối với lĩnh vực giảm nghèo",
            text=(
                "Quán triệt, thực hiện tốt công tác xây dựng kế hoạch thực hiện công tác giảm nghèo ở tất cả các "
                "cấp, các ngành, đặc biệt là các lĩnh vực liên quan đến tạo sinh kế, phát triển sản xuất, tiếp "
                "cận các dịch vụ xã hội cơ bản của hộ nghèo, cận nghèo; việc xây dựng kế hoạch thực hiện công tác"
                " giảm nghèo phải cụ thể theo nguyên nhân dẫn đến nghèo, gắn với thực hiện các nhiệm vụ của kế "
                "hoạch và phù hợp với địa phương, ngành, đơn vị mình. Thực hiện việc lập kế hoạch, giao chỉ tiêu "
                "giảm tỷ lệ hộ nghèo cho các cấp đảm bảo phù hợp với thực trạng, điều kiện của từng địa phương và"
                " có sự thống nhất của các cấp (xã/huyện/tỉnh), không thực hiện việc giao chỉ tiêu áp đặt, chạy "
                "theo thành tích.\n"
                "Việc xây dựng kế hoạch, bố trí và sử dụng nguồn lực cho công tác giảm nghèo, đặc biệt là Chương "
                "trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2022-2025 phải được thực hiện công khai, "
                "minh bạch và có trọng tâm, trọng điểm, không dàn trải, có sự tham gia của người dân. Ưu tiên "
                "nguồn lực cho những vùng, những đối tượng khó khăn nhất, hộ nghèo có thành viên là người có công"
                " với cách mạng.\n"
                "Tăng cường đổi mới cơ chế thực hiện các chính sách giảm nghèo, đảm bảo tính đồng bộ, hiệu quả "
                "trong xây dựng, tổ chức thực hiện và đánh giá; đảm bảo sự phối hợp giữa các cơ quan, tổ chức chủ"
                " trì, quản lý các chương trình, chính sách giảm nghèo và các cơ quan liên quan khác để nâng cao "
                "hiệu lực, hiệu quả trong công tác quản lý Nhà nước đối với công tác giảm nghèo.\n"
                "Nghiên cứu thể chế hóa cơ chế điều phối việc thực hiện chính sách giảm nghèo giữa các cơ quan "
                "quản lý Nhà nước về từng chính sách; đảm bảo các chương trình, chính sách giảm nghèo được thực "
                "hiện một cách đồng bộ, hiệu quả, đảm bảo nguyên tắc không trùng lặp giữa các hoạt động, nội dung"
                " hỗ trợ đầu tư của các dự án, chương trình trên cùng một địa bàn, cùng một đối tượng thụ hưởng.\n"
                "Thực hiện rà soát, đánh giá hộ nghèo, cận nghèo hằng năm đảm bảo tính kịp thời, chính xác, công "
                "bằng trong xác định hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; thiết lập hệ thống giám sát, "
                "đánh giá, cơ sở dữ liệu đồng bộ, toàn diện đáp ứng yêu cầu quản lý công tác giảm nghèo; đảm bảo "
                "các cơ quan, tổ chức chủ trì và tham gia thực hiện các chính sách, nội dung của công tác giảm "
                "nghèo thực hiện đầy đủ yêu cầu giám sát và đánh giá.\n"
                "Thường xuyên tổ chức kiểm tra, giám sát, đánh giá công tác tổ chức thực hiện các chính sách, "
                "giải pháp giảm nghèo để kịp thời tháo gỡ khó khăn, vướng mắc từ cơ sở; tạo điều kiện thuận lợi "
                "nhất để Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tham gia giám sát việc thực hiện. Đơn "
                "vị, địa phương nào để xảy ra hiện tượng tiêu cực, thất thoát lãng phí trong quản lý và thực hiện"
                " các chính sách giảm nghèo, không hoàn thành kế hoạch được giao thì thủ trưởng đơn vị, Chủ tịch "
                "Ủy ban nhân dân địa phương đó phải chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh.\n"
                "Định kỳ tổ chức đánh giá, sơ kết, tổng kết việc thực hiện Kế hoạch, thực hiện tốt công tác thi "
                "đua, khen thưởng trong thực hiện các chính sách, công tác giảm nghèo."
            ),
        ),
    ),
)
