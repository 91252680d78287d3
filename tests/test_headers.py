"""Fault 11: Content-Security-Policy without inline scripts, Permissions-Policy, and no-store on every page or
file a signed-in user gets (they all carry personal data). The same for production: tests/test_settings_files.py."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_signed_in_pages_carry_csp_permissions_policy_and_no_store(client_for, commune_a_user):
    client = client_for(commune_a_user)
    for url in (reverse("home"), reverse("households:household_list"), "/tong-quan/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "camera=()" in response["Permissions-Policy"]
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url


def test_excel_downloads_are_not_cached(client_for, district_staff):
    response = client_for(district_staff).get(reverse("households:escape_list_export"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_anonymous_login_page_has_csp_but_may_be_cached_by_the_browser(client):
    response = client.get(reverse("login"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"\sstyle\s*=|<style\b", re.I)


def _templates():
    for path in ROOT.rglob("templates/**/*.html"):
        if ".venv" not in path.parts and "var" not in path.parts:
            yield path


def test_no_template_has_inline_scripts_or_handlers():
    """The CSP blocks them in the browser; this names the file at once. JS goes in static/js/ (or the app's
    static folder) wired with data attributes; data for scripts goes through |json_script."""
    offenders = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE):
            offenders += [f"{path.relative_to(ROOT)}: {m.group(0).strip()}" for m in pattern.finditer(text)]
    assert offenders == []
