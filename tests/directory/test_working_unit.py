"""An account follows its unit's lineage: a commune-level account whose commune ended works, from the day
after the end, in the commune that carries it today (``User.working_unit``); district and province accounts
and agency staff keep their unit."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from directory.models import AdministrativeUnit, Role, User
from directory.scoping import scope_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_commune_official_works_in_the_default_successor_from_the_day_after_the_end(reform):
    old, new = reform.old["Xuân Bái"], reform.new["Lam Sơn"]
    user = UserFactory(username="xb_wu", role=Role.COMMUNE_OFFICIAL, unit=old)
    with freeze_time("2025-06-30"):
        assert User.objects.get(pk=user.pk).working_unit == old
        assert not User.objects.get(pk=user.pk).follows_successor
    with freeze_time("2025-07-01"):
        fresh = User.objects.get(pk=user.pk)
        assert fresh.working_unit == new and fresh.follows_successor
        assert fresh.unit == old  # the stored assignment is unchanged
        assert fresh.unit_label == "Xã Lam Sơn (trước 01/07/2025: Xã Xuân Bái)"
        assert fresh.unit_short_label == "Lam Sơn (trước 01/07/2025: Xuân Bái)"
        assert scope_for(fresh).contains_unit_id(old.pk) and scope_for(fresh).contains_unit_id(new.pk)
        assert fresh.role_label == "Cán bộ cấp xã"


def test_a_split_commune_follows_its_default_successor(reform):
    user = UserFactory(username="ht_wu", role=Role.LEADERSHIP, unit=reform.split)
    assert User.objects.get(pk=user.pk).working_unit == reform.split_into[0]


def test_district_province_and_agency_accounts_keep_their_unit(reform):
    from tests.factories import AgencyFactory

    district = UserFactory(username="h_wu", role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district)
    province = UserFactory(username="t_wu", role=Role.PROVINCE_STAFF, unit=reform.yen_bai)
    agency = AgencyFactory(name="Hội Nông dân xã", unit=reform.old["Xuân Bái"])
    staff = UserFactory(username="a_wu", role=Role.AGENCY_STAFF, unit=reform.old["Xuân Bái"], agency=agency)
    for user in (district, province, staff):
        fresh = User.objects.get(pk=user.pk)
        assert fresh.working_unit == fresh.unit and not fresh.follows_successor
    assert not scope_for(User.objects.get(pk=district.pk)).contains_unit_id(reform.new["Lam Sơn"].pk)


def test_the_working_unit_is_read_once_per_user_object(reform, django_assert_num_queries):
    user = User.objects.get(pk=UserFactory(role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"]).pk)
    with django_assert_num_queries(2):  # the stored unit, its default successor
        assert user.working_unit == reform.new["Lam Sơn"]
    with django_assert_num_queries(0):
        assert user.working_unit_id == reform.new["Lam Sơn"].pk and user.follows_successor
    # the scope: two lineage steps back from Xã Lam Sơn, the ids, the list
    with django_assert_num_queries(4):
        assert len(AdministrativeUnit.objects.for_user(user)) == 4


def test_header_profile_and_home_show_both_units(reform, client_for):
    user = UserFactory(username="xb_hdr", role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"])
    client = client_for(user)
    home = client.get(reverse("home")).content.decode()
    assert "Lam Sơn (trước 01/07/2025: Xuân Bái)" in home  # the header
    assert "(trước 01/07/2025: Xã Xuân Bái)" in home  # the greeting's unit
    profile = client.get(reverse("profile")).content.decode()
    assert "Xã Lam Sơn (trước 01/07/2025: Xã Xuân Bái)" in profile
    assert "Xã Xuân Bái đã hết hiệu lực sau ngày 30/06/2025" in profile


def test_printed_lists_are_issued_by_the_working_unit(reform, client_for):
    # Xã Xuân Bái ended on 30/06/2025: a list printed today is Xã Lam Sơn's, as the Excel files say
    user = UserFactory(username="xb_print", role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"])
    body = client_for(user).get(reverse("households:household_list")).content.decode()
    assert "UBND XÃ LAM SƠN" in body and "Đơn vị: Xã Lam Sơn" in body and "Lam Sơn, ngày" in body
    assert "XUÂN BÁI" not in body and "Xuân Bái, ngày" not in body
