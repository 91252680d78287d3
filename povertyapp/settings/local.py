"""Local development: DEBUG, SQLite, filesystem broker, console e-mail."""

from povertyapp.env import env_bool

from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE, VAR_DIR

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]
DEMO_MODE = True
# Users of `make run` see the app's Vietnamese 404/500 pages, not Django's debug pages (set
# DJANGO_DEBUG_PAGES=1 to get those back while developing).
if not env_bool("DJANGO_DEBUG_PAGES", False):
    MIDDLEWARE = [*MIDDLEWARE, "directory.views.FriendlyErrorPagesMiddleware"]

for folder in ("celery/queue", "celery/processed", "celery/control", "media", "static"):
    (VAR_DIR / folder).mkdir(parents=True, exist_ok=True)
