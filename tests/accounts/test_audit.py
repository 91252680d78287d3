"""The audit log: every login, failed login, export of household data and change of role is written, and
administrators filter it and take it away as Excel."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AuditAction, AuditEvent
from directory.models import Role
from tests.factories import UserFactory
from tests.households.test_import_export import xuan_bai_lists  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_login_and_failed_login_are_written_with_address_and_unit(client, commune_a_user):
    commune_a_user.set_password("Dung-mat-khau-2024")
    commune_a_user.save()
    client.post(reverse("login"), {"username": "xa_a", "password": "sai"}, REMOTE_ADDR="10.2.3.4")
    client.post(reverse("login"), {"username": "=cmd|' /C calc'!A0", "password": "sai"}, REMOTE_ADDR="10.2.3.4")
    client.post(reverse("login"), {"username": "xa_a", "password": "Dung-mat-khau-2024"}, REMOTE_ADDR="10.2.3.4")
    failed = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).order_by("pk")
    assert [e.username for e in failed] == ["xa_a", "=cmd|' /C calc'!A0"]
    assert failed[0].user == commune_a_user and failed[1].user is None
    login = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert (login.user, login.unit, login.ip_address) == (commune_a_user, commune_a_user.unit, "10.2.3.4")
    assert login.request_id  # the same id as the request's log lines


def test_every_download_of_household_data_is_written(client_for, district_staff, commune_a):
    client = client_for(district_staff)
    response = client.get(reverse("households:escape_list_export"))
    assert response.status_code == 200
    response = client.get(reverse("households:approval_queue_export"))
    assert response.status_code == 200
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT).order_by("pk")
    assert [e.path.split("?")[0] for e in exports] == [reverse("households:escape_list_export"),
                                                       reverse("households:approval_queue_export")]
    assert all(e.user == district_staff and e.detail.startswith("Tệp: ") for e in exports)
    assert exports[0].detail.endswith(".xlsx")


def test_pages_are_not_exports(client_for, district_staff):
    client_for(district_staff).get(reverse("households:household_list"))
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_export_command_is_written(tmp_path, xuan_bai_lists, commune_a):  # noqa: F811
    output = tmp_path / "xuat.xlsx"
    call_command("export_households", commune="15547", year=2024, output=str(output), user="huyen",
                 stdout=io.StringIO())
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.username == "huyen" and "3 hộ" in event.detail and str(output) in event.detail
    assert event.path == "manage.py export_households"


def test_a_change_of_role_or_unit_is_written_with_who_did_it(client_for, admin_user_, commune_a_user, district):
    client = client_for(admin_user_)
    data = {"username": "xa_a", "role": Role.DISTRICT_STAFF, "unit": district.pk, "is_active": "on",
            "date_joined_0": "01/01/2024", "date_joined_1": "08:00:00",
            "version": getattr(commune_a_user, "version", 0)}
    response = client.post(reverse("admin:directory_user_change", args=[commune_a_user.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.exclude(detail__startswith="Tạo tài khoản").get(action=AuditAction.ROLE_CHANGE,
                                                                               user=commune_a_user)
    assert event.actor == "quantri"
    assert "vai trò: Cán bộ cấp xã → Cán bộ cấp huyện (Phòng LĐTBXH)" in event.detail
    assert "đơn vị: " in event.detail and "Thọ Xuân" in event.detail


def test_saving_a_user_without_a_role_change_writes_nothing(commune_a_user):
    commune_a_user.first_name = "An"
    commune_a_user.save()
    commune_a_user.save(update_fields=["last_login"])
    changes = AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGE, user=commune_a_user)
    assert [e.detail for e in changes] == ["Tạo tài khoản; vai trò: Cán bộ cấp xã; đơn vị: Xuân Bái"]


def test_a_role_change_from_the_shell_is_written(commune_a_user):
    commune_a_user.is_superuser = True
    commune_a_user.save()
    event = AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGE, user=commune_a_user).first()  # newest
    assert event.detail == "toàn quyền: không → có" and event.actor == "hệ thống (dòng lệnh)"


def test_administrators_filter_the_log_and_export_what_they_filtered(client, client_for, admin_user_,
                                                                      commune_a_user):
    client.post(reverse("login"), {"username": "=HYPERLINK(\"x\")", "password": "sai"})
    client.post(reverse("login"), {"username": "xa_a", "password": "sai"})
    UserFactory(username="moi", role=Role.LEADERSHIP, unit=commune_a_user.unit)  # a role_change line
    admin = client_for(admin_user_)
    changelist = reverse("admin:accounts_auditevent_changelist")
    page = admin.get(changelist, {"action__exact": "login_failed"}).content.decode()
    assert "Tải Excel (theo bộ lọc đang chọn)" in page and "?action__exact=login_failed" in page
    response = admin.get(reverse("admin:accounts_auditevent_excel"), {"action__exact": "login_failed"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Thời điểm", "Sự kiện", "Tên đăng nhập")
    assert sorted(r[2] for r in rows[1:]) == ["'=HYPERLINK(\"x\")", "xa_a"]  # never a formula
    assert {r[1] for r in rows[1:]} == {"Đăng nhập sai"}
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    # a search narrows the same way
    response = admin.get(reverse("admin:accounts_auditevent_excel"), {"q": "xa_a", "action__exact": "login_failed"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == ["xa_a"]
    # and the download itself is in the log
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, user=admin_user_).count() == 2
