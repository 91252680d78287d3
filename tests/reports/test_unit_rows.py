"""``reports.boundaries.UnitRow``: the communes the report and the dashboard read as plain rows answer what those
pages ask of a commune, as the model instance does, and equal it."""

import datetime

import pytest

from directory.models import AdministrativeUnit
from reports.boundaries import Boundaries, history_communes, report_commune_rows, report_communes, unit_rows
from tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db


def test_rows_answer_as_the_units_do(province, district, commune_a, commune_b):
    township = CommuneFactory(code="15548", name="Lam Sơn", kind="thi_tran", parent=district, latitude=19.9,
                              longitude=105.4)
    units = list(AdministrativeUnit.objects.communes().select_related("parent").order_by("path"))
    rows = unit_rows(AdministrativeUnit.objects.communes().order_by("path"))
    assert rows == units and {hash(r) for r in rows} == {hash(u) for u in units}
    for row, unit in zip(rows, units, strict=True):
        assert (row.pk, row.id, row.code, row.name, row.kind, row.path, row.valid_from, row.valid_to, row.latitude,
                row.longitude) == (unit.pk, unit.id, unit.code, unit.name, unit.kind, unit.path, unit.valid_from,
                                   unit.valid_to, unit.latitude, unit.longitude)
        assert (row.display_name, row.kind_and_name, row.get_kind_display(), row.is_commune, row.is_district) == (
            unit.display_name, unit.kind_and_name, unit.get_kind_display(), unit.is_commune, unit.is_district)
        assert row.parent == unit.parent and row.parent_id == unit.parent_id
        assert (row.parent.name, row.parent.kind_and_name, row.parent.is_district) == (
            unit.parent.name, unit.parent.kind_and_name, unit.parent.is_district)
    by_pk = {r.pk: r for r in rows}
    assert by_pk[township.pk].display_name == "TT Lam Sơn"
    assert by_pk[commune_a.pk].parent is by_pk[commune_b.pk].parent  # one row per parent
    assert by_pk[commune_a.pk] != by_pk[commune_b.pk] and by_pk[commune_a.pk] != commune_a.pk


def test_a_years_communes_are_a_filter_of_the_history(province, district, commune_a, commune_b):
    ended = CommuneFactory(code="15549", name="Cũ", parent=district, valid_to=datetime.date(2023, 6, 30))
    history = history_communes(province)
    for year in (2022, 2023, 2024):
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        expected = list(report_communes(province, start, end, Boundaries.PERIOD))
        assert report_commune_rows(province, start, end, Boundaries.PERIOD, history=history) == expected
        assert report_commune_rows(province, start, end, Boundaries.PERIOD) == expected
    assert ended in history and ended not in report_commune_rows(
        province, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), Boundaries.PERIOD, history=history)
