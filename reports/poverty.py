"""The poverty report (quarterly, six-month, annual...) for a commune, district or province.

One service, ``build_poverty_report``, serves the Celery task, the run page (through
the task) and ``manage.py build_report``. The counting, ``poverty_figures``, is also
what the dashboard reuses, so both always agree.

Definitions (issue 5, point 4):

- status of a household at a date = category of its latest APPROVED review with
  ``effective_date`` on or before that date (an imported yearly review without a
  date counts from 14/12 of its year: ``Review.effective_date`` already says so);
- đầu kỳ = status on the day before the period starts; cuối kỳ = on its last day;
- thoát nghèo = poor at the start, not at the end; phát sinh = poor at the end, not
  at the start and never poor before the period; tái nghèo = poor at the end, not at
  the start, poor at some time before the period (``households.movements``);
- so cuối kỳ = đầu kỳ − thoát + phát sinh + tái nghèo, and giảm = đầu kỳ − cuối kỳ,
  split by labour capacity as recorded in the review that gave each status.

Counting reads the unit's communes a batch at a time: their approved reviews and
their households, two plain indexed queries per batch, each household's start and
end status picked in Python (``_household_statuses``); plus chunked queries on the
causes/indicators of the reviews involved. No query per household, no sort of the
whole unit, and memory holds one batch and the counters. The workbook is written in
openpyxl's write-only mode.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from openpyxl import Workbook

from directory.lookups import Ids
from directory.models import AdministrativeUnit, UnitLevel
from directory.sheets import (
    CODE,
    COUNT,
    MARK,
    ORDER,
    RATE,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    rate,
    use_document_font,
)
from households.classification import NoStandardError, list_year_on, standard_for_list_year
from households.excel import safe_cell
from households.models import Category, Household, Indicator, PovertyCause, Review, ReviewStatus
from households.movements import Movement, movement_between

from .boundaries import Boundaries, household_filter, household_key
from .periods import Period

SUMMARY_SHEET = "Tổng hợp"
CAUSE_SHEET = "Theo nguyên nhân nghèo"
INDICATOR_SHEET = "Theo chỉ số thiếu hụt"
MOVED_SHEET = "Danh sách hộ biến động"

# The summary's columns; the two-row header groups them as the official forms do.
_POOR, _NEAR, _QUOTA = "Hộ nghèo", "Hộ cận nghèo", "Thực hiện chỉ tiêu giảm hộ nghèo"
SUMMARY_COLUMNS = [
    Column("Mã đơn vị", 8, CODE),
    Column("Đơn vị", 20),
    Column("Tổng số hộ", 10, COUNT),
    Column("Hộ nghèo đầu kỳ", 9, COUNT, _POOR),
    Column("Hộ thoát nghèo", 9, COUNT, _POOR),
    Column("Hộ nghèo phát sinh", 9, COUNT, _POOR),
    Column("Hộ tái nghèo", 9, COUNT, _POOR),
    Column("Hộ nghèo cuối kỳ", 9, COUNT, _POOR),
    Column("Tỷ lệ hộ nghèo cuối kỳ (%)", 10, RATE, _POOR),
    Column("Hộ cận nghèo đầu kỳ", 9, COUNT, _NEAR),
    Column("Hộ cận nghèo cuối kỳ", 9, COUNT, _NEAR),
    Column("Hộ nghèo DTTS cuối kỳ", 10, COUNT),
    Column("Chỉ tiêu giảm hộ nghèo", 9, COUNT, _QUOTA),
    Column("Số hộ nghèo giảm", 9, COUNT, _QUOTA),
    Column("Số hộ nghèo giảm - không có KNLĐ", 10, COUNT, _QUOTA),
    Column("Số hộ nghèo giảm - có KNLĐ", 10, COUNT, _QUOTA),
    Column("Tỷ lệ hoàn thành chỉ tiêu (%)", 10, RATE, _QUOTA),
]
SUMMARY_HEADERS = [c.header for c in SUMMARY_COLUMNS]
BREAKDOWN_HEADERS = ["Hộ nghèo đầu kỳ", "Hộ thoát nghèo", "Hộ nghèo phát sinh", "Hộ tái nghèo", "Hộ nghèo cuối kỳ"]
MOVED_COLUMNS = [
    Column("STT", 6, ORDER), Column("Mã đơn vị", 8, CODE), Column("Xã", 14), Column("Thôn", 16),
    Column("Mã hộ", 12, CODE), Column("Họ và tên chủ hộ", 22), Column("Biến động", 17),
    Column("Phân loại đầu kỳ", 24), Column("Phân loại cuối kỳ", 24), Column("Không có khả năng lao động", 11, MARK),
    Column("Dân tộc thiểu số", 9, MARK),
]
MOVED_HEADERS = [c.header for c in MOVED_COLUMNS]
CATEGORY_LABELS = dict(Category.choices)
_CHUNK = 2000
_ID_CHUNK = 900  # ids per IN (...) list: under SQLite's oldest limit of 999 parameters


# --------------------------------------------------------------------------- counting


@dataclass
class Figures:
    """Counts for one commune (or a sum of communes) over one period."""

    poor_start: int = 0
    escaped: int = 0
    new_poor: int = 0
    relapsed: int = 0
    poor_end: int = 0
    near_poor_start: int = 0
    near_poor_end: int = 0
    poor_end_ethnic: int = 0
    poor_start_without_labour: int = 0
    poor_end_without_labour: int = 0

    def add(self, other: Figures) -> None:
        # a page sums hundreds of communes: the field names once (FIGURE_NAMES), not ``fields()`` per call
        mine, theirs = self.__dict__, other.__dict__
        for name in FIGURE_NAMES:
            mine[name] += theirs[name]

    @property
    def reduced(self) -> int:
        """Số hộ nghèo giảm = đầu kỳ − cuối kỳ (negative when poverty rose)."""
        return self.poor_start - self.poor_end

    @property
    def reduced_without_labour(self) -> int:
        return self.poor_start_without_labour - self.poor_end_without_labour

    @property
    def reduced_with_labour(self) -> int:
        return self.reduced - self.reduced_without_labour

    @property
    def identity_holds(self) -> bool:
        return self.poor_end == self.poor_start - self.escaped + self.new_poor + self.relapsed


FIGURE_NAMES = tuple(f.name for f in fields(Figures))


@dataclass(frozen=True)
class MovedHousehold:
    household_id: int
    commune_id: int
    code: str
    head_name: str
    village: str
    movement: Movement
    start_category: str | None
    end_category: str | None
    has_labour_capacity: bool
    is_ethnic_minority: bool


@dataclass
class ReviewSets:
    """Review ids behind each status, for the breakdowns by cause and by indicator."""

    poor_start: set[int] = field(default_factory=set)
    escaped: set[int] = field(default_factory=set)
    new_poor: set[int] = field(default_factory=set)
    relapsed: set[int] = field(default_factory=set)
    poor_end: set[int] = field(default_factory=set)

    def columns(self) -> list[set[int]]:
        return [self.poor_start, self.escaped, self.new_poor, self.relapsed, self.poor_end]


def status_dates(start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """(the day whose status is "đầu kỳ", the day whose status is "cuối kỳ")."""
    return start - datetime.timedelta(days=1), end


COMMUNES_PER_BATCH = 16  # a few tens of thousands of households and their reviews in memory at a time


def _household_statuses(commune_ids: list[int], start: datetime.date, end: datetime.date, *,
                        moved_too: bool = False):
    """One row per household with an approved review by ``end``: its start and end reviews and flags.

    ``moved_too``: also the households whose current commune is one of ``commune_ids`` (the caller
    then decides, by ``reports.boundaries.household_key``, where each counts); each household once.

    Rows come in (commune path, village, code, id) order. The communes are taken a batch at a time
    (in path order): one plain query for the batch's approved reviews up to ``end`` and one for its
    households, both on their (commune…) / (household, status, effective_date) indexes, then each
    household's start and end reviews are picked in Python. No correlated subquery per household and
    no sort of a whole province in the database (it spilled 127 MB to disk for a million households).
    """
    day_before, last_day = status_dates(start, end)
    paths = dict(AdministrativeUnit.objects.filter(pk__in=commune_ids).values_list("pk", "path"))
    ordered = sorted(commune_ids, key=lambda pk: (paths.get(pk, ""), pk))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # JIT compiling these short index scans costs more than it saves (1,2 of 2,8 s for a district).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        for first in range(0, len(ordered), COMMUNES_PER_BATCH):
            yield from _batch_statuses(ordered[first:first + COMMUNES_PER_BATCH], paths, day_before, last_day,
                                       all_ids=set(commune_ids) if moved_too else None)


def _batch_statuses(commune_ids, paths, day_before, last_day, all_ids: set[int] | None = None):
    # ``all_ids``: households that moved to one of the batch's communes count too (issue 10), unless they
    # are registered in another commune of the report (that commune's batch has them).
    in_batch = set(commune_ids)
    where = household_filter(commune_ids) if all_ids is not None else Q(commune_id__in=commune_ids)
    households = [h for h in Household.objects.filter(where).order_by()
                  .values_list("pk", "commune_id", "code", "head_name", "village", "is_ethnic_minority",
                               "commune__valid_to", "current_commune_id")
                  .iterator(chunk_size=_CHUNK)
                  if all_ids is None or h[1] in in_batch or h[1] not in all_ids]
    # household id → [start (effective date, id, category, labour) | None, end (…) | None, ever poor before]
    found: dict[int, list] = {}
    # The reviews by explicit household ids, a chunk at a time: each chunk is a few index probes on
    # (household, status, effective_date); a join on the households' commune made PostgreSQL scan every
    # review of the province once per batch.
    on_postgresql = connection.vendor == "postgresql"
    size = 10 * _ID_CHUNK if on_postgresql else _ID_CHUNK
    for first in range(0, len(households), size):
        ids = [h[0] for h in households[first:first + size]]
        reviews = Review.objects.filter(status=ReviewStatus.APPROVED, effective_date__lte=last_day).order_by()
        if on_postgresql:
            # One array parameter instead of an IN list that Django builds id by id.
            reviews = reviews.extra(where=['"households_review"."household_id" = ANY(%s)'], params=[ids])
        else:
            reviews = reviews.filter(household_id__in=ids)
        for household_id, effective_date, pk, category, labour in reviews.values_list(
                "household_id", "effective_date", "pk", "category", "has_labour_capacity"):
            state = found.get(household_id)
            if state is None:
                state = found[household_id] = [None, None, False]
            review = (effective_date, pk, category, labour)
            if effective_date <= day_before:
                if state[0] is None or review[:2] > state[0][:2]:
                    state[0] = review
                if category == Category.POOR:
                    state[2] = True
            if state[1] is None or review[:2] > state[1][:2]:
                state[1] = review
    rows = []
    for pk, commune_id, code, head_name, village, ethnic, valid_to, today_id in households:
        state = found.get(pk)
        if state is None or state[1] is None:
            continue
        at_start, at_end = state[0] or (None, None, None, None), state[1]
        rows.append((pk, commune_id, code, head_name, village, ethnic, at_start[1], at_start[2], at_start[3],
                     at_end[1], at_end[2], at_end[3], state[2], valid_to, today_id))
    rows.sort(key=lambda r: (paths.get(r[1], ""), r[4], r[2], r[0]))
    return rows


def poverty_figures(*, commune_ids: Iterable[int], start: datetime.date, end: datetime.date,
                    on_moved: Callable[[MovedHousehold], None] | None = None,
                    review_sets: ReviewSets | None = None, boundaries: str | None = None,
                    by_pair: bool = False) -> dict:
    """Per-commune figures for the period ``start``..``end`` (see the module docstring for definitions).

    ``on_moved`` is called for every household whose category moved (in commune, village, code order);
    ``review_sets`` collects the review ids behind each count. Communes without households are absent.

    Without ``boundaries`` a household counts in the commune it was registered in (as before the 2025
    reform); with ``"period"`` or ``"current"`` in the commune ``reports.boundaries.household_key`` gives.
    ``by_pair`` keys the figures by (registered commune, commune that manages it today) instead, for the
    dashboard's table, which then sums them on either boundary.
    """
    commune_ids = list(commune_ids)
    wanted = set(commune_ids)
    moved_too = boundaries is not None or by_pair
    result: dict = defaultdict(Figures)
    if not commune_ids:
        return {}
    rows = _household_statuses(commune_ids, start, end, moved_too=moved_too)
    for (pk, commune_id, code, head_name, village, ethnic, s_review, s_cat, s_labour, e_review, e_cat, e_labour,
         ever_poor, commune_valid_to, today_id) in rows:
        if by_pair:
            commune_id = (commune_id, today_id or commune_id)
        elif boundaries is not None:
            commune_id = household_key(boundaries, end, commune_id, commune_valid_to, today_id)
            if commune_id not in wanted:
                continue
        fig = result[commune_id]
        if s_cat == Category.POOR:
            fig.poor_start += 1
            fig.poor_start_without_labour += 0 if s_labour else 1
            if review_sets is not None:
                review_sets.poor_start.add(s_review)
        elif s_cat == Category.NEAR_POOR:
            fig.near_poor_start += 1
        if e_cat == Category.POOR:
            fig.poor_end += 1
            fig.poor_end_without_labour += 0 if e_labour else 1
            fig.poor_end_ethnic += 1 if ethnic else 0
            if review_sets is not None:
                review_sets.poor_end.add(e_review)
        elif e_cat == Category.NEAR_POOR:
            fig.near_poor_end += 1
        movement = movement_between(s_cat, e_cat, bool(ever_poor))
        if movement is None:
            continue
        if movement == Movement.ESCAPED_POVERTY:
            fig.escaped += 1
            if review_sets is not None:
                review_sets.escaped.add(s_review)
        elif movement == Movement.NEW_POOR:
            fig.new_poor += 1
            if review_sets is not None:
                review_sets.new_poor.add(e_review)
        elif movement == Movement.RELAPSED_POOR:
            fig.relapsed += 1
            if review_sets is not None:
                review_sets.relapsed.add(e_review)
        if on_moved is not None:
            on_moved(MovedHousehold(pk, commune_id, code, head_name, village, movement, s_cat, e_cat,
                                    bool(e_labour), bool(ethnic)))
    return dict(result)


def communes_of(unit: AdministrativeUnit, start: datetime.date, end: datetime.date):
    """The communes under ``unit`` (or the unit itself) that existed at some time in the period."""
    return (AdministrativeUnit.objects.communes().descendants_of(unit)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
            .select_related("parent").order_by("path"))


def household_totals(commune_ids: Iterable[int], year: int) -> dict[int, int]:
    from .models import HouseholdTotal

    return dict(HouseholdTotal.objects.filter(commune_id__in_ids=Ids(list(commune_ids)), year=year)
                .values_list("commune_id", "total"))


def household_totals_years(commune_ids: Iterable[int], years: Iterable[int]) -> dict[int, dict[int, int]]:
    """{year: ``household_totals`` of that year} for several years, in one query."""
    from .models import HouseholdTotal

    years = sorted(set(years))
    by_year: dict[int, dict[int, int]] = {year: {} for year in years}
    ids = list(commune_ids)
    if not ids or not years:
        return by_year
    for year, commune_id, total in HouseholdTotal.objects.filter(
            commune_id__in_ids=Ids(ids), year__in=years).values_list("year", "commune_id", "total"):
        by_year[year][commune_id] = total
    return by_year


def _breakdown(through, target_field: str, sets: ReviewSets) -> tuple[dict[int, list[int]], list[int]]:
    """Count, per cause/indicator, the reviews of each column; plus, per column, reviews with none."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * 5)
    with_any: list[set[int]] = [set() for _ in range(5)]
    all_ids = sorted(set().union(*sets.columns()))
    columns = sets.columns()
    for i in range(0, len(all_ids), _CHUNK):
        chunk = all_ids[i:i + _CHUNK]
        for review_id, target_id in through.objects.filter(review_id__in=chunk).values_list("review_id",
                                                                                             target_field):
            for col, ids in enumerate(columns):
                if review_id in ids:
                    counts[target_id][col] += 1
                    with_any[col].add(review_id)
    none = [len(ids) - len(with_any[col]) for col, ids in enumerate(columns)]
    return dict(counts), none


