"""Every workbook the app makes, rendered and read back from the saved file: A4 page setup (orientation, one
page wide, header rows repeated, print area, "Trang &P/&N"), Times New Roman on every cell, and a number format
on every numeric cell of every table (counts #,##0, money in đồng, rates as percentages, dates dd/mm/yyyy)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dashboard.services import figures_refresh_all
from directory.sheets import FONT_NAME, NUMBER_FORMATS, RATE
from households.exporting import export_reviews
from households.models import EscapePlan
from plans.excel import quota_workbook_bytes
from reports.other_reports import build_escape_list_report, build_task_progress_report
from reports.periods import Period
from reports.poverty import build_poverty_report
from tests.funds.conftest import funds_data, funds_plan, ldtbxh, projects  # noqa: F401
from tests.households.factories import HouseholdFactory
from tests.plans.conftest import plan, quota_table  # noqa: F401
from tests.print_checks import assert_print_ready
from tests.reports.test_poverty_report import dataset  # noqa: F401

pytestmark = pytest.mark.django_db

FORMATS = set(NUMBER_FORMATS.values())


def assert_numbers_formatted(ws) -> int:
    """Every int/float cell below the repeated header rows has one of the shared formats; a column whose header
    says "(%)" holds percentage cells. Returns how many numeric cells were checked."""
    last_header = int(ws.print_title_rows.split(":")[-1].strip("$"))
    headers = {}
    for row in ws.iter_rows(min_row=last_header - 1, max_row=last_header):
        for cell in row:
            if isinstance(cell.value, str):
                headers[cell.column] = cell.value
    checked = 0
    for row in ws.iter_rows(min_row=last_header + 1):
        for cell in row:
            if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float, datetime.date)):
                continue
            assert cell.number_format in FORMATS, f"{ws.title}!{cell.coordinate} = {cell.value}: {cell.number_format}"
            if headers.get(cell.column, "").endswith("(%)"):
                assert cell.number_format == NUMBER_FORMATS[RATE], f"{ws.title}!{cell.coordinate}"
            checked += 1
    return checked


def check_workbook(content, *, landscape=None, expect_numbers=True):
    wb = load_workbook(io.BytesIO(content) if isinstance(content, bytes) else content)
    for ws in wb.worksheets:
        assert_print_ready(ws, landscape=landscape)
        if expect_numbers:
            assert assert_numbers_formatted(ws) > 0, ws.title
    return wb


def test_poverty_report(dataset, district, tmp_path):  # noqa: F811
    path = tmp_path / "bao-cao.xlsx"
    build_poverty_report(unit=district, period=Period("year", 2024), output=path, appendix=tmp_path / "phu-luc.xlsx")
    wb = check_workbook(path, landscape=True)
    # the documents that are printed and signed: the summary and (annual, six-month) the programme funds, one page
    assert wb.sheetnames == ["Tổng hợp", "Kinh phí"]
    summary = wb["Tổng hợp"]
    assert summary.print_title_rows.count("$") == 2 and summary.print_title_rows != "$1:$1"
    # a district's summary (a few dozen communes) prints on one page with its signatures
    assert int(summary.page_setup.fitToHeight) == 1
    appendix = check_workbook(tmp_path / "phu-luc.xlsx", landscape=True)
    for ws in appendix.worksheets:
        assert any("Phụ lục kèm theo Báo cáo kết quả giảm nghèo" in str(c.value) for row in ws.iter_rows(max_row=12)
                   for c in row), ws.title


def test_task_progress_report(plan, agency, tmp_path):  # noqa: F811
    from plans.models import Task

    Task.objects.create(plan=plan, agency=agency, text="Cấp thẻ BHYT", order=1)
    path = tmp_path / "tien-do.xlsx"
    build_task_progress_report(plan=plan, output=path, today=datetime.date(2024, 7, 1))
    check_workbook(path)


def test_escape_list(district, commune_a, tmp_path):
    EscapePlan.objects.create(household=HouseholdFactory(commune=commune_a, code="XB-01"), target_year=2024,
                              measures="Vay vốn nuôi bò")
    path = tmp_path / "thoat-ngheo.xlsx"
    build_escape_list_report(unit=district, year=2024, output=path)
    check_workbook(path, landscape=True)


def test_household_export(dataset, commune_a, tmp_path):  # noqa: F811
    path = tmp_path / "ra-soat.xlsx"
    assert export_reviews(unit=commune_a, year=2024, output=path) > 0
    check_workbook(path, landscape=True)


def test_dashboard_workbook(dataset, client_for, district_staff):  # noqa: F811
    figures_refresh_all()
    response = client_for(district_staff).get(reverse("dashboard:excel"), {"nam": 2024})
    wb = load_workbook(io.BytesIO(response.content))
    for ws in wb.worksheets:
        assert_print_ready(ws)
        assert_numbers_formatted(ws)
    assert assert_numbers_formatted(wb["Chỉ số chính"]) > 10


def test_quota_appendix(quota_table):  # noqa: F811
    # An appendix attached to a signed plan: no national motto or signatures of its own, the rest the same.
    ws = load_workbook(io.BytesIO(quota_workbook_bytes(quota_table))).active
    assert ws.page_setup.orientation == "portrait" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows and ws.print_area and "&P" in ws.oddFooter.center.text
    assert {c.font.name for row in ws.iter_rows() for c in row if c.value is not None} == {FONT_NAME}


def test_funds_sheet_of_the_six_month_report(funds_data, district, tmp_path):  # noqa: F811
    """The six-month report's "Kinh phí" sheet: money #,##0 đ, disbursement rates as percentages with two decimals,
    landscape, one page wide, header rows repeated, signatures."""
    path = tmp_path / "sau-thang.xlsx"
    build_poverty_report(unit=district, period=Period("half", 2024, 1), output=path)
    ws = load_workbook(path)["Kinh phí"]  # no households in this test: only the funds sheet has figures
    assert_print_ready(ws, landscape=True)
    assert assert_numbers_formatted(ws) > 10
    rates = [c for row in ws.iter_rows() for c in row if c.number_format == NUMBER_FORMATS[RATE] and c.value]
    assert rates and all(0 < c.value <= 1 for c in rates)
    assert any(c.value == "Thủ trưởng đơn vị" for row in ws.iter_rows() for c in row)


def test_funds_export(funds_data, funds_plan):  # noqa: F811
    import io as _io

    from funds.excel import funds_workbook

    buffer = _io.BytesIO()
    funds_workbook(plan=funds_plan, year=2024).save(buffer)
    check_workbook(buffer.getvalue(), landscape=True)
