"""The funds in the admin: scoped like the other admin pages, read-only (entries go through the funds screens'
services), with filters and search, amounts with Vietnamese separators."""

import pytest
from django.urls import reverse

from directory.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_funds_admin_pages_are_scoped_read_only_and_show_dong(client_for, district_staff, funds_data,
                                                              other_district):
    client = client_for(district_staff)
    lines = client.get(reverse("admin:funds_fundline_changelist")).content.decode()
    assert "1.000.000.000" in lines and "250.000.000" in lines
    assert "Dự toán (đồng)" in lines or "dự toán (đồng)" in lines
    allocations = client.get(reverse("admin:funds_fundallocation_changelist")).content.decode()
    assert "400.000.000" in allocations and "300.000.000" in allocations
    disbursements = client.get(reverse("admin:funds_funddisbursement_changelist"),
                               {"quarter": 1}).content.decode()
    assert "120.000.000" in disbursements and "90.000.000" not in disbursements  # the quarter filter
    found = client.get(reverse("admin:funds_funddisbursement_changelist"), {"q": "30/UNC"}).content.decode()
    assert "150.000.000" in found and "120.000.000" not in found
    # an allocation's page lists its disbursements, read-only
    page = client.get(reverse("admin:funds_fundallocation_change", args=[funds_data["xb"].pk])).content.decode()
    assert "120.000.000" in page and "150.000.000" in page and 'name="_save"' not in page
    for model in ("fundline", "fundallocation", "funddisbursement"):
        assert client.get(reverse(f"admin:funds_{model}_add")).status_code == 403
    # another district's staff see none of Thọ Xuân's money
    other = UserFactory(username="khac_kp", role=Role.DISTRICT_STAFF, unit=other_district, is_staff=True)
    body = client_for(other).get(reverse("admin:funds_fundline_changelist")).content.decode()
    assert "1.000.000.000" not in body
    response = client_for(other).get(reverse("admin:funds_fundline_change", args=[funds_data["line"].pk]))
    assert response.status_code == 302  # Django admin's "does not exist": the row is outside the scope
