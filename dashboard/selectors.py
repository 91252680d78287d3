"""Reads of the dashboard: one unit and year, from the pre-aggregated figures (never the households).

Everything the page, its charts, their tables and the Excel download show comes from
``dashboard_data``; the rows are summed per commune (one plain query over them), turned into
``reports.poverty.Figures`` and summed by the same ``sum_rows`` the annual report uses, so both agree
by construction.

Each chart is a plain dict (``Chart``): labels and datasets for Chart.js, and the same
numbers as a table (headers + rows) for the page, the printout and the Excel sheet.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass, field, fields
from decimal import Decimal

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Sum, TextField, When
from django.db.models.functions import Cast
from django.http import Http404

from directory.lookups import Ids
from directory.models import AdministrativeUnit
from directory.scoping import get_for_user_or_404, scope_for
from households.classification import NoStandardError, standard_for_review
from households.models import Indicator, PovertyCause, ReviewRound
from plans.models import IndicatorTarget, TargetMeasure
from reports.boundaries import (
    Boundaries,
    clean_boundaries,
    fold_predecessors,
    fold_totals,
    history_communes,
    report_commune_rows,
)
from reports.models import ReportRun
from reports.periods import Period, PeriodKind
from reports.poverty import (
    Figures,
    SummaryRow,
    household_totals,
    report_inputs,
    report_inputs_years,
    sum_rows,
)

from .models import CommuneYearFigures

FIGURE_FIELDS = [f.name for f in fields(Figures)]


def _pct(part, whole) -> float | None:
    if part is None or not whole:
        return None
    return round(part * 100 / whole, 2)


# --------------------------------------------------------------------------- unit and year


def dashboard_unit(user, unit_id: int | None) -> AdministrativeUnit:
    """The unit asked for (404 outside the user's scope), or the user's working unit by default (an old
    commune's account: the commune that carries it today). Read with its parents (a commune is at most two
    levels below its province): the breadcrumbs and the map's province need no query of their own."""
    with_parents = AdministrativeUnit.objects.select_related("parent__parent")
    if unit_id is not None:
        return get_for_user_or_404(with_parents, user, pk=unit_id)
    if user.working_unit_id is not None:
        return with_parents.get(pk=user.working_unit_id)
    # an administrator without a unit: the first province
    first = AdministrativeUnit.objects.provinces().order_by("path").first()
    if first is None:
        raise Http404("Chưa có đơn vị hành chính nào.")
    return first


def breadcrumbs(user, unit: AdministrativeUnit) -> list[AdministrativeUnit]:
    """The unit's ancestors the user may open, top-down, ending with the unit itself: its parent chain (read
    with it by ``dashboard_unit``), kept where the user's scope holds it (the ids the page has already read)."""
    scope = scope_for(user)
    paths = set(unit.lineage_paths)
    return [u for u in [*unit.ancestors(), unit] if u.path in paths and scope.contains_unit_id(u.pk)]


def figure_years(unit: AdministrativeUnit) -> list[int]:
    """Years with figures for the communes under ``unit`` (or whose households it manages today), newest first.

    ``order_by()``: the model's ordering (commune path, year) would otherwise join into the DISTINCT, which
    then returned one row per commune and year (a province: 1,100 rows for two years)."""
    return sorted(CommuneYearFigures.objects.filter(Q(commune__path__startswith=unit.path)
                                                    | Q(current_commune__path__startswith=unit.path))
                  .order_by().values_list("year", flat=True).distinct(), reverse=True)


@dataclass(frozen=True)
class YearCompletion:
    """How many communes under a unit have finished a year's periodic review."""

    year: int
    done: int
    total: int

    @property
    def is_mostly_complete(self) -> bool:
        return self.total > 0 and self.done * 2 > self.total

    @property
    def label(self) -> str:
        if not self.total:  # a unit that ended before the year (a district in 2026), or had no commune yet
            return f"{self.year}: đơn vị không có xã nào trong năm này"
        return f"{self.year}: {self.done}/{self.total} xã đã có kết quả"


def year_completion(unit: AdministrativeUnit, years: list[int], history=None) -> dict[int, YearCompletion]:
    """Per year: communes under ``unit`` that have results of that year's periodic review (at least one
    approved periodic review).

    One query over the communes, with one EXISTS per year: each is an index-only probe of
    review_periodic_done_idx (partial: approved periodic reviews) that stops at the first one. (A DISTINCT
    (year, commune) over the reviews read every review of the province: 300 ms of the province dashboard's
    390 ms at a million households.)
    ``history``: ``reports.boundaries.history_communes(unit)`` when the caller already read it."""
    from households.models import Review, ReviewStatus

    if not years:
        return {}
    if history is None:
        history = history_communes(unit)
    # The communes that existed during each year (a reform changes the list), on that year's boundaries: a
    # new commune's years before it existed count the communes it came from (Lam Sơn's 2024: Xuân Bái...).
    per_year = {year: {c.pk for c in report_commune_rows(unit, datetime.date(year, 1, 1), datetime.date(year, 12, 31),
                                                          Boundaries.PERIOD, history=history)} for year in years}
    commune_ids = set().union(*per_year.values()) if per_year else set()
    done: dict[int, int] = defaultdict(int)
    if years and commune_ids:
        probes = {f"done_{year}": Exists(Review.objects.filter(
            commune_id=OuterRef("pk"), year=year, status=ReviewStatus.APPROVED, round=ReviewRound.PERIODIC))
            for year in years}
        rows = (AdministrativeUnit.objects.filter(pk__in_ids=Ids(commune_ids)).order_by().annotate(**probes)
                .values_list("pk", *probes))
        for commune_id, *flags in rows:
            for year, flag in zip(years, flags, strict=True):
                if flag and commune_id in per_year[year]:
                    done[year] += 1
    return {year: YearCompletion(year, done[year], len(per_year[year])) for year in years}


def default_year(years: list[int], today: datetime.date, completion: dict[int, YearCompletion] | None = None) -> int:
    """The latest year (not in the future) whose periodic review is complete for most of the unit's
    communes, not a year with one early approval; else the latest past year with figures; else this year."""
    past = [y for y in years if y <= today.year]
    if completion:
        complete = [y for y in past if y in completion and completion[y].is_mostly_complete]
        if complete:
            return max(complete)
    return max(past) if past else (max(years) if years else today.year)


def opening_year(unit: AdministrativeUnit | None, today: datetime.date) -> int:
    """The year every page about ``unit`` opens on (the dashboard, the report pages, their forms):
    ``default_year`` over the unit's years with figures and how complete their periodic review is."""
    if unit is None:
        return today.year
    years = figure_years(unit)
    return default_year(years, today, year_completion(unit, years))


def year_fraction_elapsed(year: int, today: datetime.date) -> float:
    """How much of ``year`` has passed on ``today`` (0 before it starts, 1 once it is over)."""
    if today.year < year:
        return 0.0
    if today.year > year:
        return 1.0
    start = datetime.date(year, 1, 1)
    days = (datetime.date(year + 1, 1, 1) - start).days
    return (today - start).days / days


# --------------------------------------------------------------------------- data shapes


@dataclass
class Child:
    """A unit one level down (a district of a province, a commune of a district) with its summed row."""

    unit: AdministrativeUnit
    row: SummaryRow
    expected_by_now: float | None = None
    overdue_reports: int = 0
    timeliness: dict[str, int] = field(default_factory=dict)

    @property
    def achieved(self) -> int:
        return self.row.figures.reduced

    @property
    def is_behind_quota(self) -> bool:
        return self.expected_by_now is not None and self.achieved < self.expected_by_now


@dataclass
class Headline:
    total_households: int | None
    poor: int
    poor_rate: float | None
    near_poor: int
    near_poor_rate: float | None
    poor_change: int  # cuối năm − đầu năm (negative: poverty fell)
    poor_rate_previous: float | None
    quota: int | None
    reduced: int
    quota_completion: float | None
    poor_without_labour: int
    poor_ethnic: int
    escaped: int
    new_poor: int
    relapsed: int

    @property
    def poor_rate_change(self) -> float | None:
        if self.poor_rate is None or self.poor_rate_previous is None:
            return None
        return round(self.poor_rate - self.poor_rate_previous, 2)

    @property
    def share_without_labour(self) -> float | None:
        return _pct(self.poor_without_labour, self.poor)

    @property
    def share_ethnic(self) -> float | None:
        return _pct(self.poor_ethnic, self.poor)


@dataclass
class TargetLine:
    target: IndicatorTarget
    actual: object
    as_of: datetime.date | None
    period_label: str | None
    measured: bool = False  # the actual comes from the approved reviews, not from a typed progress entry

    @property
    def light(self) -> str:
        """green (met), red (not met) or grey (no actual yet)."""
        met = self.target.is_met_by(self.actual)
        return "grey" if met is None else ("green" if met else "red")

    @property
    def light_label(self) -> str:
        return {"green": "Đạt", "red": "Chưa đạt", "grey": "Chưa có số liệu"}[self.light]


@dataclass
class DashboardData:
    unit: AdministrativeUnit
    year: int
    today: datetime.date
    headline: Headline
    total_row: SummaryRow
    children: list[Child]
    behind: list[Child]
    charts: dict[str, dict]
    targets: list[TargetLine]
    refreshed_at: datetime.datetime | None
    fraction_elapsed: float
    commune_count: int
    boundaries: str = Boundaries.PERIOD
    communes: list[Child] = field(default_factory=list)  # one per commune summed (the map and its table)

    @property
    def elapsed_percent(self) -> int:
        return round(self.fraction_elapsed * 100)


# --------------------------------------------------------------------------- the figures


def _counted_in(boundaries: str, end: datetime.date):
    """``reports.boundaries.household_key`` of a CommuneYearFigures row as an SQL expression: the commune
    the row counts in (its current commune on today's boundaries; on the period's, the current commune only
    when the registered one ended before ``end``; ``current_commune`` equals ``commune`` when none moved)."""
    if boundaries == Boundaries.CURRENT:
        return F("current_commune_id")
    return Case(When(commune__valid_to__lt=end, then=F("current_commune_id")), default=F("commune_id"))


def _figure_rows(commune_ids: list[int], year: int, boundaries: str):
    """The year's rows that count in one of ``commune_ids``, each annotated with ``counted_in``."""
    ids = Ids(commune_ids)
    return (CommuneYearFigures.objects.filter(year=year)
            .filter(Q(commune_id__in_ids=ids) | Q(current_commune_id__in_ids=ids))
            .annotate(counted_in=_counted_in(boundaries, datetime.date(year, 12, 31)))
            .filter(counted_in__in_ids=ids).order_by())


def _figures_by_commune(commune_ids: list[int], year: int, boundaries: str = Boundaries.PERIOD,
                        profiles: bool = True) -> tuple[dict[int, Figures], dict, dict, object]:
    """The communes' figures for ``year``: the rows (registered commune, commune managing today) summed
    into the commune each counts in on ``boundaries`` (``reports.boundaries.household_key``, computed in
    SQL); with ``profiles`` also the deprivation and cause counts ({str(indicator or cause id): households}).

    One plain query over the rows (a province: ~600), summed here. (Grouping in SQL took a second query for
    the JSON profiles, whose jsonb_each_text sum cost PostgreSQL more than the whole page's other reads.)
    The profiles are read as text and decoded in one ``json.loads`` of them all, not two per row (the
    JSONField's converter: 1,100 decodes a province page)."""
    if not commune_ids:  # a unit with no commune that year
        return {}, {}, {}, None
    rows = _figure_rows(commune_ids, year, boundaries)
    if profiles:
        rows = rows.annotate(deprivations_text=Cast("deprivations", TextField()),
                             causes_text=Cast("causes", TextField()))
    columns = ("counted_in", *FIGURE_FIELDS, "refreshed_at") + (("deprivations_text", "causes_text") if profiles
                                                                  else ())
    width = len(FIGURE_FIELDS)
    sums: dict[int, list[int]] = {}
    texts: list[str] = []
    refreshed_at = None
    for row in rows.values_list(*columns):
        acc = sums.get(row[0])
        if acc is None:
            sums[row[0]] = list(row[1:width + 1])
        else:
            for i in range(width):
                acc[i] += row[i + 1]
        refreshed = row[width + 1]
        if refreshed_at is None or refreshed > refreshed_at:
            refreshed_at = refreshed
        if profiles:
            texts += row[width + 2:]
    deprivations: dict[str, int] = defaultdict(int)
    causes: dict[str, int] = defaultdict(int)
    decoded = json.loads(f"[{','.join(texts)}]") if texts else []
    for row_deprivations, row_causes in zip(decoded[::2], decoded[1::2], strict=True):
        for key, n in row_deprivations.items():
            deprivations[key] += n
        for key, n in row_causes.items():
            causes[key] += n
    figures = {pk: Figures(*values) for pk, values in sums.items()}
    return figures, dict(deprivations), dict(causes), refreshed_at


def _children(unit: AdministrativeUnit, communes: list[AdministrativeUnit]) -> dict[int, AdministrativeUnit]:
    """{commune id: the unit one level below ``unit`` that holds it} (the commune itself for a district).

    A commune outside ``unit`` (history of a new unit on the boundaries of the period: Xuân Bái for new
    Xã Lam Sơn in 2024) is held one level below the earlier unit it was under, or is its own row.
    """
    roots = [unit, *_outside_roots(unit, communes)]
    if unit.is_commune and len(roots) == 1:
        return {c.pk: unit for c in communes}
    # The unit one level below a root is the commune itself or its parent (a commune is at most two levels
    # below a province), both already read with the communes (``UnitRow``): no query, unless a commune's
    # parent was not read with it.
    direct = {c.path: c for c in communes}
    direct.update((c.parent.path, c.parent) for c in communes if getattr(c, "parent", None) is not None)
    targets = {}
    for commune in communes:
        root = max((r for r in roots if commune.path.startswith(r.path)), key=lambda r: len(r.path), default=None)
        if root is None or root.is_commune:
            targets[commune.pk] = commune if root is None or root.pk != unit.pk else unit
            continue
        segments = commune.path.split("/")
        targets[commune.pk] = "/".join(segments[:root.path.count("/") + 1]) + "/"
    if any(isinstance(t, str) and t not in direct for t in targets.values()):
        direct.update((u.path, u) for u in AdministrativeUnit.objects.filter(
            parent__in=[r for r in roots if not r.is_commune]))
    by_pk = {c.pk: c for c in communes}
    return {pk: (direct.get(t, by_pk[pk]) if isinstance(t, str) else t) for pk, t in targets.items()}


def _outside_roots(unit: AdministrativeUnit, communes: list[AdministrativeUnit]) -> list[AdministrativeUnit]:
    """The earlier units ``unit`` came from, when some of ``communes`` lie under them (no query otherwise)."""
    if all(c.path.startswith(unit.path) for c in communes):
        return []
    from directory import lineage

    return [r for r in lineage.historic_roots(unit) if r.pk != unit.pk]


def _runs_by_unit(unit: AdministrativeUnit, year: int, today: datetime.date,
                  owner: dict[int, int] | None = None) -> list[dict]:
    """Runs reported by the units under ``unit`` (by ``unit`` itself only when it is a commune), one
    aggregate row per reporter: outcomes of the runs of ``year``, and the runs overdue today whatever
    their year. On today's boundaries (``owner``) also those of the earlier communes folded into them."""
    owed = Q(year=year)
    under = Q(reporting_unit__path__startswith=unit.path)
    if owner:
        under |= Q(reporting_unit_id__in=list(owner))
    runs = ReportRun.objects.filter(under)
    if not unit.is_commune:
        runs = runs.exclude(reporting_unit=unit)
    return list(
        runs.values("reporting_unit_id", "reporting_unit__path")
        .annotate(
            on_time=Count("pk", filter=owed & Q(submitted_on__lte=F("due_date"))),
            late=Count("pk", filter=owed & Q(submitted_on__gt=F("due_date"))),
            missing=Count("pk", filter=owed & Q(submitted_on__isnull=True, due_date__lt=today)),
            not_due=Count("pk", filter=owed & Q(submitted_on__isnull=True, due_date__gte=today)),
            # a reporter that ended (30/06/2025) owes nothing after its end (ReportRunQuerySet.still_owed)
            overdue_now=Count("pk", filter=Q(submitted_on__isnull=True, due_date__lt=today)
                              & (Q(reporting_unit__valid_to__isnull=True) | Q(reporting_unit__valid_to__gte=today))),
        )
        .order_by()
    )


def _totals(commune_ids: list[int], year: int, boundaries: str, owner: dict[int, int] | None = None) -> dict[int, int]:
    """Household totals of ``year``; on today's boundaries with the earlier communes' added (``owner``)."""
    if boundaries != Boundaries.CURRENT:
        return household_totals(commune_ids, year)
    owner = owner if owner is not None else fold_predecessors(commune_ids, datetime.date.today())
    return fold_totals(household_totals(owner, year), owner)


def _previous_rate(row: SummaryRow, commune_ids: list[int], year: int, boundaries: str = Boundaries.PERIOD,
                   owner: dict[int, int] | None = None, known: dict[int, int] | None = None) -> float | None:
    """Last year's rate: đầu năm (31/12 of last year) over last year's household total (every commune);
    ``known``: last year's totals (folded on today's boundaries) when the caller already read them."""
    totals = _totals(commune_ids, year - 1, boundaries, owner) if known is None else known
    total = sum(totals.values()) if commune_ids and len(totals) == len(commune_ids) else None
    return _pct(row.figures.poor_start, total)


@dataclass
class UnitYear:
    row: SummaryRow
    rate_previous: float | None


def unit_year(unit: AdministrativeUnit, year: int, boundaries: str | None = None) -> UnitYear:
    """The unit's Tổng cộng row for ``year`` (as the annual report has it) and last year's rate."""
    period = Period(PeriodKind.YEAR, year)
    boundaries = clean_boundaries(boundaries, period.end, unit)
    communes, totals, quotas = report_inputs(unit, period, boundaries)
    ids = [c.pk for c in communes]
    figures = _figures_by_commune(ids, year, boundaries, profiles=False)[0]
    row = _total_row([_commune_row(c, figures, totals, quotas) for c in communes])
    return UnitYear(row, _previous_rate(row, ids, year, boundaries))


def measured_actual(measure: str, measured: UnitYear) -> Decimal | None:
    """The actual of a measured target (``TargetMeasure``), or None where the figures cannot say
    (no household totals for a rate)."""
    row, f = measured.row, measured.row.figures
    value = {
        TargetMeasure.POOR_REDUCED: f.reduced,
        TargetMeasure.POOR_REDUCED_WITHOUT_LABOUR: f.reduced_without_labour,
        TargetMeasure.POOR_REDUCED_WITH_LABOUR: f.reduced_with_labour,
        TargetMeasure.POOR_RATE_END: row.rate,
        TargetMeasure.POOR_RATE_DROP: (None if row.rate is None or measured.rate_previous is None
                                       else measured.rate_previous - row.rate),
    }.get(measure)
    return None if value is None else Decimal(str(round(value, 2)))


def plan_targets(user, unit: AdministrativeUnit, year: int, *, known: dict | None = None) -> list[TargetLine]:
    """Indicator targets of the plans in force in ``year`` issued by ``unit`` or a unit above it (as far as
    the user may read), that apply to the whole plan, to ``unit``, or to a unit above or under it.

    A measured target (``measure`` set) gets its actual from the figures of the unit it applies to (or the
    plan's unit) for its year (or ``year``); ``known`` holds {(unit id, year): UnitYear} already counted.
    """
    paths = unit.lineage_paths
    targets = list(
        IndicatorTarget.objects.for_user(user)
        .filter(plan__unit__path__in=paths, plan__first_year__lte=year, plan__last_year__gte=year)
        .filter(Q(applies_to_unit__isnull=True) | Q(applies_to_unit__path__in=paths)
                | Q(applies_to_unit__path__startswith=unit.path))
        .filter(Q(year__isnull=True) | Q(year=year))
        .select_related("plan", "plan__unit", "applies_to_unit")
        # each target's progress entries joined, its latest first (latest as_of, then latest entry): the first
        # row of a target is its latest entry (or none), instead of three correlated subqueries per target
        .annotate(latest_actual=F("progress_entries__actual_value"), latest_as_of=F("progress_entries__as_of"),
                  latest_period=F("progress_entries__period_label"))
        .order_by("plan__first_year", "plan__code", "order", "pk", "-progress_entries__as_of",
                  "-progress_entries__pk")
    )
    known = dict(known or {})
    lines = []
    previous = None
    for t in targets:
        if t.pk == previous:  # an older progress entry of the target just read (its rows are adjacent)
            continue
        previous = t.pk
        if not t.measure:
            lines.append(TargetLine(t, t.latest_actual, t.latest_as_of, t.latest_period))
            continue
        where, when = t.applies_to_unit or t.plan.unit, t.year or year
        if (where.pk, when) not in known:
            known[(where.pk, when)] = unit_year(where, when)
        lines.append(TargetLine(t, measured_actual(t.measure, known[(where.pk, when)]), None,
                                f"năm {when}", measured=True))
    return lines


def _chart(title: str, labels: list, datasets: list[dict], headers: list[str], rows: list[list], *,
           kind: str = "bar", note: str = "", drill: list[int] | None = None, horizontal: bool = False,
           stacked: bool = False, percent: bool = False) -> dict:
    return {"title": title, "kind": kind, "labels": labels, "datasets": datasets, "headers": headers,
            "rows": rows, "note": note, "drill": drill, "horizontal": horizontal, "stacked": stacked,
            "percent": percent}


def _year_series(commune_ids: list[int], years: list[int], boundaries: str, totals_by_year: dict[int, dict],
                 quotas_by_year: dict[int, dict]) -> list[dict]:
    """Per year: the summed poor counts, the household total (when every commune has one) and the
    quota, for the rate-over-the-years chart: one grouped query, plus the totals and quotas of every year
    ``reports.poverty.report_inputs_years`` read (on today's boundaries folded into today's communes: a
    year's total is complete when each of today's communes has one of its own or of an earlier commune's).

    On today's boundaries the rows are taken by the commune managing the households today.
    """
    by_field = "current_commune_id__in_ids" if boundaries == Boundaries.CURRENT else "commune_id__in_ids"
    sums = {r["year"]: r for r in CommuneYearFigures.objects.filter(**{by_field: Ids(commune_ids)}, year__in=years)
            .values("year").annotate(poor_end=Sum("poor_end"), poor_start=Sum("poor_start"),
                                     near_poor_end=Sum("near_poor_end")).order_by()} if commune_ids else {}
    series = []
    for year in years:
        row = sums.get(year, {"poor_end": 0, "poor_start": 0, "near_poor_end": 0})
        totals = totals_by_year.get(year, {})
        total = sum(totals.values()) if commune_ids and len(totals) == len(commune_ids) else None
        quotas = quotas_by_year.get(year)
        quota = sum(q.total for q in quotas.values()) if quotas else None
        target = _pct(row["poor_start"] - quota, total) if quota is not None else None
        series.append({"year": year, "poor": row["poor_end"], "near_poor": row["near_poor_end"], "total": total,
                       "rate": _pct(row["poor_end"], total), "near_rate": _pct(row["near_poor_end"], total),
                       "target_rate": target})
    return series


TIMELINESS = [("on_time", "Đúng hạn"), ("late", "Nộp muộn"), ("missing", "Quá hạn chưa nộp"),
              ("not_due", "Chưa đến hạn")]


def dashboard_data(user, unit: AdministrativeUnit, year: int, today: datetime.date,
                   years: list[int] | None = None, boundaries: str | None = None, history=None) -> DashboardData:
    """Everything the dashboard of ``unit`` for ``year`` shows; ``years`` = ``figure_years(unit)`` and
    ``history`` = ``reports.boundaries.history_communes(unit)`` when the caller already has them. A fixed
    number of queries, whatever the number of communes.

    ``boundaries``: "period" (the communes of that year) or "current" (today's communes, history summed
    through lineage); by default historic for a year before 2025, current otherwise."""
    period = Period(PeriodKind.YEAR, year)
    boundaries = clean_boundaries(boundaries, period.end, unit)
    series_years = sorted(set(figure_years(unit) if years is None else years) | {year})
    # the household totals and quotas of every year the page shows (and last year's totals), two queries
    communes, owner, totals_by_year, quotas_by_year = report_inputs_years(
        unit, period, boundaries, today, history, total_years=[*series_years, year - 1], quota_years=series_years)
    totals, quotas = totals_by_year[year], quotas_by_year[year]
    commune_ids = [c.pk for c in communes]
    figures, deprivations, causes, refreshed_at = _figures_by_commune(commune_ids, year, boundaries)
    fraction = year_fraction_elapsed(year, today)

    runs = _runs_by_unit(unit, year, today, owner)
    commune_children = _commune_children(communes, figures, totals, quotas, fraction, runs, owner)
    total_row = _total_row([c.row for c in commune_children])
    children = _unit_children(unit, commune_children, fraction)
    _attach_runs(children, runs, owner, {c.pk: c.path for c in communes})
    behind = sorted((c for c in commune_children if c.is_behind_quota or c.overdue_reports),
                    key=lambda c: (-c.overdue_reports, -((c.expected_by_now or 0) - c.achieved), c.unit.path))

    f = total_row.figures
    rate_previous = _previous_rate(total_row, commune_ids, year, boundaries, owner, known=totals_by_year[year - 1])
    headline = Headline(
        total_households=total_row.total_households, poor=f.poor_end, poor_rate=total_row.rate,
        near_poor=f.near_poor_end, near_poor_rate=_pct(f.near_poor_end, total_row.total_households),
        poor_change=f.poor_end - f.poor_start, poor_rate_previous=rate_previous,
        quota=total_row.quota, reduced=f.reduced, quota_completion=total_row.completion,
        poor_without_labour=f.poor_end_without_labour, poor_ethnic=f.poor_end_ethnic, escaped=f.escaped,
        new_poor=f.new_poor, relapsed=f.relapsed,
    )
    charts = _charts(unit, year, total_row, children, deprivations, causes,
                     _year_series(commune_ids, series_years, boundaries, totals_by_year, quotas_by_year))
    return DashboardData(unit=unit, year=year, today=today, headline=headline, total_row=total_row,
                         children=children, behind=behind, charts=charts,
                         targets=plan_targets(user, unit, year,
                                              known={(unit.pk, year): UnitYear(total_row, rate_previous)}),
                         refreshed_at=refreshed_at, fraction_elapsed=fraction, commune_count=len(communes),
                         boundaries=boundaries, communes=commune_children)


def _commune_row(commune: AdministrativeUnit, figures, totals, quotas) -> SummaryRow:
    """The commune's row, as ``reports.poverty.summary_rows`` makes it."""
    quota = quotas.get(commune.pk)
    return SummaryRow(commune.code, commune.display_name, figures.get(commune.pk) or Figures(),
                      totals.get(commune.pk), quota.total if quota is not None else None)


def _total_row(commune_rows: list[SummaryRow]) -> SummaryRow:
    """The report's "Tổng cộng" row (the last of ``summary_rows``) from its commune rows, without the
    district subtotals the dashboard does not show."""
    return sum_rows("", "Tổng cộng", commune_rows, "total")


def _commune_children(communes, figures, totals, quotas, fraction: float, runs: list[dict],
                      owner: dict[int, int] | None = None) -> list[Child]:
    """One Child per commune (for the "communes behind" list), with its own overdue reports (on today's
    boundaries, ``owner``, those of the earlier communes it carries too)."""
    overdue: dict[int, int] = defaultdict(int)
    for r in runs:
        reporter = r["reporting_unit_id"]
        overdue[owner.get(reporter, reporter) if owner else reporter] += r["overdue_now"]
    children = []
    for c in communes:
        row = _commune_row(c, figures, totals, quotas)
        children.append(Child(c, row, None if row.quota is None else row.quota * fraction, overdue.get(c.pk, 0)))
    return children


def _unit_children(unit: AdministrativeUnit, commune_children: list[Child], fraction: float) -> list[Child]:
    """One Child per unit one level below ``unit`` (for the charts): its communes' rows summed as the
    report sums a district; a commune directly under ``unit`` is its own row."""
    holder = _children(unit, [c.unit for c in commune_children])
    grouped: dict[int, list[Child]] = defaultdict(list)
    holders: dict[int, AdministrativeUnit] = {}
    for child in commune_children:
        h = holder[child.unit.pk]
        grouped[h.pk].append(child)
        holders[h.pk] = h
    children = []
    for pk, members in grouped.items():
        h = holders[pk]
        row = members[0].row if h.is_commune else sum_rows(h.code, h.display_name, [m.row for m in members],
                                                           "subtotal")
        children.append(Child(h, row, None if row.quota is None else row.quota * fraction))
    return children


def _attach_runs(children: list[Child], runs: list[dict], owner: dict[int, int] | None = None,
                 paths: dict[int, str] | None = None) -> None:
    """Give each child the outcomes of the runs of its units (the longest path prefix of the reporter's). On
    today's boundaries (``owner``; ``paths``: today's communes' paths) an earlier commune's runs go to the
    child holding the commune it was folded into, as its households do."""
    by_path = sorted(children, key=lambda c: -len(c.unit.path))
    for r in runs:
        path = r["reporting_unit__path"]
        if owner and paths and not any(path.startswith(c.unit.path) for c in by_path):
            path = paths.get(owner.get(r["reporting_unit_id"]), path)
        child = next((c for c in by_path if path.startswith(c.unit.path)), None)
        if child is None:
            continue
        child.overdue_reports += r["overdue_now"]
        for key, _ in TIMELINESS:
            child.timeliness[key] = child.timeliness.get(key, 0) + r[key]


def _charts(unit: AdministrativeUnit, year: int, total_row: SummaryRow, children: list[Child],
            deprivations: dict[str, int], causes: dict[str, int], series: list[dict]) -> dict[str, dict]:
    charts: dict[str, dict] = {}
    level = "xã" if all(c.unit.is_commune for c in children) else "đơn vị"
    can_drill = not unit.is_commune  # the bars of a district's or province's charts open that unit

    # 1. poor rate by commune (or district), sorted, with the unit's target for the year as a line
    ranked = sorted(children, key=lambda c: (c.row.rate is None, -(c.row.rate or 0), c.unit.path))
    t = total_row
    target_rate = (_pct(t.figures.poor_start - t.quota, t.total_households) if t.quota is not None else None)
    datasets = [{"type": "bar", "label": "Tỷ lệ hộ nghèo cuối năm (%)", "data": [c.row.rate for c in ranked]}]
    if target_rate is not None:
        datasets.append({"type": "line", "label": "Mục tiêu theo chỉ tiêu giao (%)",
                         "data": [target_rate] * len(ranked)})
    charts["rate_by_unit"] = _chart(
        f"Tỷ lệ hộ nghèo theo {level} cuối năm {year}", [c.unit.display_name for c in ranked], datasets,
        ["Đơn vị", "Tổng số hộ", "Hộ nghèo cuối năm", "Tỷ lệ hộ nghèo (%)", "Mục tiêu (%)"],
        [[c.unit.display_name, c.row.total_households, c.row.figures.poor_end, c.row.rate, target_rate]
         for c in ranked],
        note=("Mục tiêu = (hộ nghèo đầu năm − chỉ tiêu giảm) / tổng số hộ của cả đơn vị. "
              "Đơn vị chưa có tổng số hộ không có tỷ lệ."),
        drill=[c.unit.pk for c in ranked] if can_drill else None, percent=True)

    # 2. poor rate over the years, with the yearly target from the quotas
    datasets = [{"type": "line", "label": "Tỷ lệ hộ nghèo (%)", "data": [s["rate"] for s in series]},
                {"type": "line", "label": "Tỷ lệ hộ cận nghèo (%)", "data": [s["near_rate"] for s in series]}]
    if any(s["target_rate"] is not None for s in series):
        datasets.append({"type": "line", "label": "Mục tiêu theo chỉ tiêu giao (%)",
                         "data": [s["target_rate"] for s in series], "dashed": True})
    charts["rate_over_years"] = _chart(
        "Tỷ lệ hộ nghèo qua các năm", [str(s["year"]) for s in series], datasets,
        ["Năm", "Tổng số hộ", "Hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)",
         "Mục tiêu (%)"],
        [[str(s["year"]), s["total"], s["poor"], s["rate"], s["near_poor"], s["near_rate"], s["target_rate"]]
         for s in series],
        kind="line", percent=True)

    # 3. quota progress: expected by this point of the year vs achieved
    with_quota = [c for c in children if c.row.quota is not None]
    charts["quota_progress"] = _chart(
        f"Tiến độ thực hiện chỉ tiêu giảm hộ nghèo năm {year}", [c.unit.display_name for c in with_quota],
        [{"type": "bar", "label": "Chỉ tiêu cả năm", "data": [c.row.quota for c in with_quota]},
         {"type": "bar", "label": "Cần đạt đến nay", "data": [round(c.expected_by_now, 1) for c in with_quota]},
         {"type": "bar", "label": "Đã giảm", "data": [c.achieved for c in with_quota]}],
        ["Đơn vị", "Chỉ tiêu cả năm", "Cần đạt đến nay", "Đã giảm", "Tỷ lệ hoàn thành (%)"],
        [[c.unit.display_name, c.row.quota, round(c.expected_by_now, 1), c.achieved, c.row.completion]
         for c in with_quota],
        note="Cần đạt đến nay = chỉ tiêu × phần thời gian của năm đã qua; đã giảm = hộ nghèo đầu năm − cuối năm.",
        drill=[c.unit.pk for c in with_quota] if can_drill else None)

    # 4. deprivation profile of the households poor at the end of the year, by dimension
    # The end-of-year lists come from that year's periodic review: its standard (lists of year + 1).
    try:
        standard = standard_for_review(ReviewRound.PERIODIC, year)
    except NoStandardError:
        standard = None
    indicators = list(Indicator.objects.filter(standard=standard).select_related("dimension")
                      .order_by("dimension__order", "order")) if standard else []
    poor = total_row.figures.poor_end
    charts["deprivation_profile"] = _chart(
        f"Hộ nghèo thiếu hụt theo từng chỉ số (cuối năm {year})", [i.name for i in indicators],
        [{"type": "bar", "label": "Tỷ lệ hộ nghèo thiếu hụt (%)",
          "data": [_pct(deprivations.get(str(i.pk), 0), poor) for i in indicators],
          "groups": [i.dimension.name for i in indicators]}],
        ["Chiều thiếu hụt", "Chỉ số", "Số hộ nghèo thiếu hụt", "Tỷ lệ trên số hộ nghèo (%)"],
        [[i.dimension.name, i.name, deprivations.get(str(i.pk), 0), _pct(deprivations.get(str(i.pk), 0), poor)]
         for i in indicators],
        horizontal=True, percent=True,
        note=f"Theo {standard.label}." if standard else "Chưa có chuẩn nghèo cho năm này.")

    # 5. causes of poverty (a household may name several)
    cause_list = list(PovertyCause.objects.active_in(year).order_by("order", "name"))
    charts["causes"] = _chart(
        f"Nguyên nhân nghèo của hộ nghèo cuối năm {year}", [c.name for c in cause_list],
        [{"type": "bar", "label": "Số hộ nghèo", "data": [causes.get(str(c.pk), 0) for c in cause_list]}],
        ["Nguyên nhân", "Số hộ nghèo", "Tỷ lệ trên số hộ nghèo (%)"],
        [[c.name, causes.get(str(c.pk), 0), _pct(causes.get(str(c.pk), 0), poor)] for c in cause_list],
        horizontal=True, note="Một hộ có thể có nhiều nguyên nhân.")

    # 6. reporting timeliness per commune (or district)
    timed = [c for c in children if any(c.timeliness.values())]
    charts["timeliness"] = _chart(
        f"Tình hình nộp báo cáo kỳ năm {year}", [c.unit.display_name for c in timed],
        [{"type": "bar", "label": label, "data": [c.timeliness.get(key, 0) for c in timed], "key": key}
         for key, label in TIMELINESS],
        ["Đơn vị"] + [label for _, label in TIMELINESS] + ["Tỷ lệ đúng hạn (%)"],
        [[c.unit.display_name] + [c.timeliness.get(key, 0) for key, _ in TIMELINESS]
         + [_pct(c.timeliness.get("on_time", 0),
                 sum(c.timeliness.get(k, 0) for k in ("on_time", "late", "missing")))] for c in timed],
        stacked=True, drill=[c.unit.pk for c in timed] if can_drill else None,
        note="Các kỳ báo cáo của năm; tỷ lệ đúng hạn = đúng hạn / số báo cáo đã đến hạn.")
    return charts
