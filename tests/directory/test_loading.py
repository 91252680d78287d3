"""load_admin_units: both maps and their lineage, idempotent, keeping what the database already has."""

import copy
from datetime import date

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from directory import lineage
from directory.loading import load_admin_units, read_data
from directory.lookup import resolve_unit, resolve_unit_with_note
from directory.models import AdministrativeUnit, Role, UnitSuccession
from directory.signals import lineage_changed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LEGACY, NEW = date(2025, 6, 30), date(2025, 7, 1)

# A tiny map in the data file's format: Tỉnh A (01, continues), Tỉnh B (02) + Tỉnh C (03) -> new Tỉnh B (03!).
TINY = {
    "legacy_provinces": [["01", "A", "tinh", 1.0, 1.0], ["02", "B", "tinh", 2.0, 2.0], ["03", "C", "tinh", 3.0, 3.0]],
    "legacy_districts": [["001", "01", "Một", "huyen", 1.1, 1.1], ["020", "02", "Hai", "thi_xa", 2.1, 2.1],
                         ["030", "03", "Ba", "huyen", 3.1, 3.1]],
    "legacy_communes": [["00001", "001", "Đông", "xa", 1.2, 1.2], ["00002", "001", "Tây", "thi_tran", 1.3, 1.3],
                        ["00003", "001", "Nam", "xa", 1.4, 1.4], ["00020", "020", "Bắc", "phuong", 2.2, 2.2],
                        ["00030", "030", "Giữa", "xa", 3.2, 3.2]],
    "provinces": [["01", "A", "tinh", 1.5, 1.5, 100.0, ["01"]], ["03", "B", "tinh", 2.5, 2.5, 200.0, ["02", "03"]]],
    "communes": [["00002", "01", "Đông Tây", "xa", 1.6, 1.6, 50.0], ["00009", "01", "Nam Mới", "xa", 1.7, 1.7, 50.0],
                 ["00030", "03", "Bắc Giữa", "phuong", 2.6, 2.6, 80.0],
                 ["00040", "03", "Đặc khu X", "dac_khu", 3, 3, 9]],
    # Nam (00003) is split: most of it to Nam Mới (default), a part to Đông Tây
    "lineage": [["commune", "00001", "00002", True], ["commune", "00002", "00002", True],
                ["commune", "00003", "00002", False], ["commune", "00003", "00009", True],
                ["commune", "00020", "00030", True], ["commune", "00030", "00030", True],
                ["district", "030", "00040", True]],
}


def unit(code, on):
    return AdministrativeUnit.objects.valid_on(on).get(code=code)


def test_tiny_map_both_trees_and_lineage():
    result = load_admin_units(data=TINY)
    assert result.created == 3 + 3 + 5 + 1 + 4  # new province 03 only: province 01 simply continues
    a = AdministrativeUnit.objects.get(code="01")
    assert (a.valid_from, a.valid_to, a.latitude, a.area_km2) == (None, None, 1.5, 100.0)
    new_b = unit("03", NEW)
    assert (new_b.name, new_b.valid_from, new_b.path) == ("B", NEW, "03@20250701/")
    assert unit("03", LEGACY).name == "C" and unit("03", LEGACY).valid_to == LEGACY
    assert {u.code for u in lineage.predecessors(new_b, transitive=False)} == {"02", "03"}
    dong_tay = unit("00002", NEW)
    assert dong_tay.parent == a and dong_tay.path == "01/00002@20250701/" and dong_tay.area_km2 == 50.0
    assert unit("00002", LEGACY).path == "01/001/00002/"
    assert unit("00002", LEGACY).area == "urban" and dong_tay.area == "rural"  # thị trấn then, xã now
    nam = unit("00003", LEGACY)
    assert [u.name for u in lineage.successors(nam)] == ["Nam Mới", "Đông Tây"]  # split, default first
    assert lineage.current_unit(nam).name == "Nam Mới"
    assert lineage.current_unit(unit("030", LEGACY)).kind == "dac_khu"  # an island district became a đặc khu
    assert unit("00040", NEW).level == "commune"
    assert unit("00030", NEW).area == "urban"


def test_second_run_changes_nothing_and_sends_nothing():
    load_admin_units(data=TINY)
    before = (list(AdministrativeUnit.objects.order_by("pk").values()),
              list(UnitSuccession.objects.order_by("pk").values()))
    sent = []
    lineage_changed.connect(receiver := lambda **kw: sent.append(kw), weak=False)
    try:
        result = load_admin_units(data=TINY)
    finally:
        lineage_changed.disconnect(receiver)
    assert (result.created, result.updated, result.links_created, result.links_deleted) == (0, 0, 0, 0)
    assert not result.changed_anything and sent == []
    assert (list(AdministrativeUnit.objects.order_by("pk").values()),
            list(UnitSuccession.objects.order_by("pk").values())) == before


