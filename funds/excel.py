"""Funds in Excel, in the shape finance offices exchange: one row per project × source × year (and per receiving
unit where the allocation is assigned), in and out.

Columns (headers are matched ignoring case, accents and spaces; their order does not matter):

    STT | Năm | Dự án, tiểu dự án | Nguồn vốn | Đơn vị được giao | Dự toán (đồng) | Phân bổ (đồng) |
    Giải ngân quý I (đồng) | Số chứng từ quý I | Ngày chứng từ quý I | … quý IV … |
    Tổng giải ngân (đồng) | Tỷ lệ giải ngân (%) | Ghi chú

``funds_workbook`` writes it, print-ready (``directory.sheets``). ``funds_import`` reads a person's file: the
project and the source are matched leniently (``directory.lenient``: "Dự án 2", "3.1", "NSTW", "huy dong"),
the receiving unit is an agency of the plan's unit or a commune under it (blank: not yet assigned). A row
replaces what it names: the line's estimate (when given), the allocation's amount and note, and the four
quarters' disbursements (a blank quarter has none). Rows and lines the file does not name stay as they are.

All or nothing: the file is bounded while it is read (``directory.xlsx_guard``), and any fault (a row, a
column, the over-allocation rule, a model rule) leaves the database as it was and lists every fault with
its Excel row, column and reason in Vietnamese.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from directory.lenient import LenientChoices, NoMatch, fold
from directory.lineage import year_end
from directory.lookup import UnitLookupError, UnitResolver
from directory.models import AdministrativeUnit, Agency
from directory.sheets import (
    CODE,
    DATE,
    MONEY,
    ORDER,
    RATE,
    TEXT,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    is_signature_row,
    issuing_body,
    use_document_font,
)
from directory.sheets import rate as sheet_rate
from directory.text import clean_text
from directory.xlsx_guard import XlsxLimitError, check_xlsx
from plans.models import Plan, PlanEvent

from . import rules
from .models import FundAllocation, FundDisbursement, FundLine, FundSource
from .services import project_label

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_SEARCH_ROWS = 40
MAX_DATA_ROWS = 20000  # a province plan: 7 projects × ~20 sub-projects × 4 sources × hundreds of units
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# field -> header as written by the export (the contract documented in the README)
HEADERS = {
    "order": "STT",
    "year": "Năm",
    "project": "Dự án, tiểu dự án",
    "source": "Nguồn vốn",
    "recipient": "Đơn vị được giao",
    "estimate": "Dự toán (đồng)",
    "allocated": "Phân bổ (đồng)",
    **{f"q{q}": f"Giải ngân quý {ROMAN[q]} (đồng)" for q in (1, 2, 3, 4)},
    **{f"q{q}_number": f"Số chứng từ quý {ROMAN[q]}" for q in (1, 2, 3, 4)},
    **{f"q{q}_date": f"Ngày chứng từ quý {ROMAN[q]}" for q in (1, 2, 3, 4)},
    "disbursed": "Tổng giải ngân (đồng)",
    "rate": "Tỷ lệ giải ngân (%)",
    "note": "Ghi chú",
}
COLUMN_ORDER = ["order", "year", "project", "source", "recipient", "estimate", "allocated",
                *[f"q{q}{suffix}" for q in (1, 2, 3, 4) for suffix in ("", "_number", "_date")],
                "disbursed", "rate", "note"]
WIDTHS = {"order": 5, "year": 6, "project": 30, "source": 14, "recipient": 18, "estimate": 15, "allocated": 15,
          "disbursed": 15, "rate": 10, "note": 18}
KINDS = {"order": ORDER, "year": CODE, "estimate": MONEY, "allocated": MONEY, "disbursed": MONEY, "rate": RATE}
for _q in (1, 2, 3, 4):
    WIDTHS.update({f"q{_q}": 14, f"q{_q}_number": 11, f"q{_q}_date": 11})
    KINDS.update({f"q{_q}": MONEY, f"q{_q}_number": TEXT, f"q{_q}_date": DATE})
REQUIRED = ("year", "project", "source")
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

SOURCE_CODES = {
    FundSource.CENTRAL: ("NSTW", "NS TW", "NS trung ương", "Ngân sách TW", "Trung ương"),
    FundSource.LOCAL: ("NSĐP", "NSDP", "NS ĐP", "NS địa phương", "Ngân sách ĐP", "Địa phương"),
    FundSource.INTEGRATED: ("LG", "Vốn lồng ghép", "Lồng ghép các chương trình"),
    FundSource.MOBILISED: ("HĐ", "Huy động", "Huy động khác", "Xã hội hóa", "Vốn huy động"),
}


def safe_text(value):
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def funds_filename(plan: Plan, year: int) -> str:
    return f"kinh-phi-{plan.code}-{year}.xlsx"


# ------------------------------------------------------------------------------------------------ export


def export_rows(*, plan: Plan, year: int, user=None):
    """One dict per allocation (and per line with none), in the export's column names."""
    lines = FundLine.objects.filter(plan=plan, year=year)
    allocations = FundAllocation.objects.filter(line__plan=plan, line__year=year)
    disbursements = FundDisbursement.objects.filter(allocation__line__plan=plan, allocation__line__year=year)
    if user is not None:
        lines, allocations, disbursements = (lines.for_user(user), allocations.for_user(user),
                                             disbursements.for_user(user))
    by_allocation: dict[int, dict[int, FundDisbursement]] = {}
    for d in disbursements:
        by_allocation.setdefault(d.allocation_id, {})[d.quarter] = d
    by_line: dict[int, list[FundAllocation]] = {}
    for a in allocations.select_related("agency", "commune").order_by("agency__name", "commune__name", "pk"):
        by_line.setdefault(a.line_id, []).append(a)
    rows = []
    lines = lines.select_related("project__parent").order_by(
        "project__parent__order", "project__parent__number", "project__order", "project__number", "source")
    for line in lines:
        allocs = by_line.get(line.pk) or [None]
        for index, allocation in enumerate(allocs):
            row = {"year": line.year, "project": project_label(line.project),
                   "source": line.get_source_display(), "estimate": line.estimate if index == 0 else None,
                   "recipient": "", "allocated": None, "disbursed": None, "rate": None, "note": line.note}
            if allocation is not None:
                quarters = by_allocation.get(allocation.pk, {})
                disbursed = sum(d.amount for d in quarters.values())
                row.update(recipient="" if not (allocation.agency_id or allocation.commune_id)
                           else allocation.recipient_label, allocated=allocation.amount, disbursed=disbursed,
                           rate=rules.rate(disbursed, allocation.amount), note=allocation.note)
                for q, d in quarters.items():
                    row.update({f"q{q}": d.amount, f"q{q}_number": d.document_number, f"q{q}_date": d.document_date})
            rows.append(row)
    return rows


