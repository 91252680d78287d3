"""Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2024 của UBND huyện Thọ Xuân (seed 001), with its two
appendices."""

from datetime import date

from .schema import (
    D,
    FundingSeed,
    LegalBasisSeed,
    PlanSeed,
    ProjectSeed,
    QuotaRowSeed,
    QuotaTableSeed,
    SectionSeed,
    SupportSeed,
    TargetSeed,
    TaskSeed,
)

PLAN = PlanSeed(
    code="thoxuan-2024",
    title="Thực hiện công tác giảm nghèo bền vững năm 2024",
    unit="395",
    first_year=2024,
    last_year=2024,
    issuer="UBND huyện Thọ Xuân",
    signer_name="Nguyễn Xuân Hải",
    signer_title="KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
    purpose=(
        "Kế hoạch nhằm cụ thể hóa các nhiệm vụ và giải pháp, phân công rõ ràng trách nhiệm cho "
        "từng đơn vị, cá nhân trong tổ chức thực hiện công tác giảm nghèo; thu hút sự quan tâm "
        "đồng đạo của cộng đồng doanh nghiệp, các tổ chức, cá nhân trong việc “chung tay vì "
        "người nghèo - Không để ai bị bỏ lại phía sau” giúp người nghèo, cận nghèo tiếp cận được "
        "các nguồn lực phát triển sản xuất từng bước vươn lên thoát nghèo.\n"
        "Kế hoạch là căn cứ để các đơn vị, các xã, thị trấn xây dựng kế hoạch cụ thể, xác định "
        "nhiệm vụ trọng tâm, bố trí nguồn lực và tổ chức triển khai quyết liệt, đồng bộ, hiệu "
        "quả, thực hiện thắng lợi các mục tiêu, nhiệm vụ giảm nghèo năm 2024 đã đề ra.\n"
        "Định kỳ hàng quý đánh giá công tác giảm nghèo nhằm khắc phục tình trạng thiếu quyết "
        "liệt của các ngành, các địa phương, đơn vị trong việc thực hiện công tác giảm nghèo."
    ),
    requirements=(
        "Trong quá trình tổ chức thực hiện Kế hoạch cấp ủy, chính quyền và người đứng đầu "
        "đơn vị, địa phương phải chủ động, sáng tạo trong lãnh đạo, chỉ đạo đối với công "
        "tác giảm nghèo của đơn vị, địa phương; ưu tiên lồng ghép các nguồn lực để hỗ trợ "
        "cho người nghèo phát triển kinh tế - xã hội vươn lên thoát nghèo bền vững;\n"
        "Thường xuyên kiểm tra giám sát, kết quả thực hiện để kịp thời tháo gỡ khó khăn, "
        "vướng mắc, điều chỉnh biện pháp lãnh đạo, chỉ đạo, đảm bảo thực hiện thắng lợi các "
        "mục tiêu, nhiệm vụ đề ra.\n"
        "Việc giảm nghèo phải phản ánh đúng, sát tình hình thực tế đời sống người dân, bảo "
        "đảm người nghèo, cận nghèo được tiếp cận đầy đủ chế độ, chính sách theo quy định, "
        "tiếp cận được các dịch vụ xã hội cơ bản như y tế, giáo dục, việc làm, nguồn vốn "
        "tín dụng chính sách... Không vì chỉ tiêu, thành tích mà bỏ sót đối tượng, ảnh "
        "hưởng đến quyền lợi thụ hưởng các chính sách dành cho người nghèo, người cận nghèo "
        "theo quy định."
    ),
    general_objective=(
        "Nâng cao thu nhập, cải thiện đời sống vật chất, tinh thần và tạo điều kiện "
        "cho người nghèo, hộ nghèo tiếp cận các dịch vụ xã hội cơ bản (y tế, giáo dục, "
        "thông tin, việc làm, bảo hiểm xã hội...); phấn đấu đạt các chỉ tiêu về giảm "
        "nghèo năm 2024 theo Kế hoạch đề ra."
    ),
    note=(
        "Dự thảo chưa có số và ngày (“Số: /KH-UBND”, “ngày tháng năm 2024”). Phụ lục thứ hai (cơ "
        "quan giúp đỡ xã) cũng mang tiêu đề “Phụ lục 01” trong văn bản; phần nội dung gọi là Phụ lục 2."
    ),
    source="001_33768970df9aca94.txt",
    legal_bases=(
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="5050/QĐ-UBND",
            title=(
                "về việc ban hành Kế hoạch hành động thực hiện Nghị quyết của Chính phủ, Nghị "
                "quyết của Tỉnh ủy, HĐND tỉnh về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng "
                "- an ninh năm 2024"
            ),
            document_date=date(2023, 12, 28),
            issuer="UBND tỉnh Thanh Hoá",
        ),
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="09-NQ/TU",
            title="về phương hướng, nhiệm vụ năm 2024",
            document_date=date(2023, 12, 10),
            issuer="Ban Chấp hành Đảng bộ huyện",
        ),
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="239/NQ-HĐND",
            title="về Kế hoạch phát triển kinh tế - xã hội năm 2024",
            document_date=date(2023, 12, 20),
            issuer="Hội đồng nhân dân huyện",
        ),
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="19/QĐ-UBND",
            title=(
                "về việc ban hành Kế hoạch hành động thực hiện Kế hoạch của UBND tỉnh, Nghị quyết "
                "của Huyện ủy, HĐND huyện về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an "
                "ninh năm 2024"
            ),
            document_date=date(2024, 1, 5),
            issuer="UBND huyện Thọ Xuân",
        ),
        LegalBasisSeed(
            relation="can_cu",
            document_number="07-QĐ/BCĐ",
            title=(
                "về việc phân công nhiệm vụ cho các thành viên Ban chỉ đạo thực hiện các Chương "
                "trình mục tiêu quốc gia trên địa bàn huyện Thọ Xuân giai đoạn 2021-2025"
            ),
            document_date=date(2024, 2, 20),
            issuer="Ban chỉ đạo 2611",
        ),
        # The column header of the second appendix names the decision that set up steering committee 2611.
        LegalBasisSeed(
            relation="dan_chieu",
            document_number="2611-QĐ/HU",
            document_date=date(2024, 2, 5),
            issuer="Huyện ủy Thọ Xuân",
            cited_in="Phụ lục 2, cột “Thành viên BCD Chương trình MTQG (QĐ2611-QĐ-HU ngày 05/02/2024)”",
        ),
    ),
    targets=(
        TargetSeed(
            name="Giảm số hộ nghèo toàn huyện",
            measure_unit="hộ",
            measure="poor_reduced",
            value_min=D("180"),
            period="in_year",
            year=2024,
            unit="395",
            note="Năm 2024, toàn huyện giảm 180 hộ nghèo trở lên,",
            children=(
                TargetSeed(
                    name="Trong đó: hộ nghèo không có khả năng lao động",
                    measure_unit="hộ",
                    measure="poor_reduced_no_labour",
                    value_min=D("50"),
                    period="in_year",
                    year=2024,
                    unit="395",
                    note=(
                        "Văn bản ghi “hộ nghèo có khả năng lao động là giảm 50 hộ, hộ nghèo có khả "
                        "năng lao động giảm 130 hộ”: chữ “có” thứ nhất là lỗi đánh máy; Phụ lục 01 "
                        "(cột “Hộ không có KNLĐ”, tổng 50) xác định 50 hộ là hộ không có khả năng lao động."
                    ),
                ),
                TargetSeed(
                    name="Trong đó: hộ nghèo có khả năng lao động",
                    measure_unit="hộ",
                    measure="poor_reduced_labour",
                    value_min=D("130"),
                    period="in_year",
                    year=2024,
                    unit="395",
                ),
            ),
        ),
        TargetSeed(
            name="Giảm tỷ lệ hộ nghèo so với số hộ tự nhiên",
            measure_unit="%",
            measure="poor_rate_drop",
            value_min=D("0.31"),
            period="in_year",
            year=2024,
            unit="395",
            note="Năm 2024, toàn huyện giảm 180 hộ nghèo trở lên, tương ứng giảm 0,31% số hộ tự nhiên.",
        ),
    ),
    tasks=(
        TaskSeed(
            agency="Ban Chỉ đạo Chương trình MTQG huyện",
            text=(
                "Đề nghị Thành viên Ban Chỉ đạo thực hiện các Chương trình mục tiêu quốc gia được "
                "phân công phụ trách các xã, thị trấn tại Quyết định số 07-QĐ/BCĐ ngày 20/02/2024 "
                "của Ban chỉ đạo 2611, quan tâm chỉ đạo công tác giảm nghèo đạt hiệu quả."
            ),
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Là cơ quan Thường trực Ban chỉ đạo giảm nghèo, có nhiệm vụ chủ trì phối hợp với "
                "các cơ quan có liên quan hướng dẫn, chỉ đạo các xã, thị trấn triển khai thực hiện "
                "các chính sách giảm nghèo trên địa bàn toàn huyện và thực hiện những nhiệm vụ cụ thể sau:"
            ),
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Trên cơ sở kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023, hướng dẫn các xã, thị "
                "trấn rà soát hộ nghèo có khả năng thoát nghèo theo từng nguyên nhân nghèo, chiều "
                "thiếu hụt các dịch vụ cơ bản để có giải pháp hỗ trợ, giúp đỡ hộ nghèo, hộ cận "
                "nghèo thoát nghèo bền vững."
            ),
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Triển khai thực hiện Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo, "
                "Dự án 4 Phát triển giáo dục nghề nghiệp, việc làm bền vững, Tiểu dự án 2 thuộc Dự "
                "án 6: Truyền thông về giảm nghèo đa chiều và Dự án 7: Nâng cao năng lực và giám "
                "sát, đánh giá Chương trình MTQG giảm nghèo bền vững."
            ),
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Phối hợp với các phòng, ban, ngành liên quan, Ủy ban Mặt trận Tổ quốc và các tổ "
                "chức hội, đoàn thể nắm chắc tình hình đời sống nhân dân để kịp thời tham mưu UBND "
                "huyện các phương án hỗ trợ, cứu trợ đột xuất nếu xảy ra tình trạng thiên tai làm "
                "ảnh hưởng nặng nề đến đời sống của người dân."
            ),
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Chủ trì, phối hợp với các phòng, ban, ngành, đơn vị liên quan và Ủy ban nhân dân "
                "các xã, thị trấn triển khai thực hiện có hiệu quả nội dung kế hoạch. Phối hợp với "
                "phòng Tài chính - Kế hoạch lập dự toán nhu cầu kinh phí thực hiện Chương trình "
                "giảm nghèo của năm 2024 trình Chủ tịch UBND huyện phê duyệt; kiểm tra, giám sát, "
                "đánh giá kết quả thực hiện chương trình mục tiêu quốc gia giảm nghèo bền vững năm "
                "2024 và các chính sách giảm nghèo chung; tổng hợp, báo cáo tình hình thực hiện các "
                "chương trình giảm nghèo trên địa bàn huyện theo quy định."
            ),
        ),
        TaskSeed(
            agency="Phòng Nông nghiệp và Phát triển nông thôn",
            text=(
                "Tiếp tục thực hiện Chương trình MTQG xây dựng Nông thôn mới, nông thôn mới nâng "
                "cao, nông thôn mới kiểu mẫu, gắn với Chương trình MTQG giảm nghèo bền vững. Triển "
                "khai thực hiện Đề án tái cơ cấu ngành nông nghiệp, các cơ chế, chính sách của "
                "Trung ương và của tỉnh đã ban hành về nông nghiệp, nông thôn nhằm đẩy mạnh phát "
                "triển sản xuất, tăng thu nhập, cải thiện đời sống nhân dân. Triển khai thực hiện "
                "Tiểu dự án 1 thuộc dự án 3: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp "
                "thuộc Chương trình MTQG giảm nghèo bền vững và hỗ trợ hộ nghèo, hộ cận nghèo tiếp "
                "cận dịch vụ xã hội cơ bản về nước sạch năm 2024."
            ),
        ),
        TaskSeed(
            agency="Phòng Văn hóa - Thông tin",
            text=(
                "Chủ trì, hướng dẫn triển khai thực hiện Tiểu dự án 1 thuộc dự án 6: Giảm nghèo về "
                "thông tin thuộc Chương trình MTQG giảm nghèo bền vững năm 2024 cho các địa phương; "
                "tăng cường công tác thông tin, tuyên truyền các chính sách về giảm nghèo, các tổ "
                "chức, cá nhân, mô hình phát triển sản xuất có hiệu quả, đồng thời biểu dương những "
                "tấm gương vượt khó vươn lên thoát nghèo."
            ),
        ),
        TaskSeed(
            agency="Phòng Văn hóa - Thông tin",
            text=(
                "Xây dựng kế hoạch cụ thể, sát đến từng địa phương nhằm tiếp tục nâng cao chỉ tiêu "
                "tiếp cận dịch vụ xã hội cơ bản về dịch vụ thông tin, truyền thông của hộ nghèo (Sử "
                "dụng dịch vụ viễn thông; phương tiện phục vụ tiếp cận thông tin)."
            ),
        ),
        TaskSeed(
            agency="Phòng Văn hóa - Thông tin",
            text=(
                "Hỗ trợ hộ nghèo, hộ cận nghèo tiếp cận dịch vụ xã hội cơ bản về thông tin, truyền "
                "thông (Sử dụng dịch vụ viễn thông, dịch vụ truy cập internet, phương tiện phục vụ "
                "tiếp cận thông tin, trang bị máy điện thoại thông minh và chi phí sử dụng dịch vụ)."
            ),
        ),
        TaskSeed(
            agency="Phòng Văn hóa - Thông tin",
            text=(
                "Trên cơ sở ứng dụng công nghệ số, đẩy mạnh trang bị cơ sở vật chất, cung cấp nội "
                "dung thông tin thiết yếu cho xã hội, nâng cao kiến thức, kỹ năng sản xuất, kinh "
                "doanh, phát triển kinh tế, góp phần thực hiện mục tiêu thoát nghèo bền vững."
            ),
        ),
        TaskSeed(
            agency="Phòng Văn hóa - Thông tin",
            text=(
                "Đẩy mạnh phát triển du lịch gắn với phát huy tiềm năng, lợi thế; từng bước hình "
                "thành và phát triển các tour du lịch; kết nối các điểm du lịch làng nghề, du lịch "
                "tâm linh nhằm thu hút du khách vào địa bàn, góp phần tiêu thụ các sản phẩm nông "
                "nghiệp, tiểu thủ công nghiệp, tạo việc làm, thu nhập cho người nghèo."
            ),
        ),
        TaskSeed(
            agency="Phòng Tài chính - Kế hoạch",
            text=(
                "Tham mưu cho UBND huyện bố trí nguồn kinh phí đảm bảo các hoạt động của Chương "
                "trình giảm nghèo năm 2024; phối hợp với các phòng, ngành có liên quan theo dõi, "
                "kiểm tra, giám sát thực hiện chương trình, dự án giảm nghèo trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Phòng Tài chính - Kế hoạch",
            text=(
                "Hướng dẫn các địa phương thực hiện lồng ghép và sử dụng hiệu quả nguồn vốn đầu tư "
                "cho các chương trình giảm nghèo; ưu tiên sử dụng nguồn vốn đầu tư công đầu tư các "
                "công trình, dự án hạ tầng thiết yếu phục vụ phát triển sản xuất, giảm nghèo nâng "
                "cao đời sống nhân dân trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Phòng Tài chính - Kế hoạch",
            text=(
                "Chủ trì, phối hợp với các phòng, ngành liên quan thực hiện chính sách hỗ trợ tiền "
                "điện cho hộ nghèo, hỗ trợ mua BHYT cho hộ nghèo, hộ cận nghèo kịp thời, đúng quy định."
            ),
        ),
        TaskSeed(
            agency="Phòng Tài chính - Kế hoạch",
            text=(
                "Hướng dẫn các đơn vị thực hiện thanh, quyết toán nguồn kinh phí thực hiện các chế "
                "độ, chính sách, chương trình, dự án giảm nghèo theo quy định."
            ),
        ),
        TaskSeed(
            agency="Phòng Giáo dục và Đào tạo",
            text=(
                "Chủ trì tham mưu chỉ tiêu giảm nghèo tiếp cận dịch vụ xã hội cơ bản về giáo dục "
                "năm 2024; xây dựng kế hoạch và hướng dẫn các xã, thị trấn thực hiện hỗ trợ hộ "
                "nghèo, hộ cận nghèo tiếp cận dịch vụ xã hội cơ bản về giáo dục."
            ),
        ),
        TaskSeed(
            agency="Phòng Giáo dục và Đào tạo",
            text=(
                "Khích lệ, động viên, khen thưởng người nghèo, cận nghèo tích cực học tập, nâng cao "
                "trình độ thông qua các phong trào học tập suốt đời trong gia đình, dòng họ, cộng "
                "đồng, gắn với xây dựng xã, thôn văn hoá đạt chuẩn nông thôn mới nâng cao và chuẩn "
                "xã hội học tập."
            ),
        ),
        TaskSeed(
            agency="Phòng Giáo dục và Đào tạo",
            text=(
                "Tiếp tục rà soát, sắp xếp lại mạng lưới trường, lớp học; tăng cường cơ sở vật "
                "chất, trang thiết bị phục vụ dạy và học; bố trí, sắp xếp, chuẩn hóa đội ngũ giáo "
                "viên góp phần nâng cao chất lượng dạy và học."
            ),
        ),
        TaskSeed(
            agency="Văn phòng HĐND-UBND (Y tế)",
            text=(
                "Chủ trì hướng dẫn các xã, thị trấn tăng cường khả năng tiếp cận dịch vụ xã hội cơ "
                "bản cho người nghèo tiếp cận các dịch vụ xã hội cơ bản về y tế (dinh dưỡng và bảo "
                "hiểm y tế) và tiếp cận dịch vụ xã hội cơ bản về nhà tiêu hợp vệ sinh. Hướng dẫn "
                "triển khai thực hiện Tiểu dự án 2 thuộc dự án 3: Cải thiện dinh dưỡng thuộc Chương "
                "trình MTQG giảm nghèo bền vững năm 2024 cho các địa phương;"
            ),
        ),
        TaskSeed(
            agency="Văn phòng HĐND-UBND (Y tế)",
            text=(
                "Chủ trì, phối hợp với cơ quan Bảo hiểm xã hội huyện, các phòng, ngành, tổ chức "
                "đoàn thể và địa phương tăng cường truyền thông, khuyến khích, vận động người dân "
                "tham gia bảo hiểm y tế, đặc biệt là đối tượng thuộc hộ cận nghèo, hộ làm nông "
                "nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình."
            ),
        ),
        TaskSeed(
            agency="Văn phòng HĐND-UBND (Y tế)",
            text=(
                "Tiếp tục thực hiện tốt chính sách theo Nghị định số 39/2015/NĐ-CP ngày 27/4/2015 "
                "của Chính phủ quy định chính sách hỗ trợ cho phụ nữ thuộc hộ nghèo là người dân "
                "tộc thiểu số khi sinh con đúng chính sách dân số\"... mở rộng các giải pháp dự "
                "phòng chủ động dị tật bẩm sinh, sàng lọc trước sinh, sàng lọc sơ sinh, tư vấn và "
                "khám sức khỏe tiền hôn nhân, đảm bảo hậu cần và cung cấp dịch vụ kế hoạch hóa gia đình."
            ),
        ),
        TaskSeed(
            agency="Văn phòng HĐND-UBND (Y tế)",
            text=(
                "Tăng cường chỉ đạo tập huấn, nâng cao nghiệp vụ cho cán bộ y tế cơ sở để chăm sóc "
                "sức khỏe ban đầu cho người dân, nhất là cho người nghèo."
            ),
        ),
        TaskSeed(
            agency="Văn phòng HĐND-UBND (Y tế)",
            text=(
                "Tiếp tục tham mưu đầu tư, nâng cấp cơ sở vật chất, trang thiết bị y tế phục vụ "
                "khám, chữa bệnh cho Bệnh viện đa khoa, Trung tâm Y tế huyện; Trạm Y tế xã, thị trấn."
            ),
        ),
        TaskSeed(
            agency="Phòng Kinh tế - Hạ tầng",
            text=(
                "Tham mưu cho UBND huyện việc tổ chức triển khai thực hiện các chương trình chính "
                "sách về hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo, người có công với cách mạng."
            ),
        ),
        TaskSeed(
            agency="Phòng Kinh tế - Hạ tầng",
            text=(
                "Chủ trì tham mưu xây dựng kế hoạch cụ thể, sát đến từng địa phương nhằm nâng cao "
                "chỉ tiêu tiếp cận dịch vụ xã hội cơ bản về nhà ở của hộ nghèo đảm bảo đạt mục tiêu "
                "đề ra ở cả hai tiêu chí chất lượng nhà ở, diện tích nhà ở."
            ),
        ),
        TaskSeed(
            agency="Phòng Kinh tế - Hạ tầng",
            text=(
                "Đẩy mạnh phát triển công nghiệp, tiểu thủ công nghiệp, thu hút đầu tư các dự án "
                "vào địa bàn huyện nhằm giải quyết việc làm cho lao động nông thôn, đặc biệt là lao "
                "động thuộc hộ nghèo, hộ cận nghèo;"
            ),
        ),
        TaskSeed(
            agency="Phòng Kinh tế - Hạ tầng",
            text=(
                "Tăng cường các hoạt động xúc tiến thương mại, quảng bá, giới thiệu sản phẩm địa "
                "phương; các hoạt động kết nối, mở rộng thị trường tiêu thụ nông sản."
            ),
        ),
        TaskSeed(
            agency="Phòng Kinh tế - Hạ tầng",
            text=(
                "Đẩy nhanh tiến độ chuyển đổi mô hình quản lý chợ; kêu gọi các nguồn lực đầu tư để "
                "phát triển mạng lưới chợ nông thôn, các trung tâm thương mại, siêu thị tại các xã, "
                "thị trấn, khu vực đông dân cư; đẩy mạnh lưu thông hàng hóa, đáp ứng nhu cầu tiêu "
                "dùng của Nhân dân."
            ),
        ),
        TaskSeed(
            agency="Phòng Tư pháp",
            text=(
                "Chủ trì phối hợp với các ngành, các đơn vị có liên quan hướng dẫn, triển khai thực "
                "hiện mở rộng và nâng cao chất lượng dịch vụ trợ giúp pháp lý cho đối tượng là "
                "người nghèo, người dân tộc thiểu số và các đối tượng bảo trợ xã hội theo Quyết "
                "định số 32/QĐ-TTg ngày 08/8/2016 của Thủ tướng Chính phủ; tổ chức các đợt truyền "
                "thông về trợ giúp pháp lý, tập huấn nâng cao năng lực cho người thực hiện trợ giúp "
                "pháp lý cho Công chức Văn hoá phụ trách chính sách xã hội các xã, thị trấn."
            ),
        ),
        TaskSeed(
            agency="Phòng Tài nguyên và Môi trường",
            text=(
                "Chủ trì, phối hợp với các ngành liên quan hướng dẫn các xã, thị trấn lập phương án "
                "bố trí quỹ đất sản xuất, đất ở để giao đất cho hộ nghèo, cận nghèo, hộ đồng bào "
                "sinh sống trên sông theo quy định; hướng dẫn đo đạc địa chính và cấp giấy chứng "
                "nhận quyền sử dụng đất cho hộ gia đình, cá nhân để ổn định."
            ),
        ),
        TaskSeed(
            agency="Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",
            text=(
                "Tăng cường tuyên truyền chủ trương, đường lối của Đảng, chính sách, pháp luật của "
                "Nhà nước trong công tác giảm nghèo; tuyên truyền nâng cao nhận thức về ý nghĩa, "
                "vai trò, tầm quan trọng của công tác giảm nghèo trong giai đoạn hiện nay; đưa tin "
                "các gương điển hình về giảm nghèo để thúc đẩy nhân rộng và lan tỏa mô hình, đồng "
                "thời lên án các hành vi trục lợi chính sách giảm nghèo để có biện pháp đẩy lùi, ngăn chặn."
            ),
        ),
        TaskSeed(
            agency="Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",
            text=(
                "Xây dựng chuyên trang, chuyên mục, phóng sự, ấn phẩm truyền thông; các tác phẩm "
                "truyền hình, phát thanh, tin bài về giảm nghèo bền vững, về mô hình giảm nghèo, "
                "kinh nghiệm, sáng kiến giảm nghèo và gương điển hình vươn lên thoát nghèo...."
            ),
        ),
        TaskSeed(
            agency="Ngân hàng Chính sách xã hội huyện",
            text=(
                "Bố trí, huy động nguồn vốn trung ương và địa phương, giải ngân kịp thời các chương "
                "trình tín dụng cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và các đối tượng "
                "chính sách khác để giúp hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và các đối "
                "tượng khác được tiếp cận vay vốn phát triển sản xuất, tạo sinh kế vươn lên thoát "
                "nghèo và làm giàu."
            ),
        ),
        TaskSeed(
            agency="Ngân hàng Chính sách xã hội huyện",
            text=(
                "Đẩy mạnh phổ biến tuyên truyền các chủ trương của Đảng, chính sách pháp luật của "
                "nhà nước về tín dụng chính sách xã hội đến các tầng lớp nhân dân, nhất là người "
                "nghèo, cận nghèo."
            ),
        ),
        TaskSeed(
            agency="Bảo hiểm xã hội huyện",
            text=(
                "Chủ trì phối hợp với các ngành, các xã, thị trấn in, cấp phát thẻ Bảo hiểm y tế "
                "cho người nghèo kịp thời, đúng đối tượng;"
            ),
        ),
        TaskSeed(
            agency="Bảo hiểm xã hội huyện",
            text=(
                "Phối hợp với các phòng, ban, ngành, MTTQ và các đoàn thể, các xã, thị trấn tăng "
                "cường công tác thông tin, tuyên truyền, vận động hộ cận nghèo, hộ làm nông, lâm, "
                "ngư nghiệp có mức sống trung bình và các đối tượng khác tham gia bảo hiểm y tế "
                "nhằm tăng độ bao phủ bảo hiểm y tế toàn dân."
            ),
        ),
        TaskSeed(
            agency="Các phòng, ban, ngành khác",
            text=(
                "Theo chức năng, nhiệm vụ được giao, ưu tiên các nguồn lực hỗ trợ các xã, thị trấn "
                "trong thực hiện công tác giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Căn cứ kế hoạch này và chỉ tiêu giao giảm hộ nghèo, xây dựng Kế hoạch giảm nghèo "
                "năm 2024. Kế hoạch giảm nghèo phải có giải pháp giảm nghèo cụ thể đến từng hộ gia "
                "đình, xác định rõ nguyên nhân nghèo của các hộ nghèo để ra giải pháp để giúp hộ "
                "nghèo thoát nghèo. Phân công nhiệm vụ cụ thể cho từng cán bộ công chức; từng thôn, "
                "khu phố; từng cán bộ, đảng viên, các tổ chức đoàn thể giúp đỡ các hộ nghèo vươn "
                "lên thoát nghèo, coi đây là một trong những tiêu chí đánh giá xếp loại hoàn thành "
                "nhiệm vụ và thi đua khen thưởng cuối năm."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Rà soát, tổng hợp hộ nghèo theo từng nguyên nhân nghèo; lập danh sách cụ thể những "
                "hộ gia đình có khả năng thoát nghèo trong năm 2024 để có phương án hỗ trợ kịp "
                "thời. Báo cáo UBND huyện qua phòng Lao động - Thương binh và Xã hội trước ngày 20/3/2024."
            ),
            due_date=date(2024, 3, 20),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Thực hiện tốt công tác thông tin, tin truyền các chủ trương, đường lối, chính sách "
                "của Nhà nước trong công tác giảm nghèo; tuyên truyền các tổ chức, cá nhân, mô hình "
                "phát triển sản xuất có hiệu quả; biểu dương những tấm gương có thành tích trong "
                "công tác giảm nghèo và tấm gương vượt khó vươn lên thoát nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Cập nhật đầy đủ, kịp thời các thông tin về hộ nghèo, hộ cận nghèo, hộ có đối tượng "
                "bảo trợ xã hội, đề ra các giải pháp để nâng cao hiệu quả quản lý nhà nước và thực "
                "hiện các chính sách hỗ trợ giảm nghèo tại địa phương."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Vận động, huy động các nguồn lực xã hội bằng nhiều hình thức như: ủng hộ cơ sở vật "
                "chất, ngày công lao động, vốn, kinh nghiệm sản xuất... giúp đỡ người nghèo khắc "
                "phục khó khăn vươn lên thoát nghèo; sử dụng khai thác có hiệu quả tiềm năng thế "
                "mạnh của địa phương phục vụ cho công tác giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Tiếp tục thực hiện Chương trình MTQG xây dựng Nông thôn mới, nông thôn mới nâng "
                "cao, nông thôn mới kiểu mẫu; thực hiện có hiệu quả các dự án, tiểu dự án thành "
                "phần thuộc Chương trình MTQG giảm nghèo bền vững, như: hỗ trợ sinh kế, Hỗ trợ phát "
                "triển sản xuất trong lĩnh vực nông nghiệp giúp hộ nghèo, hộ cận nghèo vươn lên "
                "thoát nghèo bền vững."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Tổ chức rà soát hộ nghèo năm 2024 theo quy định, việc rà soát phải bám sát thực "
                "tế, phản ánh toàn diện, chính xác các tiêu chí theo quy định tại Nghị định số "
                "07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ; Quyết định số 24/2021/QĐ-TTg ngày "
                "16/7/2021 của Thủ tướng Chính phủ và Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 "
                "của Bộ Lao động - Thương binh và Xã hội; nâng cao vai trò trách nhiệm của lực "
                "lượng rà soát viên, trưởng thôn trong việc chủ động phát hiện những hộ gia đình "
                "gặp khó khăn, biến cố rủi ro trong năm, có nguy cơ nghèo, cận nghèo để hướng dẫn "
                "hộ gia đình làm giấy đề nghị rà soát đưa vào danh sách rà soát, tuyệt đối không bỏ "
                "sót đối tượng đủ điều kiện được thụ hưởng chính sách."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Thường xuyên kiểm tra, giám sát kết quả thực hiện chính sách giảm nghèo; báo cáo "
                "kết quả thực hiện công tác giảm nghèo 6 tháng (trước 20/6/2024) và báo cáo năm "
                "(trước 30/10/2024) về UBND huyện qua phòng Lao động - Thương binh và Xã hội."
            ),
            due_date=date(2024, 6, 20),
            recurrence_note="trước 20/6/2024",
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Thường xuyên kiểm tra, giám sát kết quả thực hiện chính sách giảm nghèo; báo cáo "
                "kết quả thực hiện công tác giảm nghèo 6 tháng (trước 20/6/2024) và báo cáo năm "
                "(trước 30/10/2024) về UBND huyện qua phòng Lao động - Thương binh và Xã hội."
            ),
            due_date=date(2024, 10, 30),
            recurrence_note="trước 30/10/2024",
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Xây dựng kế hoạch kiểm tra, giám sát việc triển khai thực hiện nhiệm vụ giảm nghèo "
                "của các phòng, ngành và các xã, thị trấn năm 2024, đặc biệt, với các phòng, ngành, "
                "đơn vị được giao theo dõi, giúp đỡ, hỗ trợ các xã, thị trấn và được giao chủ trì "
                "triển khai thực hiện các chính sách nhằm nâng cao khả năng tiếp cận các dịch vụ xã "
                "hội cơ bản; Tham mưu đề xuất xử lý nghiêm các vi phạm trong thực hiện chính sách "
                "giảm nghèo (nếu có)."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc huyện",
            text=(
                "Tích cực tham gia, giúp đỡ các xã, thị trấn trong công tác giảm nghèo bền vững; "
                "tăng cường tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên "
                "và Nhân dân hưởng ứng, tích cực tham gia phong trào \"*Chung tay vì người nghèo - "
                "Không để ai bị bỏ lại phía sau*\", Tiếp tục đẩy mạnh thực hiện cuộc vận động \"*Ngày "
                "vì người nghèo*\", \"*Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh*\", "
                "vận động các tổ chức, cá nhân tham gia ủng hộ \"*Quỹ vì người nghèo*\" , \"*Tết nhân ái*\"."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc huyện",
            text=(
                "Vận động các tổ chức, cá nhân tham gia giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục "
                "các nguyên nhân vươn lên thoát nghèo bền vững theo kế hoạch giảm nghèo của huyện; "
                "phối hợp thực hiện việc giám sát công tác giảm nghèo trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Hội Liên hiệp Phụ nữ huyện",
            text=(
                "Tích cực tham gia, giúp đỡ các xã, thị trấn trong công tác giảm nghèo bền vững; "
                "tăng cường tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên "
                "và Nhân dân hưởng ứng, tích cực tham gia phong trào \"*Chung tay vì người nghèo - "
                "Không để ai bị bỏ lại phía sau*\", Tiếp tục đẩy mạnh thực hiện cuộc vận động \"*Ngày "
                "vì người nghèo*\", \"*Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh*\", "
                "vận động các tổ chức, cá nhân tham gia ủng hộ \"*Quỹ vì người nghèo*\" , \"*Tết nhân ái*\"."
            ),
        ),
        TaskSeed(
            agency="Hội Liên hiệp Phụ nữ huyện",
            text=(
                "Vận động các tổ chức, cá nhân tham gia giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục "
                "các nguyên nhân vươn lên thoát nghèo bền vững theo kế hoạch giảm nghèo của huyện; "
                "phối hợp thực hiện việc giám sát công tác giảm nghèo trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Hội Nông dân huyện",
            text=(
                "Tích cực tham gia, giúp đỡ các xã, thị trấn trong công tác giảm nghèo bền vững; "
                "tăng cường tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên "
                "và Nhân dân hưởng ứng, tích cực tham gia phong trào \"*Chung tay vì người nghèo - "
                "Không để ai bị bỏ lại phía sau*\", Tiếp tục đẩy mạnh thực hiện cuộc vận động \"*Ngày "
                "vì người nghèo*\", \"*Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh*\", "
                "vận động các tổ chức, cá nhân tham gia ủng hộ \"*Quỹ vì người nghèo*\" , \"*Tết nhân ái*\"."
            ),
        ),
        TaskSeed(
            agency="Hội Nông dân huyện",
            text=(
                "Vận động các tổ chức, cá nhân tham gia giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục "
                "các nguyên nhân vươn lên thoát nghèo bền vững theo kế hoạch giảm nghèo của huyện; "
                "phối hợp thực hiện việc giám sát công tác giảm nghèo trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Hội Cựu chiến binh huyện",
            text=(
                "Tích cực tham gia, giúp đỡ các xã, thị trấn trong công tác giảm nghèo bền vững; "
                "tăng cường tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên "
                "và Nhân dân hưởng ứng, tích cực tham gia phong trào \"*Chung tay vì người nghèo - "
                "Không để ai bị bỏ lại phía sau*\", Tiếp tục đẩy mạnh thực hiện cuộc vận động \"*Ngày "
                "vì người nghèo*\", \"*Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh*\", "
                "vận động các tổ chức, cá nhân tham gia ủng hộ \"*Quỹ vì người nghèo*\" , \"*Tết nhân ái*\"."
            ),
        ),
        TaskSeed(
            agency="Hội Cựu chiến binh huyện",
            text=(
                "Vận động các tổ chức, cá nhân tham gia giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục "
                "các nguyên nhân vươn lên thoát nghèo bền vững theo kế hoạch giảm nghèo của huyện; "
                "phối hợp thực hiện việc giám sát công tác giảm nghèo trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Huyện đoàn",
            text=(
                "Tích cực tham gia, giúp đỡ các xã, thị trấn trong công tác giảm nghèo bền vững; "
                "tăng cường tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên "
                "và Nhân dân hưởng ứng, tích cực tham gia phong trào \"*Chung tay vì người nghèo - "
                "Không để ai bị bỏ lại phía sau*\", Tiếp tục đẩy mạnh thực hiện cuộc vận động \"*Ngày "
                "vì người nghèo*\", \"*Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh*\", "
                "vận động các tổ chức, cá nhân tham gia ủng hộ \"*Quỹ vì người nghèo*\" , \"*Tết nhân ái*\"."
            ),
        ),
        TaskSeed(
            agency="Huyện đoàn",
            text=(
                "Vận động các tổ chức, cá nhân tham gia giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục "
                "các nguyên nhân vươn lên thoát nghèo bền vững theo kế hoạch giảm nghèo của huyện; "
                "phối hợp thực hiện việc giám sát công tác giảm nghèo trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Liên đoàn Lao động huyện",
            text=(
                "Tích cực tham gia, giúp đỡ các xã, thị trấn trong công tác giảm nghèo bền vững; "
                "tăng cường tuyên truyền, vận động các tổ chức, doanh nghiệp, đoàn viên, hội viên "
                "và Nhân dân hưởng ứng, tích cực tham gia phong trào \"*Chung tay vì người nghèo - "
                "Không để ai bị bỏ lại phía sau*\", Tiếp tục đẩy mạnh thực hiện cuộc vận động \"*Ngày "
                "vì người nghèo*\", \"*Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh*\", "
                "vận động các tổ chức, cá nhân tham gia ủng hộ \"*Quỹ vì người nghèo*\" , \"*Tết nhân ái*\"."
            ),
        ),
        TaskSeed(
            agency="Liên đoàn Lao động huyện",
            text=(
                "Vận động các tổ chức, cá nhân tham gia giúp đỡ hộ nghèo, hộ cận nghèo, khắc phục "
                "các nguyên nhân vươn lên thoát nghèo bền vững theo kế hoạch giảm nghèo của huyện; "
                "phối hợp thực hiện việc giám sát công tác giảm nghèo trên địa bàn huyện."
            ),
        ),
    ),
    quota_tables=(
        QuotaTableSeed(
            year=2024,
            title="CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024",
            rows=(
                QuotaRowSeed(commune="TT Lam Sơn", total=6, without_labour=2, with_labour=4),
                QuotaRowSeed(commune="TT Sao Vàng", total=10, without_labour=2, with_labour=8),
                QuotaRowSeed(commune="Xuân Bái", total=4, without_labour=1, with_labour=3),
                QuotaRowSeed(commune="Thọ Xương", total=11, without_labour=2, with_labour=9),
                QuotaRowSeed(commune="Xuân Phú", total=4, without_labour=0, with_labour=4),
                QuotaRowSeed(commune="Thọ Lâm", total=10, without_labour=2, with_labour=8),
                QuotaRowSeed(commune="Thọ Diên", total=5, without_labour=1, with_labour=4),
                QuotaRowSeed(commune="Xuân Hưng", total=4, without_labour=2, with_labour=2),
                QuotaRowSeed(commune="Xuân Sinh", total=10, without_labour=4, with_labour=6),
                QuotaRowSeed(commune="Xuân Thiên", total=4, without_labour=3, with_labour=1),
                QuotaRowSeed(commune="Thuận Minh", total=9, without_labour=3, with_labour=6),
                QuotaRowSeed(commune="Thọ Lập", total=4, without_labour=2, with_labour=2),
                QuotaRowSeed(commune="Xuân Tín", total=5, without_labour=0, with_labour=5),
                QuotaRowSeed(commune="Quảng Phú", total=6, without_labour=2, with_labour=4),
                QuotaRowSeed(commune="Phú Xuân", total=8, without_labour=2, with_labour=6),
                QuotaRowSeed(commune="Xuân Lai", total=4, without_labour=1, with_labour=3),
                QuotaRowSeed(commune="Xuân Lập", total=9, without_labour=2, with_labour=7),
                QuotaRowSeed(commune="Xuân Minh", total=5, without_labour=1, with_labour=4),
                QuotaRowSeed(commune="Trường Xuân", total=6, without_labour=2, with_labour=4),
                QuotaRowSeed(commune="Thọ Hải", total=5, without_labour=1, with_labour=4),
                QuotaRowSeed(commune="Xuân Hòa", total=2, without_labour=1, with_labour=1),
                QuotaRowSeed(commune="Xuân Trường", total=4, without_labour=2, with_labour=2),
                QuotaRowSeed(commune="TT Thọ Xuân", total=8, without_labour=1, with_labour=7),
                QuotaRowSeed(commune="Tây Hồ", total=3, without_labour=2, with_labour=1),
                QuotaRowSeed(commune="Xuân Giang", total=1, without_labour=0, with_labour=1),
                QuotaRowSeed(commune="Bắc Lương", total=3, without_labour=3, with_labour=0),
                QuotaRowSeed(commune="Nam Giang", total=9, without_labour=1, with_labour=8),
                QuotaRowSeed(commune="Thọ Lộc", total=3, without_labour=1, with_labour=2),
                QuotaRowSeed(commune="Xuân Phong", total=7, without_labour=2, with_labour=5),
                QuotaRowSeed(commune="Xuân Hồng", total=11, without_labour=2, with_labour=9),
            ),
            target_total=180,
            target_without_labour=50,
            target_with_labour=130,
            note=(
                "Trong văn bản: '-' hoặc ô trống là 0. Tiêu đề cột của văn bản ghi “Hộ không có "
                "KNLD”, “Hộ có có KNLD”."
            ),
        ),
    ),
    support_assignments=(
        SupportSeed(
            commune="TT Lam Sơn",
            agencies_as_written="Ngân hàng NN&PTNT Lam Sơn",
            agencies=("Ngân hàng NN&PTNT Lam Sơn",),
            steering_member="Phạm Văn Luận",
        ),
        SupportSeed(
            commune="TT Sao Vàng",
            agencies_as_written="Hội Phụ nữ huyện",
            agencies=("Hội Liên hiệp Phụ nữ huyện",),
            steering_member="Nguyễn Thị Nga",
        ),
        SupportSeed(
            commune="Xã Xuân Bái",
            agencies_as_written="Phòng Kinh tế - Hạ tầng",
            agencies=("Phòng Kinh tế - Hạ tầng",),
            steering_member="Lê Đình Hảo",
        ),
        SupportSeed(
            commune="Xã Thọ Xương",
            agencies_as_written="Phòng Tài chính - Kế hoạch",
            agencies=("Phòng Tài chính - Kế hoạch",),
            steering_member="Hà Đình Cường",
        ),
        SupportSeed(
            commune="Xã Xuân Phú",
            agencies_as_written="Công an huyện",
            agencies=("Công an huyện",),
            steering_member="Lê Duy Niệm",
        ),
        SupportSeed(
            commune="Xã Thọ Lâm",
            agencies_as_written="Phòng Thanh tra",
            agencies=("Phòng Thanh tra",),
            steering_member="Phạm Văn Luận",
        ),
        SupportSeed(
            commune="Xã Thọ Diên",
            agencies_as_written="Ban Quản lý dự án huyện",
            agencies=("Ban Quản lý dự án huyện",),
            steering_member="Lê Thị Hạnh",
        ),
        SupportSeed(
            commune="Xã Xuân Hưng",
            agencies_as_written="Phòng Nội vụ",
            agencies=("Phòng Nội vụ",),
            steering_member="Vũ Mạnh Hà",
        ),
        SupportSeed(
            commune="Xã Xuân Sinh",
            agencies_as_written="Trung tâm VH - TT - TT & DL",
            agencies=("Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",),
            steering_member="Phạm Văn Luận",
        ),
        SupportSeed(
            commune="Xã Xuân Thiên",
            agencies_as_written="Chi cục Thi hành án huyện",
            agencies=("Chi cục Thi hành án dân sự huyện",),
            steering_member="Lưu Thị Anh Đào",
        ),
        SupportSeed(
            commune="Xã Thuận Minh",
            agencies_as_written="Liên đoàn Lao động huyện",
            agencies=("Liên đoàn Lao động huyện",),
            steering_member="Trịnh Ngọc Tấn",
        ),
        SupportSeed(
            commune="Xã Thọ Lập",
            agencies_as_written="Phòng Tài nguyên và Môi trường",
            agencies=("Phòng Tài nguyên và Môi trường",),
            steering_member="Lê Ngọc Quân",
        ),
        SupportSeed(
            commune="Xã Xuân Tín",
            agencies_as_written="Huyện đoàn",
            agencies=("Huyện đoàn",),
            steering_member="Nguyễn Thị Bích Phương",
        ),
        SupportSeed(
            commune="Xã Quảng Phú",
            agencies_as_written="Hội Cựu chiến binh",
            agencies=("Hội Cựu chiến binh huyện",),
            steering_member="Nguyễn Văn Bình",
        ),
        SupportSeed(
            commune="Xã Phú Xuân",
            agencies_as_written="Phòng Văn hoá - Thông tin",
            agencies=("Phòng Văn hóa - Thông tin",),
            steering_member="Lê Văn Lực",
        ),
        SupportSeed(
            commune="Xã Xuân Lai",
            agencies_as_written="Bảo hiểm xã hội huyện",
            agencies=("Bảo hiểm xã hội huyện",),
            steering_member="Nguyễn Xuân Hải",
        ),
        SupportSeed(
            commune="Xã Xuân Lập",
            agencies_as_written="Viện Kiểm sát nhân dân, Toà án",
            agencies=("Viện Kiểm sát nhân dân huyện", "Tòa án nhân dân huyện"),
            steering_member="Lưu Thị Anh Đào",
        ),
        SupportSeed(
            commune="Xã Xuân Minh",
            agencies_as_written="Phòng Giáo dục và Đào tạo",
            agencies=("Phòng Giáo dục và Đào tạo",),
            steering_member="Lê Thị Bảy",
        ),
        SupportSeed(
            commune="Xã Trường Xuân",
            agencies_as_written="Hội Nông dân",
            agencies=("Hội Nông dân huyện",),
            steering_member="Lê Thọ Cường",
        ),
        SupportSeed(
            commune="Xã Thọ Hải",
            agencies_as_written="Ngân hàng Chính sách - xã hội huyện",
            agencies=("Ngân hàng Chính sách xã hội huyện",),
            steering_member="Đỗ Thế Mạnh",
        ),
        SupportSeed(
            commune="Xã Xuân Hòa",
            agencies_as_written="Ban chỉ huy Quân sự huyện",
            agencies=("Ban Chỉ huy Quân sự huyện",),
            steering_member="Đỗ Thế Mạnh",
        ),
        SupportSeed(
            commune="Xã Xuân Trường",
            agencies_as_written="Văn phòng HĐND-UBND",
            agencies=("Văn phòng HĐND-UBND (Y tế)",),
            steering_member="Mai Thị Mùi",
        ),
        SupportSeed(
            commune="TT Thọ Xuân",
            agencies_as_written="Ngân hàng NN&PTNT Thọ Xuân",
            agencies=("Ngân hàng NN&PTNT Thọ Xuân",),
            steering_member="Lê Thị Thanh Tâm",
        ),
        SupportSeed(
            commune="Xã Tây Hồ",
            agencies_as_written="Trung tâm Y tế huyện",
            agencies=("Trung tâm Y tế huyện",),
            steering_member="Trịnh Ngọc Giang",
        ),
        SupportSeed(
            commune="Xã Xuân Giang",
            agencies_as_written="Phòng Lao động - TBXH",
            agencies=("Phòng Lao động - Thương binh và Xã hội",),
            steering_member="Hà Thị Ngân",
        ),
        SupportSeed(
            commune="Xã Bắc Lương",
            agencies_as_written="Chi cục Thống kê huyện",
            agencies=("Chi cục Thống kê huyện",),
            steering_member="Nguyễn Hữu Dũng",
        ),
        SupportSeed(
            commune="Xã Nam Giang",
            agencies_as_written="Trung tâm Dịch vụ nông nghiệp",
            agencies=("Trung tâm Dịch vụ nông nghiệp",),
            steering_member="Nguyễn Hữu Dũng",
        ),
        SupportSeed(
            commune="Xã Thọ Lộc",
            agencies_as_written="Phòng Tư Pháp, Bệnh viện Đa khoa huyện",
            agencies=("Phòng Tư pháp", "Bệnh viện Đa khoa huyện"),
            steering_member="Dương Thị Hiền",
        ),
        SupportSeed(
            commune="Xã Xuân Phong",
            agencies_as_written="Ủy ban MTTQ huyện",
            agencies=("Ủy ban Mặt trận Tổ quốc huyện",),
            steering_member="Lê Văn Tiến",
        ),
        SupportSeed(
            commune="Xã Xuân Hồng",
            agencies_as_written="Phòng Nông nghiệp và PTNT",
            agencies=("Phòng Nông nghiệp và Phát triển nông thôn",),
            steering_member="Nguyễn Văn Vinh",
        ),
    ),
    # Part II.2.3: the projects of the national programme the plan names by their full name, with the body that
    # carries them out. Dự án 3 and Dự án 6 appear only through their sub-projects (Tiểu dự án 1, 2), whose
    # parent the document does not name, so they are left out here (their tasks keep the text).
    projects=(
        ProjectSeed(kind="du_an", number=2, name="Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
                    lead="Phòng Lao động - Thương binh và Xã hội"),
        ProjectSeed(kind="du_an", number=4, name="Phát triển giáo dục nghề nghiệp, việc làm bền vững",
                    lead="Phòng Lao động - Thương binh và Xã hội"),
        ProjectSeed(kind="du_an", number=7,
                    name="Nâng cao năng lực và giám sát, đánh giá Chương trình MTQG giảm nghèo bền vững",
                    lead="Phòng Lao động - Thương binh và Xã hội"),
    ),
    # Part IV "KINH PHÍ THỰC HIỆN": the sources only, no figures.
    funding=(
        FundingSeed("ns_trung_uong", "Kinh phí thực hiện công tác giảm nghèo từ nguồn ngân sách Trung ương, ngân "
                                     "sách địa phương và nguồn huy động hợp pháp khác."),
        FundingSeed("ns_dia_phuong", "Kinh phí thực hiện công tác giảm nghèo từ nguồn ngân sách Trung ương, ngân "
                                     "sách địa phương và nguồn huy động hợp pháp khác."),
        FundingSeed("huy_dong", "Kinh phí thực hiện công tác giảm nghèo từ nguồn ngân sách Trung ương, ngân sách "
                                "địa phương và nguồn huy động hợp pháp khác."),
    ),
    sections=(
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.1",
            text=(
                "Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của cấp ủy Đảng, Chính quyền các cấp; đẩy mạnh thực "
                "hiện các nhiệm vụ, giải pháp giảm nghèo bền vững trên địa bàn huyện theo chỉ tiêu kế hoạch giao."
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.2",
            text=(
                "Tăng cường công tác thông tin, tuyên truyền đưa chủ trương, đường lối của Đảng; chính sách, pháp"
                " luật của Nhà nước, những chủ trương, định hướng lớn của cấp ủy trong công tác giảm nghèo vào "
                "cuộc sống, tạo sự thống nhất, đồng thuận cao trong toàn bộ hệ thống chính trị và Nhân dân; đẩy "
                "mạnh tuyên truyền bằng các hình thức và nội dung phù hợp, nhằm đổi mới tư duy, nâng cao nhận "
                "thức của cán bộ, đảng viên và nhân dân, trước hết là của người đứng đầu cấp ủy, tổ chức đảng, "
                "chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội các cấp về vai trò, ý nghĩa của"
                " công tác giảm nghèo trong tình hình mới; khơi dậy ý chí nỗ lực tự vươn lên thoát nghèo, xóa bỏ "
                "tư tưởng trông chờ ý lại của hộ nghèo, hộ cận nghèo coi đây là giải pháp then chốt, đột phá để "
                "giảm nghèo bền vững."
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.3",
            text=(
                "Đẩy mạnh thực hiện Chương trình Mục tiêu Quốc gia (MTQG) xây dựng Nông thôn mới, nông thôn mới "
                "nâng cao, nông thôn mới kiểu mẫu, gắn với Chương trình MTQG giảm nghèo bền vững; tiếp tục triển "
                "khai thực hiện Đề án tái cơ cấu ngành nông nghiệp, các cơ chế, chính sách của Trung ương và của "
                "tỉnh đã ban hành về nông nghiệp, nông thôn nhằm đẩy mạnh phát triển sản xuất, tăng thu nhập, cải"
                " thiện đời sống nhân dân. Tạo điều kiện cho người nghèo về vốn, kiến thức khoa học, thị trường "
                "tiêu thụ sản phẩm đầu ra, v.v... Bên cạnh đó cần đẩy mạnh cải cách hành chính, xúc tiến thương "
                "mại, thu hút đầu tư vào địa bàn, đặc biệt là các doanh nghiệp may mặc, giày da, chế biến nông "
                "sản, tiểu thủ công nghiệp, du lịch cộng đồng,... nhằm dạy nghề, tạo nhiều việc làm cho người lao"
                " động. Xác định phát triển sản xuất, dạy nghề, giải quyết việc làm là giải pháp trọng tâm để "
                "giảm nghèo bền vững."
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.4",
            text=(
                "Tiếp tục chuyển giao ứng dụng tiến bộ khoa học, kỹ thuật và công nghệ vào sản xuất nhằm thay đổi"
                " tập quán canh tác cũ, nâng cao trình độ thâm canh, tăng vụ, tăng năng suất, chất lượng các sản "
                "phẩm nông nghiệp, thúc đẩy phát triển sản xuất cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo."
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.5",
            text=(
                "Huy động nguồn lực của doanh nghiệp, các tổ chức, cá nhân, nhà hảo tâm và đóng góp của nhân dân "
                "để thực hiện công tác giảm nghèo; đảm bảo nguồn vốn tín dụng ưu đãi để hộ nghèo vay vốn phát "
                "triển sản xuất, nâng cao thu nhập"
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.6",
            text=(
                "Tăng cường công tác kiểm tra, giám sát của cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể"
                " đối với việc thực hiện chương trình, kế hoạch giảm nghèo bền vững; hằng năm, gắn kiểm điểm việc"
                " lãnh đạo, chỉ đạo thực hiện công tác giảm nghèo với kiểm điểm, đánh giá tập thể, cá nhân cán "
                "bộ, lãnh đạo quản lý."
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.7",
            text=(
                "Các phòng, ban, ngành, đơn vị có liên quan và UBND các xã, thị trấn thực hiện có hiệu quả việc "
                "phân công hỗ trợ, giúp đỡ hộ nghèo; xây dựng kế hoạch hỗ trợ để có những hoạt động hỗ trợ thiết "
                "thực, cụ thể, có địa chỉ rõ ràng; tạo mọi điều kiện để giúp đỡ các xã được phân công đạt mục "
                "tiêu giảm nghèo trong năm."
            ),
        ),
        SectionSeed(
            part="III.1. Giải pháp chung",
            number="1.8",
            text=(
                "Đề nghị Ủy ban Mặt trận Tổ quốc các cấp và các tổ chức chính trị - xã hội nâng cao vai trò, "
                "trách nhiệm trong việc triển khai, thực hiện các cuộc vận động, các phong trào thi đua yêu nước;"
                " tuyên truyền, vận động nguồn lực giúp đỡ hộ nghèo phát triển kinh tế giảm nghèo bền vững; khen "
                "thưởng, động viên kịp thời những tổ chức, cá nhân có nhiều đóng góp cho công tác giảm nghèo và "
                "những gương sáng thoát nghèo điển hình, tiêu biểu."
            ),
        ),
        SectionSeed(
            part="V.1. Các phòng, ban, ngành cấp huyện và UBND các xã, thị trấn",
            number="1",
            text=(
                "Trên cơ sở các chỉ tiêu, nhiệm vụ được giao tại Kế hoạch này, các phòng, ban, ngành, các xã, thị"
                " trấn căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch để triển khai thực hiện; hướng "
                "dẫn, giúp đỡ các xã, thị trấn thực hiện các chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản trong "
                "công tác giảm nghèo đối với lĩnh vực được phân công."
            ),
        ),
        SectionSeed(
            part="V.1. Các phòng, ban, ngành cấp huyện và UBND các xã, thị trấn",
            number="2",
            text=(
                "Tiếp tục phát động phong trào thi đua, tích cực vận động cán bộ, công chức, viên chức và người "
                "lao động trong cơ quan, đơn vị tham gia các đợt phát động ủng hộ người nghèo như: \"Ngày vì "
                "người nghèo\", \"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\"."
            ),
        ),
        SectionSeed(
            part="Phụ lục 01",
            title="CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024",
            text="(Kèm theo Kế hoạch số /KH-UBND, ngày / /2024 của UBND huyện)",
        ),
        SectionSeed(
            part="Phụ lục 2 (văn bản ghi “Phụ lục 01”)",
            title=(
                "ĐỀ NGHỊ CÁC PHÒNG, BAN, NGÀNH, CƠ QUAN, ĐƠN VỊ GIÚP ĐỠ CÁC XÃ, THỊ TRẤN TRONG CÔNG TÁC GIẢM "
                "NGHÈO NĂM 2024"
            ),
            text=(
                "(Kèm theo Kế hoạch số /KH-UBND, ngày / /2024 của UBND huyện)\n"
                "Thành viên BCD Chương trình MTQG (QĐ2611-QĐ-HU ngày 05/02/2024)"
            ),
        ),
    ),
)
