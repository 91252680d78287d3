"""Regenerate directory/data/admin_units.json.gz from the PyPI package ``vietnamadminunits``.

The package (MIT licence, © 2025 Tran Ngoc Minh Hieu) ships the map of 30/06/2025 (63 provinces,
696 districts, 10,035 communes), the map of 01/07/2025 (34 provinces, 3,321 communes) and a
legacy→new converter that names, for a commune split among several new ones, every successor and
the default one. ``load_admin_units`` reads only the compact file written here, so the package is
needed only to regenerate it:

    .venv/bin/pip install vietnamadminunits==1.0.4 --no-deps     # the data files are all we read
    .venv/bin/python scripts/build_admin_units_data.py           # or --source path/to/vietnamadminunits/data

The package's own code is never imported (its dependencies are not needed); only its data files are read.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "directory" / "data" / "admin_units.json.gz"
PACKAGE_VERSION = "1.0.4"

PROVINCE_KINDS = {"Thành phố": "tp_tw", "Tỉnh": "tinh"}
DISTRICT_KINDS = {"Quận": "quan", "Huyện": "huyen", "Thị xã": "thi_xa", "Thành phố": "tp_tinh"}
COMMUNE_KINDS = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi_tran", "Đặc khu": "dac_khu"}


def package_data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")  # finds the folder, runs none of its code
    if spec is None or not spec.submodule_search_locations:
        sys.exit("Chưa cài gói vietnamadminunits: pip install vietnamadminunits==1.0.4 --no-deps, "
                 "hoặc chỉ thư mục dữ liệu bằng --source.")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def province_kind(full_name: str) -> str:
    return next(kind for prefix, kind in PROVINCE_KINDS.items() if full_name.startswith(prefix + " "))


def rounded(value, digits=6):
    return None if value is None else round(float(value), digits)


def build(data_dir: Path) -> dict:
    db = sqlite3.connect(data_dir / "dataset.db")
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))

    legacy_provinces, legacy_districts, legacy_communes = {}, {}, []
    province_code_by_key, commune_code_by_key, island_districts = {}, {}, {}
    rows = db.execute(
        "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey,"
        " districtShort, districtType, districtCode, districtLat, districtLon, districtKey,"
        " wardShort, wardType, wardCode, wardLat, wardLon, wardKey FROM admin_units_legacy"
    )
    for (p_full, p_name, p_code, p_lat, p_lon, p_key, d_name, d_type, d_code, d_lat, d_lon, d_key,
         w_name, w_type, w_code, w_lat, w_lon, w_key) in rows:
        legacy_provinces[p_code] = [p_code, p_name, province_kind(p_full), rounded(p_lat), rounded(p_lon)]
        province_code_by_key[p_key] = p_code
        legacy_districts[d_code] = [d_code, p_code, d_name, DISTRICT_KINDS[d_type], rounded(d_lat), rounded(d_lon)]
        if w_code is None:  # island districts without communes: the converter maps them whole ("p_d_")
            island_districts[f"{p_key}_{d_key}_"] = d_code
            continue
        legacy_communes.append([w_code, d_code, w_name, COMMUNE_KINDS[w_type], rounded(w_lat), rounded(w_lon)])
        commune_code_by_key[f"{p_key}_{d_key}_{w_key}"] = w_code

    communes, new_code_by_key, area_by_province = [], {}, {}
    new_provinces = {}
    rows = db.execute(
        "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey,"
        " wardShort, wardType, wardCode, wardLat, wardLon, wardAreaKm2, wardKey FROM admin_units"
    )
    for p_full, p_name, p_code, p_lat, p_lon, p_key, w_name, w_type, w_code, w_lat, w_lon, w_area, w_key in rows:
        new_provinces[p_key] = [p_code, p_name, province_kind(p_full), rounded(p_lat), rounded(p_lon)]
        communes.append([w_code, p_code, w_name, COMMUNE_KINDS[w_type], rounded(w_lat), rounded(w_lon),
                         rounded(w_area, 2)])
        new_code_by_key[(p_key, w_key)] = w_code
        area_by_province[p_code] = area_by_province.get(p_code, 0.0) + (w_area or 0.0)

    provinces = []
    for new_key, old_keys in sorted(converter["DICT_PROVINCE"].items()):
        code, name, kind, lat, lon = new_provinces[new_key]
        provinces.append([code, name, kind, lat, lon, round(area_by_province[code], 2),
                          sorted(province_code_by_key[k] for k in old_keys)])

    def old_unit(old_key):
        """("commune", code), or ("district", code) for an island district that became a đặc khu whole."""
        if old_key in island_districts:
            return ["district", island_districts[old_key]]
        return ["commune", commune_code_by_key[old_key]]

    # lineage: [legacy level ("commune"/"district"), legacy code, new commune code, is default]
    lineage = []
    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_key, old_keys in wards.items():
            for old_key in old_keys:
                lineage.append([*old_unit(old_key), new_code_by_key[(new_province, new_key)], True])
    for new_province, splits in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in splits.items():
            for target in targets:
                lineage.append([*old_unit(old_key), new_code_by_key[(new_province, target["newWardKey"])],
                                bool(target["isDefaultNewWard"])])

    return {
        "source": f"vietnamadminunits {PACKAGE_VERSION} (MIT licence, © 2025 Tran Ngoc Minh Hieu)",
        "legacy_map_of": "2025-06-30",
        "new_map_from": "2025-07-01",
        "legacy_provinces": sorted(legacy_provinces.values()),
        "legacy_districts": sorted(legacy_districts.values()),
        "legacy_communes": sorted(legacy_communes),
        "provinces": provinces,
        "communes": sorted(communes),
        "lineage": sorted(lineage),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="the package's data folder (dataset.db, converter_2025.json)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build(args.source or package_data_dir())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(args.output, "wb", mtime=0) as out:  # mtime=0: the same input gives the same bytes
        out.write(payload)
    print(f"{args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}: "
          f"{len(data['legacy_provinces'])} tỉnh, {len(data['legacy_districts'])} huyện, "
          f"{len(data['legacy_communes'])} xã (bản đồ 30/06/2025); {len(data['provinces'])} tỉnh, "
          f"{len(data['communes'])} xã (từ 01/07/2025); {len(data['lineage'])} dòng kế thừa.")


if __name__ == "__main__":
    main()