def funds_workbook(*, plan: Plan, year: int, user=None) -> Workbook:
    wb = Workbook()
    use_document_font(wb)
    wb.properties.creator = "Quản lý giảm nghèo bền vững"
    ws = wb.active
    ws.title = f"Kinh phí {year}"
    columns = [Column(HEADERS[name], WIDTHS[name], KINDS.get(name, TEXT)) for name in COLUMN_ORDER]
    sheet = DocumentSheet(ws, columns=columns, landscape=True, header=DocumentHeader(
        title=f"DỰ TOÁN, PHÂN BỔ VÀ GIẢI NGÂN KINH PHÍ NĂM {year}", issuer=issuing_body(plan.unit),
        period=f"Năm {year}", unit=f"Kế hoạch: {plan}",
        notes=["Mỗi dòng: một dự án (tiểu dự án) × nguồn vốn × năm, theo đơn vị được giao (để trống: chưa giao "
               "đơn vị cụ thể). Số tiền bằng đồng. Tỷ lệ giải ngân = tổng giải ngân / phân bổ."]))
    sheet.start()
    totals = {"estimate": 0, "allocated": 0, "disbursed": 0}
    for number, row in enumerate(export_rows(plan=plan, year=year, user=user), start=1):
        row["order"] = number
        for key in totals:
            totals[key] += row.get(key) or 0
        values = []
        for name in COLUMN_ORDER:
            value = row.get(name)
            if name == "rate" and value is not None:
                value = sheet_rate(float(value))
            values.append(safe_text(value) if isinstance(value, str) else value)
        sheet.row(values)
    total_values = [None] * len(COLUMN_ORDER)
    total_values[COLUMN_ORDER.index("project")] = "Tổng cộng"
    for key, value in totals.items():
        total_values[COLUMN_ORDER.index(key)] = value
    rate = rules.rate(totals["disbursed"], totals["allocated"])
    total_values[COLUMN_ORDER.index("rate")] = sheet_rate(float(rate)) if rate is not None else None
    sheet.row(total_values, bold=True)
    sheet.finish(signature=Signature(place=plan.unit.name, day=timezone.localdate()))
    return wb


