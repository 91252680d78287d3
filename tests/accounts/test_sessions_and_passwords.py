"""Idle sessions end (default 30 minutes, configurable) for roles that see household data; passwords are checked by
Django's validators and a Vietnamese list of common passwords; the demo users keep their published password."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import AuditAction, AuditEvent
from accounts.passwords import VietnameseCommonPasswordValidator

pytestmark = pytest.mark.django_db


def test_default_idle_timeout_is_thirty_minutes():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60


def test_an_idle_session_ends_after_thirty_minutes(client_for, commune_a_user):
    start = timezone.now()
    households = reverse("households:household_list")
    with freeze_time(start):
        client = client_for(commune_a_user)
        assert client.get(households).status_code == 200
    with freeze_time(start + datetime.timedelta(minutes=29)):
        assert client.get(households).status_code == 200  # active: the clock starts again
    with freeze_time(start + datetime.timedelta(minutes=29 + 31)):
        response = client.get(households)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login")) and "next=" in response.url
        page = client.get(response.url).content.decode()
        assert "Phiên làm việc đã hết hạn vì không hoạt động quá 30 phút" in page
        assert "_auth_user_id" not in client.session
        assert client.get(households).status_code == 302  # really signed out
    event = AuditEvent.objects.get(action=AuditAction.SESSION_EXPIRED)
    assert event.user == commune_a_user
    assert not AuditEvent.objects.filter(action=AuditAction.LOGOUT).exists()


def test_background_polls_do_not_keep_a_session_alive(client_for, commune_a_user):
    start = timezone.now()
    with freeze_time(start):
        client = client_for(commune_a_user)
        client.get(reverse("home"))
    for minutes in (10, 20, 30):
        with freeze_time(start + datetime.timedelta(minutes=minutes)):
            client.get(reverse("home"), HTTP_ACCEPT="application/json")
    with freeze_time(start + datetime.timedelta(minutes=31)):
        assert client.get(reverse("home")).status_code == 302


def test_the_idle_timeout_is_configurable(client_for, commune_a_user, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    start = timezone.now()
    with freeze_time(start):
        client = client_for(commune_a_user)
        client.get(reverse("home"))
    with freeze_time(start + datetime.timedelta(minutes=6)):
        assert client.get(reverse("home")).status_code == 302
    settings.SESSION_IDLE_TIMEOUT = 0  # off
    with freeze_time(start + datetime.timedelta(days=1)):
        client = client_for(commune_a_user)
        client.get(reverse("home"))
    with freeze_time(start + datetime.timedelta(days=2)):
        assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("password", ["matkhau123", "AnhYeuEm", "giamngheo@123", "ubndxa123", "Vietnam@123"])
def test_vietnamese_common_passwords_are_refused_in_vietnamese(password, commune_a_user):
    with pytest.raises(ValidationError) as error:
        password_validation.validate_password(password, commune_a_user)
    assert any("quá phổ biến" in message or "phổ biến" in message for message in error.value.messages)


def test_the_vietnamese_list_is_a_committed_file_and_is_configured():
    validator = VietnameseCommonPasswordValidator()
    assert len(validator.passwords) >= 150 and "anhyeuem" in validator.passwords
    names = [v["NAME"] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert "accounts.passwords.VietnameseCommonPasswordValidator" in names
    assert "django.contrib.auth.password_validation.CommonPasswordValidator" in names
    assert "django.contrib.auth.password_validation.MinimumLengthValidator" in names


def test_django_validators_still_apply(commune_a_user):
    for weak in ("12345678", "abc", "password"):
        with pytest.raises(ValidationError):
            password_validation.validate_password(weak, commune_a_user)
    password_validation.validate_password("Lua-chin-vang-2024", commune_a_user)


def test_demo_users_keep_the_published_password(client, commune_a):
    """create_demo_users sets DEMO_PASSWORD directly; it also passes every validator, so the published password
    keeps working even if the demo users are ever created through a form."""
    from directory.demo import DEMO_PASSWORD, DEMO_USERS
    from directory.models import User

    assert DEMO_PASSWORD == "giamngheo2024"
    for demo in DEMO_USERS:
        password_validation.validate_password(DEMO_PASSWORD, User(username=demo.username, email="", first_name="",
                                                                  last_name=demo.full_name))
    user = User.objects.create(username="xuanbai", role="commune_official", unit=commune_a)
    user.set_password(DEMO_PASSWORD)
    user.save()
    response = client.post(reverse("login"), {"username": "xuanbai", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
