"""Settings of the Celery worker that ``test_worker.py`` starts: the test settings, pointed at the test's own
database, broker folders and media folder (passed in the environment), with tasks really queued."""

import json
import os
from pathlib import Path

from povertyapp.settings.test import *  # noqa: F401,F403
from povertyapp.settings.test import DATABASES

DATABASES = {"default": {**DATABASES["default"], **json.loads(os.environ["WORKER_TEST_DATABASE"])}}
CELERY_TASK_ALWAYS_EAGER = False
if os.environ.get("WORKER_TEST_BROKER_OPTIONS"):
    CELERY_BROKER_TRANSPORT_OPTIONS = json.loads(os.environ["WORKER_TEST_BROKER_OPTIONS"])
MEDIA_ROOT = Path(os.environ["WORKER_TEST_MEDIA_ROOT"])
