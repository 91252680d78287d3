"""Seed the three poverty standards, the causes of poverty and the support types.

Sources: ../shared/docs/domain.md part B. Anything the domain notes mark UNVERIFIED
or Med is seeded with ``is_verified=False`` and a note, so staff can correct it in
the admin once checked against the official text. Idempotent (update_or_create).
"""

from django.db import migrations

RURAL, URBAN = "rural", "urban"
LOWER, POVERTY, AVERAGE = "lower", "poverty", "average"
POOR, NEAR_POOR, AVG = "poor", "near_poor", "average"

UNVERIFIED = "Chưa đối chiếu văn bản gốc (UNVERIFIED)."
MED = "Theo tài liệu tóm tắt, chưa đọc phụ lục chính thức (Med)."

STANDARDS = [
    {
        "code": "qd59-2015",
        "name": "Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020",
        "legal_basis": "Quyết định 59/2015/QĐ-TTg",
        "valid_from_year": 2016,
        # Decree 07/2021 applies from 2022: the 2021 review still used Decision 59/2015.
        "valid_to_year": 2021,
        "is_verified": True,
        "note": "Áp dụng cả năm rà soát 2021. Ngưỡng hộ có mức sống trung bình: UNVERIFIED.",
        "lines": [
            (RURAL, LOWER, 700_000, True, ""),
            (RURAL, POVERTY, 1_000_000, True, ""),
            (RURAL, AVERAGE, 1_500_000, False, UNVERIFIED),
            (URBAN, LOWER, 900_000, True, ""),
            (URBAN, POVERTY, 1_300_000, True, ""),
            (URBAN, AVERAGE, 1_950_000, False, UNVERIFIED),
        ],
        # (order, area, income_above, income_at_most, min_dep, max_dep, category, verified, note)
        "rules": [
            (1, "", "", LOWER, None, None, POOR, True, "Dưới ngưỡng thấp: nghèo không xét thiếu hụt."),
            (2, "", LOWER, POVERTY, 3, None, POOR, True, "Giữa hai ngưỡng, thiếu hụt từ 3 chỉ số."),
            (3, "", LOWER, POVERTY, None, 2, NEAR_POOR, True, "Giữa hai ngưỡng, thiếu hụt dưới 3 chỉ số."),
            (4, "", POVERTY, AVERAGE, None, None, AVG, False, UNVERIFIED),
        ],
        "dimensions": [
            ("Giáo dục", [
                ("giao_duc_nguoi_lon", "Trình độ giáo dục của người lớn"),
                ("tre_em_di_hoc", "Tình trạng đi học của trẻ em"),
            ]),
            ("Y tế", [
                ("tiep_can_y_te", "Tiếp cận các dịch vụ y tế"),
                ("bao_hiem_y_te", "Bảo hiểm y tế"),
            ]),
            ("Nhà ở", [
                ("chat_luong_nha_o", "Chất lượng nhà ở"),
                ("dien_tich_nha_o", "Diện tích nhà ở bình quân đầu người"),
            ]),
            ("Nước sạch và vệ sinh", [
                ("nguon_nuoc", "Nguồn nước sinh hoạt"),
                ("nha_tieu", "Hố xí/nhà tiêu hợp vệ sinh"),
            ]),
            ("Thông tin", [
                ("vien_thong", "Sử dụng dịch vụ viễn thông"),
                ("tai_san_thong_tin", "Tài sản phục vụ tiếp cận thông tin"),
            ]),
        ],
        "indicator_verified": False,
        "indicator_note": "5 dịch vụ, 10 chỉ số (High); tên từng chỉ số chưa đối chiếu văn bản gốc.",
        "thresholds": {},
    },
    {
        "code": "nd07-2021",
        "name": "Chuẩn nghèo đa chiều giai đoạn 2022–2025",
        "legal_basis": "Nghị định 07/2021/NĐ-CP",
        "valid_from_year": 2022,
        # Decree 351/2025 applies from 2027: the 2026 review still uses Decree 07/2021.
        "valid_to_year": 2026,
        "is_verified": True,
        "note": "Cũng áp dụng cho năm rà soát 2026. Ngưỡng thiếu hụt từng chỉ số: Med/UNVERIFIED (xem chỉ số).",
        "lines": [
            (RURAL, POVERTY, 1_500_000, True, ""),
            (RURAL, AVERAGE, 2_250_000, True, ""),
            (URBAN, POVERTY, 2_000_000, True, ""),
            (URBAN, AVERAGE, 3_000_000, True, ""),
        ],
        "rules": [
            (1, "", "", POVERTY, 3, None, POOR, True, "Không quá chuẩn nghèo và thiếu hụt từ 3 chỉ số."),
            (2, "", "", POVERTY, None, 2, NEAR_POOR, True, "Không quá chuẩn nghèo và thiếu hụt dưới 3 chỉ số."),
            (3, "", POVERTY, AVERAGE, None, None, AVG, True, "Trên chuẩn nghèo đến ngưỡng mức sống trung bình."),
        ],
        "dimensions": [
            ("Việc làm", [
                ("viec_lam", "Việc làm"),
                ("nguoi_phu_thuoc", "Người phụ thuộc trong hộ gia đình"),
            ]),
            ("Y tế", [
                ("dinh_duong", "Dinh dưỡng"),
                ("bao_hiem_y_te", "Bảo hiểm y tế"),
            ]),
            ("Giáo dục", [
                ("giao_duc_nguoi_lon", "Trình độ giáo dục của người lớn"),
                ("tre_em_di_hoc", "Tình trạng đi học của trẻ em"),
            ]),
            ("Nhà ở", [
                ("chat_luong_nha_o", "Chất lượng nhà ở"),
                ("dien_tich_nha_o", "Diện tích nhà ở bình quân đầu người"),
            ]),
            ("Nước sinh hoạt và vệ sinh", [
                ("nguon_nuoc", "Nguồn nước sinh hoạt"),
                ("nha_tieu", "Nhà tiêu hợp vệ sinh"),
            ]),
            ("Thông tin", [
                ("vien_thong", "Sử dụng dịch vụ viễn thông"),
                ("phuong_tien_thong_tin", "Phương tiện phục vụ tiếp cận thông tin"),
            ]),
        ],
        "indicator_verified": True,
        "indicator_note": "",
        # code -> (threshold text, verified)
        "thresholds": {
            "viec_lam": ("Có ít nhất một người trong độ tuổi lao động có khả năng lao động bị thất nghiệp, "
                         "hoặc làm công hưởng lương không có hợp đồng lao động.", False),
            "nguoi_phu_thuoc": ("Tỷ lệ người phụ thuộc trên tổng số nhân khẩu của hộ lớn hơn 50%. "
                                "Danh sách người phụ thuộc: UNVERIFIED.", False),
            "dinh_duong": ("Có ít nhất một trẻ em dưới 16 tuổi bị suy dinh dưỡng "
                           "(chiều cao theo tuổi hoặc cân nặng theo tuổi).", False),
            "bao_hiem_y_te": ("Có ít nhất một người từ đủ 6 tuổi trở lên không có bảo hiểm y tế. "
                              "Câu chữ chính xác: UNVERIFIED.", False),
            "giao_duc_nguoi_lon": ("Có ít nhất một người từ 16 đến 30 tuổi không tham gia đào tạo và chưa đạt "
                                   "trình độ phù hợp với độ tuổi.", False),
            "tre_em_di_hoc": ("Có ít nhất một trẻ em từ 3 đến dưới 16 tuổi không được học đúng bậc, "
                              "cấp học phù hợp với độ tuổi.", False),
            "chat_luong_nha_o": ("Hộ ở nhà không bền chắc: ít nhất 2 trong 3 kết cấu chính (tường, cột, mái) "
                                 "làm bằng vật liệu không bền chắc.", False),
            "dien_tich_nha_o": ("Diện tích nhà ở bình quân đầu người dưới 8 m².", False),
            "nguon_nuoc": ("Hộ không được tiếp cận nguồn nước sạch sinh hoạt.", False),
            "nha_tieu": ("Hộ không sử dụng nhà tiêu hợp vệ sinh. Danh mục loại nhà tiêu: UNVERIFIED.", False),
            "vien_thong": ("Không có thành viên nào sử dụng dịch vụ viễn thông (điện thoại, internet). "
                           "UNVERIFIED.", False),
            "phuong_tien_thong_tin": ("Hộ không có phương tiện tiếp cận thông tin (ti vi, radio, máy tính, "
                                      "điện thoại) và không nghe được loa truyền thanh. UNVERIFIED.", False),
        },
    },
    {
        "code": "nd351-2025",
        "name": "Chuẩn nghèo đa chiều giai đoạn 2026–2030",
        "legal_basis": "Nghị định 351/2025/NĐ-CP",
        "valid_from_year": 2027,
        "valid_to_year": 2030,
        "is_verified": False,
        "note": ("Chuẩn thu nhập 2.200.000 (nông thôn) / 2.800.000 (thành thị) đã xác nhận. Bộ chỉ số theo "
                 "dự thảo 6 chiều 12 chỉ số (Med); tên chính thức của chỉ số và ngưỡng hộ có mức sống trung "
                 "bình: UNVERIFIED."),
        "lines": [
            (RURAL, POVERTY, 2_200_000, True, ""),
            (URBAN, POVERTY, 2_800_000, True, ""),
            # Assumed 1.5 × the poverty line, as in both earlier standards: UNVERIFIED.
            (RURAL, AVERAGE, 3_300_000, False, "Giả định bằng 1,5 lần chuẩn nghèo như các giai đoạn trước. "
             + UNVERIFIED),
            (URBAN, AVERAGE, 4_200_000, False, "Giả định bằng 1,5 lần chuẩn nghèo như các giai đoạn trước. "
             + UNVERIFIED),
        ],
        "rules": [
            (1, "", "", POVERTY, 3, None, POOR, True, "Không quá chuẩn nghèo và thiếu hụt từ 3 chỉ số."),
            (2, "", "", POVERTY, None, 2, NEAR_POOR, True, "Không quá chuẩn nghèo và thiếu hụt dưới 3 chỉ số."),
            (3, "", POVERTY, AVERAGE, None, None, AVG, False, UNVERIFIED),
        ],
        "dimensions": [
            ("Việc làm", [
                ("viec_lam", "Việc làm"),
                ("nguoi_phu_thuoc", "Người phụ thuộc trong hộ gia đình"),
            ]),
            ("Y tế", [
                ("bao_hiem_y_te", "Bảo hiểm y tế"),
                ("dinh_duong", "Dinh dưỡng"),
            ]),
            ("Giáo dục", [
                ("giao_duc_nguoi_lon", "Trình độ giáo dục của người lớn"),
                ("tre_em_di_hoc", "Tình trạng đi học của trẻ em"),
            ]),
            ("Nhà ở", [
                ("dien_tich_nha_o", "Diện tích nhà ở bình quân đầu người"),
                ("chat_luong_nha_o", "Chất lượng nhà ở"),
            ]),
            ("Thông tin", [
                ("vien_thong", "Sử dụng dịch vụ viễn thông"),
            ]),
            ("Nước sinh hoạt, vệ sinh và môi trường", [
                ("nguon_nuoc", "Nguồn nước sinh hoạt"),
                ("nha_tieu", "Nhà tiêu hợp vệ sinh"),
                ("rac_thai", "Xử lý rác thải sinh hoạt"),
            ]),
        ],
        "indicator_verified": False,
        "indicator_note": "Theo dự thảo (Med); tên chính thức trong Nghị định 351/2025: UNVERIFIED.",
        "thresholds": {
            "vien_thong": ("Nghị định 351/2025 thay chỉ số phương tiện tiếp cận thông tin bằng sử dụng dịch vụ "
                           "số, internet; ngưỡng cụ thể UNVERIFIED.", False),
            "rac_thai": ("Chỉ số mới: xử lý rác thải sinh hoạt của hộ; ngưỡng cụ thể UNVERIFIED.", False),
        },
    },
]

