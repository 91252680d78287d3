"""The dashboard opens on the latest year whose periodic review is complete for most of the unit, and says
how complete each year is ("2026: 1/30 xã đã có kết quả")."""

import datetime

import pytest
from django.urls import reverse

from dashboard.selectors import YearCompletion, default_year, year_completion
from dashboard.services import figures_refresh_all
from tests.factories import CommuneFactory
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db


def test_default_year_is_pure():
    today = datetime.date(2026, 3, 1)
    completion = {2026: YearCompletion(2026, 1, 30), 2025: YearCompletion(2025, 29, 30),
                  2024: YearCompletion(2024, 30, 30)}
    assert default_year([2026, 2025, 2024], today, completion) == 2025
    assert default_year([2026, 2025], today, {2026: YearCompletion(2026, 1, 30)}) == 2026  # none complete
    assert default_year([], today, {}) == 2026
    assert YearCompletion(2026, 1, 30).label == "2026: 1/30 xã đã có kết quả"
    assert not YearCompletion(2026, 15, 30).is_mostly_complete and YearCompletion(2026, 16, 30).is_mostly_complete


def test_one_early_approval_does_not_move_the_dashboard(client_for, leadership, district, commune_a, commune_b):
    third = CommuneFactory(code="15599", name="Xuân Phú", parent=district)
    for commune in (commune_a, commune_a, commune_b, third):  # two households in Xuân Bái count once
        make_review(HouseholdFactory(commune=commune), year=2024, status="approved")
    # 2025: one early approval in Xuân Bái; Thọ Lâm has only submitted its review
    make_review(HouseholdFactory(commune=commune_a), year=2025, status="approved")
    make_review(HouseholdFactory(commune=commune_b), year=2025, status="submitted")
    figures_refresh_all()
    completion = year_completion(district, [2025, 2024])
    assert (completion[2025].done, completion[2025].total) == (1, 3)
    assert (completion[2024].done, completion[2024].total) == (3, 3)
    response = client_for(leadership).get(reverse("dashboard:index"))
    assert response.context["data"].year == 2024
    body = response.content.decode()
    assert "2025: 1/3 xã đã có kết quả" in body and "2024: 3/3 xã đã có kết quả" in body
    # choosing the year still works
    assert client_for(leadership).get(reverse("dashboard:index"), {"nam": 2025}).context["data"].year == 2025


def test_every_report_page_opens_on_the_same_year(client_for, district_staff, district, commune_a, commune_b):
    """Issue 14, point 4: the calendar, the completeness table and the household totals open on the dashboard's
    year (``opening_year``), not on this year; a year chosen in the filter still wins."""
    third = CommuneFactory(code="15599", name="Xuân Phú", parent=district)
    for commune in (commune_a, commune_b, third):
        make_review(HouseholdFactory(commune=commune), year=2024, status="approved")
    make_review(HouseholdFactory(commune=commune_a), year=2025, status="approved")  # one early approval
    figures_refresh_all()
    client = client_for(district_staff)
    for name in ("reports:calendar", "reports:completeness", "reports:household_totals"):
        page = client.get(reverse(name))
        assert page.status_code == 200, name
        assert page.context["form"]["year"].value() == "2024", name
        assert client.get(reverse(name), {"year": 2025}).context["form"]["year"].value() in ("2025", 2025), name
