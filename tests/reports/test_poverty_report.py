"""The poverty report's numbers on a small hand-built dataset over three years (2022–2024), its exact
layout, and a randomised cross-check of the set-based counting against a naive per-household rule."""

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from households.models import Indicator, PovertyCause, Review, ReviewStatus
from plans.models import Plan, QuotaRow, QuotaTable
from reports.periods import Period
from reports.poverty import build_poverty_report, poverty_figures
from tests.factories import UserFactory
from tests.reports.factories import NEAR_POOR, NOT_POOR, POOR, HouseholdFactory, approved_review, total

pytestmark = pytest.mark.django_db

D = datetime.date

HEADERS = [
    "Mã đơn vị", "Đơn vị", "Tổng số hộ", "Hộ nghèo đầu kỳ", "Hộ thoát nghèo", "Hộ nghèo phát sinh", "Hộ tái nghèo",
    "Hộ nghèo cuối kỳ", "Tỷ lệ hộ nghèo cuối kỳ (%)", "Hộ cận nghèo đầu kỳ", "Hộ cận nghèo cuối kỳ",
    "Hộ nghèo DTTS cuối kỳ", "Chỉ tiêu giảm hộ nghèo", "Số hộ nghèo giảm", "Số hộ nghèo giảm - không có KNLĐ",
    "Số hộ nghèo giảm - có KNLĐ", "Tỷ lệ hoàn thành chỉ tiêu (%)",
]


@pytest.fixture
def dataset(district, commune_a, commune_b):
    """Xuân Bái (A) and Thọ Lâm (B), yearly reviews 2022–2024 (effective 14/12) and one regular review.

    A at 31/12/2023 → 31/12/2024:
      h1 poor → near-poor (escape)          h2 never poor → poor (new poor; DTTS, no labour capacity)
      h3 poor 2022, near-poor 2023 → poor (relapse)
      h4 poor → poor (no labour capacity)   h5 near-poor → near-poor
      h7 poor → poor (its 2024 review is only a draft: it does not count)
      h8 poor → not poor by a regular review on 10/05/2024 (escape, already in the first half)
      h10 poor (no labour capacity) → not poor (escape)    h6 never reviewed
    B: h11 poor → poor.
    """
    cause = PovertyCause.objects.get(code="thieu_von")
    indicator = Indicator.objects.get(standard__code="nd07-2021", code="bao_hiem_y_te")
    h = {i: HouseholdFactory(commune=commune_a, code=f"A{i:02d}") for i in (1, 2, 3, 4, 5, 6, 7, 8, 10)}
    h[2].is_ethnic_minority = True
    h[2].save()
    h[11] = HouseholdFactory(commune=commune_b, code="B11", head_name="=HYPERLINK(\"x\")")
    for year, cat in ((2022, POOR), (2023, POOR), (2024, NEAR_POOR)):
        approved_review(h[1], year=year, category=cat, causes=[cause] if year == 2023 else ())
    for year, cat in ((2022, NOT_POOR), (2023, NOT_POOR)):
        approved_review(h[2], year=year, category=cat)
    approved_review(h[2], year=2024, category=POOR, has_labour_capacity=False, causes=[cause], indicators=[indicator])
    for year, cat in ((2022, POOR), (2023, NEAR_POOR), (2024, POOR)):
        approved_review(h[3], year=year, category=cat)
    for year in (2022, 2023, 2024):
        approved_review(h[4], year=year, category=POOR, has_labour_capacity=False)
    for year in (2023, 2024):
        approved_review(h[5], year=year, category=NEAR_POOR)
    approved_review(h[7], year=2023, category=POOR)
    draft = approved_review(h[7], year=2024, category=NOT_POOR)
    Review.objects.filter(pk=draft.pk).update(status=ReviewStatus.SUBMITTED)
    approved_review(h[8], year=2023, category=POOR)
    approved_review(h[8], year=2024, category=NOT_POOR, round="regular", effective_date=D(2024, 5, 10))
    approved_review(h[10], year=2023, category=POOR, has_labour_capacity=False)
    approved_review(h[10], year=2024, category=NOT_POOR)
    for year in (2023, 2024):
        approved_review(h[11], year=year, category=POOR)
    total(commune_b, 2024, 100)  # A has no total: its rate cell stays empty
    plan = Plan.objects.create(code="thoxuan-2024", title="Kế hoạch giảm nghèo 2024", unit=district,
                               first_year=2024, last_year=2024)
    table = QuotaTable.objects.create(plan=plan, year=2024)
    QuotaRow.objects.create(table=table, commune=commune_a, total=2, without_labour=1, with_labour=1)
    QuotaRow.objects.create(table=table, commune=commune_b, total=1, without_labour=0, with_labour=1)
    return h


