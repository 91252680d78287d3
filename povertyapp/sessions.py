"""Sessions read from the shared cache and written through to the database (Django's ``cached_db``), that keep
working from the database when the cache (Redis) cannot be reached.

Django's ``cached_db`` already tolerates a failed read and a failed save of the cache, but not the cache write
that follows a read from the database, nor the key check of a new session: with Redis down, every signed-in
page and every login answered 500. Logout is left as Django does it (a failed cache delete fails the logout,
so no signed-out session can stay alive in the cache); a login's discarded anonymous session is removed from
the database, and its copy in the cache (no account in it) expires on its own."""

from __future__ import annotations

import logging

from django.contrib.sessions.backends import cached_db
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            return super().load()
        except RedisError as exc:
            logger.warning("session read from the database only: cache unreachable (%s)", type(exc).__name__)
            stored = self._get_session_from_db()
            return self.decode(stored.session_data) if stored else {}

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except RedisError:
            return self.model.objects.filter(session_key=session_key).exists()

    def cycle_key(self):
        old_key = self.session_key
        try:
            super().cycle_key()
        except RedisError as exc:
            # The new session is made and saved (to the database; the cache write is logged by Django); only the
            # removal of the old one from the cache failed, before its database row went.
            logger.warning("login: old session left in the cache: cache unreachable (%s)", type(exc).__name__)
            if old_key:
                self.model.objects.filter(session_key=old_key).delete()
