"""Issue 11 points 3–4 on the reformed map: a household of former TT Lam Sơn reviewed in 2026 by Xã Lam Sơn
(rural, Decree 351, approved by the commune chairman), the same household's 2024 review (urban, district staff)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from directory.models import ReviewApprover, Role
from households import services
from households.classification import standard_for_list_year
from households.models import Category, Household, Review, ReviewStatus
from households.rehoming import households_rehome
from tests.factories import UserFactory

from .factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def lam_son(reform):
    tt = reform.old["TT Lam Sơn"]
    tt.review_approver = ReviewApprover.DISTRICT_STAFF
    tt.save()
    household = HouseholdFactory(code="LS001", commune=tt, area="urban", head_name="Trần Văn Phố",
                                 area_reason="")
    households_rehome()  # what the unit load does (lineage_changed): the household now belongs to Xã Lam Sơn
    household.refresh_from_db()
    new = reform.new["Lam Sơn"]
    return {
        "household": household,
        "new": new,
        "official": UserFactory(username="lamson_t", role=Role.COMMUNE_OFFICIAL, unit=new),
        "chairman": UserFactory(username="lamson_ct", role=Role.COMMUNE_OFFICIAL, unit=new, is_unit_chairman=True),
        "district": UserFactory(username="thoxuan_t", role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district),
        "reform": reform,
    }


def _deprived(count):
    return [str(pk) for pk in standard_for_list_year(2027).indicators.order_by("order")
            .values_list("pk", flat=True)[:count]]


def test_lamson_enters_the_2026_review_and_the_chairman_approves_it(client_for, lam_son):
    household, official = lam_son["household"], lam_son["official"]
    url = reverse("households:review_create", args=[household.pk])
    client = client_for(official)
    # the form: Decree 351 indicators, the rural line 2.200.000, the area of Xã Lam Sơn
    body = client.get(url, {"year": 2026, "round": "periodic"}).content.decode()
    assert "Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP" in body
    assert "2.200.000" in body and "Sử dụng dịch vụ số, internet" in body
    assert "Nông thôn" in body and "Xã Lam Sơn" in body
    # a household at 2.100.000 with 3 deprivations is poor
    data = {"year": 2026, "round": "periodic", "review_date": "2026-10-15", "income_per_capita": 2_100_000,
            "has_labour_capacity": "on", "deprived_indicators": _deprived(3), "submit": "1"}
    assert client.post(url + "?year=2026&round=periodic", data).status_code == 302
    review = Review.objects.get(household=household, year=2026)
    assert (review.category, review.area, review.standard.code, review.status) == (
        Category.POOR, "rural", "nd351-2025", ReviewStatus.SUBMITTED)

    # the district staff of the abolished district does not approve it; the chairman does, from his queue
    with pytest.raises(PermissionDenied):
        services.review_approve(review=review, acting_user=lam_son["district"])
    queue = client_for(lam_son["chairman"]).get(reverse("households:approval_queue")).content.decode()
    assert "LS001" in queue
    district_queue = client_for(lam_son["district"]).get(reverse("households:approval_queue")).content.decode()
    assert "LS001" not in district_queue
    response = client_for(lam_son["chairman"]).post(reverse("households:approval_queue"),
                                                    {"action": "approve", "review": [review.pk]})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.approved_by == lam_son["chairman"]

    # it is Xã Lam Sơn's review (the commune on its date), counted under the new xã once its households are
    # followed there (Household.current_commune, map-households)
    assert review.commune == lam_son["new"]


def test_at_2_250_000_it_is_neither_poor_nor_near_poor(lam_son):
    review = make_review(lam_son["household"], year=2026, income=2_250_000, deprived=3,
                         review_date=datetime.date(2026, 10, 15))
    assert review.category not in (Category.POOR, Category.NEAR_POOR)


def test_the_same_household_was_urban_and_district_approved_before_the_reform(lam_son):
    review = make_review(lam_son["household"], year=2024, income=1_900_000, deprived=3, status=ReviewStatus.DRAFT)
    assert review.area == "urban" and review.category == Category.POOR  # 1.900.000 ≤ 2.000.000 urban
    services.review_submit(review=review, acting_user=UserFactory(role=Role.COMMUNE_OFFICIAL,
                                                                  unit=lam_son["household"].commune))
    review.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.review_approve(review=review, acting_user=lam_son["chairman"])
    services.review_approve(review=review, acting_user=lam_son["district"])
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED


def test_a_household_area_differs_only_with_a_reason_which_is_kept(lam_son):
    household = Household.objects.get(pk=lam_son["household"].pk)
    # today (after the reform) the commune is Xã Lam Sơn: urban needs a reason
    household.area = "urban"
    with pytest.raises(services.ValidationError) as error:
        services.household_save(household=household, acting_user=lam_son["official"],
                                 expected_version=household.version)
    assert "ghi lý do" in str(error.value)
    household = Household.objects.get(pk=household.pk)
    household.area, household.area_reason = "urban", "Khu phố chợ Lam Sơn, giữ thành thị theo quyết định của tỉnh"
    services.household_save(household=household, acting_user=lam_son["official"],
                            expected_version=household.version)
    household.refresh_from_db()
    assert household.area_reason.startswith("Khu phố chợ")
    review = make_review(household, year=2026, income=2_700_000, deprived=3, review_date=datetime.date(2026, 10, 1))
    assert review.area == "urban" and review.category == Category.POOR  # 2.700.000 ≤ 2.800.000 urban
    assert household.history.filter(field="area_reason").exists()


def test_an_ended_communes_account_registers_the_household_in_the_new_xa_a_districts_is_sent_away(
        client_for, reform):
    # The rule changed (an account follows its unit's lineage): Xã Xuân Bái's account, which used to be sent to
    # Xã Lam Sơn, now works there and gets the form with Xã Lam Sơn locked; the district, which has no
    # successor to follow, is the one told where households are registered now.
    old_official = UserFactory(username="xuanbai_t", role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"])
    district = UserFactory(username="thoxuan_t", role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district)
    list_url, create_url = reverse("households:household_list"), reverse("households:household_create")
    # when the old commune's account opens the list and the new-household form
    client = client_for(old_official)
    assert create_url in client.get(list_url).content.decode()
    form = client.get(create_url)
    # then the form registers the household in Xã Lam Sơn, the commune it works in today
    assert form.status_code == 200
    assert form.context["form"].fields["commune"].disabled
    assert form.context["form"]["commune"].value() == reform.new["Lam Sơn"].pk
    # and the district's account is offered no "Thêm hộ" and told why, instead of a form it cannot save
    client = client_for(district)
    listing = client.get(list_url)
    response = client.get(create_url, follow=True)
    assert listing.status_code == 200 and create_url not in listing.content.decode()
    assert response.redirect_chain[-1][0] == list_url
    assert "Huyện Thọ Xuân đã hết hiệu lực sau ngày 30/06/2025" in response.content.decode()


def test_a_districts_2026_review_is_refused_on_the_form_with_the_reason_and_the_input_kept(client_for, lam_son):
    # The district ended on 30/06/2025: its account may open the household, but a review dated after that is the
    # new xã's. Typing one in and saving used to end on the bare 403 page, the input lost and no reason given.
    url = reverse("households:review_create", args=[lam_son["household"].pk])
    data = {"year": 2026, "round": "periodic", "review_date": "2026-10-15", "income_per_capita": "2100000",
            "has_labour_capacity": "on", "deprived_indicators": _deprived(3), "note": "đã họp thôn", "save": "1"}
    response = client_for(lam_son["district"]).post(url + "?year=2026&round=periodic", data)
    assert response.status_code == 200 and not Review.objects.filter(household=lam_son["household"]).exists()
    body = response.content.decode()
    assert "Huyện Thọ Xuân hết hiệu lực từ ngày 01/07/2025: phiếu rà soát ngày 15/10/2026 do xã mới lập" in body
    assert 'value="2100000"' in body and "đã họp thôn" in body


def test_changing_the_round_of_a_draft_says_the_indicator_set_changed(client_for, lam_son):
    # given a 2026 periodic draft (Decree 351) with three indicators ticked
    client = client_for(lam_son["official"])
    data = {"year": 2026, "round": "periodic", "review_date": "2026-10-15", "income_per_capita": "2100000",
            "has_labour_capacity": "on", "deprived_indicators": _deprived(3), "save": "1"}
    client.post(reverse("households:review_create", args=[lam_son["household"].pk]), data)
    review = Review.objects.get(household=lam_son["household"])
    # when the official turns it into a regular review (Decree 07) and saves with the same ticks
    response = client.post(reverse("households:review_edit", args=[review.pk]),
                           dict(data, round="regular", version=str(review.version)))
    # then the form says why the ticks were refused, not Django's "… không phải là một trong các lựa chọn khả thi"
    body = response.content.decode()
    assert response.status_code == 200 and "lựa chọn khả thi" not in body
    assert ("Các chỉ số đã đánh dấu không thuộc Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP, chuẩn "
            "của năm và đợt rà soát vừa chọn") in body
    assert Review.objects.get(pk=review.pk).round == "periodic"


def test_the_household_page_offers_reopening_to_the_approver_of_each_review(client_for, lam_son):
    # given a household of former TT Lam Sơn with an approved 2024 review (the district's) and an approved 2026
    # review (Xã Lam Sơn's chairman's)
    household = lam_son["household"]
    old = make_review(household, year=2024, income=1_900_000, deprived=3, status=ReviewStatus.APPROVED)
    new = make_review(household, year=2026, income=2_100_000, deprived=3, status=ReviewStatus.APPROVED,
                      review_date=datetime.date(2026, 10, 15))
    page = reverse("households:household_detail", args=[household.pk])
    chairman = client_for(lam_son["chairman"]).get(page).content.decode()
    district = client_for(lam_son["district"]).get(page).content.decode()
    # then each sees "Mở lại" on the review they approve, and only there
    assert reverse("households:review_reopen", args=[new.pk]) in chairman
    assert reverse("households:review_reopen", args=[old.pk]) not in chairman
    assert reverse("households:review_reopen", args=[old.pk]) in district
    assert reverse("households:review_reopen", args=[new.pk]) not in district
