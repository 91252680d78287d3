"""The programme's funds in the admin: estimates, allocations and disbursements, scoped like every admin page
(``for_user``: the plan's unit or the allocation's commune; agency staff only their agency's), with filters and
search, amounts in đồng with Vietnamese separators (1.234.567).

Read-only: entries are made on the funds screens (/kinh-phi/), whose services apply the agency's ownership,
the "disbursement above allocation needs a note" rule, the version check and the plan's history."""

from django.contrib import admin

from directory.admin_scoping import ReadOnlyAdmin, ScopedInline
from directory.permissions import Cap

from .models import FundAllocation, FundDisbursement, FundLine
from .rules import money


def _money_column(field: str, label: str):
    @admin.display(description=f"{label} (đồng)", ordering=field)
    def column(self, obj):
        return money(getattr(obj, field))

    column.__name__ = f"{field}_vnd"
    return column


class _ReadOnlyInline(ScopedInline):
    write_cap = Cap.FUND_ENTER
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AllocationInline(_ReadOnlyInline, admin.TabularInline):
    model = FundAllocation
    fields = ("agency", "commune", "amount_vnd", "decision_number", "decision_date", "note")
    readonly_fields = fields
    amount_vnd = _money_column("amount", "phân bổ")

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user).select_related("agency", "commune")


class DisbursementInline(_ReadOnlyInline, admin.TabularInline):
    model = FundDisbursement
    fields = ("quarter", "amount_vnd", "document_number", "document_date", "note", "recorded_by")
    readonly_fields = fields
    amount_vnd = _money_column("amount", "giải ngân")

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user).select_related("recorded_by")


class FundAdmin(ReadOnlyAdmin):
    write_cap = Cap.FUND_ENTER


@admin.register(FundLine)
class FundLineAdmin(FundAdmin):
    list_display = ("plan", "project", "year", "source", "estimate_vnd", "updated_at")
    list_filter = ("year", "source", "plan__unit__level")
    search_fields = ("plan__code", "plan__number", "project__name", "note")
    list_select_related = ("plan", "project")
    fields = ("plan", "project", "year", "source", "estimate_vnd", "note", "version")
    readonly_fields = fields
    inlines = [AllocationInline]
    estimate_vnd = _money_column("estimate", "dự toán")


@admin.register(FundAllocation)
class FundAllocationAdmin(FundAdmin):
    list_display = ("line", "recipient", "amount_vnd", "decision_number", "decision_date")
    list_filter = ("line__year", "line__source", ("agency", admin.RelatedOnlyFieldListFilter))
    search_fields = ("line__plan__code", "line__project__name", "agency__name", "commune__name", "decision_number")
    list_select_related = ("line__plan", "line__project", "agency", "commune")
    fields = ("line", "agency", "commune", "amount_vnd", "decision_number", "decision_date", "note", "version")
    readonly_fields = fields
    inlines = [DisbursementInline]
    amount_vnd = _money_column("amount", "phân bổ")

    @admin.display(description="được giao")
    def recipient(self, obj):
        return obj.agency or obj.commune or "—"


@admin.register(FundDisbursement)
class FundDisbursementAdmin(FundAdmin):
    list_display = ("allocation", "quarter", "amount_vnd", "document_number", "document_date", "recorded_by")
    list_filter = ("allocation__line__year", "quarter", "allocation__line__source")
    search_fields = ("document_number", "allocation__line__project__name", "allocation__agency__name",
                     "allocation__commune__name", "note")
    list_select_related = ("allocation__line__plan", "allocation__line__project", "allocation__agency",
                           "allocation__commune", "recorded_by")
    fields = ("allocation", "quarter", "amount_vnd", "document_number", "document_date", "note", "recorded_by",
              "version")
    readonly_fields = fields
    date_hierarchy = "document_date"
    amount_vnd = _money_column("amount", "giải ngân")
