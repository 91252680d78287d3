"""The dashboard's pre-aggregated figures: counted as the annual report counts them, refreshed
idempotently, kept fresh after approvals, and summed per unit exactly like the report's rows."""

import datetime
import io

import pytest
from django.core.management import call_command

from dashboard import selectors
from dashboard.models import CommuneYearFigures
from dashboard.services import figures_refresh, figures_refresh_all
from households.models import Indicator, PovertyCause, Review, ReviewStatus
from households.services import review_approve, review_submit
from reports.periods import Period
from reports.poverty import build_poverty_report
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 1)


def _values(row: CommuneYearFigures) -> tuple:
    return (row.poor_start, row.escaped, row.new_poor, row.relapsed, row.poor_end, row.near_poor_start,
            row.near_poor_end, row.poor_end_ethnic, row.poor_start_without_labour, row.poor_end_without_labour)


def test_refresh_counts_each_commune_and_year_with_the_deprivation_and_cause_profile(dataset, commune_a, commune_b):
    # when
    written = figures_refresh(commune_ids=[commune_a.pk, commune_b.pk])

    # then: one row per commune with approved reviews and year 2022–2024 (B only from 2023)
    rows = {(r.commune_id, r.year): r for r in CommuneYearFigures.objects.all()}
    assert written == len(rows) == 5
    assert set(rows) == {(commune_a.pk, 2022), (commune_a.pk, 2023), (commune_a.pk, 2024),
                         (commune_b.pk, 2023), (commune_b.pk, 2024)}
    a = rows[(commune_a.pk, 2024)]
    # đầu kỳ 5, thoát 3, phát sinh 1, tái nghèo 1, cuối kỳ 4 (the report test's numbers); cận nghèo 2 → 2
    assert _values(a) == (5, 3, 1, 1, 4, 2, 2, 1, 2, 2)
    # h2, the new poor household, is deprived on health insurance and names lack of capital
    insurance = Indicator.objects.get(standard__code="nd07-2021", code="bao_hiem_y_te")
    capital = PovertyCause.objects.get(code="thieu_von")
    assert a.deprivations == {str(insurance.pk): 1}
    assert a.causes == {str(capital.pk): 1}
    assert rows[(commune_b.pk, 2024)].poor_end == 1


def test_refresh_twice_changes_nothing_and_a_reopened_review_is_counted_out(dataset, commune_a, commune_b):
    ids = [commune_a.pk, commune_b.pk]
    figures_refresh(commune_ids=ids)
    first = {(r.commune_id, r.year): _values(r) for r in CommuneYearFigures.objects.all()}

    # running again writes the same rows, no more
    figures_refresh(commune_ids=ids)
    figures_refresh_all()
    assert {(r.commune_id, r.year): _values(r) for r in CommuneYearFigures.objects.all()} == first

    # h2's 2024 review (the new poor household) goes back to "submitted": only 2024 onwards is recounted
    Review.objects.filter(household=dataset[2], year=2024).update(status=ReviewStatus.SUBMITTED)
    figures_refresh(commune_ids=[commune_a.pk], years=[2024])
    a = CommuneYearFigures.objects.get(commune=commune_a, year=2024)
    assert (a.new_poor, a.poor_end, a.deprivations) == (0, 3, {})

    # a commune whose approved reviews are all gone keeps no stale rows
    Review.objects.filter(household__commune=commune_b).update(status=ReviewStatus.SUBMITTED)
    figures_refresh(commune_ids=[commune_b.pk])
    assert not CommuneYearFigures.objects.filter(commune=commune_b).exists()


def test_approval_queues_a_refresh_of_that_commune(commune_a, commune_a_user, district_staff,
                                                   django_capture_on_commit_callbacks):
    # given a submitted poor review
    household = HouseholdFactory(commune=commune_a, code="XB9")
    review = make_review(household, year=2024, income=1_000_000, deprived=3)
    review_submit(review=review, acting_user=commune_a_user)
    assert not CommuneYearFigures.objects.exists()

    # when the district approves it (the refresh task runs eagerly in tests, as the worker would run it)
    with django_capture_on_commit_callbacks(execute=True):
        review_approve(review=review, acting_user=district_staff)

    # then the dashboard already counts it
    row = CommuneYearFigures.objects.get(commune=commune_a, year=2024)
    assert (row.new_poor, row.poor_end) == (1, 1)


def test_dashboard_totals_agree_with_the_annual_report(dataset, district, leadership, tmp_path):
    figures_refresh_all()

    # when
    data = selectors.dashboard_data(leadership, district, 2024, TODAY)
    report = build_poverty_report(unit=district, period=Period("year", 2024), output=tmp_path / "r.xlsx")

    # then: every cell of the Tổng cộng row is the same, and the headline reads from it
    assert data.total_row.values()[2:] == report.total.values()[2:]
    h = data.headline
    assert (h.poor, h.near_poor, h.quota, h.reduced, h.escaped, h.new_poor, h.relapsed) == (5, 2, 3, 1, 3, 1, 1)
    assert h.quota_completion == pytest.approx(33.33)
    assert h.poor_rate is None  # Xuân Bái has no household total: no rate, never 0
    # per commune too
    by_code = {c.unit.code: c.row.values() for c in data.children}
    for row in report.rows[:-1]:
        assert by_code[row.code] == row.values()


