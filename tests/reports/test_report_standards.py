"""Issue 11: the annual report counts a periodic review as "cuối năm N" and names the standard it used."""

import pytest
from openpyxl import load_workbook

from households.models import Category, ReviewStatus
from reports.periods import Period
from reports.poverty import build_poverty_report
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db


def _report(tmp_path, unit, year):
    path = tmp_path / f"bc-{year}.xlsx"
    report = build_poverty_report(unit=unit, period=Period("year", year), output=path)
    text = " ".join(str(c) for row in load_workbook(path)["Tổng hợp"].iter_rows(values_only=True) for c in row if c)
    return report, text


def test_2021_periodic_review_is_poor_under_decree_07_in_the_2021_report(tmp_path, commune_a):
    household = HouseholdFactory(commune=commune_a, area="rural")
    review = make_review(household, year=2021, income=1_400_000, deprived=3, status=ReviewStatus.APPROVED)
    assert review.standard.code == "nd07-2021" and review.category == Category.POOR
    report, text = _report(tmp_path, commune_a, 2021)
    total = report.rows[-1].figures
    assert total.poor_end == 1 and total.poor_start == 0
    assert "cuối kỳ theo Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP" in text


def test_2026_periodic_review_is_poor_under_decree_351_at_the_end_of_2026(tmp_path, commune_a):
    household = HouseholdFactory(commune=commune_a, area="rural")
    review = make_review(household, year=2026, income=2_100_000, deprived=3, status=ReviewStatus.APPROVED)
    assert review.standard.code == "nd351-2025" and review.category == Category.POOR
    report, text = _report(tmp_path, commune_a, 2026)
    assert report.rows[-1].figures.poor_end == 1
    assert "đầu kỳ theo Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP" in text
    assert "cuối kỳ theo Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP" in text
    assert "UNVERIFIED" not in text
