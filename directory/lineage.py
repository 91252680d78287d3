"""Lineage of administrative units across boundary changes (above all the reform of 01/07/2025).

A unit has a period (``valid_from``/``valid_to``, inclusive, ``None`` = open) and lineage rows
(``UnitSuccession``): which units it became and which units it came from. These functions
walk that graph with one query per step (a step is a reform: one or two in practice).
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

REFORM_DATE = date(2025, 7, 1)
"""Two-tier local government (Resolution 202/2025/QH15): districts end, new provinces and xã start."""

LEGACY_LAST_DAY = date(2025, 6, 30)

AGENCY_REFORM_DATE = date(2025, 3, 1)
"""The new cabinet (Resolution 176/2025/QH15): poverty reduction moves from LĐTBXH to Nông nghiệp và Môi trường."""


def _units():
    from .models import AdministrativeUnit

    return AdministrativeUnit.objects


def _links():
    from .models import UnitSuccession

    return UnitSuccession.objects


def today() -> date:
    return timezone.localdate()


def year_end(year: int) -> date:
    """The day a command or an upload about ``year`` resolves its units on."""
    return date(int(year), 12, 31)


def is_post_reform(unit) -> bool:
    """Does the unit exist on or after 01/07/2025 (a new unit, or one that simply continued)?"""
    return unit.valid_to is None or unit.valid_to >= REFORM_DATE


def successors(unit) -> list:
    """The units ``unit`` went to, the default one first."""
    links = _links().filter(predecessor=unit).select_related("successor").order_by("-is_default", "successor__code")
    return [link.successor for link in links]


def default_successor(unit):
    link = _links().filter(predecessor=unit, is_default=True).select_related("successor").first()
    if link is None:  # data without a flagged default: the first one is as good as any, and stable
        link = _links().filter(predecessor=unit).select_related("successor").order_by("successor__code").first()
    return link.successor if link else None


def successor_on(unit, day: date):
    """The unit that carries ``unit`` on ``day``, following default successors; ``None`` if it
    ended without one (a district) or ``day`` is before it started."""
    seen = set()
    node = unit
    while node is not None and node.pk not in seen:
        if node.is_valid_on(day):
            return node
        if node.valid_from is not None and day < node.valid_from:
            return None
        seen.add(node.pk)
        node = default_successor(node)
    return None


def current_unit(unit, day: date | None = None):
    """``unit`` as of ``day`` (today by default): itself while valid, else its default successor."""
    return successor_on(unit, day or today())


def predecessors(unit, transitive: bool = True) -> list:
    """The units ``unit`` came from (and, with ``transitive``, theirs too), nearest first."""
    found: dict[int, object] = {}
    frontier = [unit.pk]
    while frontier:
        links = _links().filter(successor_id__in=frontier).select_related("predecessor")
        frontier = []
        for link in links:
            pred = link.predecessor
            if pred.pk not in found and pred.pk != unit.pk:
                found[pred.pk] = pred
                frontier.append(pred.pk)
        if not transitive:
            break
    return list(found.values())


def historic_roots(unit) -> list:
    """``unit`` and every transitive predecessor, minus those already under another root:
    the path prefixes whose subtrees make up the unit's history."""
    roots = sorted([unit, *predecessors(unit)], key=lambda u: len(u.path))
    kept: list = []
    for candidate in roots:
        if not any(candidate.path.startswith(r.path) for r in kept):
            kept.append(candidate)
    return kept


def historic_paths(unit) -> list[str]:
    return [r.path for r in historic_roots(unit)]


def historic_units(unit):
    """Queryset: the unit, everything under it, every transitive predecessor and everything under those."""
    return _units().under_paths(historic_paths(unit))


def historic_unit_ids(unit) -> set[int]:
    return set(historic_units(unit).values_list("pk", flat=True))


def lineage_note(named, resolved, day: date | None = None) -> str:
    """ "Thọ Lâm đã sáp nhập vào Xã Sao Vàng từ 01/07/2025" (or what befits a split / an end)."""
    if resolved is None or resolved.pk == named.pk:
        ended = named.valid_to.strftime("%d/%m/%Y") if named.valid_to else ""
        return f"{named.kind_and_name} đã hết hiệu lực sau ngày {ended}; dùng theo địa giới cũ."
    link = _links().filter(predecessor=named).order_by("effective_date").first()
    start = (link.effective_date if link else resolved.valid_from or day)
    start_text = start.strftime("%d/%m/%Y") if start else ""
    if _links().filter(predecessor=named).count() > 1:
        return (f"{named.name} đã được chia cho nhiều đơn vị từ {start_text}; "
                f"dùng đơn vị kế thừa mặc định {resolved.kind_and_name}.")
    return f"{named.name} đã sáp nhập vào {resolved.kind_and_name} từ {start_text}"
