"""API tokens (api.models.ApiToken): a user may hold several, each with a name; created and revoked by the user
(profile page, POST/DELETE /api/v1/token/). The clear key exists only in the answer that created it."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import ApiToken

DEFAULT_NAME = "API (lấy bằng mật khẩu)"
NAME_MAX = ApiToken._meta.get_field("name").max_length
# "Last used" is written at most this often per token: not one UPDATE per API request.
LAST_USED_EVERY = timedelta(minutes=1)


def tokens_of(user):
    return ApiToken.objects.filter(user=user).order_by("-created")


def clean_name(name: str | None) -> str:
    """The token's name, stripped; empty gives the default. Too long: ValueError with the reason."""
    name = " ".join((name or "").split()) or DEFAULT_NAME
    if len(name) > NAME_MAX:
        raise ValueError(f"Tên mã dài {len(name)} ký tự, tối đa {NAME_MAX}.")
    return name


@transaction.atomic
def issue_token(user, name: str | None = None) -> tuple[ApiToken, str]:
    """A new token for ``user`` and its clear key; the user's token of the same name, if any, stops working
    at once (so a script that asks for its token on every start does not pile them up)."""
    name = clean_name(name)
    ApiToken.objects.filter(user=user, name=name).delete()
    return ApiToken.create_for(user, name)


def revoke_token(user, token_id) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def revoke_all(user) -> int:
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return deleted


def mark_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