# --------------------------------------------------------------------------- workbook


@dataclass
class SummaryRow:
    code: str
    name: str
    figures: Figures
    total_households: int | None
    quota: int | None
    kind: str = "commune"  # commune | subtotal | total

    @property
    def rate(self) -> float | None:
        """Cuối kỳ / tổng số hộ, in %; None (an empty cell) when the total is missing or zero."""
        if not self.total_households:
            return None
        return round(self.figures.poor_end * 100 / self.total_households, 2)

    @property
    def completion(self) -> float | None:
        if not self.quota:
            return None
        return round(self.figures.reduced * 100 / self.quota, 2)

    def values(self) -> list:
        f = self.figures
        return [
            self.code, self.name, self.total_households, f.poor_start, f.escaped, f.new_poor, f.relapsed,
            f.poor_end, self.rate, f.near_poor_start, f.near_poor_end, f.poor_end_ethnic, self.quota, f.reduced,
            f.reduced_without_labour, f.reduced_with_labour, self.completion,
        ]


@dataclass
class PovertyReport:
    unit: AdministrativeUnit
    period: Period
    rows: list[SummaryRow]
    moved_count: int
    boundaries: str = Boundaries.PERIOD

    @property
    def total(self) -> SummaryRow:
        return self.rows[-1]


