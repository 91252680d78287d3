"""gunicorn settings (``make serve``; production behind a reverse proxy that terminates TLS).

Every value can be overridden from the environment, so the same file serves a laptop, the
benchmark and a server. Workers default to 2 per CPU core: the pages wait on PostgreSQL about as
long as they compute, so two processes per core keep the cores busy (4 on a 2-core machine).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# A request that runs longer is killed and logged (reports and exports run in Celery, not here).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# request line, status, bytes, duration in ms, user agent
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    # What a worker would do on its first request (views imported through the URLconf, translations, templates
    # compiled), done once here, so every worker starts warm, also after a recycle (povertyapp.warmup): the first
    # page of each new worker took 1,3-2,8 s, now at most 0,7 s (the rest: its database connection). An
    # optimisation only: if it fails, the workers warm up on their own first requests as before.
    try:
        from povertyapp.warmup import warm_up

        server.log.info("warm-up: %s", warm_up())
    except Exception:  # noqa: BLE001
        server.log.warning("warm-up failed; the workers warm up on their first requests", exc_info=True)
    # The app is imported once in the master (preload_app). Its objects live as long as the process: moved out of
    # the garbage collector's generations (gc.freeze), the workers' collections no longer walk them, and do not
    # write to their pages, which stay shared with the master instead of being copied into every worker.
    # Measured (20.000-household set, production settings): memory of a worker's own (USS) after 30 pages
    # 71 -> 55 MB, twice, and 31 MB with the warm-up above (master 88 -> 112 MB, once for all); the collector's
    # CPU over the locust mix in-process 1,45 -> 1,15 ms a request.
    gc.collect()
    gc.freeze()


def post_fork(server, worker):
    # preload_app imports Django once in the master; each worker opens its own database connections.
    from django.db import connections

    for connection in connections.all():
        connection.close()
