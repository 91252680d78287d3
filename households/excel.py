"""Excel (openpyxl) builders for household lists.

``build_escape_list_workbook`` writes the list of households able to escape poverty
in a year (sent by each commune to the district by 20/3); the reports app reuses it.
``safe_cell`` neutralises values a spreadsheet would run as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook

from directory.sheets import (
    CODE,
    COUNT,
    MARK,
    ORDER,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    use_document_font,
)

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def standard_line(list_year: int) -> str:
    """The poverty standard of the lists of ``list_year``, for a document's header ("" when none applies)."""
    from .classification import NoStandardError, standard_for_list_year

    try:
        return f"Chuẩn nghèo áp dụng: {standard_for_list_year(list_year).label}"
    except NoStandardError:
        return ""


def safe_cell(value):
    """A text starting with = + - @ becomes literal text (leading apostrophe), so a name is never a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


ESCAPE_LIST_COLUMNS = [
    Column("STT", 6, ORDER), Column("Xã", 14), Column("Thôn", 14), Column("Mã hộ", 12, CODE),
    Column("Họ và tên chủ hộ", 22), Column("Số nhân khẩu", 9, COUNT), Column("Không có khả năng lao động", 11, MARK),
    Column("Dân tộc thiểu số", 9, MARK), Column("Giải pháp, biện pháp", 34), Column("Hỗ trợ", 26),
    Column("Cán bộ phụ trách", 18), Column("Cơ quan giúp đỡ", 20), Column("Năm dự kiến thoát nghèo", 10, CODE),
]
ESCAPE_LIST_HEADERS = [(c.header, c.width) for c in ESCAPE_LIST_COLUMNS]


def build_escape_list_workbook(plans: Iterable, *, year: int, unit_name: str = "", unit=None) -> Workbook:
    """One print-ready sheet: the document header, one row per escape plan, the total and the signatures.

    ``plans`` need household, commune, agency and supports loaded; ``unit`` (the user's or the report's unit)
    names the issuing body and the place of signature.
    """
    wb = Workbook()
    use_document_font(wb)
    ws = wb.active
    ws.title = f"Thoát nghèo {year}"
    unit_name = unit_name or (unit.full_name if unit is not None else "")
    sheet = DocumentSheet(ws, columns=ESCAPE_LIST_COLUMNS, landscape=True, header=DocumentHeader(
        title=f"DANH SÁCH HỘ NGHÈO CÓ KHẢ NĂNG THOÁT NGHÈO NĂM {year}", issuer=issuing_body(unit),
        period=f"Năm {year}", unit=safe_cell(f"Đơn vị: {unit_name}") if unit_name else "",
        standard=standard_line(year)))
    sheet.start()
    count = 0
    for count, plan in enumerate(plans, start=1):
        household = plan.household
        sheet.row([
            count,
            safe_cell(household.commune.display_name),
            safe_cell(household.village),
            safe_cell(household.code),
            safe_cell(household.head_name),
            household.member_count,
            "" if household.has_labour_capacity else "x",
            "x" if household.is_ethnic_minority else "",
            safe_cell(plan.measures),
            safe_cell("; ".join(s.name for s in plan.supports.all())),
            safe_cell(plan.responsible_cadre),
            safe_cell(plan.helping_agency.name if plan.helping_agency else ""),
            plan.target_year,
        ])
    sheet.note(f"Tổng số: {count} hộ", italic=False, size=11)
    sheet.finish(signature=Signature(place=unit.name if unit is not None else ""))
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
