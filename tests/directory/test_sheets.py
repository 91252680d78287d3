"""The shared print-ready sheet helpers, on normal and write-only workbooks."""

import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from directory.sheets import (
    COUNT,
    DATE,
    MONEY,
    ORDER,
    RATE,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    rate,
    use_document_font,
)
from tests.print_checks import assert_number_formats, assert_print_ready, header_row

COLUMNS = [Column("STT", 6, ORDER), Column("Xã", 20), Column("Tổng số hộ", 12, COUNT),
           Column("Hộ không có KNLĐ", 12, COUNT, group="Trong đó"), Column("Hộ có KNLĐ", 12, COUNT, group="Trong đó"),
           Column("Tỷ lệ (%)", 12, RATE), Column("Ngày", 12, DATE), Column("Thu nhập", 30, MONEY),
           Column("Ghi chú", 30)]


@pytest.mark.parametrize("write_only", [False, True])
def test_document_sheet_is_print_ready(tmp_path, write_only):
    # given
    wb = Workbook(write_only=write_only)
    use_document_font(wb)
    ws = wb.create_sheet("Bảng") if write_only else wb.active
    sheet = DocumentSheet(ws, columns=COLUMNS, header=DocumentHeader(
        title="BÁO CÁO", issuer="UBND HUYỆN THỌ XUÂN", period="Năm 2024", unit="Đơn vị: Thọ Xuân",
        standard="Chuẩn nghèo giai đoạn 2022–2025"))
    # when
    sheet.start()
    for i in range(60):
        sheet.row([i + 1, "Xuân Bái", 12345, 3, 4, rate(12.34), datetime.date(2024, 3, 1), 1_500_000, ""])
    sheet.row([None, "Tổng cộng", 1, 2, 3, None, None, None, None], bold=True)
    sheet.finish(signature=Signature(place="Thọ Xuân", day=datetime.date(2024, 12, 20)))
    wb.save(tmp_path / "t.xlsx")
    # then
    ws = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    assert_print_ready(ws, landscape=True)
    top = header_row(ws, "STT")
    assert ws.print_title_rows == f"${top}:${top + 1}"  # the grouped header has two rows, both repeated
    assert ws.cell(row=top, column=4).value == "Trong đó" and ws.cell(row=top + 1, column=4).value == "Hộ không có KNLĐ"
    assert ws.freeze_panes == f"A{top + 2}"
    checked = assert_number_formats(ws, first_row=top + 2, formats={"C": COUNT, "F": RATE, "G": DATE, "H": MONEY})
    assert checked == 61 + 60 * 3
    assert ws.cell(row=top + 2, column=6).value == pytest.approx(0.1234)
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Thọ Xuân, ngày 20 tháng 12 năm 2024" in texts
    assert ws.row_dimensions[4].height >= 20  # the 14 pt title is not cut off


def test_narrow_table_prints_portrait(tmp_path):
    wb = Workbook()
    use_document_font(wb)
    sheet = DocumentSheet(wb.active, columns=COLUMNS[:3], header=DocumentHeader(title="DANH SÁCH"))
    sheet.start()
    sheet.row([1, "Xuân Bái", 3])
    sheet.finish()
    wb.save(tmp_path / "n.xlsx")
    assert_print_ready(load_workbook(tmp_path / "n.xlsx").active, landscape=False, signature=False)


