"""Every page is Vietnamese, whatever language the browser asks for: the app has no English catalogue,
so an English request would mix Django's English strings into Vietnamese pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_browser_asking_for_english_gets_vietnamese(client):
    # when
    response = client.get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    # then
    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    assert "Tên đăng nhập" in response.content.decode()
