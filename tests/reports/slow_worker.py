"""A real Celery worker whose report build writes half a workbook and then hangs.

``test_worker_crash.py`` starts it with ``python -m tests.reports.slow_worker <celery arguments>`` and
kills it (SIGKILL) while it hangs: the state a crashed or OOM-killed worker leaves behind.
"""

import sys
import time

import django

django.setup()

from celery.__main__ import main  # noqa: E402

from reports.services import jobs  # noqa: E402


def half_then_hang(run, output, appendix=None):
    output.write(b"PK\x03\x04 half a workbook")
    output.flush()
    time.sleep(600)


jobs.build_for_run = half_then_hang

if __name__ == "__main__":
    sys.argv[0] = "celery"
    sys.exit(main())
