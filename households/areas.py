"""Which commune a review belongs to on its date, and its area (issue 11, points 3 and 4).

After 01/07/2025 a household of an abolished commune (TT Lam Sơn) is reviewed in the commune that
took it over (Xã Lam Sơn): that commune's kind gives the area (xã rural; phường, thị trấn urban)
and its chairman approves. ``commune_on`` follows the lineage as of a day; before the reform, or for
a unit that simply continued, it is the commune itself.
"""

from __future__ import annotations

import datetime

from directory.lineage import successor_on
from directory.models import AreaType, UnitKind

# The area each kind of commune-level unit gives its households. Đặc khu (island special zones of the
# 2025 reform) are counted rural here: the reform texts were not checked for this (chưa đối chiếu văn bản
# chính thức); a household is moved with a per-household override and its reason until they are.
KIND_AREA = {
    UnitKind.COMMUNE: AreaType.RURAL,
    UnitKind.WARD: AreaType.URBAN,
    UnitKind.TOWNSHIP: AreaType.URBAN,
    UnitKind.SPECIAL_ZONE: AreaType.RURAL,
}


def commune_on(commune, day: datetime.date):
    """The commune that carries ``commune``'s households on ``day`` (itself while it exists)."""
    return successor_on(commune, day) or commune


def unit_area(unit) -> str:
    return KIND_AREA.get(unit.kind, unit.area)


def area_on(commune, day: datetime.date) -> str:
    return unit_area(commune_on(commune, day))


def household_area_on(household, day: datetime.date) -> str:
    """A household's area for a review dated ``day``: its override (kept with a reason), else its commune's."""
    if (household.area_reason or "").strip():
        return household.area
    return area_on(household.commune, day)
