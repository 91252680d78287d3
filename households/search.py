"""The household search box: diacritics- and case-insensitive, served by indexes on PostgreSQL.

"nguyen van hung", "Nguyễn Văn Hùng" and "NGUYEN" all find "Nguyễn Văn Hùng". On PostgreSQL the
name is compared as ``lower(f_unaccent(head_name))`` and the code as ``upper(code)``: exactly the
expressions of the name's trigram (GIN) index (migration households 0006_list_order_indexes) and the
code's btree prefix index (0010_code_prefix_index), so a search over a province's million households
reads the indexes instead of every row. SQLite (the embedded
default) keeps Django's icontains / istartswith: correct, without an index.
"""

from __future__ import annotations

import unicodedata

from django.db import connection
from django.db.models import CharField, F, Func, Q, QuerySet
from django.db.models.functions import Lower, Upper


def fold(text: str) -> str:
    """What ``lower(f_unaccent(text))`` gives in PostgreSQL: no diacritics (đ → d), lower case."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


class Unaccent(Func):
    """``f_unaccent(text)``: the IMMUTABLE wrapper of ``unaccent`` (migration households 0006_list_order_indexes)."""

    function = "f_unaccent"
    output_field = CharField()


def search_name_or_code(queryset: QuerySet, value: str, *, name_field: str = "head_name",
                        code_field: str = "code") -> QuerySet:
    """Rows whose name contains ``value`` (any accents, any case) or whose code starts with it."""
    value = " ".join(value.split())
    if not value:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.alias(
            _name_key=Lower(Unaccent(F(name_field))), _code_key=Upper(F(code_field)),
        ).filter(Q(_code_key__startswith=value.upper()) | Q(_name_key__contains=fold(value)))
    return queryset.filter(Q(**{f"{code_field}__istartswith": value}) | Q(**{f"{name_field}__icontains": value}))
