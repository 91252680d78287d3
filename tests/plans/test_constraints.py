"""The quota and plan invariants hold in the database itself, whatever code writes the rows."""

import pytest
from django.db import IntegrityError, transaction

from plans.models import IndicatorTarget, Plan, QuotaRow, QuotaTable

from .factories import PlanFactory, QuotaTableFactory

pytestmark = pytest.mark.django_db


def _insert(**kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuotaRow.objects.create(**kwargs)


def test_row_must_add_up(quota_table, commune_c):
    _insert(table=quota_table, commune=commune_c, total=5, without_labour=1, with_labour=3)


@pytest.mark.parametrize("figures", [(-1, -1, 0), (0, 1, -1), (-2, -1, -1)])
def test_row_figures_non_negative(quota_table, commune_c, figures):
    total, without, with_ = figures
    _insert(table=quota_table, commune=commune_c, total=total, without_labour=without, with_labour=with_)


def test_one_row_per_commune(quota_table, commune_a):
    _insert(table=quota_table, commune=commune_a, total=0, without_labour=0, with_labour=0)


def test_valid_row_is_accepted(quota_table, commune_c):
    QuotaRow.objects.create(table=quota_table, commune=commune_c, total=3, without_labour=0, with_labour=3)
    assert quota_table.rows.count() == 3


def test_one_table_per_plan_and_year(quota_table):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuotaTable.objects.create(plan=quota_table.plan, year=quota_table.year)


def test_table_targets_must_add_up(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuotaTableFactory(plan=plan, year=2024, target_total=180, target_without_labour=50, target_with_labour=120)
    QuotaTableFactory(plan=plan, year=2024, target_total=180, target_without_labour=50, target_with_labour=130)


def test_plan_period_ordered(district):
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanFactory(unit=district, first_year=2025, last_year=2022)


def test_draft_numbers_may_repeat_but_issued_numbers_may_not(district):
    PlanFactory(unit=district, number="")
    PlanFactory(unit=district, number="")
    PlanFactory(unit=district, number="81/KH-UBND")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanFactory(unit=district, number="81/KH-UBND")
    assert Plan.objects.filter(number="").count() == 2


def test_target_range_ordered(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorTarget.objects.create(plan=plan, name="Kết nối việc làm", measure_unit="người",
                                       value_min=3000, value_max=2500)
    target = IndicatorTarget.objects.create(plan=plan, name="Kết nối việc làm", measure_unit="người",
                                            value_min=2500, value_max=3000)
    assert target.value_label == "2.500–3.000 người"


def test_in_year_target_needs_year(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorTarget.objects.create(plan=plan, name="Tỷ lệ hộ nghèo", measure_unit="%", value_min=2.2,
                                       period="in_year")
