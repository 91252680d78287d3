"""Disbursement as a share of allocation, by project and by receiving unit: one function for the funds page,
the dashboard and the six-month/annual report sheet, so they always agree.

A unit's funds are the lines of plans issued by the unit or any unit under it (on today's map, also its
predecessors': ``directory.lineage``), plus the allocations made to its communes by plans of a higher level.
Everything is summed in the database (three grouped queries, or one probe when the unit has no fund line of
the year), whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, Sum

from directory.models import AdministrativeUnit

from .models import FundAllocation, FundDisbursement, FundLine, FundSource
from .rules import rate


@dataclass
class RateRow:
    key: object
    label: str
    group: str = ""  # the plan (by project) or the kind of unit (by unit)
    estimate: int | None = None
    allocated: int = 0
    disbursed: int = 0
    by_source: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> Decimal | None:
        return rate(self.disbursed, self.allocated)


@dataclass
class FundRates:
    year: int
    quarters: tuple[int, ...]
    by_project: list[RateRow]
    by_unit: list[RateRow]
    total: RateRow
    by_line: list[RateRow] = field(default_factory=list)  # project × source

    @property
    def has_data(self) -> bool:
        return bool(self.by_project or self.by_unit)


def _unit_paths(unit: AdministrativeUnit) -> list[str]:
    from directory.lineage import historic_paths, is_post_reform

    if is_post_reform(unit) and unit.has_predecessors:
        return historic_paths(unit)
    return [unit.path]


def _unit_condition(prefix: str, paths: list[str]) -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{prefix}__path__startswith": path})
    return condition


def fund_rates(*, unit: AdministrativeUnit | None, year: int, quarters=(1, 2, 3, 4), user=None,
               plan=None) -> FundRates:
    """The year's estimates, allocations and disbursements of the given quarters, by project and by unit.

    ``unit=None`` with ``plan``: one plan. ``user``: only what the user may see (``for_user``).
    """
    lines = FundLine.objects.filter(year=year)
    allocations = FundAllocation.objects.filter(line__year=year)
    disbursements = FundDisbursement.objects.filter(allocation__line__year=year, quarter__in=list(quarters))
    if plan is not None:
        lines = lines.filter(plan=plan)
        allocations = allocations.filter(line__plan=plan)
        disbursements = disbursements.filter(allocation__line__plan=plan)
    if unit is not None:
        paths = _unit_paths(unit)
        lines = lines.filter(_unit_condition("plan__unit", paths))
        allocations = allocations.filter(_unit_condition("line__plan__unit", paths)
                                         | _unit_condition("commune", paths))
        disbursements = disbursements.filter(_unit_condition("allocation__line__plan__unit", paths)
                                             | _unit_condition("allocation__commune", paths))
    # Most units have no fund line of the year (a commune, a year not planned yet): one probe then answers for
    # the grouped queries below. Without the user's narrowing (a superset): any allocation they would sum is of
    # a line of the year whose plan is under the unit or that allocates to one of its communes.
    any_line = True
    if unit is not None:
        probe = FundLine.objects.filter(year=year).filter(
            _unit_condition("plan__unit", paths)
            | Exists(FundAllocation.objects.filter(line=OuterRef("pk")).filter(_unit_condition("commune", paths))))
        any_line = (probe.filter(plan=plan) if plan is not None else probe).exists()
    if user is not None:
        lines = lines.for_user(user)
        allocations = allocations.for_user(user)
        disbursements = disbursements.for_user(user)

    projects: dict[int, RateRow] = {}
    pairs: dict[tuple, RateRow] = {}

    def pair_row(project: RateRow, source: str) -> RateRow:
        row = pairs.get((project.key, source))
        if row is None:
            row = pairs[(project.key, source)] = RateRow(key=(project.key, source), label=project.label,
                                                         group=SOURCE_LABELS[source], estimate=0)
        return row

    def project_row(pk, number, kind, name, parent_number, plan_code, plan_number):
        row = projects.get(pk)
        if row is None:
            from plans.models import ProjectKind

            label = f"{ProjectKind(kind).label} {number}: {name}"
            if parent_number is not None:
                label = f"Dự án {parent_number} › {label}"
            row = projects[pk] = RateRow(key=pk, label=label, group=plan_number or plan_code, estimate=0)
        return row

    project_fields = ("project_id", "project__number", "project__kind", "project__name", "project__parent__number",
                      "plan__code", "plan__number")
    for values in (lines.values(*project_fields, "source").annotate(total=Sum("estimate")).order_by()
                   if any_line else ()):
        row = project_row(*[values[f] for f in project_fields])
        row.estimate += values["total"] or 0
        pair_row(row, values["source"]).estimate += values["total"] or 0

    units: dict[tuple, RateRow] = {}

    def unit_row(agency_id, agency_name, commune_id, commune_name, commune_kind, plan_unit_name):
        if agency_id:
            key, label, group = ("agency", agency_id), agency_name, "Cơ quan"
        elif commune_id:
            label = f"TT {commune_name}" if commune_kind == "thi_tran" else commune_name
            key, group = ("commune", commune_id), "Xã"
        else:
            key, label, group = ("none", plan_unit_name), f"Chưa giao đơn vị cụ thể ({plan_unit_name})", "Chưa giao"
        row = units.get(key)
        if row is None:
            row = units[key] = RateRow(key=key, label=label, group=group)
        return row

    # Allocations and disbursements: one grouped query each, by project × source × receiving unit, summed
    # here both by project (and source) and by unit (a grouping by each was two queries of the same joins).
    line_fields = tuple(f"line__{f}" for f in project_fields)
    unit_fields = ("agency_id", "agency__name", "commune_id", "commune__name", "commune__kind",
                   "line__plan__unit__name")
    allocated_any = False
    for values in (allocations.values(*line_fields, "line__source", *unit_fields).annotate(
            total=Sum("amount")).order_by() if any_line else ()):
        allocated_any = True
        total = values["total"] or 0
        row = project_row(*[values[f] for f in line_fields])
        row.allocated += total
        pair_row(row, values["line__source"]).allocated += total
        unit_row(*[values[f] for f in unit_fields]).allocated += total
    disb_fields = tuple(f"allocation__line__{f}" for f in project_fields)
    d_unit_fields = tuple(f"allocation__{f}" for f in unit_fields)
    # a disbursement is of an allocation the same conditions select: none without one (no query)
    for values in (disbursements.values(*disb_fields, "allocation__line__source", *d_unit_fields).annotate(
            total=Sum("amount")).order_by() if allocated_any else ()):
        total = values["total"] or 0
        row = project_row(*[values[f] for f in disb_fields])
        row.disbursed += total
        source = values["allocation__line__source"]
        row.by_source[source] = row.by_source.get(source, 0) + total
        pair_row(row, source).disbursed += total
        unit_row(*[values[f] for f in d_unit_fields]).disbursed += total

    by_project = sorted(projects.values(), key=lambda r: (r.group, r.label))
    by_unit = sorted(units.values(), key=lambda r: ({"Cơ quan": 0, "Xã": 1}.get(r.group, 2), r.label))
    total = RateRow(key=None, label="Tổng cộng", estimate=sum(r.estimate or 0 for r in by_project),
                    allocated=sum(r.allocated for r in by_project), disbursed=sum(r.disbursed for r in by_project))
    source_order = {value: index for index, value in enumerate(FundSource.values)}
    by_line = sorted(pairs.values(), key=lambda r: (projects[r.key[0]].group, r.label, source_order[r.key[1]]))
    return FundRates(year=year, quarters=tuple(quarters), by_project=by_project, by_unit=by_unit, total=total,
                     by_line=by_line)


SOURCE_LABELS = dict(FundSource.choices)


def dashboard_fund_rates(*, unit: AdministrativeUnit, year: int, user) -> FundRates:
    """The dashboard's funds figures (its chart and table, and the "Kinh phí" sheet of its workbook): the whole
    year of ``unit``, what ``user`` may see."""
    return fund_rates(unit=unit, year=year, user=user)
