"""The request being served, for code that has no ``request`` at hand (signal receivers, log records).

Set by ``povertyapp.middleware.RequestIDMiddleware``; ``None`` in commands, Celery tasks and tests without one.
"""

import contextvars

current_request = contextvars.ContextVar("current_request", default=None)


def get_current_request():
    return current_request.get()


def current_request_id() -> str:
    request = current_request.get()
    return getattr(request, "request_id", "") if request is not None else ""
