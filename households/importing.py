"""Excel import of review lists (danh sách kết quả rà soát): one row = one household's review for a year.

The column contract (issue 4, point 8) is shared with ``exporting.py``:

* the header row is the first row with a cell "Mã hộ"; columns are matched by their header
  text, ignoring case, spacing and diacritics, in any order; other columns are ignored;
* ``Mã hộ``, ``Họ và tên chủ hộ``, ``Xã`` (code or name path; may be left out when a
  commune is given), ``Thôn``, ``Khu vực``, ``Số nhân khẩu``, ``Năm rà soát``,
  ``Thu nhập bình quân đầu người (đồng/tháng)``;
* one column per indicator of the standard in force for the row's year, headed by the
  indicator's name: ``x``/``X``/``1`` = deprived, blank/``0`` = not;
* ``Không có khả năng lao động`` (x), ``Dân tộc thiểu số`` (x), ``Nguyên nhân nghèo``
  (several, separated by ``;``).

The category is always computed (``services.review_compute``), never read from the file.

All or nothing: the file is read and checked completely first; any fault of any row
rejects the whole file with every fault listed (Excel row, column, reason) and nothing
is written. Only then are the rows written in one transaction, in batches.

Re-importing a household-year that already exists:

* a draft or returned review is updated (it keeps its status; ``approve`` approves it);
* a submitted review is updated only with ``approve`` (the approver loading the official
  list); otherwise it is a row error: it waits for the approver;
* an approved review is locked: a row that would change it is a row error (reopen it
  first). A row identical to what is stored is skipped as unchanged, so an exported file
  imports again without error and without change.

Speed is designed in (≥ 2.000 rows/s, see tests/bench): the workbook is streamed
(read-only, values only), units are resolved once per distinct cell value, indicators,
causes and standards are loaded once, existing households and reviews are fetched in
chunks, and rows are written with bulk_create/bulk_update.
"""

from __future__ import annotations

import re
import time
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone

from directory.lookup import UnitLookupError, UnitResolver
from directory.models import AdministrativeUnit, AreaType
from directory.permissions import Cap, can_approve_reviews_of, user_can
from directory.scoping import scope_for

from .classification import NoStandardError, StandardSnapshot, classify, load_snapshot, standard_for_year
from .models import (
    Category,
    HistoryAction,
    HistoryEntry,
    Household,
    Indicator,
    Member,
    PovertyCause,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewRound,
    ReviewStatus,
    default_effective_date,
)
from .services import display_value, history_entries, notify_reviews_changed, review_compute

# --------------------------------------------------------------------------- columns

COL_CODE = "Mã hộ"
COL_HEAD = "Họ và tên chủ hộ"
COL_COMMUNE = "Xã"
COL_VILLAGE = "Thôn"
COL_AREA = "Khu vực"
COL_MEMBERS = "Số nhân khẩu"
COL_YEAR = "Năm rà soát"
COL_INCOME = "Thu nhập bình quân đầu người (đồng/tháng)"
COL_NO_LABOUR = "Không có khả năng lao động"
COL_ETHNIC = "Dân tộc thiểu số"
COL_CAUSES = "Nguyên nhân nghèo"
# Written by the export, ignored by the import (the category is always recomputed).
COL_CATEGORY = "Phân loại"
COL_STATUS = "Trạng thái"
COL_MOVEMENT = "Biến động"

HEAD_COLUMNS = (COL_CODE, COL_HEAD, COL_COMMUNE, COL_VILLAGE, COL_AREA, COL_MEMBERS, COL_YEAR, COL_INCOME)
TAIL_COLUMNS = (COL_NO_LABOUR, COL_ETHNIC, COL_CAUSES)
EXPORT_ONLY_COLUMNS = (COL_CATEGORY, COL_STATUS, COL_MOVEMENT)
REQUIRED_COLUMNS = (COL_CODE, COL_HEAD, COL_YEAR, COL_INCOME)

AREA_LABELS = {AreaType.RURAL: "Nông thôn", AreaType.URBAN: "Thành thị"}
CAUSE_SEPARATOR = ";"
MARK = "x"
# A neutralised formula-like text (see exporting.neutralise) is read back without its quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# What an import may change on a stored household or review (and writes history for).
HOUSEHOLD_IMPORT_FIELDS = ("head_name", "village", "area", "member_count", "is_ethnic_minority",
                           "has_labour_capacity")
REVIEW_IMPORT_FIELDS = ("area", "income_per_capita", "has_labour_capacity", "deprivation_count", "category",
                        "status")

HEADER_SEARCH_ROWS = 50
CHUNK = 900  # ids per IN (...) query: under SQLite's oldest limit of 999 parameters
BATCH = 1000  # rows per INSERT/UPDATE statement


