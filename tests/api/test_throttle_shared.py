"""The API's throttle counts a user's requests once across server processes (the default cache is Redis in
production), and lets requests through when that cache is down."""

from __future__ import annotations

import os
import uuid
from types import SimpleNamespace

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from api.throttling import UserThrottle
from povertyapp.caching import REDIS_TIMEOUTS, caches_for, default_cache_url


def _redis_url() -> str | None:
    """The Redis of this run (CI: CELERY_BROKER_URL), or None. Only keys under the test's own prefix are
    written and deleted: never ``clear()``, which would empty the broker's database."""
    url = os.environ.get("CACHE_URL") or os.environ.get("CELERY_BROKER_URL", "")
    return url if url.startswith(("redis://", "rediss://")) else None


class TwoPerMinute(UserThrottle):
    rate = "2/min"


def _throttle(cache):
    throttle = TwoPerMinute()
    throttle.cache = cache
    return throttle


def _calls(caches, user):
    """One request after another, each handled by the next 'worker process' (its own cache client)."""
    request = SimpleNamespace(user=user, META={"REMOTE_ADDR": "10.0.0.1"})
    return [_throttle(caches[i % len(caches)]).allow_request(request, None) for i in range(4)]


def test_two_processes_memory_caches_count_apart_which_is_the_bug():
    user = SimpleNamespace(pk=7, is_authenticated=True)
    workers = [LocMemCache(f"worker-{i}-{uuid.uuid4()}", {}) for i in range(2)]
    # each process allows its own 2 a minute: 4 of 4 pass
    assert _calls(workers, user) == [True, True, True, True]


def test_two_processes_with_redis_share_one_count():
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis: set CELERY_BROKER_URL=redis://… (CI does)")
    prefix = f"test-throttle-{uuid.uuid4()}"
    # Two separate clients with their own connection pools, as two gunicorn workers have.
    workers = [RedisCache(url, {"KEY_PREFIX": prefix, "OPTIONS": dict(REDIS_TIMEOUTS)}) for _ in range(2)]
    user = SimpleNamespace(pk=7, is_authenticated=True)
    try:
        assert _calls(workers, user) == [True, True, False, False]
    finally:
        workers[0].delete(TwoPerMinute().cache_format % {"scope": "user", "ident": 7})


@pytest.mark.django_db
def test_an_unreachable_cache_lets_api_requests_through(commune_a_user, caplog):
    # Port 1 on this machine: connection refused at once, like a stopped Redis.
    with override_settings(CACHES=caches_for("redis://127.0.0.1:1/1")):
        client = APIClient()
        client.force_authenticate(commune_a_user)
        assert client.get(reverse("api:me")).status_code == 200
    assert "api throttle not counted: cache unreachable" in caplog.text


def test_cache_settings():
    assert caches_for("")["default"]["BACKEND"].endswith("LocMemCache")
    assert caches_for("locmem://")["default"]["BACKEND"].endswith("LocMemCache")
    redis = caches_for("redis://cache.internal:6379/3", "redis://cache.internal:6379/0")["default"]
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/3"
    assert default_cache_url("redis://:secret@broker:6380/0", 1) == "redis://:secret@broker:6380/1"
    # cache.clear() empties the whole Redis database: the broker's queues would go with it
    with pytest.raises(ImproperlyConfigured, match="cùng cơ sở dữ liệu Redis"):
        caches_for("redis://broker:6379/0", "redis://broker:6379")
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL phải bắt đầu"):
        caches_for("memcached://x:11211")


@pytest.mark.django_db
def test_signed_in_pages_and_logins_work_from_the_database_when_the_session_cache_is_down(client, commune_a_user):
    with override_settings(CACHES=caches_for("redis://127.0.0.1:1/1"), SESSION_ENGINE="povertyapp.sessions"):
        client.force_login(commune_a_user)  # a new session: its key checked, saved (cache write fails: logged)
        assert client.get(reverse("profile")).status_code == 200  # read: cache miss, database, cache write fails
        assert client.get(reverse("api:me")).status_code == 200
