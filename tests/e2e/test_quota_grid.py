"""District staff (huyen): give each commune its poverty-reduction quota on the plan page, fix an error, save."""

import pytest
from playwright.sync_api import expect

from plans.models import QuotaRow, QuotaTable
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_district_staff_fill_the_quota_grid_see_the_error_by_the_cell_and_save(page, login, district_staff, commune_a,
                                                                               commune_b, commune_c):
    # given the district's 2024 plan, its two communes (Xuân Cao belongs to another district)
    plan = PlanFactory(code="thoxuan-2024", number="15/KH-UBND", title="Kế hoạch giảm nghèo năm 2024",
                       unit=district_staff.unit, first_year=2024, last_year=2024)

    # when the district officer opens the plan from the plan list
    login("huyen")
    page.locator("nav.mainnav").get_by_role("link", name="Kế hoạch").click()
    page.get_by_role("link", name="Kế hoạch giảm nghèo năm 2024").click()
    page.wait_for_url(f"**/ke-hoach/{plan.code}/")
    quota_section = page.locator("#chi-tieu-giam-ngheo")
    expect(quota_section).to_contain_text("Chưa có bảng chỉ tiêu.")

    # and adds the 2024 table with the plan's own figures: 7 households = 2 without + 5 with labour capacity
    quota_section.get_by_role("link", name="Thêm bảng chỉ tiêu").click()
    expect(page.get_by_label("Năm")).to_have_value("2024")
    page.get_by_label("Chỉ tiêu của kế hoạch: tổng số hộ").fill("7")
    page.get_by_label("Trong đó hộ không có KNLĐ").fill("2")
    page.get_by_label("Trong đó hộ có KNLĐ").fill("5")
    page.get_by_role("button", name="Tạo bảng").click()
    page.wait_for_url(f"**/ke-hoach/{plan.code}/chi-tieu/2024/")
    expect(page.locator("ul.messages")).to_contain_text("Đã tạo bảng chỉ tiêu năm 2024.")

    # the grid lists the district's communes only
    grid = page.locator("#quota-grid")
    lines = grid.locator("tbody tr")
    expect(lines).to_have_count(2)
    expect(grid).not_to_contain_text("Xuân Cao")

    def cell(commune_name, column):
        return lines.filter(has_text=commune_name).locator(f'input[name$="-{column}"]')

    # a total that is not without + with labour capacity (5 ≠ 1 + 3)
    cell("Xuân Bái", "total").fill("5")
    cell("Xuân Bái", "without_labour").fill("1")
    cell("Xuân Bái", "with_labour").fill("3")
    cell("Thọ Lâm", "total").fill("3")
    cell("Thọ Lâm", "without_labour").fill("1")
    cell("Thọ Lâm", "with_labour").fill("2")
    cell("Thọ Lâm", "note").fill("ưu tiên thôn 5")
    expect(grid.locator('[data-sum="total"]')).to_have_text("8")  # the live column sum
    page.get_by_role("button", name="Lưu bảng").click()

    # then the error is next to the Xuân Bái total cell, in Vietnamese, and nothing is saved
    wrong = lines.filter(has_text="Xuân Bái").locator("td.has-error")
    expect(wrong).to_have_count(1)
    expect(wrong.locator('input[name$="-total"]')).to_have_value("5")
    expect(wrong.locator(".errorlist")).to_have_text(
        "Dòng 2 (Xuân Bái): cột “Chỉ tiêu giao giảm hộ nghèo” là 5 nhưng Hộ không có KNLĐ (1) + Hộ có KNLĐ (3) = 4.")
    expect(lines.filter(has_text="Thọ Lâm").locator("td.has-error")).to_have_count(0)
    expect(page.locator(".error-summary")).to_contain_text("chưa lưu gì")
    # the sum against the plan's 7 is flagged in the totals row
    expect(grid.locator("tfoot")).to_contain_text("tổng các xã là 8 nhưng chỉ tiêu kế hoạch giao năm 2024 là 7")
    assert not QuotaRow.objects.exists()

    # when the officer corrects the total and saves again
    cell("Xuân Bái", "total").fill("4")
    page.get_by_role("button", name="Lưu bảng").click()
    expect(page.locator("ul.messages")).to_have_text("Đã lưu bảng chỉ tiêu năm 2024.")
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(cell("Xuân Bái", "total")).to_have_value("4")
    expect(grid.locator("tfoot")).to_contain_text("7")

    # then the plan page shows the saved table
    page.get_by_role("link", name="15/KH-UBND").click()
    saved = page.locator("#chi-tieu-giam-ngheo details", has_text="Năm 2024")
    expect(saved.locator("summary")).to_contain_text("2 xã, tổng 7 hộ (2 không có KNLĐ, 5 có KNLĐ)")
    expect(saved.locator(".badge-red")).to_have_count(0)  # the table matches the plan's target
    saved_rows = saved.locator("tbody tr")
    # in the grid's order: the communes by official code (Thọ Lâm 15541, Xuân Bái 15547)
    expect(saved_rows.nth(0).locator("td")).to_have_text(["1", "Thọ Lâm", "3", "1", "2", "ưu tiên thôn 5"])
    expect(saved_rows.nth(1).locator("td")).to_have_text(["2", "Xuân Bái", "4", "1", "3", ""])

    # and the database holds exactly those rows
    table = QuotaTable.objects.get(plan=plan, year=2024)
    assert (table.target_total, table.target_without_labour, table.target_with_labour) == (7, 2, 5)
    assert list(table.rows.order_by("order").values_list("commune_id", "order", "total", "without_labour",
                                                         "with_labour", "note")) == [
        (commune_b.pk, 1, 3, 1, 2, "ưu tiên thôn 5"), (commune_a.pk, 2, 4, 1, 3, "")]
    assert QuotaRow.objects.count() == 2