def _summary(path):
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Tổng hợp"
    ws = wb["Tổng hợp"]
    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, row in enumerate(rows) if "Đơn vị" in row)
    # two header rows: a grouped column's own header is in the second one
    header = [below if below is not None else above for above, below in zip(rows[top], rows[top + 1], strict=True)]
    body = {}
    for row in rows[top + 2:]:
        if row[1] is None:
            break
        body[row[1]] = dict(zip(header, row, strict=False))
    return wb, header, body


def test_annual_report_numbers(dataset, district, tmp_path):
    # when
    path = tmp_path / "nam2024.xlsx"
    report = build_poverty_report(unit=district, period=Period("year", 2024), output=path,
                                  appendix=tmp_path / "phu-luc.xlsx")
    wb, header, body = _summary(path)
    # then: the header is exactly the issue's, in order
    assert header == HEADERS
    assert list(body) == ["Thọ Lâm", "Xuân Bái", "Tổng cộng"]  # in code order (15541, 15547)
    a, b, t = body["Xuân Bái"], body["Thọ Lâm"], body["Tổng cộng"]
    assert (a["Mã đơn vị"], a["Hộ nghèo đầu kỳ"], a["Hộ thoát nghèo"], a["Hộ nghèo phát sinh"], a["Hộ tái nghèo"],
            a["Hộ nghèo cuối kỳ"]) == ("15547", 5, 3, 1, 1, 4)
    assert (a["Hộ cận nghèo đầu kỳ"], a["Hộ cận nghèo cuối kỳ"], a["Hộ nghèo DTTS cuối kỳ"]) == (2, 2, 1)
    assert (a["Số hộ nghèo giảm"], a["Số hộ nghèo giảm - không có KNLĐ"], a["Số hộ nghèo giảm - có KNLĐ"]) == (1, 0, 1)
    assert a["Chỉ tiêu giảm hộ nghèo"] == 2
    assert a["Tỷ lệ hoàn thành chỉ tiêu (%)"] == 0.5  # a rate cell holds the fraction, shown as 50.00%
    # no household total for A: the rate cell is empty, never 0
    assert a["Tổng số hộ"] is None and a["Tỷ lệ hộ nghèo cuối kỳ (%)"] is None
    assert (b["Tổng số hộ"], b["Hộ nghèo cuối kỳ"], b["Tỷ lệ hộ nghèo cuối kỳ (%)"]) == (100, 1, 0.01)
    assert b["Tỷ lệ hoàn thành chỉ tiêu (%)"] == 0
    # the total adds the communes; its rate is empty since A has no total; completion 1 of 3
    assert (t["Hộ nghèo đầu kỳ"], t["Hộ nghèo cuối kỳ"], t["Chỉ tiêu giảm hộ nghèo"]) == (6, 5, 3)
    assert t["Tỷ lệ hộ nghèo cuối kỳ (%)"] is None
    assert t["Tỷ lệ hoàn thành chỉ tiêu (%)"] == pytest.approx(0.3333)
    for row in body.values():  # cuối kỳ = đầu kỳ − thoát + phát sinh + tái nghèo; giảm = đầu − cuối
        assert row["Hộ nghèo cuối kỳ"] == (row["Hộ nghèo đầu kỳ"] - row["Hộ thoát nghèo"]
                                          + row["Hộ nghèo phát sinh"] + row["Hộ tái nghèo"])
        assert row["Số hộ nghèo giảm"] == row["Hộ nghèo đầu kỳ"] - row["Hộ nghèo cuối kỳ"]
        assert row["Số hộ nghèo giảm"] == (row["Số hộ nghèo giảm - không có KNLĐ"]
                                           + row["Số hộ nghèo giảm - có KNLĐ"])
    assert report.total.figures.identity_holds
    # the report alone prints (and is signed); the appendices are a second workbook: by cause, by indicator,
    # the households that moved
    assert wb.sheetnames == ["Tổng hợp", "Kinh phí"]  # with the programme funds (six-month, annual)
    wb = load_workbook(tmp_path / "phu-luc.xlsx")
    assert wb.sheetnames == ["Theo nguyên nhân nghèo", "Theo chỉ số thiếu hụt", "Danh sách hộ biến động"]
    causes = {r[0]: r[1:6] for r in wb["Theo nguyên nhân nghèo"].iter_rows(values_only=True) if r and r[0]}
    # "Thiếu vốn": h1 (poor at the start, escaped) and h2 (new poor, poor at the end)
    assert causes["Thiếu vốn sản xuất"] == (1, 1, 1, 0, 1)
    moved = [r for r in wb["Danh sách hộ biến động"].iter_rows(values_only=True) if isinstance(r[0], int)]
    by_code = {r[4]: r[6] for r in moved}
    assert by_code == {"A01": "Thoát nghèo", "A02": "Nghèo phát sinh", "A03": "Tái nghèo", "A08": "Thoát nghèo",
                       "A10": "Thoát nghèo"}


