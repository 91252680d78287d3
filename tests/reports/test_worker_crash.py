"""Fault 8: a real worker is killed (SIGKILL) mid-build; another worker, with beat, completes the report.

Worker 1 (``slow_worker``) claims the run, writes half a file under its temporary name and hangs; the
test kills its whole process group. Worker 2 runs normally with embedded beat: the recovery task finds
the run abandoned (no heartbeat), marks that attempt failed, queues it again and builds it. The report
must be complete within 5 minutes, with no half file anywhere.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from reports.models import ReportKind
from reports.services.runs import run_request_generation
from tests.reports.factories import DutyFactory, HouseholdFactory, RunFactory, approved_review
from tests.reports.test_worker import _database_for_worker, _stop

pytestmark = [pytest.mark.worker, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DEADLINE = 5 * 60
STATE_SQL = "SELECT job_status, job_attempt, generated_file, job_error FROM reports_reportrun WHERE id = %s"

# Short clocks so the test takes seconds, not minutes; production uses 15 s / 90 s / 60 s.
FAST_RECOVERY = {"REPORT_JOB_HEARTBEAT_SECONDS": "1", "REPORT_JOB_STALE_SECONDS": "4",
                 "REPORT_JOB_RECOVER_EVERY_SECONDS": "2"}


def _start(module_args: list[str], database: dict, log_path: Path) -> subprocess.Popen:
    import json

    env = {
        **os.environ, **FAST_RECOVERY,
        "DJANGO_SETTINGS_MODULE": "tests.reports.worker_settings",
        "WORKER_TEST_DATABASE": json.dumps(database),
        "WORKER_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WORKER_TEST_BROKER_OPTIONS": json.dumps(settings.CELERY_BROKER_TRANSPORT_OPTIONS or {}),
    }
    log = open(log_path, "w")  # noqa: SIM115 - closed when the worker stops
    return subprocess.Popen([sys.executable, "-m", *module_args], cwd=settings.BASE_DIR, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def _worker_args(name: str) -> list[str]:
    return ["-A", "povertyapp", "worker", "--pool=solo", "--loglevel=INFO", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "-n", f"{name}-{os.getpid()}@%h"]


def test_a_worker_killed_mid_build_still_leads_to_a_complete_report(poverty_standards, queue_for_real, district,
                                                                     commune_a, district_staff, tmp_path):
    household = HouseholdFactory(commune=commune_a)
    approved_review(household, year=2024, category="poor")
    run = RunFactory(duty=DutyFactory(owner_unit=district, kind=ReportKind.POVERTY), reporting_unit=commune_a)
    assert run_request_generation(run=run, acting_user=district_staff)
    database, _ = _database_for_worker(tmp_path)
    from django.db import connection

    def read(run_id):
        if connection.vendor == "sqlite":
            import sqlite3

            with sqlite3.connect(database["NAME"]) as db:
                return db.execute(STATE_SQL.replace("%s", "?"), (run_id,)).fetchone()
        with connection.cursor() as cursor:
            cursor.execute(STATE_SQL, [run_id])
            return cursor.fetchone()

    temp_dir = Path(settings.MEDIA_ROOT) / "private" / "tmp"
    half_file = temp_dir / f"run-{run.pk}-1.part"

    # worker 1 claims the run, writes half a file and hangs; then it is killed like an OOM kill
    log_1 = tmp_path / "worker-1.log"
    worker_1 = _start(["tests.reports.slow_worker", *_worker_args("crash-1")], database, log_1)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (read(run.pk)[0] == "running" and half_file.exists()):
            assert worker_1.poll() is None, log_1.read_text(errors="replace")[-3000:]
            time.sleep(0.3)
        assert read(run.pk)[0] == "running" and half_file.exists(), log_1.read_text(errors="replace")[-3000:]
    finally:
        if worker_1.poll() is None:
            os.killpg(worker_1.pid, signal.SIGKILL)
        worker_1.wait(timeout=20)
    killed_at = time.monotonic()
    assert read(run.pk)[0] == "running"  # what a dead worker leaves behind

    # worker 2, with beat, recovers the run by itself
    log_2 = tmp_path / "worker-2.log"
    worker_2 = _start(["celery", *_worker_args("crash-2"), "-B", "-s", str(tmp_path / "beat-schedule")],
                      database, log_2)
    try:
        state = read(run.pk)
        while state[0] != "success" and time.monotonic() - killed_at < DEADLINE and worker_2.poll() is None:
            time.sleep(1)
            state = read(run.pk)
    finally:
        _stop(worker_2)
    log = log_2.read_text(errors="replace")
    assert state[0] == "success", f"state={state!r}\n--- worker 2 log ---\n{log[-5000:]}"
    assert time.monotonic() - killed_at < DEADLINE
    assert state[1] == 2  # the killed attempt, then the one that completed
    assert "reports_recover_task" in log

    # no half file: the report is a complete workbook and no temporary file is left
    path = Path(settings.MEDIA_ROOT) / "private" / state[2]
    with open(path, "rb") as handle:
        assert load_workbook(handle).sheetnames
    assert not list(temp_dir.glob(f"run-{run.pk}-*"))
    assert not list((Path(settings.MEDIA_ROOT) / "private").rglob("*.part"))