def sum_rows(code: str, name: str, rows: list[SummaryRow], kind: str) -> SummaryRow:
    figures = Figures()
    for row in rows:
        figures.add(row.figures)
    # A group's rate is only meaningful when every commune in it has its household total.
    totals = [row.total_households for row in rows]
    total = sum(totals) if totals and all(t is not None for t in totals) else None
    quotas = [row.quota for row in rows if row.quota is not None]
    quota = sum(quotas) if quotas else None
    return SummaryRow(code, name, figures, total, quota, kind)


ONE_PAGE_SUMMARY_ROWS = 45  # unit rows (communes and totals) that still read well on one landscape A4 page


def summary_rows(unit: AdministrativeUnit, communes: list[AdministrativeUnit], figures: dict[int, Figures],
                 totals: dict[int, int], quotas: dict) -> list[SummaryRow]:
    """One row per commune; for a province, grouped by district with a subtotal row; then "Tổng cộng"."""
    rows: list[SummaryRow] = []
    commune_rows: list[SummaryRow] = []
    groups: dict[int | None, list[SummaryRow]] = defaultdict(list)
    group_units: dict[int | None, AdministrativeUnit | None] = {}
    for commune in communes:
        quota = quotas.get(commune.pk)
        row = SummaryRow(commune.code, commune.display_name, figures.get(commune.pk, Figures()),
                         totals.get(commune.pk), quota.total if quota is not None else None)
        commune_rows.append(row)
        parent = commune.parent
        grouped = unit.level == UnitLevel.PROVINCE and parent is not None and parent.level == UnitLevel.DISTRICT
        key = parent.pk if grouped else None
        groups[key].append(row)
        group_units[key] = parent if grouped else None
    if any(key is not None for key in groups):
        for key, members in groups.items():
            rows.extend(members)
            district = group_units[key]
            if district is not None:
                rows.append(sum_rows(district.code, f"Cộng {district.get_kind_display().lower()} {district.name}",
                                      members, "subtotal"))
    else:
        rows.extend(commune_rows)
    rows.append(sum_rows("", "Tổng cộng", commune_rows, "total"))
    return rows


