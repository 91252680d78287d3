"""Reports and the dashboard on either boundary (issue 10, point 6).

- ``period`` (historic): the units as they were at the end of the period; a household counts in the
  commune it was in then (the commune it was registered in, unless that commune had already ended
  and it had moved to the successor);
- ``current``: today's units; history is summed through lineage: a household counts in the commune
  that manages it today (for a split commune, through its village's assignment), and household
  totals and quotas of an ended commune count in its default successor.

Default: historic for a period that ended before 1/7/2025 (and a unit that existed then), current
otherwise. Pure helpers plus the two small lookups the report and the dashboard share.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import models
from django.db.models import Q

from directory.models import AdministrativeUnit, UnitKind, UnitNaming

REFORM_DATE = datetime.date(2025, 7, 1)


class Boundaries(models.TextChoices):
    PERIOD = "period", "Theo địa giới của kỳ báo cáo"
    CURRENT = "current", "Theo địa giới hiện nay"


def default_boundaries(period_end: datetime.date, unit=None) -> str:
    """Historic for a period that ended before the reform, current otherwise; current too when the unit
    asked for did not exist yet at the end of the period (new Xã Lam Sơn for 2024), historic when it had
    already ended (Huyện Thọ Xuân for 2025)."""
    if unit is not None and unit.valid_from is not None and unit.valid_from > period_end:
        return Boundaries.CURRENT
    if unit is not None and unit.valid_to is not None and unit.valid_to < period_end:
        return Boundaries.PERIOD  # a unit that had ended: only its own history means anything
    return Boundaries.PERIOD if period_end < REFORM_DATE else Boundaries.CURRENT


def clean_boundaries(value, period_end: datetime.date, unit=None) -> str:
    return value if value in Boundaries.values else default_boundaries(period_end, unit)


def household_key(boundaries: str, end: datetime.date, commune_id: int, commune_valid_to, today_id: int | None):
    """The commune a household counts in: see the module docstring. ``today_id`` is its current commune
    (None while it still lives in the commune it was registered in)."""
    if boundaries == Boundaries.CURRENT:
        return today_id or commune_id
    if commune_valid_to is not None and commune_valid_to < end and today_id:
        return today_id
    return commune_id


def household_filter(commune_ids: list[int]) -> Q:
    """Households that may count in one of ``commune_ids`` on either boundary (then ``household_key``)."""
    return Q(commune_id__in=commune_ids) | Q(current_commune_id__in=commune_ids)


class UnitRow(UnitNaming):
    """A unit as the report and the dashboard read it: plain values from one ``values_list`` row, not a model
    instance (a province's ~600 communes, each with its parent, were ~1,100 instances a page: a fifth of the
    province dashboard's CPU). It answers what those pages ask of a commune (``pk``, ``code``, ``name``,
    ``display_name``, ``kind_and_name``, ``path``, dates, coordinates, ``parent``) and equals the
    ``AdministrativeUnit`` of the same id."""

    __slots__ = ("pk", "code", "name", "kind", "level", "path", "valid_from", "valid_to", "latitude", "longitude",
                 "parent")

    def __init__(self, pk, code, name, kind, level, path, valid_from=None, valid_to=None, latitude=None,
                 longitude=None, parent=None):
        self.pk, self.code, self.name, self.kind, self.level, self.path = pk, code, name, kind, level, path
        self.valid_from, self.valid_to, self.latitude, self.longitude = valid_from, valid_to, latitude, longitude
        self.parent = parent

    @property
    def id(self) -> int:
        return self.pk

    @property
    def parent_id(self) -> int | None:
        return None if self.parent is None else self.parent.pk

    def __eq__(self, other):
        if isinstance(other, (UnitRow, AdministrativeUnit)):
            return self.pk == other.pk
        return NotImplemented

    def __hash__(self):
        return hash(self.pk)

    def __repr__(self):
        return f"<UnitRow {self.pk} {self.code} {self.name}>"

    def __str__(self):
        return self.kind_and_name

    def get_kind_display(self) -> str:
        return UnitKind(self.kind).label


_ROW_FIELDS = ("pk", "code", "name", "kind", "level", "path", "valid_from", "valid_to", "latitude", "longitude")
_PARENT_FIELDS = ("parent_id", "parent__code", "parent__name", "parent__kind", "parent__level", "parent__path",
                  "parent__valid_from", "parent__valid_to")


def unit_rows(queryset) -> list[UnitRow]:
    """``queryset``'s units as ``UnitRow`` (its order), each with its parent (one row object per parent)."""
    parents: dict[int, UnitRow] = {}
    rows = []
    width = len(_ROW_FIELDS)
    for values in queryset.values_list(*_ROW_FIELDS, *_PARENT_FIELDS):
        parent_id = values[width]
        parent = None
        if parent_id is not None:
            parent = parents.get(parent_id)
            if parent is None:
                parent = parents[parent_id] = UnitRow(parent_id, *values[width + 1:])
        rows.append(UnitRow(*values[:width], parent))
    return rows


