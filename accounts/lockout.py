"""Unlocking accounts that django-axes locked after too many wrong passwords (administrators only)."""

from axes.utils import reset

from .audit import record
from .models import AuditAction


def unlock(*, request, usernames=(), ip_addresses=()) -> int:
    """Forget the failed attempts of these accounts / addresses; one UNLOCK line each. Returns rows removed."""
    removed = 0
    for username in usernames:
        count = reset(username=username)
        removed += count
        record(AuditAction.UNLOCK, request=request, username=username, actor=request.user.username,
               detail=f"Mở khóa tài khoản {username} ({count} bản ghi đăng nhập sai được xóa).")
    for ip in ip_addresses:
        count = reset(ip=ip)
        removed += count
        record(AuditAction.UNLOCK, request=request, username="", actor=request.user.username,
               detail=f"Mở khóa địa chỉ IP {ip} ({count} bản ghi đăng nhập sai được xóa).")
    return removed
