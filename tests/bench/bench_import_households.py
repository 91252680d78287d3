"""Benchmark of the household review-list import (issue 4, point 10). Not a test: prints figures, never fails on time.

    .venv/bin/python tests/bench/bench_import_households.py [--rows 50000]      (or: make bench)

Builds a fresh database (a new SQLite file, or with DATABASE_URL a throw-away test
database on that server), loads the units, writes an .xlsx file of ``--rows`` review rows
over the 30 communes of Thọ Xuân, then times three imports through
``households.importing.import_reviews``: the file into the empty database (drafts), the
same file again (every row unchanged), and the previous year's list of the same
households as an approved official list. The goal is ≥ 2.000 rows/s for the first.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def setup_django(workdir: Path):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "povertyapp.settings.test")
    os.environ["DJANGO_VAR_DIR"] = str(workdir)
    server = os.environ.get("DATABASE_URL")
    if not server:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.db import connection

    if server:
        # Never touch the real database: a test database beside it, dropped at the end.
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    return connection, bool(server)


def write_file(path: Path, *, rows: int, year: int, seed: int) -> float:
    from openpyxl import Workbook

    from directory.models import AdministrativeUnit
    from households.importing import HEAD_COLUMNS, TAIL_COLUMNS
    from households.models import Indicator, PovertyCause

    rng = random.Random(f"{seed}-{year}")
    communes = list(AdministrativeUnit.objects.communes().filter(path__startswith="38/395/").order_by("code"))
    indicators = list(Indicator.objects.filter(standard__code="nd07-2021").order_by("order")
                      .values_list("name", flat=True))
    causes = list(PovertyCause.objects.values_list("name", flat=True))
    started = time.perf_counter()
    # Written like Excel or LibreOffice save a file (shared strings, a <dimension> element), not in
    # openpyxl's write-only mode (inline strings, no dimension), which openpyxl reads back far slower.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Rà soát"
    sheet.append([f"DANH SÁCH KẾT QUẢ RÀ SOÁT NĂM {year} (dữ liệu đo hiệu năng)"])
    sheet.append([])
    sheet.append(list(HEAD_COLUMNS[:-1]) + [HEAD_COLUMNS[-1]] + indicators + list(TAIL_COLUMNS))
    for number in range(rows):
        commune = communes[number % len(communes)]
        poor_ish = rng.random() < 0.12
        income = rng.randrange(600_000, 1_500_001, 10_000) if poor_ish else rng.randrange(1_500_000, 9_000_000, 10_000)
        deprived = set(rng.sample(range(len(indicators)), rng.choice([0, 1, 2, 3, 4] if poor_ish else [0, 0, 1])))
        sheet.append(
            [f"BX-{number // len(communes) + 1:05d}", f"Lê Văn Đo {number}", f"Thọ Xuân/{commune.name}",
             f"Thôn {rng.randint(1, 12)}", "Thành thị" if commune.area == "urban" else "Nông thôn",
             rng.randint(1, 7), year, income]
            + ["x" if i in deprived else None for i in range(len(indicators))]
            + ["x" if rng.random() < 0.05 else None, "x" if rng.random() < 0.02 else None,
               "; ".join(rng.sample(causes, rng.randint(1, 2))) if poor_ish else None]
        )
    workbook.save(path)
    return time.perf_counter() - started


def report(label: str, rows: int, result, elapsed: float):
    phases = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items() if name != "total")
    after = elapsed - result.timings.get("total", elapsed)
    rate = f"{rows / elapsed:,.0f}".replace(",", ".")
    print(f"{label}: {rows} dòng trong {elapsed:.2f} s = {rate} dòng/s")
    print(f"    giai đoạn: {phases}; sau commit (tín hiệu): {after:.2f} s")
    print(f"    {result.summary()}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        connection, on_server = setup_django(workdir)
        from django.core.management import call_command

        call_command("loaddata", "units", verbosity=0)
        print(f"Cơ sở dữ liệu: {connection.vendor} ({'CSDL thử trên máy chủ' if on_server else 'tệp SQLite mới'}), "
              f"chuẩn bị {time.perf_counter() - started:.1f} s; {os.cpu_count()} lõi CPU.")

        from households.importing import import_reviews
        from households.models import Household, Review

        current, previous = workdir / "ra-soat-2024.xlsx", workdir / "ra-soat-2023.xlsx"
        seconds = write_file(current, rows=args.rows, year=2024, seed=args.seed)
        write_file(previous, rows=args.rows, year=2023, seed=args.seed)
        print(f"Tệp: {args.rows} dòng, {current.stat().st_size / 1048576:.1f} MB (ghi mất {seconds:.1f} s).")

        for label, path, approve in (("1. Nhập vào CSDL trống (nháp)", current, False),
                                     ("2. Nhập lại cùng tệp (không đổi)", current, False),
                                     ("3. Danh sách năm trước, phê duyệt", previous, True)):
            started = time.perf_counter()
            result = import_reviews(path, approve=approve)
            report(label, args.rows, result, time.perf_counter() - started)
        print(f"Kết quả: {Household.objects.count()} hộ, {Review.objects.count()} phiếu rà soát.")
        if on_server:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
