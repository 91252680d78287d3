"""The reform of 01/07/2025 in small: Thọ Xuân's 30 communes become 8 new xã of Thanh Hóa,
Yên Bái + Lào Cai become new Tỉnh Lào Cai (code 15 again), and one split commune.

Codes are the official ones (the same as ``load_admin_units`` loads), so tests written on this
data also hold on the real map. ``build_reform()`` expects nothing and returns a ``Reform``
with the units by name; it reuses units that already exist (the ``province``/``district``/
``commune_a``/``commune_b`` personas of tests/conftest.py are Thanh Hóa, Thọ Xuân, Xuân Bái, Thọ Lâm).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from directory.lineage import LEGACY_LAST_DAY, REFORM_DATE
from directory.models import AdministrativeUnit, UnitSuccession

# new xã (code) <- former communes (code, name, kind), from domain.md part 8 and the dataset
THO_XUAN_MERGERS = {
    ("15544", "Lam Sơn"): [("15544", "Thọ Xương", "xa"), ("15547", "Xuân Bái", "xa"), ("15556", "Lam Sơn", "thi_tran")],
    ("15553", "Sao Vàng"): [("15532", "Xuân Sinh", "xa"), ("15541", "Thọ Lâm", "xa"), ("15550", "Xuân Phú", "xa"),
                            ("15553", "Sao Vàng", "thi_tran")],
    ("15568", "Thọ Lập"): [("15559", "Xuân Thiên", "xa"), ("15565", "Thuận Minh", "xa"), ("15568", "Thọ Lập", "xa")],
    ("15505", "Thọ Long"): [("15502", "Bắc Lương", "xa"), ("15505", "Nam Giang", "xa"), ("15508", "Xuân Phong", "xa"),
                            ("15511", "Thọ Lộc", "xa"), ("15523", "Tây Hồ", "xa")],
    ("15499", "Thọ Xuân"): [("15493", "Xuân Hồng", "xa"), ("15499", "Thọ Xuân", "thi_tran"),
                            ("15514", "Xuân Trường", "xa"), ("15526", "Xuân Giang", "xa")],
    ("15520", "Xuân Hòa"): [("15517", "Xuân Hòa", "xa"), ("15520", "Thọ Hải", "xa"), ("15535", "Xuân Hưng", "xa"),
                            ("15538", "Thọ Diên", "xa")],
    ("15592", "Xuân Lập"): [("15583", "Xuân Lai", "xa"), ("15586", "Xuân Lập", "xa"), ("15592", "Xuân Minh", "xa"),
                            ("15598", "Trường Xuân", "xa")],
    ("15574", "Xuân Tín"): [("15571", "Quảng Phú", "xa"), ("15574", "Xuân Tín", "xa"), ("15577", "Phú Xuân", "xa")],
}


@dataclass
class Reform:
    thanh_hoa: AdministrativeUnit
    tho_xuan_district: AdministrativeUnit
    old: dict[str, AdministrativeUnit] = field(default_factory=dict)  # "Xuân Bái", "TT Lam Sơn"...
    new: dict[str, AdministrativeUnit] = field(default_factory=dict)  # "Lam Sơn", "Thọ Xuân"...
    yen_bai: AdministrativeUnit | None = None
    old_lao_cai: AdministrativeUnit | None = None
    new_lao_cai: AdministrativeUnit | None = None
    split: AdministrativeUnit | None = None  # Thị trấn Hà Trung -> Xã Hà Trung (default) + Xã Hoạt Giang
    split_into: list[AdministrativeUnit] = field(default_factory=list)


def _unit(code, name, kind, parent, *, valid_from=None, valid_to=None):
    unit = AdministrativeUnit.objects.filter(code=code, valid_from=valid_from).first()
    if unit is None:
        unit = AdministrativeUnit(code=code, valid_from=valid_from)
    unit.name, unit.kind, unit.parent, unit.valid_to = name, kind, parent, valid_to
    unit.area = "urban" if kind in ("phuong", "thi_tran", "quan", "thi_xa", "tp_tinh") else "rural"
    unit.save()
    return unit


def _link(old, new, *, default=True):
    UnitSuccession.objects.update_or_create(predecessor=old, successor=new,
                                            defaults={"effective_date": REFORM_DATE, "is_default": default})


def build_reform() -> Reform:
    thanh_hoa = _unit("38", "Thanh Hóa", "tinh", None)
    district = _unit("395", "Thọ Xuân", "huyen", thanh_hoa, valid_to=LEGACY_LAST_DAY)
    reform = Reform(thanh_hoa, district)
    for (new_code, new_name), olds in THO_XUAN_MERGERS.items():
        new = _unit(new_code, new_name, "xa", thanh_hoa, valid_from=REFORM_DATE)
        reform.new[new_name] = new
        for code, name, kind in olds:
            old = _unit(code, name, kind, district, valid_to=LEGACY_LAST_DAY)
            reform.old[("TT " if kind == "thi_tran" else "") + name] = old
            _link(old, new)
    ha_trung_district = _unit("397", "Hà Trung", "huyen", thanh_hoa, valid_to=LEGACY_LAST_DAY)
    reform.split = _unit("15271", "Hà Trung", "thi_tran", ha_trung_district, valid_to=LEGACY_LAST_DAY)
    reform.split_into = [_unit("15271", "Hà Trung", "xa", thanh_hoa, valid_from=REFORM_DATE),
                         _unit("15286", "Hoạt Giang", "xa", thanh_hoa, valid_from=REFORM_DATE)]
    _link(reform.split, reform.split_into[0], default=True)
    _link(reform.split, reform.split_into[1], default=False)

    reform.yen_bai = _unit("15", "Yên Bái", "tinh", None, valid_to=LEGACY_LAST_DAY)
    reform.old_lao_cai = _unit("10", "Lào Cai", "tinh", None, valid_to=LEGACY_LAST_DAY)
    reform.new_lao_cai = _unit("15", "Lào Cai", "tinh", None, valid_from=REFORM_DATE)
    _link(reform.yen_bai, reform.new_lao_cai)
    _link(reform.old_lao_cai, reform.new_lao_cai)
    # the links set has_predecessors in the database: hand out fresh copies
    fresh = {u.pk: u for u in AdministrativeUnit.objects.all()}
    reform.old = {k: fresh[u.pk] for k, u in reform.old.items()}
    reform.new = {k: fresh[u.pk] for k, u in reform.new.items()}
    reform.split_into = [fresh[u.pk] for u in reform.split_into]
    for name in ("thanh_hoa", "tho_xuan_district", "yen_bai", "old_lao_cai", "new_lao_cai", "split"):
        setattr(reform, name, fresh[getattr(reform, name).pk])
    return reform


def day(text: str) -> date:
    d, m, y = (int(x) for x in text.split("/"))
    return date(y, m, d)
