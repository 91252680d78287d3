"""Print-ready worksheets: the one set of helpers every workbook the app makes is built with.

Offices print what they send upward, sign it and stamp it, so every sheet carries:

- Times New Roman (full Vietnamese coverage; LibreOffice substitutes the metric-equal
  Liberation Serif) on every cell, also the unstyled ones (the workbook's default font);
- a document header: issuing body and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" side by side,
  the title, the period, the unit, the poverty standard used; rows tall enough for them;
- column headers in one row, or two where the official form groups columns
  (``Column.group``: "Trong đó" over "Hộ không có KNLĐ" and "Hộ có KNLĐ");
- A4, landscape when the table is wide, one page wide, the column headers repeated on
  every page, print area, margins, "Trang 1/3" in the footer;
- a signature block: place and date, "Người lập biểu" and "Thủ trưởng đơn vị".

Number formats match the screens (``COUNT``, ``MONEY``, ``RATE``, ``DATE``), and cells stay
numbers. Rates are written as fractions (12,34 % is 0.1234) so the percentage format shows
them with the screen's two decimals.

Works the same on a normal worksheet and on openpyxl's write-only one (large reports
stream their rows): rows are only ever appended, styled cells are ``WriteOnlyCell``, and
everything about a row (height) or a column (width) is set before the row is written.

Usage::

    sheet = DocumentSheet(ws, columns=[Column("STT", 6, ORDER), Column("Xã", 20),
                                       Column("Số hộ", 12, COUNT)], header=DocumentHeader(...))
    sheet.start()
    for ...: sheet.row([...])
    sheet.row([...], bold=True)            # a total row
    sheet.finish(signature=Signature(place="Thọ Xuân"))
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.named_styles import NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties

FONT_NAME = "Times New Roman"
FONT_SIZE = 11
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PREPARER = "Người lập biểu"
HEAD_OF_UNIT = "Thủ trưởng đơn vị"
FOOTER = "Trang &P/&N"
PAPER_A4 = "9"  # the SpreadsheetML paper size code

# Kinds of column: how a value is aligned and which number format it gets.
TEXT = "text"
ORDER = "order"  # STT: a plain whole number, centred
CODE = "code"  # codes and years: numbers or text shown as written, no separators
COUNT = "count"
DECIMAL = "decimal"  # a count that may have a fraction (1 decimal), e.g. "cần đạt đến nay"
MONEY = "money"
RATE = "rate"
DATE = "date"
MARK = "mark"  # "x" columns, centred

NUMBER_FORMATS = {
    COUNT: "#,##0",
    DECIMAL: "#,##0.0",
    MONEY: '#,##0" đ"',
    RATE: "0.00%",
    DATE: "dd/mm/yyyy",
    ORDER: "0",
    CODE: "0",  # a year or a numeric code: no thousand separator
}
NUMERIC_KINDS = (COUNT, DECIMAL, MONEY, RATE, DATE, ORDER)

LANDSCAPE_WIDTH = 110  # total column width (characters) above which a table prints landscape
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="top")
_CENTRE_TOP = Alignment(horizontal="center", vertical="top")
_LINE_HEIGHT = 15.0  # points per line of 11 pt text


def font(*, bold: bool = False, italic: bool = False, size: float = FONT_SIZE) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def use_document_font(wb) -> None:
    """Make Times New Roman the workbook's default font, so every cell (styled or not) uses it.

    openpyxl has no public setter: the default is the first font of the stylesheet and the
    "Normal" style's font. Call it on a new workbook, before any cell is styled.
    """
    base = font()
    wb._fonts = IndexedList([base])
    normal = NamedStyle(name="Normal", font=base)
    wb._named_styles = type(wb._named_styles)()
    wb._named_styles.append(normal)
    wb._named_styles["Normal"].bind(wb)


def rate(value: float | None) -> float | None:
    """A rate shown on screens as 12,34 % (already rounded to two decimals) as the cell value 0.1234."""
    if value is None:
        return None
    return round(value / 100, 6)


def issuing_body(unit) -> str:
    """"UBND HUYỆN THỌ XUÂN": the people's committee of ``unit``, as a document's top-left line."""
    if unit is None:
        return ""
    return f"UBND {unit.get_kind_display().upper()} {unit.name.upper()}"


_PLACE_DATE = re.compile(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}$")


def is_signature_row(cells) -> bool:
    """Whether a row read back from a sheet starts the signature block (importers stop reading there)."""
    for value in cells:
        if isinstance(value, str):
            text = value.strip()
            if text in (PREPARER, HEAD_OF_UNIT) or "tháng" in text and _PLACE_DATE.search(text):
                return True
    return False


def vietnamese_date(day: datetime.date) -> str:
    return f"ngày {day:%d} tháng {day:%m} năm {day:%Y}"


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 12
    kind: str = TEXT
    group: str | None = None  # top header over consecutive columns with the same group

    @property
    def number_format(self) -> str | None:
        return NUMBER_FORMATS.get(self.kind)


@dataclass
class DocumentHeader:
    """The lines above the table. Empty lines are left out."""

    title: str
    issuer: str = ""  # "UBND HUYỆN THỌ XUÂN"
    issuer_office: str = ""  # second line under the issuer, e.g. "PHÒNG LAO ĐỘNG - TB&XH"
    period: str = ""  # "Năm 2024 (từ 01/01/2024 đến 31/12/2024)"
    unit: str = ""  # "Đơn vị: Thanh Hóa / Thọ Xuân (mã 395)"
    standard: str = ""  # "Chuẩn nghèo: ... (Nghị định 07/2021/NĐ-CP)"
    notes: list[str] = field(default_factory=list)


@dataclass
class Signature:
    place: str = ""
    day: datetime.date | None = None
    left: str = PREPARER
    right: str = HEAD_OF_UNIT
    left_hint: str = "(Ký, ghi rõ họ tên)"
    right_hint: str = "(Ký tên, đóng dấu)"

    def place_and_date(self) -> str:
        day = self.day or datetime.date.today()
        return f"{self.place}, {vietnamese_date(day)}" if self.place else vietnamese_date(day).capitalize()


class DocumentSheet:
    """Writes one print-ready table into ``ws``: ``start()``, then ``row()``/``note()``, then ``finish()``."""

    def __init__(self, ws, *, columns: Sequence[Column], header: DocumentHeader, landscape: bool | None = None,
                 freeze_columns: int = 0):
        self.ws = ws
        self.columns = list(columns)
        self.header = header
        self.width = sum(c.width for c in self.columns)
        self.landscape = self.width > LANDSCAPE_WIDTH if landscape is None else landscape
        self.freeze_columns = freeze_columns
        self.row_index = 0  # the last row written
        self.header_rows: tuple[int, int] | None = None
        self.first_data_row: int | None = None
        self._styles: dict[tuple[int, bool], dict] = {}
        self._templates: dict[tuple[int, bool], object] = {}
        self._style_ids: dict[tuple, int] = {}
        self._plans: dict[tuple, tuple] = {}  # fast rows: per (bold, kinds, length) the cells' XML prefixes
        self._merge = getattr(ws, "merge_cells", None)

    # ------------------------------------------------------------------ low level

    @property
    def last_column(self) -> int:
        return len(self.columns)

    def _cell(self, value, *, style: dict | None = None):
        cell = WriteOnlyCell(self.ws, value=value)
        for name, attr in (style or {}).items():
            setattr(cell, name, attr)
        return cell

    def _styled(self, value, key: tuple[int, bool, str | None]):
        """A data cell styled like its column. Styling a cell through openpyxl's attributes hashes every
        style object each time (most of the time of a large export); a copy of a styled cell's style ids
        is the same style at no cost."""
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._cell(None, style=self._style(*key))
        cell = WriteOnlyCell(self.ws, value=value)
        cell._style = copy(template._style)
        return cell

    def _append(self, cells: list, *, height: float | None = None) -> int:
        self.row_index += 1
        if height:
            self.ws.row_dimensions[self.row_index].height = height
        if self._raw_rows() and self.ws._writer is None:
            # where openpyxl would make its writer (the first row): ours, which takes fast rows
            self.ws._fast_row = None
            self.ws._writer = _SheetWriter(self.ws)
            self.ws._writer.write_top()
        self.ws.append(cells)
        return self.row_index

    def _raw_rows(self) -> bool:
        """Whether rows go to ``_SheetWriter`` as XML strings: a write-only sheet no one else has written to."""
        if not _RAW_ROWS or not isinstance(self.ws, _WriteOnlyWorksheet):
            return False
        return self.ws._writer is None or isinstance(self.ws._writer, _SheetWriter)

    def merge(self, first_col: int, last_col: int, *, rows: tuple[int, int] | None = None) -> None:
        top, bottom = rows or (self.row_index, self.row_index)
        if first_col == last_col and top == bottom:
            return
        if self._merge is not None:
            self._merge(start_row=top, start_column=first_col, end_row=bottom, end_column=last_col)
        else:  # write-only: the merge is written with the sheet's tail
            self.ws.merged_cells.add(CellRange(min_col=first_col, min_row=top, max_col=last_col, max_row=bottom))

    def _span_width(self, first: int, last: int) -> float:
        return sum(c.width for c in self.columns[first - 1:last])

    def _lines(self, text: str, first: int, last: int, size: float = FONT_SIZE) -> int:
        return _text_lines(str(text), max(6.0, self._span_width(first, last) * 0.95 * FONT_SIZE / size))

    def line(self, text: str, *, bold=False, italic=False, size: float = FONT_SIZE, align="center",
             first: int = 1, last: int | None = None) -> int:
        """A line of text merged over the columns ``first``..``last`` (default: the whole table)."""
        last = last or self.last_column
        height = round(self._lines(text, first, last, size) * (size * 1.4 + 2), 1)
        cells = [None] * (first - 1) + [self._cell(text, style={
            "font": font(bold=bold, italic=italic, size=size),
            "alignment": Alignment(horizontal=align, vertical="center", wrap_text=True)})]
        row = self._append(cells, height=height)
        self.merge(first, last)
        return row

    def _pair(self, left: str, right: str, *, left_style: dict, right_style: dict, height=None) -> int:
        """Two texts side by side: the left ~40 % of the table and the right ~60 %."""
        split = self._split()
        cells = [self._cell(left, style=left_style)] + [None] * (split - 1) + [self._cell(right, style=right_style)]
        row = self._append(cells, height=height)
        self.merge(1, split)
        self.merge(split + 1, self.last_column)
        return row

    def _split(self) -> int:
        if self.last_column < 2:
            return 1
        running, target = 0.0, self.width * 0.42
        for index, column in enumerate(self.columns, start=1):
            running += column.width
            if running >= target:
                return min(max(index, 1), self.last_column - 1)
        return self.last_column - 1

    # ------------------------------------------------------------------ document

    def start(self) -> None:
        """Column widths, the document header and the column headers. Call before any row."""
        for index, column in enumerate(self.columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = column.width
        h = self.header
        # A write-only sheet writes its properties and panes with its first row: set them now.
        self.ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        lines = 4 + sum(1 for text in (h.period, h.unit, h.standard) if text) + len(h.notes) + 1
        header_height = 2 if any(c.group for c in self.columns) else 1
        self.ws.freeze_panes = f"{get_column_letter(self.freeze_columns + 1)}{lines + header_height + 1}"
        bold_centre = {"font": font(bold=True), "alignment": _CENTRE}
        self._pair(h.issuer, NATION, left_style=bold_centre, right_style=bold_centre, height=18)
        underline = {"font": Font(name=FONT_NAME, size=FONT_SIZE, bold=True, underline="single"), "alignment": _CENTRE}
        self._pair(h.issuer_office, MOTTO, left_style=bold_centre if h.issuer_office else {}, right_style=underline,
                   height=18)
        self._append([])
        self.line(h.title, bold=True, size=14)
        for text, italic in ((h.period, True), (h.unit, False), (h.standard, True)):
            if text:
                self.line(text, italic=italic)
        for text in h.notes:
            self.line(text, italic=True, size=10, align="left")
        self._append([], height=8)
        self._column_headers()
        assert self.row_index == lines + header_height, "the frozen rows must match the header"
        self.first_data_row = self.row_index + 1

    def _column_headers(self) -> None:
        grouped = any(c.group for c in self.columns)
        style = {"font": font(bold=True), "alignment": _CENTRE, "border": BORDER}
        # bold text is wider and wraps at word boundaries: count on fewer characters per line
        lines = max(self._lines(c.header, i, i, size=FONT_SIZE * 1.35) for i, c in enumerate(self.columns, start=1))
        if not grouped:
            top = self._append([self._cell(c.header, style=style) for c in self.columns],
                               height=min(lines, 7) * _LINE_HEIGHT + 4)
            self.header_rows = (top, top)
            return
        spans = []  # (first, last) column of each group, 1-based
        for index, column in enumerate(self.columns, start=1):
            if column.group and (index == 1 or self.columns[index - 2].group != column.group):
                last = index
                while last < self.last_column and self.columns[last].group == column.group:
                    last += 1
                spans.append((column.group, index, last))
        group_lines = max((self._lines(g, first, last, size=FONT_SIZE * 1.35) for g, first, last in spans), default=1)
        top_cells = [self._cell(c.group or c.header, style=style) for c in self.columns]
        top = self._append(top_cells, height=group_lines * _LINE_HEIGHT + 4)
        sub = self._append([self._cell(c.header if c.group else None, style=style) for c in self.columns],
                           height=min(lines, 7) * _LINE_HEIGHT + 4)
        index = 1
        while index <= self.last_column:
            group = self.columns[index - 1].group
            end = index
            if group:
                while end < self.last_column and self.columns[end].group == group:
                    end += 1
                self.merge(index, end, rows=(top, top))
            else:
                self.merge(index, index, rows=(top, sub))
            index = end + 1
        self.header_rows = (top, sub)

    def _style(self, index: int, bold: bool, kind: str | None = None) -> dict:
        key = (index, bold, kind)
        if key not in self._styles:
            kind = kind or self.columns[index].kind
            style = {"border": BORDER}
            if bold:
                style["font"] = font(bold=True)
            if kind in NUMBER_FORMATS:
                style["number_format"] = NUMBER_FORMATS[kind]
            if kind in NUMERIC_KINDS and kind != ORDER:
                style["alignment"] = _RIGHT
            elif kind in (ORDER, MARK, CODE):
                style["alignment"] = _CENTRE_TOP
            else:
                style["alignment"] = _LEFT_WRAP
            self._styles[key] = style
        return self._styles[key]

    def row(self, values: Sequence, *, bold: bool = False, height: float | None = None,
            kinds: Sequence[str | None] | None = None) -> int:
        """A table row: every cell bordered, numbers in their column's format (None stays empty).

        ``kinds`` overrides the column kinds for this row (a list of mixed figures: counts and rates)."""
        if self._raw_rows():
            made = _cells_xml(values, self._plan(bold, kinds, len(values)), str(self.row_index + 1))
            if made is not None:
                cells, lines = made
                if height is None:  # as below, counted while making the cells
                    height = lines * _LINE_HEIGHT + 1 if lines > 1 else None
                # the height as openpyxl writes a row dimension, without making one per row
                attrs = f' ht="{float(height):.16g}" customHeight="1"' if height else ""
                self.ws._fast_row = (self.row_index + 1, cells, attrs)
                return self._append([])
        if height is None:
            # Spreadsheets do not grow a row for wrapped text when they open a file: size it here.
            lines = self._row_lines(values)
            height = lines * _LINE_HEIGHT + 1 if lines > 1 else None
        kinds = list(kinds or [None] * len(values))
        cells = [self._styled(value, (index, bold, kinds[index])) for index, value in enumerate(values)]
        return self._append(cells, height=height)

    def _row_lines(self, values: Sequence) -> int:
        """The lines of the row's longest wrapped text (``_lines`` of each text longer than 5 characters)."""
        return max((self._lines(value, index, index) for index, value in enumerate(values, start=1)
                    if isinstance(value, str) and len(value) > 5), default=1)

    def _column_per_line(self, index: int) -> float:
        """Characters per line of 11 pt text in column ``index`` (0-based), as ``_lines`` counts them."""
        return max(6.0, self._span_width(index + 1, index + 1) * 0.95 * FONT_SIZE / FONT_SIZE)

    def _plan(self, bold: bool, kinds, length: int) -> tuple:
        """Per cell of a fast row: ``'<c r="B'``, ``'" s="7" t='`` (its column letter and style id), the
        characters per line of the column, the rest of an empty cell and the column's texts already made."""
        key = (bold, tuple(kinds) if kinds else None, length)
        plan = self._plans.get(key)
        if plan is None:
            kinds = list(kinds or [None] * length)
            plan = []
            for index in range(length):
                style = f'" s="{self._style_id((index, bold, kinds[index]))}" t='
                plan.append((f'<c r="{_letter(index + 1)}', style, self._column_per_line(index), f'{style}"n"></c>',
                             {}))
            plan = self._plans[key] = tuple(plan)
        return plan

    def _style_id(self, key: tuple) -> int:
        style_id = self._style_ids.get(key)
        if style_id is None:
            template = self._templates.get(key)
            if template is None:
                template = self._templates[key] = self._cell(None, style=self._style(*key))
            style_id = self._style_ids[key] = self.ws.parent._cell_styles.add(template._style)
        return style_id

    def blank(self, height: float | None = None) -> int:
        return self._append([], height=height)

    def note(self, text: str, *, italic: bool = True, size: float = 10) -> int:
        return self.line(text, italic=italic, size=size, align="left")

    def finish(self, *, signature: Signature | None = None, one_page: bool = False) -> None:
        """The signature block (when given), then the page setup. Call after the last row.

        ``one_page`` fits the sheet to one page tall as well as wide (a short table that would spill its
        last rows and signatures onto a second page)."""
        last_table_row = self.row_index
        if signature is not None:
            self._append([], height=10)
            italic = {"font": font(italic=True), "alignment": _CENTRE}
            bold = {"font": font(bold=True), "alignment": _CENTRE}
            self._pair("", signature.place_and_date(), left_style={}, right_style=italic)
            self._pair(signature.left, signature.right, left_style=bold, right_style=bold)
            self._pair(signature.left_hint, signature.right_hint, left_style=italic, right_style=italic)
            for _ in range(4):  # room for signatures and the stamp
                self._append([], height=18)
        print_setup(self.ws, last_column=self.last_column, last_row=max(self.row_index, last_table_row),
                    title_rows=self.header_rows, landscape=self.landscape, one_page=one_page)


