import os

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet

from directory.admin_scoping import ScopedInline, ScopedModelAdmin
from directory.permissions import Cap

from .attachments import check_attachment
from .models import (
    CommuneSupportAssignment,
    IndicatorTarget,
    LegalBasis,
    Plan,
    PlanEvent,
    PlanSection,
    PriorResult,
    Project,
    QuotaRow,
    QuotaTable,
    TargetProgress,
    Task,
    TaskProgress,
)
from .services.quotas import QuotaRowInput, quota_table_validate


class LegalBasisInline(ScopedInline, admin.TabularInline):
    model = LegalBasis
    write_cap = Cap.PLAN_EDIT
    fk_name = "plan"
    extra = 0
    autocomplete_fields = ("referenced_plan",)


class PlanSectionInline(ScopedInline, admin.StackedInline):
    model = PlanSection
    write_cap = Cap.PLAN_EDIT
    extra = 0


class PriorResultInline(ScopedInline, admin.TabularInline):
    model = PriorResult
    write_cap = Cap.PLAN_EDIT
    extra = 0


@admin.register(Plan)
class PlanAdmin(ScopedModelAdmin):
    write_cap = Cap.PLAN_EDIT
    list_display = ("code", "number", "title", "kind", "unit", "first_year", "last_year", "issue_date")
    list_filter = ("kind", "first_year")
    search_fields = ("code", "number", "title")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)
    inlines = [LegalBasisInline, PlanSectionInline, PriorResultInline]


class TargetProgressInline(ScopedInline, admin.TabularInline):
    model = TargetProgress
    write_cap = Cap.PLAN_EDIT
    extra = 0
    exclude = ("recorded_by",)


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(ScopedModelAdmin):
    write_cap = Cap.PLAN_EDIT
    list_display = ("name", "plan", "value_min", "value_max", "measure_unit", "period", "year", "measure")
    list_filter = ("period", "measure")
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


class TaskProgressInlineForm(forms.ModelForm):
    """A file attached in the admin passes the page's checks (type by extension and content, size)."""

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if isinstance(upload, UploadedFile):  # a new file, not the one already stored
            check_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        upload = data.get("attachment")
        if isinstance(upload, UploadedFile) and not data.get("attachment_name"):
            data["attachment_name"] = os.path.basename(upload.name)[:255]
        return data


class TaskProgressInline(ScopedInline, admin.TabularInline):
    model = TaskProgress
    form = TaskProgressInlineForm
    write_cap = Cap.TASK_ASSIGN
    extra = 0
    autocomplete_fields = ("author",)


class TaskAdminForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["plan", "agency", "role", "project", "text", "due_date", "recurrence", "recurrence_note", "status",
                  "order"]

    def clean(self):
        data = super().clean()
        plan, agency = data.get("plan"), data.get("agency")
        # same rule as plans.services.tasks.task_create
        if plan and agency and not agency.unit.path.startswith(plan.unit.path):
            self.add_error("agency", f"{agency.name} không thuộc {plan.unit.name}, đơn vị ban hành kế hoạch.")
        return data


@admin.register(Task)
class TaskAdmin(ScopedModelAdmin):
    write_cap = Cap.TASK_ASSIGN
    form = TaskAdminForm
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


class QuotaRowInlineFormSet(BaseInlineFormSet):
    """The admin applies the same quota rules as the grid and the Excel import."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms) or self.instance.plan_id is None:
            return
        rows, forms_by_key = [], {}
        for index, form in enumerate(self.forms):
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("commune"):
                continue
            forms_by_key[index] = form
            rows.append(QuotaRowInput(commune=data["commune"], total=data.get("total"),
                                      without_labour=data.get("without_labour"), with_labour=data.get("with_labour"),
                                      label=f"Dòng {index + 1} ({data['commune'].display_name})", key=index))
        table_errors = []
        for error in quota_table_validate(rows, table=self.instance):
            if error.key is None:
                table_errors.append(error.message)
            else:
                field = error.field if error.field in forms_by_key[error.key].fields else None
                forms_by_key[error.key].add_error(field, error.message)
        if table_errors:
            raise ValidationError(table_errors)


class QuotaRowInline(ScopedInline, admin.TabularInline):
    model = QuotaRow
    formset = QuotaRowInlineFormSet
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