def header_key(text) -> str:
    """Comparison key of a header or label: no diacritics (đ → d), no case, no whitespace at all."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", "", text.casefold())


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --------------------------------------------------------------------------- faults


@dataclass(frozen=True)
class ImportFault:
    row: int | None  # Excel row number; None for a fault of the whole file
    column: str  # header text, "" when the fault is not about one column
    letter: str  # Excel column letter, "" when unknown
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Dòng {self.row}")
        if self.column:
            where.append(f"cột {self.letter} “{self.column}”" if self.letter else f"cột “{self.column}”")
        return (", ".join(where) + ": " if where else "") + self.message


class ImportRejected(Exception):
    """The file was refused; ``faults`` lists every problem found. Nothing was written."""

    def __init__(self, faults: list[ImportFault]):
        self.faults = sorted(faults, key=lambda f: (f.row is not None, f.row or 0, f.letter))
        super().__init__(f"Tệp bị từ chối: {len(self.faults)} lỗi.")

    @property
    def messages(self) -> list[str]:
        return [str(f) for f in self.faults]


@dataclass
class ImportResult:
    rows: int = 0
    households_created: int = 0
    households_updated: int = 0
    reviews_created: int = 0
    reviews_updated: int = 0
    unchanged: int = 0
    approved: bool = False
    commune_ids: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    ignored_columns: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        status = "đã phê duyệt" if self.approved else "nháp (chưa nộp)"
        text = (f"Đã nhập {self.rows} dòng: {self.households_created} hộ mới, {self.households_updated} hộ cập nhật; "
                f"{self.reviews_created} phiếu rà soát mới, {self.reviews_updated} phiếu cập nhật "
                f"(trạng thái phiếu mới: {status}); {self.unchanged} dòng không thay đổi.")
        if self.ignored_columns:
            text += " Bỏ qua các cột: " + ", ".join(self.ignored_columns) + "."
        return text


# --------------------------------------------------------------------------- cell values


class CellError(ValueError):
    pass


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\u00a0", " ").strip()
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_PREFIXES:
        text = text[1:]
    return unicodedata.normalize("NFC", text)


_INT_TEXT = re.compile(r"^-?\d{1,3}(?:[.,\s]\d{3})+$|^-?\d+$")


def cell_int(value, *, what: str) -> int | None:
    """A whole number from a numeric cell or text like "1.500.000"; None when blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(f"{what} phải là số, không phải “{value}”.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"{what} phải là số nguyên, không phải {value}.")
        return int(value)
    text = str(value).replace("\u00a0", " ").strip()
    if not _INT_TEXT.match(text):
        raise CellError(f"{what} phải là số nguyên, không phải “{text}”.")
    return int(re.sub(r"[.,\s]", "", text))


def cell_flag(value) -> bool:
    """x, X or 1 = yes; blank or 0 = no; anything else is a fault."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise CellError(f"Giá trị “{cell_text(value)}” không hợp lệ: chỉ ghi x, 1, 0 hoặc để trống.")
    text = str(value).strip().casefold()
    if text in ("", "0"):
        return False
    if text in (MARK, "1"):
        return True
    raise CellError(f"Giá trị “{str(value).strip()}” không hợp lệ: chỉ ghi x, 1, 0 hoặc để trống.")


_AREA_KEYS = {header_key(label): area for area, label in AREA_LABELS.items()}
_AREA_KEYS.update({header_key(area.value): area for area in AreaType})


# --------------------------------------------------------------------------- parsed rows


@dataclass(slots=True)
class ParsedRow:
    row: int
    code: str
    head_name: str
    commune: AdministrativeUnit
    year: int
    income: int
    indicator_ids: frozenset[int]
    village: str | None = None  # None: the column is absent (keep what is stored)
    area: str | None = None  # None: blank or absent (the stored area, else the commune's)
    member_count: int | None = None
    no_labour: bool | None = None
    ethnic: bool | None = None
    cause_ids: frozenset[int] | None = None


@dataclass
class _Columns:
    index: dict[str, int]  # contract column → 0-based index
    indicators: dict[str, int]  # header key of an indicator name → index
    headers: dict[int, str]  # index → header text as written
    ignored: list[str]


@dataclass
class _Reference:
    """Everything a row is checked against, loaded once per file."""

    # header key of an indicator name → {standard id: indicator id}
    indicators: dict[str, dict[int, int]]
    causes: dict[str, PovertyCause]  # header key of name or code → cause
    snapshots: dict[int, StandardSnapshot | None] = field(default_factory=dict)

    @classmethod
    def load(cls) -> _Reference:
        indicators: dict[str, dict[int, int]] = defaultdict(dict)
        for pk, name, standard_id in Indicator.objects.values_list("pk", "name", "standard_id"):
            indicators[header_key(name)][standard_id] = pk
        causes = {}
        for cause in PovertyCause.objects.all():
            causes[header_key(cause.code)] = cause
            causes[header_key(cause.name)] = cause
        return cls(dict(indicators), causes)

    def snapshot(self, year: int) -> StandardSnapshot | None:
        if year not in self.snapshots:
            try:
                self.snapshots[year] = load_snapshot(standard_for_year(year))
            except NoStandardError:
                self.snapshots[year] = None
        return self.snapshots[year]


class _CommuneLookup:
    """Resolves the "Xã" cells once per distinct value; tells unknown from out-of-scope."""

    def __init__(self, user, default_commune: AdministrativeUnit | None):
        self.scope = scope_for(user) if user is not None else None
        self.default = default_commune
        communes = AdministrativeUnit.objects.communes()
        # The common case is the user's own communes (or the given commune's district), so a bare
        # commune name that exists elsewhere in the country is not ambiguous.
        if self.scope is not None and not self.scope.is_unrestricted and user.unit is not None:
            within = user.unit
        elif default_commune is not None and default_commune.parent_id:
            within = default_commune.parent
        else:
            within = None
        self.primary = UnitResolver(communes, within=within)
        self._everywhere = None if within is not None else self.primary
        self._cache: dict[str, AdministrativeUnit | str] = {}

    def _global(self) -> UnitResolver:
        if self._everywhere is None:
            self._everywhere = UnitResolver(AdministrativeUnit.objects.communes())
        return self._everywhere

    def resolve(self, text: str) -> AdministrativeUnit:
        if text not in self._cache:
            self._cache[text] = self._resolve(text)
        found = self._cache[text]
        if isinstance(found, str):
            raise CellError(found)
        return found

    def _resolve(self, text: str) -> AdministrativeUnit | str:
        try:
            unit = self.primary.resolve(text)
        except UnitLookupError as exc:
            if self._everywhere is self.primary:
                return str(exc)
            try:
                unit = self._global().resolve(text)
            except UnitLookupError:
                return str(exc)
        if self.default is not None and unit.pk != self.default.pk:
            return (f"Xã “{text}” khác với xã đã chọn khi nhập ({self.default.display_name}, mã {self.default.code}); "
                    "hãy sửa cột Xã hoặc chọn đúng xã.")
        if self.scope is not None and not self.scope.contains_unit_id(unit.pk):
            return f"Xã {unit.display_name} (mã {unit.code}) không thuộc địa bàn của bạn."
        return unit


# --------------------------------------------------------------------------- reading


def check_upload(*, name: str, size: int | None) -> None:
    """Only .xlsx within settings.IMPORT_MAX_FILE_SIZE (the design's upload rule)."""
    if not name.lower().endswith(".xlsx"):
        raise ImportRejected([ImportFault(None, "", "", f"Tệp “{name}” không phải tệp Excel .xlsx.")])
    limit = settings.IMPORT_MAX_FILE_SIZE
    if size is not None and size > limit:
        raise ImportRejected([ImportFault(
            None, "", "", f"Tệp “{name}” nặng {size / 1048576:.1f} MB, vượt giới hạn {limit / 1048576:.0f} MB."
        )])


def _open_workbook(source):
    from openpyxl import load_workbook

    try:
        if hasattr(source, "seek"):
            source.seek(0)
        return load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportRejected([ImportFault(None, "", "", "Không đọc được tệp: tệp không phải bảng tính .xlsx hợp lệ "
                                          f"({type(exc).__name__}).")]) from exc


def _map_header(cells, reference: _Reference) -> tuple[_Columns, list[ImportFault]]:
    contract = {header_key(c): c for c in HEAD_COLUMNS + TAIL_COLUMNS}
    export_only = {header_key(c) for c in EXPORT_ONLY_COLUMNS}
    columns = _Columns({}, {}, {}, [])
    faults = []
    seen: dict[str, int] = {}
    for index, value in enumerate(cells):
        text = cell_text(value)
        if not text:
            continue
        key = header_key(text)
        columns.headers[index] = text
        if key in seen:
            faults.append(ImportFault(None, text, column_letter(index),
                                      f"Tiêu đề cột bị lặp (đã có ở cột {column_letter(seen[key])})."))
            continue
        seen[key] = index
        if key in contract:
            columns.index[contract[key]] = index
        elif key in reference.indicators:
            columns.indicators[key] = index
        elif key not in export_only:
            columns.ignored.append(text)
    return columns, faults


def _read_rows(source, *, user, commune, reference: _Reference) -> tuple[list[ParsedRow], _Columns, list[ImportFault]]:
    workbook = _open_workbook(source)
    try:
        return _read_sheet(workbook, user=user, commune=commune, reference=reference)
    finally:
        workbook.close()


def _find_header(workbook):
    """The first sheet and row holding a cell "Mã hộ"; returns (sheet, row number, cells, rows iterator)."""
    mark = header_key(COL_CODE)
    for sheet in workbook.worksheets:
        rows = sheet.iter_rows(min_row=1, values_only=True)
        for number, cells in enumerate(rows, start=1):
            if any(isinstance(v, str) and header_key(v) == mark for v in cells):
                return number, cells, rows
            if number >= HEADER_SEARCH_ROWS:
                break
    return None, None, None


def _read_sheet(workbook, *, user, commune, reference):
    header_row, header_cells, rows = _find_header(workbook)
    if header_row is None:
        raise ImportRejected([ImportFault(None, "", "", f"Không tìm thấy dòng tiêu đề: không có ô “{COL_CODE}” trong "
                                                        f"{HEADER_SEARCH_ROWS} dòng đầu của các trang tính.")])
    columns, faults = _map_header(header_cells, reference)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns.index]
    if commune is None and COL_COMMUNE not in columns.index:
        missing.append(COL_COMMUNE)
    for name in missing:
        extra = " (hoặc chọn xã khi nhập)" if name == COL_COMMUNE else ""
        faults.append(ImportFault(None, name, "", f"Thiếu cột bắt buộc “{name}”{extra}."))
    if missing:
        raise ImportRejected(faults)

    communes = _CommuneLookup(user, commune)
    parsed: list[ParsedRow] = []
    width = max(columns.headers) + 1 if columns.headers else 1
    # A missing column reads the always-empty cell just past the row (index ``width``).
    at = {name: columns.index.get(name, width) for name in HEAD_COLUMNS + TAIL_COLUMNS}
    letters = {name: column_letter(i) if i < width else "" for name, i in at.items()}
    i_code, i_head, i_commune, i_village, i_area, i_members, i_year, i_income = (at[c] for c in HEAD_COLUMNS)
    i_no_labour, i_ethnic, i_causes = (at[c] for c in TAIL_COLUMNS)
    has_village, has_no_labour, has_ethnic, has_causes = (
        name in columns.index for name in (COL_VILLAGE, COL_NO_LABOUR, COL_ETHNIC, COL_CAUSES))
    indicator_columns = [(i, reference.indicators[key], columns.headers[i], column_letter(i))
                         for key, i in columns.indicators.items()]
    max_code, max_head, max_village = (Household._meta.get_field(f).max_length
                                       for f in ("code", "head_name", "village"))
    years_needing: dict[int, int] = {}  # year → first row, to report missing indicator columns once
    cause_cache: dict[tuple[str, int | None], tuple[frozenset[int], list[str]]] = {}

    for number, cells in enumerate(rows, start=header_row + 1):
        cells = (*cells[:width], *([None] * (width + 1 - min(len(cells), width))))
        if not any(v.strip() if isinstance(v, str) else v is not None for v in cells):
            continue
        row_faults: list[ImportFault] = []

        def fault(name, message, number=number, row_faults=row_faults):
            row_faults.append(ImportFault(number, name, letters[name], message))

        code = cell_text(cells[i_code])
        if not code:
            fault(COL_CODE, "Thiếu mã hộ.")
        elif len(code) > max_code:
            fault(COL_CODE, f"Mã hộ dài quá {max_code} ký tự.")
        head_name = cell_text(cells[i_head])
        if not head_name:
            fault(COL_HEAD, "Thiếu họ và tên chủ hộ.")
        elif len(head_name) > max_head:
            fault(COL_HEAD, f"Họ và tên chủ hộ dài quá {max_head} ký tự.")

        unit = None
        commune_text = cell_text(cells[i_commune])
        if commune_text:
            try:
                unit = communes.resolve(commune_text)
            except CellError as exc:
                fault(COL_COMMUNE, str(exc))
        elif commune is not None:
            unit = commune
        else:
            fault(COL_COMMUNE, "Thiếu xã.")

        village = None
        if has_village:
            village = cell_text(cells[i_village])
            if len(village) > max_village:
                fault(COL_VILLAGE, f"Tên thôn dài quá {max_village} ký tự.")
        area = None
        area_text = cell_text(cells[i_area])
        if area_text:
            area = _AREA_KEYS.get(header_key(area_text))
            if area is None:
                fault(COL_AREA, f"Khu vực “{area_text}” không hợp lệ: ghi “Nông thôn” hoặc “Thành thị”.")

        member_count = None
        try:
            member_count = cell_int(cells[i_members], what="Số nhân khẩu")
            if member_count is not None and not 1 <= member_count <= 99:
                fault(COL_MEMBERS, f"Số nhân khẩu phải từ 1 đến 99, không phải {member_count}.")
        except CellError as exc:
            fault(COL_MEMBERS, str(exc))

        year = snapshot = None
        try:
            year = cell_int(cells[i_year], what="Năm rà soát")
            if year is None:
                fault(COL_YEAR, "Thiếu năm rà soát.")
            else:
                snapshot = reference.snapshot(year) if 2000 <= year <= 2100 else None
                if snapshot is None:
                    fault(COL_YEAR, f"Không có chuẩn nghèo áp dụng cho năm rà soát {year}.")
        except CellError as exc:
            fault(COL_YEAR, str(exc))

        income = None
        try:
            income = cell_int(cells[i_income], what="Thu nhập bình quân đầu người")
            if income is None:
                fault(COL_INCOME, "Thiếu thu nhập bình quân đầu người.")
            elif income < 0:
                fault(COL_INCOME, f"Thu nhập bình quân đầu người không được âm ({income}).")
        except CellError as exc:
            fault(COL_INCOME, str(exc))

        indicator_ids = set()
        for i, by_standard, header, letter in indicator_columns:
            raw = cells[i]
            if raw is None:
                continue
            try:
                deprived = cell_flag(raw)
            except CellError as exc:
                row_faults.append(ImportFault(number, header, letter, str(exc)))
                continue
            if not deprived or snapshot is None:
                continue
            indicator_id = by_standard.get(snapshot.standard_id)
            if indicator_id is None:
                row_faults.append(ImportFault(number, header, letter,
                                              f"“{header}” không phải chỉ số của chuẩn nghèo năm {year}."))
            else:
                indicator_ids.add(indicator_id)
        if snapshot is not None and year not in years_needing:
            years_needing[year] = number

        no_labour = ethnic = None
        try:
            no_labour = cell_flag(cells[i_no_labour]) if has_no_labour else None
        except CellError as exc:
            fault(COL_NO_LABOUR, str(exc))
        try:
            ethnic = cell_flag(cells[i_ethnic]) if has_ethnic else None
        except CellError as exc:
            fault(COL_ETHNIC, str(exc))

        cause_ids = None
        if has_causes:
            text = cell_text(cells[i_causes])
            key = (text, year)
            if key not in cause_cache:
                cause_cache[key] = _parse_causes(text, year, reference)
            cause_ids, messages = cause_cache[key]
            for message in messages:
                fault(COL_CAUSES, message)

        if row_faults:
            faults.extend(row_faults)
            continue
        parsed.append(ParsedRow(
            row=number, code=code, head_name=head_name, commune=unit, year=year, income=income,
            indicator_ids=frozenset(indicator_ids), village=village, area=area, member_count=member_count,
            no_labour=no_labour, ethnic=ethnic, cause_ids=cause_ids,
        ))

    # Every indicator of a year's standard needs its column: a blank cell means "not deprived",
    # a missing column would silently mean the same.
    for year, first_row in sorted(years_needing.items()):
        snapshot = reference.snapshot(year)
        for name in sorted(snapshot.indicator_names.values()):
            if header_key(name) not in columns.indicators:
                faults.append(ImportFault(None, name, "", f"Thiếu cột chỉ số thiếu hụt “{name}” của chuẩn nghèo năm "
                                                          f"{year} (cần cho dòng {first_row} và các dòng năm {year})."))
    return parsed, columns, faults


def _parse_causes(text: str, year: int | None, reference: _Reference) -> tuple[frozenset[int], list[str]]:
    """The cause ids a "Nguyên nhân nghèo" cell names, and a message for each name that is not usable."""
    ids, messages = set(), []
    for part in text.split(CAUSE_SEPARATOR):
        part = part.strip()
        if not part:
            continue
        cause = reference.causes.get(header_key(part))
        if cause is None:
            messages.append(f"Không có nguyên nhân nghèo “{part}” trong danh mục.")
        elif year is not None and not _cause_active(cause, year):
            messages.append(f"Nguyên nhân nghèo “{cause.name}” không dùng cho năm {year}.")
        else:
            ids.add(cause.pk)
    return frozenset(ids), messages


def _cause_active(cause: PovertyCause, year: int) -> bool:
    return (cause.valid_from_year is None or cause.valid_from_year <= year) and (
        cause.valid_to_year is None or cause.valid_to_year >= year)


# --------------------------------------------------------------------------- checks against the database


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class _Existing:
    households: dict[tuple[int, str], Household]
    reviews: dict[tuple[int, int], Review]
    indicator_ids: dict[int, set[int]]  # review id → deprived indicator ids
    cause_ids: dict[int, set[int]]  # review id → cause ids
    with_members: set[int]  # household ids that have a member list
    latest_year: dict[int, int]  # household id → year of its latest stored periodic review


def _fetch_existing(rows: list[ParsedRow]) -> _Existing:
    codes: dict[int, set[str]] = defaultdict(set)
    years = set()
    for r in rows:
        codes[r.commune.pk].add(r.code)
        years.add(r.year)
    households = {}
    for commune_id, commune_codes in codes.items():
        for chunk in _chunks(commune_codes):
            for hh in Household.objects.filter(commune_id=commune_id, code__in=chunk).only(
                    "pk", "commune_id", "code", *HOUSEHOLD_IMPORT_FIELDS):
                households[(commune_id, hh.code)] = hh
    ids = [hh.pk for hh in households.values()]
    reviews, with_members, latest_year = {}, set(), {}
    for chunk in _chunks(ids):
        for review in Review.objects.filter(household_id__in=chunk, round=ReviewRound.PERIODIC, year__in=years).only(
                "pk", "household_id", "commune_id", "year", "round", "review_date", "standard_id", "effective_date",
                "approved_by_id", "approved_at", *REVIEW_IMPORT_FIELDS):
            reviews[(review.household_id, review.year)] = review
        with_members.update(Member.objects.filter(household_id__in=chunk).values_list("household_id", flat=True))
        latest_year.update(Review.objects.filter(household_id__in=chunk, round=ReviewRound.PERIODIC)
                           .values_list("household_id").annotate(Max("year")))
    indicator_ids, cause_ids = defaultdict(set), defaultdict(set)
    review_ids = [r.pk for r in reviews.values()]
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through
    for chunk in _chunks(review_ids):
        for review_id, indicator_id in through_i.objects.filter(review_id__in=chunk).values_list(
                "review_id", "indicator_id"):
            indicator_ids[review_id].add(indicator_id)
        for review_id, cause_id in through_c.objects.filter(review_id__in=chunk).values_list(
                "review_id", "povertycause_id"):
            cause_ids[review_id].add(cause_id)
    return _Existing(households, reviews, indicator_ids, cause_ids, with_members, latest_year)


def _duplicate_faults(rows: list[ParsedRow], columns: _Columns) -> list[ImportFault]:
    faults, first = [], {}
    letter = column_letter(columns.index[COL_CODE])
    for r in rows:
        key = (r.commune.pk, r.code, r.year)
        if key in first:
            faults.append(ImportFault(r.row, COL_CODE, letter,
                                      f"Hộ {r.code} ({r.commune.display_name}) có hai dòng cho năm {r.year} "
                                      f"(dòng {first[key]} và dòng {r.row}): mỗi hộ chỉ một dòng mỗi năm."))
        else:
            first[key] = r.row
    return faults


# --------------------------------------------------------------------------- the import




def import_reviews(source, *, name: str = "", size: int | None = None, acting_user=None,
                   commune: AdministrativeUnit | None = None, approve: bool = False) -> ImportResult:
    """Import a review list (.xlsx path or file object). Raises ``ImportRejected`` listing every fault.

    ``acting_user`` None is the system (management command without --user): no scope limit.
    ``approve`` records the reviews as approved (loading an official list).
    """
    started = time.perf_counter()
    name = name or (Path(source).name if isinstance(source, str | Path) else getattr(source, "name", "") or "")
    if size is None and isinstance(source, str | Path):
        size = Path(source).stat().st_size
    check_upload(name=name, size=size)
    if acting_user is not None:
        if not (user_can(acting_user, Cap.HOUSEHOLD_EDIT) and user_can(acting_user, Cap.REVIEW_SUBMIT)):
            raise PermissionDenied("Vai trò của bạn không được nhập danh sách rà soát.")
        if commune is not None and not scope_for(acting_user).contains_unit_id(commune.pk):
            raise ImportRejected([ImportFault(None, COL_COMMUNE, "", f"Xã {commune.display_name} không thuộc địa bàn "
                                                                      "của bạn.")])
    if commune is not None and not commune.is_commune:
        raise ImportRejected([ImportFault(None, COL_COMMUNE, "", f"{commune} không phải đơn vị cấp xã.")])

    reference = _Reference.load()
    rows, columns, faults = _read_rows(source, user=acting_user, commune=commune, reference=reference)
    faults += _duplicate_faults(rows, columns)
    result = ImportResult(rows=len(rows), approved=approve, ignored_columns=columns.ignored)
    result.timings["read"] = time.perf_counter() - started

    if approve and acting_user is not None:
        for unit in {r.commune.pk: r.commune for r in rows}.values():
            if not can_approve_reviews_of(acting_user, unit):
                faults.append(ImportFault(None, COL_COMMUNE, "", "Bạn không phải cấp phê duyệt kết quả rà soát của "
                                          f"{unit.display_name}: không nhập kèm phê duyệt được."))
    if faults:
        raise ImportRejected(faults)
    if not rows:
        raise ImportRejected([ImportFault(None, "", "", "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")])

    with transaction.atomic():
        step = time.perf_counter()
        existing = _fetch_existing(rows)
        faults = _lock_faults(rows, existing, columns, approve=approve)
        result.timings["check"] = time.perf_counter() - step
        if faults:
            raise ImportRejected(faults)
        step = time.perf_counter()
        written = _write(rows, existing, reference, result, acting_user=acting_user, approve=approve,
                         file_name=name)
        result.timings["write"] = time.perf_counter() - step
        if approve:
            step = time.perf_counter()
            refresh_current_status(written)
            result.timings["refresh"] = time.perf_counter() - step
        notify_reviews_changed(commune_ids=result.commune_ids, years=result.years)
    result.timings["total"] = time.perf_counter() - started
    return result


def _review_matches(r: ParsedRow, review: Review, existing: _Existing) -> bool:
    """Whether the row leaves an existing review as it is (household details are not part of a review)."""
    return (
        review.area == (r.area or review.area) and review.income_per_capita == r.income
        and (r.no_labour is None or review.has_labour_capacity == (not r.no_labour))
        and existing.indicator_ids.get(review.pk, set()) == set(r.indicator_ids)
        and (r.cause_ids is None or existing.cause_ids.get(review.pk, set()) == set(r.cause_ids))
    )


def _lock_faults(rows, existing: _Existing, columns: _Columns, *, approve: bool) -> list[ImportFault]:
    faults = []
    letter = column_letter(columns.index[COL_YEAR])
    for r in rows:
        household = existing.households.get((r.commune.pk, r.code))
        review = existing.reviews.get((household.pk, r.year)) if household else None
        if review is None or review.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED):
            continue
        if _review_matches(r, review, existing) and (review.status == ReviewStatus.APPROVED or not approve):
            continue
        if review.status == ReviewStatus.APPROVED:
            faults.append(ImportFault(r.row, COL_YEAR, letter,
                                      f"Phiếu rà soát năm {r.year} của hộ {r.code} đã được phê duyệt nên bị khóa; "
                                      "cần mở lại (có lý do) trước khi nhập đè."))
        elif not approve:
            faults.append(ImportFault(r.row, COL_YEAR, letter,
                                      f"Phiếu rà soát năm {r.year} của hộ {r.code} đã nộp, đang chờ phê duyệt nên "
                                      "không nhập đè được; cấp phê duyệt cần trả lại trước."))
    return faults


