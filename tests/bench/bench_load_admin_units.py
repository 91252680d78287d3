"""Benchmark of ``load_admin_units`` for the whole country (issue 10, point 3). Prints figures, never fails on time.

    .venv/bin/python tests/bench/bench_load_admin_units.py      (or: make bench-small; DATABASE_URL for PostgreSQL)

A fresh database with the fixtures' units, then three runs: the first load (≈14.100 units, ≈10.650 lineage rows),
a second run (must change nothing), and a reload after ``loaddata units`` reset the 62 fixture units (as a second
``make setup`` does). Also times a scoped count for a province account (a prefix subquery).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import_households import setup_django  # noqa: E402


def main():
    with tempfile.TemporaryDirectory() as tmp:
        connection, on_server = setup_django(Path(tmp))
        from django.core.management import call_command

        from directory.loading import load_admin_units
        from directory.models import AdministrativeUnit, Role, User

        call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
        print(f"Cơ sở dữ liệu: {connection.vendor}")
        for label, before in (("lần đầu", None), ("chạy lại", None),
                              ("sau loaddata units", lambda: call_command("loaddata", "units", verbosity=0))):
            if before:
                before()
            started = time.perf_counter()
            result = load_admin_units()
            print(f"load_admin_units ({label}): {time.perf_counter() - started:.2f} s — {result.summary()}")
        province = AdministrativeUnit.objects.get_by_natural_key("38")
        user = User.objects.create(username="bench-tinh", role=Role.PROVINCE_STAFF, unit=province)
        started = time.perf_counter()
        count = AdministrativeUnit.objects.for_user(user).count()
        elapsed = 1000 * (time.perf_counter() - started)
        print(f"Phạm vi tỉnh Thanh Hóa (cả hai bản đồ): {count} đơn vị, {elapsed:.1f} ms")
        if on_server:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