def standards_note(day_before: datetime.date, last_day: datetime.date) -> str:
    """Which standard the start and end statuses were classified with (the lists in force on each day)."""
    def name(day):
        try:
            return standard_for_list_year(list_year_on(day)).label
        except NoStandardError:
            return "chưa có chuẩn nghèo"
    start, end = name(day_before), name(last_day)
    if start == end:
        return f"Chuẩn nghèo áp dụng: {end}."
    return f"Chuẩn nghèo áp dụng: đầu kỳ theo {start}; cuối kỳ theo {end}."


def _document(ws, columns, *, unit: AdministrativeUnit, title: str, period: Period, notes=(),
              landscape: bool | None = None) -> DocumentSheet:
    day_before, last_day = status_dates(period.start, period.end)
    sheet = DocumentSheet(ws, columns=columns, landscape=landscape, header=DocumentHeader(
        title=title, issuer=issuing_body(unit),
        period=f"{period.label}: từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y} (đầu kỳ = tình trạng ngày "
               f"{day_before:%d/%m/%Y}; cuối kỳ = tình trạng ngày {last_day:%d/%m/%Y})",
        unit=f"Đơn vị: {unit.full_name} (mã {unit.code})", standard=standards_note(day_before, last_day),
        notes=list(notes)))
    sheet.start()
    return sheet


