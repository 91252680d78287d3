"""gunicorn.conf.py: the master warms the preloaded app up and freezes it out of the garbage collector before the
workers fork (povertyapp.warmup)."""

import gc
import logging
import runpy
from pathlib import Path

from django.template.loader import get_template

from povertyapp.warmup import project_templates, warm_up

CONF = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"


class Server:
    log = logging.getLogger("test.gunicorn")


def test_the_master_warms_up_and_freezes_the_app_before_forking(caplog):
    conf = runpy.run_path(str(CONF))
    assert conf["preload_app"] is True  # the app is imported in the master, so there is something to share
    try:
        with caplog.at_level(logging.INFO, logger="test.gunicorn"):
            conf["when_ready"](Server())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert any(record.getMessage().startswith("warm-up: {") for record in caplog.records)


def test_warm_up_compiles_every_project_template_and_reaches_every_url_namespace():
    names = project_templates()
    assert "base.html" in names and "households/household_list.html" in names
    done = warm_up()
    assert done["templates"] == len(names)  # none failed to compile
    assert done["url_namespaces"] >= 5 and done["models"] > 40
    get_template("base.html")


def test_warm_up_opens_no_database_connection():
    # The master's connections would be inherited by every worker (post_fork closes them, but none is needed).
    # No django_db mark: pytest-django's blocker makes any connection or query in warm_up() raise. (Whether a
    # connection object is left cannot be asserted: a test run's in-memory SQLite database is never closed.)
    warm_up()
