"""Households follow their commune across a change of the map (issue 10, point 5).

A household keeps the commune it was registered in (``Household.commune``: its code, the history and
the reports on the boundaries of a past period stay there). Once that commune has ended, the household's
``current_commune`` is the commune valid today that took it over:

- a merged commune: its (only) successor;
- a split commune: the new commune a person assigned the household's village to (``VillageAssignment``),
  and until someone decides, the default successor the lineage names (the page then says so).

``households_rehome`` sets that with a few set-based UPDATEs (one per target commune, not one per
household), is idempotent, and runs after every unit load (the ``directory.signals.lineage_changed``
receiver), after a village assignment, and on demand (``manage.py rehome_households``).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from directory.lookups import Ids
from directory.models import AdministrativeUnit

from .models import Household, VillageAssignment
from .signals import households_rehomed


def _links_from(predecessor_ids: Iterable[int], day: datetime.date) -> dict[int, list[tuple[int, bool]]]:
    """{predecessor id: [(successor id, is_default), ...]} for the changes in force on ``day``."""
    from directory.models import UnitSuccession

    links: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    rows = (UnitSuccession.objects.filter(predecessor_id__in=list(predecessor_ids), effective_date__lte=day)
            .order_by("predecessor_id", "-is_default", "successor__code")
            .values_list("predecessor_id", "successor_id", "is_default"))
    for predecessor_id, successor_id, is_default in rows:
        links[predecessor_id].append((successor_id, is_default))
    return links


def _default_successor(links: list[tuple[int, bool]]) -> int | None:
    """The successor a unit's households go to by default: the flagged one, else the only one."""
    flagged = [s for s, is_default in links if is_default]
    if flagged:
        return flagged[0]
    return links[0][0] if len(links) == 1 else None


def _valid_on(unit_ids: Iterable[int], day: datetime.date) -> set[int]:
    return set(AdministrativeUnit.objects.filter(pk__in=list(unit_ids)).valid_on(day).values_list("pk", flat=True))


def successors_on(unit_ids: Iterable[int], day: datetime.date) -> dict[int, int]:
    """{id of a unit ended by ``day``: id of the unit valid on ``day`` that took it over by default}.

    Follows chains (a commune merged in 01/2025 and again in 07/2025) level by level: two queries per
    level, whatever the number of units. Units with no successor valid on ``day`` are absent.
    """
    result: dict[int, int] = {}
    origin = {pk: pk for pk in unit_ids}  # unit on the current level -> the unit asked about
    for _ in range(10):  # a unit changes a handful of times at most; never loop on a bad lineage
        if not origin:
            break
        links = _links_from(origin, day)
        step = {pk: _default_successor(rows) for pk, rows in links.items()}
        step = {pk: s for pk, s in step.items() if s is not None}
        valid = _valid_on(step.values(), day)
        next_origin = {}
        for pk, successor in step.items():
            if successor in valid:
                result[origin[pk]] = successor
            else:
                next_origin[successor] = origin[pk]
        origin = next_origin
    return result


def predecessors_on(unit_ids: Iterable[int], day: datetime.date) -> dict[int, int]:
    """{id of an earlier unit: id of the unit in ``unit_ids`` that took it over by default on ``day``}.

    The reverse of ``successors_on``, for summing history onto today's units (household totals and
    quotas of a period on today's boundaries). Two queries per level of lineage.
    """
    from directory.models import UnitSuccession

    result: dict[int, int] = {}
    owner = {pk: pk for pk in unit_ids}
    for _ in range(10):
        if not owner:
            break
        predecessor_ids = set(UnitSuccession.objects.filter(successor_id__in_ids=Ids(list(owner)),
                                                            effective_date__lte=day)
                              .values_list("predecessor_id", flat=True))
        links = _links_from(predecessor_ids, day)
        next_owner = {}
        for predecessor_id, rows in links.items():
            successor = _default_successor(rows)
            if successor in owner and predecessor_id not in result:
                result[predecessor_id] = owner[successor]
                next_owner[predecessor_id] = owner[successor]
        owner = next_owner
    return result