def print_setup(ws, *, last_column: int, last_row: int, title_rows: tuple[int, int] | None, landscape: bool,
                one_page: bool = False) -> None:
    """A4, one page wide (and tall with ``one_page``), header rows on every page, print area, margins and
    "Trang 1/3" in the footer."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    ws.print_area = f"A1:{get_column_letter(last_column)}{max(last_row, 1)}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.6
    ws.page_margins.header = 0.2
    ws.page_margins.footer = 0.25
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = f"{FONT_NAME},Regular"
    ws.oddFooter.center.size = 10


def save_workbook(workbook, output, *, compresslevel: int = 3) -> None:
    """``workbook.save(output)`` (a path or a binary file object) with a faster deflate level than zlib's
    default 6: a district's export is 70 MB of sheet XML, 1,4 s of CPU at level 6 and 0,6 s at level 3,
    for a file 22 % larger (5,9 → 7,2 MB; level 1: 0,4 s, 8,5 MB)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if workbook.read_only:
        raise TypeError("Workbook is read-only")
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    with ZipFile(output, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=compresslevel) as archive:
        workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()


# --------------------------------------------------------------------------- fast rows (write-only sheets)
#
# openpyxl builds a cell object per value, copies its style and writes it through four nested XML
# elements: 3–4 ms per row of a 28-column table, minutes for a district's 60.000-row export and most of
# a province's report. Building the same elements with lxml by hand still cost 0,2 ms a row (issue 12).
# A data row of plain values (text, numbers, booleans, empty) in a write-only sheet is therefore made
# as one string of the very XML openpyxl writes (same style ids, types, row attributes; see
# tests/directory/test_sheets.py) from per-column prefixes made once, and written straight into the
# sheet's file by ``_SheetWriter``. Anything else (dates, formulas, error codes, control characters)
# keeps openpyxl's path.

