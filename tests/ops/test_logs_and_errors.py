"""Structured logs with request ids, and error reports to Sentry only when SENTRY_DSN is set."""

import json
import logging
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.urls import reverse

from povertyapp.logs import JsonFormatter, KeyValueFormatter, RequestContextFilter

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _request_records(caplog):
    return [r for r in caplog.records if r.name == "povertyapp.request"]


def test_every_request_gets_an_id_in_its_log_lines_and_response(client_for, commune_a_user, caplog):
    caplog.set_level(logging.INFO)
    client = client_for(commune_a_user)
    response = client.get(reverse("households:household_list"))
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [record] = _request_records(caplog)
    RequestContextFilter().filter(record)
    assert (record.request_id, record.user, record.status) == (request_id, "xa_a", 200)
    line = KeyValueFormatter().format(record)
    assert f"request_id={request_id}" in line and "user=xa_a" in line and "status=200" in line
    assert "level=INFO logger=povertyapp.request" in line and "duration_ms=" in line
    data = json.loads(JsonFormatter().format(record))
    assert data["request_id"] == request_id and data["path"] == "/ho-gia-dinh/"


def test_a_proxy_request_id_is_kept_and_a_bad_one_replaced(client):
    assert client.get("/dang-nhap/", HTTP_X_REQUEST_ID="proxy-1234abcd")["X-Request-ID"] == "proxy-1234abcd"
    replaced = client.get("/dang-nhap/", HTTP_X_REQUEST_ID="bad id\nwith=stuff")["X-Request-ID"]
    assert replaced != "bad id\nwith=stuff" and len(replaced) == 32


def test_log_lines_outside_a_request_have_no_request_fields():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, 'giá trị "lạ" a=b', None, None)
    RequestContextFilter().filter(record)
    assert KeyValueFormatter().format(record).endswith('level=WARNING logger=x msg="giá trị \\"lạ\\" a=b"')


def test_sentry_is_off_without_a_dsn():
    import sentry_sdk
    from django.conf import settings

    assert settings.SENTRY_ENABLED is False
    assert not sentry_sdk.get_client().is_active()


class _Collector(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
        elif encoding == "br":  # sentry-sdk compresses with brotli when the package is installed
            import brotli

            body = brotli.decompress(body)
        _Collector.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


SERVER_ERROR_SCRIPT = """
import django, sys
django.setup()
import sentry_sdk
from django.conf import settings
from django.test import Client
from django.urls import path
from povertyapp import urls

def broken(request):
    raise ZeroDivisionError("hỏng thử cho Sentry")

urls.urlpatterns.append(path("loi-thu/", broken))
assert settings.SENTRY_ENABLED
response = Client(raise_request_exception=False).get("/loi-thu/", HTTP_HOST="127.0.0.1")
print(response.status_code, response["X-Request-ID"])
sentry_sdk.flush(timeout=10)
"""


def test_errors_go_to_sentry_when_a_dsn_is_set():
    """A real sentry-sdk sends the error to a collector on 127.0.0.1 posing as Sentry."""
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Collector.received.clear()
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
        env.update({"DJANGO_SETTINGS_MODULE": "povertyapp.settings.test",
                    "SENTRY_DSN": f"http://publickey@127.0.0.1:{server.server_port}/1",
                    "SENTRY_ENVIRONMENT": "kiem-thu"})
        result = subprocess.run([sys.executable, "-c", SERVER_ERROR_SCRIPT], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    status, request_id = result.stdout.split()[-2:]
    assert status == "500"
    sent = b"".join(_Collector.received).decode("utf-8", "replace")
    assert "ZeroDivisionError" in sent and "kiem-thu" in sent
    assert request_id in sent  # the event is tagged with the request id of the log lines


def test_a_request_whose_user_cannot_be_loaded_is_one_logged_error(commune_a_user, caplog):
    """A session naming an authentication backend that cannot load users (here django-axes' standalone backend,
    which has no get_user): loading request.user raises. The error is logged once, as a 500, and logging it does
    not load the user again (the filter used to: it re-raised inside the log call of every middleware layer, so the
    request ended in a chain of the same error instead of a response, after ~46 s on a real server)."""
    from django.contrib.auth import BACKEND_SESSION_KEY
    from django.test import Client

    caplog.set_level(logging.INFO)
    client = Client(raise_request_exception=False)
    client.force_login(commune_a_user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[BACKEND_SESSION_KEY] = "axes.backends.AxesStandaloneBackend"
    session.save()
    response = client.get(reverse("households:household_list"))
    assert response.status_code == 500
    [error] = [r for r in caplog.records if r.name == "django.request"]
    assert "AttributeError" in error.exc_text and "During handling" not in error.exc_text
    assert (error.user, error.path) == ("", "/ho-gia-dinh/")  # the user could not be read: left empty
    [line] = _request_records(caplog)
    assert line.status == 500
    assert "no-store" in response["Cache-Control"]  # a user that could not be read may be a signed-in one


def test_the_log_filter_never_loads_the_user(rf, commune_a_user):
    """A log line written before anything asked for request.user leaves it unloaded (no query for a log line)."""
    from django.utils.functional import SimpleLazyObject

    from povertyapp.request_context import current_request

    loads = []
    request = rf.get("/")
    request.user = SimpleLazyObject(lambda: loads.append(1) or commune_a_user)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", None, None)
    token = current_request.set(request)
    try:
        RequestContextFilter().filter(record)
    finally:
        current_request.reset(token)
    assert (record.user, loads) == ("", [])
    assert request.user.username == "xa_a" and loads == [1]
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", None, None)
    token = current_request.set(request)
    try:
        RequestContextFilter().filter(record)
    finally:
        current_request.reset(token)
    assert record.user == "xa_a" and loads == [1]  # once loaded, every later line names the user
