"""Phụ lục 01 (chỉ tiêu giảm hộ nghèo của các xã) as an Excel workbook, in and out.

The layout is the seed's (Thọ Xuân 2024): title lines, a two-row header with
merged cells (TT | Tên đơn vị | Chỉ tiêu giao giảm hộ nghèo năm YYYY (hộ) |
Trong đó: Hộ không có KNLĐ, Hộ có KNLĐ | Ghi chú), one row per commune, a
TỔNG CỘNG row.

``quota_workbook`` writes it, ready to print on A4. ``quota_table_import`` reads
a person's file: it finds the header wherever it is, matches commune names with
the unit lookup, reads '-' and blank as 0, and checks every row and the TỔNG
CỘNG row with the very rules the web grid uses (``services.quotas``). It is all
or nothing: a file with any fault changes nothing and raises ``QuotaImportError``
listing every fault with its Excel row, cell and reason.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from directory.lineage import year_end
from directory.lookup import UnitLookupError, UnitResolver
from directory.models import AdministrativeUnit
from directory.sheets import FONT_NAME, print_setup, use_document_font
from directory.text import clean_text
from directory.xlsx_guard import XlsxLimitError, check_xlsx

from .models import Plan, QuotaRow, QuotaTable
from .services.quotas import (
    FIELD_LABELS,
    QuotaFigures,
    QuotaRowInput,
    QuotaValidationError,
    quota_table_replace,
    quota_table_totals,
    quota_table_validate,
)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADER_SEARCH_ROWS = 60  # the header sits under a few title lines; look no further than this
MAX_DATA_ROWS = 5000  # a province has a few hundred communes: anything longer is not this appendix
DASHES = {"-", "–", "—", "−"}
NOTE_MAX_LENGTH = QuotaRow._meta.get_field("note").max_length
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Export layout: title lines, a blank line, the two header rows, then data.
_COLUMNS = (("TT", 6), ("Tên đơn vị", 24), ("total", 22), ("without_labour", 14), ("with_labour", 14),
            ("Ghi chú", 22))
_HEADER_ROW = 5
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NUMBER_FORMAT = '#,##0;-#,##0;"-"'  # 0 shows as "-" like the paper appendix, but stays the number 0
_FONT = FONT_NAME  # the typeface of administrative documents (directory.sheets)


# ------------------------------------------------------------------------------------------------ helpers


def safe_text(value):
    """Text a spreadsheet could run as a formula (= + - @) becomes literal text with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def _unneutralise(text: str) -> str:
    # What safe_text added on export comes off again on import, so a round trip keeps the text.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def header_key(value) -> str:
    """A header cell reduced for matching: no accents (đ → d), case, or extra spaces."""
    text = unicodedata.normalize("NFD", str(value or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _figure(value):
    """'-' and blank are 0; whole numbers (also 4.0, "4", "1.500") become int; anything else is returned
    unchanged, so the shared quota rules report it as “không phải là số nguyên”."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    text = str(value).replace("\u00a0", " ").strip()
    if text == "" or text in DASHES:
        return 0
    compact = text.replace(" ", "")
    if re.fullmatch(r"[-−]?\d+", compact):
        return int(compact.replace("−", "-"))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", compact):  # 1.500 written with the Vietnamese thousands dot
        return int(compact.replace(".", ""))
    return text


def _text(value) -> str:
    """A cell as clean text: NFC, no control or invisible characters (``directory.text.clean_text``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _unneutralise(clean_text(value))


# ------------------------------------------------------------------------------------------------ export


def _attachment_line(plan: Plan, year: int) -> str:
    issuer = plan.issuer or plan.unit.name
    number = plan.number or "     /KH-UBND"
    date = plan.issue_date.strftime("%d/%m/%Y") if plan.issue_date else f"     /     /{year}"
    return f"(Kèm theo Kế hoạch số {number}, ngày {date} của {issuer})"


def _sheet_title(label: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", label or "Phụ lục")[:31].strip() or "Phụ lục"


def quota_workbook(table: QuotaTable, rows: Sequence | None = None) -> Workbook:
    """The quota table in the appendix layout. ``rows`` default to the table's rows in order."""
    plan = table.plan
    if rows is None:
        rows = list(table.rows.select_related("commune").order_by("order", "pk"))
    wb = Workbook()
    use_document_font(wb)
    wb.properties.creator = "Quản lý giảm nghèo bền vững"
    ws = wb.active
    ws.title = _sheet_title(table.appendix_label)
    last_col = len(_COLUMNS)

    titles = [
        (table.appendix_label or "Phụ lục", Font(name=_FONT, bold=True, size=12)),
        (table.title or f"CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM {table.year}",
         Font(name=_FONT, bold=True, size=13)),
        (_attachment_line(plan, table.year), Font(name=_FONT, italic=True, size=12)),
    ]
    for row, (text, font) in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=1, value=safe_text(text))
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    ws.row_dimensions[2].height = 20

    top, sub = _HEADER_ROW, _HEADER_ROW + 1
    headers = {
        (top, 1): "TT", (top, 2): "Tên đơn vị",
        (top, 3): f"Chỉ tiêu giao giảm hộ nghèo năm {table.year} (hộ)",
        (top, 4): "Trong đó", (sub, 4): "Hộ không có KNLĐ", (sub, 5): "Hộ có KNLĐ", (top, 6): "Ghi chú",
    }
    for (r, c), text in headers.items():
        ws.cell(row=r, column=c, value=text)
    for col in (1, 2, 3, 6):
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    ws.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    for r in (top, sub):
        ws.row_dimensions[r].height = 30 if r == top else 32
        for c in range(1, last_col + 1):
            cell = ws.cell(row=r, column=c)
            cell.font = Font(name=_FONT, bold=True, size=12)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = _BORDER

    r = sub
    for r, row in enumerate(rows, start=sub + 1):
        ws.row_dimensions[r].height = 18
        values = [r - sub, safe_text(row.commune.display_name), row.total, row.without_labour, row.with_labour,
                  safe_text(row.note or "")]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.border = _BORDER
            cell.font = Font(name=_FONT, size=12)
            if c in (1, 3, 4, 5):
                cell.alignment = Alignment(horizontal="center")
                if c != 1:
                    cell.number_format = _NUMBER_FORMAT
            else:
                cell.alignment = Alignment(horizontal="left", indent=1, wrap_text=True)
    totals = quota_table_totals(rows)
    total_row = r + 1
    ws.row_dimensions[total_row].height = 18
    for c, value in enumerate(["", "TỔNG CỘNG", totals.total, totals.without_labour, totals.with_labour, ""],
                              start=1):
        cell = ws.cell(row=total_row, column=c, value=value)
        cell.font = Font(name=_FONT, bold=True, size=12)
        cell.border = _BORDER
        if c in (3, 4, 5):
            cell.alignment = Alignment(horizontal="center")
            cell.number_format = _NUMBER_FORMAT
        elif c == 2:
            cell.alignment = Alignment(horizontal="center")

    for c, (_, width) in enumerate(_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=sub + 1, column=1)
    # Print: A4 portrait, one page wide, the header rows repeated on every page, "Trang 1/2" in the footer.
    print_setup(ws, last_column=last_col, last_row=total_row, title_rows=(top, sub), landscape=False)
    return wb


def quota_workbook_bytes(table: QuotaTable) -> bytes:
    buffer = io.BytesIO()
    quota_workbook(table).save(buffer)
    return buffer.getvalue()


def quota_filename(table: QuotaTable) -> str:
    return f"phu-luc-chi-tieu-giam-ngheo-{table.plan.code}-{table.year}.xlsx"


# ------------------------------------------------------------------------------------------------ import


@dataclass(frozen=True)
class ImportIssue:
    """One fault of an imported file: Excel row and cell when known, and the reason in Vietnamese."""

    message: str
    row: int | None = None
    column: str | None = None  # Excel column letter

    @property
    def cell(self) -> str | None:
        return f"{self.column}{self.row}" if self.column and self.row else None

    def __str__(self) -> str:
        text = self.message
        if self.row and not text.startswith("Dòng "):
            text = f"Dòng {self.row}: {text}"
        if self.cell:
            text = f"{text} [ô {self.cell}]"
        return text


class QuotaImportError(Exception):
    """The file was not imported; ``issues`` lists every fault. Nothing in the database changed."""

    def __init__(self, issues: list[ImportIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))

    @property
    def messages(self) -> list[str]:
        return [str(issue) for issue in self.issues]


@dataclass
class ParsedSheet:
    """What a quota sheet says, before it is compared with the database."""

    rows: list[QuotaRowInput] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # field -> 1-based column
    header_row: int | None = None
    year: int | None = None
    title: str = ""
    appendix_label: str = ""
    declared_total: QuotaFigures | None = None
    declared_row: int | None = None
    unresolved_rows: int = 0
    found: bool = False  # the header was found and has every required column

    def letter(self, name: str) -> str | None:
        col = self.columns.get(name)
        return get_column_letter(col) if col else None


def check_upload(*, filename: str, size: int | None) -> list[ImportIssue]:
    """Only .xlsx within ``settings.IMPORT_MAX_FILE_SIZE`` (the design's upload rule)."""
    issues = []
    if PurePath(filename or "").suffix.lower() != ".xlsx":
        issues.append(ImportIssue(f"Chỉ nhận tệp Excel .xlsx; tệp “{filename or '(không tên)'}” không phải .xlsx."))
    limit = settings.IMPORT_MAX_FILE_SIZE
    if size is not None and size > limit:
        issues.append(ImportIssue(f"Tệp nặng {size / 1048576:.1f} MB, vượt giới hạn {limit / 1048576:.1f} MB."))
    return issues


def _classify_header(text: str) -> str | None:
    if text in ("tt", "stt", "so tt"):
        return "order"
    if "ten don vi" in text or text in ("xa/thi tran", "xa, thi tran", "don vi", "ten xa"):
        return "commune"
    if "ghi chu" in text:
        return "note"
    labour = "knld" in text or "kha nang lao dong" in text
    if labour and "khong" in text:
        return "without_labour"
    if labour:
        return "with_labour"
    if "chi tieu" in text:
        return "total"
    return None


def _find_header(rows: list[tuple], parsed: ParsedSheet) -> int | None:
    """Index (0-based) of the first data row, filling ``parsed`` with the columns; None when no header."""
    candidate = None
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [header_key(v) for v in cells]
        names = [k for k in keys if _classify_header(k) == "commune"]
        if names and any("chi tieu" in k for k in keys):
            candidate = index
            break
    if candidate is None:
        parsed.issues.append(ImportIssue(
            f"Không tìm thấy dòng tiêu đề của bảng (các cột “TT”, “Tên đơn vị”, “Chỉ tiêu giao giảm hộ nghèo năm … "
            f"(hộ)”, “Hộ không có KNLĐ”, “Hộ có KNLĐ”) trong {HEADER_SEARCH_ROWS} dòng đầu của trang tính."))
        return None
    top = rows[candidate]
    below = rows[candidate + 1] if candidate + 1 < len(rows) else ()
    width = max(len(top), len(below))

    def columns_from(texts):
        found: dict[str, int] = {}
        for col, text in enumerate(texts, start=1):
            name = _classify_header(text)
            if name and name not in found:
                found[name] = col
        return found

    one_row = columns_from([header_key(v) for v in top])
    if "without_labour" in one_row and "with_labour" in one_row:
        columns, first_data = one_row, candidate + 1
    else:  # two-row header: "Trong đó" above the two labour-capacity columns
        combined = [" ".join(filter(None, (header_key(top[c] if c < len(top) else None),
                                           header_key(below[c] if c < len(below) else None))))
                    for c in range(width)]
        columns, first_data = columns_from(combined), candidate + 2
    parsed.header_row = candidate + 1
    parsed.columns = columns
    missing = [label for name, label in (("commune", "Tên đơn vị"), ("total", FIELD_LABELS["total"]),
                                         ("without_labour", "Hộ không có KNLĐ"), ("with_labour", "Hộ có KNLĐ"))
               if name not in columns]
    if missing:
        parsed.issues.append(ImportIssue(
            "thiếu cột " + ", ".join(f"“{m}”" for m in missing) + " trong tiêu đề bảng.", row=candidate + 1))
        return None
    total_text = header_key(top[columns["total"] - 1])
    if match := re.search(r"nam (\d{4})", total_text):
        parsed.year = int(match[1])
    for cells in rows[:candidate]:
        for value in cells:
            text = _text(value)
            if not text:
                continue
            if header_key(text).startswith("phu luc") and not parsed.appendix_label:
                parsed.appendix_label = text[:40]
            elif "chi tieu" in header_key(text) and not parsed.title:
                parsed.title = text[:300]
    return first_data


def _is_total_row(name_key: str) -> bool:
    return name_key.startswith(("tong cong", "cong")) or name_key == "tong"


def read_quota_sheet(source, *, plan: Plan) -> ParsedSheet:
    """Parse the first sheet that has the appendix header; communes are resolved within the plan's unit."""
    parsed = ParsedSheet()
    try:
        check_xlsx(source, max_rows=HEADER_SEARCH_ROWS + MAX_DATA_ROWS)
    except XlsxLimitError as exc:
        parsed.issues.append(ImportIssue(exc.message))
        return parsed
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        parsed.issues.append(ImportIssue(f"Không mở được tệp như một bảng tính Excel .xlsx ({type(exc).__name__})."))
        return parsed
    first_attempt = None
    try:
        for sheet in workbook.worksheets:
            rows: list[tuple] = []
            for cells in sheet.iter_rows(min_row=1, values_only=True):
                rows.append(tuple(cells))
                if len(rows) > HEADER_SEARCH_ROWS + MAX_DATA_ROWS:
                    break
            attempt = ParsedSheet()
            first_data = _find_header(rows, attempt)
            if first_data is not None:
                parsed = attempt
                break
            first_attempt = first_attempt or attempt
        else:
            # no sheet has the table: report what the first sheet lacks
            return first_attempt or ParsedSheet(issues=[ImportIssue("Tệp không có trang tính nào.")])
    finally:
        workbook.close()
    parsed.found = True

    # communes on the map of the table's year (its header's year, else the plan's last); a plan of a district
    # that ended on 30/06/2025 keeps its communes (the resolver stops at the district's last day)
    resolver = UnitResolver(AdministrativeUnit.objects.communes(), within=plan.unit,
                            on=year_end(parsed.year or plan.last_year))
    cols = parsed.columns

    def cell(cells, name):
        col = cols.get(name)
        return cells[col - 1] if col and col - 1 < len(cells) else None

    data = rows[first_data:]
    if len(data) > MAX_DATA_ROWS:
        parsed.issues.append(ImportIssue(f"Bảng dài quá {MAX_DATA_ROWS} dòng: đây không phải phụ lục chỉ tiêu."))
        return parsed
    for offset, cells in enumerate(data):
        number = first_data + offset + 1  # Excel row number
        name = _text(cell(cells, "commune"))
        raw = {key: cell(cells, key) for key in ("total", "without_labour", "with_labour")}
        note = _text(cell(cells, "note"))
        if not name and all(v is None or str(v).strip() == "" for v in raw.values()) and not note:
            continue  # a blank line
        if name and _is_total_row(header_key(name)):
            parsed.declared_row = number
            figures = {key: _figure(value) for key, value in raw.items()}
            bad = [key for key, value in figures.items() if not isinstance(value, int) or value < 0]
            for key in bad:
                parsed.issues.append(ImportIssue(
                    f"Dòng {number} (TỔNG CỘNG), cột “{FIELD_LABELS[key]}”: “{raw[key]}” không phải là số nguyên "
                    "không âm.", row=number, column=parsed.letter(key)))
            if not bad:
                parsed.declared_total = QuotaFigures(**figures)
            break  # the table ends with its total row; signatures and notes may follow
        if not name:
            parsed.issues.append(ImportIssue(f"Dòng {number}: chưa ghi tên đơn vị.", row=number,
                                             column=parsed.letter("commune")))
            parsed.unresolved_rows += 1
            continue
        try:
            commune = resolver.resolve(name)
        except UnitLookupError as exc:
            parsed.issues.append(ImportIssue(
                f"Dòng {number}, cột “Tên đơn vị”: {exc} (trong {plan.unit.name})", row=number,
                column=parsed.letter("commune")))
            parsed.unresolved_rows += 1
            continue
        if len(note) > NOTE_MAX_LENGTH:
            parsed.issues.append(ImportIssue(
                f"Dòng {number}, cột “Ghi chú”: dài {len(note)} ký tự, quá {NOTE_MAX_LENGTH} ký tự.", row=number,
                column=parsed.letter("note")))
        parsed.rows.append(QuotaRowInput(
            commune=commune, total=_figure(raw["total"]), without_labour=_figure(raw["without_labour"]),
            with_labour=_figure(raw["with_labour"]), note=note, key=number,
            label=f"Dòng {number} ({' '.join(name.split())})",
        ))
    return parsed


def _year_for(plan: Plan, parsed: ParsedSheet, year: int | None) -> int | None:
    if year is not None and parsed.year is not None and year != parsed.year:
        parsed.issues.append(ImportIssue(
            f"tiêu đề cột ghi năm {parsed.year} nhưng bạn chọn nhập cho năm {year}.", row=parsed.header_row,
            column=parsed.letter("total")))
        return None
    chosen = year or parsed.year
    if chosen is None:
        if plan.first_year == plan.last_year:
            return plan.first_year
        parsed.issues.append(ImportIssue(
            "Không xác định được năm: tiêu đề cột chỉ tiêu không ghi năm; hãy chọn năm (lệnh: --year)."))
        return None
    if not plan.first_year <= chosen <= max(plan.last_year, plan.vision_year or 0):
        parsed.issues.append(ImportIssue(f"Năm {chosen} nằm ngoài thời kỳ của kế hoạch ({plan.period_label})."))
        return None
    return chosen


def quota_table_import(
    *, plan: Plan, source, filename: str, size: int | None, acting_user, year: int | None = None,
    replace: bool = False,
) -> QuotaTable:
    """Read the file and replace the plan's quota table for the year with it: all of it or nothing.

    Raises ``QuotaImportError`` listing every fault (file type and size, header, each
    row, the TỔNG CỘNG row, an existing table without ``replace``); nothing is written then.
    """
    issues = check_upload(filename=filename, size=size)
    if issues:
        raise QuotaImportError(issues)
    parsed = read_quota_sheet(source, plan=plan)
    if not parsed.found:
        raise QuotaImportError(parsed.issues)
    chosen_year = _year_for(plan, parsed, year)
    issues = list(parsed.issues)
    if chosen_year is None:
        raise QuotaImportError(issues)

    with transaction.atomic():
        table = QuotaTable.objects.select_for_update().filter(plan=plan, year=chosen_year).first()
        if table is not None and not replace and (existing := table.rows.count()):
            issues.insert(0, ImportIssue(
                f"Kế hoạch {plan.code} đã có bảng chỉ tiêu năm {chosen_year} ({existing} xã). Chọn “Thay thế bảng "
                "hiện có” (lệnh: --replace) nếu muốn thay bằng tệp này."))
        if table is None:
            table = QuotaTable(plan=plan, year=chosen_year, appendix_label=parsed.appendix_label or "Phụ lục 01",
                               title=parsed.title or f"CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM {chosen_year}")
        errors = quota_table_validate(parsed.rows, table=table, declared_total=parsed.declared_total)
        if parsed.unresolved_rows:
            # rows that could not be read are missing from the sums: compare totals once they are fixed
            errors = [e for e in errors if e.key is not None]
        for error in errors:
            row = error.key if error.key is not None else (parsed.declared_row if error.row_label == "TỔNG CỘNG"
                                                           else None)
            issues.append(ImportIssue(error.message, row=row, column=parsed.letter(error.field or "total")
                                      if row else None))
        if issues:
            # file-level faults first, then in the order of the sheet
            raise QuotaImportError(sorted(issues, key=lambda i: (i.row is not None, i.row or 0)))
        try:
            quota_table_replace(table=table, rows=parsed.rows, acting_user=acting_user,
                                declared_total=parsed.declared_total, source=f"tệp Excel {filename}")
        except QuotaValidationError as exc:
            raise QuotaImportError([ImportIssue(e.message) for e in exc.errors]) from exc
        except (ValidationError, IntegrityError) as exc:
            raise QuotaImportError([ImportIssue(f"Không lưu được bảng: {exc}")]) from exc
    return table
