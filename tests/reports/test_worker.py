"""A real Celery worker process builds a report queued from the run page's service.

The worker runs against the configured broker (CELERY_BROKER_URL: Redis in CI, kombu's filesystem
transport locally) and the test's database: on PostgreSQL the test database itself (``test_<name>``,
committed rows since the test is transactional); on SQLite, whose test database lives in memory, a file
copy made with SQLite's backup API, which the worker writes to and the test then reads.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from reports.models import ReportKind
from reports.services.runs import run_request_generation
from tests.reports.factories import DutyFactory, HouseholdFactory, RunFactory, approved_review

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TIMEOUT = 60
STATE_SQL = "SELECT job_status, job_error, generated_file FROM reports_reportrun WHERE id = %s"


def _database_for_worker(tmp_path: Path):
    """(settings for the worker's DATABASES["default"], a function reading a run's job state)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()

        def read(run_id):
            with sqlite3.connect(path) as db:
                return db.execute(STATE_SQL.replace("%s", "?"), (run_id,)).fetchone()

        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}, read

    def read(run_id):
        with connection.cursor() as cursor:
            cursor.execute(STATE_SQL, [run_id])
            return cursor.fetchone()

    return {"NAME": connection.settings_dict["NAME"]}, read


def _start_worker(database: dict, log_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reports.worker_settings",
        "WORKER_TEST_DATABASE": json.dumps(database),
        "WORKER_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WORKER_TEST_BROKER_OPTIONS": json.dumps(settings.CELERY_BROKER_TRANSPORT_OPTIONS or {}),
    }
    command = [sys.executable, "-m", "celery", "-A", "povertyapp", "worker", "--pool=solo", "--loglevel=INFO",
               "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"reports-test-{os.getpid()}@%h"]
    log = open(log_path, "w")  # noqa: SIM115 - closed when the worker stops
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)


def test_a_real_worker_builds_the_queued_report(poverty_standards, queue_for_real, district, commune_a, district_staff,
                                                tmp_path):
    # given: a commune with a poor household, its yearly report run, and a click on "Tạo báo cáo"
    household = HouseholdFactory(commune=commune_a)
    approved_review(household, year=2024, category="poor")
    run = RunFactory(duty=DutyFactory(owner_unit=district, kind=ReportKind.POVERTY), reporting_unit=commune_a)
    assert run_request_generation(run=run, acting_user=district_staff)  # the message goes to the broker on commit
    database, read_state = _database_for_worker(tmp_path)
    assert read_state(run.pk)[0] == "pending"

    # when: a real worker process picks it up
    log_path = tmp_path / "worker.log"
    worker = _start_worker(database, log_path)
    try:
        deadline = time.monotonic() + TIMEOUT
        state = read_state(run.pk)
        while state[0] in ("pending", "running") and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.5)
            state = read_state(run.pk)
    finally:
        _stop(worker)

    # then: the run succeeded and its workbook is on disk where the download view reads it
    log = log_path.read_text(errors="replace")
    assert state[0] == "success", f"state={state!r}\n--- worker log ---\n{log[-5000:]}"
    assert state[2].endswith(".xlsx")
    path = Path(settings.MEDIA_ROOT) / "private" / state[2]
    assert path.exists() and path.stat().st_size > 0
    assert "report_run_generate_task" in log and "succeeded" in log
