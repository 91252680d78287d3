"""Issue 14, point 5: a staff role is labelled with the office of the unit's period (Sở LĐTBXH until 28/02/2025,
Sở Nông nghiệp và Môi trường from 01/03/2025), or the account's own agency."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from directory.models import Role
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_label_follows_the_period_or_the_agency(province, district):
    staff = UserFactory(username="tinh", role=Role.PROVINCE_STAFF, unit=province)
    with freeze_time("2025-02-28"):
        assert staff.role_label == "Cán bộ cấp tỉnh (Sở LĐTBXH)"
    with freeze_time("2026-12-03"):
        assert staff.role_label == "Cán bộ cấp tỉnh (Sở Nông nghiệp và Môi trường)"
    district.valid_to = datetime.date(2025, 2, 1)  # a unit that ended before: labelled on its last day
    huyen = UserFactory(username="huyen_cu", role=Role.DISTRICT_STAFF, unit=district)
    with freeze_time("2026-12-03"):
        assert huyen.role_label == "Cán bộ cấp huyện (Phòng LĐTBXH)"
    agency = AgencyFactory(name="Sở Nông nghiệp và Môi trường", unit=province)
    snnmt = UserFactory(username="snnmt", role=Role.PROVINCE_STAFF, unit=province, agency=agency)
    assert snnmt.role_label == "Cán bộ cấp tỉnh (Sở Nông nghiệp và Môi trường)"
    assert UserFactory(username="xa_x", role=Role.COMMUNE_OFFICIAL, unit=province).role_label == "Cán bộ cấp xã"


def test_the_home_page_shows_it(client_for, province):
    staff = UserFactory(username="tinh2", role=Role.PROVINCE_STAFF, unit=province)
    with freeze_time("2026-12-03"):
        body = client_for(staff).get(reverse("home")).content.decode()
    assert "Cán bộ cấp tỉnh (Sở Nông nghiệp và Môi trường)" in body and "Sở LĐTBXH" not in body
