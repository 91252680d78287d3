"""The dashboard's reads stay lean (issue 12): a pinned number of queries at each scope, and the figures the
leaner reads give are the ones the page showed before (years, breadcrumbs, the map's province, targets'
latest progress, the funds block)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboard import selectors
from dashboard.map import province_of
from dashboard.services import figures_refresh_all
from funds.models import FundAllocation, FundLine
from funds.reporting import dashboard_fund_rates
from plans.models import IndicatorTarget, Plan, TargetProgress, format_number
from tests.factories import UserFactory
from tests.plans.factories import ProjectFactory

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:index")
TODAY = datetime.date(2025, 3, 1)

# Queries of one dashboard page (session and user included), with the dataset's 2024 figures and no fund line.
# Before issue 12's pass: 22 at a commune or a district, 21 at a province (the lineage's units for the
# breadcrumbs and the map's province each a query; two grouped fund queries for no fund line).
PAGE_QUERIES = {"commune": 19, "district": 19, "province": 19, "admin": 18}


@pytest.fixture
def figures(dataset):
    figures_refresh_all()
    return dataset


def _page(client, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return response, ctx.captured_queries


@pytest.mark.parametrize("scope", ["commune", "district", "province", "admin"])
def test_the_dashboard_reads_a_pinned_number_of_queries(scope, client_for, figures, commune_a_user, district_staff,
                                                        province_staff, province):
    user, params = {
        "commune": (commune_a_user, {"nam": 2024}),
        "district": (district_staff, {"nam": 2024}),
        "province": (province_staff, {"don_vi": province.pk, "nam": 2024}),
        "admin": (UserFactory(username="quantri", is_superuser=True), {"don_vi": province.pk, "nam": 2024}),
    }[scope]
    client = client_for(user)
    client.get(URL, params)  # warm: the session's first write, caches

    response, queries = _page(client, params)

    assert len(queries) == PAGE_QUERIES[scope], "\n".join(q["sql"][:160] for q in queries)
    # no fund line in the dataset: one probe, not the grouped reads of lines and allocations
    funds = [q["sql"] for q in queries if "funds_fund" in q["sql"]]
    assert len(funds) == 1 and "EXISTS" in funds[0].upper()
    assert response.context["data"].headline.poor > 0


def test_breadcrumbs_and_the_maps_province_come_with_the_unit(figures, commune_a, district, province, leadership,
                                                               province_staff):
    unit = selectors.dashboard_unit(leadership, commune_a.pk)  # reads the unit's scope and the unit
    with CaptureQueriesContext(connection) as ctx:
        crumbs = selectors.breadcrumbs(leadership, unit)
        top = province_of(unit)
    assert len(ctx.captured_queries) == 0
    # the district user may not open the province: it is not a crumb, though it is the map's province
    assert crumbs == [district, commune_a]
    assert top == province
    # a province user gets the whole chain
    assert selectors.breadcrumbs(province_staff, selectors.dashboard_unit(province_staff, commune_a.pk)) == [
        province, district, commune_a]


def test_figure_years_reads_each_year_once(figures, province):
    with CaptureQueriesContext(connection) as ctx:
        years = selectors.figure_years(province)
    assert years == [2024, 2023, 2022]
    # one row per year: the model's ordering (commune path) does not join the DISTINCT
    (query,) = ctx.captured_queries
    select = query["sql"].split(" FROM ")[0]
    assert '"path"' not in select


def test_a_typed_targets_latest_progress_entry(figures, district, leadership):
    plan = Plan.objects.get(code="thoxuan-2024")
    typed = IndicatorTarget.objects.create(plan=plan, name="Mô hình sinh kế", measure_unit="mô hình", value_min=4)
    empty = IndicatorTarget.objects.create(plan=plan, name="Lớp tập huấn", measure_unit="lớp", value_min=2)
    TargetProgress.objects.create(target=typed, period_label="6 tháng", as_of=datetime.date(2024, 6, 30),
                                  actual_value=2)
    TargetProgress.objects.create(target=typed, period_label="năm 2024", as_of=datetime.date(2024, 12, 31),
                                  actual_value=3)
    TargetProgress.objects.create(target=typed, period_label="năm 2024 (sửa)", as_of=datetime.date(2024, 12, 31),
                                  actual_value=5)
    TargetProgress.objects.create(target=typed, period_label="quý 3", as_of=datetime.date(2024, 9, 30),
                                  actual_value=4)

    lines = selectors.dashboard_data(leadership, district, 2024, TODAY).targets

    # each target once, in the plan's order; the latest as_of, and of two the same day the later entry
    assert [line.target.pk for line in lines] == [typed.pk, empty.pk]
    assert (lines[0].actual, lines[0].as_of, lines[0].period_label, lines[0].light) == (
        5, datetime.date(2024, 12, 31), "năm 2024 (sửa)", "green")
    assert (lines[1].actual, lines[1].as_of, lines[1].period_label, lines[1].light) == (None, None, None, "grey")


def test_the_funds_probe_still_finds_an_allocation_from_a_plan_above(figures, district, commune_a, commune_b,
                                                                    leadership, commune_a_user, commune_b_user):
    assert not dashboard_fund_rates(unit=district, year=2024, user=leadership).has_data

    plan = Plan.objects.get(code="thoxuan-2024")  # the district's plan: above the commune
    line = FundLine.objects.create(plan=plan, project=ProjectFactory(plan=plan, number=1), year=2024,
                                   source="ns_trung_uong", estimate=900)
    FundAllocation.objects.create(line=line, commune=commune_a, amount=600)

    mine = dashboard_fund_rates(unit=commune_a, year=2024, user=commune_a_user)
    assert mine.has_data and mine.total.allocated == 600
    assert [r.allocated for r in mine.by_unit] == [600]
    whole = dashboard_fund_rates(unit=district, year=2024, user=leadership)
    assert (whole.total.estimate, whole.total.allocated) == (900, 600)
    # the other commune has nothing of it
    assert not dashboard_fund_rates(unit=commune_b, year=2024, user=commune_b_user).has_data
    assert not dashboard_fund_rates(unit=district, year=2025, user=leadership).has_data


@pytest.mark.parametrize("value, text", [
    (0, "0"), (7, "7"), (2500, "2.500"), (-1234567, "-1.234.567"),  # counts: no Decimal
    (12.5, "12,5"), (2.0, "2"), (100.0, "100"), (0.05, "0,05"), (1234.25, "1.234,25"), (-0.0, "-0"),  # rates
    (1e-05, "0,00001"), (1e22, "10.000.000.000.000.000.000.000"),  # a float printed with an exponent
    (Decimal("2.150"), "2,15"), (Decimal("1E+3"), "1.000"), (None, ""),
])
def test_numbers_are_formatted_as_before(value, text):
    assert format_number(value) == text
