"""Issue 14, point 5: a unit that ended on 30/06/2025 owes no report after its end: its unsent reports leave the
to-do list and the reminders (no "quá hạn 500 ngày"), no run opens for a due date after its end."""

import datetime

import pytest

from directory.models import Role
from reports.models import ReportRun
from reports.services.runs import runs_open
from reports.todo import items
from tests.factories import UserFactory

from .factories import DutyFactory, RunFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 3)


def test_an_ended_district_has_no_report_to_do_after_its_end(province, district):
    district.valid_to = datetime.date(2025, 6, 30)
    district.save()
    duty = DutyFactory(owner_unit=province, reporter_level="district", first_year=2024, last_year=None)
    run = RunFactory(duty=duty, reporting_unit=district)  # 2024, due 30/10/2024, never sent
    staff = UserFactory(username="huyen_cu", role=Role.DISTRICT_STAFF, unit=district)
    assert [i for i in items(staff, datetime.date(2024, 11, 5)) if i.kind == "report"]  # late while it existed
    assert not [i for i in items(staff, TODAY) if i.kind == "report"]
    assert list(ReportRun.objects.still_owed(TODAY)) == []
    assert list(ReportRun.objects.still_owed(datetime.date(2025, 6, 30))) == [run]
    runs_open(today=TODAY, duties=[duty])
    years = set(ReportRun.objects.filter(reporting_unit=district).values_list("year", flat=True))
    assert years == {2024}  # 2025's annual report is due 30/10/2025, after the district ended


def test_an_ended_communes_account_reports_for_the_xa_it_works_in(reform):
    """An account follows its unit's lineage: Xuân Bái's account reports Xã Lam Sơn's runs (to-do list,
    reminders), and may still finish Xuân Bái's own."""
    from reports.periods import Period
    from reports.policy import is_reporter
    from reports.services.daily import _recipients

    duty = DutyFactory(owner_unit=reform.thanh_hoa, reporter_level="commune", first_year=2026, last_year=None)
    new_run = RunFactory(duty=duty, reporting_unit=reform.new["Lam Sơn"], period=Period("year", 2026, 1))
    old_run = RunFactory(duty=DutyFactory(owner_unit=reform.tho_xuan_district, reporter_level="commune"),
                         reporting_unit=reform.old["Xuân Bái"])
    xuanbai = UserFactory(username="xb_rep", role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"],
                          email="xb@example.vn")
    district = UserFactory(username="h_rep", role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district,
                           email="h@example.vn")
    assert is_reporter(xuanbai, new_run) and is_reporter(xuanbai, old_run)
    assert set(ReportRun.objects.for_reporter(xuanbai)) == {new_run, old_run}
    assert [i for i in items(xuanbai, datetime.date(2026, 10, 28)) if i.kind == "report"]
    assert _recipients([new_run]) == {new_run.pk: [xuanbai]}
    assert not is_reporter(district, new_run)
