"""Issue 14, points 5 and 6 in a real browser: xuanbai reads the district plan's quota row of Xuân Bái (not a 404,
not Thọ Lâm's, nothing to edit); a poverty report with figures off the registry is refused until a note says why."""

import pytest
from playwright.sync_api import expect

from directory.models import Role
from reports.models import ReportKind
from tests.factories import UserFactory
from tests.plans.factories import PlanFactory, QuotaRowFactory, QuotaTableFactory
from tests.reports.factories import POOR, DutyFactory, HouseholdFactory, RunFactory, approved_review

pytestmark = pytest.mark.django_db(transaction=True)


def test_xuanbai_reads_its_row_of_the_district_plan(page, login, standards, district, commune_a, commune_b):
    UserFactory(username="xuanbai", role=Role.COMMUNE_OFFICIAL, unit=commune_a)
    plan = PlanFactory(code="thoxuan-2024", number="81/KH-UBND", title="Kế hoạch giảm nghèo năm 2024", unit=district)
    table = QuotaTableFactory(plan=plan, year=2024)
    QuotaRowFactory(table=table, commune=commune_a, total=7, without_labour=2, with_labour=5, order=1)
    QuotaRowFactory(table=table, commune=commune_b, total=913, without_labour=900, with_labour=13, order=2)

    login("xuanbai")
    page.get_by_role("navigation", name="Chức năng").get_by_role("link", name="Kế hoạch").click()
    page.get_by_role("link", name="thoxuan-2024").click()
    expect(page.locator("#chi-tieu-giam-ngheo")).to_contain_text("Xuân Bái")
    expect(page.locator("#chi-tieu-giam-ngheo")).not_to_contain_text("Thọ Lâm")
    expect(page.get_by_role("link", name="Sửa bảng")).to_have_count(0)
    page.get_by_role("link", name="Xem bảng").click()
    expect(page.locator("main")).to_contain_text("bạn xem (không sửa) các dòng của đơn vị mình")
    expect(page.get_by_role("button", name="Lưu bảng")).to_have_count(0)


def test_a_report_off_the_registry_needs_a_note(page, login, standards, district, commune_a):
    UserFactory(username="xuanbai", role=Role.COMMUNE_OFFICIAL, unit=commune_a)
    for n in range(10):
        approved_review(HouseholdFactory(commune=commune_a, code=f"XB{n}"), year=2024, category=POOR)
    run = RunFactory(duty=DutyFactory(owner_unit=district, kind=ReportKind.POVERTY, title="Báo cáo năm"),
                     reporting_unit=commune_a)

    login("xuanbai")
    page.goto(f"{page.base_url}/bao-cao/ky/{run.pk}/")
    poor = page.get_by_label("Số hộ nghèo cuối kỳ")
    expect(poor).to_have_value("10")  # prefilled from the registry
    poor.fill("25")
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#nop")).to_contain_text(
        "Số hộ nghèo cuối kỳ ghi 25, sổ hộ nghèo có 10: lệch 15 hộ, quá mức cho phép 5% (1 hộ).")
    expect(page.get_by_label("Số hộ nghèo cuối kỳ")).to_have_value("25")
    page.get_by_label("Ghi chú khi nộp").fill("Sổ chưa cập nhật 15 hộ mới phát sinh")
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("ul.messages")).to_contain_text("Đã nộp báo cáo")
    run.refresh_from_db()
    assert run.is_submitted and run.reported_poor == 25
