"""The database connection every settings module shares (povertyapp.database)."""

import pytest
from django.db import connection

from povertyapp.database import database_from_url


def test_postgresql_sessions_start_without_jit_and_keep_their_connection():
    config = database_from_url("postgres://giamngheo@db.example.vn:5432/giamngheo", conn_max_age=60)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["OPTIONS"]["options"] == "-c jit=off"
    assert config["CONN_MAX_AGE"] == 60 and config["CONN_HEALTH_CHECKS"] is True


def test_sqlite_gets_no_postgresql_option():
    config = database_from_url("sqlite:////tmp/giamngheo.sqlite3", conn_max_age=0)
    assert "options" not in config.get("OPTIONS", {})


@pytest.mark.django_db
def test_the_running_postgresql_session_has_jit_off():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (CI runs it)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
