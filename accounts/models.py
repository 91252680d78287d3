"""The audit log (who logged in, failed, was locked out, exported household data, changed a role) and the
admin's view of django-axes' lockouts."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db import models

from directory.scoping import ScopedQuerySet


class AuditAction(models.TextChoices):
    LOGIN = "login", "Đăng nhập"
    LOGIN_FAILED = "login_failed", "Đăng nhập sai"
    LOCKOUT = "lockout", "Bị khóa đăng nhập"
    UNLOCK = "unlock", "Mở khóa đăng nhập"
    LOGOUT = "logout", "Đăng xuất"
    SESSION_EXPIRED = "session_expired", "Hết phiên do không hoạt động"
    EXPORT = "export", "Xuất dữ liệu"
    ROLE_CHANGE = "role_change", "Đổi vai trò, phạm vi"


class AuditEventQuerySet(ScopedQuerySet):
    scope_unit_field = "unit"


class AuditEvent(models.Model):
    """One line per event; never edited. ``username`` and ``unit`` are kept as they were at the time, so the
    line stays readable when the account is renamed, moved or deleted."""

    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    action = models.CharField("sự kiện", max_length=20, choices=AuditAction.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="tài khoản", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    username = models.CharField("tên đăng nhập", max_length=150, blank=True, db_index=True)
    unit = models.ForeignKey("directory.AdministrativeUnit", verbose_name="đơn vị", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField("người thực hiện", max_length=150, blank=True,
                             help_text="Ai đã làm thay đổi (với đổi vai trò, mở khóa).")
    ip_address = models.GenericIPAddressField("địa chỉ IP", null=True, blank=True)
    request_id = models.CharField("mã yêu cầu", max_length=64, blank=True)
    path = models.CharField("đường dẫn", max_length=500, blank=True)
    detail = models.TextField("chi tiết", blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "nhật ký truy cập"
        verbose_name_plural = "nhật ký truy cập"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "-at"], name="audit_action_at")]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.username}"


class LoginLockout(AccessAttempt):
    """django-axes' failed-login counters, shown to administrators in Vietnamese; deleting one unlocks."""

    class Meta:
        proxy = True
        verbose_name = "tài khoản, IP đang bị đếm đăng nhập sai"
        verbose_name_plural = "khóa đăng nhập (đăng nhập sai)"
