"""Scope across the reform: new units see their predecessors' history, legacy units keep their own tree."""

import pytest

from directory.models import AdministrativeUnit, Role, User
from directory.scoping import ScopedQuerySet, get_for_user_or_404, scope_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def visible(user):
    return set(AdministrativeUnit.objects.for_user(user))


def test_new_commune_official_sees_its_predecessors_and_nothing_else(reform):
    lam_son = reform.new["Lam Sơn"]
    user = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=lam_son)
    assert visible(user) == {lam_son, reform.old["Thọ Xương"], reform.old["Xuân Bái"], reform.old["TT Lam Sơn"]}
    assert get_for_user_or_404(AdministrativeUnit, user, pk=reform.old["Xuân Bái"].pk)
    assert not scope_for(user).contains_unit_id(reform.old["Thọ Lâm"].pk)
    assert not scope_for(user).contains_unit_id(reform.new["Sao Vàng"].pk)


def test_province_staff_see_the_whole_tree_old_and_new(reform):
    user = UserFactory(role=Role.PROVINCE_STAFF, unit=reform.thanh_hoa)
    seen = visible(user)
    assert {reform.tho_xuan_district, reform.old["Xuân Bái"], reform.new["Lam Sơn"], *reform.split_into} <= seen
    assert reform.yen_bai not in seen


def test_new_province_sees_both_former_provinces(reform):
    user = UserFactory(role=Role.LEADERSHIP, unit=reform.new_lao_cai)
    assert {reform.new_lao_cai, reform.yen_bai, reform.old_lao_cai} <= visible(user)
    assert reform.thanh_hoa not in visible(user)


def test_district_account_keeps_its_legacy_tree_only(reform):
    user = UserFactory(role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district)
    seen = visible(user)
    assert seen == {reform.tho_xuan_district, *reform.old.values()}
    assert reform.new["Lam Sơn"] not in seen


def test_an_ended_communes_account_follows_its_successor(reform):
    # The rule changed (an account follows its unit's lineage): the old commune's account works in Xã Lam Sơn
    # and sees what Xã Lam Sơn's account sees (it used to see its own commune only).
    user = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"])
    lam_son = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=reform.new["Lam Sơn"])
    assert visible(user) == visible(lam_son)
    assert reform.old["Thọ Lâm"] not in visible(user) and reform.new["Sao Vàng"] not in visible(user)


def test_scope_ids_are_read_once_per_request(reform, django_assert_num_queries):
    user = User.objects.get(pk=UserFactory(role=Role.PROVINCE_STAFF, unit=reform.thanh_hoa).pk)
    with django_assert_num_queries(3):  # the unit, the ids, the list: no lineage query without predecessors
        list(AdministrativeUnit.objects.for_user(user))
    with django_assert_num_queries(1):
        assert len(AdministrativeUnit.objects.for_user(user)) == len(scope_for(user).unit_ids)
    official = User.objects.get(pk=UserFactory(role=Role.COMMUNE_OFFICIAL, unit=reform.new["Lam Sơn"]).pk)
    with django_assert_num_queries(5):  # the unit, two lineage steps (none further back), the ids, the list
        assert len(AdministrativeUnit.objects.for_user(official)) == 4


class _TwoFieldQuerySet(ScopedQuerySet):
    scope_unit_fields = ("unit", "agency__unit")


def test_several_scope_fields_are_or_ed(reform):
    from directory.models import Agency

    lam_son_user = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=reform.new["Lam Sơn"])
    elsewhere = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=reform.new["Sao Vàng"])
    agency = Agency.objects.create(name="Hội Nông dân", unit=reform.old["Xuân Bái"])
    # a user whose own unit is out of scope but whose agency's unit is in scope
    crossing = UserFactory(role=Role.AGENCY_STAFF, unit=reform.new["Sao Vàng"])
    User.objects.filter(pk=crossing.pk).update(agency=agency)
    qs = _TwoFieldQuerySet(User)
    assert set(qs.for_user(lam_son_user)) >= {lam_son_user, crossing}
    assert elsewhere not in set(qs.for_user(lam_son_user))


class _NoHistoryQuerySet(ScopedQuerySet):
    scope_unit_field = "pk"
    scope_history = False


def test_scope_without_history_is_the_own_tree(reform):
    lam_son = reform.new["Lam Sơn"]
    user = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=lam_son)
    assert set(_NoHistoryQuerySet(AdministrativeUnit).for_user(user)) == {lam_son}
    assert not scope_for(user).contains_unit_id(reform.old["Xuân Bái"].pk, history=False)
    assert scope_for(user).contains_unit_id(lam_son.pk, history=False)
    district_user = UserFactory(role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district)
    assert reform.old["Xuân Bái"] in set(_NoHistoryQuerySet(AdministrativeUnit).for_user(district_user))
