"""The database connection, the same for every settings module (development, tests, production, benchmark)."""

from __future__ import annotations

import dj_database_url


def database_from_url(url: str, *, conn_max_age: int) -> dict:
    """Django's ``DATABASES["default"]`` for ``url``: a persistent connection, checked before reuse.

    On PostgreSQL the JIT compiler is off for the app's sessions. Its queries are short index walks whose
    row estimates at a million households pass ``jit_above_cost``, and compiling them cost 150–360 ms for a
    run of 1–40 ms (EXPLAIN ANALYZE of the API and list queries on the 1M benchmark set, issue 12).
    """
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        config.setdefault("OPTIONS", {})["options"] = "-c jit=off"
    return config
