import pytest

from povertyapp.celery import app as celery_app
from tests.reports.test_poverty_report import dataset  # noqa: E402, F401  (the three-year dataset)


@pytest.fixture(autouse=True)
def _fixed_due_soon(settings):
    # The deadline tests are written for a 7-day "sắp đến hạn" window, whatever the environment says.
    settings.REPORT_DUE_SOON_DAYS = 7
    settings.SITE_URL = "http://giamngheo.test"


# --- real-worker tests (test_worker.py, test_worker_crash.py)


@pytest.fixture
def poverty_standards(reseeded_standards):
    """The standards the households migrations seed: an earlier transactional test (the browser tests) may have
    flushed them, so they are seeded again."""


@pytest.fixture
def queue_for_real():
    """Send tasks to the broker instead of running them inline (the test settings run them eagerly)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = previous