# ------------------------------------------------------------------------------------------------ import


@dataclass(frozen=True)
class ImportIssue:
    message: str
    row: int | None = None
    column: str | None = None  # the column's header

    def __str__(self):
        where = []
        if self.row:
            where.append(f"Dòng {self.row}")
        if self.column:
            where.append(f"cột “{self.column}”")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class FundsImportError(Exception):
    """Nothing was imported; ``issues`` lists every fault."""

    def __init__(self, issues):
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))

    @property
    def messages(self) -> list[str]:
        limit = settings.IMPORT_MAX_FAULTS
        shown = [str(i) for i in self.issues[:limit]]
        if len(self.issues) > limit:
            shown.append(f"… và {len(self.issues) - limit} lỗi khác.")
        return shown


@dataclass
class ParsedRow:
    number: int
    year: int
    project: object
    source: str
    agency: Agency | None
    commune: AdministrativeUnit | None
    estimate: int | None
    allocated: int | None
    quarters: dict[int, tuple[int, str, datetime.date]]
    note: str

    @property
    def recipient_key(self):
        return ("agency", self.agency.pk) if self.agency else ("commune", self.commune.pk) if self.commune else None


@dataclass
class ImportResult:
    rows: int = 0
    years: set[int] = field(default_factory=set)
    lines_created: int = 0


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value)
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        text = text[1:]
    return text


def _header_field(text) -> str | None:
    key = fold(text)
    for name, header in HEADERS.items():
        if key == fold(header):
            return name
    # shorter ways of writing the same headers
    aliases = {"tt": "order", "sott": "order", "duan": "project", "duantieuduan": "project", "nguon": "source",
               "donvi": "recipient", "donviduocgiao": "recipient", "dutoan": "estimate", "phanbo": "allocated",
               "tonggiaingan": "disbursed", "tylegiaingan": "rate", "tyle": "rate"}
    key = re.sub(r"\(.*?\)", "", key)
    return aliases.get(key)


def _parse_date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    if not match:
        raise ValueError(f"“{text}” không phải ngày (ghi dd/mm/yyyy).")
    try:
        return datetime.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError as exc:
        raise ValueError(f"“{text}” không phải ngày có thật.") from exc


def check_upload(*, filename: str, size: int | None) -> list[ImportIssue]:
    issues = []
    if PurePath(filename or "").suffix.lower() != ".xlsx":
        issues.append(ImportIssue(f"Chỉ nhận tệp Excel .xlsx; tệp “{filename or '(không tên)'}” không phải .xlsx."))
    limit = settings.IMPORT_MAX_FILE_SIZE
    if size is not None and size > limit:
        issues.append(ImportIssue(f"Tệp nặng {size / 1048576:.1f} MB, vượt giới hạn {limit / 1048576:.1f} MB."))
    return issues


def _read_rows(source) -> tuple[list[tuple], list[ImportIssue]]:
    """The first sheet's rows, bounded: the zip is inspected first, then rows are counted while read."""
    try:
        check_xlsx(source, max_rows=HEADER_SEARCH_ROWS + MAX_DATA_ROWS)
    except XlsxLimitError as exc:
        return [], [ImportIssue(exc.message)]
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [], [ImportIssue(f"Không mở được tệp như một bảng tính Excel .xlsx ({type(exc).__name__}).")]
    rows: list[tuple] = []
    try:
        if not workbook.worksheets:
            return [], [ImportIssue("Tệp không có trang tính nào.")]
        for cells in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append(tuple(cells))
            if len(rows) > HEADER_SEARCH_ROWS + MAX_DATA_ROWS:
                return [], [ImportIssue(f"Bảng dài quá {MAX_DATA_ROWS} dòng; hãy chia thành nhiều tệp.")]
    finally:
        workbook.close()
    return rows, []


