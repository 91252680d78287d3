"""Standards are valid for LIST years; the Decree 351 indicator set; quiet wording; re-classify reviews.

1. ``valid_from_year``/``valid_to_year`` (review years, off by one for periodic reviews)
   become ``first_list_year``/``last_list_year``: Decision 59/2015 covers the lists of
   2016–2021, Decree 07/2021 those of 2022–2026 (Decree 351/2025 keeps it until
   31/12/2026), Decree 351/2025 those of 2027–2030.
2. Names as every screen shows them ("Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP").
3. Decree 351: the digital-service/internet indicator replaces "means of information" and the
   household-waste indicator is in the water/sanitation/environment dimension; thresholds
   not yet checked stay ``is_verified=False``.
4. No text a user can see says "UNVERIFIED": the flag says it, the screen writes
   "chưa đối chiếu văn bản chính thức".
5. Every stored review is moved to the standard of its round and year
   (``households.reclassification``), with history rows and a log of changed households.
"""

import re

from django.db import migrations, models

UNCONFIRMED = "Chưa đối chiếu văn bản chính thức."
ASSUMED_AVERAGE = "Giả định bằng 1,5 lần chuẩn nghèo như các giai đoạn trước; chưa đối chiếu văn bản chính thức."
SAME_AS_07 = "Tạm dùng ngưỡng của giai đoạn 2022–2025; chưa đối chiếu Nghị định 351/2025/NĐ-CP."

STANDARDS = {
    "qd59-2015": {
        "name": "Chuẩn nghèo giai đoạn 2016–2020", "first_list_year": 2016, "last_list_year": 2021,
        "note": ("Áp dụng cho danh sách hộ nghèo các năm 2016–2021 (rà soát định kỳ 2015–2020, rà soát thường "
                 "xuyên 2016–2021). Ngưỡng hộ có mức sống trung bình: chưa đối chiếu văn bản chính thức."),
    },
    "nd07-2021": {
        "name": "Chuẩn nghèo giai đoạn 2022–2025", "first_list_year": 2022, "last_list_year": 2026,
        "note": ("Áp dụng cho danh sách hộ nghèo các năm 2022–2026 (rà soát định kỳ 2021–2025, rà soát thường "
                 "xuyên 2022–2026); Nghị định 351/2025/NĐ-CP giữ chuẩn này đến 31/12/2026. Một số ngưỡng thiếu "
                 "hụt chưa đối chiếu văn bản chính thức (xem từng chỉ số)."),
    },
    "nd351-2025": {
        "name": "Chuẩn nghèo giai đoạn 2027–2030", "first_list_year": 2027, "last_list_year": 2030,
        "note": ("Áp dụng cho danh sách hộ nghèo các năm 2027–2030 (rà soát định kỳ 2026–2029, rà soát thường "
                 "xuyên 2027–2030). Chuẩn thu nhập 2.200.000 đồng (nông thôn) và 2.800.000 đồng (thành thị) đã "
                 "đối chiếu; tên, ngưỡng của các chỉ số và ngưỡng hộ có mức sống trung bình chưa đối chiếu văn "
                 "bản chính thức."),
    },
}

THRESHOLDS_07 = {
    "viec_lam": "Có ít nhất một người trong độ tuổi lao động có khả năng lao động bị thất nghiệp, hoặc làm công "
                "hưởng lương không có hợp đồng lao động.",
    "nguoi_phu_thuoc": "Tỷ lệ người phụ thuộc trên tổng số nhân khẩu của hộ lớn hơn 50%.",
    "dinh_duong": "Có ít nhất một trẻ em dưới 16 tuổi bị suy dinh dưỡng (chiều cao theo tuổi hoặc cân nặng theo "
                  "tuổi).",
    "bao_hiem_y_te": "Có ít nhất một người từ đủ 6 tuổi trở lên không có bảo hiểm y tế.",
    "giao_duc_nguoi_lon": "Có ít nhất một người từ 16 đến 30 tuổi không tham gia đào tạo và chưa đạt trình độ phù "
                          "hợp với độ tuổi.",
    "tre_em_di_hoc": "Có ít nhất một trẻ em từ 3 đến dưới 16 tuổi không được học đúng bậc, cấp học phù hợp với độ "
                     "tuổi.",
    "chat_luong_nha_o": "Hộ ở nhà không bền chắc: ít nhất 2 trong 3 kết cấu chính (tường, cột, mái) làm bằng vật "
                        "liệu không bền chắc.",
    "dien_tich_nha_o": "Diện tích nhà ở bình quân đầu người dưới 8 m².",
    "nguon_nuoc": "Hộ không được tiếp cận nguồn nước sạch sinh hoạt.",
    "nha_tieu": "Hộ không sử dụng nhà tiêu hợp vệ sinh.",
    "vien_thong": "Không có thành viên nào sử dụng dịch vụ viễn thông (điện thoại, internet).",
    "phuong_tien_thong_tin": "Hộ không có phương tiện tiếp cận thông tin (ti vi, radio, máy tính, điện thoại) và "
                             "không nghe được loa truyền thanh.",
}
NOTES_07 = {
    "nguoi_phu_thuoc": "Danh sách người phụ thuộc chưa đối chiếu văn bản chính thức.",
    "bao_hiem_y_te": "Câu chữ chính xác chưa đối chiếu văn bản chính thức.",
    "nha_tieu": "Danh mục loại nhà tiêu hợp vệ sinh chưa đối chiếu văn bản chính thức.",
}