def test_half_year_and_quarter(dataset, district, tmp_path):
    # the regular review of 10/05/2024 moves h8 in the first half / second quarter; the yearly reviews
    # (effective 14/12) do not count yet
    for period in (Period("half", 2024, 1), Period("quarter", 2024, 2)):
        path = tmp_path / f"{period.kind}.xlsx"
        build_poverty_report(unit=district, period=period, output=path)
        _, _, body = _summary(path)
        a = body["Xuân Bái"]
        assert (a["Hộ nghèo đầu kỳ"], a["Hộ thoát nghèo"], a["Hộ nghèo phát sinh"], a["Hộ tái nghèo"],
                a["Hộ nghèo cuối kỳ"]) == (5, 1, 0, 0, 4)
        assert a["Tổng số hộ"] is None  # no 2024 total for A: empty, not 0


def test_year_2023_counts_the_2022_relapse_base(dataset, district, tmp_path):
    path = tmp_path / "2023.xlsx"
    build_poverty_report(unit=district, period=Period("year", 2023), output=path)
    _, _, body = _summary(path)
    a = body["Xuân Bái"]
    # 31/12/2022: h1 h3 h4 poor; 31/12/2023: h1 h4 h7 h8 h10 poor, h3 escaped to near-poor
    assert (a["Hộ nghèo đầu kỳ"], a["Hộ thoát nghèo"], a["Hộ nghèo phát sinh"], a["Hộ tái nghèo"],
            a["Hộ nghèo cuối kỳ"]) == (3, 1, 3, 0, 5)
    assert a["Chỉ tiêu giảm hộ nghèo"] is None and a["Tỷ lệ hoàn thành chỉ tiêu (%)"] is None


def test_province_groups_communes_by_district_with_subtotals(dataset, province, commune_c, tmp_path):
    h = HouseholdFactory(commune=commune_c, code="C1")
    approved_review(h, year=2024, category=POOR)
    path = tmp_path / "tinh.xlsx"
    build_poverty_report(unit=province, period=Period("year", 2024), output=path)
    _, _, body = _summary(path)
    assert list(body) == ["Thọ Lâm", "Xuân Bái", "Cộng huyện Thọ Xuân", "Xuân Cao", "Cộng huyện Thường Xuân",
                          "Tổng cộng"]
    assert body["Cộng huyện Thọ Xuân"]["Hộ nghèo cuối kỳ"] == 5
    assert body["Cộng huyện Thường Xuân"]["Hộ nghèo phát sinh"] == 1
    assert body["Tổng cộng"]["Hộ nghèo cuối kỳ"] == 6


