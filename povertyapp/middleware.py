"""Project-wide middleware: request ids for the logs, and response headers that protect personal data."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from .request_context import current_request


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; ``Cache-Control: no-store`` on everything a signed-in user gets.

    Every page and file behind the login shows personal data (households, members, incomes, report files),
    so none of it may stay in a browser's or a proxy's cache after the user leaves the machine.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        if _maybe_signed_in(request):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private, max-age=0
        return response


def _maybe_signed_in(request) -> bool:
    user = getattr(request, "user", None)
    try:
        return user is not None and user.is_authenticated
    except Exception:  # noqa: BLE001 - the user could not be loaded: the view's 500 already logged why; no cache
        return True


REQUEST_ID_HEADER = "X-Request-ID"
request_logger = logging.getLogger("povertyapp.request")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIDMiddleware:
    """Give every request an id (the proxy's X-Request-ID when it sends a sane one, else a new one), make the
    request reachable for log records and the audit log, and send the id back in the response header, so a
    user's "mã lỗi" on an error page finds the server's log lines."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = current_request.set(request)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            duration_ms = round((time.monotonic() - started) * 1000)
            request_logger.info("%s %s %s", request.method, request.path, response.status_code,
                                extra={"status": response.status_code, "duration_ms": duration_ms})
        finally:
            current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response
