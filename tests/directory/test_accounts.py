"""Accounts people run themselves: change, reset by e-mail, temporary password forced to change, and an
expired session that returns the user where they were."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from directory.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW = "Lua-chin-vang-2026"


def test_change_password(client_for, commune_a_user):
    client = client_for(commune_a_user)
    assert "Đổi mật khẩu" in client.get(reverse("home")).content.decode()
    response = client.post(reverse("password_change"), {"old_password": "matkhau-thu", "new_password1": NEW,
                                                        "new_password2": NEW})
    assert response.status_code == 302
    commune_a_user.refresh_from_db()
    assert commune_a_user.check_password(NEW)


def test_wrong_old_password_is_refused_in_vietnamese(client_for, commune_a_user):
    body = client_for(commune_a_user).post(reverse("password_change"), {
        "old_password": "sai", "new_password1": NEW, "new_password2": NEW}).content.decode()
    assert "Đổi mật khẩu" in body and "old password" not in body.lower()


def test_reset_by_email_with_a_one_time_link(client, commune_a_user):
    commune_a_user.email = "hoa@example.invalid"
    commune_a_user.save()
    assert "Quên mật khẩu?" in client.get(reverse("login")).content.decode()
    client.post(reverse("password_reset"), {"email": "hoa@example.invalid"})
    assert len(mail.outbox) == 1 and "Đặt lại mật khẩu" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/tai-khoan/dat-lai/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    commune_a_user.refresh_from_db()
    assert commune_a_user.check_password(NEW)
    assert "không còn dùng được" in client.get(link, follow=True).content.decode()  # one time only


def test_administrator_sets_a_temporary_password_that_must_be_changed(client, client_for, commune_a_user):
    admin = UserFactory(username="qt", role="admin", is_staff=True, is_superuser=True)
    response = client_for(admin).post(reverse("admin:directory_user_changelist"), {
        "action": "set_temporary_password", "_selected_action": [commune_a_user.pk]}, follow=True)
    temporary = re.search(r"xa_a: (\w+)", response.content.decode()).group(1)
    client.logout()
    # the user signs in with it and is sent to change it, whatever they open
    client.post(reverse("login"), {"username": "xa_a", "password": temporary})
    response = client.get(reverse("households:household_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("password_change"))
    assert "mật khẩu tạm" in client.get(response.url).content.decode()
    response = client.post(response.url, {"old_password": temporary, "new_password1": NEW, "new_password2": NEW,
                                          "next": reverse("households:household_list")})
    assert response.url == reverse("households:household_list")  # back where they were going
    assert not User.objects.get(pk=commune_a_user.pk).must_change_password
    assert client.get(reverse("households:household_list")).status_code == 200


def test_after_signing_in_again_the_user_is_back_where_they_were(client, commune_a_user):
    target = reverse("households:pending_reviews") + "?status=returned"
    response = client.get(target)  # session gone: the login page remembers the page
    assert response.status_code == 302 and "next=" in response.url
    response = client.post(response.url, {"username": "xa_a", "password": "matkhau-thu"})
    assert response.status_code == 302 and response.url == target
