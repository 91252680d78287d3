from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .admin_scoping import ScopedInline, ScopedModelAdmin
from .models import AdministrativeUnit, Agency, UnitSuccession, User
from .permissions import Cap


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
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("Vai trò và phạm vi", {"fields": ("role", "unit", "agency")}),
    )
