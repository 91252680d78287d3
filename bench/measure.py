"""Run one job in a fresh process and print its wall time and peak memory (RSS) as JSON.

    python -m bench.measure report 395 2024          annual poverty report of a unit (worker's job)
    python -m bench.measure export 395 2024          household review list export of a unit
    python -m bench.measure import FILE.xlsx         import a review list, then roll it back

The peak RSS is the whole process's (Django loaded included), as a worker process would show it.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.dataset import setup_django


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM (Linux) starts afresh at exec; ru_maxrss would carry
    the parent's peak over into a child process."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def run(kind: str, *args: str) -> dict:
    setup_django()
    from django.db import connection

    connection.ensure_connection()
    baseline = peak_rss_mb()
    started = time.perf_counter()
    extra: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        if kind == "report":
            from directory.models import AdministrativeUnit
            from reports.periods import Period, PeriodKind
            from reports.poverty import build_poverty_report

            unit = AdministrativeUnit.objects.get(code=args[0])
            report = build_poverty_report(unit=unit, period=Period(PeriodKind.YEAR, int(args[1]), 1),
                                          output=Path(tmp) / "bao-cao.xlsx")
            extra = {"moved": report.moved_count, "poor_end": report.total.figures.poor_end}
        elif kind == "export":
            from directory.models import AdministrativeUnit
            from households.exporting import export_reviews

            unit = AdministrativeUnit.objects.get(code=args[0])
            extra = {"rows": export_reviews(unit=unit, year=int(args[1]), output=Path(tmp) / "ra-soat.xlsx")}
        elif kind == "import":
            from django.db import transaction

            from households.importing import import_reviews

            with transaction.atomic():
                result = import_reviews(args[0], approve=False)
                transaction.set_rollback(True)  # the scale set stays as it was
            extra = {"rows": result.rows, "created": result.reviews_created,
                     "timings": {k: round(v, 2) for k, v in result.timings.items()}}
        else:
            raise SystemExit(f"unknown job {kind}")
    seconds, peak = time.perf_counter() - started, peak_rss_mb()
    if kind == "import":  # untimed: the next measurement starts from the set as built
        from bench.dataset import vacuum_dead_rows

        vacuum_dead_rows(stdout=sys.stderr)
    return {"seconds": seconds, "peak_rss_mb": peak, "baseline_rss_mb": baseline, **extra}


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:])))
