"""Commune official (xa_a, Xuân Bái): from the household list, find a household, enter its 2024 review, submit."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from households.models import Review, ReviewEvent, ReviewStatus
from tests.households.factories import HouseholdFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_commune_official_searches_the_list_and_submits_a_2024_review(page, login, standards, commune_a_user,
                                                                      commune_b):
    # given three households of Xuân Bái and one of the neighbouring commune
    commune = commune_a_user.unit
    target = HouseholdFactory(commune=commune, code="XB-0042", head_name="Lê Thị Hoa", village="Thôn 3")
    HouseholdFactory(commune=commune, code="XB-0043", head_name="Nguyễn Văn Khánh")
    HouseholdFactory(commune=commune, code="XB-0100", head_name="Trần Thị Bình")
    HouseholdFactory(commune=commune_b, code="TL-0001", head_name="Lê Thị Hoa Lâm")

    # when the official opens the list from the home page
    login("xa_a")
    page.get_by_role("link", name="Danh sách hộ").click()
    expect(page.get_by_role("heading", name="Hộ gia đình")).to_be_visible()
    rows = page.locator("table.households tbody tr")
    expect(rows).to_have_count(3)  # only their own commune's households
    expect(page.locator("table.households")).not_to_contain_text("TL-0001")

    # and searches by name
    page.get_by_label("Tìm (tên chủ hộ, mã hộ, số CCCD)").fill("Hoa")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**q=Hoa**")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("XB-0042")
    expect(rows.first).to_contain_text("Chưa có rà soát được duyệt")

    # then opens the household and starts a review
    page.get_by_role("link", name="Lê Thị Hoa").click()
    page.wait_for_url(f"**/ho-gia-dinh/{target.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hộ XB-0042 – Lê Thị Hoa")
    page.get_by_role("link", name="+ Phiếu rà soát").click()
    page.wait_for_url(f"**/ho-gia-dinh/{target.pk}/ra-soat/them/")  # loaded, its script included
    expect(page.get_by_role("heading", level=1)).to_have_text("Phiếu rà soát mới – hộ XB-0042")
    live = page.locator("#live-category")
    expect(live).to_have_text("Nhập thu nhập để xem phân loại")
    year = page.locator("#id_year")
    expect(year).to_have_value(str(timezone.localdate().year))

    # the review is for 2024: changing the year reloads the form with that year's standard
    year.fill("2024")
    year.press("Tab")
    page.wait_for_url("**year=2024**")
    expect(year).to_have_value("2024")
    expect(page.locator(".live-category")).to_contain_text("Nghị định 07/2021/NĐ-CP")

    # income at the poverty line with two deprivations: near-poor; a third deprivation makes it poor
    page.get_by_label("Thu nhập bình quân đầu người").fill("1500000")
    page.get_by_label("Dinh dưỡng").check()
    page.get_by_label("Chất lượng nhà ở").check()
    expect(live).to_have_text("Hộ cận nghèo")
    expect(page.locator("#live-count")).to_have_text("2")
    page.get_by_label("Nguồn nước sinh hoạt").check()
    expect(live).to_have_text("Hộ nghèo")
    expect(page.locator("#live-count")).to_have_text("3")
    page.get_by_label("Thiếu vốn sản xuất").check()
    page.get_by_role("button", name="Lưu và nộp").click()

    # then they are back on the household page with the submitted review
    page.wait_for_url(f"**/ho-gia-dinh/{target.pk}/")
    expect(page.locator("ul.messages")).to_contain_text("Đã lưu và nộp phiếu rà soát năm 2024: Hộ nghèo.")
    review_card = page.locator("article", has_text="Năm 2024")
    expect(review_card).to_contain_text("Đã nộp")
    expect(review_card).to_contain_text("Thiếu hụt 3 chỉ số")
    expect(review_card).to_contain_text("Chỉ số thiếu hụt: Dinh dưỡng; Chất lượng nhà ở; Nguồn nước sinh hoạt")
    expect(review_card).to_contain_text("Nguyên nhân nghèo: Thiếu vốn sản xuất")

    # and the database holds exactly that review, submitted by them
    review = Review.objects.get(household=target)
    assert (review.year, review.status, review.category) == (2024, ReviewStatus.SUBMITTED, "poor")
    assert review.income_per_capita == 1_500_000 and review.deprivation_count == 3
    assert sorted(review.deprived_indicators.values_list("code", flat=True)) == [
        "chat_luong_nha_o", "dinh_duong", "nguon_nuoc"]
    assert list(review.causes.values_list("code", flat=True)) == ["thieu_von"]
    assert review.submitted_by == commune_a_user and review.commune_id == commune.pk
    assert list(ReviewEvent.objects.filter(review=review).values_list("action", flat=True).order_by("pk")) == [
        "created", "submitted"]
    assert Review.objects.count() == 1
