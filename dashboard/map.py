"""The dashboard's map (issue 15, point 3): each commune of the unit at its coordinates, sized by its number
of households and coloured by its poor rate on fixed classes, with the same figures as a table.

Everything comes from the communes ``selectors.dashboard_data`` already summed (``DashboardData.communes``),
so the map, its table and the rest of the page agree on either boundary. One query more: the province's
bounding box, drawn when no tile layer is configured (an intranet with no internet).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import Max, Min

from directory.models import AdministrativeUnit, UnitLevel

# Fixed classes of the poor rate (%), the same on every unit and year so two maps can be compared.
# (key, lower bound inclusive, upper bound exclusive, label); the colours are in dashboard/map.css.
RATE_CLASSES = [
    ("r0", None, 2, "Dưới 2%"),
    ("r1", 2, 5, "Từ 2% đến dưới 5%"),
    ("r2", 5, 10, "Từ 5% đến dưới 10%"),
    ("r3", 10, 20, "Từ 10% đến dưới 20%"),
    ("r4", 20, None, "Từ 20% trở lên"),
]
NO_RATE = ("rn", "Chưa có tỷ lệ (chưa có tổng số hộ)")
_LABELS = {key: label for key, _, _, label in RATE_CLASSES}


def rate_class(rate: float | None) -> str:
    if rate is None:
        return NO_RATE[0]
    for key, low, high, _ in RATE_CLASSES:
        if (low is None or rate >= low) and (high is None or rate < high):
            return key
    return RATE_CLASSES[-1][0]


def rate_label(key: str) -> str:
    """The legend's label of a class from ``rate_class``."""
    return _LABELS.get(key, NO_RATE[1])


@dataclass
class MapCommune:
    unit: AdministrativeUnit
    households: int | None
    poor: int
    near_poor: int
    rate: float | None
    link: bool  # its own dashboard can be opened from here (not the unit the page is about)

    @property
    def rate_class(self) -> str:
        return rate_class(self.rate)

    @property
    def rate_label(self) -> str:
        return rate_label(self.rate_class)

    @property
    def has_position(self) -> bool:
        return self.unit.latitude is not None and self.unit.longitude is not None


@dataclass
class CommuneMap:
    communes: list[MapCommune]
    province: AdministrativeUnit | None
    box: list[list[float]] | None  # [[south, west], [north, east]] of the province's communes
    tiles_url: str
    tiles_attribution: str

    # cached: the page asks several times (a province: ~600 communes each time)
    @cached_property
    def placed(self) -> list[MapCommune]:
        return [c for c in self.communes if c.has_position]

    @cached_property
    def unplaced(self) -> list[MapCommune]:
        return [c for c in self.communes if not c.has_position]

    @property
    def unplaced_names(self) -> str:
        """ "Xuân Bái, TT Lam Sơn, ..." (the page's list of communes without coordinates, in one string rather
        than a template loop over hundreds of communes)."""
        return ", ".join(c.unit.display_name for c in self.unplaced)

    @property
    def largest_households(self) -> int | None:
        return max((c.households for c in self.placed if c.households), default=None)

    @property
    def legend(self) -> list[tuple[str, str]]:
        return [(key, label) for key, _, _, label in RATE_CLASSES] + [NO_RATE]

    def as_json(self, year: int, boundaries: str) -> dict:
        """What static/dashboard/map.js draws (through ``json_script``: no inline script)."""
        return {
            "communes": [{"id": c.unit.pk, "name": c.unit.display_name, "lat": c.unit.latitude,
                          "lon": c.unit.longitude, "households": c.households, "poor": c.poor,
                          "near_poor": c.near_poor, "rate": c.rate, "cls": c.rate_class,
                          "link": c.link} for c in self.placed],
            "box": self.box,
            "province": self.province.kind_and_name if self.province else "",
            "tiles": {"url": self.tiles_url, "attribution": self.tiles_attribution} if self.tiles_url else None,
            "query": {"nam": year, "dia_gioi": boundaries},
        }


def province_of(unit: AdministrativeUnit) -> AdministrativeUnit | None:
    """The province whose subtree holds ``unit`` (the first segment of its path): the top of its parent chain
    when that was read with it (``selectors.dashboard_unit``), else one small query."""
    if unit.is_province:
        return unit
    first = unit.path.split("/", 1)[0] + "/"
    top = unit
    while top.parent_id is not None and top.path != first and AdministrativeUnit.parent.is_cached(top):
        top = top.parent
    if top.path == first:
        return top
    return AdministrativeUnit.objects.filter(path=first).first()


def province_box(province: AdministrativeUnit | None, extra: list[MapCommune]) -> list[list[float]] | None:
    """The rectangle around every commune of the province that has coordinates (both maps: a province's
    territory did not move), widened to the marks shown (the history of a merged province lies under the
    old provinces' paths)."""
    lats = [c.unit.latitude for c in extra if c.has_position]
    lons = [c.unit.longitude for c in extra if c.has_position]
    if province is not None:
        box = (AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, path__startswith=province.path,
                                                 latitude__isnull=False, longitude__isnull=False)
               .aggregate(s=Min("latitude"), n=Max("latitude"), w=Min("longitude"), e=Max("longitude")))
        if box["s"] is not None:
            lats += [box["s"], box["n"]]
            lons += [box["w"], box["e"]]
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def commune_map(data) -> CommuneMap:
    """The map of ``data`` (a ``selectors.DashboardData``): one mark per commune it sums."""
    communes = [MapCommune(unit=c.unit, households=c.row.total_households, poor=c.row.figures.poor_end,
                           near_poor=c.row.figures.near_poor_end, rate=c.row.rate, link=c.unit.pk != data.unit.pk)
                for c in data.communes]
    province = province_of(data.unit)
    return CommuneMap(communes=communes, province=province, box=province_box(province, communes),
                      tiles_url=getattr(settings, "DASHBOARD_MAP_TILES_URL", ""),
                      tiles_attribution=getattr(settings, "DASHBOARD_MAP_TILES_ATTRIBUTION", ""))
