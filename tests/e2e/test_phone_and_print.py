"""On a 375 px phone, with the demo users and the demo data: xuanbai ticks a review's indicators and submits
it, and thoxuan.ldtbxh ticks and approves ten reviews from the queue, without zooming (nothing wider than the
screen, targets big enough, the actions in view). Printing a list shows the document header and the signature
block, never the menu."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from directory.demo import DEMO_PASSWORD
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


def assert_fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"trang rộng {width}px trên màn hình 375px: phải thu phóng"


@pytest.fixture
def make_demo(settings, standards):
    """The demo `make setup` builds (the Makefile's demo-data steps, every household of Thọ Xuân), logged into
    with the demo users and their password: xuanbai's 2024 drafts, the district's queue of submitted reviews."""
    settings.DEMO_MODE = True
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    for name, args in (("load_admin_units", ["--province", "38", "--province", "15"]), ("load_seed_plans", []),
                       ("create_demo_users", []), ("generate_demo_households", []), ("rehome_households", []),
                       ("fill_household_totals", ["--unit", "395"])):
        call_command(name, *args, verbosity=0)


def demo_login(page, username):
    page.goto(f"{page.base_url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")


def test_xuanbai_ticks_a_review_s_indicators_and_submits_it_on_a_phone(phone, make_demo):
    # Xã Xuân Bái ended on 30/06/2025 (merged into Xã Lam Sơn): what xuanbai still submits are the commune's
    # 2024 reviews; the demo leaves three of them as drafts, which the home page lists.
    draft = (Review.objects.filter(household__commune__code="15547", year=2024, status=ReviewStatus.DRAFT)
             .select_related("household").order_by("household__code").first())
    assert draft is not None, "dữ liệu mẫu không còn phiếu nháp năm 2024 của Xuân Bái"
    code = draft.household.code
    demo_login(phone, "xuanbai")
    assert_fits(phone)
    phone.get_by_role("link", name=re.compile("phiếu rà soát nháp chưa nộp")).tap()
    phone.wait_for_url("**/ra-soat/cho-nop/**")
    phone.get_by_role("link", name=code).tap()
    phone.wait_for_url(f"**/ho-gia-dinh/{draft.household_id}/")
    assert_fits(phone)
    phone.get_by_role("link", name="Sửa phiếu").first.tap()
    phone.wait_for_url(f"**/ra-soat/{draft.pk}/sua/")
    assert_fits(phone)
    phone.get_by_label("Thu nhập bình quân đầu người").fill("1500000")
    for name in ("Dinh dưỡng", "Chất lượng nhà ở", "Nguồn nước sinh hoạt"):
        box = phone.get_by_label(name)
        box.scroll_into_view_if_needed()
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, f"ô “{name}” chỉ {size['width']}×{size['height']}px"
        if not box.is_checked():
            box.tap()
        expect(box).to_be_checked()
    expect(phone.locator("#live-category")).to_have_text("Hộ nghèo")
    assert_fits(phone)
    phone.screenshot(path="test-results/screenshots/phone-review-ticked.png")
    submit = phone.get_by_role("button", name="Lưu và nộp")
    submit.scroll_into_view_if_needed()
    assert submit.bounding_box()["height"] >= 44
    submit.tap()
    phone.wait_for_url(f"**/ho-gia-dinh/{draft.household_id}/")
    expect(phone.locator("ul.messages")).to_contain_text("Đã lưu và nộp phiếu rà soát năm 2024: Hộ nghèo.")
    draft.refresh_from_db()
    assert draft.status == ReviewStatus.SUBMITTED and draft.income_per_capita == 1_500_000
    assert set(draft.deprived_indicators.values_list("name", flat=True)) >= {
        "Dinh dưỡng", "Chất lượng nhà ở", "Nguồn nước sinh hoạt"}


def test_thoxuan_ldtbxh_selects_and_approves_ten_reviews_on_a_phone(phone, make_demo):
    waiting = Review.objects.filter(status=ReviewStatus.SUBMITTED).count()
    assert waiting >= 10, f"dữ liệu mẫu chỉ có {waiting} phiếu chờ duyệt"
    demo_login(phone, "thoxuan.ldtbxh")
    phone.get_by_role("link", name="Hàng chờ phê duyệt").first.tap()
    phone.wait_for_url("**/ho-gia-dinh/phe-duyet/")
    assert_fits(phone)
    card = phone.locator("table.queue tbody tr").first
    expect(card.locator("td.change")).to_be_visible()  # the change since last year
    expect(card).to_contain_text(re.compile("Hộ (không nghèo|nghèo|cận nghèo)"))  # the category
    counter = phone.locator(".js-selected-count")
    boxes = phone.locator("table.queue tbody tr input[type=checkbox]")
    chosen = []
    for i in range(10):
        box = boxes.nth(i)
        box.scroll_into_view_if_needed()
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, f"ô chọn chỉ {size['width']}×{size['height']}px"
        box.tap()
        chosen.append(int(box.get_attribute("value")))
    expect(counter).to_have_text("10")
    phone.screenshot(path="test-results/screenshots/phone-queue-ten-selected.png")
    approve = phone.get_by_role("button", name="Phê duyệt các phiếu đã chọn")
    position = approve.bounding_box()  # the bottom bar stays on screen, without scrolling back
    assert position["y"] >= 0 and position["y"] + position["height"] <= 812, "nút phê duyệt không nằm trong màn hình"
    assert position["height"] >= 44
    assert_fits(phone)
    approve.tap()
    expect(phone.locator("ul.messages")).to_contain_text("Đã phê duyệt 10 phiếu rà soát.")
    assert set(Review.objects.filter(pk__in=chosen).values_list("status", flat=True)) == {ReviewStatus.APPROVED}
    assert Review.objects.filter(status=ReviewStatus.SUBMITTED).count() == waiting - 10


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