def _fast_rows_sheet_xml(monkeypatch, mode: str) -> bytes:
    """The sheet XML of a small write-only document: ``openpyxl`` (its own cells and writer), ``cells``
    (openpyxl's cells through ``_SheetWriter``) or ``fast`` (rows written as XML strings)."""
    import zipfile

    from openpyxl import Workbook

    from directory import sheets

    if mode == "openpyxl":
        monkeypatch.setattr(sheets, "_RAW_ROWS", False)
    elif mode == "cells":
        monkeypatch.setattr(sheets, "_cells_xml", lambda values, plan, number: None)
    workbook = Workbook(write_only=True)
    columns = [sheets.Column("Mã", 10, sheets.CODE), sheets.Column("Tên", 20, sheets.TEXT),
               sheets.Column("Số", 10, sheets.COUNT), sheets.Column("x", 6, sheets.MARK)]
    sheet = sheets.DocumentSheet(workbook.create_sheet("A"), columns=columns,
                                 header=sheets.DocumentHeader(title="THỬ & <thử>"))
    sheet.start()
    for values in (["A1", "Lê Thị Hoa", 3, "x"], ["A2", " cách ", 1.5, None], ["A3", "", True, False],
                   ["A4", "Một tên rất dài " * 6, 1_500_000, None], ["A&B", "<b> \"Hoa\" & 'Lan'", -2, ">"],
                   ["A5", "dòng 1\r\ndòng 2\tcột", 12345678901234567, 0.1 + 0.2],
                   ["'=A1", "Trịnh\u00a0Văn Cường\u00a0", float("nan"), 10 ** 20],
                   ["A6", "=SUM(A1:A2)", None, "#N/A"],  # a formula and an error code: openpyxl's cells
                   ["A7", datetime.date(2024, 12, 14), 2, "x"],  # a date: openpyxl's cells
                   ["A8", "Một tên rất dài " * 6, 2, "x"], ["A9", "<b> \"Hoa\" & 'Lan'", 3, "x"]):  # texts made before
        sheet.row(values)
    sheet.row(["Tổng", None, 7, None], bold=True)
    sheet.row(["Tỉ lệ", "a", 0.1234, None], kinds=[None, None, sheets.RATE, None])
    sheet.finish()
    buffer = io.BytesIO()
    workbook.save(buffer)
    monkeypatch.undo()
    with zipfile.ZipFile(buffer) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_fast_rows_write_the_xml_openpyxl_writes(monkeypatch):
    """Data rows of plain values skip openpyxl's per-cell objects (issue 12): the sheet is the same XML."""
    from lxml import etree

    fast = _fast_rows_sheet_xml(monkeypatch, "fast")
    # byte for byte what openpyxl's cells give through the same writer (UTF-8) ...
    assert fast == _fast_rows_sheet_xml(monkeypatch, "cells")
    # ... and the same document as openpyxl's own writer (ASCII with character references)
    assert etree.tostring(etree.fromstring(fast), method="c14n") == \
        etree.tostring(etree.fromstring(_fast_rows_sheet_xml(monkeypatch, "openpyxl")), method="c14n")
    assert "Trịnh".encode() in fast


def test_fast_rows_read_back(tmp_path):
    import zipfile

    from directory import sheets

    path = tmp_path / "a.xlsx"
    workbook = Workbook(write_only=True)
    sheet = sheets.DocumentSheet(workbook.create_sheet("A"), columns=COLUMNS, header=sheets.DocumentHeader(title="T"))
    sheet.start()
    sheet.row([1, "Xuân & Bái <1>", 2_500_000])
    sheet.row([2, " a\r\nb ", None])
    sheet.finish()
    workbook.save(path)
    assert zipfile.is_zipfile(path)
    ws = load_workbook(path).active
    first = sheet.first_data_row
    assert [c.value for c in ws[first]][:3] == [1, "Xuân & Bái <1>", 2_500_000]
    assert [c.value for c in ws[first + 1]][:3] == [2, " a\r\nb ", None]
    assert ws.cell(first, 3).number_format == "#,##0"
    assert ws.cell(first, 1).border.left.style == "thin"


def test_rows_openpyxl_must_write_itself_keep_its_path():
    from openpyxl import Workbook

    from directory.sheets import _fast_row_possible

    ws = Workbook(write_only=True).create_sheet("A")
    assert _fast_row_possible(ws, ["a", 1, 2.5, None, True])
    assert not _fast_row_possible(ws, ["=SUM(A1:A2)"])
    assert not _fast_row_possible(ws, [datetime.date(2024, 12, 14)])
    assert not _fast_row_possible(ws, ["#N/A"])
    assert not _fast_row_possible(Workbook().active, ["a"])  # a normal sheet: openpyxl's cells
