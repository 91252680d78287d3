"""Kế hoạch của UBND huyện Tây Hòa (Phú Yên), 2022 (seed 000), and the two plans it implements: Kế hoạch 62/KH-
UBND of the province and 108-KH/HU of the district Party standing committee."""

from datetime import date

from .schema import D, LegalBasisSeed, PlanSeed, TargetSeed, TaskSeed

PHUYEN_62 = PlanSeed(
    code="phuyen-62-2022",
    title=(
        "Thực hiện Nghị quyết 160/NQ-CP ngày 22/12/2021 của Chính phủ về tăng cường sự lãnh đạo "
        "của Đảng đối với công tác giảm nghèo bền vững đến năm 2030 trên địa bàn tỉnh Phú Yên"
    ),
    unit="54",
    first_year=2022,
    last_year=2030,
    number="62/KH-UBND",
    issuer="UBND tỉnh Phú Yên",
    issue_date=date(2022, 3, 16),
    note=(
        "Văn bản gốc không có trong bộ tài liệu mẫu; số, ngày và trích yếu lấy theo Kế hoạch triển "
        "khai của UBND huyện Tây Hòa (seed 000), kế hoạch thực hiện văn bản này."
    ),
    source="000_cb3172e20f6581f6.txt",
    legal_bases=(
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="160/NQ-CP",
            title="về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030",
            document_date=date(2021, 12, 22),
            issuer="Chính phủ",
        ),
    ),
)

TAYHOA_HU_108 = PlanSeed(
    code="tayhoa-hu-108-2022",
    title="Tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030",
    unit="562",
    first_year=2022,
    last_year=2030,
    number="108-KH/HU",
    issuer="Ban Thường vụ Huyện ủy Tây Hòa",
    issue_date=date(2022, 4, 14),
    note=(
        "Văn bản gốc không có trong bộ tài liệu mẫu; số, ngày và trích yếu lấy theo Kế hoạch triển "
        "khai của UBND huyện Tây Hòa (seed 000), kế hoạch thực hiện văn bản này."
    ),
    source="000_cb3172e20f6581f6.txt",
)