def _signature(unit: AdministrativeUnit) -> Signature:
    return Signature(place=unit.name, day=timezone.localdate())


def report_inputs(unit: AdministrativeUnit, period: Period, boundaries: str, today: datetime.date | None = None,
                  history=None):
    """(communes, household totals, quotas) of a report or a dashboard on the given boundaries; the communes
    as plain rows (``reports.boundaries.UnitRow``), ``history``: ``history_communes(unit)`` when already read.

    On today's boundaries the totals and quotas of the communes a current commune took over are
    added to it (a split commune's go to its default successor), so every sum is kept.
    """
    communes, _, totals, quotas = report_inputs_years(unit, period, boundaries, today, history)
    return communes, totals[period.end.year], quotas[period.year]


def report_inputs_years(unit: AdministrativeUnit, period: Period, boundaries: str,
                        today: datetime.date | None = None, history=None, *, total_years=(), quota_years=()):
    """``report_inputs`` with the household totals of ``total_years`` and the quotas of ``quota_years`` too
    (the dashboard's series over the years), read in the same two queries: (communes, owner, {year: totals},
    {year: quotas}); ``owner`` ({earlier or same commune id: today's id}) on today's boundaries, else None."""
    from plans.selectors import quota_by_commune_years

    from .boundaries import fold_predecessors, fold_quotas, fold_totals, report_commune_rows

    today = today or timezone.localdate()
    communes = report_commune_rows(unit, period.start, period.end, boundaries, today, history)
    ids = [c.pk for c in communes]
    total_years = {period.end.year, *total_years}
    quota_years = {period.year, *quota_years}
    if boundaries != Boundaries.CURRENT:
        return (communes, None, household_totals_years(ids, total_years),
                quota_by_commune_years(years=quota_years, commune_ids=ids))
    owner = fold_predecessors(ids, today)
    totals = {year: fold_totals(values, owner) for year, values in household_totals_years(owner, total_years).items()}
    quotas = {year: fold_quotas(values, owner)
              for year, values in quota_by_commune_years(years=quota_years, commune_ids=list(owner)).items()}
    return communes, owner, totals, quotas


