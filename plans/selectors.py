"""Reads for the plans app (pages, commands and the reports app call these)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import OuterRef, Prefetch, Subquery

from directory.lookups import Ids
from directory.models import AdministrativeUnit

from .models import (
    CommuneSupportAssignment,
    IndicatorTarget,
    Plan,
    Project,
    QuotaRow,
    QuotaTable,
    TargetProgress,
    Task,
)
from .services.quotas import QuotaFigures, quota_table_totals

__all__ = [
    "QuotaFigures",
    "communes_of_plan",
    "get_plan",
    "owns_plan",
    "plan_detail_context",
    "plan_list",
    "quota_by_commune",
    "quota_table_totals",
    "quota_table_with_rows",
    "targets_with_latest_actual",
    "tasks_for_user",
]


def get_plan(code_or_number: str, *, user=None) -> Plan:
    """The plan named by its code (``thoxuan-2024``) or its document number (``81/KH-UBND``).

    Raises ``Plan.DoesNotExist`` with a Vietnamese message when nothing or more than
    one plan matches (a number is unique only within its issuing unit).
    """
    text = (code_or_number or "").strip()
    qs = Plan.objects.select_related("unit")
    if user is not None:
        qs = qs.for_user(user)
    plan = qs.filter(code=text).first()
    if plan is not None:
        return plan
    matches = list(qs.filter(number__iexact=text)[:2]) if text else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        codes = ", ".join(p.code for p in qs.filter(number__iexact=text))
        raise Plan.DoesNotExist(f"Số văn bản “{text}” khớp nhiều kế hoạch ({codes}); hãy dùng mã kế hoạch.")
    raise Plan.DoesNotExist(f"Không tìm thấy kế hoạch có mã hoặc số “{text}”.")


def plan_list(user):
    """Plans of the user's units, and plans that name one of them (a commune's quota row): read-only."""
    return Plan.objects.readable_by(user).select_related("unit")


def owns_plan(plan: Plan, user) -> bool:
    """May the user change the plan (its issuing unit is theirs), rather than only read the rows naming them?"""
    return Plan.objects.for_user(user).filter(pk=plan.pk).exists()


def targets_with_latest_actual(plan: Plan, user=None):
    """The plan's targets (those the user may read, when given), each annotated with its latest actual
    (``latest_actual``, ``latest_as_of``,
    ``latest_period``, ``latest_source``), or None where no progress was recorded yet."""
    latest = TargetProgress.objects.filter(target=OuterRef("pk")).order_by("-as_of", "-pk")
    targets = IndicatorTarget.objects.filter(plan=plan)
    if user is not None:
        targets = targets.readable_by(user)
    return (
        targets.select_related("applies_to_unit")
        .annotate(
            latest_actual=Subquery(latest.values("actual_value")[:1]),
            latest_as_of=Subquery(latest.values("as_of")[:1]),
            latest_period=Subquery(latest.values("period_label")[:1]),
            latest_source=Subquery(latest.values("source")[:1]),
        )
        .order_by("order", "pk")
    )


def tasks_for_user(user):
    """Tasks the user may see (agency staff: their agency's only), ready for a list."""
    return Task.objects.for_user(user).select_related("plan", "agency", "project")


def communes_of_plan(plan: Plan, year: int | None = None):
    """Communes under the plan's issuing unit (valid on 1 January of ``year`` when given)."""
    qs = AdministrativeUnit.objects.communes().descendants_of(plan.unit)
    if year is not None:
        qs = qs.valid_on(datetime.date(year, 1, 1))
    return qs.select_related("parent").order_by("path")


def quota_table_with_rows(table: QuotaTable) -> tuple[list[QuotaRow], QuotaFigures]:
    rows = list(table.rows.select_related("commune").order_by("order", "pk"))
    return rows, quota_table_totals(rows)


def plan_detail_context(plan: Plan, user) -> dict:
    """Everything the plan page shows, in a fixed number of queries whatever the plan's size.

    Someone who only reads the plan because it names their unit (a commune official and the district's
    plan) gets the rows naming their unit only: targets, quota rows, support assignments, prior results.
    """
    owner = owns_plan(plan, user)
    projects = list(
        Project.objects.filter(plan=plan, parent__isnull=True)
        .select_related("lead_agency")
        .prefetch_related(
            "coordinating_agencies",
            Prefetch("subprojects", queryset=Project.objects.select_related("lead_agency")
                     .prefetch_related("coordinating_agencies").order_by("order", "number")),
        )
        .order_by("order", "kind", "number")
    )
    tasks = list(
        Task.objects.for_user(user).filter(plan=plan).select_related("agency", "project").order_by("order", "pk")
    )
    tables = list(
        QuotaTable.objects.filter(plan=plan).readable_by(user)
        .prefetch_related(Prefetch("rows", queryset=QuotaRow.objects.readable_by(user).select_related("commune")
                                   .order_by("order")))
        .order_by("year")
    )
    quota_tables = [(table, quota_table_totals(table.rows.all())) for table in tables]
    assignments = list(
        CommuneSupportAssignment.objects.filter(plan=plan).readable_by(user).select_related("commune").prefetch_related("agencies")
        .order_by("order", "pk")
    )
    targets = list(targets_with_latest_actual(plan, user))
    for target in targets:
        target.met = target.is_met_by(target.latest_actual)
    return {
        "legal_bases": list(plan.legal_bases.select_related("referenced_plan").order_by("order", "pk")),
        "targets": targets,
        "projects": projects,
        "tasks": tasks,
        "quota_tables": quota_tables,
        "assignments": assignments,
        "section_parts": _section_parts(plan),
        "prior_results": list(plan.prior_results.readable_by(user).select_related("unit").order_by("order", "pk")),
        "owns_plan": owner,
    }


def _section_parts(plan: Plan) -> list[tuple[str, list]]:
    """The plan's numbered text items grouped by part, in document order: [(part, [section, ...]), ...]."""
    parts: dict[str, list] = {}
    for section in plan.sections.order_by("order", "pk"):
        parts.setdefault(section.part, []).append(section)
    return list(parts.items())


def quota_by_commune(*, year: int, commune_ids: Iterable[int] | None = None) -> dict[int, QuotaFigures]:
    return quota_by_commune_years(years=[year], commune_ids=commune_ids)[year]


def quota_by_commune_years(*, years: Iterable[int], commune_ids: Iterable[int] | None = None
                           ) -> dict[int, dict[int, QuotaFigures]]:
    """Each commune's quota for ``year``: {commune_id: QuotaFigures(total, without_labour, with_labour)}.

    ``quota_by_commune_years``: {year: that} for several years, in the same one query.

    Not scoped to a user: the caller (the reports app) scopes the commune ids.
    When several plans set a quota for the same commune and year, the most
    specific plan wins: the one whose issuing unit is lowest in the tree (a
    district's own plan over the province's), then the latest issue date, then
    the most recently created table. Communes with no quota are absent.
    """
    years = sorted(set(years))
    best: dict[int, dict[int, tuple]] = {year: {} for year in years}
    if not years:
        return {}
    rows = QuotaRow.objects.filter(table__year__in=years) if len(years) > 1 else QuotaRow.objects.filter(
        table__year=years[0])
    if commune_ids is not None:
        commune_ids = list(commune_ids)
        if not commune_ids:
            return {year: {} for year in years}
        rows = rows.filter(commune_id__in_ids=Ids(commune_ids))
    candidates = rows.values_list(
        "table__year", "commune_id", "total", "without_labour", "with_labour",
        "table__plan__unit__path", "table__plan__issue_date", "table_id",
    )
    for year, commune_id, total, without, with_, unit_path, issued, table_id in candidates:
        # deeper path = more specific unit; a missing issue date (draft) ranks before dated ones
        rank = (unit_path.count("/"), issued or datetime.date.min, table_id)
        current = best[year].get(commune_id)
        if current is None or rank > current[0]:
            best[year][commune_id] = (rank, QuotaFigures(total, without, with_))
    return {year: {commune_id: figures for commune_id, (_, figures) in by_commune.items()}
            for year, by_commune in best.items()}
