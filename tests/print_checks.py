"""Assertions on a saved workbook's print setup, shared by the tests of every workbook the app makes."""

from __future__ import annotations

from openpyxl.utils import column_index_from_string

from directory.sheets import FONT_NAME, NUMBER_FORMATS


def assert_print_ready(ws, *, landscape: bool | None = None, signature: bool = True) -> None:
    """A sheet of a saved (and reloaded) workbook: page setup, repeated header rows, print area, fonts."""
    setup = ws.page_setup
    assert setup.paperSize in (9, "9"), f"{ws.title}: giấy {setup.paperSize}, không phải A4"
    if landscape is not None:
        assert setup.orientation == ("landscape" if landscape else "portrait"), f"{ws.title}: {setup.orientation}"
    assert ws.sheet_properties.pageSetUpPr.fitToPage, f"{ws.title}: chưa đặt vừa trang"
    assert int(setup.fitToWidth) == 1, f"{ws.title}: không vừa một trang ngang"
    # 0: as many pages tall as the rows need; 1: a short document fitted on one page with its signatures
    assert int(setup.fitToHeight) in (0, 1), f"{ws.title}: fitToHeight {setup.fitToHeight}"
    assert ws.print_title_rows, f"{ws.title}: dòng tiêu đề không lặp lại trên mỗi trang"
    assert ws.print_area, f"{ws.title}: chưa đặt vùng in"
    assert "&P" in (ws.oddFooter.center.text or "") and "&N" in ws.oddFooter.center.text
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts, f"{ws.title}: thiếu quốc hiệu"
    if signature:
        assert "Người lập biểu" in texts and "Thủ trưởng đơn vị" in texts, f"{ws.title}: thiếu phần ký"
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {FONT_NAME}, f"{ws.title}: phông {fonts}"


def header_row(ws, first_header: str) -> int:
    """The row number of the column headers (the row whose first cell is ``first_header``)."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_header:
            return row[0].row
    raise AssertionError(f"{ws.title}: không thấy dòng tiêu đề “{first_header}”")


def assert_number_formats(ws, *, first_row: int, formats: dict[str, str], last_row: int | None = None) -> int:
    """Every numeric cell of the columns named in ``formats`` (column letter → kind) has the kind's format
    and holds a number. Returns how many cells were checked."""
    checked = 0
    for letter, kind in formats.items():
        col = column_index_from_string(letter)
        for row in ws.iter_rows(min_row=first_row, max_row=last_row or ws.max_row, min_col=col, max_col=col):
            cell = row[0]
            if cell.value is None or isinstance(cell.value, str) and not cell.value.strip():
                continue
            if isinstance(cell.value, str):
                break  # the table ended (notes, signature)
            assert cell.number_format == NUMBER_FORMATS[kind], f"{ws.title}!{cell.coordinate}: {cell.number_format}"
            checked += 1
    return checked
