"""Administrators and province roles start on a unit search box, not on an arbitrary province."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:index")


def test_province_staff_start_on_the_unit_picker_then_see_the_chosen_unit(client_for, province_staff, province,
                                                                          district):
    client = client_for(province_staff)
    page = client.get(URL)
    body = page.content.decode()
    assert "Tổng quan giảm nghèo: chọn đơn vị" in body and 'role="search"' in body
    assert f"?don_vi={province.pk}" in body  # the whole province is one click away
    chosen = client.get(URL, {"don_vi": district.pk})
    assert chosen.context["data"].unit == district


def test_administrator_starts_on_the_picker_with_the_provinces(client, province):
    admin = UserFactory(username="qt", role="admin", unit=None, is_staff=True, is_superuser=True)
    client.force_login(admin)
    body = client.get(URL).content.decode()
    assert "chọn đơn vị" in body and province.name in body


def test_district_and_commune_roles_open_their_own_unit(client_for, leadership, district):
    assert client_for(leadership).get(URL).context["data"].unit == district
