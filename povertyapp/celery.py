"""The Celery application. Configuration lives in Django settings (CELERY_*)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "povertyapp.settings.local")

app = Celery("povertyapp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
