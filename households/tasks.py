"""Celery tasks of households: thin (ids in, a service call inside)."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

RETRY_ON = (OperationalError, InterfaceError)


# acks_late + reject_on_worker_lost: a worker killed mid-import does not lose the message; the import's
# transaction dies with it (nothing written), and the redelivery or the recovery task runs it again.
@shared_task(bind=True, autoretry_for=RETRY_ON, retry_kwargs={"max_retries": 5}, retry_backoff=30,
             retry_jitter=True, soft_time_limit=55 * 60, time_limit=60 * 60, acks_late=True,
             reject_on_worker_lost=True)
def import_job_run_task(self, job_id: int) -> str:
    from django.conf import settings

    from households.importing.jobs import JobBusy, run_import_job

    try:
        return run_import_job(job_id=job_id)
    except JobBusy as exc:
        raise self.retry(exc=exc, countdown=settings.IMPORT_JOB_STALE_SECONDS + 5, max_retries=10) from exc


@shared_task(autoretry_for=RETRY_ON, retry_kwargs={"max_retries": 5}, soft_time_limit=50, time_limit=60)
def import_jobs_recover_task() -> str:
    from households.importing.jobs import recover_import_jobs

    return f"{len(recover_import_jobs())} queued again"
