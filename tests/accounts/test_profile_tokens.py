"""The profile page's API token screen: a user creates a token (shown once), uses it, replaces and revokes it."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_a_user_creates_replaces_and_revokes_their_token_on_the_profile_page(client_for, commune_a_user, client):
    page = client_for(commune_a_user)
    url = reverse("profile")
    body = page.get(url).content.decode()
    assert "Bạn chưa có mã truy cập API." in body and "Xã Xuân Bái" in body
    created = page.post(url, {"action": "create"})
    assert created.status_code == 200 and "no-store" in created["Cache-Control"]
    key = Token.objects.get(user=commune_a_user).key
    assert key in created.content.decode()  # shown once, on the answer to the POST
    assert key not in page.get(url).content.decode() and key[:6] in page.get(url).content.decode()
    api = client.__class__()
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    # a new token replaces the old one at once
    page.post(url, {"action": "create"})
    new_key = Token.objects.get(user=commune_a_user).key
    assert new_key != key
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    # revoked: the page says so and the token no longer works
    revoked = page.post(url, {"action": "revoke"}, follow=True)
    assert "Đã thu hồi mã truy cập API" in revoked.content.decode()
    assert not Token.objects.filter(user=commune_a_user).exists()
    assert api.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {new_key}").status_code == 401


def test_the_profile_page_needs_a_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_every_page_links_to_the_profile(client_for, commune_a_user):
    assert f'href="{reverse("profile")}"' in client_for(commune_a_user).get(reverse("home")).content.decode()
