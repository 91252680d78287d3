"""Load the whole country's administrative units, both maps and the lineage between them.

The data (``directory/data/admin_units.json.gz``) is generated from the PyPI package
``vietnamadminunits`` by ``scripts/build_admin_units_data.py``: the map of 30/06/2025 (63
provinces, 696 districts, 10,035 communes) and the map of 01/07/2025 (34 provinces, 3,321
communes), plus which new commune(s) each old one went to (the default one first for a split).

Rules:

* A unit of the old map is the unit with its code that was valid on 30/06/2025, whatever the
  database already holds for it (the fixtures' units, flags, plans, users, households keep their
  primary key); it ends on 30/06/2025. A unit of the new map starts on 01/07/2025. A province
  that was not merged (Thanh Hóa 38) is one unit that simply continues; a merged one is a new unit
  (new Tỉnh Lào Cai 15) whose predecessors are the old provinces.
* Flags and links already set on existing units are kept (poor district, especially difficult,
  area type, approver, note); name, kind, coordinates, area and period follow the data. An existing
  unit keeps its parent when that parent has the dataset parent's code (Phú Lộc stays under
  Tỉnh Thừa Thiên Huế, which the fixtures end on 31/12/2024).
* Counting district rows gives 698, not 696: the fixtures also hold the two districts that ended on
  31/12/2024 in Huế's own reorganisation (Thành phố Huế 474, split into quận Thuận Hóa and Phú Xuân; Nam
  Đông 483, merged into Phú Lộc), which a map of 30/06/2025 cannot list. On any one day there are at most
  696 (``valid_on(LEGACY_LAST_DAY)``); a count must name its day.
* Everything is written in bulk (one statement per thousand rows), in one transaction. A second
  run writes nothing. ``lineage_changed`` is sent when anything changed.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.db import transaction

from .lenient import LenientChoices, NoMatch
from .lineage import LEGACY_LAST_DAY, REFORM_DATE
from .lookup import name_key
from .models import AdministrativeUnit, AreaType, UnitKind, UnitLevel, UnitSuccession, refresh_has_predecessors
from .signals import lineage_changed

DATA_FILE = Path(__file__).resolve().parent / "data" / "admin_units.json.gz"
BATCH = 1000
URBAN_KINDS = {UnitKind.WARD, UnitKind.TOWNSHIP, UnitKind.URBAN_DISTRICT, UnitKind.TOWN, UnitKind.PROVINCIAL_CITY,
               UnitKind.CENTRAL_CITY}
UPDATED_FIELDS = ["name", "name_key", "kind", "level", "parent", "path", "valid_from", "valid_to",
                  "latitude", "longitude", "area_km2"]


class UnknownProvince(ValueError):
    pass


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_created: int = 0
    links_deleted: int = 0
    paths_repaired: int = 0
    seconds: float = 0.0
    changed_unit_ids: set[int] = field(default_factory=set)

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated or self.links_created or self.links_deleted or self.paths_repaired)

    def summary(self) -> str:
        def n(value):
            return f"{value:,}".replace(",", ".")

        seconds = f"{self.seconds:.1f}".replace(".", ",")
        return (f"Đơn vị hành chính: tạo mới {n(self.created)}, cập nhật {n(self.updated)}, "
                f"giữ nguyên {n(self.unchanged)}; kế thừa: tạo {n(self.links_created)}, xóa {n(self.links_deleted)} "
                f"({seconds} giây).")


def read_data(path: Path = DATA_FILE) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def province_groups(data: dict, wanted: list[str] | None) -> tuple[set[str], set[str]]:
    """(legacy province codes, new province codes) to load. A wanted province is a code or a name,
    old or new; it brings its whole group: the new province and every old one merged into it."""
    groups = [({row[0]}, set(row[6]), {name_key(row[1])}) for row in data["provinces"]]
    legacy_names = {row[0]: name_key(row[1]) for row in data["legacy_provinces"]}
    if not wanted:
        return set(legacy_names), {row[0] for row in data["provinces"]}
    legacy, new = set(), set()
    for item in wanted:
        text = str(item).strip()
        key = text.zfill(2) if text.isdigit() else name_key(text)
        hits = [g for g in groups if key in g[0] or key in g[1] or key in g[2]
                or any(legacy_names[c] == key for c in g[1])]
        if not hits:  # the one lenient rule (directory.lenient): any case or diacritics, or a unique prefix
            try:
                hits = [_province_choices(data, groups).match(text)]
            except NoMatch as exc:
                raise UnknownProvince(str(exc)) from exc
        for new_codes, old_codes, _ in hits:
            new |= new_codes
            legacy |= old_codes
    return legacy, new


def _province_choices(data: dict, groups: list) -> LenientChoices:
    """Every province name of both maps, each naming its group (an old one: the new province it went to)."""
    group_of_old = {code: g for g in groups for code in g[1]}
    items = [(row[1], g) for row, g in zip(data["provinces"], groups, strict=True)]
    items += [(row[1], group_of_old[row[0]]) for row in data["legacy_provinces"] if row[0] in group_of_old]
    unique = {(name, id(group)): (name, group) for name, group in items}  # Thanh Hóa continued: named once
    return _GroupChoices(list(unique.values()))


class _GroupChoices(LenientChoices):
    def __init__(self, items):
        super().__init__(items, name=lambda item: item[0], what="tỉnh")

    def match(self, text):
        return super().match(text)[1]


class _Loader:
    def __init__(self, data: dict, legacy_codes: set[str], new_codes: set[str]):
        self.data = data
        self.legacy_codes = legacy_codes
        self.new_codes = new_codes
        self.result = LoadResult()
        units = list(AdministrativeUnit.objects.all())
        self.by_pk = {u.pk: u for u in units}
        self.by_code: dict[tuple[str, str], list[AdministrativeUnit]] = {}
        for unit in units:
            self.by_code.setdefault((unit.level, unit.code), []).append(unit)

    # ----------------------------------------------------------------- matching

    def _legacy_match(self, level, code):
        return next((u for u in self.by_code.get((level, code), []) if u.is_valid_on(LEGACY_LAST_DAY)), None)

    def _new_match(self, level, code):
        return next((u for u in self.by_code.get((level, code), []) if u.valid_from == REFORM_DATE), None)

    def _start_for_new_legacy_unit(self, level, code):
        """An old-map unit not in the database starts with no date, unless its code's open-start
        unit ended earlier (Tỉnh Thừa Thiên Huế, then Thành phố Huế from 01/01/2025)."""
        ended = [u.valid_to for u in self.by_code.get((level, code), []) if u.valid_to and u.valid_to < LEGACY_LAST_DAY]
        return max(ended) + timedelta(days=1) if ended else None

    # ----------------------------------------------------------------- writing one level

    def _place(self, level, rows, *, new_map: bool):
        """rows: (code, parent unit or None, name, kind, lat, lon, area_km2, valid_to).
        Creates or updates the units of one level; returns {code: unit}."""
        to_create, to_update, placed = [], [], {}
        for code, parent, name, kind, lat, lon, area_km2, valid_to in rows:
            unit = self._new_match(level, code) if new_map else self._legacy_match(level, code)
            is_new = unit is None
            if is_new:
                unit = AdministrativeUnit(
                    code=code, area=AreaType.URBAN if kind in URBAN_KINDS else AreaType.RURAL,
                    valid_from=REFORM_DATE if new_map else self._start_for_new_legacy_unit(level, code),
                    note="Nguồn: danh mục đơn vị hành chính (gói vietnamadminunits).",
                )
            before = {f: getattr(unit, f if f != "parent" else "parent_id") for f in UPDATED_FIELDS}
            unit.name, unit.kind, unit.valid_to = name, kind, valid_to
            unit.latitude, unit.longitude = lat, lon
            if area_km2 is not None:
                unit.area_km2 = area_km2
            current_parent = self.by_pk.get(unit.parent_id) if unit.parent_id else None
            if parent is None:
                unit.parent = None
            elif current_parent is None or current_parent.code != parent.code:
                unit.parent = parent
            else:
                unit.parent = current_parent  # same code, another period: the fixtures' own history
            unit.fill_derived(unit.parent.path if unit.parent else "")
            after = {f: getattr(unit, f if f != "parent" else "parent_id") for f in UPDATED_FIELDS}
            if is_new:
                to_create.append(unit)
            elif after != before:
                to_update.append(unit)
            else:
                self.result.unchanged += 1
            placed[code] = unit
        created = AdministrativeUnit.objects.bulk_create(to_create, batch_size=BATCH)
        if created and created[0].pk is None:  # SQLite before 3.35 returns no ids from a bulk insert
            ids = {(code, start): pk for code, start, pk in AdministrativeUnit.objects.filter(level=level)
                   .values_list("code", "valid_from", "pk")}
            for unit in created:
                unit.pk = ids[(unit.code, unit.valid_from)]
        if to_update:
            AdministrativeUnit.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=BATCH)
        for unit in created:
            self.by_pk[unit.pk] = unit
            self.by_code.setdefault((level, unit.code), []).append(unit)
        self.result.created += len(created)
        self.result.updated += len(to_update)
        self.result.changed_unit_ids |= {u.pk for u in created} | {u.pk for u in to_update}
        return placed

    # ----------------------------------------------------------------- the whole load

    def run(self):
        data = self.data
        merged_provinces = {row[0]: row for row in data["provinces"] if row[0] in self.new_codes
                            and row[6] != [row[0]]}
        continuing = {row[0] for row in data["provinces"] if row[0] in self.new_codes and row[6] == [row[0]]}

        new_rows = {row[0]: row for row in data["provinces"]}

        def legacy_province(code, name, kind, lat, lon):
            if code in continuing:  # one unit for both maps: today's name, coordinates and area
                _, name, kind, lat, lon, area, _olds = new_rows[code]
                return (code, None, name, kind, lat, lon, area, None)
            return (code, None, name, kind, lat, lon, None, LEGACY_LAST_DAY)

        old_provinces = self._place(UnitLevel.PROVINCE, [
            legacy_province(*row) for row in data["legacy_provinces"] if row[0] in self.legacy_codes
        ], new_map=False)
        new_provinces = self._place(UnitLevel.PROVINCE, [
            (code, None, name, kind, lat, lon, area, None)
            for code, (code, name, kind, lat, lon, area, _olds) in merged_provinces.items()
        ], new_map=True)
        for code in continuing:
            new_provinces[code] = old_provinces[code]

        districts = self._place(UnitLevel.DISTRICT, [
            (code, old_provinces[province], name, kind, lat, lon, None, LEGACY_LAST_DAY)
            for code, province, name, kind, lat, lon in data["legacy_districts"] if province in self.legacy_codes
        ], new_map=False)
        old_communes = self._place(UnitLevel.COMMUNE, [
            (code, districts[district], name, kind, lat, lon, None, LEGACY_LAST_DAY)
            for code, district, name, kind, lat, lon in data["legacy_communes"] if district in districts
        ], new_map=False)
        new_communes = self._place(UnitLevel.COMMUNE, [
            (code, new_provinces[province], name, kind, lat, lon, area, None)
            for code, province, name, kind, lat, lon, area in data["communes"] if province in self.new_codes
        ], new_map=True)

        links = {}
        for code, row in merged_provinces.items():
            for old in row[6]:
                links[(old_provinces[old].pk, new_provinces[code].pk)] = True
        for old_level, old_code, new_code, is_default in data["lineage"]:
            old = (old_communes if old_level == "commune" else districts).get(old_code)
            new = new_communes.get(new_code)
            if old is not None and new is not None:
                links[(old.pk, new.pk)] = is_default
        old_units = [*old_provinces.values(), *districts.values(), *old_communes.values()]
        self._write_links(links, predecessor_ids={u.pk for u in old_units})
        refresh_has_predecessors()  # bulk writes send no signals
        self._repair_paths()

    def _write_links(self, wanted: dict[tuple[int, int], bool], predecessor_ids: set[int]):
        """Make the reform's lineage rows of the loaded old units exactly ``wanted``."""
        # Read the reform's rows and keep ours in Python: no IN list of 10.000 ids in the SQL.
        existing = {(link.predecessor_id, link.successor_id): link
                    for link in UnitSuccession.objects.filter(effective_date=REFORM_DATE)
                    if link.predecessor_id in predecessor_ids}
        stale = {link.pk for key, link in existing.items() if wanted.get(key) != link.is_default}
        stale_ids = sorted(stale)
        for start in range(0, len(stale_ids), BATCH):
            UnitSuccession.objects.filter(pk__in=stale_ids[start:start + BATCH]).delete()
        missing = [UnitSuccession(predecessor_id=p, successor_id=s, is_default=d, effective_date=REFORM_DATE)
                   for (p, s), d in wanted.items() if (p, s) not in existing or existing[(p, s)].pk in stale]
        # defaults last: the one-default constraint holds after every statement
        missing.sort(key=lambda link: link.is_default)
        UnitSuccession.objects.bulk_create(missing, batch_size=BATCH)
        self.result.links_created += len(missing)
        self.result.links_deleted += len(stale)
        self.result.changed_unit_ids |= {link.predecessor_id for link in missing}

    def _repair_paths(self):
        """Units under a unit whose path changed (and units the data does not name) get their path again."""
        rows = {pk: (parent_id, code, valid_from, path) for pk, parent_id, code, valid_from, path in
                AdministrativeUnit.objects.values_list("pk", "parent_id", "code", "valid_from", "path")}
        memo: dict[int, str] = {}

        def path_of(pk):
            if pk not in memo:
                parent_id, code, valid_from, _ = rows[pk]
                segment = f"{code}@{valid_from:%Y%m%d}" if valid_from else code
                memo[pk] = f"{path_of(parent_id) if parent_id else ''}{segment}/"
            return memo[pk]

        wrong = [AdministrativeUnit(pk=pk, path=path_of(pk)) for pk, row in rows.items() if path_of(pk) != row[3]]
        AdministrativeUnit.objects.bulk_update(wrong, ["path"], batch_size=BATCH)
        self.result.paths_repaired = len(wrong)
        self.result.changed_unit_ids |= {u.pk for u in wrong}


def load_admin_units(provinces: list[str] | None = None, *, data: dict | None = None) -> LoadResult:
    """Load both maps and the lineage (all provinces, or the groups of ``provinces``). Idempotent."""
    started = time.monotonic()
    data = data if data is not None else read_data()
    legacy_codes, new_codes = province_groups(data, provinces)
    with transaction.atomic():
        loader = _Loader(data, legacy_codes, new_codes)
        loader.run()
    result = loader.result
    result.seconds = time.monotonic() - started
    if result.changed_anything:
        lineage_changed.send(sender=AdministrativeUnit, unit_ids=result.changed_unit_ids, effective_date=REFORM_DATE)
    return result
