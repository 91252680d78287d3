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


def report_communes(unit, start: datetime.date, end: datetime.date, boundaries: str,
                    today: datetime.date | None = None):
    """The communes rows are made of.

    Historic: the communes of ``unit`` and of every unit it came from that existed during the period
    (new Xã Lam Sơn for 2024: Thọ Xương, Xuân Bái and TT Lam Sơn). Current: today's communes under
    ``unit`` (``unit`` itself taken as of today: a legacy commune's successor).
    """
    from directory import lineage
    from directory.models import AdministrativeUnit

    communes = AdministrativeUnit.objects.communes()
    if boundaries == Boundaries.CURRENT:
        day = today or datetime.date.today()
        return communes.descendants_of(unit).valid_on(day).select_related("parent").order_by("path")
    return (communes.under_paths(lineage.historic_paths(unit))
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
            .select_related("parent").order_by("path"))


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