class _Matchers:
    def __init__(self, plan: Plan):
        self.plan = plan
        projects = list(plan.projects.select_related("parent"))

        def codes(p):
            if p.parent_id:
                return (f"{p.parent.label} › {p.label}", f"{p.label} thuộc {p.parent.label}",
                        f"{p.parent.number}.{p.number}", p.name)
            return (p.label, str(p.number), p.name)

        self.projects = LenientChoices(projects, name=project_label, codes=codes, what="dự án, tiểu dự án")
        self.sources = LenientChoices(list(FundSource), name=lambda s: s.label,
                                      codes=lambda s: (s.value, *SOURCE_CODES[s]), what="nguồn vốn")
        agencies = list(Agency.objects.filter(unit__path__startswith=plan.unit.path).select_related("unit"))
        self.agencies = LenientChoices(agencies, name=lambda a: a.name, codes=lambda a: (), what="cơ quan")
        self._resolvers: dict[int, UnitResolver] = {}

    def commune(self, name: str, year: int):
        if year not in self._resolvers:
            self._resolvers[year] = UnitResolver(AdministrativeUnit.objects.communes(), within=self.plan.unit,
                                                 on=year_end(year))
        return self._resolvers[year].resolve(name)


def parse_rows(rows: list[tuple], plan: Plan) -> tuple[list[ParsedRow], list[ImportIssue]]:
    issues: list[ImportIssue] = []
    header_index, columns = None, {}
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {}
        for col, value in enumerate(cells):
            name = _header_field(value) if isinstance(value, str) else None
            if name and name not in found:
                found[name] = col
        # the row with both key headers, or with three known ones (then a missing key header is named below,
        # not reported as "no header row")
        if ("project" in found and "source" in found) or len(found) >= 3:
            header_index, columns = index, found
            break
    if header_index is None:
        return [], [ImportIssue("Không tìm thấy dòng tiêu đề (các cột “Năm”, “Dự án, tiểu dự án”, “Nguồn vốn”, "
                                f"“Dự toán (đồng)”…) trong {HEADER_SEARCH_ROWS} dòng đầu của trang tính.")]
    missing = [HEADERS[name] for name in REQUIRED if name not in columns]
    if missing:
        return [], [ImportIssue("thiếu cột " + ", ".join(f"“{m}”" for m in missing) + ".", row=header_index + 1)]
    if not any(name in columns for name in ("estimate", "allocated", "q1", "q2", "q3", "q4")):
        return [], [ImportIssue("không có cột số tiền nào (“Dự toán (đồng)”, “Phân bổ (đồng)”, “Giải ngân quý …”).",
                                row=header_index + 1)]

    matchers = _Matchers(plan)
    parsed: list[ParsedRow] = []
    for offset, cells in enumerate(rows[header_index + 1:]):
        number = header_index + 2 + offset

        def cell(name, cells=cells):
            col = columns.get(name)
            return cells[col] if col is not None and col < len(cells) else None

        if is_signature_row(cells):
            break
        values = {name: cell(name) for name in columns}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        if fold(_text(cell("project"))) in ("tongcong", "cong", "tong"):
            break
        row_issues: list[ImportIssue] = []

        def fault(name, message, row_issues=row_issues, number=number):
            row_issues.append(ImportIssue(message, row=number, column=HEADERS[name]))

        year = None
        raw_year = cell("year")
        try:
            year = int(float(_text(raw_year).replace(",", "."))) if _text(raw_year) else None
        except ValueError:
            fault("year", f"“{_text(raw_year)}” không phải là năm.")
        if year is None and raw_year in (None, ""):
            fault("year", "chưa ghi năm.")
        elif year is not None and not plan.first_year <= year <= plan.last_year:
            fault("year", f"năm {year} nằm ngoài thời kỳ của kế hoạch ({plan.period_label}).")
            year = None
        project = source = None
        for name in ("project", "source"):
            try:
                matched = (matchers.projects if name == "project" else matchers.sources).match(_text(cell(name)))
            except NoMatch as exc:
                fault(name, str(exc))
            else:
                if name == "project":
                    project = matched
                else:
                    source = matched
        agency = commune = None
        recipient = _text(cell("recipient"))
        if recipient:
            try:
                agency = matchers.agencies.match(recipient)
            except NoMatch:
                try:
                    commune = matchers.commune(recipient, year or plan.last_year)
                except UnitLookupError as exc:
                    fault("recipient", f"“{recipient}” không phải cơ quan của {plan.unit.name} và không tìm được xã: "
                                       f"{exc}")
        amounts = {}
        for name in ("estimate", "allocated", "q1", "q2", "q3", "q4"):
            try:
                amounts[name] = rules.parse_amount(cell(name))
            except rules.AmountError as exc:
                fault(name, f"số tiền {exc}")
                amounts[name] = None
        quarters = {}
        for q in (1, 2, 3, 4):
            amount = amounts[f"q{q}"]
            doc_number = _text(cell(f"q{q}_number"))
            try:
                doc_date = _parse_date(cell(f"q{q}_date"))
            except ValueError as exc:
                fault(f"q{q}_date", str(exc))
                continue
            if amount is None:
                if doc_number or doc_date:
                    fault(f"q{q}", f"có chứng từ quý {ROMAN[q]} nhưng chưa ghi số giải ngân.")
                continue
            if amount == 0:
                continue  # a written 0 is no disbursement
            if not doc_number:
                fault(f"q{q}_number", f"giải ngân quý {ROMAN[q]} phải có số chứng từ.")
            if doc_date is None:
                fault(f"q{q}_date", f"giải ngân quý {ROMAN[q]} phải có ngày chứng từ.")
            elif len(doc_number) > 60:
                fault(f"q{q}_number", "số chứng từ dài quá 60 ký tự.")
            else:
                quarters[q] = (amount, doc_number, doc_date)
        note = _text(cell("note"))
        disbursed = sum(a for a, _, _ in quarters.values())
        if quarters or amounts["allocated"] is not None:
            try:
                rules.check_within_allocation(allocated=amounts["allocated"] or 0, disbursed=disbursed, note=note)
            except rules.OverAllocation as exc:
                fault("note", exc.reason)
        if row_issues:
            issues.extend(row_issues)
            continue
        parsed.append(ParsedRow(number=number, year=year, project=project, source=source.value, agency=agency,
                                commune=commune, estimate=amounts["estimate"], allocated=amounts["allocated"],
                                quarters=quarters, note=note))
        if len(parsed) + len(issues) > MAX_DATA_ROWS:
            break

    # the same line given two estimates, the same allocation twice
    estimates: dict[tuple, tuple[int, int]] = {}
    seen: dict[tuple, int] = {}
    for row in parsed:
        line_key = (row.project.pk, row.year, row.source)
        if row.estimate is not None:
            if line_key in estimates and estimates[line_key][0] != row.estimate:
                issues.append(ImportIssue(
                    f"dự toán {rules.money(row.estimate)} khác dự toán {rules.money(estimates[line_key][0])} đã ghi ở "
                    f"dòng {estimates[line_key][1]} cho cùng dự án, nguồn vốn và năm.", row=row.number,
                    column=HEADERS["estimate"]))
            estimates.setdefault(line_key, (row.estimate, row.number))
        key = (*line_key, row.recipient_key)
        if key in seen:
            issues.append(ImportIssue(f"trùng với dòng {seen[key]} (cùng dự án, nguồn vốn, năm và đơn vị được giao).",
                                      row=row.number, column=HEADERS["recipient"]))
        seen.setdefault(key, row.number)
    return parsed, issues


