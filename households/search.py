"""The household search box: diacritics- and case-insensitive, served by indexes on PostgreSQL.

"nguyen van hung", "Nguyễn Văn Hùng" and "NGUYEN" all find "Nguyễn Văn Hùng". The name is compared
through ``Household.head_name_key``, the folded name (``NameKey``: no diacritics, đ → d, lower case) that
the database computes and stores on every write (a generated column), with a plain ``LIKE '%…%'``. On
PostgreSQL the column has a trigram (GIN) index (migration households 0012_household_head_name_key) and the
code is compared as ``upper(code)``, the expression of its btree prefix index (0010_code_prefix_index), so a
search over a province's million households reads the indexes instead of every row. SQLite (the embedded
default) compares the same key and the code with istartswith: correct, without an index.
"""

from __future__ import annotations

import unicodedata

from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField
from django.db.models.functions import Upper

#: the SQLite function behind ``NameKey`` (registered on each connection: households.apps)
SQLITE_FOLD = "households_fold"


def fold(text: str) -> str:
    """What ``lower(f_unaccent(text))`` gives in PostgreSQL: no diacritics (đ → d), lower case."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def fold_or_none(text):
    """``fold`` for SQLite's ``households_fold`` (NULL stays NULL)."""
    return None if text is None else fold(text)


class NameKey(Func):
    """What ``fold`` gives, computed by the database: the expression of ``Household.head_name_key``.

    PostgreSQL: ``lower(f_unaccent(name))`` (``f_unaccent``: the IMMUTABLE wrapper of ``unaccent``, migration
    households 0006_list_order_indexes; a generated column takes only IMMUTABLE functions). SQLite:
    ``households_fold(name)``, ``fold`` itself registered as a deterministic function (SQLite's own
    ``lower`` only knows ASCII). Text, not varchar: unaccent may lengthen a name (æ → ae)."""

    arity = 1
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="lower(f_unaccent(%(expressions)s))", **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function=SQLITE_FOLD, **extra_context)


def register_sqlite_fold(sender, connection, **kwargs):
    """``connection_created``: SQLite computes ``head_name_key`` with ``fold`` (deterministic, as SQLite
    requires of a generated column's functions)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FOLD, 1, fold_or_none, deterministic=True)


def search_name_or_code(queryset: QuerySet, value: str, *, key_field: str = "head_name_key",
                        code_field: str = "code") -> QuerySet:
    """Rows whose name contains ``value`` (any accents, any case) or whose code starts with it.

    ``key_field`` holds the folded name (``NameKey``): the comparison is a plain LIKE on a stored value,
    which PostgreSQL's trigram index serves and rechecks without unaccenting each candidate row again."""
    value = " ".join(value.split())
    if not value:
        return queryset
    name_match = Q(**{f"{key_field}__contains": fold(value)})
    if connection.vendor == "postgresql":
        return queryset.alias(_code_key=Upper(F(code_field))).filter(
            Q(_code_key__startswith=value.upper()) | name_match)
    return queryset.filter(Q(**{f"{code_field}__istartswith": value}) | name_match)
