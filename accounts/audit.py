"""Write the audit log: logins, failed logins, lockouts, exports of household data, changes of role.

``record(action, ...)`` is the one way to add a line; the receivers below call it for Django's and
django-axes' signals and for role changes saved anywhere (admin, shell, commands). Exports are recorded
by ``accounts.middleware.ExportAuditMiddleware`` for every file download a signed-in user gets, and by
the export commands themselves.
"""

import ipaddress
import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from povertyapp.request_context import get_current_request

from .models import AuditAction, AuditEvent
from .network import client_ip
from .throttle import ADDRESS, lock_reason

logger = logging.getLogger("povertyapp.audit")

#: User fields whose change is a change of role or scope.
ROLE_FIELDS = ("role", "unit_id", "agency_id", "is_superuser", "is_staff", "is_active", "is_unit_chairman")


def _client_ip(request):
    if request is None:
        return None
    ip = client_ip(request)
    try:
        ipaddress.ip_address(ip or "")
    except ValueError:
        return None  # e.g. a test client's "testserver": the line is still written
    return ip


def record(action: str, *, request=None, user=None, username: str = "", detail: str = "", actor: str = "",
           path: str = "") -> AuditEvent:
    request = request if request is not None else get_current_request()
    if user is None and request is not None and getattr(request, "user", None) is not None \
            and request.user.is_authenticated and action != AuditAction.ROLE_CHANGE:
        user = request.user
    if user is not None and not getattr(user, "pk", None):
        user = None
    event = AuditEvent.objects.create(
        action=action,
        user=user,
        username=(username or getattr(user, "username", "") or "")[:150],
        unit_id=getattr(user, "unit_id", None),
        actor=actor[:150],
        ip_address=_client_ip(request),
        request_id=getattr(request, "request_id", "")[:64] if request is not None else "",
        path=(path or (request.get_full_path() if request is not None else ""))[:500],
        detail=detail,
    )
    logger.info("audit action=%s username=%s detail=%s", action, event.username, detail)
    return event


def actor_name(request=None) -> str:
    """Who is acting: the signed-in user of the current request, or the command line."""
    request = request if request is not None else get_current_request()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.username
    return "hệ thống (dòng lệnh)"


@receiver(user_logged_in, dispatch_uid="audit_login")
def _logged_in(sender, request, user, **kwargs):
    record(AuditAction.LOGIN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None and not getattr(request, "session_expired", False):
        record(AuditAction.LOGOUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username", "")
    user = get_user_model().objects.filter(username=username).first() if username else None
    record(AuditAction.LOGIN_FAILED, request=request, user=user, username=username)


@receiver(user_locked_out, dispatch_uid="audit_lockout")
def _locked_out(sender, request, username, ip_address, **kwargs):
    # django-axes signals again on every refused try during the lock: one LOCKOUT line per lock is enough
    # (the refused tries are LOGIN_FAILED lines).
    # When only the address is throttled, the line names no account (the one typed may never have failed).
    by_address = lock_reason(request, getattr(request, "axes_credentials", None)) == ADDRESS
    if by_address:
        username = ""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if AuditEvent.objects.filter(action=AuditAction.LOCKOUT, username=username or "", ip_address=ip_address,
                                 at__gte=since).exists():
        return
    user = get_user_model().objects.filter(username=username).first() if username else None
    detail = (f"Tạm dừng đăng nhập từ IP {ip_address} sau nhiều lần đăng nhập sai từ địa chỉ này." if by_address
              else f"Khóa sau nhiều lần đăng nhập sai từ IP {ip_address}.")
    record(AuditAction.LOCKOUT, request=request, user=user, username=username or "", detail=detail)


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="audit_role_before")
def _remember_role(sender, instance, update_fields=None, **kwargs):
    if not instance.pk or (update_fields is not None and not {f.removesuffix("_id") for f in ROLE_FIELDS}
                           & set(update_fields)):
        instance._audit_role_before = None  # e.g. last_login on each login: no extra query
        return
    before = sender.objects.filter(pk=instance.pk).values(*ROLE_FIELDS).first()
    instance._audit_role_before = before


def _describe(user, field, value):
    if value in (None, ""):
        return "—"
    if field == "role":
        return dict(type(user)._meta.get_field("role").choices).get(value, value)
    if field in ("unit_id", "agency_id"):
        model = type(user)._meta.get_field(field[:-3]).related_model
        found = model._default_manager.filter(pk=value).first()
        return str(found) if found else str(value)
    return "có" if value is True else "không" if value is False else str(value)


LABELS = {"role": "vai trò", "unit_id": "đơn vị", "agency_id": "cơ quan", "is_superuser": "toàn quyền",
          "is_staff": "vào trang quản trị", "is_active": "đang hoạt động", "is_unit_chairman": "chủ tịch UBND"}


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="audit_role_after")
def _role_changed(sender, instance, created, **kwargs):
    before = getattr(instance, "_audit_role_before", None)
    instance._audit_role_before = None
    if created:
        changes = [f"{LABELS[f]}: {_describe(instance, f, getattr(instance, f))}" for f in ("role", "unit_id")
                   if getattr(instance, f)]
        if changes:
            record(AuditAction.ROLE_CHANGE, user=instance, actor=actor_name(),
                   detail="Tạo tài khoản; " + "; ".join(changes))
        return
    if not before:
        return
    changes = [
        f"{LABELS[f]}: {_describe(instance, f, before[f])} → {_describe(instance, f, getattr(instance, f))}"
        for f in ROLE_FIELDS if before[f] != getattr(instance, f)
    ]
    if changes:
        record(AuditAction.ROLE_CHANGE, user=instance, actor=actor_name(), detail="; ".join(changes))
