"""gunicorn.conf.py: the master freezes the preloaded app out of the garbage collector before the workers fork."""

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"


def test_the_master_freezes_the_imported_app_before_forking():
    conf = runpy.run_path(str(CONF))
    assert conf["preload_app"] is True  # the app is imported in the master, so there is something to share
    try:
        conf["when_ready"](None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
