"""Issue 11 point 1–2: the standard follows the round; stored reviews are re-classified with history;
the Decree 351 review form; no "UNVERIFIED" on any screen or export."""

import io

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from openpyxl import load_workbook

from households.classification import standard_for_list_year
from households.models import (
    Category,
    ClassificationRule,
    HistoryEntry,
    IncomeLine,
    Indicator,
    PovertyStandard,
    Review,
    ReviewStatus,
)
from households.reclassification import reclassify_reviews

from .factories import make_review

pytestmark = pytest.mark.django_db


def _as_stored_before_issue_11(review, standard_code, category, codes):
    """Put a review back the way the year-based selection stored it (wrong standard, its indicators)."""
    old = PovertyStandard.objects.get(code=standard_code)
    indicators = list(Indicator.objects.filter(standard=old, code__in=codes))
    Review.objects.filter(pk=review.pk).update(standard=old, category=category, deprivation_count=len(indicators))
    review.deprived_indicators.set(indicators)


def test_2021_periodic_review_moves_to_decree_07_and_history_says_why(household_a):
    # given a 2021 periodic review approved as "average" under Decision 59 (1.400.000 rural, 3 deprivations)
    review = make_review(household_a, year=2021, income=1_400_000, status=ReviewStatus.APPROVED)
    _as_stored_before_issue_11(review, "qd59-2015", Category.AVERAGE,
                               ["giao_duc_nguoi_lon", "bao_hiem_y_te", "nha_tieu"])
    household_a.current_category = Category.AVERAGE
    household_a.save()
    lines = []
    # when the data migration runs
    changes = reclassify_reviews(django_apps, log=lines.append)
    # then the review is poor under Decree 07, still approved, and the household follows
    review.refresh_from_db()
    household_a.refresh_from_db()
    assert review.standard.code == "nd07-2021"
    assert review.category == Category.POOR and review.deprivation_count == 3
    assert review.status == ReviewStatus.APPROVED
    assert sorted(review.deprived_indicators.values_list("code", flat=True)) == [
        "bao_hiem_y_te", "giao_duc_nguoi_lon", "nha_tieu"]
    assert household_a.current_category == Category.POOR
    assert [c.review_id for c in changes] == [review.pk]
    # and the household's history records each change with the reason
    history = {h.field: h for h in HistoryEntry.objects.filter(household=household_a, object_id=review.pk)}
    assert history["category"].old_value == "Hộ có mức sống trung bình"
    assert history["category"].new_value == "Hộ nghèo"
    assert history["standard"].new_value == "Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP"
    assert "lập danh sách năm 2022" in history["category"].comment
    assert "đã phê duyệt" in history["category"].comment
    # and the log names the household
    assert any("XB001" in line and "Hộ nghèo" in line for line in lines)


def test_indicator_missing_from_the_new_standard_is_dropped_and_named(household_a):
    review = make_review(household_a, year=2021, income=1_400_000)
    _as_stored_before_issue_11(review, "qd59-2015", Category.AVERAGE,
                               ["tiep_can_y_te", "bao_hiem_y_te", "tai_san_thong_tin"])
    reclassify_reviews(django_apps, log=lambda line: None)
    review.refresh_from_db()
    # access to health services has no Decree 07 counterpart; information assets carry over
    assert sorted(review.deprived_indicators.values_list("code", flat=True)) == [
        "bao_hiem_y_te", "phuong_tien_thong_tin"]
    assert review.category == Category.NEAR_POOR
    comment = HistoryEntry.objects.get(object_id=review.pk, field="category").comment
    assert "Tiếp cận các dịch vụ y tế" in comment


def test_2026_periodic_review_moves_to_decree_351(household_a):
    review = make_review(household_a, year=2026, income=2_100_000)
    _as_stored_before_issue_11(review, "nd07-2021", Category.AVERAGE,
                               ["viec_lam", "dinh_duong", "nha_tieu"])
    reclassify_reviews(django_apps, log=lambda line: None)
    review.refresh_from_db()
    assert review.standard.code == "nd351-2025" and review.category == Category.POOR


def test_reviews_on_the_right_standard_are_not_touched(household_a):
    review = make_review(household_a, year=2024, income=1_000_000, deprived=3, status=ReviewStatus.APPROVED)
    version = review.version
    assert reclassify_reviews(django_apps, log=lambda line: None) == []
    review.refresh_from_db()
    assert review.version == version
    assert not HistoryEntry.objects.filter(object_id=review.pk).exists()


