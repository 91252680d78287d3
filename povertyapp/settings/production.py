"""Production: every secret from the environment, no default; HTTPS only."""

from povertyapp.caching import caches_for, default_cache_url
from povertyapp.database import database_from_url

from .base import *  # noqa: F401,F403
from .base import env, env_bool, env_int, env_list

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
DATABASES = {"default": database_from_url(env("DATABASE_URL"), conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60))}
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
# Shared by every gunicorn worker, so that the API's throttle counts a user's requests once, not per process:
# CACHE_URL, by default the broker's Redis server, database CACHE_REDIS_DB (1); never the broker's own database.
CACHES = caches_for(env("CACHE_URL", default_cache_url(CELERY_BROKER_URL, env_int("CACHE_REDIS_DB", 1))),
                    CELERY_BROKER_URL)
# Sessions read from the shared cache and written through to the database: one query less on every signed-in
# request. Only with a shared cache (Redis): a cache per process would keep a signed-out or expired session
# alive in the other workers.
# povertyapp.sessions: Django's cached_db, reading from the database alone while Redis is unreachable.
SESSION_ENGINE = ("povertyapp.sessions" if CACHES["default"]["BACKEND"].endswith("RedisCache")
                  else "django.contrib.sessions.backends.db")

# Hashed names (ManifestStaticFilesStorage) are cached by browsers for a year (WhiteNoise marks them
# immutable); other files under /static/ for a day.
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 24 * 60 * 60)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The client's address for login throttling and the audit log comes from X-Forwarded-For as written by
# DJANGO_PROXY_COUNT trusted proxies (accounts.network.client_ip).
TRUSTED_PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # monitoring may ask over plain HTTP on the private network
# Only ``make serve`` on one's own machine (plain http://127.0.0.1) turns these off.
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
SERVER_EMAIL = env("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
ADMINS = [("Quản trị", addr) for addr in env_list("DJANGO_ADMINS", [])]
