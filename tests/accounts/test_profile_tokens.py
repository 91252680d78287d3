"""The profile page's API token screen: a user creates a token (shown once), uses it, replaces and revokes it."""

import re

import pytest
from django.urls import reverse

from api.models import ApiToken, key_digest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_user_creates_names_and_revokes_tokens_stored_only_hashed(client_for, commune_a_user, client):
    page = client_for(commune_a_user)
    url = reverse("profile")
    body = page.get(url).content.decode()
    assert "Bạn chưa có mã truy cập API." in body and "Xã Xuân Bái" in body
    created = page.post(url, {"action": "create", "name": "Kho dữ liệu tỉnh"})
    assert created.status_code == 200 and "no-store" in created["Cache-Control"]
    key = re.search(r'id="new-token" class="token">([0-9a-f]{40})<', created.content.decode()).group(1)
    token = ApiToken.objects.get(user=commune_a_user)
    # only the digest and the first characters are stored
    assert token.name == "Kho dữ liệu tỉnh" and token.digest == key_digest(key) and token.prefix == key[:8]
    assert key not in " ".join(str(v) for v in vars(token).values())
    listed = page.get(url).content.decode()
    assert key not in listed and f"{key[:8]}…" in listed and "Kho dữ liệu tỉnh" in listed and "chưa dùng" in listed
    api = client.__class__()
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    # a second token with another name: both work
    second = page.post(url, {"action": "create", "name": "Ứng dụng di động"})
    other_key = re.search(r'class="token">([0-9a-f]{40})<', second.content.decode()).group(1)
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {other_key}").status_code == 200
    # the same name again replaces that one at once
    page.post(url, {"action": "create", "name": "Kho dữ liệu tỉnh"})
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    assert ApiToken.objects.filter(user=commune_a_user).count() == 2
    # a name too long is refused, saying why
    refused = page.post(url, {"action": "create", "name": "x" * 81}).content.decode()
    assert "Tên mã: Tên mã dài 81 ký tự, tối đa 80." in refused and 'aria-invalid="true"' in refused
    # revoked: the page says so and the token no longer works; another user's token cannot be revoked
    stranger = ApiToken.create_for(UserFactory(), "khác")[0]
    page.post(url, {"action": "revoke", "token": stranger.pk})
    assert ApiToken.objects.filter(pk=stranger.pk).exists()
    mobile = ApiToken.objects.get(user=commune_a_user, name="Ứng dụng di động")
    revoked = page.post(url, {"action": "revoke", "token": mobile.pk}, follow=True)
    assert "Đã thu hồi mã truy cập API" in revoked.content.decode()
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {other_key}").status_code == 401


def test_the_profile_page_needs_a_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_every_page_links_to_the_profile(client_for, commune_a_user):
    assert f'href="{reverse("profile")}"' in client_for(commune_a_user).get(reverse("home")).content.decode()
