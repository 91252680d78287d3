"""The monitoring endpoint: database, broker, worker heartbeat and disk, 200 when all are fine, 500 otherwise."""

import datetime
from collections import namedtuple

import pytest
from django.utils import timezone

from ops.models import WorkerHeartbeat
from ops.tasks import worker_heartbeat_task

pytestmark = pytest.mark.django_db

URL = "/health/"


def checks(response) -> dict[str, str]:
    """{check class name: "OK" or the error}."""
    return {name.split("(")[0]: value for name, value in response.json().items()}


def test_healthy_when_a_worker_beat_recently(client):
    worker_heartbeat_task.delay()  # eager in tests: what a worker does every minute
    response = client.get(URL, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    assert checks(response) == {"Database": "OK", "Broker": "OK", "WorkerHeartbeatCheck": "OK", "Disk": "OK"}
    assert "no-cache" in response["Cache-Control"]


def test_no_worker_heartbeat_is_an_error(client):
    response = client.get(URL, {"format": "json"})
    assert response.status_code == 500
    assert checks(response)["WorkerHeartbeatCheck"] == "Unavailable: Chưa có worker Celery nào chạy (chưa có nhịp)."


def test_a_stale_heartbeat_is_an_error(client, settings):
    WorkerHeartbeat.objects.create(worker="celery@may1", seen_at=timezone.now() - datetime.timedelta(minutes=12))
    response = client.get(URL, {"format": "json"})
    assert response.status_code == 500
    assert "trong 12 phút qua" in checks(response)["WorkerHeartbeatCheck"]
    settings.HEALTH_WORKER_MAX_AGE = 15 * 60
    assert client.get(URL, {"format": "json"}).status_code == 200


def test_a_broker_that_cannot_be_reached_is_an_error(client, monkeypatch):
    from povertyapp.celery import app

    worker_heartbeat_task.delay()
    connect = app.connection_for_write
    # a broker nobody listens on (port 1), whatever CELERY_BROKER_URL says
    monkeypatch.setattr(app, "connection_for_write", lambda *args, **kwargs: connect(url="redis://127.0.0.1:1/0"))
    response = client.get(URL, {"format": "json"})
    assert response.status_code == 500
    assert "Không kết nối được hàng đợi Celery" in checks(response)["Broker"]


def test_a_full_disk_is_an_error(client, monkeypatch):
    import psutil

    worker_heartbeat_task.delay()
    usage = namedtuple("usage", "total used free percent")
    monkeypatch.setattr(psutil, "disk_usage", lambda path: usage(100, 95, 5, 95.0))
    response = client.get(URL, {"format": "json"})
    assert response.status_code == 500
    assert "95.0" in checks(response)["Disk"]


def test_plain_text_for_simple_monitors(client):
    worker_heartbeat_task.delay()
    response = client.get(URL, HTTP_ACCEPT="text/plain")
    assert response.status_code == 200 and "Database" in response.content.decode()


def test_a_browser_gets_the_html_page(client):
    # given a browser's Accept header (curl sends */*): the view renders health_check's own template
    worker_heartbeat_task.delay()
    # when
    response = client.get(URL, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    # then
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Database" in response.content.decode()
