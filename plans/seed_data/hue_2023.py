"""Văn bản kết luận ngày 03/3/2023 của Ban Thường vụ Tỉnh ủy Thừa Thiên Huế về một số nhiệm vụ trọng tâm công tác
giảm nghèo bền vững năm 2023 (seed 004)."""

from datetime import date

from .schema import D, LegalBasisSeed, PlanSeed, TargetSeed, TaskSeed

PLAN = PlanSeed(
    code="hue-2023",
    title=(
        "Kết luận một số nhiệm vụ trọng tâm tại Hội nghị đánh giá kết quả công tác giảm nghèo bền "
        "vững năm 2022; triển khai phương hướng, nhiệm vụ năm 2023 và những năm tiếp theo"
    ),
    unit="46",
    first_year=2023,
    last_year=2025,
    kind="ket_luan",
    issuer="Ban Thường vụ Tỉnh ủy Thừa Thiên Huế",
    issue_date=date(2023, 3, 3),
    requirements=(
        "Tập trung rà soát phương án thoát nghèo cho các hộ nghèo thuộc đối tượng thoát "
        "nghèo trong năm 2023 để có cơ sở theo dõi, chỉ đạo. Tiếp tục đẩy mạnh công tác "
        "tuyên truyền, giáo dục, nâng cao nhận thức và trách nhiệm của các cấp ủy đảng, "
        "chính quyền, các ngành và toàn xã hội, nhất là người dân nhằm tạo sự chuyển biến "
        "mạnh mẽ về nhận thức và hành động trong giảm nghèo bền vững; khơi dậy ý chí vươn "
        "lên thoát nghèo của hộ nghèo, từng bước xóa bỏ tư tưởng trông chờ, ỷ lại vào sự hỗ "
        "trợ của Nhà nước và xã hội. Tổ chức có hiệu quả phong trào “Dòng họ, làng, bản "
        "không có hộ nghèo”.\n"
        "Đổi mới phương thức hỗ trợ giảm nghèo theo hướng hiệu quả, lâu dài, bền vững; chú "
        "trọng hỗ trợ các mô hình sinh kế phù hợp với trình độ sản xuất của người dân và "
        "người dân thoát nghèo được với các mô hình sinh kế này."
    ),
    general_objective=(
        "Tiếp tục quán triệt sâu sắc quan điểm chỉ đạo giảm nghèo bền vững giai đoạn "
        "2021 - 2025 là: “xác định rõ nguyên nhân nghèo và có phương án thoát nghèo "
        "theo địa chỉ cụ thể cho từng hộ nghèo”. Phấn đấu thực hiện mục tiêu giảm tỷ "
        "lệ hộ nghèo toàn tỉnh đến năm cuối năm 2024 còn 2,2% và đến cuối năm 2025 còn "
        "1,84%; đến cuối năm 2023, huyện A Lưới đủ điều kiện thoát khỏi 74 huyện nghèo "
        "Quốc gia; đồng thời, tập trung huy động, ưu tiên nguồn lực hỗ trợ giảm nghèo "
        "bền vững đối với các địa phương có tỷ lệ hộ nghèo cao như: A Lưới, Nam Đông, "
        "Phú Vang, Phú Lộc và thành phố Huế…"
    ),
    note=(
        "Ngày 03 tháng 3 năm 2023, Ban Thường vụ Tỉnh ủy Thừa Thiên Huế ban hành Văn bản kết luận "
        "một số nhiệm vụ trọng tâm tại Hội nghị đánh giá kết quả công tác giảm nghèo bền vững năm "
        "2022; triển khai phương hướng, nhiệm vụ năm 2023 và những năm tiếp theo:\n"
        "Đánh giá cao những nỗ lực của các cấp ủy, chính quyền địa phương, các sở, ngành trong việc "
        "lãnh đạo, chỉ đạo, triển khai thực hiện quyết liệt, đồng bộ, hiệu quả công tác giảm nghèo "
        "bền vững trong thời gian qua. Đã huy động sự vào cuộc của cả hệ thống chính trị đối với "
        "công tác giảm nghèo bền vững; tập trung chỉ đạo rà soát thực trạng hộ nghèo, xác định "
        "nguyên nhân nghèo và xây dựng phương án thoát nghèo cụ thể cho từng hộ nghèo; tích cực huy "
        "động các nguồn lực triển khai hỗ trợ xây dựng và sửa chữa nhà ở cho hộ nghèo…\n"
        "Tuy vậy, việc triển khai công tác giảm nghèo bền vững ở một số địa phương cơ sở vẫn còn "
        "lúng túng; xây dựng phương án thoát nghèo cho các hộ nghèo vẫn còn chung chung, mang tính "
        "hình thức; việc hỗ trợ sinh kế, tạo việc làm, xóa nhà tạm còn gặp nhiều khó khăn… 2. Để "
        "triển khai có hiệu quả công tác giảm nghèo bền vững năm 2023 và những năm tiếp theo, góp "
        "phần thực hiện thắng lợi Nghị quyết 11-NQ/TU, ngày 03/11/2021 của Tỉnh ủy về giảm nghèo "
        "bền vững giai đoạn 2021 - 2025 và Nghị quyết 54-NQ/TW của Bộ Chính trị (khóa XII), Ban "
        "Thường vụ Tỉnh ủy đề nghị các cấp ủy đảng, chính quyền, các ban, ngành, Mặt trận Tổ quốc "
        "và các tổ chức chính trị - xã hội tỉnh tập trung thực hiện một số nhiệm vụ trọng tâm sau:"
    ),
    source="004_36d5bed1aa1ec987.txt",
    legal_bases=(
        LegalBasisSeed(
            relation="thuc_hien",
            document_number="11-NQ/TU",
            title="về giảm nghèo bền vững giai đoạn 2021 - 2025",
            document_date=date(2021, 11, 3),
            issuer="Tỉnh ủy",
        ),
        LegalBasisSeed(relation="thuc_hien", document_number="54-NQ/TW", issuer="Bộ Chính trị (khóa XII)"),
    ),
    targets=(
        TargetSeed(
            name="Tỷ lệ hộ nghèo toàn tỉnh đến cuối năm 2024",
            measure_unit="%",
            measure="poor_rate_end",
            value_min=D("2.2"),
            comparison="at_most",
            period="in_year",
            year=2024,
            unit="46",
            note="Phấn đấu thực hiện mục tiêu giảm tỷ lệ hộ nghèo toàn tỉnh đến năm cuối năm 2024 còn 2,2%",
        ),
        TargetSeed(
            name="Tỷ lệ hộ nghèo toàn tỉnh đến cuối năm 2025",
            measure_unit="%",
            measure="poor_rate_end",
            value_min=D("1.84"),
            comparison="at_most",
            period="in_year",
            year=2025,
            unit="46",
            note=(
                "Phấn đấu thực hiện mục tiêu giảm tỷ lệ hộ nghèo toàn tỉnh đến năm cuối năm 2024 "
                "còn 2,2% và đến cuối năm 2025 còn 1,84%"
            ),
        ),
        TargetSeed(
            name="Huyện A Lưới đủ điều kiện thoát khỏi 74 huyện nghèo Quốc gia",
            measure_unit="huyện",
            value_min=D("1"),
            period="in_year",
            year=2023,
            unit="481",
            note="đến cuối năm 2023, huyện A Lưới đủ điều kiện thoát khỏi 74 huyện nghèo Quốc gia",
        ),
    ),
    tasks=(
        TaskSeed(
            agency="Ban Chỉ đạo giảm nghèo bền vững tỉnh",
            text=(
                "Tăng cường công tác lãnh đạo, chỉ đạo, kiểm tra, giám sát việc thực hiện Nghị "
                "quyết 11-NQ/TU, ngày 03/11/2021 của Tỉnh ủy và các chủ trương, kết luận của Ban "
                "Thường vụ Tỉnh ủy về công tác giảm nghèo bền vững giai đoạn 2021 - 2025 ở các "
                "huyện, thị xã, thành phố Huế và các địa phương ở cơ sở."
            ),
        ),
        TaskSeed(
            agency="Ban cán sự đảng Ủy ban nhân dân tỉnh",
            text=(
                "Tạo chuyển biến rõ rệt trong công tác giảm nghèo bền vững năm 2023 và những năm "
                "tiếp theo; tập trung tháo gỡ các khó khăn, vướng mắc; ban hành các quy định, hướng "
                "dẫn để tổ chức thực hiện công tác giảm nghèo bền vững trên địa bàn tỉnh đồng bộ, "
                "hiệu quả. Rà soát, đề xuất các chính sách hỗ trợ, trình Hội đồng nhân dân tỉnh xem "
                "xét, quyết định để hỗ trợ cho các hộ nghèo, hộ cận nghèo nhằm thực hiện tốt công "
                "tác giảm nghèo bền vững trên địa bàn tỉnh."
            ),
        ),
        TaskSeed(
            agency="Ban cán sự đảng Ủy ban nhân dân tỉnh",
            text=(
                "Các địa phương xây dựng phương án hỗ trợ sinh kế cụ thể cho từng hộ theo hướng "
                "hiệu quả, lâu dài, bền vững, có tác động tích cực đến đời sống của các hộ nghèo. "
                "Quản lý chặt chẽ, lồng ghép và sử dụng có hiệu quả các nguồn vốn trong thực hiện "
                "các chương trình mục tiêu quốc gia, không để xảy ra sai sót, tiêu cực, nhũng nhiễu "
                "trong tổ chức thực hiện."
            ),
        ),
        TaskSeed(
            agency="Ban Thường vụ các huyện ủy, thị ủy, thành ủy Huế",
            text=(
                "Tập trung lãnh đạo, chỉ đạo, huy động sự vào cuộc của cả hệ thống chính trị để "
                "hướng dẫn, hỗ trợ công tác giảm nghèo bền vững; huy động có hiệu quả các nguồn lực "
                "hỗ trợ xóa nhà tạm, kiên quyết không để phát sinh thêm nhà tạm; các dự án đầu tư "
                "phải có trọng tâm, trọng điểm và tạo hiệu quả thúc đẩy phát triển kinh tế - xã hội "
                "ở các địa phương."
            ),
        ),
        TaskSeed(
            agency="Ban Thường vụ các huyện ủy, thị ủy, thành ủy Huế",
            text=(
                "Quán triệt và thực hiện tốt phương châm “Ai sợ khó, sợ không làm được thì đứng ra "
                "một bên để giao người khác; ai không làm được thì thay người”. Phân công trách "
                "nhiệm cụ thể cho các đồng chí cấp ủy viên, đội ngũ cán bộ chủ chốt là cấp trưởng, "
                "cấp phó và các tổ chức chính trị - xã hội để theo dõi, hỗ trợ gắn với đánh giá kết "
                "quả tổ chức thực hiện công tác giảm nghèo bền vững."
            ),
        ),
        TaskSeed(
            agency="Ban Thường vụ các huyện ủy, thị ủy, thành ủy Huế",
            text=(
                "Chỉ đạo triển khai hiệu quả phong trào “Dòng họ, làng, bản không có hộ nghèo” phù "
                "hợp với tình hình thực tiễn các địa phương; kiện toàn ban chỉ đạo giảm nghèo bền "
                "vững các cấp, đồng chí Bí thư, Chủ tịch Ủy ban nhân dân phải là Trưởng ban, Phó "
                "trưởng ban chỉ đạo."
            ),
        ),
        TaskSeed(
            agency="Ban Thường vụ các huyện ủy, thị ủy, thành ủy Huế",
            text=(
                "Tăng cường công tác đôn đốc, kiểm tra, giám sát việc tổ chức thực hiện các chương "
                "trình, dự án về giảm nghèo bền vững. Thực hiện nghiêm túc chế độ báo cáo tình hình "
                "thực hiện công tác giảm nghèo bền vững của địa phương theo đúng quy định (theo Quy "
                "chế làm việc của Ban chỉ đạo giảm nghèo bền vững tỉnh), làm cơ sở để Ban Thường vụ "
                "Tỉnh ủy xem xét, đánh giá công tác lãnh đạo, quản lý cuối năm."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            text=(
                "Tăng cường huy động các nguồn lực, kêu gọi sự hỗ trợ của các doanh nghiệp, cơ "
                "quan, tổ chức, cá nhân đỡ đầu, giúp đỡ các hộ nghèo, xã, thôn nghèo, xã đặc biệt "
                "khó khăn theo hướng tập trung cải thiện sinh kế cho người dân. Phân công các cơ "
                "quan, ban, ngành hỗ trợ các hộ nghèo không có khả năng lao động; nghiên cứu phát "
                "động phong trào ủng hộ xóa nhà tạm trên địa bàn toàn tỉnh."
            ),
        ),
        TaskSeed(
            agency="Các tổ chức chính trị - xã hội tỉnh",
            text=(
                "Tăng cường huy động các nguồn lực, kêu gọi sự hỗ trợ của các doanh nghiệp, cơ "
                "quan, tổ chức, cá nhân đỡ đầu, giúp đỡ các hộ nghèo, xã, thôn nghèo, xã đặc biệt "
                "khó khăn theo hướng tập trung cải thiện sinh kế cho người dân. Phân công các cơ "
                "quan, ban, ngành hỗ trợ các hộ nghèo không có khả năng lao động; nghiên cứu phát "
                "động phong trào ủng hộ xóa nhà tạm trên địa bàn toàn tỉnh."
            ),
        ),
        TaskSeed(
            agency="Ban Thường vụ Tỉnh ủy",
            text=(
                "Tăng cường chỉ đạo, đôn đốc, hỗ trợ tháo gỡ khó khăn để các địa phương thực hiện "
                "thành công công tác giảm nghèo bền vững, góp phần thực hiện thắng lợi Nghị quyết "
                "11-NQ/TU của Tỉnh ủy (khóa XVI) và Nghị quyết 54-NQ/TW của Bộ Chính trị (khóa XII)./."
            ),
        ),
    ),
)
