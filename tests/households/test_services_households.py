import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from households.models import Category, EscapePlan, HistoryEntry, Household, Member, SupportType
from households.services import (
    ConcurrentEditError,
    escape_plan_save,
    household_labour_capacity,
    household_save,
)

from .factories import HouseholdFactory, MemberFactory, make_review

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("flags, expected", [([], None), ([False], False), ([False, False], False),
                                             ([False, True], True)])
def test_labour_capacity_from_members(flags, expected):
    assert household_labour_capacity(flags) is expected


def test_create_household_with_members_derives_flags_and_writes_history(commune_a, commune_a_user):
    household = Household(code="XB100", commune=commune_a, head_name="Hà Văn Cụ", village="Thôn Đông")
    members = [Member(full_name="Hà Văn Cụ", birth_year=1940, relation="head", has_labour_capacity=False,
                      no_labour_reason="Già yếu"),
               Member(full_name="Lò Thị Bà", birth_year=1945, relation="spouse", has_labour_capacity=False)]
    result = household_save(household=household, members=members, acting_user=commune_a_user)
    household.refresh_from_db()
    assert household.has_labour_capacity is False and household.member_count == 2
    assert household.created_by == commune_a_user
    created = HistoryEntry.objects.filter(household=household, action="create")
    assert created.filter(object_type="household", field="head_name", new_value="Hà Văn Cụ").exists()
    assert created.filter(object_type="member", object_label="Lò Thị Bà").exists()
    assert result.warnings == []


def test_household_code_is_unique_within_commune(household_a, commune_a_user, commune_b, district_staff):
    with pytest.raises(ValidationError, match="Mã hộ này đã có trong xã"):
        household_save(household=Household(code="XB001", commune=household_a.commune, head_name="X"),
                       acting_user=commune_a_user)
    # the same code in another commune is fine
    household_save(household=Household(code="XB001", commune=commune_b, head_name="Y"), acting_user=district_staff)


def test_update_records_old_and_new_values(household_a, commune_a_user):
    household = Household.objects.get(pk=household_a.pk)
    household.village = "Thôn Mới"
    household.is_ethnic_minority = True
    household_save(household=household, acting_user=commune_a_user, expected_version=1)
    rows = {h.field: (h.old_value, h.new_value) for h in HistoryEntry.objects.filter(action="update")}
    assert rows == {"village": ("Thôn Tiến", "Thôn Mới"), "is_ethnic_minority": ("Không", "Có")}


def test_member_changes_and_deletion_are_in_history(household_a, commune_a_user):
    head = household_a.members.get()
    head.has_labour_capacity = False
    head.no_labour_reason = "Tai nạn lao động"
    household_save(household=Household.objects.get(pk=household_a.pk), members=[head], acting_user=commune_a_user,
                   expected_version=1)
    household_a.refresh_from_db()
    assert household_a.has_labour_capacity is False
    change = HistoryEntry.objects.get(object_type="member", field="has_labour_capacity")
    assert (change.old_value, change.new_value) == ("Có", "Không")
    household_save(household=household_a, deleted_members=[head], acting_user=commune_a_user, expected_version=2)
    assert HistoryEntry.objects.filter(object_type="member", action="delete", object_label="Lê Văn Bái").exists()


def test_concurrent_household_edit_is_refused(household_a, commune_a_user):
    first, second = Household.objects.get(pk=household_a.pk), Household.objects.get(pk=household_a.pk)
    first.village = "A"
    household_save(household=first, acting_user=commune_a_user, expected_version=1)
    second.village = "B"
    with pytest.raises(ConcurrentEditError):
        household_save(household=second, acting_user=commune_a_user, expected_version=1)
    assert Household.objects.get(pk=household_a.pk).village == "A"


def test_citizen_id_must_have_12_digits(household_a, commune_a_user):
    member = Member(full_name="Sai Số", citizen_id="12345")
    with pytest.raises(ValidationError, match="12 chữ số"):
        household_save(household=household_a, members=[member], acting_user=commune_a_user, expected_version=1)


def test_duplicate_citizen_id_warns_but_saves(household_a, commune_a_user, commune_b, commune_b_user):
    # given a Xuân Bái household member with an ID
    # when Thọ Lâm enters the same ID
    household = Household(code="TL9", commune=commune_b, head_name="Người Khác")
    result = household_save(household=household, members=[Member(full_name="Người Khác", citizen_id="038080000001")],
                            acting_user=commune_b_user)
    # then it is saved, with a warning that does not reveal the other commune's household
    assert Member.objects.filter(citizen_id="038080000001").count() == 2
    assert len(result.warnings) == 1
    assert "038080000001" in result.warnings[0] and "địa bàn khác" in result.warnings[0]
    assert "XB001" not in result.warnings[0]


def test_duplicate_citizen_id_in_scope_names_the_household(household_a, commune_a_user, commune_a):
    result = household_save(household=Household(code="XB2", commune=commune_a, head_name="B"),
                            members=[Member(full_name="B", citizen_id="038080000001")], acting_user=commune_a_user)
    assert "hộ XB001" in result.warnings[0]


def test_outsider_and_leadership_cannot_save(household_a, commune_b_user, leadership):
    with pytest.raises(PermissionDenied):
        household_save(household=household_a, acting_user=commune_b_user, expected_version=1)
    with pytest.raises(PermissionDenied):
        household_save(household=household_a, acting_user=leadership, expected_version=1)


def test_escape_plan_only_for_poor_household(household_a, commune_a_user):
    plan = EscapePlan(household=household_a, target_year=2025, measures="Vay vốn nuôi bò")
    with pytest.raises(ValidationError, match="không phải hộ nghèo"):
        escape_plan_save(plan=plan, supports=[], acting_user=commune_a_user)
    make_review(household_a, year=2024, income=1_000_000, deprived=3, status="approved")
    household_a.refresh_from_db()
    assert household_a.current_category == Category.POOR
    credit = SupportType.objects.get(code="tin_dung")
    plan = escape_plan_save(plan=EscapePlan(household=household_a, target_year=2025, measures="Vay vốn nuôi bò"),
                            supports=[credit], acting_user=commune_a_user)
    assert list(plan.supports.all()) == [credit]
    assert HistoryEntry.objects.filter(object_type="escape_plan", field="supports", new_value="Tín dụng ưu đãi")


def test_member_factory_sanity(commune_a):
    member = MemberFactory(household=HouseholdFactory(commune=commune_a))
    assert member.household.commune == commune_a
