from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied

from .admin_scoping import ScopedInline, ScopedModelAdmin
from .models import AdministrativeUnit, Agency, UnitSuccession, User
from .permissions import Cap, user_can


class SuccessorInline(ScopedInline, admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ("successor",)
    verbose_name = "đơn vị kế thừa"
    verbose_name_plural = "đơn vị kế thừa (sau khi sắp xếp)"


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(ScopedModelAdmin):
    list_display = ("code", "name", "kind", "parent", "area", "is_poor_district", "is_especially_difficult",
                    "valid_from", "valid_to")
    list_filter = ("level", "kind", "area", "is_poor_district", "is_especially_difficult", "review_approver")
    search_fields = ("code", "name")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    readonly_fields = ("level", "path")
    inlines = [SuccessorInline]


@admin.register(Agency)
class AgencyAdmin(ScopedModelAdmin):
    list_display = ("name", "short_name", "kind", "unit", "is_programme_secretariat")
    list_filter = ("kind", "is_programme_secretariat")
    search_fields = ("name", "short_name", "unit__name")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)


@admin.register(User)
class UserAdmin(ScopedModelAdmin, BaseUserAdmin):
    write_cap = Cap.USER_ADMIN
    list_display = ("username", "first_name", "last_name", "role", "unit", "agency", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff", "is_unit_chairman")
    search_fields = ("username", "first_name", "last_name", "email", "unit__name", "agency__name")
    list_select_related = ("unit", "agency")
    autocomplete_fields = ("unit", "agency")
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Vai trò và phạm vi", {"fields": ("role", "unit", "agency", "position", "is_unit_chairman", "phone")}),
        ("Mật khẩu tạm", {"fields": ("must_change_password",)}),
    )
    actions = ["set_temporary_password"]

    @admin.action(description="Đặt mật khẩu tạm (người dùng phải đổi khi đăng nhập)")
    def set_temporary_password(self, request, queryset):
        """A random temporary password per selected user, shown once here; the next sign-in forces a change."""
        from django.utils.crypto import get_random_string

        if not user_can(request.user, Cap.USER_ADMIN):
            raise PermissionDenied("Chỉ quản trị viên được đặt mật khẩu tạm.")
        lines = []
        for user in queryset:
            temporary = get_random_string(10, "abcdefghjkmnpqrstuvwxyz23456789")
            user.set_password(temporary)
            user.must_change_password = True
            user.save(update_fields=["password", "must_change_password"])
            lines.append(f"{user.username}: {temporary}")
        self.message_user(request, "Mật khẩu tạm (chỉ hiện một lần, báo riêng cho từng người): " + "; ".join(lines),
                          messages.WARNING)
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("Vai trò và phạm vi", {"fields": ("role", "unit", "agency")}),
    )