# Decree 351/2025: (dimension, [(code, name, threshold, note)]), in the order of the form.
DIMENSIONS_351 = [
    ("Việc làm", [
        ("viec_lam", "Việc làm", THRESHOLDS_07["viec_lam"], SAME_AS_07),
        ("nguoi_phu_thuoc", "Người phụ thuộc trong hộ gia đình", THRESHOLDS_07["nguoi_phu_thuoc"], SAME_AS_07),
    ]),
    ("Y tế", [
        ("bao_hiem_y_te", "Bảo hiểm y tế", THRESHOLDS_07["bao_hiem_y_te"], SAME_AS_07),
        ("dinh_duong", "Dinh dưỡng", THRESHOLDS_07["dinh_duong"], SAME_AS_07),
    ]),
    ("Giáo dục", [
        ("giao_duc_nguoi_lon", "Trình độ giáo dục của người lớn", THRESHOLDS_07["giao_duc_nguoi_lon"], SAME_AS_07),
        ("tre_em_di_hoc", "Tình trạng đi học của trẻ em", THRESHOLDS_07["tre_em_di_hoc"], SAME_AS_07),
    ]),
    ("Nhà ở", [
        ("dien_tich_nha_o", "Diện tích nhà ở bình quân đầu người", THRESHOLDS_07["dien_tich_nha_o"], SAME_AS_07),
        ("chat_luong_nha_o", "Chất lượng nhà ở", THRESHOLDS_07["chat_luong_nha_o"], SAME_AS_07),
    ]),
    ("Thông tin", [
        ("vien_thong", "Sử dụng dịch vụ viễn thông", THRESHOLDS_07["vien_thong"], SAME_AS_07),
        ("dich_vu_so", "Sử dụng dịch vụ số, internet",
         "Không có thành viên nào sử dụng dịch vụ số, internet (thay chỉ số phương tiện phục vụ tiếp cận thông "
         "tin của giai đoạn 2022–2025).",
         "Chỉ số mới của Nghị định 351/2025/NĐ-CP; câu chữ và ngưỡng chưa đối chiếu văn bản chính thức."),
    ]),
    ("Nước sinh hoạt, vệ sinh và môi trường", [
        ("nguon_nuoc", "Nguồn nước sinh hoạt", THRESHOLDS_07["nguon_nuoc"], SAME_AS_07),
        ("nha_tieu", "Nhà tiêu hợp vệ sinh", THRESHOLDS_07["nha_tieu"], SAME_AS_07),
        ("rac_thai", "Thu gom, xử lý rác thải sinh hoạt",
         "Rác thải sinh hoạt của hộ không được thu gom hoặc xử lý hợp vệ sinh.",
         "Chỉ số mới của Nghị định 351/2025/NĐ-CP; câu chữ và ngưỡng chưa đối chiếu văn bản chính thức."),
    ]),
]


