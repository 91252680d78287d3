"""API tokens: one per user, created and revoked by the user (profile page, POST/DELETE /api/v1/token/)."""

from __future__ import annotations

from django.db import transaction
from rest_framework.authtoken.models import Token


def token_of(user) -> Token | None:
    return Token.objects.filter(user=user).first()


@transaction.atomic
def issue_token(user) -> Token:
    """A new token for ``user``; the old one, if any, stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def revoke_token(user) -> bool:
    deleted, _ = Token.objects.filter(user=user).delete()
    return bool(deleted)
