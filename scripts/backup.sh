#!/usr/bin/env bash
# Back up the database (pg_dump, custom format) and the media folder (report files) into one folder.
#   DATABASE_URL=postgres://... DJANGO_MEDIA_ROOT=/srv/giamngheo/media scripts/backup.sh [FOLDER]
# Writes FOLDER/giamngheo-<stamp>.dump and FOLDER/media-<stamp>.tar.gz and prints both paths.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL (postgres://...) is required}"
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) echo "backup.sh: DATABASE_URL must be PostgreSQL" >&2; exit 2 ;; esac
MEDIA_ROOT="${DJANGO_MEDIA_ROOT:-$(dirname "$0")/../var/media}"
FOLDER="${1:-backups}"
STAMP="${BACKUP_STAMP:-$(date +%Y-%m-%d-%H%M%S)}"
mkdir -p "$FOLDER" "$MEDIA_ROOT"

DUMP="$FOLDER/giamngheo-$STAMP.dump"
MEDIA="$FOLDER/media-$STAMP.tar.gz"
# Written under a temporary name and renamed: a backup that was cut short never looks complete.
pg_dump --format=custom --no-owner --no-privileges --file="$DUMP.part" "$DATABASE_URL"
tar czf "$MEDIA.part" -C "$MEDIA_ROOT" .
mv "$DUMP.part" "$DUMP"
mv "$MEDIA.part" "$MEDIA"
echo "$DUMP"
echo "$MEDIA"
