"""The funds sheet of the six-month and annual reports ("Kinh phí"): disbursement as a share of allocation by
project and by receiving unit, print-ready like every sheet of the report (``directory.sheets``)."""

from __future__ import annotations

from django.utils import timezone

from directory.sheets import (
    MONEY,
    ORDER,
    RATE,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    rate,
)

from .reporting import fund_rates
from .rules import quarters_of

FUNDS_SHEET = "Kinh phí"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
COLUMNS = [Column("STT", 5, ORDER), Column("Dự án, tiểu dự án / đơn vị được giao", 46),
           Column("Kế hoạch / loại", 16), Column("Dự toán (đồng)", 18, MONEY), Column("Phân bổ (đồng)", 18, MONEY),
           Column("Giải ngân trong kỳ (đồng)", 18, MONEY), Column("Tỷ lệ giải ngân (%)", 12, RATE)]


def _rate(value):
    """12,34 % as the cell value 0.1234 (``directory.sheets.rate``)."""
    return rate(float(value)) if value is not None else None


def add_funds_sheet(wb, *, unit, period) -> None:
    """Append the "Kinh phí" sheet to a report workbook (also write-only ones)."""
    quarters = quarters_of(period.kind, period.number)
    _write_sheet(wb, fund_rates(unit=unit, year=period.year, quarters=quarters), unit=unit, year=period.year,
                 title=f"TÌNH HÌNH GIẢI NGÂN KINH PHÍ CHƯƠNG TRÌNH – {period.label.upper()}",
                 period_text=f"{period.label}: giải ngân quý {', '.join(ROMAN[q] for q in quarters)} năm "
                             f"{period.year}; dự toán và phân bổ cả năm {period.year}",
                 disbursed_header="Giải ngân trong kỳ (đồng)")


def add_dashboard_funds_sheet(wb, rates, *, unit, year: int) -> None:
    """The dashboard workbook's "Kinh phí" sheet: ``rates`` is ``funds.reporting.dashboard_fund_rates``, the
    figures of the dashboard's funds chart and table (the whole year, what the user may see)."""
    _write_sheet(wb, rates, unit=unit, year=year,
                 title=f"TỶ LỆ GIẢI NGÂN KINH PHÍ SO VỚI PHÂN BỔ, NĂM {year}",
                 period_text=f"Năm {year}: dự toán, phân bổ và giải ngân cả năm",
                 disbursed_header="Giải ngân (đồng)")


def _write_sheet(wb, rates, *, unit, year: int, title: str, period_text: str, disbursed_header: str) -> None:
    columns = [*COLUMNS[:5], Column(disbursed_header, 18, MONEY), COLUMNS[6]]
    ws = wb.create_sheet(FUNDS_SHEET)
    sheet = DocumentSheet(ws, columns=columns, landscape=True, header=DocumentHeader(
        title=title, issuer=issuing_body(unit), period=period_text,
        unit=f"Đơn vị: {unit.full_name} (mã {unit.code})",
        notes=[f"Tỷ lệ giải ngân = {disbursed_header.removesuffix(' (đồng)').lower()} / phân bổ. Kinh phí của các "
               "kế hoạch do đơn vị và cấp dưới ban hành, và phần cấp trên phân bổ cho các xã của đơn vị. "
               f"Lập lúc {timezone.localtime():%H:%M %d/%m/%Y}."]))
    sheet.start()
    sheet.row([None, "A. THEO DỰ ÁN, TIỂU DỰ ÁN", None, None, None, None, None], bold=True)
    for number, row in enumerate(rates.by_project, start=1):
        sheet.row([number, row.label, row.group, row.estimate, row.allocated, row.disbursed, _rate(row.rate)])
    total = rates.total
    sheet.row([None, "Tổng cộng", None, total.estimate, total.allocated, total.disbursed, _rate(total.rate)],
              bold=True)
    sheet.row([None, "B. THEO ĐƠN VỊ ĐƯỢC GIAO", None, None, None, None, None], bold=True)
    for number, row in enumerate(rates.by_unit, start=1):
        sheet.row([number, row.label, row.group, None, row.allocated, row.disbursed, _rate(row.rate)])
    if not rates.has_data:
        sheet.note(f"Chưa có số liệu kinh phí năm {year} của đơn vị.")
    sheet.finish(signature=Signature(place=unit.name, day=timezone.localdate()))
