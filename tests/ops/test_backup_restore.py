"""The documented backup and restore (scripts/backup.sh, scripts/restore.sh: pg_dump + the media folder) really
brings the data back: a backup of the test database restored into a fresh PostgreSQL database has the same
households, and the report files come back byte for byte."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from tests.reports.factories import HouseholdFactory

ROOT = Path(__file__).resolve().parents[2]

needs_postgresql = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
    reason="Sao lưu và khôi phục dùng pg_dump/pg_restore: chỉ kiểm thử trên PostgreSQL "
           "(đặt DATABASE_URL=postgres://..., như .ci/run).")


def _url(dbname: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{dbname}"


def _admin(sql: str) -> None:
    """CREATE/DROP DATABASE run outside a transaction, on the server's maintenance database."""
    import psycopg2

    s = connection.settings_dict
    conn = psycopg2.connect(dbname="postgres", user=s["USER"], password=s.get("PASSWORD") or None,
                            host=s.get("HOST") or "127.0.0.1", port=s.get("PORT") or 5432)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql)
    finally:
        conn.close()


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_restore"[:63]
    _admin(f'DROP DATABASE IF EXISTS "{name}"')
    _admin(f'CREATE DATABASE "{name}"')
    yield name
    _admin(f'DROP DATABASE IF EXISTS "{name}"')


def _run(script, *args, env):
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.fail("pg_dump/pg_restore are missing: install the postgresql-client package (.ci/run does)")
    result = subprocess.run([str(ROOT / "scripts" / script), *map(str, args)], env={**os.environ, **env},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@needs_postgresql
@pytest.mark.django_db(transaction=True)  # pg_dump reads committed rows from its own connection
def test_backup_restores_into_a_fresh_database_with_the_same_households(commune_a, commune_b, settings,
                                                                       tmp_path, fresh_database):
    import psycopg2

    for i in range(25):
        HouseholdFactory(commune=commune_a if i % 2 else commune_b, code=f"SL{i:03d}", head_name=f"Nguyễn Văn {i}")
    report = Path(settings.MEDIA_ROOT) / "private" / "runs" / "bao-cao-2024.xlsx"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_bytes(b"PK\x03\x04 bao cao nam 2024")
    with connection.cursor() as cursor:
        cursor.execute("SELECT code, head_name, commune_id FROM households_household ORDER BY code")
        source = cursor.fetchall()
    assert len(source) == 25

    # back up the test database and its media folder
    out = _run("backup.sh", tmp_path / "sao-luu", env={"DATABASE_URL": _url(connection.settings_dict["NAME"]),
                                                       "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT)})
    dump, media = out.split()[-2:]
    assert dump.endswith(".dump") and media.endswith(".tar.gz") and not list((tmp_path / "sao-luu").glob("*.part"))

    # restore into a fresh database and an empty media folder
    restored_media = tmp_path / "media-moi"
    _run("restore.sh", dump, media, env={"DATABASE_URL": _url(fresh_database),
                                         "DJANGO_MEDIA_ROOT": str(restored_media)})
    s = connection.settings_dict
    conn = psycopg2.connect(dbname=fresh_database, user=s["USER"], password=s.get("PASSWORD") or None,
                            host=s.get("HOST") or "127.0.0.1", port=s.get("PORT") or 5432)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT code, head_name, commune_id FROM households_household ORDER BY code")
            assert cursor.fetchall() == source
            cursor.execute("SELECT count(*) FROM django_migrations")
            assert cursor.fetchone()[0] > 10  # the schema's history came along: migrate has nothing to redo
    finally:
        conn.close()
    assert (restored_media / "private" / "runs" / "bao-cao-2024.xlsx").read_bytes() == report.read_bytes()


def test_restore_refuses_a_missing_file(tmp_path):
    result = subprocess.run([str(ROOT / "scripts" / "restore.sh"), str(tmp_path / "khong-co.dump"),
                             str(tmp_path / "khong-co.tar.gz")], env={**os.environ, "DATABASE_URL": "postgres://x/y"},
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "no file" in result.stderr
