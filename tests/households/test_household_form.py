"""Household form made for entering a family: members on one screen, commune locked, code suggested, list total."""

import datetime

import pytest
from django.urls import reverse

from households.models import Household
from households.selectors import Total, household_total, next_code, suggest_household_code
from tests.factories import CommuneFactory

from .factories import HouseholdFactory
from .test_views import member_formset

pytestmark = pytest.mark.django_db

FAMILY = [
    {"full_name": "Lê Văn Nam", "birth_year": "1980", "sex": "male", "relation": "head", "ethnicity": "Kinh",
     "has_labour_capacity": "on"},
    {"full_name": "Phạm Thị Mai", "birth_year": "1983", "sex": "female", "relation": "spouse", "ethnicity": "Kinh",
     "has_labour_capacity": "on"},
    {"full_name": "Lê Văn An", "birth_year": "2008", "sex": "male", "relation": "child", "ethnicity": "Kinh"},
    {"full_name": "Lê Thị Bình", "birth_year": "2012", "sex": "female", "relation": "child", "ethnicity": "Kinh"},
    {"full_name": "Lê Văn Cụ", "birth_year": "1950", "sex": "male", "relation": "parent", "ethnicity": "Kinh",
     "no_labour_reason": "Già yếu"},
]


def test_a_family_of_five_in_one_post_with_the_commune_locked(client_for, commune_a_user, commune_a, commune_b):
    # the official tries to put the household in another commune: the locked field keeps their own
    data = {"code": "XB900", "commune": commune_b.pk, "village": "Thôn Tiến", "head_name": "Lê Văn Nam",
            "area": "rural", "member_count": "1"}
    data.update(member_formset(FAMILY))
    response = client_for(commune_a_user).post(reverse("households:household_create"), data)
    assert response.status_code == 302
    household = Household.objects.get(code="XB900")
    assert household.commune == commune_a
    assert household.member_count == 5 and household.has_labour_capacity
    assert list(household.members.order_by("order").values_list("full_name", flat=True)) == [
        m["full_name"] for m in FAMILY]


def test_form_shows_the_locked_commune_a_suggested_code_and_the_add_person_button(client_for, commune_a_user,
                                                                                 commune_a):
    HouseholdFactory(commune=commune_a, code="15547-0041", village="Thôn Tiến")
    HouseholdFactory(commune=commune_a, code="15547-0007", village="Thôn Hậu")
    response = client_for(commune_a_user).get(reverse("households:household_create"))
    form = response.context["form"]
    assert form.fields["commune"].disabled and form["commune"].value() == commune_a.pk
    assert form["code"].value() == "15547-0042"
    body = response.content.decode()
    assert "+ Thêm người" in body and "js-warn-unsaved" in body and "members-__prefix__-full_name" in body
    assert '<option value="Thôn Hậu">' in body  # village suggestions


def test_district_staff_choose_the_commune(client_for, district_staff, commune_a):
    form = client_for(district_staff).get(reverse("households:household_create")).context["form"]
    assert not form.fields["commune"].disabled


def test_suggested_code_follows_the_village_and_skips_taken_codes(client_for, commune_a_user, commune_a, commune_c):
    HouseholdFactory(commune=commune_a, code="TT-009", village="Thôn Tiến")
    HouseholdFactory(commune=commune_a, code="TH-100", village="Thôn Hậu")
    HouseholdFactory(commune=commune_a, code="TH-101", village="")  # taken in the commune, outside the village
    assert suggest_household_code(commune_a, "Thôn Tiến") == "TT-010"
    client = client_for(commune_a_user)
    url = reverse("households:suggest_code")
    assert client.get(url, {"commune": commune_a.pk, "village": "Thôn Hậu"}).json() == {"code": "TH-102"}
    assert client.get(url, {"commune": commune_c.pk}).status_code == 404  # another district's commune


def test_suggested_code_skips_codes_of_households_moved_in_from_a_commune_of_the_same_code(district):
    # given Xã Thọ Xương (15544, ended 30/06/2025) whose households now sit in the new Xã Lam Sơn, also 15544
    old = CommuneFactory(code="15544", name="Thọ Xương", parent=district, valid_to=datetime.date(2025, 6, 30))
    new = CommuneFactory(code="15544", name="Lam Sơn", parent=district.parent, valid_from=datetime.date(2025, 7, 1))
    for number in (1, 2, 7):
        HouseholdFactory(commune=old, current_commune=new, code=f"15544-{number:04}", village="Thôn 3")
    # then the first household registered in Xã Lam Sơn is not offered a code Xã Lam Sơn's list already shows
    assert suggest_household_code(new, "Thôn 3") == "15544-0008"
    assert suggest_household_code(new) == "15544-0008"


def test_next_code_is_pure():
    assert next_code(None, default_prefix="15547-") == "15547-0001"
    assert next_code("XB-0099", default_prefix="") == "XB-0100"
    assert next_code("A9", default_prefix="") == "A10"
    assert next_code("HO", default_prefix="") == "HO-1"
    assert next_code("X-01", default_prefix="", is_taken=lambda code: code == "X-02") == "X-03"