def test_refresh_dashboard_command(dataset, district):
    out = io.StringIO()
    call_command("refresh_dashboard", "--unit", "395", stdout=out)
    assert "5 dòng" in out.getvalue()
    assert CommuneYearFigures.objects.count() == 5


def test_nightly_refresh_is_scheduled_and_registered():
    from django.conf import settings

    from povertyapp.celery import app

    entries = {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "dashboard.tasks.dashboard_refresh_all_task" in entries
    app.loader.import_default_modules()
    assert {"dashboard.tasks.dashboard_refresh_all_task", "dashboard.tasks.dashboard_refresh_task"} <= set(app.tasks)


@pytest.mark.parametrize(("year", "today", "expected"), [
    (2024, datetime.date(2023, 12, 31), 0.0),
    (2024, datetime.date(2024, 1, 1), 0.0),
    (2024, datetime.date(2024, 7, 1), 182 / 366),
    (2024, datetime.date(2025, 1, 1), 1.0),
])
def test_year_fraction_elapsed(year, today, expected):
    assert selectors.year_fraction_elapsed(year, today) == pytest.approx(expected)


def test_default_year_is_the_latest_past_year_with_figures():
    assert selectors.default_year([2026, 2024, 2023], datetime.date(2025, 5, 1)) == 2024
    assert selectors.default_year([], datetime.date(2025, 5, 1)) == 2025
    assert selectors.default_year([2027], datetime.date(2025, 5, 1)) == 2027


def test_on_the_demo_data_every_commune_agrees_with_the_annual_report(settings, tmp_path):
    # given the demo data as `make setup` builds it (fewer households per commune)
    from directory.models import AdministrativeUnit, Role
    from tests.factories import UserFactory

    settings.DEMO_MODE = True
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    call_command("load_seed_plans", verbosity=0)
    call_command("generate_demo_households", per_commune=12, stdout=io.StringIO())
    call_command("fill_household_totals", "--unit", "395", stdout=io.StringIO())
    call_command("refresh_dashboard", stdout=io.StringIO())
    tho_xuan = AdministrativeUnit.objects.get(code="395")
    leader = UserFactory(username="ld", role=Role.LEADERSHIP, unit=tho_xuan)

    for year in (2023, 2024):
        # when
        data = selectors.dashboard_data(leader, tho_xuan, year, TODAY)
        report = build_poverty_report(unit=tho_xuan, period=Period("year", year), output=tmp_path / f"{year}.xlsx")

        # then: the same numbers, commune by commune and in total, and they are not all zero
        assert [c.row.values() for c in data.children] == [r.values() for r in report.rows[:-1]]
        assert data.total_row.values() == report.total.values()
        assert data.total_row.figures.identity_holds
        assert data.headline.poor > 0 and data.headline.poor_rate is not None
    assert data.headline.quota == 180 and data.headline.reduced > 0


def test_measured_targets_get_their_actual_from_the_figures(dataset, district, commune_b, leadership):
    from decimal import Decimal

    from plans.models import IndicatorTarget, Plan, TargetMeasure, TargetProgress
    from tests.reports.factories import total

    figures_refresh_all()
    plan = Plan.objects.get(code="thoxuan-2024")
    reduced = IndicatorTarget.objects.create(plan=plan, name="Giảm số hộ nghèo", measure_unit="hộ", value_min=3,
                                             period="in_year", year=2024, measure=TargetMeasure.POOR_REDUCED)
    rate_b = IndicatorTarget.objects.create(plan=plan, name="Tỷ lệ hộ nghèo Thọ Lâm", measure_unit="%",
                                            value_min=Decimal("1"), comparison="at_most", period="in_year",
                                            year=2024, applies_to_unit=commune_b,
                                            measure=TargetMeasure.POOR_RATE_END)
    drop = IndicatorTarget.objects.create(plan=plan, name="Giảm tỷ lệ hộ nghèo", measure_unit="%",
                                          value_min=Decimal("0.3"), period="in_year", year=2024,
                                          measure=TargetMeasure.POOR_RATE_DROP)
    typed = IndicatorTarget.objects.create(plan=plan, name="Mô hình sinh kế", measure_unit="mô hình", value_min=2)
    TargetProgress.objects.create(target=typed, period_label="6 tháng", as_of=datetime.date(2024, 6, 30),
                                  actual_value=2)
    total(commune_b, 2023, 100)

    lines = {line.target.pk: line for line in selectors.dashboard_data(leadership, district, 2024, TODAY).targets}

    # 1 household fewer against 3: red; Thọ Lâm 1 poor of 100 = 1 % ≤ 1 %: green
    assert (lines[reduced.pk].actual, lines[reduced.pk].light, lines[reduced.pk].measured) == (1, "red", True)
    assert (lines[rate_b.pk].actual, lines[rate_b.pk].light) == (Decimal("1"), "green")
    # the district's rate needs every commune's total (Xuân Bái has none): no actual, grey, never 0
    assert (lines[drop.pk].actual, lines[drop.pk].light) == (None, "grey")
    # a typed target keeps its progress entry
    assert (lines[typed.pk].actual, lines[typed.pk].light, lines[typed.pk].measured) == (2, "green", False)
