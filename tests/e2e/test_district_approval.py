"""District staff (huyen): approve a commune's submitted review from the queue, return another with a reason."""

import pytest
from playwright.sync_api import expect

from households import services
from households.classification import standard_for_review
from households.models import Household, Indicator, Review, ReviewStatus
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db(transaction=True)


def submitted_review(household, official, *, income, indicator_codes):
    """A 2024 review entered and submitted by the commune official through the same services as the form."""
    standard = standard_for_review("periodic", 2024)
    review = Review(household=household, year=2024, area=household.area, has_labour_capacity=True,
                    income_per_capita=income)
    review = services.review_save(
        review=review, acting_user=official,
        deprived_indicators=Indicator.objects.filter(standard=standard, code__in=indicator_codes))
    return services.review_submit(review=review, acting_user=official, expected_version=review.version)


def test_district_staff_approve_one_review_and_return_another_with_a_reason(page, login, standards, commune_a_user,
                                                                            district_staff, commune_c):
    # given two reviews Xuân Bái submitted, and one from a commune of another district
    poor = HouseholdFactory(commune=commune_a_user.unit, code="XB-0042", head_name="Lê Thị Hoa")
    doubtful = HouseholdFactory(commune=commune_a_user.unit, code="XB-0043", head_name="Nguyễn Văn Khánh")
    to_approve = submitted_review(poor, commune_a_user, income=1_200_000,
                                  indicator_codes=["dinh_duong", "chat_luong_nha_o", "nguon_nuoc"])
    to_return = submitted_review(doubtful, commune_a_user, income=900_000, indicator_codes=["nha_tieu"])
    outside = make_review(HouseholdFactory(commune=commune_c, code="XC-0001"), year=2024,
                          status=ReviewStatus.SUBMITTED)

    # when the district officer opens the queue from the home page
    login("huyen")
    page.get_by_role("link", name="Hàng chờ phê duyệt").click()
    expect(page.get_by_role("heading", name="Hàng chờ phê duyệt kết quả rà soát")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    first = rows.filter(has_text="XB-0042")
    expect(first).to_contain_text("Lê Thị Hoa")
    expect(first).to_contain_text("1.200.000")
    expect(first).to_contain_text("Hộ nghèo")
    expect(rows.filter(has_text="XB-0043")).to_contain_text("Hộ cận nghèo")
    expect(page.locator("table")).not_to_contain_text("XC-0001")  # not their district

    # and approves the first one
    page.get_by_label("Chọn hộ XB-0042").check()
    page.get_by_role("button", name="Phê duyệt các phiếu đã chọn").click()
    expect(page.locator("ul.messages")).to_have_text("Đã phê duyệt 1 phiếu rà soát.")
    expect(rows).to_have_count(1)
    expect(page.locator("table")).not_to_contain_text("XB-0042")

    # then returning the other one without a reason is refused, in Vietnamese
    page.get_by_label("Chọn hộ XB-0043").check()
    page.get_by_role("button", name="Trả lại các phiếu đã chọn").click()
    expect(page.locator("ul.messages")).to_contain_text("Phải ghi lý do trả lại để xã biết cần sửa gì.")
    assert Review.objects.get(pk=to_return.pk).status == ReviewStatus.SUBMITTED

    # with a reason it goes back to the commune
    page.get_by_label("Chọn hộ XB-0043").check()
    page.get_by_label("Lý do trả lại (bắt buộc khi trả lại)").fill("Hộ có xe ô tô: kiểm tra lại thu nhập.")
    page.get_by_role("button", name="Trả lại các phiếu đã chọn").click()
    expect(page.locator("ul.messages")).to_have_text("Đã trả lại 1 phiếu rà soát.")
    expect(page.get_by_text("Không có phiếu nào chờ phê duyệt.")).to_be_visible()

    # the database: one approved (the household is now poor for 2024), one returned with the reason
    to_approve.refresh_from_db()
    assert to_approve.status == ReviewStatus.APPROVED and to_approve.approved_by == district_staff
    poor.refresh_from_db()
    assert (poor.current_category, poor.current_year) == ("poor", 2024)
    to_return.refresh_from_db()
    assert to_return.status == ReviewStatus.RETURNED
    assert to_return.return_comment == "Hộ có xe ô tô: kiểm tra lại thu nhập."
    assert to_return.events.filter(action="returned", actor=district_staff).count() == 1
    assert Household.objects.get(pk=doubtful.pk).current_category == ""
    assert Review.objects.get(pk=outside.pk).status == ReviewStatus.SUBMITTED

    # and the approved household's page shows its 2024 category
    page.get_by_role("link", name="Hộ gia đình").click()
    page.get_by_label("Tìm (tên chủ hộ, mã hộ, số CCCD)").fill("XB-0042")
    page.get_by_role("button", name="Lọc").click()
    page.get_by_role("link", name="XB-0042").click()
    expect(page.locator("article", has_text="Năm 2024")).to_contain_text("Đã phê duyệt")
    statuses = page.locator("section", has_text="Phân loại qua các năm và biến động").locator("tbody tr")
    expect(statuses).to_have_count(1)
    expect(statuses.first).to_contain_text("2024")
    expect(statuses.first).to_contain_text("Hộ nghèo")


def test_commune_official_corrects_a_returned_review_and_submits_it_again(page, login, standards, commune_a_user,
                                                                         district_staff):
    # given a review the district returned with a reason
    household = HouseholdFactory(commune=commune_a_user.unit, code="XB-0043", head_name="Nguyễn Văn Khánh")
    review = submitted_review(household, commune_a_user, income=900_000, indicator_codes=["nha_tieu"])
    services.review_return(review=review, comment="Hộ có xe ô tô: kiểm tra lại thu nhập.",
                           acting_user=district_staff)

    # when the commune official opens their pending reviews
    login("xa_a")
    page.get_by_role("link", name="Danh sách hộ").click()
    page.get_by_role("link", name="Phiếu rà soát chờ nộp").click()
    row = page.locator("tbody tr", has_text="XB-0043")
    expect(row).to_contain_text("Trả lại")
    expect(row).to_contain_text("Hộ có xe ô tô: kiểm tra lại thu nhập.")

    # then the household page and the form both show the reason
    row.get_by_role("link", name="XB-0043").click()
    card = page.locator("article", has_text="Năm 2024")
    expect(card.locator(".return-note")).to_have_text("Lý do trả lại / mở lại: Hộ có xe ô tô: kiểm tra lại thu nhập.")
    card.get_by_role("link", name="Sửa phiếu").click()
    expect(page.locator(".return-note")).to_have_text("Cấp phê duyệt trả lại: Hộ có xe ô tô: kiểm tra lại thu nhập.")

    # and the corrected income moves the household above the poverty line
    page.get_by_label("Thu nhập bình quân đầu người").fill("2000000")
    expect(page.locator("#live-category")).to_have_text("Hộ có mức sống trung bình")
    page.get_by_role("button", name="Lưu và nộp").click()
    expect(page.locator("ul.messages")).to_have_text(
        "Đã lưu và nộp phiếu rà soát năm 2024: Hộ có mức sống trung bình.")
    expect(card).to_contain_text("Đã nộp")

    review.refresh_from_db()
    assert (review.status, review.category, review.income_per_capita) == (
        ReviewStatus.SUBMITTED, "average", 2_000_000)
    assert list(review.events.order_by("pk").values_list("action", flat=True)) == [
        "created", "submitted", "returned", "edited", "submitted"]
    assert Review.objects.count() == 1
