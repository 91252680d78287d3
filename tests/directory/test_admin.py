"""The admin goes through the same scope: lists, ids typed in the URL, and write rights."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_changelist_is_scoped(client_for, district_staff, commune_a, commune_c):
    response = client_for(district_staff).get(reverse("admin:directory_administrativeunit_changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Xuân Bái" in body and "Xuân Cao" not in body


def test_admin_out_of_scope_id_is_not_shown(client_for, district_staff, commune_c):
    url = reverse("admin:directory_administrativeunit_change", args=[commune_c.pk])
    response = client_for(district_staff).get(url)
    # Django admin redirects to the index with "does not exist" for ids outside get_queryset
    assert response.status_code == 302
    assert "Xuân Cao" not in client_for(district_staff).get(response["Location"]).content.decode()


def test_staff_cannot_edit_reference_data(client_for, district_staff, commune_a):
    url = reverse("admin:directory_administrativeunit_change", args=[commune_a.pk])
    response = client_for(district_staff).post(url, {"code": "1", "name": "Đổi tên", "kind": "xa"})
    assert response.status_code == 403


def test_admin_can_edit_everything(client_for, admin_user_, commune_c):
    url = reverse("admin:directory_administrativeunit_change", args=[commune_c.pk])
    assert client_for(admin_user_).get(url).status_code == 200
