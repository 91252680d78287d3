"""Test settings: SQLite unless DATABASE_URL is set (CI sets PostgreSQL)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import CELERY_BROKER_URL, REST_FRAMEWORK

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="povertyapp-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run inline in ordinary tests; the worker test starts a real worker
# against CELERY_BROKER_URL (Redis in CI) and switches this off for itself.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
if CELERY_BROKER_URL.startswith("filesystem"):
    _broker_dir = Path(tempfile.mkdtemp(prefix="povertyapp-test-broker-"))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
# Each test process counts in its own memory, whatever CACHE_URL says (tests/api/test_throttle_shared.py makes
# its own Redis clients).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="povertyapp-test-static-"))
WHITENOISE_AUTOREFRESH = True

# The API's throttle counts in the process's cache across tests: high enough never to refuse a test's requests
# (tests/api/test_api.py sets low rates for the one test of throttling).
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"user": "100000/hour", "anon": "100000/hour",
                                                              "token": "100000/hour"}}