def test_no_stored_text_says_unverified():
    for model, fields in ((PovertyStandard, ("name", "note")), (IncomeLine, ("note",)),
                          (ClassificationRule, ("note",)), (Indicator, ("name", "note", "threshold"))):
        for row in model.objects.all():
            for field in fields:
                assert "UNVERIFIED" not in getattr(row, field), (model.__name__, row.pk, field)
                assert "(Med)" not in getattr(row, field), (model.__name__, row.pk, field)


def test_decree_351_form_groups_indicators_and_shows_the_lines(client_for, commune_a_user, household_a):
    url = reverse("households:review_create", args=[household_a.pk])
    body = client_for(commune_a_user).get(url, {"year": 2026, "round": "periodic"}).content.decode()
    assert "Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP" in body
    assert "2.200.000" in body and "2.800.000" in body
    for dimension in ("Việc làm", "Y tế", "Giáo dục", "Nhà ở", "Thông tin", "Nước sinh hoạt, vệ sinh và môi trường"):
        assert f"<legend>{dimension}</legend>" in body
    assert "Sử dụng dịch vụ số, internet" in body
    assert "Thu gom, xử lý rác thải sinh hoạt" in body
    assert "Phương tiện phục vụ tiếp cận thông tin" not in body
    assert "chưa đối chiếu văn bản chính thức" in body
    assert "UNVERIFIED" not in body


def test_regular_review_of_2026_still_uses_decree_07(client_for, commune_a_user, household_a):
    url = reverse("households:review_create", args=[household_a.pk])
    body = client_for(commune_a_user).get(url, {"year": 2026, "round": "regular"}).content.decode()
    assert "Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP" in body
    assert "1.500.000" in body
    assert "Phương tiện phục vụ tiếp cận thông tin" in body


def test_saving_a_2026_periodic_review_classifies_with_decree_351(client_for, commune_a_user, household_a):
    indicators = list(standard_for_list_year(2027).indicators.order_by("order")[:3])
    url = reverse("households:review_create", args=[household_a.pk])
    data = {"year": 2026, "round": "periodic", "area": "rural", "income_per_capita": 2_100_000,
            "has_labour_capacity": "on", "deprived_indicators": [str(i.pk) for i in indicators], "save": "1"}
    response = client_for(commune_a_user).post(url + "?year=2026&round=periodic", data)
    assert response.status_code == 302
    review = Review.objects.get(household=household_a, year=2026)
    assert review.standard.code == "nd351-2025" and review.category == Category.POOR
    # at 2.250.000 the same household is neither poor nor near-poor under the 2027–2030 lines
    data.update(income_per_capita=2_250_000, version=review.version)
    client_for(commune_a_user).post(reverse("households:review_edit", args=[review.pk]), data)
    review.refresh_from_db()
    assert review.category not in (Category.POOR, Category.NEAR_POOR)


def test_export_names_the_standard_and_heads_columns_with_its_indicators(client_for, commune_a_user, household_a):
    make_review(household_a, year=2026, income=2_100_000, deprived=3)
    response = client_for(commune_a_user).get(reverse("households:excel_export"),
                                              {"commune": household_a.commune_id, "year": 2026})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    text = " ".join(str(c) for row in rows for c in row)
    assert "Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP" in text
    header = next(row for row in rows if "Mã hộ" in row)
    assert "Sử dụng dịch vụ số, internet" in header and "Thu gom, xử lý rác thải sinh hoạt" in header
    assert "Phương tiện phục vụ tiếp cận thông tin" not in header
    assert "UNVERIFIED" not in text


def test_seed_standards_rebuilds_what_the_migrations_left():
    """Flushing tests (browser, worker) re-seed with households.standards_seed: the same rows as the migrations."""
    from households.standards_seed import seed_standards

    def snapshot():
        return (sorted(PovertyStandard.objects.values_list("code", "name", "first_list_year", "last_list_year")),
                sorted(Indicator.objects.values_list("standard__code", "code", "name", "is_verified", "threshold")),
                sorted(IncomeLine.objects.values_list("standard__code", "area", "kind", "amount", "note")))

    before = snapshot()
    PovertyStandard.objects.all().delete()
    seed_standards()
    assert snapshot() == before
    seed_standards()
    assert snapshot() == before
