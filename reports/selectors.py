"""Reads of the reports app: scoped through ``for_user``, shaped for one page each, fixed query counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Max, Q

from directory.models import AdministrativeUnit
from directory.scoping import get_for_user_or_404

from .models import HouseholdTotal, ReportingDuty, ReportRun, ReportRunEvent
from .periods import Period


def runs_for_user(user, today: datetime.date):
    """The runs the user may see, with their deadline status, ready for a list."""
    return (ReportRun.objects.for_user(user).with_status(today)
            .select_related("duty", "reporting_unit", "agency", "duty__recipient_unit", "duty__recipient_agency",
                            "duty__recipient"))


def run_for_user(user, pk: int) -> ReportRun:
    """One run the user may see (404 otherwise: never a hint that it exists)."""
    return get_for_user_or_404(
        ReportRun.objects.select_related("duty", "duty__plan", "duty__owner_unit", "duty__recipient_unit",
                                         "duty__recipient", "duty__recipient_agency", "reporting_unit", "agency",
                                         "submitted_by", "uploaded_by"),
        user, pk=pk)


def run_events(run: ReportRun):
    return ReportRunEvent.objects.filter(run=run).select_related("actor").order_by("at", "pk")


def my_runs(user, today: datetime.date):
    """Runs the user reports themselves (commune officials: their commune's; agency staff: their agency's)."""
    return runs_for_user(user, today).for_reporter(user).order_by("submitted_at", "due_date", "pk")


def units_for_filter(user):
    """Units a user may pick in the filters: everything in scope above the commune level, plus communes."""
    return AdministrativeUnit.objects.for_user(user).order_by("path")  # a prefix subquery, not an id list


def reported_in(unit: AdministrativeUnit) -> Q:
    """Runs reported in ``unit``'s territory: under it and, for a unit of today's map, under the units it
    carries (new Xã Lam Sơn: Xuân Bái's reports too), as its own users see them and its dashboard counts them."""
    from directory.lineage import historic_paths, is_post_reform

    paths = historic_paths(unit) if is_post_reform(unit) else [unit.path]
    condition = Q()
    for path in paths:
        condition |= Q(reporting_unit__path__startswith=path)
    return condition


def years_with_runs(user) -> list[int]:
    return sorted(set(ReportRun.objects.for_user(user).values_list("year", flat=True)), reverse=True)


def duties_of_plan(plan):
    return (ReportingDuty.objects.filter(plan=plan)
            .select_related("owner_unit", "recipient_unit", "recipient_agency", "recipient")
            .prefetch_related("reporter_units", "reporter_agencies")
            .annotate(run_count=Count("runs"))
            .order_by("first_year", "period_type", "due_month", "due_day", "code"))


# --------------------------------------------------------------------------- completeness


@dataclass
class CompletenessRow:
    duty_id: int
    duty_title: str
    duty_code: str
    period: Period
    due_date: datetime.date
    expected: int
    submitted: int
    on_time: int
    late: int
    missing: int
    not_due: int

    @staticmethod
    def _pct(part: int, whole: int) -> float | None:
        return round(part * 100 / whole, 1) if whole else None

    @property
    def reporting_rate(self) -> float | None:
        return self._pct(self.submitted, self.expected)

    @property
    def on_time_rate(self) -> float | None:
        return self._pct(self.on_time, self.expected)


def completeness(user, *, year: int, today: datetime.date, unit: AdministrativeUnit | None = None,
                 duty_id: int | None = None) -> list[CompletenessRow]:
    """Per duty and period (as DHIS2's reporting-rate summary): reports expected, submitted, on time, late,
    missing (overdue, not sent) and not yet due, with the rates; one aggregate query."""
    qs = ReportRun.objects.for_user(user).filter(year=year)
    if unit is not None:
        qs = qs.filter(reported_in(unit))
    if duty_id is not None:
        qs = qs.filter(duty_id=duty_id)
    rows = (qs.values("duty_id", "duty__title", "duty__code", "period_type", "year", "period_number")
            .annotate(expected=Count("pk"),
                      submitted=Count("pk", filter=Q(submitted_on__isnull=False)),
                      on_time=Count("pk", filter=Q(submitted_on__lte=F("due_date"))),
                      late=Count("pk", filter=Q(submitted_on__gt=F("due_date"))),
                      missing=Count("pk", filter=Q(submitted_on__isnull=True, due_date__lt=today)),
                      not_due=Count("pk", filter=Q(submitted_on__isnull=True, due_date__gte=today)),
                      due=Max("due_date"))
            .order_by("due", "duty__title", "period_number"))
    return [CompletenessRow(r["duty_id"], r["duty__title"], r["duty__code"],
                            Period(r["period_type"], r["year"], r["period_number"]), r["due"], r["expected"],
                            r["submitted"], r["on_time"], r["late"], r["missing"], r["not_due"]) for r in rows]


def completeness_total(rows: list[CompletenessRow]) -> dict:
    keys = ["expected", "submitted", "on_time", "late", "missing", "not_due"]
    total = {k: sum(getattr(r, k) for r in rows) for k in keys}
    total["reporting_rate"] = CompletenessRow._pct(total["submitted"], total["expected"])
    total["on_time_rate"] = CompletenessRow._pct(total["on_time"], total["expected"])
    return total


# --------------------------------------------------------------------------- household totals


def totals_grid(unit: AdministrativeUnit, year: int) -> list[tuple[AdministrativeUnit, HouseholdTotal | None]]:
    """The communes of ``year``'s map under ``unit`` with their total for ``year`` (or None). The map is the one
    the upload reads (``services.totals.parse_totals_workbook``): 31/12 of the year, or the unit's last day when
    it ended before; a unit of today's map also holds its predecessors' communes. So a province that spans
    both maps lists its 2024 communes for 2024, not those of 2024 and of today side by side."""
    from directory.lineage import historic_paths, is_post_reform, year_end

    day = year_end(year)
    if unit.valid_to is not None and unit.valid_to < day:
        day = unit.valid_to
    communes = AdministrativeUnit.objects.communes()
    communes = communes.under_paths(historic_paths(unit)) if is_post_reform(unit) else communes.descendants_of(unit)
    communes = list(communes.valid_on(day).select_related("parent").order_by("path"))
    totals = {t.commune_id: t for t in HouseholdTotal.objects.filter(year=year, commune__in=communes)}
    return [(c, totals.get(c.pk)) for c in communes]

