"""Excel (openpyxl) builders for household lists.

``build_escape_list_workbook`` writes the list of households able to escape poverty
in a year (sent by each commune to the district by 20/3); the reports app reuses it.
``safe_cell`` neutralises values a spreadsheet would run as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def safe_cell(value):
    """A text starting with = + - @ becomes literal text (leading apostrophe), so a name is never a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


ESCAPE_LIST_HEADERS = [
    ("STT", 6), ("Xã", 18), ("Thôn", 16), ("Mã hộ", 12), ("Họ và tên chủ hộ", 26), ("Số nhân khẩu", 10),
    ("Không có khả năng lao động", 12), ("Dân tộc thiểu số", 10), ("Giải pháp, biện pháp", 40),
    ("Hỗ trợ", 30), ("Cán bộ phụ trách", 20), ("Cơ quan giúp đỡ", 24), ("Năm dự kiến thoát nghèo", 12),
]


def build_escape_list_workbook(plans: Iterable, *, year: int, unit_name: str = "") -> Workbook:
    """One sheet: title rows, then one row per escape plan (plans need household, commune, agency, supports)."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Thoát nghèo {year}"
    title = f"DANH SÁCH HỘ NGHÈO CÓ KHẢ NĂNG THOÁT NGHÈO NĂM {year}"
    ws.append([title])
    ws.append([safe_cell(unit_name)] if unit_name else [""])
    ws.append([])
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ESCAPE_LIST_HEADERS))
    ws["A1"].alignment = Alignment(horizontal="center")
    header_row = 4
    ws.append([name for name, _ in ESCAPE_LIST_HEADERS])
    for col, (_, width) in enumerate(ESCAPE_LIST_HEADERS, start=1):
        cell = ws.cell(row=header_row, column=col)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    count = 0
    for count, plan in enumerate(plans, start=1):
        household = plan.household
        ws.append([
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
        for col in range(1, len(ESCAPE_LIST_HEADERS) + 1):
            cell = ws.cell(row=header_row + count, column=col)
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.append([])
    ws.append(["", f"Tổng số: {count} hộ"])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
