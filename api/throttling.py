"""The API's throttles: DRF's, counted in the default cache (Redis in production, shared by every worker
process), letting a request through when that cache cannot be reached.

A Redis outage should not turn every API call into a 500: the throttle is a guard against runaway scripts, not
a permission, so for the length of the outage requests are not counted (each is logged once as a warning).
"""

from __future__ import annotations

import logging

from redis.exceptions import RedisError
from rest_framework import throttling

logger = logging.getLogger(__name__)


class _FailOpen:
    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except RedisError as exc:
            logger.warning("api throttle not counted: cache unreachable (%s: %s)", type(exc).__name__, exc)
            return True


class UserThrottle(_FailOpen, throttling.UserRateThrottle):
    """``API_THROTTLE_USER`` requests per signed-in user (1200/hour)."""


class AnonThrottle(_FailOpen, throttling.AnonRateThrottle):
    """``API_THROTTLE_ANON`` requests per address for anonymous callers (60/hour)."""


class ScopedThrottle(_FailOpen, throttling.ScopedRateThrottle):
    """A view's own ``throttle_scope`` (POST /api/v1/token/: 20/hour)."""
