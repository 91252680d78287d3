"""Admin: reference data (standards, causes, supports) is edited here; households and reviews are
read-only here because every change to them goes through the services (history, workflow, locks)."""

from django.contrib import admin

from directory.admin_scoping import ReadOnlyAdmin, ScopedInline, ScopedModelAdmin

from .models import (
    ClassificationRule,
    Dimension,
    EscapePlan,
    HistoryEntry,
    Household,
    IncomeLine,
    Indicator,
    Member,
    PovertyCause,
    PovertyStandard,
    Review,
    ReviewEvent,
    SupportType,
)


class IncomeLineInline(ScopedInline, admin.TabularInline):
    model = IncomeLine
    extra = 0


class RuleInline(ScopedInline, admin.TabularInline):
    model = ClassificationRule
    extra = 0


class DimensionInline(ScopedInline, admin.TabularInline):
    model = Dimension
    extra = 0


@admin.register(PovertyStandard)
class PovertyStandardAdmin(ScopedModelAdmin):
    list_display = ("name", "legal_basis", "first_list_year", "last_list_year", "is_verified")
    inlines = [IncomeLineInline, RuleInline, DimensionInline]


@admin.register(Indicator)
class IndicatorAdmin(ScopedModelAdmin):
    list_display = ("name", "dimension", "standard", "order", "is_verified")
    list_filter = ("standard", "is_verified")
    list_select_related = ("dimension", "standard")
    search_fields = ("name", "code")


@admin.register(PovertyCause)
class PovertyCauseAdmin(ScopedModelAdmin):
    list_display = ("name", "code", "order", "valid_from_year", "valid_to_year")


@admin.register(SupportType)
class SupportTypeAdmin(ScopedModelAdmin):
    list_display = ("name", "code", "order")


class ReadOnlyInline(ScopedInline):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MemberInline(ReadOnlyInline, admin.TabularInline):
    model = Member
    extra = 0


@admin.register(Household)
class HouseholdAdmin(ReadOnlyAdmin):
    list_display = ("code", "head_name", "commune", "village", "current_category", "current_year",
                    "has_labour_capacity", "member_count")
    list_filter = ("current_category", "has_labour_capacity", "is_ethnic_minority")
    search_fields = ("code", "head_name")
    list_select_related = ("commune",)
    show_full_result_count = False  # no COUNT(*) over a million rows
    inlines = [MemberInline]


class ReviewEventInline(ReadOnlyInline, admin.TabularInline):
    model = ReviewEvent
    extra = 0


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ("household", "year", "round", "category", "status", "commune")
    list_filter = ("status", "category", "round", "year")
    search_fields = ("household__code", "household__head_name")
    list_select_related = ("household", "commune")
    show_full_result_count = False
    inlines = [ReviewEventInline]


@admin.register(EscapePlan)
class EscapePlanAdmin(ReadOnlyAdmin):
    list_display = ("household", "target_year", "able_to_escape", "helping_agency")
    list_filter = ("target_year", "able_to_escape")
    list_select_related = ("household", "helping_agency")


@admin.register(HistoryEntry)
class HistoryEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "household", "object_label", "action", "field_label", "old_value", "new_value", "actor")
    list_select_related = ("household", "actor")
    show_full_result_count = False