def history_communes(unit) -> list[UnitRow]:
    """Every commune of ``unit`` and of the units it came from, whatever its dates (path order): read once, the
    communes of each year on the period's boundaries are a filter of it (``report_commune_rows``)."""
    from directory import lineage

    return unit_rows(AdministrativeUnit.objects.communes().under_paths(lineage.historic_paths(unit)).order_by("path"))


def _existed_during(row: UnitRow, start: datetime.date, end: datetime.date) -> bool:
    return (row.valid_from is None or row.valid_from <= end) and (row.valid_to is None or row.valid_to >= start)


def report_communes(unit, start: datetime.date, end: datetime.date, boundaries: str,
                    today: datetime.date | None = None):
    """The communes rows are made of.

    Historic: the communes of ``unit`` and of every unit it came from that existed during the period
    (new Xã Lam Sơn for 2024: Thọ Xương, Xuân Bái and TT Lam Sơn). Current: today's communes under
    ``unit`` (``unit`` itself taken as of today: a legacy commune's successor).
    """
    from directory import lineage

    communes = AdministrativeUnit.objects.communes()
    if boundaries == Boundaries.CURRENT:
        day = today or datetime.date.today()
        return communes.descendants_of(unit).valid_on(day).select_related("parent").order_by("path")
    return (communes.under_paths(lineage.historic_paths(unit))
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
            .select_related("parent").order_by("path"))


def report_commune_rows(unit, start: datetime.date, end: datetime.date, boundaries: str,
                        today: datetime.date | None = None, history: list[UnitRow] | None = None) -> list[UnitRow]:
    """``report_communes`` as ``UnitRow``; on the period's boundaries a filter of ``history``
    (``history_communes(unit)``) when the caller already read it."""
    if boundaries == Boundaries.CURRENT or history is None:
        return unit_rows(report_communes(unit, start, end, boundaries, today))
    return [row for row in history if _existed_during(row, start, end)]


def current_unit_or_error(unit, today: datetime.date | None = None):
    """``unit`` as of today (itself, or its default successor); a ``ValueError`` in Vietnamese for a unit
    with no successor (a district after 30/06/2025)."""
    from directory import lineage

    current = lineage.current_unit(unit, today)
    if current is None:
        raise ValueError(f"{unit.get_kind_display()} {unit.name} không còn từ "
                         f"{(unit.valid_to + datetime.timedelta(days=1)):%d/%m/%Y} và không có đơn vị kế thừa: "
                         "hãy xem theo địa giới của kỳ báo cáo, hoặc chọn tỉnh hay xã mới.")
    return current


def fold_predecessors(commune_ids: Iterable[int], day: datetime.date) -> dict[int, int]:
    """{id: id of the commune in ``commune_ids`` it counts in} for those communes and every earlier
    commune they took over by default (household totals and quotas on today's boundaries)."""
    from households.rehoming import predecessors_on

    ids = list(commune_ids)
    owner = {pk: pk for pk in ids}
    owner.update(predecessors_on(ids, day))
    return owner


def fold_totals(values: dict[int, int], owner: dict[int, int]) -> dict[int, int]:
    folded: dict[int, int] = defaultdict(int)
    for pk, value in values.items():
        if pk in owner and value is not None:
            folded[owner[pk]] += value
    return dict(folded)


def fold_quotas(quotas: dict, owner: dict[int, int]) -> dict:
    from plans.selectors import QuotaFigures

    folded: dict[int, list[int]] = {}
    for pk, q in quotas.items():
        if pk not in owner:
            continue
        acc = folded.setdefault(owner[pk], [0, 0, 0])
        acc[0] += q.total or 0
        acc[1] += q.without_labour or 0
        acc[2] += q.with_labour or 0
    return {pk: QuotaFigures(*values) for pk, values in folded.items()}
