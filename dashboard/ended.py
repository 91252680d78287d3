"""A dashboard asked for a unit where it no longer exists: a district on today's boundaries (districts ended on
30/06/2025) or a commune that merged, or a year whose end the unit did not see. Its figures would all be
zero, so the page says why instead and offers the province and the new communes that took it over."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from directory import lineage
from directory.models import AdministrativeUnit, UnitLevel, UnitSuccession
from reports.boundaries import Boundaries

from .map import province_of


@dataclass
class EndedUnit:
    unit: AdministrativeUnit
    year: int
    boundaries: str
    # the last year whose 31/12 the unit saw: its figures on its own boundaries (None: it never saw one)
    last_year: int | None
    province: AdministrativeUnit | None  # today's province that holds its territory
    communes: list[AdministrativeUnit]  # today's communes that took over its communes (or itself)
    openable: frozenset[int]  # of those, the ones the user may open

    @property
    def existed_in_year(self) -> bool:
        """The unit existed on some day of ``year``: its money of that year (plans, funds) is its own, whatever
        the boundaries of the household figures."""
        start = self.unit.valid_from
        return (start is None or start.year <= self.year) and self.year <= self.unit.valid_to.year

    @property
    def first_day_gone(self) -> datetime.date:
        return self.unit.valid_to + datetime.timedelta(days=1)

    @property
    def reason(self) -> str:
        gone = f"{self.first_day_gone:%d/%m/%Y}"
        if self.unit.is_district:
            return (f"{self.unit.kind_and_name} không còn từ ngày {gone}: từ ngày đó không còn cấp huyện, "
                    "các xã của huyện được sắp xếp thành các xã mới trực thuộc tỉnh.")
        if self.unit.is_province:
            # a province was merged into a province (Yên Bái into the new Lào Cai), not into communes
            into = f" vào {self.province.kind_and_name}" if self.province is not None else ""
            return f"{self.unit.kind_and_name} không còn từ ngày {gone}: đã được hợp nhất{into}."
        return f"{self.unit.kind_and_name} không còn từ ngày {gone}: đã được sắp xếp vào xã mới."

    @property
    def why_no_figures(self) -> str:
        if self.boundaries == Boundaries.CURRENT and self.unit.is_commune:
            return (f"Vì vậy theo địa giới hiện nay {self.unit.kind_and_name} không có số liệu riêng: số liệu của "
                    "xã được cộng vào xã mới.")
        if self.boundaries == Boundaries.CURRENT:
            return (f"Vì vậy theo địa giới hiện nay {self.unit.kind_and_name} không có xã nào và không có số "
                    "liệu để hiện.")
        return (f"Vì vậy {self.unit.kind_and_name} không có số liệu cuối năm {self.year} (ngày 31/12/{self.year}): "
                "số liệu năm này nằm ở các đơn vị mới.")


def ended_unit(user, unit: AdministrativeUnit, year: int, boundaries: str,
               today: datetime.date) -> EndedUnit | None:
    """None while ``unit`` exists at the end of ``year`` (and today, on today's boundaries)."""
    end = unit.valid_to
    if end is None:
        return None
    if not (end < datetime.date(year, 12, 31) or (boundaries == Boundaries.CURRENT and end < today)):
        return None
    last_year = end.year if end >= datetime.date(end.year, 12, 31) else end.year - 1
    if unit.valid_from is not None and last_year < unit.valid_from.year:
        last_year = None
    links = UnitSuccession.objects.filter(successor__level=UnitLevel.COMMUNE)
    if unit.is_commune:
        links = links.filter(predecessor=unit)
    else:
        links = links.filter(predecessor__path__startswith=unit.path, predecessor__level=UnitLevel.COMMUNE)
    successor_ids = links.values_list("successor_id", flat=True)
    communes = list(AdministrativeUnit.objects.filter(pk__in=successor_ids).valid_on(today)
                    .order_by("name_key", "path"))
    province = province_of(unit)
    province = lineage.current_unit(province, today) if province is not None else None
    candidates = [c.pk for c in communes] + ([province.pk] if province else [])
    openable = frozenset(AdministrativeUnit.objects.for_user(user).filter(pk__in=candidates)
                         .values_list("pk", flat=True))
    return EndedUnit(unit=unit, year=year, boundaries=boundaries, last_year=last_year, province=province,
                     communes=communes, openable=openable)
