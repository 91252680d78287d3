"""Kế hoạch số 72/KH-UBND ngày 17/02/2017 của UBND tỉnh An Giang triển khai Chỉ thị 01/CT-TTg, giai đoạn
2016-2020 (seed 003)."""

from datetime import date

from .schema import D, LegalBasisSeed, PlanSeed, PriorResultSeed, TaskSeed

PLAN = PlanSeed(
    code="angiang-72-2017",
    title=(
        "Triển khai thực hiện Chỉ thị về việc tăng cường chỉ đạo thực hiện Chương trình mục tiêu "
        "quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020 của Thủ tướng Chính phủ"
    ),
    unit="89",
    first_year=2016,
    last_year=2020,
    number="72/KH-UBND",
    issuer="Ủy ban nhân dân tỉnh An Giang",
    signer_name="Nguyễn Thanh Bình",
    signer_title="KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
    issue_date=date(2017, 2, 17),
    purpose=(
        "Để khắc phục những hạn chế, tồn tại trên, bên cạnh việc tiếp tục hoàn thiện và tổ chức "
        "thực hiện hệ thống chính sách, Chủ tịch Ủy ban nhân dân tỉnh đã phê duyệt Kế hoạch thực "
        "hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020. Trên cơ "
        "sở đó nhằm tiếp tục đẩy mạnh thực hiện các chính sách, giải pháp giảm nghèo, phấn đấu "
        "hoàn thành trước thời hạn mục tiêu về giảm tỷ lệ hộ nghèo theo kế hoạch đề ra, Chủ tịch "
        "Ủy ban nhân dân tỉnh yêu cầu thực hiện một số nội dung sau:"
    ),
    general_objective=(
        "Đẩy nhanh tốc độ giảm nghèo bền vững, hạn chế tái nghèo và phát sinh hộ nghèo "
        "mới; từng bước cải thiện và nâng cao điều kiện sống của người nghèo, ưu tiên "
        "người nghèo là phụ nữ, đồng bào dân tộc thiểu số, người nghèo thuộc huyện "
        "nghèo, xã nghèo, xã đặc biệt khó khăn; tạo sự chuyển biến mạnh mẽ, toàn diện "
        "về công tác giảm nghèo; góp phần thu hẹp khoảng cách chênh lệch về mức sống "
        "giữa thành thị và nông thôn, giữa các vùng, các dân tộc và các nhóm dân cư; "
        "tăng cường khả năng tiếp cận các dịch vụ sản xuất, dịch vụ xã hội."
    ),
    note=(
        "Giảm nghèo là chủ trương lớn, nhất quán của Đảng và Nhà nước ta trong quá trình thực hiện "
        "công cuộc đổi mới và xây dựng đất nước. Trong giai đoạn 2011-2015, dưới sự chỉ đạo thường "
        "xuyên, sát sao của Tỉnh ủy, Hội đồng nhân dân, Ủy ban nhân dân và với sự nỗ lực của các "
        "cấp, các ngành và toàn xã hội, mục tiêu giảm nghèo của tỉnh đã đạt được những kết quả quan "
        "trọng, tỷ lệ hộ nghèo của tỉnh đã giảm từ 9,28% (đầu năm 2011) xuống còn 2,5% (cuối năm "
        "2015); cơ sở hạ tầng thiết yếu được đầu tư, xây dựng, vùng đồng bào dân tộc thiểu số được "
        "tăng cường, đời sống người dân không ngừng được cải thiện cả về sinh kế và tiếp cận các "
        "dịch vụ xã hội.\n"
        "Tuy nhiên, công tác giảm nghèo còn nhiều khó khăn, thách thức, tỷ lệ hộ nghèo giảm chưa "
        "đồng đều, vẫn còn nhiều nơi tỷ lệ nghèo ở mức cao. Chính sách giảm nghèo còn chồng chéo, "
        "phân tán, thiếu tính hệ thống, nhiều chính sách chưa khuyến khích người nghèo tích cực "
        "vươn lên thoát nghèo; cơ chế phối hợp, chỉ đạo, điều hành ở các cấp còn nhiều hạn chế; "
        "chưa phát huy được vai trò tích cực của các tổ chức chính trị - xã hội trong việc tham gia "
        "tổ chức các hoạt động giảm nghèo ở cơ sở; chưa khơi dậy được tiềm năng thế mạnh của địa "
        "phương, sự tham gia chủ động, tích cực, sáng tạo của người dân, của cộng đồng cùng nhau "
        "vươn lên thoát nghèo.\n"
        "1. Đẩy mạnh công tác tuyên truyền, giáo dục chính trị tư tưởng tạo sự chuyển biến mạnh mẽ "
        "về nhận thức của các cấp ủy Đảng, chính quyền và trong các tầng lớp nhân dân về tiêu chí "
        "tiếp cận nghèo đa chiều, mục tiêu giảm nghèo bền vững, góp phần tạo được sự đồng thuận và "
        "phát huy sức mạnh tổng hợp của cả hệ thống chính trị, sự đồng tâm, hiệp lực của toàn xã "
        "hội trong triển khai thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai "
        "đoạn 2016 - 2020; khơi dậy ý chí chủ động, vươn lên của người nghèo, tiếp nhận và sử dụng "
        "có hiệu quả chính sách và nguồn lực hỗ trợ của nhà nước, của cộng đồng để thoát nghèo, "
        "vươn lên khá giả; tham gia phong trào thi đua “Cả nước chung tay vì người nghèo - Không để "
        "ai bị bỏ lại phía sau”.\n"
        "2. Tăng cường và nâng cao năng lực đội ngũ cán bộ làm công tác giảm nghèo ở cấp xã, huyện, "
        "đặc biệt là các xã nghèo, các xã vùng sâu, vùng xa, vùng có đông đồng bào dân tộc thiểu "
        "số. Gắn kết thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững với thực hiện quy "
        "chế dân chủ cơ sở, tăng cường phân cấp tạo cho cơ sở chủ động trong quá trình lập kế "
        "hoạch, điều hành quản lý các hoạt động của Chương trình.\n"
        "3. Tiếp tục thực hiện có hiệu quả các chính sách hỗ trợ giảm nghèo như: Hỗ trợ phát triển "
        "sản xuất, nâng cao thu nhập cho hộ nghèo; hỗ trợ hiệu quả cho người nghèo tiếp cận các "
        "dịch vụ xã hội cơ bản, ưu tiên cho các dịch vụ gắn với tiêu chí nghèo đa chiều như y tế, "
        "giáo dục, nhà ở, nước sạch và vệ sinh, thông tin; phát triển hạ tầng các vùng khó khăn, "
        "vùng có tỷ lệ hộ nghèo cao.\n"
        "4. Đẩy mạnh hoạt động hỗ trợ cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, ưu tiên người "
        "nghèo vùng đồng bào dân tộc thiểu số thông qua hệ thống chính sách giảm nghèo hiện hành và "
        "Chương trình mục tiêu quốc gia Giảm nghèo bền vững nhằm cải thiện việc tiếp cận các dịch "
        "vụ xã hội cơ bản cho người nghèo theo chuẩn nghèo tiếp cận đa chiều áp dụng giai đoạn "
        "2016-2020; từng bước thu hẹp khoảng cách chênh lệch trong việc hưởng thụ dịch vụ công và "
        "phúc lợi xã hội, trong thu nhập và đời sống giữa thành thị và nông thôn, miền núi, vùng "
        "sâu, vùng xa.\n"
        "5. Đẩy mạnh hoạt động tín dụng ưu đãi và tiếp tục thực hiện hiệu quả chính sách tín dụng "
        "đối với hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và các đối tượng chính sách khác gắn "
        "với chính sách khuyến công, khuyến nông, khuyến lâm, khuyến ngư, chuyển giao khoa học kỹ "
        "thuật và nhân rộng mô hình giảm nghèo một cách có hiệu quả.\n"
        "6. Đẩy mạnh xây dựng cơ sở hạ tầng thiết yếu tại các xã nghèo (xã đặc biệt khó khăn, xã "
        "biên giới) và ấp đặc biệt khó khăn vùng dân tộc thiểu số và miền núi; áp dụng cơ chế đặc "
        "thù rút gọn đối với một số dự án đầu tư có quy mô nhỏ, kỹ thuật không phức tạp, Nhà nước "
        "chỉ hỗ trợ đầu tư một phần kinh phí, phần còn lại do nhân dân đóng góp, có sự tham gia "
        "giám sát của nhân dân; thực hiện cơ chế hỗ trợ trọn gói về tài chính, phân cấp, trao quyền "
        "cho địa phương, cơ sở, tăng cường sự tham gia của người dân trong suốt quá trình xây dựng "
        "và thực hiện chương trình. Khuyến khích và mở rộng hoạt động tạo việc làm công cho lao "
        "động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và người dân trên địa bàn thông qua "
        "các dự án xây dựng cơ sở hạ tầng, dự án hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và "
        "nhân rộng mô hình giảm nghèo trên địa bàn; phát triển sản xuất, chuyển dịch cơ cấu kinh "
        "tế, cơ cấu lao động tại các xã nghèo, xã đặc biệt khó khăn vùng đồng bào dân tộc miền núi; "
        "nhất là vùng có đông đồng bào dân tộc thiểu số nghèo.\n"
        "7. Thực hiện đa dạng hóa nguồn vốn huy động để triển khai thực hiện Chương trình mục tiêu "
        "quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020, bảo đảm huy động đầy đủ, kịp thời theo "
        "đúng cơ cấu đã được quy định; tăng cường huy động vốn từ ngân sách địa phương và các nguồn "
        "huy động đóng góp hợp pháp của doanh nghiệp và vận động tài trợ của các tổ chức, cá nhân; "
        "vốn đối ứng, tham gia đóng góp của người dân, đối tượng thụ hưởng.\n"
        "8. Mở rộng hợp tác trong quá trình tổ chức thực hiện Chương trình mục tiêu quốc gia Giảm "
        "nghèo bền vững giai đoạn 2016 - 2020 với các tổ chức quốc tế, cả đa phương, song phương và "
        "các tổ chức phi chính phủ để chia sẻ thông tin và kinh nghiệm, đồng thời tranh thủ sự trợ "
        "giúp về kỹ thuật và nguồn lực để thực hiện thành công mục tiêu của Chương trình.\n"
        "9. Tăng cường công tác kiểm tra và giám sát, đánh giá và định kỳ báo cáo sơ kết, tổng kết "
        "đánh giá kết quả thực hiện Chương trình: các huyện, thị xã, thành phố cần tăng cường công "
        "tác thanh tra, kiểm tra; có cơ chế tạo điều kiện để các tổ chức đoàn thể nhân dân tham gia "
        "giám sát việc thực hiện. Địa phương nào để xảy ra hiện tượng tiêu cực, thất thoát lãng phí "
        "trong quản lý và sử dụng vốn của Chương trình, không hoàn thành kế hoạch được giao thì Chủ "
        "tịch Ủy ban nhân dân địa phương đó phải chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh.\n"
        "Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 cấp tỉnh có trách "
        "nhiệm phân công các thành viên theo dõi, giúp đỡ, kiểm tra, đánh giá, chỉ đạo và có biện "
        "pháp hỗ trợ các địa bàn có tỷ lệ hộ nghèo cao trong thực hiện Chương trình."
    ),
    source="003_450efdb2c0db34fe.txt",
    legal_bases=(
        LegalBasisSeed(
            relation="can_cu",
            document_number="01/CT-TTg",
            title=(
                "về việc tăng cường chỉ đạo thực hiện Chương trình mục tiêu quốc gia Giảm nghèo "
                "bền vững giai đoạn 2016-2020"
            ),
            document_date=date(2017, 1, 6),
            issuer="Thủ tướng Chính phủ",
        ),
    ),
    # 9,28% → 2,5% is what 2011-2015 achieved (the plan recalls it); the plan sets no figure for 2016-2020.
    prior_results=(
        PriorResultSeed(
            name="Tỷ lệ hộ nghèo toàn tỉnh",
            measure_unit="%",
            phase="2011-2015",
            start_value=D("9.28"),
            start_label="đầu năm 2011",
            end_value=D("2.5"),
            end_label="cuối năm 2015",
            unit="89",
            quote="tỷ lệ hộ nghèo của tỉnh đã giảm từ 9,28% (đầu năm 2011) xuống còn 2,5% (cuối năm 2015)",
        ),
    ),
    tasks=(
        TaskSeed(
            agency="Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 tỉnh",
            text=(
                "Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 cấp tỉnh có trách "
                "nhiệm phân công các thành viên theo dõi, giúp đỡ, kiểm tra, đánh giá, chỉ đạo và có biện "
                "pháp hỗ trợ các địa bàn có tỷ lệ hộ nghèo cao trong thực hiện Chương trình."
            ),
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text="Là cơ quan thường trực Chương trình mục tiêu quốc gia Giảm nghèo bền vững, có nhiệm vụ",
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Chủ trì, phối hợp với các Sở, ngành liên quan, Ủy ban nhân dân cấp huyện tổ chức "
                "triển khai thực hiện Chương trình theo quy định;"
            ),
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Chủ trì, phối hợp với các Sở, ngành liên quan kiểm tra và giám sát, đánh giá thực "
                "hiện Chương trình theo quy định;"
            ),
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Chủ trì, phối hợp Sở Thông tin và Truyền thông, Báo An Giang, Đài Phát thanh và "
                "Truyền hình An Giang, Tạp chí Lao động - Xã hội, Báo Lao động - Xã hội tuyên "
                "truyền về các chính sách giảm nghèo, những gương điển hình, kinh nghiệm vươn lên "
                "thoát nghèo, đẩy mạnh công tác tuyên truyền, nhân rộng các điển hình tiên tiến "
                "trong thực hiện công tác giảm nghèo."
            ),
        ),
        TaskSeed(
            agency="Ban Dân tộc tỉnh",
            text=(
                "Chủ trì rà soát, trình Ủy ban nhân dân tỉnh phê duyệt danh sách xã đặc biệt khó "
                "khăn, xã biên giới thuộc diện đầu tư của Chương trình;"
            ),
        ),
        TaskSeed(
            agency="Ban Dân tộc tỉnh",
            text=(
                "Tập trung rà soát, đề xuất sửa đổi bổ sung các cơ chế, chính sách liên quan đến "
                "vùng có đông đồng bào dân tộc thiểu số;"
            ),
        ),
        TaskSeed(
            agency="Ban Dân tộc tỉnh",
            text=(
                "Tập trung chỉ đạo các địa phương đẩy nhanh tiến độ thực hiện các nhiệm vụ của "
                "Chương trình trên địa bàn các xã đặc biệt khó khăn, xã biên giới, thôn đặc biệt "
                "khó khăn; thực hiện đồng bộ các chương trình, dự án trên địa bàn vùng dân tộc và "
                "miền núi do Ban Dân tộc quản lý với Chương trình 135."
            ),
        ),
        TaskSeed(
            agency="Sở Nông nghiệp và Phát triển nông thôn",
            text=(
                "Chủ trì hướng dẫn thực hiện hỗ trợ phát triển sản xuất theo hướng thống nhất cơ "
                "chế thực hiện ở các tiểu dự án và dự án hỗ trợ phát triển sản xuất, đa dạng hóa "
                "sinh kế thuộc Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - "
                "2020 và Quyết định số 102/2009/QĐ- TTg ngày 07 tháng 8 năm 2009 của Thủ tướng "
                "Chính phủ; tập trung chỉ đạo các địa phương thực hiện hoạt động hỗ trợ phát triển "
                "sản xuất, đa dạng hóa sinh kế."
            ),
        ),
        TaskSeed(
            agency="Sở Thông tin và Truyền thông",
            text=(
                "Chỉ đạo hệ thống cơ quan báo chí đẩy mạnh tuyên truyền nâng cao nhận thức của "
                "người dân về tầm quan trọng, ý nghĩa của công tác giảm nghèo; tuyên truyền các mô "
                "hình, cách làm hay, sáng tạo, hiệu quả về giảm nghèo; thực hiện giải pháp tăng "
                "cường khả năng tiếp cận thông tin của người dân."
            ),
        ),
        TaskSeed(
            agency="Sở Y tế",
            text=(
                "Nghiên cứu, đề xuất sửa đổi cơ chế, chính sách khám, chữa bệnh cho người nghèo "
                "theo hướng nâng cao khả năng tiếp cận của người dân về dịch vụ khám chữa bệnh, "
                "tăng độ bao phủ tham gia bảo hiểm y tế, nâng cao chất lượng dịch vụ khám chữa bệnh."
            ),
        ),
        TaskSeed(
            agency="Sở Giáo dục và Đào tạo",
            text=(
                "Nghiên cứu, đề xuất sửa đổi chính sách hỗ trợ giáo dục, đào tạo đối với học sinh "
                "thuộc diện hộ nghèo theo hướng tăng tỷ lệ trẻ em đến trường đúng độ tuổi theo từng "
                "cấp học, giảm tỷ lệ bỏ học, lưu ban; tăng tỷ lệ biết chữ của người lớn."
            ),
        ),
        TaskSeed(
            agency="Sở Xây dựng",
            text=(
                "Chủ trì phối hợp với các Sở, ngành triển khai thực hiện các chính sách hỗ trợ hộ "
                "nghèo về nhà ở nhất là vùng thường xuyên bị thiên tai đảm bảo hộ nghèo, hộ cận "
                "nghèo có nhà ở, tăng tỷ lệ người dân có nhà ở bảo đảm về diện tích và chất lượng."
            ),
        ),
        TaskSeed(
            agency="Sở Tư pháp",
            text=(
                "Chỉ đạo, hướng dẫn các địa phương thực hiện chính sách trợ giúp pháp lý; tập trung "
                "thực hiện vụ việc trợ giúp pháp lý, nâng cao chất lượng vụ việc và tăng cường "
                "truyền thông về trợ giúp pháp lý ở cơ sở nơi có đông người nghèo là đồng bào dân "
                "tộc thiểu số sinh sống, đặc biệt là tại các xã đặc biệt khó khăn, xã biên giới."
            ),
        ),
        TaskSeed(
            agency="Sở Nội vụ",
            text=(
                "Chủ trì phối hợp với Sở Lao động - Thương binh và Xã hội tiếp tục thực hiện chính "
                "sách khuyến khích trí thức trẻ tình nguyện về công tác tại các xã nghèo, xã biên "
                "giới, xã đặc biệt khó khăn."
            ),
        ),
        TaskSeed(
            agency="Sở Kế hoạch và Đầu tư",
            text=(
                "Chủ trì, phối hợp với Sở Tài chính tổng hợp, cân đối, bố trí vốn, thẩm định nguồn "
                "vốn đầu tư Chương trình theo tiến độ và kế hoạch đầu tư trung hạn, hằng năm."
            ),
        ),
        TaskSeed(
            agency="Sở Tài chính",
            text=(
                "Phối hợp với Sở Kế hoạch và Đầu tư cân đối, bố trí vốn cho Chương trình theo tiến "
                "độ và kế hoạch đầu tư trung hạn, hằng năm;"
            ),
        ),
        TaskSeed(
            agency="Sở Tài chính",
            text=(
                "Chủ trì, phối hợp với các sở, ngành liên quan rà soát, xây dựng và ban hành quy "
                "định về quản lý và sử dụng kinh phí, thanh quyết toán kinh phí thực hiện Chương trình."
            ),
        ),
        TaskSeed(
            agency="Các Sở, ngành liên quan",
            text=(
                "Các Sở, ngành liên quan được phân công thực hiện các chính sách giảm nghèo theo "
                "Nghị quyết số 80/NQ-CP ngày 19 tháng 5 năm 2011 của Chính phủ về định hướng giảm "
                "nghèo bền vững thời kỳ từ năm 2011 đến năm 2020, chịu trách nhiệm rà soát, hướng "
                "dẫn thực hiện cơ chế, chính sách giảm nghèo gắn với chính sách, chương trình và kế "
                "hoạch phát triển của Sở, ngành; đồng thời chỉ đạo, kiểm tra, đôn đốc, thực hiện ở cơ sở."
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Đề xuất với cấp ủy Đảng xây dựng Nghị quyết chuyên đề về công tác giảm nghèo để "
                "tập trung lãnh đạo thực hiện nhiệm vụ này trên địa bàn;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Thành lập Ban chỉ đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn "
                "2016-2020 theo quy định;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Chỉ đạo rà soát, đánh giá tỷ lệ nghèo theo chuẩn nghèo tiếp cận đa chiều áp dụng "
                "giai đoạn 2016-2020 nhằm xây dựng khả năng thực hiện mục tiêu giảm nghèo trên địa "
                "bàn, xây dựng kế hoạch chi tiết, đề xuất các biện pháp cụ thể để đẩy nhanh tiến độ "
                "thực hiện giảm nghèo, chống bệnh thành tích, quan liêu, không phản ánh đúng thực "
                "trạng nghèo của địa phương, cơ sở;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Nghiên cứu, thực hiện giải pháp nâng cao khả năng tiếp cận các dịch vụ xã hội cơ "
                "bản của người dân trên địa bàn; Tuyên truyền nâng cao nhận thức của các cấp, ngành "
                "và người dân về mục đích, ý nghĩa việc chuyển đổi phương pháp tiếp cận nghèo từ "
                "đơn chiều sang đa chiều;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Phân bổ nguồn vốn các Chương trình trong tháng 01 hằng năm, bảo đảm mục tiêu và "
                "tập trung trọng điểm; lồng ghép các chương trình, dự án trên địa bàn; huy động, "
                "tạo nguồn nội lực tại chỗ; phối hợp chặt chẽ với các tổ chức, đoàn thể trong chỉ "
                "đạo thực hiện;"
            ),
            recurrence="yearly",
            recurrence_note="trong tháng 01 hằng năm",
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Tăng cường công tác kiểm tra, giám sát của Hội đồng nhân dân các cấp, các tổ chức "
                "chính trị - xã hội và giám sát của nhân dân đối với các chính sách, dự án và toàn "
                "bộ hoạt động của các chương trình;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Chịu trách nhiệm về việc sử dụng các nguồn vốn đúng mục tiêu, đảm bảo hiệu quả, "
                "tiết kiệm và tránh thất thoát;"
            ),
        ),
        TaskSeed(
            agency="Ủy ban nhân dân cấp huyện",
            text=(
                "Thực hiện nghiêm túc chế độ báo cáo tình hình thực hiện các chương trình giảm "
                "nghèo về Ban Chỉ đạo tỉnh."
            ),
        ),
        TaskSeed(
            agency="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Liên đoàn Lao động tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Hội Liên hiệp Phụ nữ tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Hội Nông dân tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Hội Cựu chiến binh tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Liên minh Hợp tác xã tỉnh",
            text=(
                "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị "
                "- xã hội: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, "
                "Hội Cựu chiến binh tỉnh, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh ; Liên minh Hợp "
                "tác xã tỉnh, các tổ chức xã hội phối hợp với các Sở, ngành, ủy ban nhân dân cấp "
                "huyện và các doanh nghiệp tích cực hưởng ứng cuộc vận động gây Quỹ “Vì người "
                "nghèo” và nhân rộng các mô hình giảm nghèo gắn với chuỗi giá trị sản phẩm hàng hóa "
                "chủ lực tại địa phương để góp phần giảm nghèo hiệu quả; tăng cường giám sát và "
                "phản biện xã hội."
            ),
            role="phoi_hop",
        ),
        TaskSeed(
            agency="Sở Lao động - Thương binh và Xã hội",
            text=(
                "Giao Sở Lao động - Thương binh và Xã hội là cơ quan thường trực Chương trình mục "
                "tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020 có trách nhiệm giúp Ủy ban "
                "nhân dân tỉnh theo dõi, đôn đốc, kiểm tra và hằng năm báo cáo về việc thực hiện Kế "
                "hoạch này./."
            ),
            recurrence="yearly",
            recurrence_note="hằng năm",
        ),
    ),
)
