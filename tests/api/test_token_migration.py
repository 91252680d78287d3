"""The migration that carries DRF's clear-text tokens into hashed ApiTokens: an existing key keeps working."""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import ApiToken, key_digest

pytestmark = pytest.mark.django_db

carry = importlib.import_module("api.migrations.0002_carry_authtoken_keys")


def test_existing_clear_keys_are_hashed_and_keep_working(commune_a_user):
    key = "6a988c1cf24a93c1bd875f767773dd7a8e4f0439"
    created = timezone.now() - datetime.timedelta(days=30)
    with connection.cursor() as cursor:  # the table as DRF's authtoken left it
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp with time zone"
                       " NOT NULL, user_id bigint NOT NULL UNIQUE)")
        cursor.execute("INSERT INTO authtoken_token (key, created, user_id) VALUES (%s, %s, %s)",
                       [key, created, commune_a_user.pk])
    carry.carry(apps, SimpleNamespace(connection=connection))
    token = ApiToken.objects.get(user=commune_a_user)
    assert token.digest == key_digest(key) and token.prefix == "6a988c1c" and token.name == carry.CARRIED_NAME
    assert abs(token.created - created) < datetime.timedelta(seconds=1)
    assert "authtoken_token" not in connection.introspection.table_names()
    client = APIClient()
    assert client.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}").json()["username"] == "xa_a"


def test_nothing_to_carry_on_a_new_database():
    carry.carry(apps, SimpleNamespace(connection=connection))
    assert not ApiToken.objects.exists()
