"""The calendar and the completeness table as print-ready Excel documents (directory.sheets)."""

from __future__ import annotations

import datetime
import io

from openpyxl import Workbook

from directory.sheets import (
    COUNT,
    DATE,
    ORDER,
    RATE,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    rate,
    use_document_font,
)
from households.excel import safe_cell

from .models import ReportRun

CALENDAR_COLUMNS = [Column("STT", 6, ORDER), Column("Hạn nộp", 12, DATE), Column("Báo cáo", 44),
                    Column("Kỳ", 14), Column("Đơn vị báo cáo", 26), Column("Gửi tới", 24), Column("Trạng thái", 16),
                    Column("Ngày nộp", 12, DATE)]
COMPLETENESS_COLUMNS = [Column("STT", 6, ORDER), Column("Báo cáo", 40), Column("Kỳ", 14), Column("Hạn nộp", 12, DATE),
                        Column("Phải nộp", 10, COUNT), Column("Đã nộp", 10, COUNT), Column("Đúng hạn", 10, COUNT),
                        Column("Muộn", 10, COUNT), Column("Quá hạn chưa nộp", 12, COUNT),
                        Column("Chưa đến hạn", 12, COUNT), Column("Tỷ lệ nộp", 10, RATE),
                        Column("Tỷ lệ đúng hạn", 10, RATE)]


def _document(columns, *, title: str, unit, period: str) -> tuple[Workbook, DocumentSheet]:
    workbook = Workbook()
    use_document_font(workbook)
    header = DocumentHeader(title=title, issuer=issuing_body(unit) if unit else "",
                            period=period, unit=f"Đơn vị: {unit.full_name}" if unit else "")
    sheet = DocumentSheet(workbook.active, columns=columns, header=header)
    sheet.start()
    return workbook, sheet


def _bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def calendar_workbook(runs, *, unit, year: int | None, today: datetime.date) -> bytes:
    """Runs in date order (the caller's queryset, already ordered by due date)."""
    workbook, sheet = _document(CALENDAR_COLUMNS, title="LỊCH BÁO CÁO", unit=unit,
                                period=(f"Năm {year}" if year else "Mọi năm") + f" – lập ngày {today:%d/%m/%Y}")
    for number, run in enumerate(runs, start=1):
        reporter = run.agency.name if run.agency_id else run.reporting_unit.display_name
        sheet.row([number, run.due_date, safe_cell(run.duty.title), run.period.label, safe_cell(reporter),
                   safe_cell(run.duty.recipient_label), ReportRun.status_label(run.status), run.submitted_on])
    sheet.finish(signature=Signature(place=unit.name if unit else "", day=today))
    return _bytes(workbook)


def completeness_workbook(rows, total: dict, *, unit, year: int, today: datetime.date) -> bytes:
    workbook, sheet = _document(COMPLETENESS_COLUMNS, title="TÌNH HÌNH NỘP BÁO CÁO", unit=unit,
                                period=f"Năm {year} – tính đến ngày {today:%d/%m/%Y}")
    for number, r in enumerate(rows, start=1):
        sheet.row([number, safe_cell(r.duty_title), r.period.label, r.due_date, r.expected, r.submitted, r.on_time,
                   r.late, r.missing, r.not_due, rate(r.reporting_rate), rate(r.on_time_rate)])
    sheet.row(["", "Tổng cộng", "", None, total["expected"], total["submitted"], total["on_time"], total["late"],
               total["missing"], total["not_due"], rate(total["reporting_rate"]), rate(total["on_time_rate"])],
              bold=True)
    sheet.finish(signature=Signature(place=unit.name if unit else "", day=today))
    return _bytes(workbook)



