"""Administrators' pages: the audit log (filter, search, Excel of what is filtered) and the login lockouts."""

import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from openpyxl import Workbook

from directory.admin_scoping import ReadOnlyAdmin, ScopedModelAdmin
from directory.permissions import Cap, user_can

from .lockout import unlock
from .models import AuditEvent, LoginLockout

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    """Cell text that Excel never reads as a formula (a failed login's username is typed by anyone)."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class AdministratorsOnly:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and user_can(request.user, Cap.USER_ADMIN)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)


@admin.register(AuditEvent)
class AuditEventAdmin(AdministratorsOnly, ReadOnlyAdmin):
    list_display = ("at", "action", "username", "unit", "ip_address", "detail", "actor", "request_id")
    list_filter = ("action", "at")
    search_fields = ("username", "detail", "actor", "ip_address", "request_id", "path")
    date_hierarchy = "at"
    list_select_related = ("unit",)
    list_per_page = 100
    show_full_result_count = False  # no COUNT(*) over the whole log on every page
    change_list_template = "admin/accounts/auditevent/change_list.html"

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_view)
        return [path("excel/", export, name="accounts_auditevent_excel"), *super().get_urls()]

    def export_view(self, request):
        """The events the change list shows with the same filters and search, as an Excel file."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        queryset = changelist.get_queryset(request).select_related("unit")
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Nhật ký truy cập")
        ws.append(["Thời điểm", "Sự kiện", "Tên đăng nhập", "Đơn vị", "Địa chỉ IP", "Chi tiết",
                   "Người thực hiện", "Đường dẫn", "Mã yêu cầu"])
        tz = timezone.get_current_timezone()
        for event in queryset.iterator(chunk_size=2000):
            ws.append([event.at.astimezone(tz).replace(tzinfo=None), event.get_action_display(),
                       _text(event.username), _text(event.unit), _text(event.ip_address), _text(event.detail),
                       _text(event.actor), _text(event.path), _text(event.request_id)])
        response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        stamp = datetime.datetime.now(tz).strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="nhat-ky-truy-cap-{stamp}.xlsx"'
        wb.save(response)
        return response


@admin.register(LoginLockout)
class LoginLockoutAdmin(AdministratorsOnly, ScopedModelAdmin):
    list_display = ("username", "ip_address", "failures_since_start", "attempt_time", "user_agent")
    search_fields = ("username", "ip_address")
    actions = ["unlock_selected", "unblock_addresses_selected"]
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # unlocking goes through the action, which also writes the audit log

    def get_actions(self, request):
        actions = super().get_actions(request)
        return {name: action for name, action in actions.items()
                if name in ("unlock_selected", "unblock_addresses_selected")}

    @admin.action(description="Mở khóa đăng nhập (xóa số lần đăng nhập sai)")
    def unlock_selected(self, request, queryset):
        usernames = sorted({u for u in queryset.values_list("username", flat=True) if u})
        ips = sorted({ip for ip in queryset.filter(username="").values_list("ip_address", flat=True) if ip})
        unlock(request=request, usernames=usernames, ip_addresses=ips)
        self.message_user(request, f"Đã mở khóa: {', '.join(usernames + ips) or 'không có gì'}.", messages.SUCCESS)

    @admin.action(description="Mở chặn địa chỉ IP của các dòng đã chọn (xóa mọi lần đăng nhập sai từ địa chỉ đó)")
    def unblock_addresses_selected(self, request, queryset):
        ips = sorted({ip for ip in queryset.values_list("ip_address", flat=True) if ip})
        unlock(request=request, ip_addresses=ips)
        self.message_user(request, f"Đã mở chặn: {', '.join(ips) or 'không có gì'}.", messages.SUCCESS)
