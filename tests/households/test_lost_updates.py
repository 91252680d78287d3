"""Two tabs, one row: the second save is refused with what changed and a reload button; nothing is lost.

Each case loads the edit page twice (two tabs, both showing version n), saves the first, then saves the
second: the first save's values must survive and the second page must say what differs.
"""

import re

import pytest
from django.urls import reverse

from households.models import EscapePlan, HistoryEntry, Household

from .factories import make_review

pytestmark = pytest.mark.django_db


def loaded_version(body: str, name: str = "version") -> str:
    match = re.search(rf'name="{name}" value="(\d+)"', body) or re.search(rf'value="(\d+)"[^>]*name="{name}"', body)
    assert match, f"no hidden {name} on the page"
    return match.group(1)


@pytest.fixture
def escape_plan(household_a, agency):
    make_review(household_a, status="approved", income=1_000_000, deprived=3)
    return EscapePlan.objects.create(household=household_a, target_year=2026, measures="Vay vốn nuôi bò",
                                     helping_agency=agency, note="")


def escape_plan_post(version, **changes):
    data = {"target_year": "2026", "measures": "Vay vốn nuôi bò", "responsible_cadre": "", "helping_agency": "",
            "able_to_escape": "on", "note": "", "version": version}
    data.update(changes)
    return data


def test_escape_plan_second_tab_is_refused_and_the_first_save_survives(client_for, commune_a_user, escape_plan):
    """Fault 5: both saves used to succeed, the first silently reverted."""
    client = client_for(commune_a_user)
    url = reverse("households:escape_plan_edit", args=[escape_plan.pk])
    tab_1 = loaded_version(client.get(url).content.decode())
    tab_2 = loaded_version(client.get(url).content.decode())
    assert tab_1 == tab_2

    first = client.post(url, escape_plan_post(tab_1, note="Hộ đã nhận 2 con bò"))
    assert first.status_code == 302

    second = client.post(url, escape_plan_post(tab_2, measures="Học nghề may"))
    assert second.status_code == 200
    body = second.content.decode()
    assert "vừa được người khác lưu" in body
    assert "Hộ đã nhận 2 con bò" in body  # what the other save changed
    assert "Tải lại bản mới nhất" in body
    escape_plan.refresh_from_db()
    assert (escape_plan.note, escape_plan.measures) == ("Hộ đã nhận 2 con bò", "Vay vốn nuôi bò")


def test_escape_plan_save_without_a_version_is_refused(client_for, commune_a_user, escape_plan):
    url = reverse("households:escape_plan_edit", args=[escape_plan.pk])
    data = escape_plan_post("", measures="Học nghề may")
    del data["version"]
    body = client_for(commune_a_user).post(url, data).content.decode()
    assert "Thiếu phiên bản" in body
    escape_plan.refresh_from_db()
    assert escape_plan.measures == "Vay vốn nuôi bò"


def household_post(household, version, **changes):
    data = {"code": household.code, "commune": household.commune_id, "village": household.village,
            "head_name": household.head_name, "address": "", "area": household.area, "member_count": "1",
            "note": "", "version": version,
            "members-TOTAL_FORMS": "0", "members-INITIAL_FORMS": "0", "members-MIN_NUM_FORMS": "0",
            "members-MAX_NUM_FORMS": "1000"}
    data.update(changes)
    return data


def test_household_second_tab_is_refused_with_what_changed(client_for, commune_a_user, commune_a):
    household = Household.objects.create(code="XB9", commune=commune_a, head_name="Lê Văn A", village="Thôn Tiến",
                                         area="rural")
    client = client_for(commune_a_user)
    url = reverse("households:household_edit", args=[household.pk])
    tab_1 = loaded_version(client.get(url).content.decode())
    tab_2 = loaded_version(client.get(url).content.decode())
    assert client.post(url, household_post(household, tab_1, village="Thôn Mới")).status_code == 302
    body = client.post(url, household_post(household, tab_2, note="ghi chú tab 2")).content.decode()
    assert "vừa được người khác lưu" in body and "Thôn Mới" in body and "Tải lại bản mới nhất" in body
    household.refresh_from_db()
    assert (household.village, household.note) == ("Thôn Mới", "")


def test_member_edit_in_a_stale_tab_is_refused(client_for, commune_a_user, household_a):
    """Members are saved with their household: a stale household version refuses member changes too."""
    member = household_a.members.get()
    client = client_for(commune_a_user)
    url = reverse("households:household_edit", args=[household_a.pk])
    tab_1 = loaded_version(client.get(url).content.decode())
    tab_2 = loaded_version(client.get(url).content.decode())
    row = {"id": member.pk, "household": household_a.pk, "full_name": member.full_name, "birth_year": "1980",
           "sex": "male", "citizen_id": member.citizen_id, "relation": "head", "has_labour_capacity": "on",
           "no_labour_reason": "", "ethnicity": ""}
    members = {"members-TOTAL_FORMS": "1", "members-INITIAL_FORMS": "1"}
    members.update({f"members-0-{k}": v for k, v in row.items()})
    first = client.post(url, household_post(household_a, tab_1, **members))
    assert first.status_code == 302
    members["members-0-full_name"] = "Tên sửa ở tab 2"
    second = client.post(url, household_post(household_a, tab_2, **members))
    assert "vừa được người khác lưu" in second.content.decode()
    member.refresh_from_db()
    assert member.full_name != "Tên sửa ở tab 2"
    assert member.birth_year == 1980


def test_review_second_tab_is_refused(client_for, commune_a_user, household_a):
    review = make_review(household_a, year=2024, income=1_000_000)
    client = client_for(commune_a_user)
    url = reverse("households:review_edit", args=[review.pk])
    tab_1 = loaded_version(client.get(url).content.decode())
    tab_2 = loaded_version(client.get(url).content.decode())
    base = {"year": "2024", "round": "periodic", "review_date": "2024-10-01", "area": "rural",
            "has_labour_capacity": "on", "reviewer": "", "note": ""}
    assert client.post(url, {**base, "income_per_capita": "1200000", "version": tab_1}).status_code == 302
    body = client.post(url, {**base, "income_per_capita": "900000", "version": tab_2}).content.decode()
    assert "vừa được người khác lưu" in body and "1.200.000" in body
    review.refresh_from_db()
    assert review.income_per_capita == 1_200_000
    assert HistoryEntry.objects.filter(field="income_per_capita", new_value="900.000").count() == 0

