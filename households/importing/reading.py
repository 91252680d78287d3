"""Stage 1, read: the upload's name and size, the workbook, its header row and its data rows as plain tuples.

The sheet is streamed by ``directory.xlsx_rows`` (openpyxl's values, without its cell objects: a
50.000-row list read in about a fifth of openpyxl's time); nothing here knows what a cell means.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings
from lxml import etree

from directory.sheets import is_signature_row
from directory.xlsx_guard import XlsxLimitError, check_xlsx
from directory.xlsx_rows import XlsxRows

from .columns import COL_CODE, header_key
from .faults import ImportFault, ImportRejected, file_fault
from .progress import EVERY

HEADER_SEARCH_ROWS = 50


def check_upload(*, name: str, size: int | None) -> None:
    """Only .xlsx within settings.IMPORT_MAX_FILE_SIZE (the design's upload rule)."""
    if not name.lower().endswith(".xlsx"):
        raise file_fault(f"Tệp “{name}” không phải tệp Excel .xlsx.")
    limit = settings.IMPORT_MAX_FILE_SIZE
    if size is not None and size > limit:
        raise ImportRejected([ImportFault(
            None, "", "", f"Tệp “{name}” nặng {size / 1048576:.1f} MB, vượt giới hạn {limit / 1048576:.0f} MB."
        )])


_UNREADABLE = (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, etree.XMLSyntaxError)


def _unreadable(exc: Exception) -> ImportRejected:
    return file_fault("Không đọc được tệp: tệp không phải bảng tính .xlsx hợp lệ "
                      f"({type(exc).__name__}).")


def open_workbook(source) -> XlsxRows:
    try:
        if hasattr(source, "seek"):
            source.seek(0)
        return XlsxRows(source)
    except _UNREADABLE as exc:
        raise _unreadable(exc) from exc


@dataclass
class SheetRows:
    """What the read stage hands on: the header row and every non-blank data row after it."""

    header_row: int  # Excel row number of the header
    header_cells: tuple
    width: int  # columns up to the last header cell; every row holds ``width + 1`` cells
    rows: list[tuple[int, tuple]]  # (Excel row number, cells) of the rows that are not blank


def find_header(workbook: XlsxRows):
    """The first sheet and row holding a cell "Mã hộ"; returns (row number, cells, rows iterator)."""
    mark = header_key(COL_CODE)
    for sheet in workbook.sheets:
        rows = workbook.rows(sheet)
        for number, cells in enumerate(rows, start=1):
            if any(isinstance(v, str) and header_key(v) == mark for v in cells):
                return number, cells, rows
            if number >= HEADER_SEARCH_ROWS:
                break
        rows.close()
    return None, None, None


def header_width(header_cells) -> int:
    """Columns up to the last header cell that has text (at least 1)."""
    from .cells import cell_text

    last = [i for i, value in enumerate(header_cells) if cell_text(value)]
    return last[-1] + 1 if last else 1


def _is_blank(cells) -> bool:
    for v in cells:
        if v is None:
            continue
        if not isinstance(v, str) or v.strip():
            return False
    return True


def read_rows(source, progress=None) -> SheetRows:
    """Open the workbook, find the header, collect the data rows; raises ImportRejected when unreadable.

    The zip is checked first (``check_xlsx``: uncompressed size, cell length, rows), and the data rows
    are counted while reading: a file over ``IMPORT_MAX_ROWS`` is refused at the row past the limit.
    """
    try:
        check_xlsx(source)
    except XlsxLimitError as exc:
        raise file_fault(exc.message) from exc
    max_rows = settings.IMPORT_MAX_ROWS
    workbook = open_workbook(source)
    try:
        return _collect(workbook, max_rows, progress)
    except _UNREADABLE as exc:  # broken XML inside the zip, a cell reference that is not one, ...
        raise _unreadable(exc) from exc
    finally:
        workbook.close()


def _collect(workbook: XlsxRows, max_rows: int, progress) -> SheetRows:
    header_row, header_cells, rows = find_header(workbook)
    if header_row is None:
        raise file_fault(f"Không tìm thấy dòng tiêu đề: không có ô “{COL_CODE}” trong "
                         f"{HEADER_SEARCH_ROWS} dòng đầu của các trang tính.")
    width = header_width(header_cells)
    # Cells past the header's width are ignored; one more, always empty, stands for a missing column.
    pad = (None,) * (width + 1)
    data = []
    for number, cells in enumerate(rows, start=header_row + 1):
        if is_signature_row(cells):
            break  # an exported list ends with its signature block
        cells = cells[:width]
        if not _is_blank(cells):
            if len(data) >= max_rows:
                raise file_fault(f"Tệp có hơn {max_rows:,} dòng dữ liệu (giới hạn IMPORT_MAX_ROWS); dừng đọc ở "
                                 f"dòng {number}. Hãy chia thành nhiều tệp nhỏ hơn.".replace(",", "."))
            data.append((number, cells + pad[len(cells):]))
            if progress is not None and len(data) % EVERY == 0:
                progress.read = len(data)
    if progress is not None:
        progress.read = len(data)
    return SheetRows(header_row, tuple(header_cells), width, data)
