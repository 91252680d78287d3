import datetime
from decimal import Decimal

import pytest

from plans.models import Plan, TargetProgress
from plans.selectors import QuotaFigures, get_plan, quota_by_commune, targets_with_latest_actual

from .factories import IndicatorTargetFactory, PlanFactory, QuotaRowFactory, QuotaTableFactory

pytestmark = pytest.mark.django_db


def test_get_plan_by_code_or_number(district, province):
    draft = PlanFactory(code="thoxuan-2024", number="", unit=district)
    issued = PlanFactory(code="yenbai-81-2022", number="81/KH-UBND", unit=province)
    assert get_plan("thoxuan-2024") == draft
    assert get_plan(" 81/kh-ubnd ") == issued
    with pytest.raises(Plan.DoesNotExist, match="Không tìm thấy kế hoạch"):
        get_plan("")
    with pytest.raises(Plan.DoesNotExist, match="82/KH-UBND"):
        get_plan("82/KH-UBND")


def test_get_plan_refuses_an_ambiguous_number(district, other_district):
    PlanFactory(code="a", number="72/KH-UBND", unit=district)
    PlanFactory(code="b", number="72/KH-UBND", unit=other_district)
    with pytest.raises(Plan.DoesNotExist, match="khớp nhiều kế hoạch"):
        get_plan("72/KH-UBND")
    assert get_plan("b").code == "b"


def test_get_plan_respects_scope(district_staff, other_plan):
    with pytest.raises(Plan.DoesNotExist):
        get_plan(other_plan.code, user=district_staff)


def test_quota_by_commune(quota_table, commune_a, commune_b, commune_c):
    assert quota_by_commune(year=2024) == {commune_a.pk: QuotaFigures(4, 1, 3), commune_b.pk: QuotaFigures(3, 1, 2)}
    assert quota_by_commune(year=2024, commune_ids=[commune_b.pk, commune_c.pk]) == {
        commune_b.pk: QuotaFigures(3, 1, 2)}
    assert quota_by_commune(year=2025) == {}
    assert quota_by_commune(year=2024, commune_ids=[]) == {}


def test_most_specific_then_latest_plan_wins(quota_table, province, district, commune_a):
    # a province-wide plan also sets Xuân Bái's 2024 quota: the district's own plan wins
    province_plan = PlanFactory(unit=province, issue_date=datetime.date(2024, 5, 1))
    QuotaRowFactory(table=QuotaTableFactory(plan=province_plan, year=2024), commune=commune_a,
                    without_labour=5, with_labour=5, total=10)
    assert quota_by_commune(year=2024)[commune_a.pk] == QuotaFigures(4, 1, 3)
    # a later district plan (an adjustment) wins over the earlier draft
    revision = PlanFactory(unit=district, issue_date=datetime.date(2024, 9, 1))
    QuotaRowFactory(table=QuotaTableFactory(plan=revision, year=2024), commune=commune_a,
                    without_labour=2, with_labour=4, total=6)
    assert quota_by_commune(year=2024)[commune_a.pk] == QuotaFigures(6, 2, 4)


def test_targets_carry_their_latest_actual(plan):
    target = IndicatorTargetFactory(plan=plan, value_min=Decimal("2.2"), measure_unit="%", comparison="at_most")
    untouched = IndicatorTargetFactory(plan=plan)
    TargetProgress.objects.create(target=target, period_label="2023", as_of=datetime.date(2023, 12, 31),
                                  actual_value=Decimal("3.1"))
    TargetProgress.objects.create(target=target, period_label="2024", as_of=datetime.date(2024, 12, 31),
                                  actual_value=Decimal("2.05"), source="Rà soát cuối năm")
    rows = {t.pk: t for t in targets_with_latest_actual(plan)}
    assert rows[target.pk].latest_actual == Decimal("2.05")
    assert rows[target.pk].latest_period == "2024" and rows[target.pk].latest_source == "Rà soát cuối năm"
    assert rows[target.pk].is_met_by(rows[target.pk].latest_actual) is True
    assert rows[untouched.pk].latest_actual is None and rows[untouched.pk].is_met_by(None) is None


def test_value_labels():
    target = IndicatorTargetFactory.build(value_min=Decimal("3.3"), measure_unit="%", period="per_year",
                                          comparison="about")
    assert target.value_label == "3,3 %/năm"
    target = IndicatorTargetFactory.build(value_min=160, value_max=200, measure_unit="người")
    assert target.value_label == "160–200 người"
    assert target.is_met_by(Decimal(170)) is True
