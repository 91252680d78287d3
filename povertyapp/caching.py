"""The default cache: Redis in production (shared by every gunicorn worker), the process's memory elsewhere.

The API's throttle (DRF's ``UserRateThrottle``) counts requests in the default cache: with the per-process
memory cache each gunicorn worker kept its own count, so a user got ``API_THROTTLE_USER`` requests per worker.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A Redis outage must not hang every request for the default 20 s connect timeout: the throttle gives up
# after these (seconds) and lets the request through (api.throttling).
REDIS_TIMEOUTS = {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}


def _db_of(url: str) -> str:
    return urlsplit(url).path.strip("/") or "0"


def default_cache_url(broker_url: str, db: int) -> str:
    """The broker's Redis server with database ``db`` (the cache's own: Django's ``cache.clear()`` empties
    the whole database, so it must never share the broker's queues)."""
    parts = urlsplit(broker_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", "", ""))


def caches_for(cache_url: str, broker_url: str = "") -> dict:
    """``CACHES`` for ``CACHE_URL``: ``redis://``/``rediss://`` gives Django's RedisCache, ``locmem://`` (or
    empty) the process's memory."""
    if not cache_url or cache_url.startswith("locmem"):
        return LOCMEM
    scheme = urlsplit(cache_url).scheme
    if scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(
            f"CACHE_URL phải bắt đầu bằng redis://, rediss:// hoặc locmem://, không phải {cache_url!r}.")
    if broker_url.startswith(("redis://", "rediss://")) and (
            urlsplit(broker_url).netloc == urlsplit(cache_url).netloc and _db_of(broker_url) == _db_of(cache_url)):
        raise ImproperlyConfigured(
            f"CACHE_URL ({cache_url}) dùng cùng cơ sở dữ liệu Redis với CELERY_BROKER_URL: xóa bộ đệm sẽ xóa cả "
            "hàng đợi công việc. Chọn số cơ sở dữ liệu khác (ví dụ …/1).")
    return {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": cache_url,
        "KEY_PREFIX": "povertyapp",
        "OPTIONS": dict(REDIS_TIMEOUTS),
    }}