try:
    from openpyxl import LXML as _LXML
    from openpyxl.cell.cell import ERROR_CODES as _ERROR_CODES
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as _ILLEGAL
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet as _WriteOnlyWorksheet
    from openpyxl.worksheet._writer import WorksheetWriter as _WorksheetWriter
    from openpyxl.xml.constants import SHEET_MAIN_NS as _SHEET_MAIN_NS
    from openpyxl.xml.functions import xmlfile as _xmlfile
except ImportError:  # pragma: no cover - lxml is in requirements.txt
    _LXML = False

_RAW_ROWS = bool(_LXML)  # tests switch it off to compare with openpyxl's own output
# one search finds what is not plain text (openpyxl's illegal characters) or needs escaping (& < > and
# the carriage return, which lxml writes as a character reference); surrogates and U+FFFE/U+FFFF are
# left to lxml, which refuses them as before
_SPECIAL = re.compile(r"[\000-\010\013\014\016-\037&<>\r\ud800-\udfff\ufffe\uffff]")
_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
_MAX_TEXT = 32767
_TEXTS_PER_COLUMN = 4096  # bounded: a column of unique codes stops adding


def _fast_row_possible(ws, values) -> bool:
    """Whether ``values`` can be written as a fast row of ``ws`` (a write-only sheet, plain values)."""
    if not _LXML or not isinstance(ws, _WriteOnlyWorksheet):
        return False
    return all(_plain(value) for value in values)