def boundaries_note(boundaries: str) -> str:
    if boundaries == Boundaries.PERIOD:
        return f"{Boundaries(boundaries).label}."
    return (f"{Boundaries(boundaries).label}: số liệu của các xã cũ cộng vào xã kế thừa (xã bị chia: theo thôn "
            "của hộ; tổng số hộ và chỉ tiêu của xã bị chia tính vào xã nhận mặc định).")


def build_poverty_report(*, unit: AdministrativeUnit, period: Period, output,
                         boundaries: str | None = None, appendix=None) -> PovertyReport:
    """Write the poverty report workbook of ``unit`` for ``period`` to ``output`` (a path or binary file).

    ``output`` is the official report an office prints, signs and sends upward: the sheet ``Tổng hợp`` (one
    row per commune, district subtotals for a province, ``Tổng cộng``), landscape, one page wide; a district's
    annual report prints on 2 pages. ``appendix`` (a path or binary file, optional) receives the appendices
    in a second workbook: movements by cause of poverty, by deprivation indicator, and the list of
    households that moved (hundreds of rows for a district, so never printed with the report itself;
    LibreOffice prints every sheet of a workbook). Each sheet is a print-ready document (``directory.sheets``).
    ``boundaries``: ``"period"`` or ``"current"`` (``reports.boundaries``); by default historic for a
    period that ended before 1/7/2025, current otherwise.
    """
    from .boundaries import clean_boundaries

    boundaries = clean_boundaries(boundaries, period.end, unit)
    start, end = period.start, period.end
    communes, totals, quotas = report_inputs(unit, period, boundaries)
    commune_ids = [c.pk for c in communes]
    commune_by_id = {c.pk: c for c in communes}

    wb = Workbook(write_only=True)
    use_document_font(wb)
    summary_ws = wb.create_sheet(SUMMARY_SHEET)
    counter = {"n": 0}
    sets = None
    if appendix is not None:
        extra = Workbook(write_only=True)
        use_document_font(extra)
        by_cause = extra.create_sheet(CAUSE_SHEET)
        by_indicator = extra.create_sheet(INDICATOR_SHEET)
        moved_ws = extra.create_sheet(MOVED_SHEET)
        attached = appendix_note(period)
        # The moved-households sheet is written while counting, so no list of them is kept in memory.
        moved = _document(moved_ws, MOVED_COLUMNS, unit=unit, period=period, landscape=True, notes=[attached],
                          title=f"DANH SÁCH HỘ BIẾN ĐỘNG – {period.label.upper()}")
        sets = ReviewSets()

    def write_moved(h: MovedHousehold):
        counter["n"] += 1
        if appendix is None:
            return
        commune = commune_by_id[h.commune_id]
        moved.row([
            counter["n"], commune.code, safe_cell(commune.display_name), safe_cell(h.village), safe_cell(h.code),
            safe_cell(h.head_name), h.movement.label, CATEGORY_LABELS.get(h.start_category, "Chưa có trong danh sách"),
            CATEGORY_LABELS.get(h.end_category, ""), "" if h.has_labour_capacity else "x",
            "x" if h.is_ethnic_minority else "",
        ])

    figures = poverty_figures(commune_ids=commune_ids, start=start, end=end, on_moved=write_moved, review_sets=sets,
                              boundaries=boundaries)

    rows = summary_rows(unit, communes, figures, totals, quotas)

    summary = _document(summary_ws, SUMMARY_COLUMNS, unit=unit, period=period, landscape=True,
                        title=f"BÁO CÁO KẾT QUẢ GIẢM NGHÈO – {period.label.upper()}",
                        notes=[boundaries_note(boundaries),
                               f"Lập lúc {timezone.localtime():%H:%M %d/%m/%Y}. Tổng số hộ: số liệu năm {end.year} "
                               "do đơn vị nhập; ô tỷ lệ để trống khi chưa có tổng số hộ."])
    rate_columns = {i for i, c in enumerate(SUMMARY_COLUMNS) if c.kind == RATE}
    for row in rows:
        values = [rate(v) if i in rate_columns else v for i, v in enumerate(row.values())]
        values[0], values[1] = safe_cell(values[0]), safe_cell(values[1])
        summary.row(values, bold=row.kind != "commune")
    summary.blank(height=6)
    for note in (
        "Hộ thoát nghèo: nghèo đầu kỳ, không nghèo cuối kỳ. Hộ nghèo phát sinh: nghèo cuối kỳ, không nghèo đầu kỳ "
        "và chưa từng nghèo trước kỳ. Hộ tái nghèo: nghèo cuối kỳ, không nghèo đầu kỳ, đã từng nghèo trước kỳ.",
        "Hộ nghèo cuối kỳ = đầu kỳ − thoát nghèo + phát sinh + tái nghèo; số hộ nghèo giảm = đầu kỳ − cuối kỳ "
        "(chia theo khả năng lao động ghi trong lần rà soát tương ứng).",
        "Chỉ tiêu giảm hộ nghèo: bảng chỉ tiêu của kế hoạch năm " + str(period.year) + " (kế hoạch của cấp gần xã "
        "nhất khi có nhiều kế hoạch).",
        "Kèm theo (tệp phụ lục riêng): biến động theo nguyên nhân nghèo, theo chỉ số thiếu hụt và danh sách "
        f"{_thousands(counter['n'])} hộ biến động.",
    ):
        summary.note(note)
    # A district's summary (its communes, about 30) prints on one page with its signatures, so the report
    # with its funds sheet is a two-page document; a province's hundreds of communes keep their page breaks.
    summary.finish(signature=_signature(unit), one_page=len(rows) <= ONE_PAGE_SUMMARY_ROWS)
    if period.kind in ("half", "year"):  # the six-month and annual reports carry the programme's funds
        from funds.sheets import add_funds_sheet

        add_funds_sheet(wb, unit=unit, period=period)
    wb.save(output)

    if appendix is not None:
        moved.note(f"Tổng số: {_thousands(counter['n'])} hộ", italic=False, size=11)
        moved.finish(signature=_signature(unit))
        _write_breakdown(by_cause, "NGUYÊN NHÂN NGHÈO", "Nguyên nhân nghèo", sets, period, unit,
                         Review.causes.through, "povertycause_id",
                         dict(PovertyCause.objects.values_list("pk", "name")),
                         {pk: (order, name) for pk, order, name in
                          PovertyCause.objects.values_list("pk", "order", "name")},
                         "(Chưa ghi nguyên nhân)",
                         "Một hộ có thể có nhiều nguyên nhân nên tổng các dòng có thể lớn hơn số hộ.", attached)
        indicator_rows = Indicator.objects.values_list("pk", "standard__first_list_year", "order", "name")
        _write_breakdown(by_indicator, "CHỈ SỐ THIẾU HỤT", "Chỉ số thiếu hụt", sets, period, unit,
                         Review.deprived_indicators.through, "indicator_id",
                         {pk: name for pk, _, _, name in indicator_rows},
                         {pk: (year, order, name) for pk, year, order, name in indicator_rows},
                         "(Không thiếu hụt chỉ số nào)",
                         "Đếm theo chỉ số thiếu hụt ghi trong lần rà soát cho tình trạng tương ứng (thoát nghèo: "
                         "lần rà soát đầu kỳ; phát sinh, tái nghèo, cuối kỳ: lần rà soát cuối kỳ).", attached)
        extra.save(appendix)
    return PovertyReport(unit=unit, period=period, rows=rows, moved_count=counter["n"], boundaries=boundaries)


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def appendix_note(period: Period) -> str:
    return f"Phụ lục kèm theo Báo cáo kết quả giảm nghèo – {period.label}."


