"""A real Celery worker whose household import writes every row (uncommitted) and then hangs.

``test_import_worker.py`` starts it with ``python -m tests.households.slow_import_worker <celery arguments>``
and kills it (SIGKILL) while it hangs: the state a crashed or OOM-killed worker leaves behind.
"""

import sys
import time

import django

django.setup()

from celery.__main__ import main  # noqa: E402

from households.importing import pipeline  # noqa: E402

write_plan = pipeline.write_plan


def write_then_hang(plan, **kwargs):
    written = write_plan(plan, **kwargs)
    progress = kwargs.get("progress")
    if progress is not None:
        progress.written = len(plan.new_reviews) + len(plan.changed_reviews)
    time.sleep(600)
    return written


pipeline.write_plan = write_then_hang

if __name__ == "__main__":
    sys.argv[0] = "celery"
    sys.exit(main())
