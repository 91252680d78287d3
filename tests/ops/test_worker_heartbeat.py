"""The health check's worker heartbeat with a real worker: the task beat queues every minute, run by a real Celery
worker process through the configured broker, writes the heartbeat the health check reads."""

import sqlite3
import time

import pytest
from django.db import connection

from ops.tasks import worker_heartbeat_task
from povertyapp.celery import app as celery_app
from tests.reports.test_worker import _database_for_worker, _start_worker, _stop

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SQL = "SELECT worker FROM ops_workerheartbeat"


@pytest.fixture
def queue_for_real():
    """Send tasks to the broker instead of running them inline (the test settings run them eagerly)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = previous


def test_a_real_worker_writes_the_heartbeat_the_health_check_reads(queue_for_real, tmp_path, client):
    assert client.get("/health/", {"format": "json"}).status_code == 500  # no worker has beaten yet
    database, _ = _database_for_worker(tmp_path)
    worker_heartbeat_task.delay()  # what beat sends every minute

    def workers():
        if connection.vendor == "sqlite":
            with sqlite3.connect(database["NAME"]) as db:
                return [row[0] for row in db.execute(SQL)]
        with connection.cursor() as cursor:
            cursor.execute(SQL)
            return [row[0] for row in cursor.fetchall()]

    log_path = tmp_path / "worker.log"
    worker = _start_worker(database, log_path)
    try:
        deadline = time.monotonic() + 60
        while not workers() and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.5)
    finally:
        _stop(worker)
    seen = workers()
    assert seen and seen[0].startswith("reports-test-"), log_path.read_text(errors="replace")[-3000:]
    if connection.vendor != "sqlite":  # the SQLite worker wrote to a copy; on PostgreSQL it is the same database
        response = client.get("/health/", {"format": "json"})
        assert response.status_code == 200, response.content
