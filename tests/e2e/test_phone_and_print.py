"""On a 375 px phone: a commune official ticks a review's indicators and submits it, and district staff tick and
approve ten reviews from the queue, without zooming (nothing wider than the screen, targets big enough, the
actions in view). Printing a list shows the document header and the signature block, never the menu."""

import pytest
from playwright.sync_api import expect

from households.models import Review, ReviewStatus
from tests.e2e.test_district_approval import submitted_review
from tests.households.factories import HouseholdFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2,
         "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    page.screenshot(path="test-results/screenshots/phone-last.png", full_page=False)
    context.close()


def login(page, username):
    page.goto(f"{page.base_url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "matkhau-thu")
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")


def assert_fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"trang rộng {width}px trên màn hình 375px: phải thu phóng"


def test_commune_official_ticks_indicators_and_submits_on_a_phone(phone, standards, commune_a_user):
    household = HouseholdFactory(commune=commune_a_user.unit, code="XB-0042", head_name="Lê Thị Hoa")
    login(phone, "xa_a")
    phone.goto(f"{phone.base_url}/ho-gia-dinh/{household.pk}/ra-soat/them/?year=2024")
    assert_fits(phone)
    phone.get_by_label("Thu nhập bình quân đầu người").fill("1500000")
    for name in ("Dinh dưỡng", "Chất lượng nhà ở", "Nguồn nước sinh hoạt"):
        box = phone.get_by_label(name)
        box.scroll_into_view_if_needed()
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, f"ô “{name}” chỉ {size['width']}×{size['height']}px"
        box.tap()
        expect(box).to_be_checked()
    expect(phone.locator("#live-category")).to_have_text("Hộ nghèo")
    assert_fits(phone)
    phone.screenshot(path="test-results/screenshots/phone-review-ticked.png")
    phone.get_by_role("button", name="Lưu và nộp").tap()
    phone.wait_for_url(f"**/ho-gia-dinh/{household.pk}/")
    expect(phone.locator("ul.messages")).to_contain_text("Đã lưu và nộp phiếu rà soát năm 2024: Hộ nghèo.")
    assert Review.objects.get(household=household).status == ReviewStatus.SUBMITTED


def test_district_staff_select_and_approve_ten_reviews_on_a_phone(phone, standards, commune_a_user, district_staff):
    reviews = [submitted_review(HouseholdFactory(commune=commune_a_user.unit, code=f"XB-{i:04d}"), commune_a_user,
                                income=1_200_000, indicator_codes=["dinh_duong", "chat_luong_nha_o", "nguon_nuoc"])
               for i in range(1, 13)]
    login(phone, "huyen")
    phone.goto(f"{phone.base_url}/ho-gia-dinh/phe-duyet/")
    assert_fits(phone)
    card = phone.locator("table.queue tbody tr").first
    expect(card).to_contain_text("Hộ nghèo")  # the card shows the category
    expect(card.locator("td.change")).to_be_visible()  # and the change since last year
    counter = phone.locator(".js-selected-count")
    for review in reviews[:10]:
        box = phone.get_by_label(f"Chọn hộ {review.household.code}")
        box.scroll_into_view_if_needed()
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24
        box.tap()
    expect(counter).to_have_text("10")
    phone.screenshot(path="test-results/screenshots/phone-queue-ten-selected.png")
    approve = phone.get_by_role("button", name="Phê duyệt các phiếu đã chọn")
    position = approve.bounding_box()
    assert position["y"] >= 0 and position["y"] + position["height"] <= 812, "nút phê duyệt không nằm trong màn hình"
    assert position["height"] >= 44
    assert_fits(phone)
    approve.tap()
    expect(phone.locator("ul.messages")).to_contain_text("Đã phê duyệt 10 phiếu rà soát.")
    assert Review.objects.filter(status=ReviewStatus.APPROVED).count() == 10


def test_printed_queue_has_the_document_header_and_signatures_not_the_menu(page, login, standards, commune_a_user,
                                                                           district_staff):
    submitted_review(HouseholdFactory(commune=commune_a_user.unit, code="XB-0001"), commune_a_user,
                     income=1_200_000, indicator_codes=["dinh_duong"])
    login("huyen")
    page.goto(f"{page.base_url}/ho-gia-dinh/phe-duyet/")
    expect(page.get_by_role("button", name="In")).to_be_visible()
    expect(page.locator(".doc-header")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".doc-header")).to_be_visible()
    expect(page.locator(".doc-header")).to_contain_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    expect(page.locator(".doc-header")).to_contain_text("PHIẾU RÀ SOÁT CHỜ PHÊ DUYỆT")
    expect(page.locator(".doc-signature")).to_contain_text("Thủ trưởng đơn vị")
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.locator(".action-bar")).to_be_hidden()
    expect(page.locator("table.queue thead")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=False, path="test-results/print-approval-queue.pdf")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")
