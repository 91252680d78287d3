#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and media folder.
#   DATABASE_URL=postgres://.../giamngheo_moi DJANGO_MEDIA_ROOT=/srv/giamngheo/media \
#     scripts/restore.sh backups/giamngheo-<stamp>.dump backups/media-<stamp>.tar.gz
# Create the database first (createdb giamngheo_moi); stop gunicorn and the workers while restoring.
set -euo pipefail

DUMP="${1:?usage: restore.sh DUMP MEDIA_TAR}"
MEDIA="${2:?usage: restore.sh DUMP MEDIA_TAR}"
: "${DATABASE_URL:?DATABASE_URL (postgres://...) of the empty database is required}"
MEDIA_ROOT="${DJANGO_MEDIA_ROOT:-$(dirname "$0")/../var/media}"
[ -f "$DUMP" ] || { echo "restore.sh: no file $DUMP" >&2; exit 2; }
[ -f "$MEDIA" ] || { echo "restore.sh: no file $MEDIA" >&2; exit 2; }

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$DUMP"
mkdir -p "$MEDIA_ROOT"
tar xzf "$MEDIA" -C "$MEDIA_ROOT"
echo "Đã khôi phục cơ sở dữ liệu từ $DUMP và tệp từ $MEDIA."
