import datetime

import pytest

from funds.models import FundAllocation, FundDisbursement, FundLine
from tests.factories import AgencyFactory
from tests.plans.factories import PlanFactory, ProjectFactory


@pytest.fixture
def funds_plan(district):
    return PlanFactory(code="thoxuan-2024", number="15/KH-UBND", unit=district, first_year=2024, last_year=2024)


@pytest.fixture
def ldtbxh(district):
    return AgencyFactory(name="Phòng Lao động - Thương binh và Xã hội", unit=district)


@pytest.fixture
def projects(funds_plan, ldtbxh, agency):
    """Dự án 2 (LĐTBXH leads), Dự án 3 with Tiểu dự án 2 (the Y tế office leads)."""
    p2 = ProjectFactory(plan=funds_plan, number=2, name="Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
                        lead_agency=ldtbxh, order=1)
    p3 = ProjectFactory(plan=funds_plan, number=3, name="Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng", order=2)
    t32 = ProjectFactory(plan=funds_plan, parent=p3, kind="tieu_du_an", number=2, name="Cải thiện dinh dưỡng",
                         lead_agency=agency, order=1)
    return {"p2": p2, "p3": p3, "t32": t32}


@pytest.fixture
def funds_data(funds_plan, projects, ldtbxh, agency, commune_a):
    """Dự án 2 × NSTW: 1.000.000.000 estimated; 400.000.000 to Xuân Bái (120 + 150 disbursed), 300.000.000 to
    LĐTBXH (90 disbursed). TDA 3.2 × NSĐP: 200.000.000 to the Y tế office, 50.000.000 disbursed."""
    line = FundLine.objects.create(plan=funds_plan, project=projects["p2"], year=2024, source="ns_trung_uong",
                                   estimate=1_000_000_000)
    xb = FundAllocation.objects.create(line=line, commune=commune_a, amount=400_000_000)
    ld = FundAllocation.objects.create(line=line, agency=ldtbxh, amount=300_000_000)
    FundDisbursement.objects.create(allocation=xb, quarter=1, amount=120_000_000, document_number="12/UNC",
                                    document_date=datetime.date(2024, 3, 20))
    FundDisbursement.objects.create(allocation=xb, quarter=3, amount=150_000_000, document_number="30/UNC",
                                    document_date=datetime.date(2024, 9, 20))
    FundDisbursement.objects.create(allocation=ld, quarter=2, amount=90_000_000, document_number="21/UNC",
                                    document_date=datetime.date(2024, 6, 20))
    health = FundLine.objects.create(plan=funds_plan, project=projects["t32"], year=2024, source="ns_dia_phuong",
                                     estimate=250_000_000)
    yt = FundAllocation.objects.create(line=health, agency=agency, amount=200_000_000)
    FundDisbursement.objects.create(allocation=yt, quarter=2, amount=50_000_000, document_number="22/UNC",
                                    document_date=datetime.date(2024, 6, 21))
    return {"line": line, "health": health, "xb": xb, "ld": ld, "yt": yt}
