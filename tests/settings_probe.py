"""Run as a separate process under a given settings module (``DJANGO_SETTINGS_MODULE``) and print, as JSON,
what an anonymous visitor and a signed-in user get: a private report file by its media path, and a page's
security headers. Used by tests/test_private_files.py and tests/test_headers.py for local, test and
production settings alike (each process has its own settings, which one pytest process cannot switch).

The database is a fresh SQLite file (DATABASE_URL), migrated here.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from directory.models import Role, User  # noqa: E402

SECRET = b"PK-probe-private-report-contents"


def get(client, path):
    response = client.get(path, secure=True, HTTP_HOST=os.environ.get("PROBE_HOST", "127.0.0.1"))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = {name: response.get(name, "") for name in ("Content-Security-Policy", "Permissions-Policy",
                                                         "Cache-Control")}
    return {"status": response.status_code, "leaked": SECRET in body, "headers": headers}


def main():
    call_command("migrate", verbosity=0, interactive=False)
    private = Path(settings.MEDIA_ROOT) / "private" / "runs" / "probe.xlsx"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_bytes(SECRET)
    media_path = settings.MEDIA_URL + "private/runs/probe.xlsx"

    user = User.objects.create_user("probe", password="x-Probe-2024!", role=Role.ADMIN, is_staff=True,
                                    is_superuser=True)
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(user)
    result = {
        "debug": settings.DEBUG,
        "anonymous_media": get(anonymous, media_path),
        "user_media": get(signed_in, media_path),
        "login_page": get(anonymous, "/dang-nhap/"),
        "household_list": get(signed_in, "/ho-gia-dinh/"),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    # Production serves static files from collectstatic's manifest; this probe does not run collectstatic,
    # so templates resolve {% static %} without the manifest. Nothing else of the settings is changed.
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}):
        main()
