"""Vietnamese error pages under the layout (also under `make run`'s DEBUG), CSRF page, favicon, admin years."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from directory.views import FriendlyErrorPagesMiddleware

pytestmark = pytest.mark.django_db


def test_404_is_vietnamese_under_the_layout(client_for, commune_a_user):
    response = client_for(commune_a_user).get("/khong-co-trang-nay/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in body and 'class="topbar"' in body


def test_make_run_shows_the_same_pages_instead_of_the_debug_page(client_for, commune_a_user, settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "directory.views.FriendlyErrorPagesMiddleware"]
    client = client_for(commune_a_user)
    body = client.get("/khong-co-trang-nay/").content.decode()
    assert "Không tìm thấy trang" in body and "Using the URLconf" not in body


def test_local_settings_install_the_middleware():
    import importlib

    local = importlib.import_module("povertyapp.settings.local")
    assert "directory.views.FriendlyErrorPagesMiddleware" in local.MIDDLEWARE
    assert local.CELERY_BROKER_URL.startswith("filesystem://localhost") or not local.CELERY_BROKER_URL.startswith(
        "filesystem")
    assert FriendlyErrorPagesMiddleware


def test_500_page_under_the_layout(rf, commune_a_user):
    from directory.views import error_500

    request = rf.get("/")
    request.user = commune_a_user
    response = error_500(request)
    assert response.status_code == 500 and "Lỗi hệ thống" in response.content.decode()


def test_csrf_failure_is_vietnamese(commune_a_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(commune_a_user)
    response = client.post(reverse("households:household_create"), {"code": "X"})
    body = response.content.decode()
    assert response.status_code == 403
    assert "Không gửi được biểu mẫu" in body and "CSRF verification failed" not in body


def test_favicon(client):
    assert client.get("/favicon.ico").status_code == 301
    assert 'rel="icon"' in client.get(reverse("login")).content.decode()


@override_settings(USE_THOUSAND_SEPARATOR=True)
def test_admin_shows_years_without_separator_and_booleans_in_vietnamese(client, commune_a):
    from directory.years import is_year_field
    from households.models import Review
    from reports.models import HouseholdTotal
    from tests.factories import UserFactory

    assert is_year_field(Review._meta.get_field("year"))
    assert not is_year_field(Review._meta.get_field("income_per_capita"))
    HouseholdTotal.objects.create(commune=commune_a, year=2024, total=1234)
    admin = UserFactory(username="qt", role="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    body = client.get(reverse("admin:reports_householdtotal_changelist")).content.decode()
    assert "2024" in body and "2.024" not in body
    assert 'alt="True"' not in body and 'alt="False"' not in body