def appendix_filename(filename: str) -> str:
    """The appendix workbook's name beside the report's: ``bao-cao.xlsx`` -> ``bao-cao-phu-luc.xlsx``."""
    stem, dot, suffix = filename.rpartition(".")
    return f"{stem}-phu-luc.{suffix}" if dot else f"{filename}-phu-luc"


def _write_breakdown(ws, title, first_header, sets, period, unit, through, target_field, names, sort_keys,
                     none_label, note, attached):
    counts, none = _breakdown(through, target_field, sets)
    columns = [Column(first_header, 44)] + [Column(h, 13, COUNT) for h in BREAKDOWN_HEADERS]
    sheet = _document(ws, columns, unit=unit, period=period, landscape=True, notes=[attached],
                      title=f"BIẾN ĐỘNG HỘ NGHÈO THEO {title} – {period.label.upper()}")
    # Indicators of different standards share names: merge them into one line per name.
    merged: dict[str, list[int]] = {}
    order: dict[str, tuple] = {}
    for target_id, values in sorted(counts.items(), key=lambda item: sort_keys.get(item[0], (0,))):
        name = names.get(target_id, str(target_id))
        line = merged.setdefault(name, [0] * 5)
        order.setdefault(name, sort_keys.get(target_id, (0,)))
        for i, value in enumerate(values):
            line[i] += value
    for name in sorted(merged, key=lambda n: order[n]):
        sheet.row([safe_cell(name), *merged[name]])
    sheet.row([none_label, *none])
    sheet.row(["Số hộ", *[len(ids) for ids in sets.columns()]], bold=True)
    sheet.blank(height=6)
    sheet.note(note)
    sheet.finish(signature=_signature(unit))
