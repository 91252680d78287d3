from django.contrib import admin

from directory.admin_scoping import ScopedChoicesMixin, ScopedInline, ScopedModelAdmin
from directory.permissions import Cap

from .models import HouseholdTotal, ReminderLog, ReportingDuty, ReportRecipient, ReportRun, ReportRunEvent


@admin.register(ReportingDuty)
class ReportingDutyAdmin(ScopedModelAdmin):
    write_cap = Cap.DUTY_EDIT
    list_display = ["title", "code", "plan", "owner_unit", "kind", "period_type", "due_rule", "first_year",
                    "last_year", "valid_from", "valid_to", "recipient", "dates_may_have_changed", "is_active"]
    list_filter = ["kind", "period_type", "due_rule", "is_active", "dates_may_have_changed"]
    search_fields = ["title", "code", "plan__code", "source_text"]
    filter_horizontal = ["reporter_units", "reporter_agencies"]
    list_select_related = ["plan", "owner_unit", "recipient"]


@admin.register(ReportRecipient)
class ReportRecipientAdmin(ScopedModelAdmin):
    """Who receives reports and when each body exists: a reorganisation is edited here, not in code."""

    list_display = ["name", "code", "unit", "valid_from", "valid_to", "date_unconfirmed"]
    list_filter = ["date_unconfirmed"]
    search_fields = ["name", "code"]
    list_select_related = ["unit"]


class ReportRunEventInline(ScopedInline, admin.TabularInline):
    model = ReportRunEvent
    write_cap = Cap.DUTY_EDIT
    extra = 0
    fields = ["at", "action", "actor", "text"]
    readonly_fields = fields


@admin.register(ReportRun)
class ReportRunAdmin(ScopedModelAdmin):
    write_cap = Cap.DUTY_EDIT
    list_display = ["duty", "year", "period_number", "reporting_unit", "agency", "due_date", "submitted_on",
                    "job_status"]
    list_filter = ["job_status", "period_type", "year"]
    search_fields = ["duty__title", "reporting_unit__name", "agency__name"]
    list_select_related = ["duty", "reporting_unit", "agency"]
    date_hierarchy = "due_date"
    readonly_fields = ["job_status", "job_error", "job_queued_at", "job_started_at", "job_finished_at",
                       "generated_file", "appendix_file", "uploaded_file", "submitted_at", "submitted_on",
                       "submitted_by", "uploaded_at", "uploaded_by"]
    inlines = [ReportRunEventInline]

    def has_add_permission(self, request, *args):
        # Runs are opened by the daily job from the duties, never by hand.
        return False


@admin.register(ReminderLog)
class ReminderLogAdmin(ScopedChoicesMixin, admin.ModelAdmin):
    list_display = ["sent_at", "kind", "email", "run"]
    list_filter = ["kind"]
    list_select_related = ["run__duty"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        scoped_runs = ReportRun.objects.for_user(request.user).values("pk")
        return qs.filter(run__in=scoped_runs)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HouseholdTotal)
class HouseholdTotalAdmin(ScopedModelAdmin):
    write_cap = Cap.DUTY_EDIT
    list_display = ["commune", "year", "total", "source", "updated_at"]
    list_filter = ["year"]
    search_fields = ["commune__name", "commune__code"]
    list_select_related = ["commune"]
    readonly_fields = ["updated_by"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
