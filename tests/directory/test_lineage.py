"""Units with periods and lineage across the reform of 01/07/2025."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from directory import lineage
from directory.lineage import REFORM_DATE
from directory.models import AdministrativeUnit, UnitSuccession

pytestmark = pytest.mark.django_db


def test_a_code_is_unique_per_day_not_forever(reform):
    old, new = reform.old["TT Thọ Xuân"], reform.new["Thọ Xuân"]
    assert old.code == new.code == "15499"
    assert old.path == "38/395/15499/"
    assert new.path == "38/15499@20250701/"  # a path stays unique when a code is reused
    assert not new.path.startswith(old.path) and not old.path.startswith(new.path)
    assert AdministrativeUnit.objects.get_by_natural_key("15499") == old
    assert AdministrativeUnit.objects.get_by_natural_key("15499", "2025-07-01") == new
    assert new.natural_key() == ("15499", "2025-07-01")


def test_overlapping_periods_of_one_code_are_refused(reform):
    clash = AdministrativeUnit(code="15499", name="Thọ Xuân", kind="xa", parent=reform.thanh_hoa,
                               valid_from=date(2025, 6, 1))
    with pytest.raises(ValidationError, match="không được có hiệu lực cùng ngày"):
        clash.full_clean()
    later = AdministrativeUnit(code="15499", name="Thọ Xuân", kind="xa", parent=reform.thanh_hoa,
                               valid_from=date(2030, 1, 1))
    with pytest.raises(ValidationError):  # the new xã is still open-ended
        later.full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        AdministrativeUnit.objects.create(code="15499", name="Trùng", kind="xa", parent=reform.thanh_hoa,
                                          valid_from=REFORM_DATE)
    with transaction.atomic(), pytest.raises(IntegrityError):
        AdministrativeUnit.objects.create(code="15499", name="Trùng", kind="xa", parent=reform.thanh_hoa)


def test_successor_on_follows_the_default(reform):
    tho_lam = reform.old["Thọ Lâm"]
    assert lineage.successor_on(tho_lam, date(2024, 12, 31)) == tho_lam
    assert lineage.successor_on(tho_lam, REFORM_DATE) == reform.new["Sao Vàng"]
    assert lineage.current_unit(tho_lam) == reform.new["Sao Vàng"]
    assert lineage.current_unit(reform.new["Sao Vàng"]) == reform.new["Sao Vàng"]
    assert lineage.successor_on(reform.new["Sao Vàng"], date(2024, 1, 1)) is None  # not yet
    assert lineage.current_unit(reform.tho_xuan_district) is None  # districts ended without successor
    # a split: every successor recorded, the default one first and followed
    assert lineage.successors(reform.split) == reform.split_into
    assert lineage.current_unit(reform.split) == reform.split_into[0]
    assert lineage.successors(reform.yen_bai) == [reform.new_lao_cai]


def test_predecessors_and_historic_units(reform):
    lam_son = reform.new["Lam Sơn"]
    assert set(lineage.predecessors(lam_son)) == {reform.old["Thọ Xương"], reform.old["Xuân Bái"],
                                                   reform.old["TT Lam Sơn"]}
    assert lineage.historic_unit_ids(lam_son) == {lam_son.pk, reform.old["Thọ Xương"].pk,
                                                  reform.old["Xuân Bái"].pk, reform.old["TT Lam Sơn"].pk}
    # a province: its own tree (old districts and communes, new xã) in one prefix
    ids = lineage.historic_unit_ids(reform.thanh_hoa)
    assert {reform.tho_xuan_district.pk, reform.old["Xuân Bái"].pk, lam_son.pk} <= ids
    assert lineage.historic_paths(reform.thanh_hoa) == ["38/"]
    # new Lào Cai: both former provinces
    assert sorted(lineage.historic_paths(reform.new_lao_cai)) == ["10/", "15/", "15@20250701/"]


def test_transitive_predecessors(reform):
    later = AdministrativeUnit.objects.create(code="99001", name="Lam Sơn Mới", kind="xa", parent=reform.thanh_hoa,
                                              valid_from=date(2030, 1, 1))
    lam_son = reform.new["Lam Sơn"]
    lam_son.valid_to = date(2029, 12, 31)
    lam_son.save()
    UnitSuccession.objects.create(predecessor=lam_son, successor=later, effective_date=date(2030, 1, 1))
    assert reform.old["Xuân Bái"] in lineage.predecessors(later)
    assert reform.old["Xuân Bái"] not in lineage.predecessors(later, transitive=False)
    assert lineage.successor_on(reform.old["Xuân Bái"], date(2030, 2, 1)) == later


def test_one_default_successor_per_unit(reform):
    with transaction.atomic(), pytest.raises(IntegrityError):
        UnitSuccession.objects.filter(predecessor=reform.split, is_default=False).update(is_default=True)


def test_moving_a_unit_moves_the_paths_under_it(reform):
    district = reform.tho_xuan_district
    other = AdministrativeUnit.objects.create(code="40", name="Nghệ An", kind="tinh")
    district.parent = other
    district.save()
    xuan_bai = AdministrativeUnit.objects.get(pk=reform.old["Xuân Bái"].pk)
    assert xuan_bai.path == "40/395/15547/" == xuan_bai.compute_path()
    assert set(AdministrativeUnit.objects.descendants_of(other)) >= set(reform.old.values())


def test_has_predecessors_follows_the_lineage_rows(reform):
    assert reform.new["Lam Sơn"].has_predecessors and not reform.thanh_hoa.has_predecessors
    UnitSuccession.objects.filter(successor=reform.new["Lam Sơn"]).delete()  # a queryset delete: one per row
    assert not AdministrativeUnit.objects.get(pk=reform.new["Lam Sơn"].pk).has_predecessors
