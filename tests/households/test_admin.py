import pytest
from django.urls import reverse

from households.models import PovertyStandard

pytestmark = pytest.mark.django_db


def test_admin_household_list_is_scoped_and_read_only(client_for, district_staff, household_a, household_b,
                                                      other_district):
    from directory.models import Role
    from tests.factories import UserFactory

    from .factories import HouseholdFactory

    outside = HouseholdFactory(commune__parent=other_district, code="NGOAI1")
    client = client_for(district_staff)
    body = client.get(reverse("admin:households_household_changelist")).content.decode()
    assert "XB001" in body and "TL001" in body and outside.code not in body
    assert client.get(reverse("admin:households_household_add")).status_code == 403
    # another district's staff does not see Thọ Xuân households
    other = UserFactory(username="khac", role=Role.DISTRICT_STAFF, unit=other_district, is_staff=True)
    body = client_for(other).get(reverse("admin:households_household_changelist")).content.decode()
    assert "XB001" not in body


def test_admin_edits_standards_only_with_reference_capability(client_for, admin_user_, district_staff):
    standard = PovertyStandard.objects.get(code="nd07-2021")
    url = reverse("admin:households_povertystandard_change", args=[standard.pk])
    assert client_for(admin_user_).get(url).status_code == 200
    response = client_for(district_staff).get(url)
    assert response.status_code == 200 and 'name="_save"' not in response.content.decode()