def _plain(value) -> bool:
    if value is None or isinstance(value, bool | int | float):
        return True
    return isinstance(value, str) and not (len(value) > 1 and value.startswith("=")) \
        and value not in _ERROR_CODES and not _ILLEGAL.search(value) and len(value) <= _MAX_TEXT


def _text_xml(value: str) -> str:
    """``value`` as lxml writes a text node in UTF-8."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _number_xml(value) -> str:
    """openpyxl's ``safe_string`` of a number: 16 significant digits, NaN and infinity as nothing."""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return ""
    return f"{value:.16g}"


def _text_lines(text: str, per_line: float) -> int:
    """Lines of ``text`` wrapped at ``per_line`` characters (each line break starts a line)."""
    return max(1, sum(math.ceil(max(1, len(part)) / per_line) for part in text.split("\n")))


def _cells_xml(values, plan, number: str) -> tuple[str, int] | None:
    """The ``<c>`` elements of one row numbered ``number`` and the lines of its longest wrapped text (as
    ``DocumentSheet._row_lines`` counts them), or None when a value needs openpyxl's cells.

    ``plan`` holds, per column, ``'<c r="B'``, ``'" s="7" t='``, the characters per line, the rest of an
    empty cell and a cache of the column's texts (labels, names and places repeat: each is checked,
    escaped and measured once): only the row number and the value are added per cell."""
    parts = []
    append = parts.append
    lines = 1
    for value, (ref, style, per_line, empty, texts) in zip(values, plan, strict=True):
        if value is None:
            append(f"{ref}{number}{empty}")
        elif isinstance(value, str):
            made = texts.get(value)
            if made is None:
                made = _text_cell(value, style, per_line)
                if made is None:
                    return None
                if len(texts) < _TEXTS_PER_COLUMN:
                    texts[value] = made
            append(f"{ref}{number}{made[0]}")
            if made[1] > lines:
                lines = made[1]
        elif isinstance(value, bool):
            append(f'{ref}{number}{style}"b"><v>{1 if value else 0}</v></c>')
        elif isinstance(value, int | float):
            append(f'{ref}{number}{style}"n"><v>{_number_xml(value)}</v></c>')
        else:
            return None
    return "".join(parts), lines


