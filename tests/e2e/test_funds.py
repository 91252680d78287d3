"""Programme funds in the browser: a commune official records a disbursement of its allocation and sees the
disbursement rate; district staff then see it on the dashboard's funds chart and table."""

import datetime

import pytest
from playwright.sync_api import expect

from funds.models import FundAllocation, FundDisbursement, FundLine
from tests.factories import AgencyFactory
from tests.plans.factories import PlanFactory, ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_commune_enters_a_disbursement_and_sees_the_rate(page, login, commune_a_user, commune_a, district,
                                                         district_staff):
    plan = PlanFactory(code="thoxuan-2024", number="15/KH-UBND", unit=district)
    ldtbxh = AgencyFactory(name="Phòng Lao động - Thương binh và Xã hội", unit=district)
    project = ProjectFactory(plan=plan, number=2, name="Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
                             lead_agency=ldtbxh)
    line = FundLine.objects.create(plan=plan, project=project, year=2024, source="ns_trung_uong",
                                   estimate=1_000_000_000)
    allocation = FundAllocation.objects.create(line=line, commune=commune_a, amount=400_000_000)

    login("xa_a")
    page.locator("nav.mainnav").get_by_role("link", name="Kinh phí").click()
    page.get_by_role("link", name="15/KH-UBND", exact=False).first.click()
    page.goto(f"{page.base_url}/kinh-phi/ke-hoach/thoxuan-2024/?nam=2024")
    row = page.locator("tr.fund-allocation")
    expect(row).to_contain_text("Xuân Bái")
    expect(row.locator("td.rate")).to_have_text("0,00%")
    row.get_by_role("link", name="Ghi giải ngân").click()

    # above the allocation without a note: refused, in Vietnamese, nothing saved
    page.get_by_label("Quý").select_option(label="Quý I")
    page.get_by_label("Số giải ngân (đồng)").fill("500.000.000")
    page.get_by_label("Số chứng từ").fill("15/UNC")
    page.get_by_label("Ngày chứng từ").fill("20/03/2024")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".errorlist")).to_contain_text("phải ghi lý do ở ô Ghi chú")
    assert not FundDisbursement.objects.exists()

    page.get_by_label("Số giải ngân (đồng)").fill("150.000.000")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("ul.messages")).to_have_text("Đã ghi giải ngân.")
    expect(row.locator("td.rate")).to_have_text("37,50%")
    expect(row).to_contain_text("150.000.000")
    entry = FundDisbursement.objects.get()
    assert (entry.allocation, entry.amount, entry.document_date) == (allocation, 150_000_000,
                                                                      datetime.date(2024, 3, 20))

    # the district's dashboard shows the rate: chart and table
    page.get_by_role("button", name="Đăng xuất").click()
    login("huyen")
    page.goto(f"{page.base_url}/tong-quan/?nam=2024&don_vi={district.pk}")
    panel = page.locator("#chart-funds")
    expect(panel.locator("#funds-rate")).to_contain_text("37,50%")
    expect(panel.locator("canvas#funds-chart")).to_be_visible()
    expect(panel.locator("table").first).to_contain_text("Dự án 2")
    assert page.evaluate("() => !!Chart.getChart(document.getElementById('funds-chart'))")