FIELD_COLUMNS = {"agency": "recipient", "commune": "recipient", "project": "project", "year": "year",
                 "estimate": "estimate", "amount": "allocated", "note": "note"}


def _model_faults(exc: ValidationError, number: int, quarter: int | None = None) -> list[ImportIssue]:
    issues = []
    for name, errors in getattr(exc, "error_dict", {"__all__": exc.error_list}).items():
        column = FIELD_COLUMNS.get(name)
        if quarter is not None:
            column = {"document_date": f"q{quarter}_date", "document_number": f"q{quarter}_number",
                      "amount": f"q{quarter}", "note": "note"}.get(name, column)
        for error in errors:
            for message in error.messages:
                issues.append(ImportIssue(message, row=number, column=HEADERS.get(column) if column else None))
    return issues


def funds_import(*, plan: Plan, source, filename: str, size: int | None, acting_user) -> ImportResult:
    """Read the file and write every row, or nothing: raises ``FundsImportError`` listing every fault."""
    issues = check_upload(filename=filename, size=size)
    if issues:
        raise FundsImportError(issues)
    rows, issues = _read_rows(source)
    if issues:
        raise FundsImportError(issues)
    parsed, issues = parse_rows(rows, plan)
    if not parsed and not issues:
        issues.append(ImportIssue("Tệp không có dòng kinh phí nào dưới dòng tiêu đề."))
    if issues:
        raise FundsImportError(issues)

    result = ImportResult()
    try:
        with transaction.atomic():
            # one import per plan at a time: a second waits here, then reads what the first wrote
            list(Plan.objects.select_for_update().filter(pk=plan.pk).order_by().values_list("pk", flat=True))
            for row in parsed:
                issues.extend(_write_row(plan, row, acting_user, result))
            if issues:
                raise FundsImportError(issues)
            PlanEvent.objects.create(plan=plan, actor=acting_user, action="fund_import",
                                     detail=f"Nhập {len(parsed)} dòng kinh phí từ tệp {filename}.")
    except FundsImportError:
        raise
    result.rows = len(parsed)
    return result