def split_successors(commune_ids: Iterable[int], day: datetime.date | None = None) -> dict[int, list[int]]:
    """{id of a split commune (several successors): its successor ids, the default first}."""
    day = day or timezone.localdate()
    return {pk: [s for s, _ in rows] for pk, rows in _links_from(commune_ids, day).items() if len(rows) > 1}


@dataclass
class RehomeResult:
    moved: int = 0
    returned: int = 0
    communes: set[int] = field(default_factory=set)

    def __str__(self):
        return (f"{self.moved} hộ chuyển sang xã kế thừa, {self.returned} hộ trở lại xã đã đăng ký, "
                f"{len(self.communes)} xã liên quan")


def households_rehome(*, today: datetime.date | None = None, commune_ids: Iterable[int] | None = None
                      ) -> RehomeResult:
    """Point every household of an ended commune at the commune that manages it today (idempotent).

    ``commune_ids`` limits the work to the households registered in those communes (after a village
    assignment); by default every registered commune is looked at. Returns what moved.
    """
    today = today or timezone.localdate()
    result = RehomeResult()
    with transaction.atomic():
        registered = AdministrativeUnit.objects.communes().filter(
            Exists(Household.objects.filter(commune_id=OuterRef("pk"))))
        if commune_ids is not None:
            registered = registered.filter(pk__in=list(commune_ids))
        ended = list(registered.filter(valid_to__lt=today).values_list("pk", flat=True))
        targets = successors_on(ended, today)

        # A commune still valid today (or a lineage corrected since) keeps its households.
        stay = Household.objects.filter(current_commune__isnull=False).exclude(commune_id__in=list(targets))
        if commune_ids is not None:
            stay = stay.filter(commune_id__in=list(commune_ids))
        result.communes |= set(stay.values_list("commune_id", flat=True).distinct())
        result.returned = stay.update(current_commune=None)

        decided: dict[int, dict[str, int]] = defaultdict(dict)
        for old_id, village, new_id in (VillageAssignment.objects.filter(old_commune_id__in=list(targets))
                                        .values_list("old_commune_id", "village", "new_commune_id")):
            decided[old_id][village] = new_id

        by_target: dict[int, list[int]] = defaultdict(list)
        for old_id, new_id in targets.items():
            by_target[new_id].append(old_id)
        for new_id, old_ids in sorted(by_target.items()):
            households = Household.objects.filter(commune_id__in=old_ids).exclude(current_commune_id=new_id)
            elsewhere = Q()
            for old_id in old_ids:
                villages = [v for v, n in decided.get(old_id, {}).items() if n != new_id]
                if villages:
                    elsewhere |= Q(commune_id=old_id, village__in=villages)
            if elsewhere:
                households = households.exclude(elsewhere)
            moved = households.update(current_commune_id=new_id)
            if moved:
                result.moved += moved
                result.communes |= set(old_ids)
        assigned: dict[tuple[int, int], list[str]] = defaultdict(list)
        for old_id, villages in decided.items():
            for village, new_id in villages.items():
                assigned[(old_id, new_id)].append(village)
        for (old_id, new_id), villages in sorted(assigned.items()):
            moved = (Household.objects.filter(commune_id=old_id, village__in=villages)
                     .exclude(current_commune_id=new_id).update(current_commune_id=new_id))
            if moved:
                result.moved += moved
                result.communes.add(old_id)
        if result.communes:
            communes = set(result.communes)
            transaction.on_commit(lambda: households_rehomed.send(sender=Household, commune_ids=communes))
    return result


def rehome_after_unit_load(sender, **kwargs):
    """``directory.signals.lineage_changed`` receiver: a unit load may have ended communes or changed
    their successors. A few set-based UPDATEs, so it runs right away, inside the load."""
    households_rehome()