def test_flags_and_links_on_existing_units_are_kept():
    province = AdministrativeUnit.objects.create(code="01", name="A cũ", kind="tinh")
    district = AdministrativeUnit.objects.create(code="001", name="Một", kind="huyen", parent=province,
                                                 is_poor_district=True)
    commune = AdministrativeUnit.objects.create(code="00001", name="Đông", kind="xa", parent=district,
                                                is_especially_difficult=True, note="xã ĐBKK theo QĐ 861")
    user = UserFactory(role=Role.COMMUNE_OFFICIAL, unit=commune)
    sent = []
    lineage_changed.connect(receiver := lambda **kw: sent.append(kw), weak=False)
    try:
        load_admin_units(data=TINY)
    finally:
        lineage_changed.disconnect(receiver)
    commune.refresh_from_db()
    district.refresh_from_db()
    assert commune.is_especially_difficult and commune.note == "xã ĐBKK theo QĐ 861"
    assert commune.valid_to == LEGACY and commune.latitude == 1.2
    assert district.is_poor_district and district.valid_to == LEGACY
    assert AdministrativeUnit.objects.get(pk=province.pk).name == "A"  # the data's name
    user.refresh_from_db()
    assert user.unit_id == commune.pk
    assert sent and commune.pk in sent[0]["unit_ids"] and sent[0]["effective_date"] == NEW


def test_a_changed_default_is_rewritten_without_breaking_the_one_default_rule():
    load_admin_units(data=TINY)
    changed = copy.deepcopy(TINY)
    changed["lineage"][2][3], changed["lineage"][3][3] = True, False  # Nam now goes to Đông Tây by default
    result = load_admin_units(data=changed)
    assert result.links_created == 2 and result.links_deleted == 2
    assert lineage.current_unit(unit("00003", LEGACY)).name == "Đông Tây"


def test_province_option_loads_a_whole_group():
    data = read_data()
    load_admin_units(["Yên Bái"], data=data)  # an old name brings the new province and both old ones
    assert set(AdministrativeUnit.objects.provinces().values_list("code", "valid_from")) == {
        ("15", None), ("10", None), ("15", NEW)}
    with pytest.raises(ValueError, match="Không có tỉnh"):
        load_admin_units(["Atlantis"], data=data)


def test_thanh_hoa_on_the_fixtures(settings):
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    tho_xuan = AdministrativeUnit.objects.get(code="395")
    xuan_bai = AdministrativeUnit.objects.get(code="15547")
    call_command("load_admin_units", "--province", "38", "--province", "15", verbosity=0)
    assert AdministrativeUnit.objects.get(code="395").pk == tho_xuan.pk
    assert AdministrativeUnit.objects.get(pk=tho_xuan.pk).valid_to == LEGACY
    assert AdministrativeUnit.objects.get(code="139").is_poor_district  # Trạm Tấu kept its flag
    lam_son = resolve_unit("Thanh Hóa/Lam Sơn")
    assert (lam_son.code, lam_son.kind, lam_son.valid_from) == ("15544", "xa", NEW)
    assert {u.name for u in lineage.predecessors(lam_son)} == {"Thọ Xương", "Xuân Bái", "Lam Sơn"}
    assert xuan_bai.pk in lineage.historic_unit_ids(lam_son)
    # the 30 communes of Thọ Xuân go to exactly 8 new xã, no split
    olds = AdministrativeUnit.objects.filter(parent=tho_xuan)
    news = {lineage.current_unit(u).name for u in olds}
    assert olds.count() == 30 and news == {"Lam Sơn", "Sao Vàng", "Thọ Lập", "Thọ Long", "Thọ Xuân", "Xuân Hòa",
                                            "Xuân Lập", "Xuân Tín"}
    assert not UnitSuccession.objects.filter(predecessor__parent=tho_xuan, is_default=False).exists()
    assert resolve_unit("15499", on=date(2024, 12, 31)).kind == "thi_tran"
    assert resolve_unit("15499").kind == "xa"
    assert resolve_unit_with_note("Thọ Lâm")[1] == "Thọ Lâm đã sáp nhập vào Xã Sao Vàng từ 01/07/2025"
    new_lao_cai = resolve_unit("15")
    assert (new_lao_cai.name, new_lao_cai.valid_from) == ("Lào Cai", NEW)
    assert {u.name for u in lineage.predecessors(new_lao_cai)} == {"Yên Bái", "Lào Cai"}
    # reloading the fixtures and the data again leaves everything as it was
    snapshot = list(AdministrativeUnit.objects.order_by("pk").values())
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    call_command("load_admin_units", "--province", "38,15", verbosity=0)
    assert list(AdministrativeUnit.objects.order_by("pk").values()) == snapshot