def _household_changes(r: ParsedRow, hh: Household, existing: _Existing) -> dict[str, object]:
    """Field → new value for what the row changes on a stored household."""
    new = {"head_name": r.head_name}
    if r.village is not None:
        new["village"] = r.village
    if r.area is not None:
        new["area"] = r.area
    if r.ethnic is not None:
        new["is_ethnic_minority"] = r.ethnic
    # A household with a member list derives its size and labour capacity from the members.
    if hh.pk not in existing.with_members:
        if r.member_count is not None:
            new["member_count"] = r.member_count
        if r.no_labour is not None:
            new["has_labour_capacity"] = not r.no_labour
    return {k: v for k, v in new.items() if getattr(hh, k) != v}


class _Inserter:
    """INSERT many rows of one model in few statements: the import's hot path.

    ``bulk_create`` spends most of its time preparing each value through the ORM
    (≈ 170 µs per household row on SQLite here, which alone would miss the
    2.000 rows/s goal). The rows here are already checked and hold plain values, so
    they go straight to the database; every column not given gets its model default
    (``auto_now``/``auto_now_add`` columns: the import's time) once. Dates and times
    are adapted by the backend's own ``connection.ops`` functions.

    SQLite prepares one statement and runs it per row (``executemany``, fast in-process);
    other databases get multi-row ``VALUES`` lists, one round trip per batch.
    """

    def __init__(self, model, fields: list[str], *, now, multi_row: bool | None = None):
        meta = model._meta
        given = {meta.get_field(name).column for name in fields}
        fixed = {}
        for f in meta.concrete_fields:
            if f.primary_key or f.column in given:
                continue
            value = now if (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)) else f.get_default()
            fixed[f.column] = f.get_db_prep_save(value, connection)
        self.fixed = tuple(fixed.values())
        quote = connection.ops.quote_name
        columns = [meta.get_field(name).column for name in fields] + list(fixed)
        self.head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(c) for c in columns)}) VALUES "
        self.placeholders = f"({', '.join(['%s'] * len(columns))})"
        self.multi_row = connection.vendor != "sqlite" if multi_row is None else multi_row
        limit = connection.features.max_query_params
        self.rows_per_statement = min(BATCH, limit // len(columns)) if limit else BATCH

    def insert(self, rows: list[tuple]) -> None:
        fixed = self.fixed
        with connection.cursor() as cursor:
            if not self.multi_row:
                for start in range(0, len(rows), BATCH * 2):
                    cursor.executemany(self.head + self.placeholders,
                                       [row + fixed for row in rows[start:start + BATCH * 2]])
                return
            step = self.rows_per_statement
            for start in range(0, len(rows), step):
                chunk = rows[start:start + step]
                cursor.execute(self.head + ", ".join([self.placeholders] * len(chunk)),
                               [value for row in chunk for value in row + fixed])


@dataclass(slots=True)
class _HouseholdInfo:
    pk: int
    commune_id: int
    area: str
    has_labour_capacity: bool


HISTORY_FIELDS = ["household_id", "object_type", "object_id", "object_label", "action", "field", "field_label",
                  "old_value", "new_value", "comment", "actor_id"]


def _history_tuple(entry: HistoryEntry) -> tuple:
    return tuple(getattr(entry, name) for name in HISTORY_FIELDS)


def _write(rows: list[ParsedRow], existing: _Existing, reference: _Reference, result: ImportResult, *,
           acting_user, approve: bool, file_name: str) -> set[int]:
    """Write the checked rows; returns the ids of the households whose reviews were written."""
    now = timezone.now()
    actor_id = acting_user.pk if acting_user is not None else None
    comment = f"Nhập từ Excel: {file_name}" if file_name else "Nhập từ Excel"
    history: list[tuple] = []
    category_label = dict(Category.choices)
    category_field = str(Review._meta.get_field("category").verbose_name)

    # Households: the latest year's row of each household carries its current details.
    latest: dict[tuple[int, str], ParsedRow] = {}
    for r in sorted(rows, key=lambda r: (r.year, r.row)):
        latest[(r.commune.pk, r.code)] = r
    info: dict[tuple[int, str], _HouseholdInfo] = {}
    new_households, changed_households, old_values = [], [], {}
    for key, r in latest.items():
        hh = existing.households.get(key)
        if hh is None:
            new_households.append((
                r.code, r.commune.pk, r.head_name, r.village or "", r.area or r.commune.area, r.member_count or 1,
                bool(r.ethnic), not r.no_labour, actor_id,
            ))
            continue
        info[key] = _HouseholdInfo(hh.pk, hh.commune_id, hh.area, hh.has_labour_capacity)
        # An older year's list must not overwrite what a later review recorded about the household.
        if r.year < existing.latest_year.get(hh.pk, 0):
            continue
        changes = _household_changes(r, hh, existing)
        if changes:
            old_values[hh.pk] = {k: display_value(hh, k) for k in changes}
            for name, value in changes.items():
                setattr(hh, name, value)
            hh.updated_at = now
            hh.version = F("version") + 1
            changed_households.append(hh)
            info[key] = _HouseholdInfo(hh.pk, hh.commune_id, hh.area, hh.has_labour_capacity)
    if new_households:
        _Inserter(Household, ["code", "commune_id", "head_name", "village", "area", "member_count",
                              "is_ethnic_minority", "has_labour_capacity", "created_by_id"], now=now
                  ).insert(new_households)
        by_key = {(row[1], row[0]): row for row in new_households}
        # The rows just inserted carry this import's timestamp: one query per commune finds their ids
        # (executemany returns none), without IN lists of thousands of codes.
        for commune_id in sorted({row[1] for row in new_households}):
            for pk, code in Household.objects.filter(commune_id=commune_id, created_at=now).values_list("pk", "code"):
                row = by_key.get((commune_id, code))
                if row is None:
                    continue
                info[(commune_id, code)] = _HouseholdInfo(pk, commune_id, row[4], row[7])
                history.append((pk, "household", pk, f"Hộ {code}", HistoryAction.CREATE, "", "", "", "",
                                f"{comment}, dòng {latest[(commune_id, code)].row}", actor_id))
    if changed_households:
        Household.objects.bulk_update(changed_households, list(HOUSEHOLD_IMPORT_FIELDS) + ["updated_at", "version"],
                                      batch_size=BATCH)
        for hh in changed_households:
            r = latest[(hh.commune_id, hh.code)]
            hh.version = None  # F() was applied in the database; the object is not reused
            history += [_history_tuple(e) for e in history_entries(
                household_id=hh.pk, object_type="household", obj=hh, label=f"Hộ {hh.code}",
                action=HistoryAction.UPDATE, old=old_values[hh.pk],
                new={k: display_value(hh, k) for k in old_values[hh.pk]}, actor=acting_user,
                comment=f"{comment}, dòng {r.row}")]
    result.households_created = len(new_households)
    result.households_updated = len(changed_households)

    # Reviews. The derived fields are those of services.review_compute: standard of the year,
    # effective date 14/12 (an imported yearly review has no date), category by classify().
    status_for_new = ReviewStatus.APPROVED if approve else ReviewStatus.DRAFT
    approved_by, approved_at = (actor_id, now) if approve else (None, None)
    effective = {}
    new_reviews, new_links, changed_reviews = [], {}, []
    indicator_rows, cause_rows, replace_indicators, replace_causes = [], [], [], []
    events: list[tuple] = []
    for r in rows:
        hh = info[(r.commune.pk, r.code)]
        review = existing.reviews.get((hh.pk, r.year))
        if review is None:
            snapshot = reference.snapshot(r.year)
            area = r.area or hh.area
            labour = (not r.no_labour) if r.no_labour is not None else hh.has_labour_capacity
            count = len(r.indicator_ids)
            category = classify(snapshot, area, r.income, count)
            if r.year not in effective:
                effective[r.year] = connection.ops.adapt_datefield_value(default_effective_date(r.year, None))
            new_reviews.append((hh.pk, hh.commune_id, r.year, ReviewRound.PERIODIC, effective[r.year],
                                snapshot.standard_id, area, r.income, count, category, labour, status_for_new,
                                actor_id, approved_by, approved_at))
            new_links[(hh.pk, r.year)] = r
            continue
        review.household = existing.households[(r.commune.pk, r.code)]  # cached: no query in review_compute
        if _review_matches(r, review, existing) and (review.status == ReviewStatus.APPROVED or not approve):
            result.unchanged += 1
            continue
        old_status = review.status
        old = {k: display_value(review, k) for k in REVIEW_IMPORT_FIELDS}
        old["deprived_indicators"] = _names(existing.indicator_ids.get(review.pk, ()), reference, r.year)
        old["causes"] = _cause_names(existing.cause_ids.get(review.pk, ()), reference)
        review.area = r.area or review.area
        review.income_per_capita = r.income
        if r.no_labour is not None:
            review.has_labour_capacity = not r.no_labour
        if approve:
            review.status, review.approved_by_id, review.approved_at = ReviewStatus.APPROVED, actor_id, now
        review_compute(review, deprivation_count=len(r.indicator_ids), snapshot=reference.snapshot(r.year))
        review.updated_at = now
        review.version = F("version") + 1
        changed_reviews.append((r, review, old, old_status))
        replace_indicators.append(review.pk)
        indicator_rows += [(review.pk, i) for i in r.indicator_ids]
        if r.cause_ids is not None:
            replace_causes.append(review.pk)
            cause_rows += [(review.pk, c) for c in r.cause_ids]

    if new_reviews:
        _Inserter(Review, ["household_id", "commune_id", "year", "round", "effective_date", "standard_id", "area",
                           "income_per_capita", "deprivation_count", "category", "has_labour_capacity", "status",
                           "created_by_id", "approved_by_id", "approved_at"], now=now).insert(
            [row[:14] + (connection.ops.adapt_datetimefield_value(row[14]),) for row in new_reviews]
            if approve else new_reviews)
        for commune_id in sorted({row[1] for row in new_reviews}):
            for pk, household_id, year, category in Review.objects.filter(
                    commune_id=commune_id, created_at=now).values_list("pk", "household_id", "year", "category"):
                r = new_links.get((household_id, year))
                if r is None:
                    continue
                indicator_rows += [(pk, i) for i in r.indicator_ids]
                cause_rows += [(pk, c) for c in r.cause_ids or ()]
                note = f"{comment}, dòng {r.row}"
                history.append((household_id, "review", pk, f"Rà soát {year} (định kỳ hằng năm)",
                                HistoryAction.CREATE, "category", category_field, "", category_label[category],
                                note, actor_id))
                events.append((pk, ReviewAction.IMPORTED, "", status_for_new, note, actor_id))
    if changed_reviews:
        Review.objects.bulk_update(
            [review for _, review, _, _ in changed_reviews],
            ["area", "income_per_capita", "has_labour_capacity", "deprivation_count", "category", "standard",
             "effective_date", "status", "approved_by", "approved_at", "updated_at", "version"],
            batch_size=BATCH,
        )
        through_i, through_c = Review.deprived_indicators.through, Review.causes.through
        for chunk in _chunks(replace_indicators):
            through_i.objects.filter(review_id__in=chunk).delete()
        for chunk in _chunks(replace_causes):
            through_c.objects.filter(review_id__in=chunk).delete()
        for r, review, old, old_status in changed_reviews:
            review.version = None
            new = {k: display_value(review, k) for k in REVIEW_IMPORT_FIELDS}
            new["deprived_indicators"] = _names(r.indicator_ids, reference, r.year)
            new["causes"] = _cause_names(r.cause_ids, reference) if r.cause_ids is not None else old["causes"]
            note = f"{comment}, dòng {r.row}"
            history += [_history_tuple(e) for e in history_entries(
                household_id=review.household_id, object_type="review", obj=review,
                label=f"Rà soát {review.year} (định kỳ hằng năm)", action=HistoryAction.UPDATE, old=old, new=new,
                actor=acting_user, comment=note)]
            events.append((review.pk, ReviewAction.IMPORTED, old_status, review.status, note, actor_id))

    # The many-to-many rows in bulk too (never ``.set()`` per review).
    if indicator_rows:
        _Inserter(Review.deprived_indicators.through, ["review_id", "indicator_id"], now=now).insert(indicator_rows)
    if cause_rows:
        _Inserter(Review.causes.through, ["review_id", "povertycause_id"], now=now).insert(cause_rows)
    if events:
        _Inserter(ReviewEvent, ["review_id", "action", "from_status", "to_status", "comment", "actor_id"],
                  now=now).insert(events)
    if history:
        _Inserter(HistoryEntry, HISTORY_FIELDS, now=now).insert(history)

    result.reviews_created = len(new_reviews)
    result.reviews_updated = len(changed_reviews)
    result.commune_ids = {row[1] for row in new_reviews} | {rv.commune_id for _, rv, _, _ in changed_reviews}
    result.years = {row[2] for row in new_reviews} | {rv.year for _, rv, _, _ in changed_reviews}
    return {row[0] for row in new_reviews} | {rv.household_id for _, rv, _, _ in changed_reviews}


def refresh_current_status(household_ids) -> int:
    """Each household's current category/year = its latest approved review; returns how many changed.

    The rule of ``services.household_refresh_status`` (latest by effective date, then year,
    then id), computed in Python from one query per chunk and written as one UPDATE per
    (category, year) group: a row-by-row ``bulk_update`` takes minutes for a 50.000-row list.
    """
    changed: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for chunk in _chunks(sorted(set(household_ids))):
        best: dict[int, tuple] = {}
        for household_id, effective_date, year, pk, category in Review.objects.filter(
                household_id__in=chunk, status=ReviewStatus.APPROVED).values_list(
                "household_id", "effective_date", "year", "pk", "category"):
            candidate = (effective_date, year, pk, category)
            if household_id not in best or candidate[:3] > best[household_id][:3]:
                best[household_id] = candidate
        for pk, current_category, current_year in Household.objects.filter(pk__in=chunk).values_list(
                "pk", "current_category", "current_year"):
            _, year, _, category = best.get(pk, (None, None, None, ""))
            if (current_category, current_year) != (category, year):
                changed[(category, year)].append(pk)
    for (category, year), ids in changed.items():
        for chunk in _chunks(ids):
            Household.objects.filter(pk__in=chunk).update(current_category=category, current_year=year)
    return sum(len(ids) for ids in changed.values())


def _names(indicator_ids, reference: _Reference, year: int) -> str:
    names = reference.snapshot(year).indicator_names
    return "; ".join(sorted(names[i] for i in indicator_ids if i in names))


def _cause_names(cause_ids, reference: _Reference) -> str:
    by_id = {c.pk: c.name for c in reference.causes.values()}
    return "; ".join(sorted(by_id[c] for c in cause_ids if c in by_id))