def _quiet(text: str) -> str:
    """Replace the research labels (UNVERIFIED, Med) by the Vietnamese wording users may see."""
    text = text.replace("Chưa đối chiếu văn bản gốc (UNVERIFIED).", UNCONFIRMED)
    text = re.sub(r"\s*\(Med\)", "", text)
    text = re.sub(r":?\s*Med/UNVERIFIED", ": chưa đối chiếu văn bản chính thức", text)
    text = re.sub(r":\s*UNVERIFIED", ": chưa đối chiếu văn bản chính thức", text)
    text = re.sub(r"\s*UNVERIFIED\.?", " (chưa đối chiếu văn bản chính thức).", text)
    return text.strip()


def forwards(apps, schema_editor):
    Standard = apps.get_model("households", "PovertyStandard")
    IncomeLine = apps.get_model("households", "IncomeLine")
    Rule = apps.get_model("households", "ClassificationRule")
    Dimension = apps.get_model("households", "Dimension")
    Indicator = apps.get_model("households", "Indicator")

    for code, values in STANDARDS.items():
        Standard.objects.filter(code=code).update(**values)

    nd07 = Standard.objects.filter(code="nd07-2021").first()
    if nd07 is not None:
        for code, threshold in THRESHOLDS_07.items():
            Indicator.objects.filter(standard=nd07, code=code).update(threshold=threshold)
        for code, note in NOTES_07.items():
            Indicator.objects.filter(standard=nd07, code=code).update(note=note)

    nd351 = Standard.objects.filter(code="nd351-2025").first()
    if nd351 is not None:
        position = 0
        keep_dimensions = []
        for dim_order, (dim_name, indicators) in enumerate(DIMENSIONS_351, start=1):
            dimension, _ = Dimension.objects.update_or_create(standard=nd351, name=dim_name,
                                                              defaults={"order": dim_order})
            keep_dimensions.append(dimension.pk)
            for code, name, threshold, note in indicators:
                position += 1
                Indicator.objects.update_or_create(
                    standard=nd351, code=code,
                    defaults={"dimension": dimension, "order": position, "name": name, "threshold": threshold,
                              "is_verified": False, "note": note})
        Dimension.objects.filter(standard=nd351).exclude(pk__in=keep_dimensions).filter(indicators=None).delete()

    for model, fields in ((Standard, ("note",)), (IncomeLine, ("note",)), (Rule, ("note",)),
                          (Indicator, ("note", "threshold"))):
        for row in model.objects.all():
            changed = {f: _quiet(getattr(row, f)) for f in fields if getattr(row, f) != _quiet(getattr(row, f))}
            if changed:
                model.objects.filter(pk=row.pk).update(**changed)
    for line in IncomeLine.objects.filter(standard__code="nd351-2025", kind="average"):
        IncomeLine.objects.filter(pk=line.pk).update(note=ASSUMED_AVERAGE)

    from households.reclassification import reclassify_reviews

    reclassify_reviews(apps, log=lambda line: print("  " + line))


class Migration(migrations.Migration):
    dependencies = [("households", "0003_constraint_messages")]

    operations = [
        migrations.RemoveConstraint(model_name="povertystandard", name="standard_valid_years_ordered"),
        migrations.RenameField(model_name="povertystandard", old_name="valid_from_year", new_name="first_list_year"),
        migrations.RenameField(model_name="povertystandard", old_name="valid_to_year", new_name="last_list_year"),
        migrations.AlterField(
            model_name="povertystandard", name="first_list_year",
            field=models.PositiveSmallIntegerField(
                help_text="Rà soát định kỳ năm N lập danh sách năm N+1; rà soát thường xuyên, đột xuất năm N: năm N.",
                verbose_name="áp dụng cho danh sách từ năm"),
        ),
        migrations.AlterField(
            model_name="povertystandard", name="last_list_year",
            field=models.PositiveSmallIntegerField(verbose_name="đến danh sách năm"),
        ),
        migrations.AlterModelOptions(
            name="povertystandard",
            options={"ordering": ["first_list_year"], "verbose_name": "chuẩn nghèo",
                     "verbose_name_plural": "chuẩn nghèo"},
        ),
        migrations.AddConstraint(
            model_name="povertystandard",
            constraint=models.CheckConstraint(condition=models.Q(first_list_year__lte=models.F("last_list_year")),
                                              name="standard_list_years_ordered"),
        ),
        migrations.AlterField(
            model_name="indicator", name="is_verified",
            field=models.BooleanField(
                default=True, help_text="Bỏ chọn khi tên hoặc ngưỡng chưa được đối chiếu với văn bản chính thức.",
                verbose_name="đã đối chiếu văn bản gốc"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
