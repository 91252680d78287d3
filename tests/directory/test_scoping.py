"""The one rule: a user sees their unit and everything under it, nothing else."""

import pytest
from django.http import Http404

from directory.models import AdministrativeUnit, Agency, User
from directory.permissions import Cap, can_approve_reviews_of, user_can
from directory.scoping import get_for_user_or_404

pytestmark = pytest.mark.django_db


def test_commune_user_sees_only_own_commune(commune_a_user, commune_a, commune_b, commune_c):
    visible = set(AdministrativeUnit.objects.for_user(commune_a_user))
    assert visible == {commune_a}


def test_district_user_sees_district_and_its_communes(district_staff, district, commune_a, commune_b, commune_c):
    visible = set(AdministrativeUnit.objects.for_user(district_staff))
    assert visible == {district, commune_a, commune_b}


def test_province_user_sees_whole_tree(province_staff, province, district, commune_a, commune_c):
    visible = set(AdministrativeUnit.objects.for_user(province_staff))
    assert {province, district, commune_a, commune_c} <= visible


def test_admin_is_unrestricted(admin_user_, commune_a, commune_c):
    assert {commune_a, commune_c} <= set(AdministrativeUnit.objects.for_user(admin_user_))


def test_out_of_scope_object_is_404(commune_a_user, commune_b):
    with pytest.raises(Http404):
        get_for_user_or_404(AdministrativeUnit, commune_a_user, pk=commune_b.pk)
    with pytest.raises(Http404):
        get_for_user_or_404(AdministrativeUnit, commune_a_user, pk="not-a-number")


def test_agencies_and_users_scoped_by_unit(commune_a_user, district_staff, agency, commune_b_user):
    assert list(Agency.objects.for_user(commune_a_user)) == []
    assert list(Agency.objects.for_user(district_staff)) == [agency]
    assert set(User.objects.for_user(commune_a_user)) == {commune_a_user}
    assert {commune_a_user, commune_b_user, district_staff} <= set(User.objects.for_user(district_staff))


def test_anonymous_sees_nothing(commune_a):
    from django.contrib.auth.models import AnonymousUser

    assert list(AdministrativeUnit.objects.for_user(AnonymousUser())) == []


def test_scope_is_computed_once_per_user(commune_a_user, django_assert_num_queries):
    AdministrativeUnit.objects.for_user(commune_a_user).count()
    with django_assert_num_queries(1):
        AdministrativeUnit.objects.for_user(commune_a_user).count()


@pytest.mark.parametrize(
    "persona, cap, allowed",
    [
        ("leadership", Cap.VIEW, True),
        ("leadership", Cap.PLAN_EDIT, False),
        ("leadership", Cap.HOUSEHOLD_EDIT, False),
        ("leadership", Cap.REVIEW_APPROVE, False),
        ("commune_a_user", Cap.HOUSEHOLD_EDIT, True),
        ("commune_a_user", Cap.REVIEW_APPROVE, False),
        ("commune_a_user", Cap.QUOTA_EDIT, False),
        ("district_staff", Cap.QUOTA_EDIT, True),
        ("district_staff", Cap.REVIEW_APPROVE, True),
        ("agency_user", Cap.TASK_PROGRESS, True),
        ("agency_user", Cap.HOUSEHOLD_EDIT, False),
        ("admin_user_", Cap.USER_ADMIN, True),
    ],
)
def test_role_capabilities(request, persona, cap, allowed):
    assert user_can(request.getfixturevalue(persona), cap) is allowed


def test_review_approver_follows_unit_setting(commune_a, district_staff, commune_a_user):
    assert can_approve_reviews_of(district_staff, commune_a)
    assert not can_approve_reviews_of(commune_a_user, commune_a)
    commune_a.review_approver = "commune_chairman"
    commune_a.save()
    commune_a_user.is_unit_chairman = True
    assert can_approve_reviews_of(commune_a_user, commune_a)
    assert not can_approve_reviews_of(district_staff, commune_a)
