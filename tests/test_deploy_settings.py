import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_"))}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = _run({
        "DJANGO_SETTINGS_MODULE": "povertyapp.settings.production",
        "DJANGO_SECRET_KEY": "x" * 30 + "a-long-random-production-secret-value-0123456789",
        "DJANGO_ALLOWED_HOSTS": "giamngheo.example.vn",
        "DATABASE_URL": "postgres://app:pw@127.0.0.1:5432/giamngheo",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    })
    assert result.returncode == 0, result.stdout + result.stderr
    assert "silenced" in result.stdout and "(0 silenced)" in result.stdout


def test_production_refuses_to_start_without_secret():
    result = _run({
        "DJANGO_SETTINGS_MODULE": "povertyapp.settings.production",
        "DATABASE_URL": "postgres://app:pw@127.0.0.1:5432/giamngheo",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    })
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def _session_engine(extra_env) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_", "CACHE_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "povertyapp.settings.production", "DJANGO_SECRET_KEY": "x" * 50,
                "DATABASE_URL": "postgres://app:pw@127.0.0.1:5432/giamngheo",
                "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0", **extra_env})
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                             "print(settings.SESSION_ENGINE)"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sessions_read_from_the_cache_only_when_it_is_shared():
    # the default: Redis (the broker's server, another database): read from the cache, written through
    assert _session_engine({}) == "povertyapp.sessions"  # Django's cached_db, tolerating a Redis outage
    # a cache per process would keep a signed-out session alive in the other workers
    assert _session_engine({"CACHE_URL": "locmem://"}) == "django.contrib.sessions.backends.db"
