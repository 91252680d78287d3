"""Sessions end after a spell of inactivity; every file download of a signed-in user is written to the audit log."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver

from directory.permissions import Cap, user_can

from .audit import record
from .models import AuditAction

LAST_SEEN = "last_seen"
REFRESH_EVERY = 60  # seconds: at most one session write a minute for the idle clock
IDLE_MESSAGE = ("Phiên làm việc đã hết hạn vì không hoạt động quá {minutes} phút. "
                "Vui lòng đăng nhập lại để tiếp tục.")


def sees_household_data(user) -> bool:
    """Roles that can open household lists and records (today: every role with the view capability)."""
    return user_can(user, Cap.VIEW)


class IdleSessionMiddleware:
    """Sign out users who see household data after ``SESSION_IDLE_TIMEOUT`` seconds without a request.

    Background polls (the report page asks for its job status with ``Accept: application/json``) do not
    count as activity, so a page left open does not keep the session alive forever.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = getattr(settings, "SESSION_IDLE_TIMEOUT", 0)
        user = getattr(request, "user", None)
        if timeout and user is not None and user.is_authenticated and sees_household_data(user):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - int(last_seen) > timeout:
                return self._expire(request, user, timeout)
            if not _is_background_poll(request) and (last_seen is None or now - int(last_seen) >= REFRESH_EVERY):
                request.session[LAST_SEEN] = now
        return self.get_response(request)

    def _expire(self, request, user, timeout):
        minutes = max(1, timeout // 60)
        request.session_expired = True
        record(AuditAction.SESSION_EXPIRED, request=request, user=user,
               detail=f"Không hoạt động quá {minutes} phút.")
        logout(request)
        messages.warning(request, IDLE_MESSAGE.format(minutes=minutes))
        return redirect_to_login(request.get_full_path())


@receiver(user_logged_in, dispatch_uid="idle_clock_starts_at_login")
def _start_idle_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


def _is_background_poll(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class ExportAuditMiddleware:
    """Write an EXPORT line for every file a signed-in user downloads (household lists, escape list, approval
    queue, report files, dashboard and admin exports): any response sent as an attachment. One place, so a new
    export view is logged without anyone remembering to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        user = getattr(request, "user", None)
        if (response.status_code == 200 and disposition.startswith("attachment")
                and user is not None and user.is_authenticated):
            record(AuditAction.EXPORT, request=request, user=user, detail=_filename(disposition))
        return response


def _filename(disposition: str) -> str:
    for part in disposition.split(";"):
        name, _, value = part.strip().partition("=")
        if name == "filename*" and value.lower().startswith("utf-8''"):
            from urllib.parse import unquote

            return "Tệp: " + unquote(value[7:])
        if name == "filename":
            return "Tệp: " + value.strip('"')
    return "Tệp tải về"
