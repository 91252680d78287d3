"""Local development: DEBUG, SQLite, filesystem broker, console e-mail."""

from .base import *  # noqa: F401,F403
from .base import VAR_DIR

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]
DEMO_MODE = True

for folder in ("celery/queue", "celery/processed", "celery/control", "media", "static"):
    (VAR_DIR / folder).mkdir(parents=True, exist_ok=True)