def _text_cell(value: str, style: str, per_line: float) -> tuple[str, int] | None:
    """A text cell after its row number, and its lines; None for a text openpyxl must write (a formula, an
    error code, a character XML cannot hold, too long)."""
    length = len(value)
    if not length:
        return f'{style}"inlineStr"></c>', 1
    if (length > 1 and value[0] == "=") or value in _ERROR_CODES or length > _MAX_TEXT:
        return None
    text = value
    if _SPECIAL.search(value):
        if _ILLEGAL.search(value) or _NOT_XML.search(value):
            return None
        text = _text_xml(value)
    # a text no longer than a line is one line (per_line >= 6), as _row_lines counts
    lines = _text_lines(value, per_line) if length > per_line or (length > 5 and "\n" in value) else 1
    if value != value.strip():  # as openpyxl decides it
        return f'{style}"inlineStr"><is><t xml:space="preserve">{text}</t></is></c>', lines
    return f'{style}"inlineStr"><is><t>{text}</t></is></c>', lines


_LETTERS: dict[int, str] = {}


def _letter(index: int) -> str:
    letter = _LETTERS.get(index)
    if letter is None:
        letter = _LETTERS[index] = get_column_letter(index)
    return letter


if _LXML:
    class _SheetWriter(_WorksheetWriter):
        """openpyxl's writer of a write-only sheet that holds the sheet's file itself, so that a fast row's
        XML string goes straight into it (lxml only writes markup it has built). Everything else, rows
        of openpyxl's cells included, still goes through lxml, whose buffer is flushed before a fast row
        so that the file keeps the order of the rows. The file is UTF-8 (openpyxl's is ASCII with
        character references: the same XML, read by any parser alike, and smaller for Vietnamese)."""

        def __init__(self, ws):
            self._file = None
            self._lxml_pending = True  # lxml may hold bytes not yet in the file
            super().__init__(ws)

        def get_stream(self):  # openpyxl's, on a file object
            with (open(self.out, "wb") as self._file, _xmlfile(self._file, encoding="utf-8") as xf,
                  xf.element("worksheet", xmlns=_SHEET_MAIN_NS)):
                try:
                    while True:
                        el = (yield)
                        if el is True:
                            yield xf
                        elif el is None:
                            continue
                        else:
                            xf.write(el)
                except GeneratorExit:
                    pass

        def write_row(self, xf, row, row_idx):
            fast = self.ws._fast_row
            if fast is None:
                self._lxml_pending = True
                return super().write_row(xf, row, row_idx)
            self.ws._fast_row = None
            number, cells, attrs = fast
            if number != row_idx:
                raise RuntimeError(f"fast row {number} written as row {row_idx}: rows appended around DocumentSheet")
            if self._lxml_pending:
                xf.flush()
                self._lxml_pending = False
            self._file.write(f'<row r="{row_idx}"{attrs}>{cells}</row>'.encode())
            return None
