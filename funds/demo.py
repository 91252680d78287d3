"""Demo sample figures for the Thọ Xuân 2024 plan. NOT from the seed: the seed's "Kinh phí thực hiện" part
names the sources but gives no figure, so these amounts and documents are invented to show the screens, and
every row says so in its note (``DEMO_NOTE``). Idempotent: rows that exist are left as they are."""

from __future__ import annotations

import datetime

from django.db import transaction

from directory.lineage import year_end
from directory.lookup import UnitResolver
from directory.models import AdministrativeUnit, Agency
from plans.models import Plan

from .models import FundAllocation, FundDisbursement, FundLine

DEMO_NOTE = "Số liệu mẫu để trình diễn (văn bản mẫu không có số liệu kinh phí), không phải số liệu thật."
LDTBXH = "Phòng Lao động - Thương binh và Xã hội"

# (project number, source, estimate, [(recipient, allocated, {quarter: amount})])
THOXUAN_2024 = [
    (2, "ns_trung_uong", 1_200_000_000, [
        ("Xã Xuân Bái", 400_000_000, {1: 120_000_000, 2: 150_000_000}),
        ("Xã Thọ Lâm", 350_000_000, {2: 100_000_000}),
        (LDTBXH, 300_000_000, {1: 50_000_000, 2: 90_000_000}),
    ]),
    (2, "ns_dia_phuong", 240_000_000, [(LDTBXH, 240_000_000, {2: 120_000_000})]),
    (4, "ns_trung_uong", 500_000_000, [(LDTBXH, 450_000_000, {1: 100_000_000, 2: 150_000_000})]),
    (4, "huy_dong", 100_000_000, [("", 100_000_000, {2: 30_000_000})]),
    (7, "ns_dia_phuong", 80_000_000, [(LDTBXH, 80_000_000, {1: 20_000_000})]),
]
QUARTER_END = {1: (3, 28), 2: (6, 25), 3: (9, 26), 4: (12, 20)}


@transaction.atomic
def load_demo_funds() -> int:
    """Create the demo rows that are missing; returns how many rows were created."""
    plan = Plan.objects.select_related("unit").filter(code="thoxuan-2024").first()
    if plan is None:
        return 0
    year = 2024
    resolver = UnitResolver(AdministrativeUnit.objects.communes(), within=plan.unit, on=year_end(year))
    created = 0
    for number, source, estimate, allocations in THOXUAN_2024:
        project = plan.projects.filter(parent=None, kind="du_an", number=number).first()
        if project is None:
            continue
        line, new = FundLine.objects.get_or_create(project=project, year=year, source=source, defaults={
            "plan": plan, "estimate": estimate, "note": DEMO_NOTE})
        created += new
        for index, (recipient, amount, quarters) in enumerate(allocations, start=1):
            agency = commune = None
            if recipient.startswith("Phòng"):
                agency = Agency.objects.get(unit=plan.unit, name=recipient)
            elif recipient:
                commune = resolver.resolve(recipient)
            allocation, new = FundAllocation.objects.get_or_create(line=line, agency=agency, commune=commune, defaults={
                "amount": amount, "decision_number": f"Mẫu {number}{index}/QĐ-UBND",
                "decision_date": datetime.date(year, 1, 15), "note": DEMO_NOTE})
            created += new
            for quarter, paid in quarters.items():
                month, day = QUARTER_END[quarter]
                _, new = FundDisbursement.objects.get_or_create(allocation=allocation, quarter=quarter, defaults={
                    "amount": paid, "document_number": f"Mẫu GN-{number}{index}{quarter}",
                    "document_date": datetime.date(year, month, day), "note": DEMO_NOTE})
                created += new
    return created
