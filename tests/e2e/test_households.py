"""The commune official's main job in a real browser: enter a review, watch the category, submit."""

import pytest

from households.models import Review, ReviewStatus

pytestmark = pytest.mark.django_db(transaction=True)

# ``standards`` (the poverty standards, re-seeded for each transactional test) comes from conftest.py.


def test_review_form_shows_category_live_and_submits(page, login, standards, commune_a_user, district_staff):
    from tests.households.factories import HouseholdFactory

    household = HouseholdFactory(commune=commune_a_user.unit, code="XB-E2E", head_name="Lê Thị Thử")
    login("xa_a")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(f"{page.base_url}/ho-gia-dinh/{household.pk}/ra-soat/them/?year=2024")
    page.fill("#id_income_per_capita", "1400000")
    live = page.locator("#live-category")
    live.filter(has_text="Hộ cận nghèo").wait_for()
    boxes = page.locator('input[name="deprived_indicators"]')
    for i in range(3):
        boxes.nth(i).check()
    live.filter(has_text="Hộ nghèo").wait_for()
    assert page.locator("#live-count").inner_text() == "3"
    page.fill("#id_income_per_capita", "1500001")
    live.filter(has_text="Hộ có mức sống trung bình").wait_for()
    page.fill("#id_income_per_capita", "1500000")
    live.filter(has_text="Hộ nghèo").wait_for()
    page.click("button[name=submit]")
    page.wait_for_url(f"**/ho-gia-dinh/{household.pk}/")
    review = Review.objects.get(household=household)
    assert review.status == ReviewStatus.SUBMITTED and review.category == "poor"
    assert "Đã lưu và nộp phiếu rà soát năm 2024" in page.content()
