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


@shared_task(autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, retry_backoff=30, retry_jitter=True,
             soft_time_limit=10 * 60, time_limit=12 * 60, acks_late=True)
def report_run_generate_task(run_id: int) -> str:
    from reports.services.jobs import run_generate

    return run_generate(run_id=run_id)


@shared_task(autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, retry_backoff=60, retry_jitter=True,
             soft_time_limit=20 * 60, time_limit=25 * 60)
def reports_daily_task() -> str:
    from reports.services.daily import daily_job

    return str(daily_job())