CAUSES = [
    ("thieu_von", "Thiếu vốn sản xuất"),
    ("thieu_dat", "Thiếu đất sản xuất"),
    ("thieu_phuong_tien", "Thiếu phương tiện sản xuất"),
    ("thieu_lao_dong", "Thiếu lao động"),
    ("dong_nguoi_an_theo", "Đông người ăn theo"),
    ("om_dau", "Có người ốm đau, bệnh nặng, tai nạn"),
    ("khong_tay_nghe", "Không có tay nghề, không biết cách làm ăn"),
    ("khong_viec_lam", "Có lao động nhưng không có việc làm"),
    ("chay_luoi", "Chây lười lao động"),
    ("khac", "Nguyên nhân khác"),
]

SUPPORTS = [
    ("tin_dung", "Tín dụng ưu đãi"),
    ("nha_o", "Hỗ trợ nhà ở"),
    ("bhyt", "Bảo hiểm y tế"),
    ("hoc_nghe", "Đào tạo nghề"),
    ("viec_lam", "Việc làm, xuất khẩu lao động"),
    ("sinh_ke", "Mô hình sinh kế, phát triển sản xuất"),
    ("giao_duc", "Hỗ trợ giáo dục"),
    ("nuoc_ve_sinh", "Nước sạch, nhà tiêu hợp vệ sinh"),
    ("tro_giup_xa_hoi", "Trợ giúp xã hội"),
    ("khac", "Hỗ trợ khác"),
]


