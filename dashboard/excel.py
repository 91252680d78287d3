"""The dashboard's numbers as a workbook: the headline figures, then one sheet per chart with the same
table the page shows under it (so a printout, the page and the file always agree)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from households.excel import safe_cell

SHEET_NAMES = {
    "rate_by_unit": "Tỷ lệ theo đơn vị",
    "rate_over_years": "Tỷ lệ qua các năm",
    "quota_progress": "Tiến độ chỉ tiêu",
    "deprivation_profile": "Chỉ số thiếu hụt",
    "causes": "Nguyên nhân nghèo",
    "timeliness": "Nộp báo cáo",
}


def headline_rows(data) -> list[tuple[str, object]]:
    h = data.headline
    return [
        ("Tổng số hộ", h.total_households),
        ("Hộ nghèo cuối năm", h.poor),
        ("Tỷ lệ hộ nghèo (%)", h.poor_rate),
        ("Hộ cận nghèo cuối năm", h.near_poor),
        ("Tỷ lệ hộ cận nghèo (%)", h.near_poor_rate),
        ("Hộ nghèo tăng (+) / giảm (−) so với đầu năm", h.poor_change),
        ("Tỷ lệ hộ nghèo năm trước (%)", h.poor_rate_previous),
        ("Chỉ tiêu giảm hộ nghèo", h.quota),
        ("Số hộ nghèo giảm", h.reduced),
        ("Tỷ lệ hoàn thành chỉ tiêu (%)", h.quota_completion),
        ("Hộ nghèo không có khả năng lao động", h.poor_without_labour),
        ("Hộ nghèo dân tộc thiểu số", h.poor_ethnic),
        ("Hộ thoát nghèo", h.escaped),
        ("Hộ nghèo phát sinh", h.new_poor),
        ("Hộ tái nghèo", h.relapsed),
    ]


def _title(ws, text: str, sub: str):
    ws.append([text])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([sub])
    ws.append([])


def build_dashboard_workbook(data, output, *, only: str | None = None) -> None:
    """Write the workbook to ``output`` (a path or binary file); ``only`` keeps one chart's sheet."""
    wb = Workbook()
    ws = wb.active
    place = f"{data.unit.full_name} – năm {data.year}"
    refreshed = f"Số liệu cập nhật lúc {data.refreshed_at:%H:%M %d/%m/%Y}." if data.refreshed_at else ""
    if only is None:
        ws.title = "Chỉ số chính"
        _title(ws, "BẢNG TỔNG QUAN GIẢM NGHÈO", f"{place}. {refreshed}".strip())
        ws.append(["Chỉ số", "Giá trị"])
        for cell in ws[4]:
            cell.font = Font(bold=True)
        for label, value in headline_rows(data):
            ws.append([label, value])
        ws.column_dimensions["A"].width = 48
        ws.column_dimensions["B"].width = 16
    else:
        wb.remove(ws)
    for key, chart in data.charts.items():
        if only is not None and key != only:
            continue
        sheet = wb.create_sheet(SHEET_NAMES[key])
        _title(sheet, chart["title"].upper(), place)
        sheet.append(chart["headers"])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in chart["rows"]:
            sheet.append([safe_cell(v) if isinstance(v, str) else v for v in row])
        if chart["note"]:
            sheet.append([])
            sheet.append([chart["note"]])
        sheet.column_dimensions["A"].width = 34
        for letter in "BCDEFG":
            sheet.column_dimensions[letter].width = 16
    wb.save(output)
