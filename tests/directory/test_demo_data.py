import pytest
from django.core.management import call_command

from directory.demo import DEMO_USERS
from directory.lineage import successors
from directory.lookup import resolve_unit
from directory.models import AdministrativeUnit, Role, User

pytestmark = pytest.mark.django_db

# Phụ lục 01 of the Thọ Xuân 2024 plan, in its order.
THO_XUAN_APPENDIX = [
    "TT Lam Sơn", "TT Sao Vàng", "Xuân Bái", "Thọ Xương", "Xuân Phú", "Thọ Lâm", "Thọ Diên", "Xuân Hưng",
    "Xuân Sinh", "Xuân Thiên", "Thuận Minh", "Thọ Lập", "Xuân Tín", "Quảng Phú", "Phú Xuân", "Xuân Lai",
    "Xuân Lập", "Xuân Minh", "Trường Xuân", "Thọ Hải", "Xuân Hòa", "Xuân Trường", "TT Thọ Xuân", "Tây Hồ",
    "Xuân Giang", "Bắc Lương", "Nam Giang", "Thọ Lộc", "Xuân Phong", "Xuân Hồng",
]


def test_seed_units_load_with_all_tho_xuan_communes():
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    tho_xuan = AdministrativeUnit.objects.get(code="395")
    communes = AdministrativeUnit.objects.descendants_of(tho_xuan, include_self=False)
    assert communes.count() == 30
    names = {c.display_name for c in communes}
    assert names == set(THO_XUAN_APPENDIX)
    for name in THO_XUAN_APPENDIX:
        assert resolve_unit(f"Thọ Xuân/{name}").parent == tho_xuan
    assert AdministrativeUnit.objects.get(code="139").is_poor_district  # Trạm Tấu
    nam_dong = AdministrativeUnit.objects.get(code="483")
    assert [u.code for u in successors(nam_dong)] == ["482"]  # Nam Đông -> Phú Lộc, 01/01/2025
    # Huế's own changes of 01/01/2025 (the dataset's map of 30/06/2025 has only their result)
    old_hue_city = AdministrativeUnit.objects.get(code="474", valid_from__isnull=True)
    assert [u.name for u in successors(old_hue_city)] == ["Thuận Hóa", "Phú Xuân"]  # default first
    thua_thien_hue = AdministrativeUnit.objects.get_by_natural_key("46")
    assert successors(thua_thien_hue) == [AdministrativeUnit.objects.get_by_natural_key("46", "2025-01-01")]
    # paths and search keys are computed on load, whatever the fixture says
    for unit in AdministrativeUnit.objects.all():
        assert unit.path == unit.compute_path(), unit
    assert AdministrativeUnit.objects.get(code="474", valid_from__isnull=False).path == "46@20250101/474@20250101/"
    assert tho_xuan.name_key == "tho xuan"


def test_seed_units_reload_changes_nothing():
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    before = list(AdministrativeUnit.objects.order_by("pk").values())
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    assert list(AdministrativeUnit.objects.order_by("pk").values()) == before


def test_demo_users_one_per_role_and_idempotent(settings):
    settings.DEMO_MODE = True
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    call_command("load_admin_units", "--province", "38", "--province", "15", verbosity=0)
    call_command("create_demo_users", verbosity=0)
    call_command("create_demo_users", verbosity=0)
    assert User.objects.count() == len(DEMO_USERS)
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    assert User.objects.get(username="xuanbai").unit.name == "Xuân Bái"


def test_demo_users_of_the_new_map(settings):
    """Point 7's demo users: the new xã, the province's poverty office, new Lào Cai; each sees its history."""
    settings.DEMO_MODE = True
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    call_command("load_admin_units", "--province", "38", "--province", "15", verbosity=0)
    call_command("create_demo_users", verbosity=0)
    users = {u.username: u for u in User.objects.select_related("unit", "agency")}
    lamson, thoxuan = users["lamson"], users["thoxuan"]
    assert (lamson.unit.kind_and_name, lamson.unit.code, str(lamson.unit.valid_from)) == ("Xã Lam Sơn", "15544",
                                                                                         "2025-07-01")
    assert {u.display_name for u in AdministrativeUnit.objects.for_user(lamson)} == {
        "Lam Sơn", "Thọ Xương", "Xuân Bái", "TT Lam Sơn"}
    assert thoxuan.unit.kind_and_name == "Xã Thọ Xuân" and thoxuan.unit.code == "15499"
    assert {u.display_name for u in AdministrativeUnit.objects.for_user(thoxuan)} == {
        "Thọ Xuân", "Xuân Hồng", "TT Thọ Xuân", "Xuân Trường", "Xuân Giang"}
    office = users["thanhhoa.snnmt"]
    assert office.role == Role.PROVINCE_STAFF and office.agency.name == "Sở Nông nghiệp và Môi trường"
    assert office.agency.is_programme_secretariat and office.agency.unit == office.unit
    seen = AdministrativeUnit.objects.for_user(office)
    assert seen.filter(code="395").exists() and seen.filter(pk=lamson.unit.pk).exists()  # both trees
    lao_cai = users["laocai.lanhdao"].unit
    assert (lao_cai.name, lao_cai.code, str(lao_cai.valid_from)) == ("Lào Cai", "15", "2025-07-01")
    leadership_sees = AdministrativeUnit.objects.for_user(users["laocai.lanhdao"])
    assert leadership_sees.filter(code="139").exists()  # Trạm Tấu, of the former Yên Bái
    assert not leadership_sees.filter(code="395").exists()
    assert users["yenbai.sldtbxh"].unit.valid_to is not None  # the district-era account keeps old Yên Bái
