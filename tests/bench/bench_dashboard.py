"""Benchmark of the dashboard at province scale (issue 6, point 3). Not a test: prints figures, never fails on time.

    .venv/bin/python tests/bench/bench_dashboard.py [--districts 10] [--communes 100] [--years 5]   (or: make bench)

Builds a fresh database (as bench_import_households.py does), a province of
``--districts`` × ``--communes`` communes with pre-aggregated figures for ``--years``
years (≈ 300 households per commune: a province of ~300.000), then times what one
dashboard request does (``dashboard.selectors.dashboard_data``) for the province, one
district and one commune, with its query count. The households table is not read.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import_households import setup_django  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=10)
    parser.add_argument("--communes", type=int, default=100, help="communes per district")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def build(args):
    from django.utils import timezone

    from dashboard.models import CommuneYearFigures
    from directory.models import AdministrativeUnit, Role, UnitKind, User
    from reports.models import HouseholdTotal

    rng = random.Random(args.seed)
    province = AdministrativeUnit.objects.create(code="90", name="Tỉnh Thử", kind=UnitKind.PROVINCE)
    now = timezone.now()
    years = list(range(2025 - args.years, 2025))
    figures, totals, code = [], [], 90000
    for d in range(args.districts):
        district = AdministrativeUnit.objects.create(code=f"9{d:02d}", name=f"Huyện {d}", kind=UnitKind.DISTRICT,
                                                     parent=province)
        communes = [AdministrativeUnit(code=str(code + i), name=f"Xã {d}-{i}", kind=UnitKind.COMMUNE,
                                       parent=district) for i in range(args.communes)]
        code += args.communes
        for c in communes:
            c.save()  # save() sets level and path
            poor = rng.randint(10, 60)
            for year in years:
                end = max(0, poor - rng.randint(0, 8))
                figures.append(CommuneYearFigures(
                    commune=c, year=year, poor_start=poor, escaped=poor - end, poor_end=end,
                    near_poor_start=poor * 2, near_poor_end=end * 2, poor_end_ethnic=end // 3,
                    poor_start_without_labour=poor // 4, poor_end_without_labour=end // 4,
                    deprivations={str(k): rng.randint(0, end) for k in range(1, 13)},
                    causes={str(k): rng.randint(0, end) for k in range(1, 10)}, refreshed_at=now))
                totals.append(HouseholdTotal(commune=c, year=year, total=rng.randint(250, 350)))
                poor = end
    CommuneYearFigures.objects.bulk_create(figures, batch_size=2000)
    HouseholdTotal.objects.bulk_create(totals, batch_size=2000)
    leader = User.objects.create(username="bench", role=Role.LEADERSHIP, unit=province)
    return province, leader, years[-1], len(figures)


def measure(label, user, unit, year):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dashboard.selectors import dashboard_data

    best = None
    for _ in range(3):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            data = dashboard_data(user, unit, year, datetime.date(year + 1, 3, 1))
            elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<34} {best * 1000:8.1f} ms  {len(ctx.captured_queries):3d} queries  "
          f"{data.commune_count:5d} communes  poor {data.headline.poor}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp:
        connection, on_server = setup_django(Path(tmp))
        from django.conf import settings

        settings.DEBUG = False
        start = time.perf_counter()
        province, leader, year, rows = build(args)
        print(f"{connection.vendor}: {rows} figure rows built in {time.perf_counter() - start:.1f} s")
        from directory.models import AdministrativeUnit

        district = AdministrativeUnit.objects.districts().first()
        commune = AdministrativeUnit.objects.communes().first()
        measure("province dashboard_data", leader, province, year)
        measure("district dashboard_data", leader, district, year)
        measure("commune dashboard_data", leader, commune, year)
        if on_server:
            connection.creation.destroy_test_db(settings.DATABASES["default"]["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
