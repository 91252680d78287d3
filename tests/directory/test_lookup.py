import unicodedata
from datetime import date

import pytest

from directory.lookup import UnitLookupError, UnitResolver, normalize_name, resolve_unit, resolve_unit_with_note
from directory.models import UnitSuccession
from tests.factories import CommuneFactory, DistrictFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Xã Xuân Bái", "xuân bái"),
        ("  TT   Lam Sơn ", "lam sơn"),
        ("Thị trấn Sao Vàng", "sao vàng"),
        ("Huyện Thọ Xuân", "thọ xuân"),
        ("Tỉnh Thanh Hóa", "thanh hóa"),
        ("Thanh Hoá", "thanh hóa"),  # old tone placement
        ("PHƯỜNG  Ba Đình", "ba đình"),
        ("tt.Thọ Xuân", "thọ xuân"),
    ],
)
def test_normalize_name(raw, expected):
    assert normalize_name(raw) == expected


def test_resolves_code(commune_a):
    assert resolve_unit("15547") == commune_a
    assert resolve_unit(15547) == commune_a


def test_resolves_full_and_short_paths(province, district, commune_a):
    assert resolve_unit("Thanh Hóa/Thọ Xuân/Xuân Bái") == commune_a
    assert resolve_unit("Thọ Xuân/Xuân Bái") == commune_a
    assert resolve_unit("tỉnh thanh hoá / huyện  THỌ XUÂN / xã xuân bái") == commune_a
    assert resolve_unit("Xuân Bái") == commune_a


def test_resolves_nfd_input(commune_a):
    nfd = unicodedata.normalize("NFD", "Thọ Xuân/Xuân Bái")
    assert nfd != "Thọ Xuân/Xuân Bái"
    assert resolve_unit(nfd) == commune_a


def test_ambiguous_name_lists_candidates(district, other_district):
    first = CommuneFactory(code="15001", name="Xuân Phú", parent=district)
    second = CommuneFactory(code="15002", name="Xuân Phú", parent=other_district)
    with pytest.raises(UnitLookupError) as err:
        resolve_unit("Xuân Phú")
    assert set(err.value.candidates) == {first, second}
    assert "15001" in str(err.value) and "15002" in str(err.value)
    assert "Thọ Xuân/Xuân Phú" in str(err.value)
    # the path settles it
    assert resolve_unit("Thường Xuân/Xuân Phú") == second


def test_prefix_tells_district_from_township(district):
    township = CommuneFactory(code="15499", name="Thọ Xuân", kind="thi_tran", parent=district)
    assert resolve_unit("TT Thọ Xuân") == township
    assert resolve_unit("Huyện Thọ Xuân") == district
    with pytest.raises(UnitLookupError, match="khớp nhiều đơn vị"):
        resolve_unit("Thọ Xuân")


def test_unknown_name_and_code(district):
    with pytest.raises(UnitLookupError, match="Không tìm thấy"):
        resolve_unit("Xã Không Có")
    with pytest.raises(UnitLookupError, match="mã 99999"):
        resolve_unit("99999")
    with pytest.raises(UnitLookupError):
        resolve_unit("   ")


def test_within_restricts_candidates(district, other_district, commune_a, commune_c):
    resolver = UnitResolver(within=district)
    assert resolver.resolve("Xuân Bái") == commune_a
    with pytest.raises(UnitLookupError):
        resolver.resolve("Xuân Cao")
    # a longer path still matches ancestors outside ``within``
    assert resolver.resolve("Thanh Hóa/Thọ Xuân/Xuân Bái") == commune_a


def test_resolver_uses_one_query_for_many_names(django_assert_max_num_queries, district):
    communes = [CommuneFactory(parent=district) for _ in range(20)]
    with django_assert_max_num_queries(3):
        resolver = UnitResolver(within=district)
        for commune in communes:
            assert resolver.resolve(commune.name) == commune


def test_district_level_is_optional(province):
    commune = CommuneFactory(code="4", name="Ba Đình", kind="phuong", parent=province)
    assert commune.path == "38/4/"
    assert resolve_unit("Thanh Hóa/Phường Ba Đình") == commune


def test_merged_unit_keeps_history(province):
    old = DistrictFactory(code="483", name="Nam Đông", parent=province, valid_to=date(2024, 12, 31))
    new = DistrictFactory(code="482", name="Phú Lộc", parent=province)
    UnitSuccession.objects.create(predecessor=old, successor=new, effective_date=date(2025, 1, 1))
    assert [link.predecessor for link in new.predecessor_links.all()] == [old]
    assert resolve_unit("Nam Đông", on=date(2024, 6, 1)) == old
    unit, note = resolve_unit_with_note("Nam Đông", on=date(2025, 3, 1))
    assert unit == new
    assert note == "Nam Đông đã sáp nhập vào Huyện Phú Lộc từ 01/01/2025"


def test_a_unique_prefix_names_a_unit_in_every_command_and_upload(district, commune_a, commune_b, commune_c):
    """Issue 14, point 7: the lenient rule for unit names (resolve_unit and UnitResolver): a prefix only one
    unit starts with, ignoring case, diacritics and spaces; a shared one lists the units starting with it."""
    assert resolve_unit("Xuân B") == commune_a
    assert resolve_unit("xuan  bai") == commune_a
    assert resolve_unit("Xã thọ l") == commune_b
    assert UnitResolver(within=district).resolve("xuan") == commune_a  # Xuân Cao is in another district
    with pytest.raises(UnitLookupError) as refused:
        resolve_unit("Xuân")
    message = str(refused.value)
    assert "“Xuân” chưa đủ rõ: có 2 đơn vị bắt đầu như vậy" in message
    assert "Xuân Bái" in message and "Xuân Cao" in message and "Thọ Lâm" not in message
    with pytest.raises(UnitLookupError, match="Không tìm thấy đơn vị “Xuân Không”"):
        resolve_unit("Xuân Không")
