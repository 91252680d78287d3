"""Celery tasks of the dashboard: thin (ids in, a service call inside), idempotent, retried only when
the database or the broker is away (the same policy as ``reports.tasks``)."""

from __future__ import annotations

from celery import shared_task

from reports.tasks import RETRY_KWARGS, RETRY_ON


@shared_task(autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, retry_backoff=30, retry_jitter=True,
             soft_time_limit=10 * 60, time_limit=12 * 60)
def dashboard_refresh_task(commune_ids: list[int], years: list[int] | None = None) -> int:
    from dashboard.services import figures_refresh

    return figures_refresh(commune_ids=commune_ids, years=years)


@shared_task(autoretry_for=RETRY_ON, retry_kwargs=RETRY_KWARGS, retry_backoff=60, retry_jitter=True,
             soft_time_limit=50 * 60, time_limit=55 * 60)
def dashboard_refresh_all_task() -> int:
    from dashboard.services import figures_refresh_all

    return figures_refresh_all()
