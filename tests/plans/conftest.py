"""Plans fixtures: a Thọ Xuân-like district plan with a two-commune quota table and tasks for two agencies."""

import pytest

from tests.factories import AgencyFactory

from . import fake_households
from .factories import PlanFactory, QuotaRowFactory, QuotaTableFactory, TaskFactory


@pytest.fixture
def plan(district):
    return PlanFactory(code="thoxuan-2024", number="", title="Kế hoạch giảm nghèo năm 2024", unit=district)


@pytest.fixture
def other_plan(other_district):
    return PlanFactory(code="thuongxuan-2024", number="12/KH-UBND", unit=other_district)


@pytest.fixture
def quota_table(plan, commune_a, commune_b):
    table = QuotaTableFactory(plan=plan, year=2024, target_total=7, target_without_labour=2, target_with_labour=5)
    QuotaRowFactory(table=table, commune=commune_a, order=1, without_labour=1, with_labour=3, total=4)
    QuotaRowFactory(table=table, commune=commune_b, order=2, without_labour=1, with_labour=2, total=3, note="ghi chú")
    return table


@pytest.fixture
def other_agency(district):
    return AgencyFactory(name="Phòng Nội vụ", unit=district)


@pytest.fixture
def own_task(plan, agency):
    return TaskFactory(plan=plan, agency=agency, text="Hướng dẫn các xã tiếp cận dịch vụ y tế")


@pytest.fixture
def foreign_task(plan, other_agency):
    return TaskFactory(plan=plan, agency=other_agency, text="Rà soát cán bộ làm công tác giảm nghèo")


@pytest.fixture
def household_counts(settings):
    """Point POOR_HOUSEHOLD_COUNTS at a stand-in; tests fill ``fake_households.COUNTS``."""
    settings.POOR_HOUSEHOLD_COUNTS = "tests.plans.fake_households.poor_household_counts"
    fake_households.COUNTS.clear()
    yield fake_households.COUNTS
    fake_households.COUNTS.clear()
