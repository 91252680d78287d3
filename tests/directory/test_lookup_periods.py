"""The lookup as of a date: codes reused across periods, path order, ambiguity, notes for ended units."""

from datetime import date

import pytest

from directory.lookup import UnitLookupError, UnitResolver, resolve_unit, resolve_unit_with_note
from directory.models import AdministrativeUnit

pytestmark = pytest.mark.django_db

END_2024 = date(2024, 12, 31)


def test_a_reused_code_names_the_unit_of_the_day(reform):
    assert resolve_unit("15499", on=END_2024) == reform.old["TT Thọ Xuân"]
    assert resolve_unit("15499") == reform.new["Thọ Xuân"]  # today
    assert resolve_unit("15", on=END_2024) == reform.yen_bai
    assert resolve_unit("15") == reform.new_lao_cai
    assert resolve_unit("395", on=END_2024) == reform.tho_xuan_district
    assert resolve_unit("15547", on=END_2024) == reform.old["Xuân Bái"]


def test_earlier_parts_follow_the_parent_chain_in_order(reform):
    # 2024: "Thanh Hóa/Thọ Xuân" is the district (TT Thọ Xuân's parent is the district, not the province)
    assert resolve_unit("Thanh Hóa/Thọ Xuân", on=END_2024) == reform.tho_xuan_district
    assert resolve_unit("Thọ Xuân/Thọ Xuân", on=END_2024) == reform.old["TT Thọ Xuân"]
    # a level may be skipped when nothing matches the direct chain
    assert resolve_unit("Thanh Hóa/Xuân Bái", on=END_2024) == reform.old["Xuân Bái"]
    assert resolve_unit("Thanh Hóa/Thọ Xuân/Xuân Bái", on=END_2024) == reform.old["Xuân Bái"]
    # the wrong order matches nothing
    with pytest.raises(UnitLookupError, match="Không tìm thấy"):
        resolve_unit("Xuân Bái/Thọ Xuân", on=END_2024)
    # today the same path is the new xã
    assert resolve_unit("Thanh Hóa/Thọ Xuân") == reform.new["Thọ Xuân"]


def test_ambiguous_name_lists_code_kind_parent_and_period(reform):
    with pytest.raises(UnitLookupError) as err:
        resolve_unit("Thọ Xuân", on=END_2024)
    message = str(err.value)
    assert set(err.value.candidates) == {reform.tho_xuan_district, reform.old["TT Thọ Xuân"]}
    assert "Huyện Thanh Hóa/Thọ Xuân (mã 395, thuộc Tỉnh Thanh Hóa, đến 30/06/2025)" in message
    assert "Thị trấn Thanh Hóa/Thọ Xuân/Thọ Xuân (mã 15499, thuộc Huyện Thọ Xuân, đến 30/06/2025)" in message


def test_exact_before_unaccented(reform):
    assert resolve_unit("Xuan Bai", on=END_2024) == reform.old["Xuân Bái"]
    assert resolve_unit("tho xuan/xuan bai", on=END_2024) == reform.old["Xuân Bái"]
    assert resolve_unit("Sao Vang") == reform.new["Sao Vàng"]


def test_an_ended_unit_resolves_to_its_successor_with_a_note(reform):
    unit, note = resolve_unit_with_note("Thọ Lâm")
    assert unit == reform.new["Sao Vàng"]
    assert note == "Thọ Lâm đã sáp nhập vào Xã Sao Vàng từ 01/07/2025"
    unit, note = resolve_unit_with_note("15541")
    assert unit == reform.new["Sao Vàng"] and "Sao Vàng" in note
    # a split: the default successor, and the note says so
    unit, note = resolve_unit_with_note("TT Hà Trung")
    assert unit == reform.split_into[0]
    assert "chia" in note and "Xã Hà Trung" in note
    # a district ended without a successor: itself, with a note (command lines keep working)
    unit, note = resolve_unit_with_note("395")
    assert unit == reform.tho_xuan_district
    assert "hết hiệu lực" in note
    # before the reform, no note
    assert resolve_unit_with_note("Thọ Lâm", on=END_2024) == (reform.old["Thọ Lâm"], "")


def test_a_unit_not_yet_created_is_refused(reform):
    with pytest.raises(UnitLookupError, match="chưa có vào ngày 31/12/2024"):
        resolve_unit("Xã Sao Vàng", on=END_2024)


def test_resolver_within_an_ended_district_uses_its_last_day(reform):
    # the communes of the 2021–2025 plan of Thọ Xuân, as plans/excel.py asks for them
    resolver = UnitResolver(AdministrativeUnit.objects.communes(), within=reform.tho_xuan_district)
    assert resolver.resolve("Thọ Xuân") == reform.old["TT Thọ Xuân"]
    assert resolver.resolve("Lam Sơn") == reform.old["TT Lam Sơn"]
    assert resolver.notes == []


def test_resolver_within_a_new_xa_reads_its_predecessors(reform):
    resolver = UnitResolver(within=reform.new["Lam Sơn"])
    assert resolver.resolve("Xuân Bái", on=END_2024) == reform.old["Xuân Bái"]
    assert resolver.resolve("Xuân Bái") == reform.new["Lam Sơn"]
    assert resolver.notes == ["Xuân Bái đã sáp nhập vào Xã Lam Sơn từ 01/07/2025"]
    with pytest.raises(UnitLookupError):
        resolver.resolve("Thọ Lâm", on=END_2024)


def test_one_off_lookup_reads_few_rows(reform, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert resolve_unit("Thanh Hóa/Thọ Xuân/Xuân Bái", on=END_2024) == reform.old["Xuân Bái"]
