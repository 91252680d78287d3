"""``field__in_ids`` (directory.lookups): the same rows as ``__in``, one array parameter on PostgreSQL."""

import pytest
from django.db import connection
from django.db.models import Q

from directory.lookups import Ids
from directory.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


def test_same_rows_as_in(province, district, commune_a, commune_b, commune_c):
    ids = [commune_a.pk, commune_c.pk, 10**9]
    assert set(AdministrativeUnit.objects.filter(pk__in_ids=ids)) == set(AdministrativeUnit.objects.filter(pk__in=ids))
    assert set(AdministrativeUnit.objects.filter(parent__in_ids=[district.pk])) == set(
        AdministrativeUnit.objects.filter(parent__in=[district.pk])) >= {commune_a, commune_b}
    assert set(AdministrativeUnit.objects.filter(parent_id__in_ids=[province.pk])) == set(
        AdministrativeUnit.objects.filter(parent_id__in=[province.pk]))
    assert set(AdministrativeUnit.objects.exclude(pk__in_ids=ids)) == set(
        AdministrativeUnit.objects.exclude(pk__in=ids))


def test_empty_list_matches_nothing_and_drops_out_of_an_or(province, commune_a):
    assert not AdministrativeUnit.objects.filter(pk__in_ids=[]).exists()
    assert list(AdministrativeUnit.objects.filter(Q(pk__in_ids=[]) | Q(pk=commune_a.pk))) == [commune_a]
    assert AdministrativeUnit.objects.exclude(pk__in_ids=[]).count() == AdministrativeUnit.objects.count()


def test_not_an_id_is_refused(commune_a):
    with pytest.raises(ValueError):
        list(AdministrativeUnit.objects.filter(pk__in_ids=["1; drop table x"]))


def test_one_parameter_on_postgresql(commune_a, commune_b):
    sql, params = AdministrativeUnit.objects.filter(pk__in_ids=[commune_a.pk, commune_b.pk]).query.sql_with_params()
    if connection.vendor == "postgresql":
        # one text parameter cast to the column's array type (psycopg2 adapts a list value by value)
        assert "= ANY(%s::bigint[])" in sql and params == (f"{{{commune_a.pk},{commune_b.pk}}}",)
    else:
        assert "IN (%s, %s)" in sql and params == (commune_a.pk, commune_b.pk)


def test_ids_wrapper_gives_the_same_rows(province, district, commune_a, commune_b, commune_c):
    ids = [commune_a.pk, commune_c.pk, 10**9]
    assert set(AdministrativeUnit.objects.filter(pk__in_ids=Ids(ids))) == {commune_a, commune_c}
    assert set(AdministrativeUnit.objects.filter(parent__in_ids=Ids({district.pk}))) >= {commune_a, commune_b}
    assert set(AdministrativeUnit.objects.filter(Q(pk__in_ids=Ids([])) | Q(pk=commune_b.pk))) == {commune_b}
    with pytest.raises(ValueError):
        list(AdministrativeUnit.objects.filter(pk__in_ids=Ids(["1; drop table x"])))