def test_formula_like_names_are_neutralised(dataset, commune_b, tmp_path):
    HouseholdFactory(commune=commune_b, code="B12")  # never reviewed: not listed
    path = tmp_path / "b.xlsx"
    h11 = dataset[11]
    approved_review(h11, year=2025, category=NOT_POOR)
    build_poverty_report(unit=commune_b, period=Period("year", 2025), output=io.BytesIO(), appendix=path)
    wb = load_workbook(path)
    names = [r[5] for r in wb["Danh sách hộ biến động"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert names == ["'=HYPERLINK(\"x\")"]


def test_build_report_command(dataset, tmp_path):
    path = tmp_path / "cmd.xlsx"
    call_command("build_report", "annual", "--year", "2024", "--unit", "Thanh Hóa/Thọ Xuân", "--output", str(path))
    _, header, body = _summary(path)
    assert header == HEADERS and body["Tổng cộng"]["Hộ nghèo cuối kỳ"] == 5
    moved = load_workbook(tmp_path / "cmd-phu-luc.xlsx")["Danh sách hộ biến động"]  # beside it by default
    assert len([r for r in moved.iter_rows(values_only=True) if isinstance(r[0], int)]) == 5
    call_command("build_report", "annual", "--year", "2024", "--unit", "395", "--output", str(path),
                 "--appendix", str(tmp_path / "khac.xlsx"))
    assert load_workbook(tmp_path / "khac.xlsx").sheetnames[-1] == "Danh sách hộ biến động"
    with pytest.raises(CommandError, match="--appendix"):
        call_command("build_report", "annual", "--year", "2024", "--unit", "395", "--output", str(path),
                     "--appendix", str(path))
    call_command("build_report", "quarter", "--year", "2024", "--period", "2", "--unit", "395",
                 "--output", str(tmp_path / "q.xlsx"))
    with pytest.raises(CommandError, match="--period"):
        call_command("build_report", "half", "--year", "2024", "--unit", "395", "--output", str(path))
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("build_report", "annual", "--year", "2024", "--unit", "Không Có", "--output", str(path))


# --------------------------------------------------------------------------- randomised cross-check


def _naive_status(reviews, day):
    """Category of the latest approved review effective on or before ``day`` (ties: the later id)."""
    eligible = [r for r in reviews if r.status == ReviewStatus.APPROVED and r.effective_date <= day]
    return max(eligible, key=lambda r: (r.effective_date, r.pk)).category if eligible else None


def test_set_based_counts_match_a_naive_per_household_count(commune_a, commune_b):
    rng = random.Random(20240314)
    UserFactory()  # unrelated rows must not matter
    households = [HouseholdFactory(commune=rng.choice([commune_a, commune_b])) for _ in range(60)]
    for household in households:
        for year in range(2021, 2025):
            if rng.random() < 0.2:
                continue
            review = approved_review(household, year=year, category=rng.choice([POOR, POOR, NEAR_POOR, NOT_POOR]),
                                     has_labour_capacity=rng.random() < 0.7)
            if rng.random() < 0.1:
                Review.objects.filter(pk=review.pk).update(status=ReviewStatus.DRAFT)
            if rng.random() < 0.25:
                approved_review(household, year=year, round="regular", category=rng.choice([POOR, NOT_POOR]),
                                effective_date=D(year, rng.randint(1, 11), rng.randint(1, 28)))
    reviews = {}
    for review in Review.objects.all():
        reviews.setdefault(review.household_id, []).append(review)
    for period in (Period("year", 2023), Period("year", 2024), Period("half", 2024, 1), Period("quarter", 2022, 3)):
        figures = poverty_figures(commune_ids=[commune_a.pk, commune_b.pk], start=period.start, end=period.end)
        day_before = period.start - datetime.timedelta(days=1)
        for commune in (commune_a, commune_b):
            expected = dict.fromkeys(["poor_start", "escaped", "new_poor", "relapsed", "poor_end"], 0)
            for household in households:
                if household.commune_id != commune.pk:
                    continue
                rows = reviews.get(household.pk, [])
                start, end = _naive_status(rows, day_before), _naive_status(rows, period.end)
                ever = any(r.status == ReviewStatus.APPROVED and r.category == POOR and r.effective_date <= day_before
                           for r in rows)
                expected["poor_start"] += start == POOR
                expected["poor_end"] += end == POOR
                expected["escaped"] += start == POOR and end != POOR
                expected["new_poor"] += start != POOR and end == POOR and not ever
                expected["relapsed"] += start != POOR and end == POOR and ever
            got = figures.get(commune.pk)
            actual = {k: getattr(got, k) for k in expected} if got else dict.fromkeys(expected, 0)
            assert actual == expected, (period, commune.name)
            if got:
                assert got.identity_holds
