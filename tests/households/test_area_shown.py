"""Issue 14, point 5: the household page's header shows the area of the review it shows (a TT Lam Sơn household
stored as urban, reviewed rural in 2026 in Xã Lam Sơn, says "Nông thôn"), not the stored default."""

import pytest
from django.urls import reverse

from directory.models import Role
from tests.factories import CommuneFactory, UserFactory
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db


def test_the_header_follows_the_latest_review(client_for, district, commune_a):
    township = CommuneFactory(code="15556", name="Lam Sơn", kind="thi_tran", parent=district)
    household = HouseholdFactory(commune=township, code="LS001", area="urban")
    make_review(household, year=2024, status="approved")
    user = UserFactory(username="tt_ls", role=Role.COMMUNE_OFFICIAL, unit=township)
    client = client_for(user)
    url = reverse("households:household_detail", kwargs={"pk": household.pk})
    assert "Thành thị <span class=\"muted\">(theo kết quả rà soát năm 2024)" in client.get(url).content.decode()
    review = make_review(household, year=2025, status="approved")
    review.area = "rural"
    review.save(update_fields=["area"])
    body = client.get(url).content.decode()
    assert "Nông thôn <span class=\"muted\">(theo kết quả rà soát năm 2025)" in body


def test_without_a_review_the_header_says_the_area_of_today(client_for, district, commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a, code="XB900", area="urban")  # a stale stored default
    body = client_for(commune_a_user).get(reverse("households:household_detail", kwargs={"pk": household.pk}))
    assert "Nông thôn <span class=\"muted\">(theo xã, phường hiện nay)" in body.content.decode()