def seed(apps, schema_editor):
    Standard = apps.get_model("households", "PovertyStandard")
    IncomeLine = apps.get_model("households", "IncomeLine")
    Rule = apps.get_model("households", "ClassificationRule")
    Dimension = apps.get_model("households", "Dimension")
    Indicator = apps.get_model("households", "Indicator")
    Cause = apps.get_model("households", "PovertyCause")
    Support = apps.get_model("households", "SupportType")

    for data in STANDARDS:
        standard, _ = Standard.objects.update_or_create(
            code=data["code"],
            defaults={key: data[key] for key in ("name", "legal_basis", "valid_from_year", "valid_to_year",
                                                 "is_verified", "note")},
        )
        for area, kind, amount, verified, note in data["lines"]:
            IncomeLine.objects.update_or_create(
                standard=standard, area=area, kind=kind,
                defaults={"amount": amount, "is_verified": verified, "note": note},
            )
        for order, area, above, at_most, min_dep, max_dep, category, verified, note in data["rules"]:
            Rule.objects.update_or_create(
                standard=standard, order=order,
                defaults={"area": area, "income_above": above, "income_at_most": at_most,
                          "min_deprivations": min_dep, "max_deprivations": max_dep, "category": category,
                          "is_verified": verified, "note": note},
            )
        position = 0
        for dim_order, (dim_name, indicators) in enumerate(data["dimensions"], start=1):
            dimension, _ = Dimension.objects.update_or_create(
                standard=standard, name=dim_name, defaults={"order": dim_order},
            )
            for code, name in indicators:
                position += 1
                threshold, threshold_verified = data["thresholds"].get(code, ("", data["indicator_verified"]))
                verified = data["indicator_verified"] and threshold_verified
                note = data["indicator_note"] or ("" if verified else MED)
                Indicator.objects.update_or_create(
                    standard=standard, code=code,
                    defaults={"dimension": dimension, "order": position, "name": name,
                              "threshold": threshold, "is_verified": verified, "note": note},
                )

    for order, (code, name) in enumerate(CAUSES, start=1):
        Cause.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, name) in enumerate(SUPPORTS, start=1):
        Support.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("households", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
