"""Structured log lines: ``key=value`` (default) or JSON (``DJANGO_LOG_FORMAT=json``), each with the request id.

Every line written while a request is served carries ``request_id`` (also sent back as the ``X-Request-ID``
response header and stored on audit-log lines) and the signed-in ``user``, so one request's lines can be
found together, from the proxy's access log to an error report.
"""

import datetime
import json
import logging

from django.utils.functional import LazyObject, empty

from .request_context import get_current_request

FIELDS = ("request_id", "user", "method", "path")


class RequestContextFilter(logging.Filter):
    """Adds request_id, user, method and path of the request being served (empty outside a request)."""

    def filter(self, record):
        request = get_current_request()
        values = {"request_id": "", "user": "", "method": "", "path": ""}
        if request is not None:
            values = {
                "request_id": getattr(request, "request_id", ""),
                "user": _loaded_username(request),
                "method": request.method,
                "path": request.path,
            }
        for key, value in values.items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


def _loaded_username(request) -> str:
    """The signed-in user's name if the request has already loaded its user, else "".

    request.user is lazy, and a log line must never load it: loading costs a query, and when loading fails (a
    session naming a backend that cannot load users) the error's own log line would load it again and raise
    inside logging, once per middleware layer. Only a lazy object whose value is already there is read.
    """
    user = request.__dict__.get("user")
    if isinstance(user, LazyObject):
        user = user._wrapped
        if user is empty:
            return ""
    return user.get_username() if user is not None and user.is_authenticated else ""


def _base(record, formatter) -> dict:
    data = {
        "time": datetime.datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds"),
        "level": record.levelname,
        "logger": record.name,
        "msg": record.getMessage(),
    }
    for key in FIELDS + ("status", "duration_ms"):
        value = getattr(record, key, "")
        if value not in ("", None):
            data[key] = value
    if record.exc_info:
        data["exc"] = formatter.formatException(record.exc_info)
    return data


class KeyValueFormatter(logging.Formatter):
    """``time=… level=INFO logger=django.request request_id=… user=xa_a msg="…"`` on one line."""

    def format(self, record):
        parts = []
        for key, value in _base(record, self).items():
            text = str(value)
            if not text or any(c in text for c in ' "=\n\t'):
                text = json.dumps(text, ensure_ascii=False)
            parts.append(f"{key}={text}")
        return " ".join(parts)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        return json.dumps(_base(record, self), ensure_ascii=False, default=str)
