from django.contrib import admin

from directory.admin_scoping import ScopedInline, ScopedModelAdmin
from directory.permissions import Cap

from .models import (
    CommuneSupportAssignment,
    IndicatorTarget,
    LegalBasis,
    Plan,
    PlanEvent,
    Project,
    QuotaRow,
    QuotaTable,
    TargetProgress,
    Task,
    TaskProgress,
)


class LegalBasisInline(ScopedInline, admin.TabularInline):
    model = LegalBasis
    write_cap = Cap.PLAN_EDIT
    fk_name = "plan"
    extra = 0
    autocomplete_fields = ("referenced_plan",)


@admin.register(Plan)
class PlanAdmin(ScopedModelAdmin):
    write_cap = Cap.PLAN_EDIT
    list_display = ("code", "number", "title", "kind", "unit", "first_year", "last_year", "issue_date")
    list_filter = ("kind", "first_year")
    search_fields = ("code", "number", "title")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)
    inlines = [LegalBasisInline]


class TargetProgressInline(ScopedInline, admin.TabularInline):
    model = TargetProgress
    write_cap = Cap.PLAN_EDIT
    extra = 0
    exclude = ("recorded_by",)


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(ScopedModelAdmin):
    write_cap = Cap.PLAN_EDIT
    list_display = ("name", "plan", "value_min", "value_max", "measure_unit", "period", "year")
    list_filter = ("period",)
    search_fields = ("name", "plan__code")
    list_select_related = ("plan",)
    autocomplete_fields = ("plan", "parent", "applies_to_unit")
    inlines = [TargetProgressInline]


@admin.register(Project)
class ProjectAdmin(ScopedModelAdmin):
    write_cap = Cap.PLAN_EDIT
    list_display = ("__str__", "plan", "parent", "lead_agency")
    list_filter = ("kind",)
    search_fields = ("name", "plan__code")
    list_select_related = ("plan", "parent", "lead_agency")
    autocomplete_fields = ("plan", "parent", "lead_agency", "coordinating_agencies")


class TaskProgressInline(ScopedInline, admin.TabularInline):
    model = TaskProgress
    write_cap = Cap.TASK_ASSIGN
    extra = 0
    autocomplete_fields = ("author",)


@admin.register(Task)
class TaskAdmin(ScopedModelAdmin):
    write_cap = Cap.TASK_ASSIGN
    list_display = ("__str__", "plan", "agency", "role", "due_date", "recurrence", "status")
    list_filter = ("role", "status", "recurrence")
    search_fields = ("text", "agency__name", "plan__code")
    list_select_related = ("plan", "agency")
    autocomplete_fields = ("plan", "agency", "project")
    exclude = ("created_by",)
    inlines = [TaskProgressInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class QuotaRowInline(ScopedInline, admin.TabularInline):
    model = QuotaRow
    write_cap = Cap.QUOTA_EDIT
    extra = 0
    autocomplete_fields = ("commune",)


@admin.register(QuotaTable)
class QuotaTableAdmin(ScopedModelAdmin):
    write_cap = Cap.QUOTA_EDIT
    list_display = ("__str__", "plan", "year", "target_total", "target_without_labour", "target_with_labour")
    list_filter = ("year",)
    search_fields = ("plan__code", "plan__number")
    list_select_related = ("plan",)
    autocomplete_fields = ("plan",)
    inlines = [QuotaRowInline]


@admin.register(CommuneSupportAssignment)
class CommuneSupportAssignmentAdmin(ScopedModelAdmin):
    write_cap = Cap.PLAN_EDIT
    list_display = ("order", "commune", "agencies_as_written", "steering_member", "plan")
    search_fields = ("commune__name", "agencies_as_written", "steering_member")
    list_select_related = ("plan", "commune")
    autocomplete_fields = ("plan", "commune", "agencies")


@admin.register(PlanEvent)
class PlanEventAdmin(ScopedModelAdmin):
    list_display = ("created_at", "plan", "actor", "action")
    list_select_related = ("plan", "actor")

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False
