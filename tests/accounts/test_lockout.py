"""Fault 10: login throttling per account and per IP address (django-axes), a lockout page in Vietnamese, an
administrator's unlock, and every step in the audit log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import AuditAction, AuditEvent, LoginLockout
from directory.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Dung-mat-khau-2024"


@pytest.fixture
def official(commune_a):
    user = UserFactory(username="canbo_xa", role=Role.COMMUNE_OFFICIAL, unit=commune_a)
    user.set_password(PASSWORD)
    user.save()
    return user


def attempt(client, username, password, ip="10.1.1.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_ten_wrong_passwords_lock_the_account_and_the_right_one_does_not_get_in(client, official):
    for _ in range(10):
        response = attempt(client, "canbo_xa", "sai-mat-khau")
        assert not signed_in(client)
    # the right password, now: refused with the lockout page, in Vietnamese
    response = attempt(client, "canbo_xa", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tài khoản tạm thời bị khóa" in page and "quá 10 lần" in page and "30 phút" in page
    assert "kể cả mật khẩu đúng cũng không đăng nhập được" in page
    assert not signed_in(client)
    # from another address too: the account itself is locked
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.9.9.9").status_code == 429
    assert not signed_in(client)
    # the audit log has the ten failures and the lockout
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, username="canbo_xa").count() >= 10
    lockouts = AuditEvent.objects.filter(action=AuditAction.LOCKOUT, username="canbo_xa")
    assert sorted(lockouts.values_list("ip_address", flat=True)) == ["10.1.1.1", "10.9.9.9"]  # one line per lock
    assert {event.user for event in lockouts} == {official}
    assert not AuditEvent.objects.filter(action=AuditAction.LOGIN).exists()


def test_the_lock_lifts_after_the_cool_off(client, official):
    start = timezone.now()
    with freeze_time(start):
        for _ in range(10):
            attempt(client, "canbo_xa", "sai-mat-khau")
        assert attempt(client, "canbo_xa", PASSWORD).status_code == 429
    with freeze_time(start + datetime.timedelta(minutes=20)):
        assert attempt(client, "canbo_xa", PASSWORD).status_code == 429  # still within the 30 minutes
    with freeze_time(start + datetime.timedelta(minutes=51)):  # 30 minutes after the last refused try
        response = attempt(client, "canbo_xa", PASSWORD)
        assert response.status_code == 302 and signed_in(client)
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, user=official).count() == 1


def test_nine_wrong_passwords_do_not_lock(client, official):
    for _ in range(9):
        attempt(client, "canbo_xa", "sai-mat-khau")
    assert attempt(client, "canbo_xa", PASSWORD).status_code == 302
    assert signed_in(client)


def test_one_address_trying_many_accounts_is_locked_too(client, official, commune_b_user, settings):
    for i in range(settings.AXES_IP_FAILURE_LIMIT):
        attempt(client, f"khong-co-{i}", "sai-mat-khau", ip="10.6.6.6")
    # the official's right password from that address is refused...
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.6.6.6").status_code == 429
    assert not signed_in(client)
    # ...and works from their own office
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.1.1.1").status_code == 302
    assert signed_in(client)


def test_a_forged_forwarded_for_header_does_not_dodge_the_ip_lock(client, official, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # behind one reverse proxy, which appends the real address
    for i in range(settings.AXES_IP_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": f"x{i}", "password": "sai"},
                    HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 10.6.6.6", REMOTE_ADDR="127.0.0.1")
    response = client.post(reverse("login"), {"username": "canbo_xa", "password": PASSWORD},
                           HTTP_X_FORWARDED_FOR="8.8.8.8, 10.6.6.6", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 429


def test_administrator_unlocks_from_the_lockout_page(client, client_for, official, admin_user_):
    for _ in range(10):
        attempt(client, "canbo_xa", "sai-mat-khau")
    assert attempt(client, "canbo_xa", PASSWORD).status_code == 429
    admin_client = client_for(admin_user_)
    changelist = reverse("admin:accounts_loginlockout_changelist")
    page = admin_client.get(changelist)
    assert page.status_code == 200 and "canbo_xa" in page.content.decode()
    lockouts = list(LoginLockout.objects.filter(username="canbo_xa").values_list("pk", flat=True))
    response = admin_client.post(changelist, {"action": "unlock_selected", "_selected_action": lockouts})
    assert response.status_code == 302
    admin_client.logout()
    assert attempt(client, "canbo_xa", PASSWORD).status_code == 302 and signed_in(client)
    unlock = AuditEvent.objects.get(action=AuditAction.UNLOCK)
    assert unlock.username == "canbo_xa" and unlock.actor == "quantri"


def test_only_administrators_see_the_lockouts_and_the_log(client_for, district_staff):
    client = client_for(district_staff)
    assert client.get(reverse("admin:accounts_loginlockout_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_auditevent_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_auditevent_excel")).status_code == 403


# ---- a shared address (a commune office behind one NAT): accounts and the address are counted apart

def colleagues(commune, count):
    users = []
    for i in range(count):
        user = UserFactory(username=f"dongnghiep{i}", role=Role.COMMUNE_OFFICIAL, unit=commune)
        user.set_password(PASSWORD)
        user.save()
        users.append(user)
    return users


def test_colleagues_typos_behind_one_address_lock_no_one_under_the_account_limit(client, official, commune_a):
    office = "10.5.5.5"
    others = colleagues(commune_a, 5)
    for user in others:  # 5 colleagues x 9 typos = 45 failures from the office, each account under its limit
        for _ in range(9):
            attempt(client, user.username, "sai-mat-khau", ip=office)
    # the official, who never failed, signs in from the same office
    response = attempt(client, "canbo_xa", PASSWORD, ip=office)
    assert response.status_code == 302 and signed_in(client)
    client.logout()
    # so does each colleague, with the right password
    for user in others:
        assert attempt(client, user.username, PASSWORD, ip=office).status_code == 302
        client.logout()
    assert not AuditEvent.objects.filter(action=AuditAction.LOCKOUT).exists()


def test_one_account_locked_behind_a_shared_address_leaves_its_colleagues_free(client, official, commune_a):
    office = "10.5.5.5"
    (colleague,) = colleagues(commune_a, 1)
    for _ in range(12):
        attempt(client, colleague.username, "sai-mat-khau", ip=office)
    assert attempt(client, colleague.username, PASSWORD, ip=office).status_code == 429
    response = attempt(client, "canbo_xa", PASSWORD, ip=office)
    assert response.status_code == 302 and signed_in(client)


def test_an_address_past_its_higher_limit_is_throttled_and_the_page_names_no_account(client, official, settings):
    settings.AXES_IP_FAILURE_LIMIT = 30
    for i in range(30):  # a guesser trying 30 accounts, 1 password each
        attempt(client, f"khong-co-{i}", "sai-mat-khau", ip="10.6.6.6")
    response = attempt(client, "canbo_xa", PASSWORD, ip="10.6.6.6")
    assert response.status_code == 429 and not signed_in(client)
    page = response.content.decode()
    assert "Tạm dừng đăng nhập từ địa chỉ mạng này" in page and "quá 30 lần đăng nhập sai" in page
    assert "Tài khoản của bạn không bị khóa" in page
    assert "canbo_xa" not in page and "Tài khoản tạm thời bị khóa" not in page
    # the audit line names the address, no account
    (lockout,) = AuditEvent.objects.filter(action=AuditAction.LOCKOUT)
    assert lockout.username == "" and lockout.user is None and "10.6.6.6" in lockout.detail
    # the account itself is free elsewhere
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.1.1.1").status_code == 302


def test_a_colleagues_login_does_not_clear_the_address_counter(client, official, commune_a, settings):
    settings.AXES_IP_FAILURE_LIMIT = 20
    (colleague,) = colleagues(commune_a, 1)
    for i in range(19):
        attempt(client, f"khong-co-{i}", "sai-mat-khau", ip="10.6.6.6")
    assert attempt(client, colleague.username, PASSWORD, ip="10.6.6.6").status_code == 302
    client.logout()
    attempt(client, "khong-co-x", "sai-mat-khau", ip="10.6.6.6")
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.6.6.6").status_code == 429


def test_administrator_unblocks_an_address(client, client_for, official, admin_user_, settings):
    settings.AXES_IP_FAILURE_LIMIT = 20
    for i in range(20):
        attempt(client, f"khong-co-{i}", "sai-mat-khau", ip="10.6.6.6")
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.6.6.6").status_code == 429
    admin_client = client_for(admin_user_)
    changelist = reverse("admin:accounts_loginlockout_changelist")
    one_row = LoginLockout.objects.filter(ip_address="10.6.6.6").values_list("pk", flat=True)[:1]
    response = admin_client.post(changelist, {"action": "unblock_addresses_selected",
                                              "_selected_action": list(one_row)})
    assert response.status_code == 302
    admin_client.logout()
    assert attempt(client, "canbo_xa", PASSWORD, ip="10.6.6.6").status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.UNLOCK, detail__contains="10.6.6.6").exists()
