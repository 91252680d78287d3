"""Keep the figures fresh: approvals, reopenings and imports send ``households.signals.reviews_changed``
(already on commit); the refresh runs in the worker, never in the request."""

from __future__ import annotations

import logging

from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def queue_refresh(sender, *, commune_ids, years, **kwargs):
    from .tasks import dashboard_refresh_task

    try:
        dashboard_refresh_task.delay(sorted(commune_ids), sorted(years))
    except OperationalError:
        # The data is saved; the nightly refresh will catch up. Never fail the person's request for it.
        logger.exception("dashboard refresh could not be queued for communes %s", sorted(commune_ids))


def queue_refresh_after_rehoming(sender, *, commune_ids, **kwargs):
    """Households moved to another current commune (``households.rehoming``): recount their communes,
    every year (the rows on today's boundaries changed, the historic ones did not)."""
    from .tasks import dashboard_refresh_task

    try:
        dashboard_refresh_task.delay(sorted(commune_ids), None)
    except OperationalError:
        logger.exception("dashboard refresh could not be queued for communes %s", sorted(commune_ids))
