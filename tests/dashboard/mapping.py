"""Put test units where the national list puts them: the coordinates of directory/data/admin_units.json.gz
(what ``load_admin_units`` loads), by code, for the legacy communes and the communes since 01/07/2025."""

from __future__ import annotations

from functools import lru_cache

from directory.loading import read_data


@lru_cache(maxsize=1)
def _coordinates() -> tuple[dict, dict]:
    data = read_data()
    legacy = {row[0]: (row[4], row[5]) for row in data["legacy_communes"]}
    new = {row[0]: (row[4], row[5]) for row in data["communes"]}
    return legacy, new


def place(*units) -> None:
    legacy, new = _coordinates()
    for unit in units:
        unit.latitude, unit.longitude = (new if unit.valid_from else legacy)[unit.code]
        unit.save(update_fields=["latitude", "longitude"])
