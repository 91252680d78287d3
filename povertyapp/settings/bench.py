"""The scale benchmark (``make bench``): production-like (no DEBUG, persistent connections), any DATABASE_URL.

Static files keep the plain storage so the in-process measurements need no collectstatic;
the gunicorn run of the benchmark uses ``povertyapp.settings.production`` (``make serve``).
"""

from povertyapp.database import database_from_url

from .base import *  # noqa: F401,F403
from .base import env, env_int

DEBUG = False
# The same key as the gunicorn run of the benchmark (bench.run.serve_env), which reads the sessions made here.
SECRET_KEY = env("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES = {
    "default": database_from_url(env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/povertyapp_bench"),
                                 conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 600))
}
# Report jobs and figure refreshes run in the measuring process, so its peak memory is the job's.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
