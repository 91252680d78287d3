"""Households follow their commune across the 2025 reform (issue 10, points 5 and 7): rehoming,
village assignment of a split commune (page and Excel), lineage on the household page, and who may
see and do what afterwards."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from directory.models import Role
from households import services, villages
from households.models import Household, Review, ReviewStatus, VillageAssignment
from households.rehoming import households_rehome
from households.selectors import household_lineage
from tests.factories import UserFactory

from .factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(reform, commune_c):
    """Households registered before the reform, one registered after it in Xã Lam Sơn, one elsewhere.

    Lam Sơn = Thọ Xương + Xuân Bái + TT Lam Sơn; Thọ Lâm went to Sao Vàng; TT Hà Trung was split between
    Xã Hà Trung (the default) and Xã Hoạt Giang (tests/reform.py).
    """
    old = reform.old
    h = {
        "a1": HouseholdFactory(code="XB01", commune=old["Xuân Bái"], village="Thôn Tiến"),
        "a2": HouseholdFactory(code="XB02", commune=old["Xuân Bái"], village="Thôn Lai"),
        "x1": HouseholdFactory(code="TX01", commune=old["Thọ Xương"], village="Thôn 3"),
        "t1": HouseholdFactory(code="LS-TT01", commune=old["TT Lam Sơn"], village="Khu 1"),
        "b1": HouseholdFactory(code="TL01", commune=old["Thọ Lâm"], village="Thôn Bắc"),
        "s1": HouseholdFactory(code="HT01", commune=reform.split, village="Tiểu khu 1"),
        "s2": HouseholdFactory(code="HT02", commune=reform.split, village="Tiểu khu 2"),
        "s3": HouseholdFactory(code="HT03", commune=reform.split, village="Tiểu khu 2"),
        "new": HouseholdFactory(code="LS01", commune=reform.new["Lam Sơn"], village="Thôn Mới"),
        "c1": HouseholdFactory(code="XC01", commune=commune_c, village="Thôn Cao"),
    }
    make_review(h["a1"], year=2024, status=ReviewStatus.APPROVED)
    make_review(h["x1"], year=2024, status=ReviewStatus.SUBMITTED)
    return h


@pytest.fixture
def r(reform):
    """Short names for the units the tests use."""
    return SimpleNamespace(lam_son=reform.new["Lam Sơn"], sao_vang=reform.new["Sao Vàng"], a=reform.old["Xuân Bái"],
                           x=reform.old["Thọ Xương"], split=reform.split, ha_trung=reform.split_into[0],
                           hoat_giang=reform.split_into[1], district=reform.tho_xuan_district)


def _current(household):
    household.refresh_from_db()
    return household.current_commune_id


@pytest.fixture
def lamson(r):
    return UserFactory(username="lamson", role=Role.COMMUNE_OFFICIAL, unit=r.lam_son)


# --------------------------------------------------------------------------- rehoming


def test_rehome_moves_merged_and_split_households_once(r, homes):
    # given the lineage is loaded but nothing has moved yet
    assert Household.objects.filter(current_commune__isnull=False).count() == 0

    # when
    result = households_rehome()

    # then: merged communes go to their new xã, the split commune's villages to its default successor
    assert result.moved == 8
    assert {_current(homes[k]) for k in ("a1", "a2", "x1", "t1")} == {r.lam_son.pk}
    assert _current(homes["b1"]) == r.sao_vang.pk
    assert {_current(homes[k]) for k in ("s1", "s2", "s3")} == {r.ha_trung.pk}
    assert _current(homes["new"]) is None and _current(homes["c1"]) is None
    # the registered commune and every review's commune are history: untouched
    assert Household.objects.get(pk=homes["a1"].pk).commune_id == r.a.pk
    assert set(Review.objects.values_list("commune_id", flat=True)) == {r.a.pk, r.x.pk}
    # and a second run changes nothing
    assert households_rehome().moved == 0


def test_rehome_command_is_idempotent(r, homes):
    out = io.StringIO()
    call_command("rehome_households", stdout=out)
    assert "8 hộ chuyển sang xã kế thừa" in out.getvalue()
    out = io.StringIO()
    call_command("rehome_households", stdout=out)
    assert "0 hộ chuyển sang xã kế thừa" in out.getvalue()


def test_lineage_changed_signal_rehomes(r, homes):
    from directory.signals import lineage_changed

    lineage_changed.send(sender=None, unit_ids={r.lam_son.pk}, effective_date=datetime.date(2025, 7, 1))
    assert _current(homes["a1"]) == r.lam_son.pk


def test_lineage_text_on_the_household_page(r, homes, lamson, client):
    households_rehome()
    household = Household.objects.select_related("commune__parent", "current_commune").get(pk=homes["a1"].pk)
    assert household_lineage(household).text == "Xã Xuân Bái (huyện Thọ Xuân) → Xã Lam Sơn, từ 01/07/2025"
    township = Household.objects.select_related("commune__parent", "current_commune").get(pk=homes["t1"].pk)
    assert household_lineage(township).text == "Thị trấn Lam Sơn (huyện Thọ Xuân) → Xã Lam Sơn, từ 01/07/2025"

    client.force_login(lamson)
    page = client.get(reverse("households:household_detail", args=[homes["a1"].pk])).content.decode()
    assert "Xã Xuân Bái (huyện Thọ Xuân) → Xã Lam Sơn, từ 01/07/2025" in page
    assert "Tạm xếp mặc định" not in page  # a merger: nothing to decide


# --------------------------------------------------------------------------- split commune, village by village


def test_village_assignment_moves_the_village_and_clears_its_banner(r, homes, province_staff, client):
    households_rehome()
    client.force_login(province_staff)
    s2 = homes["s2"].pk
    assert "Tạm xếp mặc định" in client.get(reverse("households:household_detail", args=[s2])).content.decode()
    assert "TT Hà Trung" in client.get(reverse("households:split_communes")).content.decode() or \
        "Hà Trung" in client.get(reverse("households:split_communes")).content.decode()

    # when the province assigns Tiểu khu 2 to Hoạt Giang on the page (villages are listed in name order)
    split = villages.split_commune(r.split)
    assert [v.village for v in split.villages] == ["Tiểu khu 1", "Tiểu khu 2"]
    response = client.post(reverse("households:village_assignment", args=[r.split.pk]),
                           {"thon-0": r.ha_trung.pk, "thon-1": r.hoat_giang.pk})

    # then
    assert response.status_code == 302
    assert _current(homes["s2"]) == _current(homes["s3"]) == r.hoat_giang.pk
    assert _current(homes["s1"]) == r.ha_trung.pk
    assert VillageAssignment.objects.get(village="Tiểu khu 2").assigned_by == province_staff
    assert "Tạm xếp mặc định" not in client.get(reverse("households:household_detail", args=[s2])).content.decode()
    # a rehome after another unit load keeps the decision
    households_rehome()
    assert _current(homes["s2"]) == r.hoat_giang.pk


def test_village_excel_round_trip_is_all_or_nothing(r, homes, province_staff, client):
    households_rehome()
    client.force_login(province_staff)
    url = reverse("households:village_assignment", args=[r.split.pk])
    wb = load_workbook(io.BytesIO(client.get(url + "?excel=1").content))
    ws = wb["Phân thôn"]
    header = [c.value for c in ws[3]]
    assert header == ["Mã xã cũ", "Xã cũ", "Thôn", "Số hộ", "Mã xã mới", "Xã mới", "Trạng thái"]
    assert [c.value for c in ws[5]][2:5] == ["Tiểu khu 2", 2, "15271"]
    assert [c.value for c in wb["Xã kế thừa"][3]][:2] == ["15286", "Hoạt Giang"]

    # a file with one bad row changes nothing and names the row, the column and the reason
    ws.cell(row=4, column=5, value="15286")
    ws.cell(row=5, column=5, value="99999")
    bad = io.BytesIO()
    wb.save(bad)
    bad.name = "phan-thon.xlsx"
    bad.seek(0)
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "Dòng 5, cột “Mã xã mới”: 99999 không phải xã kế thừa của Hà Trung" in response.content.decode()
    assert not VillageAssignment.objects.exists()
    assert _current(homes["s1"]) == r.ha_trung.pk

    # the corrected file moves the village
    ws.cell(row=5, column=5, value="15286")
    ws.cell(row=4, column=5, value="15271")
    good = io.BytesIO()
    wb.save(good)
    good.name = "phan-thon.xlsx"
    good.seek(0)
    assert client.post(url, {"file": good}).status_code == 302
    assert _current(homes["s2"]) == r.hoat_giang.pk and _current(homes["s1"]) == r.ha_trung.pk


def test_who_may_assign_villages(r, homes, district_staff, commune_c):
    households_rehome()
    split = villages.split_commune(r.split)
    hoat_giang_official = UserFactory(username="hoatgiang", role=Role.COMMUNE_OFFICIAL, unit=r.hoat_giang)
    outsider = UserFactory(username="xuancao", role=Role.COMMUNE_OFFICIAL, unit=commune_c)
    assert villages.may_assign(hoat_giang_official, split)
    assert not villages.may_assign(outsider, split)
    # the district ended on 30/06/2025: it keeps its history but decides nothing
    assert not villages.may_assign(district_staff, split)
    with pytest.raises(PermissionDenied):
        villages.village_assignments_save(split=split, choices={"Tiểu khu 2": r.hoat_giang.pk},
                                          acting_user=district_staff)
    with pytest.raises(ValidationError) as exc:
        villages.village_assignments_save(split=split, choices={"Tiểu khu 2": r.lam_son.pk},
                                          acting_user=hoat_giang_official)
    assert "xã mới phải là một trong Hà Trung, Hoạt Giang" in str(exc.value)


# --------------------------------------------------------------------------- scope after the reform


def test_new_commune_official_sees_its_predecessors_households_and_nothing_else(r, homes, lamson, client):
    households_rehome()
    visible = set(Household.objects.for_user(lamson).values_list("code", flat=True))
    assert visible == {"XB01", "XB02", "TX01", "LS-TT01", "LS01"}

    client.force_login(lamson)
    page = client.get(reverse("households:household_list")).content.decode()
    for code in ("XB01", "XB02", "TX01", "LS-TT01", "LS01"):
        assert code in page
    assert "HT01" not in page and "XC01" not in page and "TL01" not in page
    assert "← Xã Xuân Bái" in page
    assert client.get(reverse("households:household_detail", args=[homes["c1"].pk])).status_code == 404
    assert client.get(reverse("households:household_detail", args=[homes["b1"].pk])).status_code == 404


def test_a_split_communes_households_are_seen_by_the_new_commune_they_went_to(r, homes):
    households_rehome()
    split = villages.split_commune(r.split)
    province = UserFactory(username="tinh2", role=Role.PROVINCE_STAFF, unit=r.split.parent.parent)
    villages.village_assignments_save(split=split, choices={"Tiểu khu 2": r.hoat_giang.pk}, acting_user=province)
    hoat_giang = UserFactory(username="hoatgiang", role=Role.COMMUNE_OFFICIAL, unit=r.hoat_giang)
    ha_trung = UserFactory(username="hatrung", role=Role.COMMUNE_OFFICIAL, unit=r.ha_trung)
    assert set(Household.objects.for_user(hoat_giang).values_list("code", flat=True)) == {"HT02", "HT03"}
    assert set(Household.objects.for_user(ha_trung).values_list("code", flat=True)) == {"HT01"}


def test_district_account_keeps_its_history_and_pending_reviews(r, homes, district_staff, client):
    households_rehome()
    visible = set(Household.objects.for_user(district_staff).values_list("code", flat=True))
    assert visible == {"XB01", "XB02", "TX01", "LS-TT01", "TL01"}
    client.force_login(district_staff)
    assert client.get(reverse("households:household_detail", args=[homes["a1"].pk])).status_code == 200
    # the review submitted before the reform is still theirs to approve
    pending = Review.objects.for_user(district_staff).filter(status=ReviewStatus.SUBMITTED)
    assert list(pending.values_list("household__code", flat=True)) == ["TX01"]
    services.reviews_approve_bulk(reviews=pending, acting_user=district_staff)
    assert Review.objects.get(household=homes["x1"]).status == ReviewStatus.APPROVED


def _new_review(household, year, review_date=None):
    return Review(household=household, year=year, review_date=review_date, area=household.area,
                  income_per_capita=900_000)


def test_a_review_after_the_reform_belongs_to_the_new_commune(r, homes, lamson, district_staff):
    households_rehome()
    household = Household.objects.select_related("commune", "current_commune").get(pk=homes["a2"].pk)

    # the district account cannot create it
    with pytest.raises(PermissionDenied) as exc:
        services.review_save(review=_new_review(household, 2025, datetime.date(2025, 9, 15)),
                             acting_user=district_staff)
    assert "hết hiệu lực từ ngày 01/07/2025" in str(exc.value)

    # the new commune's official does, and the review is made in Lam Sơn
    review = services.review_save(review=_new_review(household, 2025, datetime.date(2025, 9, 15)),
                                  acting_user=lamson)
    assert review.commune_id == r.lam_son.pk
    assert Review.objects.for_user(lamson).filter(pk=review.pk).exists()
    assert not Review.objects.for_user(district_staff).filter(pk=review.pk).exists()

    # a late entry for 2024 is history of Xuân Bái: made there, the district may enter it
    old = services.review_save(review=_new_review(household, 2024, datetime.date(2024, 11, 2)),
                               acting_user=district_staff)
    assert old.commune_id == r.a.pk


def test_a_review_after_the_reform_goes_to_the_default_successor_until_rehomed(r, homes, province_staff):
    # the lineage is loaded but the households were not moved yet: the lineage's default successor
    household = Household.objects.select_related("commune").get(pk=homes["a2"].pk)
    review = services.review_save(review=_new_review(household, 2025, datetime.date(2025, 10, 1)),
                                  acting_user=province_staff)
    assert review.commune_id == r.lam_son.pk


def test_a_split_village_is_reviewed_in_the_commune_it_was_assigned_to(r, homes, province_staff):
    households_rehome()
    split = villages.split_commune(r.split)
    villages.village_assignments_save(split=split, choices={"Tiểu khu 2": r.hoat_giang.pk},
                                      acting_user=province_staff)
    household = Household.objects.select_related("commune", "current_commune").get(pk=homes["s2"].pk)
    review = services.review_save(review=_new_review(household, 2026, datetime.date(2026, 10, 1)),
                                  acting_user=province_staff)
    assert review.commune_id == r.hoat_giang.pk  # not the lineage's default, Xã Hà Trung


def test_edit_form_keeps_the_registered_commune_of_a_moved_household(r, homes, lamson, client):
    households_rehome()
    client.force_login(lamson)
    household = Household.objects.get(pk=homes["a1"].pk)
    url = reverse("households:household_edit", args=[household.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "code": "XB01", "commune": r.lam_son.pk, "village": "Thôn Tiến", "head_name": "Lê Văn Mới",
        "area": "rural", "member_count": 2, "has_labour_capacity": "on", "version": household.version,
        "members-TOTAL_FORMS": 0, "members-INITIAL_FORMS": 0, "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    household.refresh_from_db()
    assert household.head_name == "Lê Văn Mới"
    assert household.commune_id == r.a.pk and household.current_commune_id == r.lam_son.pk


def test_a_2025_list_of_the_new_commune_reviews_the_households_that_moved_there(r, homes, lamson, tmp_path):
    from households.importing import import_reviews
    from tests.households.test_import_export import row, write_xlsx

    households_rehome()
    # the 2025 list of Xã Lam Sơn names a household registered in Xuân Bái by its code
    path = write_xlsx(tmp_path / "lam-son-2025.xlsx", [row(code="XB02", commune=r.lam_son.code, year=2025)])
    result = import_reviews(path, acting_user=lamson)

    assert (result.households_created, result.reviews_created) == (0, 1)
    review = Review.objects.get(household=homes["a2"], year=2025)
    assert review.commune_id == r.lam_son.pk
    assert Household.objects.filter(code="XB02").count() == 1
