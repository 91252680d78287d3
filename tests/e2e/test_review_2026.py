"""Issue 11 in a real browser: lamson (Xã Lam Sơn, since 01/07/2025) enters the 2026 periodic review of a
household of former TT Lam Sơn under Decree 351; the commune chairman lamson.chutich approves it."""

import pytest
from playwright.sync_api import expect

from directory.models import Role
from households.models import Category, Review, ReviewStatus
from households.rehoming import households_rehome
from tests.factories import UserFactory
from tests.households.factories import HouseholdFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_lamson_enters_the_2026_review_and_lamson_chutich_approves_it(page, login, standards, reform):
    # given a household registered in former TT Lam Sơn, and the two accounts of new Xã Lam Sơn
    household = HouseholdFactory(commune=reform.old["TT Lam Sơn"], code="LS-0007", head_name="Trần Văn Phố",
                                 area="urban")
    households_rehome()  # what the unit load does (lineage_changed): the household now belongs to Xã Lam Sơn
    lam_son = reform.new["Lam Sơn"]
    UserFactory(username="lamson", role=Role.COMMUNE_OFFICIAL, unit=lam_son)
    UserFactory(username="lamson.chutich", role=Role.COMMUNE_OFFICIAL, unit=lam_son, is_unit_chairman=True)

    # when lamson opens the household and starts this year's (2026) periodic review
    login("lamson")
    page.goto(f"{page.base_url}{household.get_absolute_url()}")
    page.get_by_role("link", name="+ Phiếu rà soát").click()
    page.wait_for_url(f"**/ho-gia-dinh/{household.pk}/ra-soat/them/")
    expect(page.locator("#id_year")).to_have_value("2026")

    # then the form is Decree 351's: its name, the rural line, the area of Xã Lam Sơn, the new indicators
    expect(page.locator("#review-standard")).to_have_text("Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP")
    expect(page.locator("#income-lines")).to_contain_text("2.200.000")
    expect(page.locator("#review-area")).to_contain_text("Nông thôn")
    expect(page.locator("#review-area")).to_contain_text("Xã Lam Sơn")
    expect(page.locator("fieldset.dimension legend")).to_have_count(6)
    expect(page.get_by_text("Sử dụng dịch vụ số, internet")).to_be_visible()
    expect(page.get_by_text("Thu gom, xử lý rác thải sinh hoạt")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("UNVERIFIED")

    # and the category follows the 2027–2030 lines as the official types
    checkboxes = page.locator('input[name="deprived_indicators"]')
    for i in range(3):
        checkboxes.nth(i).check()
    live = page.locator("#live-category")
    page.fill("#id_income_per_capita", "2250000")
    expect(live).to_have_text("Hộ có mức sống trung bình")
    page.fill("#id_income_per_capita", "2100000")
    expect(live).to_have_text("Hộ nghèo")
    page.get_by_role("button", name="Lưu và nộp").click()
    page.wait_for_url(f"**/ho-gia-dinh/{household.pk}/")
    expect(page.locator("ul.messages")).to_contain_text("Hộ nghèo")
    review = Review.objects.get(household=household, year=2026)
    assert (review.status, review.category, review.area) == (ReviewStatus.SUBMITTED, Category.POOR, "rural")

    # when the commune chairman opens his approval queue and approves it
    page.context.clear_cookies()
    login("lamson.chutich")
    page.get_by_role("link", name="Phê duyệt rà soát").first.click()
    rows = page.locator("tbody tr")
    expect(rows.filter(has_text="LS-0007")).to_contain_text("Hộ nghèo")
    expect(rows.filter(has_text="LS-0007")).to_contain_text("Chuẩn nghèo giai đoạn 2027–2030")
    page.get_by_label("Chọn hộ LS-0007").check()
    page.get_by_role("button", name="Phê duyệt các phiếu đã chọn").click()
    expect(page.locator("ul.messages")).to_have_text("Đã phê duyệt 1 phiếu rà soát.")

    # then the review is approved by him and the household is poor
    review.refresh_from_db()
    household.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.approved_by.username == "lamson.chutich"
    assert household.current_category == Category.POOR
