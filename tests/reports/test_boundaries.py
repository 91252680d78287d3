"""Reports on either boundary (issue 10, points 6 and 8): the 2024 report of new Xã Lam Sơn on today's
boundaries is, cell by cell, the sum of its predecessors' 2024 rows; the historic report does not move
when the units are loaded and the households rehomed; ``build_report --boundaries``."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.lineage import REFORM_DATE as REFORM
from households.rehoming import households_rehome
from reports.boundaries import Boundaries, default_boundaries
from reports.periods import Period
from reports.poverty import build_poverty_report, sum_rows
from tests.factories import CommuneFactory
from tests.reports.factories import NEAR_POOR, NOT_POOR, POOR, HouseholdFactory, approved_review, total
from tests.reports.test_poverty_report import _summary

pytestmark = pytest.mark.django_db

YEAR_2024 = Period("year", 2024)


def _values(report):
    return [row.values() for row in report.rows]


def test_default_boundaries():
    old_unit = CommuneFactory(code="15547", name="Xuân Bái", valid_to=datetime.date(2025, 6, 30))
    new_unit = CommuneFactory(code="16000", name="Lam Sơn", valid_from=REFORM)
    assert default_boundaries(datetime.date(2024, 12, 31)) == Boundaries.PERIOD
    assert default_boundaries(datetime.date(2025, 12, 31)) == Boundaries.CURRENT
    assert default_boundaries(datetime.date(2024, 12, 31), new_unit) == Boundaries.CURRENT
    assert default_boundaries(datetime.date(2025, 12, 31), old_unit) == Boundaries.PERIOD


@pytest.fixture
def lam_son_history(dataset, reform):
    """Besides the dataset's Xuân Bái: a poor household in Thọ Xương and an escape in TT Lam Sơn, with
    the 2024 household totals of the three, and a household registered in the new xã after the reform."""
    x = HouseholdFactory(commune=reform.old["Thọ Xương"], code="X1")
    approved_review(x, year=2023, category=NEAR_POOR)
    approved_review(x, year=2024, category=POOR)
    t = HouseholdFactory(commune=reform.old["TT Lam Sơn"], code="T1")
    approved_review(t, year=2023, category=POOR)
    approved_review(t, year=2024, category=NOT_POOR)
    for name, value in (("Thọ Xương", 30), ("Xuân Bái", 40), ("TT Lam Sơn", 50)):
        total(reform.old[name], 2024, value)
    late = HouseholdFactory(commune=reform.new["Lam Sơn"], code="LS01")
    approved_review(late, year=2025, category=POOR, effective_date=datetime.date(2025, 9, 1))
    return reform


def test_lam_son_2024_on_current_boundaries_is_the_sum_of_its_predecessors(lam_son_history, tmp_path):
    reform = lam_son_history
    historic_before = _values(build_poverty_report(unit=reform.tho_xuan_district, period=YEAR_2024,
                                                   output=tmp_path / "h.xlsx"))

    # when the households follow their communes
    households_rehome()
    historic = build_poverty_report(unit=reform.tho_xuan_district, period=YEAR_2024, output=tmp_path / "h2.xlsx")
    by_name = {row.name: row for row in historic.rows}
    current = build_poverty_report(unit=reform.new["Lam Sơn"], period=YEAR_2024, output=tmp_path / "c.xlsx",
                                   boundaries=Boundaries.CURRENT)

    # then: one row, Lam Sơn, equal cell by cell to Thọ Xương + Xuân Bái + TT Lam Sơn
    assert [row.name for row in current.rows] == ["Lam Sơn", "Tổng cộng"]
    parts = [by_name["Thọ Xương"], by_name["Xuân Bái"], by_name["TT Lam Sơn"]]
    expected = sum_rows(reform.new["Lam Sơn"].code, "Lam Sơn", parts, "commune")
    assert current.rows[0].values() == expected.values()
    f = current.rows[0].figures
    assert (f.poor_start, f.escaped, f.new_poor, f.relapsed, f.poor_end) == (6, 4, 2, 1, 5)
    assert current.rows[0].total_households == 120 and current.rows[0].quota == 2
    # the historic report of the district is exactly what it was before the households moved
    assert _values(historic) == historic_before
    # the workbook says which boundaries it is on
    wb, _, body = _summary(tmp_path / "c.xlsx")
    texts = [str(c) for row in wb["Tổng hợp"].iter_rows(max_row=12, values_only=True) for c in row if c]
    assert any(t.startswith("Theo địa giới hiện nay") for t in texts)
    assert body["Lam Sơn"]["Hộ nghèo cuối kỳ"] == 5


def test_new_commune_on_the_boundaries_of_2024_lists_its_predecessors(lam_son_history, tmp_path):
    households_rehome()
    report = build_poverty_report(unit=lam_son_history.new["Lam Sơn"], period=YEAR_2024,
                                  output=tmp_path / "p.xlsx", boundaries=Boundaries.PERIOD)
    assert [row.name for row in report.rows] == ["Thọ Xương", "Xuân Bái", "TT Lam Sơn", "Tổng cộng"]
    assert report.total.figures.poor_end == 5


def test_old_boundary_figures_unchanged_by_the_unit_load(dataset, province, district, commune_c, request):
    # given the 2024 reports on the boundaries of 2024, before the new map exists
    h = HouseholdFactory(commune=commune_c, code="C1")
    approved_review(h, year=2024, category=POOR)
    before = {unit.code: _values(build_poverty_report(unit=unit, period=YEAR_2024, output=io.BytesIO()))
              for unit in (province, district)}

    # when the units and lineage are loaded and the households rehomed
    request.getfixturevalue("reform")
    households_rehome()

    # then every cell of the historic reports is the same
    after = {unit.code: _values(build_poverty_report(unit=unit, period=YEAR_2024, output=io.BytesIO(),
                                                     boundaries=Boundaries.PERIOD))
             for unit in (province, district)}
    assert after["395"][-1] == before["395"][-1]
    assert after["38"][-1] == before["38"][-1]
    # (the district now lists all 30 communes of the loaded map; the ones with households are unchanged)
    rows_before = {row[0]: row for row in before["395"]}
    assert all(rows_before[row[0]] == row for row in after["395"] if row[0] in rows_before)
    # and on today's boundaries the province has the same totals, over the new communes
    current = build_poverty_report(unit=province, period=YEAR_2024, output=io.BytesIO(),
                                   boundaries=Boundaries.CURRENT)
    assert current.total.figures == build_poverty_report(unit=province, period=YEAR_2024,
                                                         output=io.BytesIO()).total.figures
    names = [row.name for row in current.rows]
    assert "Lam Sơn" in names and "Sao Vàng" in names and "Xuân Bái" not in names


def test_build_report_code_is_resolved_at_the_end_of_the_period_or_today(dataset, reform, tmp_path):
    # 15499 was Thị trấn Thọ Xuân until 30/06/2025 and is the new Xã Thọ Xuân since
    h = HouseholdFactory(commune=reform.old["TT Thọ Xuân"], code="TT1")
    approved_review(h, year=2024, category=POOR)
    households_rehome()

    out = io.StringIO()
    call_command("build_report", "annual", "--year", "2024", "--unit", "15499", "--output",
                 str(tmp_path / "a.xlsx"), stdout=out)
    assert "theo địa giới của kỳ báo cáo" in out.getvalue()
    _, _, body = _summary(tmp_path / "a.xlsx")
    assert list(body) == ["TT Thọ Xuân", "Tổng cộng"]
    assert body["TT Thọ Xuân"]["Hộ nghèo cuối kỳ"] == 1

    out = io.StringIO()
    call_command("build_report", "annual", "--year", "2024", "--unit", "15499", "--boundaries", "current",
                 "--output", str(tmp_path / "b.xlsx"), stdout=out)
    assert "theo địa giới hiện nay" in out.getvalue()
    _, _, body = _summary(tmp_path / "b.xlsx")
    assert list(body) == ["Thọ Xuân", "Tổng cộng"]
    assert body["Thọ Xuân"]["Hộ nghèo cuối kỳ"] == 1

    # the district path of the issue still works on the boundaries of 2024
    call_command("build_report", "annual", "--year", "2024", "--unit", "Thanh Hóa/Thọ Xuân", "--output",
                 str(tmp_path / "d.xlsx"), stdout=io.StringIO())
    _, _, body = _summary(tmp_path / "d.xlsx")
    assert body["Tổng cộng"]["Hộ nghèo cuối kỳ"] == 6

    # the district has no successor: on today's boundaries that is a clear error, not a traceback
    with pytest.raises(CommandError, match="không có đơn vị kế thừa"):
        call_command("build_report", "annual", "--year", "2024", "--unit", "395", "--boundaries", "current",
                     "--output", str(tmp_path / "c.xlsx"))
