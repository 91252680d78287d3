"""The admin pages of the reports app load for an administrator and are scoped for staff."""

import pytest
from django.urls import reverse

from reports.models import HouseholdTotal
from tests.reports.factories import DutyFactory, RunFactory

pytestmark = pytest.mark.django_db


def test_admin_pages_load_and_are_scoped(client_for, admin_user_, district_staff, district, commune_a, commune_c):
    duty = DutyFactory(owner_unit=district)
    run = RunFactory(duty=duty, reporting_unit=commune_a)
    other = RunFactory(duty=DutyFactory(owner_unit=commune_c.parent), reporting_unit=commune_c)
    HouseholdTotal.objects.create(commune=commune_a, year=2024, total=100)
    admin = client_for(admin_user_)
    for name, args in [("reports_reportingduty_changelist", []), ("reports_reportingduty_change", [duty.pk]),
                       ("reports_reportrun_changelist", []), ("reports_reportrun_change", [run.pk]),
                       ("reports_householdtotal_changelist", []), ("reports_reminderlog_changelist", [])]:
        assert admin.get(reverse(f"admin:{name}", args=args)).status_code == 200, name
    staff = client_for(district_staff)
    page = staff.get(reverse("admin:reports_reportrun_changelist"))
    assert page.status_code == 200
    assert list(page.context["cl"].queryset) == [run]
    assert staff.get(reverse("admin:reports_reportrun_change", args=[other.pk])).status_code == 302  # "not found"
