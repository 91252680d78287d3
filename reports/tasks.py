"""Celery tasks: thin (ids in, a service call inside), idempotent, retried only when the database or
the broker is away, with time limits. Fired with ``transaction.on_commit`` by the services."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

try:  # redis is the production broker; the filesystem transport needs none of this
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # pragma: no cover
    RedisConnectionError = RedisTimeoutError = BrokerOperationalError

RETRY_ON = (OperationalError, InterfaceError, BrokerOperationalError, RedisConnectionError, RedisTimeoutError)
RETRY_KWARGS = {"max_retries": 5}


# acks_late + reject_on_worker_lost: a worker killed mid-build does not lose the message (the broker
# hands it out again); the run's heartbeat tells the next delivery, or the recovery task, that the
# build was abandoned (reports.services.jobs).
@shared_task(bind=True, autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, retry_backoff=30, retry_jitter=True,
             soft_time_limit=10 * 60, time_limit=12 * 60, acks_late=True, reject_on_worker_lost=True)
def report_run_generate_task(self, run_id: int) -> str:
    from django.conf import settings

    from reports.services.jobs import RunBusy, run_generate

    try:
        return run_generate(run_id=run_id)
    except RunBusy as exc:
        # Someone is building it: look again once a dead builder would have gone stale.
        raise self.retry(exc=exc, countdown=settings.REPORT_JOB_STALE_SECONDS + 5, max_retries=10) from exc


@shared_task(autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, soft_time_limit=50, time_limit=60)
def reports_recover_task() -> str:
    from reports.services.jobs import recover_stale_jobs, resend_lost_jobs

    return f"{len(recover_stale_jobs())} queued again, {len(resend_lost_jobs())} sent again"


@shared_task(autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, retry_backoff=60, retry_jitter=True,
             soft_time_limit=20 * 60, time_limit=25 * 60)
def reports_daily_task() -> str:
    from reports.services.daily import daily_job

    return str(daily_job())
