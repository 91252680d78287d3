"""API tokens, stored hashed: only a SHA-256 digest of the key and its first characters are kept.

The clear key is shown once, on the answer that created it (profile page or POST /api/v1/token/); a copy of the
database (a backup, a read-only replica) then gives no working key. A key is 40 random hexadecimal characters,
so one unsalted SHA-256 suffices: there is nothing to guess from a dictionary.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

from directory.scoping import ScopedQuerySet

KEY_BYTES = 20  # 40 hexadecimal characters, the length of the keys DRF's authtoken made
PREFIX_LENGTH = 8


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return secrets.token_hex(KEY_BYTES)


class ApiTokenQuerySet(ScopedQuerySet):
    scope_unit_field = "user__unit"  # an administrator sees the tokens of the accounts of their units


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name="tài khoản")
    name = models.CharField("tên mã", max_length=80,
                            help_text="Để nhận ra chương trình dùng mã, ví dụ “Kho dữ liệu tỉnh”.")
    prefix = models.CharField("đầu mã", max_length=PREFIX_LENGTH, help_text="Các ký tự đầu của mã, để nhận ra mã.")
    digest = models.CharField("mã băm SHA-256", max_length=64, unique=True, editable=False)
    created = models.DateTimeField("tạo lúc", auto_now_add=True)
    last_used = models.DateTimeField("dùng lần cuối", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"
        ordering = ["user_id", "-created"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="api_token_user_name_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def create_for(cls, user, name: str) -> tuple[ApiToken, str]:
        """A new token and its clear key (to show once; only its digest is stored)."""
        key = new_key()
        token = cls.objects.create(user=user, name=name, prefix=key[:PREFIX_LENGTH], digest=key_digest(key))
        return token, key

    @classmethod
    def find(cls, key: str) -> ApiToken | None:
        return cls.objects.select_related("user", "user__unit").filter(digest=key_digest(key)).first()