def _validate(obj, extra_errors: dict) -> None:
    errors = {}
    for check in (obj.clean_fields, obj.validate_constraints):
        try:
            check()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
    for name, message in extra_errors.items():
        errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)


def _write_row(plan, row: ParsedRow, acting_user, result: ImportResult) -> list[ImportIssue]:
    result.years.add(row.year)
    line = FundLine.objects.filter(project=row.project, year=row.year, source=row.source).first()
    if line is None:
        line = FundLine(plan=plan, project=row.project, year=row.year, source=row.source, estimate=row.estimate or 0)
        result.lines_created += 1
    elif row.estimate is not None and row.estimate != line.estimate:
        line.estimate = row.estimate
        line.version += 1
    try:
        line.full_clean()
    except ValidationError as exc:
        return _model_faults(exc, row.number)
    line.save()
    if row.allocated is None and not row.quarters:
        return []
    allocation = FundAllocation.objects.filter(line=line, agency=row.agency, commune=row.commune).first()
    if allocation is None:
        allocation = FundAllocation(line=line, agency=row.agency, commune=row.commune)
    else:
        allocation.version += 1
    allocation.amount = row.allocated or 0
    allocation.note = row.note
    # the quarters the row names replace the allocation's: remove the others first, so the rule sees the file
    if allocation.pk:
        FundDisbursement.objects.filter(allocation=allocation).exclude(quarter__in=list(row.quarters)).delete()
    try:
        # the row's disbursements were checked against its allocation while parsing (they replace the saved
        # ones), so here only the fields, the recipient and the unique constraints
        _validate(allocation, allocation.recipient_errors())
    except ValidationError as exc:
        return _model_faults(exc, row.number)
    allocation.save()
    faults = []
    for quarter, (amount, number, date) in sorted(row.quarters.items()):
        entry = FundDisbursement.objects.filter(allocation=allocation, quarter=quarter).first()
        if entry is None:
            entry = FundDisbursement(allocation=allocation, quarter=quarter, recorded_by=acting_user)
        entry.amount, entry.document_number, entry.document_date, entry.note = amount, number, date, row.note
        try:
            _validate(entry, entry.date_errors())
        except ValidationError as exc:
            faults.extend(_model_faults(exc, row.number, quarter))
            continue
        if entry.pk:
            FundDisbursement.objects.filter(pk=entry.pk).update(
                amount=amount, document_number=number, document_date=date, note=row.note,
                version=F("version") + 1, updated_at=timezone.now())
        else:
            entry.save()
    return faults
