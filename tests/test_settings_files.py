"""Fault 9: report files must never be public; fault 11: every settings file sends the security headers.

MEDIA_ROOT is not served as a URL under any settings file (with DEBUG either): the only way to a report file
is the scoped download view."""

import importlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches, reverse

from tests.reports.factories import DutyFactory, RunFactory

ROOT = Path(__file__).resolve().parent.parent


def run_probe(settings_module, **extra_env):
    """tests/settings_probe.py in its own process, with only the environment a deployment would give it."""
    tmp = Path(tempfile.mkdtemp(prefix="povertyapp-probe-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DJANGO_VAR_DIR": str(tmp / "var"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DATABASE_URL": f"sqlite:///{tmp / 'probe.sqlite3'}",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/15",  # never contacted: nothing is queued
        **extra_env,
    })
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "settings_probe.py")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 30 + "a-long-random-production-secret-value-0123456789",
    "DJANGO_ALLOWED_HOSTS": "giamngheo.example.vn",
    "PROBE_HOST": "giamngheo.example.vn",
}
SETTINGS_FILES = {
    "povertyapp.settings.local": {},
    "povertyapp.settings.test": {},
    "povertyapp.settings.production": PRODUCTION_ENV,
}


@pytest.fixture(scope="module")
def probes():
    return {module: run_probe(module, **env) for module, env in SETTINGS_FILES.items()}


@pytest.mark.parametrize("settings_module", list(SETTINGS_FILES))
def test_no_settings_file_serves_private_files_by_path(probes, settings_module):
    probe = probes[settings_module]
    assert probe["debug"] is (settings_module.endswith("local"))  # local really runs with DEBUG
    for who in ("anonymous_media", "user_media"):
        assert probe[who]["leaked"] is False, (settings_module, who, probe[who])
        assert probe[who]["status"] == 404, (settings_module, who, probe[who])


@pytest.fixture
def debug_urlconf():
    """The project's URLs as `make run` builds them (DEBUG=True), restored afterwards."""
    import povertyapp.urls

    with override_settings(DEBUG=True):
        importlib.reload(povertyapp.urls)
        clear_url_caches()
        yield
    importlib.reload(povertyapp.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_debug_urls_do_not_serve_media(debug_urlconf, client, client_for, settings, commune_a_user,
                                       commune_b_user, district, commune_a):
    run = RunFactory(duty=DutyFactory(owner_unit=district), reporting_unit=commune_a)
    run.generated_file.save("bao-cao.xlsx", ContentFile(b"PK-secret-household-report"))
    path = Path(run.generated_file.path)
    assert path.is_file() and path.is_relative_to(Path(settings.MEDIA_ROOT) / "private")
    media_url = settings.MEDIA_URL + path.relative_to(settings.MEDIA_ROOT).as_posix()
    download_url = reverse("reports:run_download", args=[run.pk, "tao"])

    # anonymous: nothing by path, the login page from the view
    response = client.get(media_url)
    assert response.status_code == 404 and b"PK-secret" not in response.content
    response = client.get(download_url)
    assert response.status_code == 302 and "dang-nhap" in response.url
    # another commune: nothing by path, 404 from the view
    outsider = client_for(commune_b_user)
    assert outsider.get(media_url).status_code == 404
    assert outsider.get(download_url).status_code == 404
    # the run's own commune gets it, through the scoped view only, never cached
    owner = client_for(commune_a_user)
    assert owner.get(media_url).status_code == 404
    response = owner.get(download_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK-secret-household-report"
    assert "no-store" in response["Cache-Control"]


# --------------------------------------------------------------------------- fault 11: headers, per settings file

def _script_src(csp: str) -> str:
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if " " in part.strip())
    return directives.get("script-src", directives.get("default-src", ""))


@pytest.mark.parametrize("settings_module", list(SETTINGS_FILES))
def test_every_settings_file_sends_csp_permissions_policy_and_no_store(probes, settings_module):
    probe = probes[settings_module]
    for page in ("login_page", "household_list"):
        assert probe[page]["status"] == 200, (page, probe[page])
        headers = probe[page]["headers"]
        assert headers["Content-Security-Policy"], page
        script_src = _script_src(headers["Content-Security-Policy"])
        assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    # pages with household data are never stored by a browser or proxy
    assert "no-store" in probe["household_list"]["headers"]["Cache-Control"]