PLAN = PlanSeed(
    code="tayhoa-2022",
    title=(
        "Triển khai thực hiện Kế hoạch số 62/KH-UBND ngày 16/3/2022 của UBND tỉnh và Kế hoạch số "
        "108-KH/HU, ngày 14/4/2022 của Ban Thường vụ Huyện ủy Tây Hòa về việc tăng cường sự lãnh "
        "đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030"
    ),
    unit="562",
    first_year=2022,
    last_year=2030,
    issuer="UBND huyện Tây Hòa",
    signer_name="Phan Công Trình",
    signer_title="TM. ỦY BAN NHÂN DÂN – KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
    purpose=(
        "Cụ thể hóa các mục tiêu, nhiệm vụ, giải pháp trong Nghị quyết số 160/NQ-CP ngày "
        "22/12/2021 của Chính phủ về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo "
        "bền vững đến năm 2030 (gọi tắt là Nghị quyết số 160/NQ-CP ngày 22/12/2021 của Chính "
        "phủ) và Kế hoạch số 62/KH-UBND ngày 16/3/2022 của UBND tỉnh về việc thực hiện Nghị "
        "quyết 160/NQ-CP ngày 22/12/2021 của Chính phủ và Kế hoạch số 108-KH/HU, ngày 14/4/2022 "
        "của Ban Thường vụ Huyện ủy Tây Hòa.\n"
        "Tạo sự chuyển biến mạnh mẽ về nhận thức và hành động, ý thức, trách nhiệm của cán bộ, "
        "công chức, viên chức, chiến sỹ trong lực lượng vũ trang, người lao động trong các cơ "
        "quan, đơn vị, UBND các xã, thị trấn và Nhân dân đối với công tác giảm nghèo bền vững, "
        "xác định giảm nghèo góp phần xây dựng nông thôn mới, đô thị văn minh, tạo động lực cho "
        "phát triển bền vững của Huyện, phát triển kinh tế phải gắn với thực hiện tiến bộ, công "
        "bằng xã hội, đặt con người là trung tâm của sự phát triển trong điều kiện mới."
    ),
    requirements=(
        "Xác định rõ vai trò của Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, "
        "thị trấn đối với công tác giảm nghèo bền vững.\n"
        "Tổ chức quán triệt các nội dung phù hợp với từng đối tượng, thành phần, từng địa "
        "bàn xã, thị trấn nhằm giúp cho cán bộ, đảng viên và Nhân dân nắm vững, hiểu rõ "
        "những nội dung cơ bản của Nghị quyết số 160/NQ-CP ngày 22/12/2021 của Chính phủ, "
        "Kế hoạch số 62/KH-UBND ngày 16/3/2022 của UBND tỉnh, và Kế hoạch số 108-KH/HU, "
        "ngày 14/4/2022 của Ban Thường vụ Huyện ủy Tây Hòa và Kế hoạch này; việc tổ chức "
        "quán triệt phải nghiêm túc, thiết thực, hiệu quả, tránh hình thức."
    ),
    general_objective=(
        "Huy động, phát huy sức mạnh tổng hợp của cả hệ thống chính trị và toàn xã hội "
        "thực hiện hiệu quả các chủ trương, chính sách của Đảng và Nhà nước về giảm "
        "nghèo bền vững, phấn đấu thực hiện đạt và vượt chỉ tiêu giảm tỷ lệ hộ nghèo "
        "bình quân 1%/năm theo Nghị quyết Đại hội Đảng bộ huyện lần thứ XII, nhiệm kỳ "
        "2020-2025 đã đề ra, không ngừng nâng cao chất lượng đời sống vật chất, tinh "
        "thần của Nhân dân."
    ),
    note=(
        "Dự thảo chưa có số và ngày (“Số: /KH-UBND”, “ngày tháng năm 2022”).\n"
        "Nhiệm vụ và giải pháp:\n"
        "2.1. Tuyên truyền, nâng cao nhận thức, ý thức, trách nhiệm đối với công tác giảm nghèo\n"
        "- Đẩy mạnh tuyên truyền, giáo dục, nâng cao nhận thức và trách nhiệm của cán bộ, đảng "
        "viên, nhất là người đứng đầu trong công tác giảm nghèo; phát huy mạnh mẽ truyền thống đoàn "
        "kết, tinh thần tương thân, tương ái của dân tộc ta đối với người nghèo.\n"
        "- Vận động, hướng dẫn người nghèo, hộ nghèo có kiến thức, kinh nghiệm trong lao động, sản "
        "xuất, chủ động vươn lên thoát nghèo, không trông chờ, ỷ lại vào sự giúp đỡ của Nhà nước và "
        "xã hội; tham gia các cuộc thi, các tác phẩm báo chí viết về công tác giảm nghèo do ngành "
        "cấp trên tổ chức.\n"
        "- Tích cực tuyên truyền về công tác giảm nghèo, kịp thời giới thiệu các cá nhân, tập thể, "
        "mô hình, kinh nghiệm hay trong giảm nghèo bền vững.\n"
        "- Hưởng ứng, nâng cao chất lượng phong trào thi đua “Cả nước chung tay vì người nghèo - "
        "không để ai bị bỏ lại phía sau”, khơi dậy ý chí tự lực, tự cường, phát huy nội lực vươn "
        "lên “thoát nghèo, xây dựng cuộc sống ấm no” của người dân và cộng đồng.\n"
        "2.2. Tăng cường lãnh đạo, chỉ đạo đối với công tác giảm nghèo bền vững\n"
        "- Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn tập trung lãnh đạo, chỉ "
        "đạo công tác giảm nghèo bền vững gắn với xây dựng nông thôn mới và đô thị văn minh; xác "
        "định giảm nghèo bền vững là chủ trương lớn, nhất quán của Đảng, Nhà nước, là nhiệm vụ "
        "chính trị quan trọng, thường xuyên, lâu dài của cả hệ thống chính trị và toàn xã hội, góp "
        "phần thực hiện tiến bộ, công bằng xã hội, không ngừng nâng cao đời sống vật chất và tinh "
        "thần của Nhân dân.\n"
        "- Xác định mục tiêu, nhiệm vụ, giải pháp về giảm nghèo trong các chương trình, kế hoạch "
        "phát triển kinh tế - xã hội hằng năm, kế hoạch phát triển kinh tế - xã hội 5 năm "
        "2021-2025, định hướng đến năm 2030.\n"
        "2.3. Tiếp tục thực hiện có hiệu quả các cơ chế, chính sách giảm nghèo\n"
        "- Thực hiện chính sách giảm nghèo theo chuẩn nghèo đa chiều gắn với mục tiêu phát triển "
        "bền vững, bảo đảm mức sống tối thiểu tăng dần và khả năng tiếp cận các dịch vụ xã hội cơ "
        "bản của người dân.\n"
        "- Đổi mới cách tiếp cận về giảm nghèo, tăng cường các chính sách hỗ trợ có điều kiện, bảo "
        "trợ xã hội đối với hộ nghèo không có khả năng lao động, chính sách trợ giúp pháp lý; "
        "khuyến khích doanh nghiệp và hợp tác xã liên kết trong sản xuất, kinh doanh, tiêu thụ sản "
        "phẩm, phát triển đa dạng các mô hình sản xuất có sự tham gia của các hộ nghèo, cận nghèo; "
        "hỗ trợ phát triển các mô hình giảm nghèo, phát triển sản xuất, kinh doanh phù hợp nhằm tạo "
        "việc làm, sinh kế, thu nhập cho người nghèo; hỗ trợ các mô hình giảm nghèo gắn với quốc "
        "phòng, an ninh.\n"
        "- Đẩy mạnh hoạt động tư vấn, kết nối, giới thiệu, hỗ trợ việc làm cho người nghèo, người "
        "dân trên địa bàn. Nâng cao hiệu quả hoạt động đưa người lao động đi làm việc ở nước ngoài "
        "theo hợp đồng.\n"
        "- Tiếp tục triển khai thực hiện chính sách về nhà ở hộ nghèo, hộ cận nghèo; chính sách "
        "nước sinh hoạt hợp vệ sinh, vệ sinh nông thôn cho người nghèo, người đồng bào dân tộc thiểu số.\n"
        "- Tăng cường triển khai chính sách tín dụng ưu đãi dành cho hộ nghèo, hộ cận nghèo, hộ mới "
        "thoát nghèo và các đối tượng chính sách khác theo quy định.\n"
        "- Đẩy mạnh thực hiện chính sách phát triển kinh tế - xã hội, tăng cường kết nối, khuyến "
        "khích doanh nghiệp đầu tư các xã có tỷ lệ hộ nghèo cao và các xã có nhiều đồng bào dân tộc "
        "thiểu số, gắn với bảo đảm quốc phòng - an ninh.\n"
        "- Rà soát, điều chỉnh quy hoạch, tổ chức thực hiện di dời dân cư, bảo đảm sinh kế bền vững "
        "và an toàn cho dân cư tại các vùng thường xuyên chịu tác động của thiên tai, dịch bệnh.\n"
        "- Giải quyết đất sản xuất, đất ở phù hợp, tạo việc làm, bảo đảm các dịch vụ y tế, giáo "
        "dục, nhà ở, nước sinh hoạt, vệ sinh môi trường, thông tin và dịch vụ xã hội khác cho người "
        "nghèo, nhất là người đồng bào dân tộc thiểu số.\n"
        "- Hướng dẫn, vận động các xã, thị trấn xây dựng mô hình hợp tác xã, tổ hợp tác, tổ tự "
        "quản, hộ gia đình thoát nghèo, sản xuất giỏi, làm kinh tế giỏi tiêu biểu.\n"
        "- Tiếp tục thực hiện Kết luận số 483-KL/HU, ngày 01/11/2018 của Ban Thường vụ Huyện ủy về "
        "tiếp tục đẩy mạnh triển khai thực hiện mô hình “cơ quan, đơn vị giúp đỡ xã, thôn khó khăn "
        "và cán bộ, đảng viên, công chức, viên chức giúp đỡ hộ nghèo” và Thông báo số 39-TB/HU, "
        "ngày 27/11/2018 của Huyện ủy Tây Hòa về việc phân công các cơ quan, đơn vị giúp đỡ xã, thị "
        "trấn, hộ nghèo gắn với xây dựng nông thôn mới và đô thị văn minh; xây dựng, nhân rộng các "
        "mô hình tốt, sáng kiến hay về giảm nghèo bền vững.\n"
        "2.4. Huy động, sử dụng hiệu quả nguồn lực đầu tư cho công tác giảm nghèo\n"
        "- Tích cực vận động doanh nghiệp, tổ chức, cá nhân hỗ trợ, đóng góp nguồn lực; huy động "
        "tối đa các nguồn lực xã hội tham gia công tác giảm nghèo bền vững gắn với xây dựng nông "
        "thôn mới, đô thị văn minh. Ưu tiên nguồn lực thực hiện Chương trình mục tiêu quốc gia giảm "
        "nghèo bền vững và Chương trình xây dựng nông thôn mới theo hướng tích hợp với các chương "
        "trình, kế hoạch phát triển kinh tế - xã hội giai đoạn 2022 - 2030; thúc đẩy việc huy động, "
        "sử dụng hiệu quả các nguồn lực cho công tác giảm nghèo.\n"
        "- Tập trung nguồn lực đầu tư phát triển sản xuất, giáo dục nghề nghiệp, tạo việc làm, sinh "
        "kế, nâng cao thu nhập và hỗ trợ tiếp cận đầy đủ các dịch vụ xã hội cơ bản cho người nghèo.\n"
        "2.5. Nâng cao hiệu lực, hiệu quả công tác quản lý nhà nước về giảm nghèo\n"
        "- Tiếp tục đổi mới, nâng cao hiệu lực, hiệu quả công tác quản lý nhà nước về giảm nghèo. "
        "Kiện toàn tổ chức bộ máy, nâng cao hiệu quả hoạt động của cơ quan quản lý nhà nước về giảm "
        "nghèo ở huyện, xã theo hướng tập trung, thống nhất đầu mối quản lý; tăng cường phối hợp "
        "giữa các cơ quan, đơn vị có liên quan và UBND các xã, thị trấn trong thực hiện công tác "
        "giảm nghèo.\n"
        "- Xây dựng cơ sở dữ liệu về giảm nghèo, cung cấp thông tin giúp người nghèo kết nối với "
        "thị trường lao động, thị trường hàng hoá."
    ),
    source="000_cb3172e20f6581f6.txt",
    legal_bases=(
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="62/KH-UBND",
            title=(
                "về việc thực hiện Nghị quyết 160/NQ-CP ngày 22/12/2021 của Chính phủ về tăng "
                "cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030 trên "
                "địa bàn tỉnh Phú Yên"
            ),
            document_date=date(2022, 3, 16),
            issuer="UBND tỉnh",
            plan="phuyen-62-2022",
        ),
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="108-KH/HU",
            title="về việc tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030",
            document_date=date(2022, 4, 14),
            issuer="Ban Thường vụ Huyện ủy Tây Hòa",
            plan="tayhoa-hu-108-2022",
        ),
    ),
    targets=(
        TargetSeed(
            name="Giảm tỷ lệ hộ nghèo bình quân",
            measure_unit="%",
            measure="poor_rate_drop",
            value_min=D("1"),
            period="per_year",
            unit="562",
            note=(
                "phấn đấu thực hiện đạt và vượt chỉ tiêu giảm tỷ lệ hộ nghèo bình quân 1%/năm theo "
                "Nghị quyết Đại hội Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020-2025 đã đề ra"
            ),
        ),
    ),
    tasks=(
        TaskSeed(
            agency="Phòng Văn hóa và Thông tin",
            text=(
                "Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Truyền thanh huyện phối hợp với "
                "các cơ quan, đơn vị có liên quan và UBND các xã, thị trấn đẩy mạnh tuyên truyền về "
                "công tác giảm nghèo gắn với xây dựng nông thôn mới, đô thị văn minh bằng nhiều "
                "hình thức, nội dung đa dạng phong phú, chất lượng; kịp thời giới thiệu các cá "
                "nhân, tập thể, mô hình, kinh nghiệm hay trong công tác giảm nghèo bền vững."
            ),
            role="chu_tri",
        ),
        TaskSeed(
            agency="Trung tâm Văn hóa - Truyền thanh huyện",
            text=(
                "Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Truyền thanh huyện phối hợp với "
                "các cơ quan, đơn vị có liên quan và UBND các xã, thị trấn đẩy mạnh tuyên truyền về "
                "công tác giảm nghèo gắn với xây dựng nông thôn mới, đô thị văn minh bằng nhiều "
                "hình thức, nội dung đa dạng phong phú, chất lượng; kịp thời giới thiệu các cá "
                "nhân, tập thể, mô hình, kinh nghiệm hay trong công tác giảm nghèo bền vững."
            ),
            role="chu_tri",
        ),
        TaskSeed(
            agency="Các cơ quan, đơn vị huyện có liên quan",
            text=(
                "Thủ trưởng các cơ quan, đơn vị huyện có liên quan căn cứ chức năng, nhiệm vụ được "
                "giao triển khai thực hiện công tác giảm nghèo bền vững đến năm 2030 phù hợp với "
                "chức năng, nhiệm vụ của cơ quan, đơn vị mình."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
            text=(
                "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện "
                "trong phạm vi chức năng, nhiệm vụ của mình, phối hợp đẩy mạnh công tác vận động "
                "các tầng lớp Nhân dân tích cực tham gia công tác giảm nghèo bền vững và chủ động "
                "giám sát công tác này trên địa bàn huyện;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
            text=(
                "Vận động doanh nghiệp, tổ chức, cá nhân trong và ngoài huyện tiếp tục hỗ trợ, đóng "
                "góp nguồn lực cho công tác giảm nghèo bền vững; khuyến khích các doanh nghiệp giúp "
                "đỡ cho các xã còn nhiều khó khăn; vận động các hộ khá giả có điều kiện hỗ trợ, "
                "giúp đỡ hộ nghèo; xây dựng, nhân rộng các mô hình tốt, sáng kiến hay về giảm nghèo "
                "bền vững."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
            text=(
                "Tiếp tục hưởng ứng các cuộc vận động xã hội, phong trào thi đua yêu nước, trọng "
                "tâm là cuộc vận động “Vì người nghèo”, cùng với Nhà nước thực hiện tốt công tác "
                "giảm nghèo bền vững trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Các tổ chức chính trị - xã hội huyện",
            text=(
                "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện "
                "trong phạm vi chức năng, nhiệm vụ của mình, phối hợp đẩy mạnh công tác vận động "
                "các tầng lớp Nhân dân tích cực tham gia công tác giảm nghèo bền vững và chủ động "
                "giám sát công tác này trên địa bàn huyện;"
            ),
        ),
        TaskSeed(
            agency="Các tổ chức chính trị - xã hội huyện",
            text=(
                "Vận động doanh nghiệp, tổ chức, cá nhân trong và ngoài huyện tiếp tục hỗ trợ, đóng "
                "góp nguồn lực cho công tác giảm nghèo bền vững; khuyến khích các doanh nghiệp giúp "
                "đỡ cho các xã còn nhiều khó khăn; vận động các hộ khá giả có điều kiện hỗ trợ, "
                "giúp đỡ hộ nghèo; xây dựng, nhân rộng các mô hình tốt, sáng kiến hay về giảm nghèo "
                "bền vững."
            ),
        ),
        TaskSeed(
            agency="Các tổ chức chính trị - xã hội huyện",
            text=(
                "Tiếp tục hưởng ứng các cuộc vận động xã hội, phong trào thi đua yêu nước, trọng "
                "tâm là cuộc vận động “Vì người nghèo”, cùng với Nhà nước thực hiện tốt công tác "
                "giảm nghèo bền vững trên địa bàn huyện."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Ủy ban nhân dân các xã, thị trấn tham mưu Đảng ủy Kế hoạch triển khai thực hiện Kế "
                "hoạch số 108-KH/HU, ngày 14/4/2022 của Ban Thường vụ Huyện ủy Tây Hòa về việc tăng "
                "cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững đến năm 2030; cụ "
                "thể hóa việc triển khai Kế hoạch này đến năm 2030; đồng thời, hằng năm xây dựng kế "
                "hoạch để triển khai thực hiện."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Thực hiện các chính sách giảm nghèo phù hợp với điều kiện thực tế của từng xã, thị "
                "trấn; vận động cán bộ, công chức, người lao động giúp đỡ hộ nghèo, địa bàn khó khăn."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Đề xuất khen thưởng, biểu dương đối với những tập thể, cá nhân có thành tích xuất "
                "sắc; xem xét trách nhiệm đối với tổ chức, cá nhân vi phạm trong quá trình thực "
                "hiện công tác giảm nghèo theo quy định pháp luật."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân các xã, thị trấn",
            text=(
                "Định kỳ sơ kết, tổng kết đánh giá tình hình thực hiện trên địa bàn, tổng hợp báo "
                "cáo gửi UBND huyện (qua Phòng Lao động - Thương binh và Xã hội) để tổng hợp."
            ),
            recurrence="ongoing",
            recurrence_note="Định kỳ",
        ),
        TaskSeed(
            agency="Phòng Lao động - Thương binh và Xã hội",
            text=(
                "Giao Trưởng Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Thủ "
                "trưởng các cơ quan, đơn vị huyện có liên quan và Chủ tịch UBND các xã, thị trấn "
                "hằng năm tham mưu UBND huyện xây dựng Kế hoạch cụ thể và hướng dẫn tổ chức thực "
                "hiện tốt các chính sách, giải pháp về công tác giảm nghèo bền vững đến năm 2030 "
                "trên địa bàn huyện; kiểm tra, giám sát, đánh giá, triển khai, thực hiện kế hoạch "
                "này; tổng hợp kết quả tham mưu UBND huyện báo cáo UBND tỉnh (qua Sở Lao động - "
                "Thương binh và Xã hội) theo quy định./."
            ),
            role="chu_tri",
            recurrence="yearly",
            recurrence_note="hằng năm",
        ),
    ),
)