def test_whole_country_counts_and_idempotent():
    call_command("loaddata", "units", verbosity=0)
    first = load_admin_units()
    assert first.created > 14_000
    on_new, on_old = AdministrativeUnit.objects.valid_on(NEW), AdministrativeUnit.objects.valid_on(LEGACY)
    assert (on_new.provinces().count(), on_new.communes().count(), on_new.districts().count()) == (34, 3321, 0)
    assert (on_old.provinces().count(), on_old.districts().count(), on_old.communes().count()) == (63, 696, 10035)
    # "698 legacy districts" (issue 14) counts district rows of every date: the 696 of 30/06/2025 + the two that
    # ended on 31/12/2024 in Huế's own reorganisation (Thành phố Huế 474 and Nam Đông 483; Thuận Hóa and Phú
    # Xuân, two of the 696, started on 01/01/2025). Not a duplicate: one date never shows more than 696.
    districts = AdministrativeUnit.objects.districts()
    assert districts.count() == 698
    assert sorted(districts.filter(valid_to__lt=LEGACY).values_list("code", "valid_to")) == [
        ("474", date(2024, 12, 31)), ("483", date(2024, 12, 31))]
    assert districts.valid_on(date(2024, 12, 31)).count() == districts.valid_on(LEGACY).count() == 696
    # Huế's own changes of 01/01/2025 stay: Thừa Thiên Huế ended, Thành phố Huế continues past the reform
    hue = AdministrativeUnit.objects.get_by_natural_key("46", "2025-01-01")
    assert hue.valid_to is None and hue.kind == "tp_tw"
    assert AdministrativeUnit.objects.get_by_natural_key("46").valid_to == date(2024, 12, 31)
    again = load_admin_units()
    assert not again.changed_anything and again.unchanged == first.created + first.updated + first.unchanged


@pytest.fixture
def seed_units(db):
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)


def test_old_boundary_figures_are_identical_after_the_load(seed_units, dataset, district, tmp_path):
    """Point 8: loading units never changes a review, a quota table or a report already there
    (the reviews are made on the fixtures' Thọ Xuân, all 30 communes, as in the demo)."""
    from households.models import Review
    from plans.models import QuotaRow
    from reports.periods import Period
    from reports.poverty import build_poverty_report

    def cells(path):
        return [list(row) for ws in load_workbook(path).worksheets for row in ws.iter_rows(values_only=True)]

    assert AdministrativeUnit.objects.filter(parent=district).count() == 30
    reviews = list(Review.objects.order_by("pk").values())
    quotas = list(QuotaRow.objects.order_by("pk").values())
    build_poverty_report(unit=district, period=Period("year", 2024), output=tmp_path / "truoc.xlsx")
    load_admin_units(["38"])
    district.refresh_from_db()
    assert district.valid_to == LEGACY
    build_poverty_report(unit=resolve_unit("Thanh Hóa/Thọ Xuân", on=date(2024, 12, 31)), period=Period("year", 2024),
                         output=tmp_path / "sau.xlsx")
    assert cells(tmp_path / "sau.xlsx") == cells(tmp_path / "truoc.xlsx")
    assert list(Review.objects.order_by("pk").values()) == reviews
    assert list(QuotaRow.objects.order_by("pk").values()) == quotas



def test_province_names_follow_the_lenient_rule():
    """Issue 14, point 7 for ``load_admin_units --province``: any case or diacritics, or a unique prefix; a shared
    prefix lists the provinces starting with it; an unknown name lists every province."""
    from directory.loading import UnknownProvince, province_groups, read_data

    data = read_data()
    assert province_groups(data, ["thanh hoa"]) == ({"38"}, {"38"}) == province_groups(data, ["Thanh"])
    assert province_groups(data, ["yen b"]) == ({"10", "15"}, {"15"})
    with pytest.raises(UnknownProvince, match="“Hà” chưa đủ rõ: có 7 tỉnh bắt đầu như vậy") as refused:
        province_groups(data, ["Hà"])
    assert "Hà Tĩnh" in str(refused.value) and "Thanh Hóa" not in str(refused.value)
    with pytest.raises(UnknownProvince, match="Không có tỉnh “Xyz”. Giá trị được nhận: An Giang;"):
        province_groups(data, ["Xyz"])
