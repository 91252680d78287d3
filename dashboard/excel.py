"""The dashboard's numbers as a workbook: the headline figures, then one sheet per chart with the same
table the page shows under it (so a printout, the page and the file always agree)."""

from __future__ import annotations

from django.utils import timezone
from openpyxl import Workbook

from directory.sheets import (
    COUNT,
    DECIMAL,
    RATE,
    TEXT,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    rate,
    use_document_font,
)
from funds.reporting import dashboard_fund_rates
from funds.sheets import FUNDS_SHEET, add_dashboard_funds_sheet
from households.excel import safe_cell

SHEET_NAMES = {
    "rate_by_unit": "Tỷ lệ theo đơn vị",
    "rate_over_years": "Tỷ lệ qua các năm",
    "quota_progress": "Tiến độ chỉ tiêu",
    "deprivation_profile": "Chỉ số thiếu hụt",
    "causes": "Nguyên nhân nghèo",
    "timeliness": "Nộp báo cáo",
    "funds": FUNDS_SHEET,  # the funds chart (funds.sheets), after the charts above
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


def _kind(header: str, values) -> str:
    """A column's kind from its header and values: rates say "(%)", years and names are text."""
    if header.endswith("(%)"):
        return RATE
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers:
        return TEXT
    return DECIMAL if any(isinstance(v, float) and not float(v).is_integer() for v in numbers) else COUNT


def _document(ws, columns, *, title: str, data, refreshed: str) -> DocumentSheet:
    sheet = DocumentSheet(ws, columns=columns, header=DocumentHeader(
        title=title, issuer=issuing_body(data.unit), period=f"Năm {data.year}",
        unit=safe_cell(f"Đơn vị: {data.unit.full_name}"), notes=[refreshed] if refreshed else []))
    sheet.start()
    return sheet


def build_dashboard_workbook(data, output, *, only: str | None = None, user=None) -> None:
    """Write the workbook to ``output`` (a path or binary file); ``only`` keeps one chart's sheet. ``user``: the
    funds sheet shows what they may see, as the page's funds chart does (None: every line of the unit).

    Each sheet is a print-ready document (``directory.sheets``); rates are percentage cells."""
    wb = Workbook()
    use_document_font(wb)
    ws = wb.active
    # stored in UTC: the page shows local time (Asia/Ho_Chi_Minh), and so must the file
    refreshed = (f"Số liệu cập nhật lúc {timezone.localtime(data.refreshed_at):%H:%M %d/%m/%Y}."
                 if data.refreshed_at else "")
    signature = Signature(place=data.unit.name, day=timezone.localdate())
    if only is None:
        ws.title = "Chỉ số chính"
        sheet = _document(ws, [Column("Chỉ số", 52), Column("Giá trị", 16, COUNT)],
                          title="BẢNG TỔNG QUAN GIẢM NGHÈO", data=data, refreshed=refreshed)
        for label, value in headline_rows(data):
            is_rate = label.endswith("(%)")
            sheet.row([label, rate(value) if is_rate else value], kinds=[None, RATE if is_rate else COUNT])
        sheet.finish(signature=signature)
    else:
        wb.remove(ws)
    for key, chart in data.charts.items():
        if only is not None and key != only:
            continue
        headers, rows = chart["headers"], chart["rows"]
        kinds = [_kind(h, [r[i] for r in rows]) for i, h in enumerate(headers)]
        columns = [Column(h, 30 if i == 0 else (34 if kinds[i] == TEXT else 14), kinds[i])
                   for i, h in enumerate(headers)]
        sheet = _document(wb.create_sheet(SHEET_NAMES[key]), columns, title=chart["title"].upper(), data=data,
                          refreshed=refreshed)
        for row in rows:
            sheet.row([rate(v) if kinds[i] == RATE else (safe_cell(v) if isinstance(v, str) else v)
                       for i, v in enumerate(row)])
        if chart["note"]:
            sheet.blank(height=6)
            sheet.note(chart["note"])
        sheet.finish(signature=signature)
    if only in (None, "funds"):
        add_dashboard_funds_sheet(wb, dashboard_fund_rates(unit=data.unit, year=data.year, user=user),
                                  unit=data.unit, year=data.year)
    wb.save(output)
