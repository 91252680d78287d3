"""Administrators see the API tokens of the accounts in their units (name, first characters, created, last
used) and may revoke one (delete); nobody can read a key back: only its SHA-256 digest is stored."""

from django.contrib import admin

from accounts.admin import AdministratorsOnly
from directory.admin_scoping import ScopedModelAdmin
from directory.permissions import Cap

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(AdministratorsOnly, ScopedModelAdmin):
    write_cap = Cap.USER_ADMIN
    list_display = ("user", "name", "prefix_shown", "created", "last_used")
    list_filter = ("user__role",)
    search_fields = ("user__username", "name", "prefix")
    list_select_related = ("user",)
    fields = ("user", "name", "prefix_shown", "created", "last_used")
    readonly_fields = fields
    date_hierarchy = "created"

    @admin.display(description="đầu mã", ordering="prefix")
    def prefix_shown(self, obj):
        return f"{obj.prefix}…"

    def has_add_permission(self, request, *args):
        return False  # a key is made by its owner, who alone sees it (profile page)

    def has_change_permission(self, request, obj=None):
        return False