def test_list_total_is_exact_in_a_commune_and_bounded_above_the_limit(client_for, commune_a_user, commune_a):
    for i in range(12):
        HouseholdFactory(commune=commune_a, code=f"XB{i:03}")
    body = client_for(commune_a_user).get(reverse("households:household_list")).content.decode()
    assert "<strong>12 hộ</strong>" in body
    queryset = Household.objects.filter(commune=commune_a)
    assert household_total(queryset) == Total(12)
    capped = household_total(queryset, limit=10)
    assert capped.is_estimate or capped.is_lower_bound
    assert capped.label().startswith(("khoảng", "hơn 10 hộ"))
    assert Total(1234).label() == "1.234 hộ"


def test_review_form_defaults_to_the_running_round_and_year():
    import datetime

    from households.selectors import running_round

    assert running_round(datetime.date(2026, 9, 1)) == "periodic"
    assert running_round(datetime.date(2026, 12, 14)) == "periodic"
    assert running_round(datetime.date(2026, 12, 15)) == "regular"
    assert running_round(datetime.date(2026, 3, 10)) == "regular"


def test_new_review_form_opens_on_this_year_and_round(client_for, commune_a_user, household_a):
    from django.utils import timezone

    from households.selectors import running_round

    form = client_for(commune_a_user).get(reverse("households:review_create", args=[household_a.pk])).context["form"]
    today = timezone.localdate()
    assert form["year"].value() == today.year and form["round"].value() == running_round(today)


# ---- the site cleans text like the import does (issue 13, fault 4 on the site)

def _household_post(code, head_name, **extra):
    data = {"code": code, "village": "Thôn Tiến", "head_name": head_name, "area": "rural", "member_count": "1",
            **extra}
    data.update(member_formset([]))
    return data


def test_form_strips_invisible_and_bidi_characters_and_normalises_to_nfc(client_for, commune_a_user):
    # a zero-width space in the code, a right-to-left override in the name, the name typed in NFD ("â" in two)
    nfd_name = "Le\u0302 Va\u0306n Na\u0300m\u202e"
    data = _household_post("XB\u200b901", nfd_name, address="Thôn\u200d Tiến", note="dòng 1\u202e\ndòng 2")
    data.update(member_formset([{"full_name": "Lê\u200b Thị\u202e Mai", "birth_year": "1983", "sex": "female",
                                 "relation": "head", "ethnicity": "Kinh\ufeff", "has_labour_capacity": "on"}]))
    response = client_for(commune_a_user).post(reverse("households:household_create"), data)
    assert response.status_code == 302
    household = Household.objects.get()
    assert household.code == "XB901"
    assert household.head_name == "Lê Văn Nàm" and household.head_name == "L\u00ea V\u0103n N\u00e0m"
    assert household.address == "Thôn Tiến" and household.note == "dòng 1\ndòng 2"
    member = household.members.get()
    assert member.full_name == "Lê Thị Mai" and member.ethnicity == "Kinh"


def test_a_name_of_invisible_characters_only_is_refused(client_for, commune_a_user):
    response = client_for(commune_a_user).post(reverse("households:household_create"),
                                               _household_post("XB902", "\u200b\u202e"))
    assert response.status_code == 200 and not Household.objects.exists()
    assert "ký tự ẩn" in " ".join(response.context["form"].errors["head_name"])


def test_a_code_differing_only_in_case_is_refused_with_a_vietnamese_message(client_for, commune_a_user, commune_a):
    HouseholdFactory(commune=commune_a, code="XB001", head_name="Lê Văn Bái")
    client = client_for(commune_a_user)
    response = client.post(reverse("households:household_create"), _household_post("xb001", "Trần Văn Hai"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["code"])
    assert "trùng với hộ XB001 (Lê Văn Bái)" in errors and "chữ hoa, chữ thường" in errors
    # and with a zero-width space in it as well
    response = client.post(reverse("households:household_create"), _household_post("x\u200bB001", "Trần Văn Hai"))
    assert "trùng với hộ XB001" in " ".join(response.context["form"].errors["code"])
    assert Household.objects.count() == 1


def test_a_non_ascii_code_differing_only_in_case_is_refused(client_for, commune_a_user, commune_a):
    HouseholdFactory(commune=commune_a, code="ĐB-01", head_name="Lê Văn Bái")
    response = client_for(commune_a_user).post(reverse("households:household_create"),
                                               _household_post("đb-01", "Trần Văn Hai"))
    assert response.status_code == 200 and "trùng với hộ ĐB-01" in " ".join(response.context["form"].errors["code"])


def test_editing_a_household_keeps_its_own_code_and_may_change_its_case(client_for, commune_a_user, commune_a):
    household = HouseholdFactory(commune=commune_a, code="XB001", head_name="Lê Văn Bái")
    data = _household_post("xb001", "Lê Văn Bái", version=household.version)
    response = client_for(commune_a_user).post(reverse("households:household_edit", args=[household.pk]), data)
    assert response.status_code == 302
    household.refresh_from_db()
    assert household.code == "xb001"
