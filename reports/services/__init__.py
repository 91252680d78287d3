"""Writes of the reports app (services) — see the submodules:

- ``runs``: open runs from duties, duty save, request a build, upload, submit, reopen, comment;
- ``jobs``: build a run's workbook (the Celery task's body), sweep stale jobs;
- ``daily``: the daily job (open runs, automatic builds, reminders);
- ``totals``: per-commune yearly household totals.
"""
