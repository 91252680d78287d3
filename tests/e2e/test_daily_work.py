"""A day's work per role in a real browser: log in, follow the home page's first to-do line, do the work,
see the to-do line disappear (issue: daily work at real volume)."""

import pytest
from playwright.sync_api import expect

from directory.models import Role
from households.models import Household, ReviewStatus
from tests.factories import CommuneFactory, UserFactory
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db(transaction=True)

FAMILY = [
    ("Lê Văn Nam", "1980", "male", "head"),
    ("Phạm Thị Mai", "1983", "female", "spouse"),
    ("Lê Văn An", "2008", "male", "child"),
    ("Lê Thị Bình", "2012", "female", "child"),
    ("Lê Văn Cụ", "1950", "male", "parent"),
]


def first_todo(page):
    return page.locator("ol.todo-list > li").first


def test_xuanbai_enters_a_family_of_five_in_one_form(page, login, standards, commune_a):
    UserFactory(username="xuanbai", role=Role.COMMUNE_OFFICIAL, unit=commune_a)
    household = HouseholdFactory(commune=commune_a, code="15547-0101", head_name="Lê Văn Nam", village="Thôn 3")

    login("xuanbai")
    todo = first_todo(page)
    expect(todo).to_contain_text("1 hộ chưa có danh sách thành viên")
    todo.get_by_role("link").click()
    page.get_by_role("link", name="15547-0101").click()
    page.get_by_role("link", name="Sửa", exact=False).first.click()
    expect(page.get_by_role("heading", name="Sửa hộ 15547-0101 – Lê Văn Nam")).to_be_visible()

    # one blank row is there; "Thêm người" adds the other four on the same page
    for _ in range(4):
        page.get_by_role("button", name="+ Thêm người").click()
    expect(page.locator("tr.js-form-row")).to_have_count(5)
    for i, (name, born, sex, relation) in enumerate(FAMILY):
        page.fill(f'input[name="members-{i}-full_name"]', name)
        page.fill(f'input[name="members-{i}-birth_year"]', born)
        page.select_option(f'select[name="members-{i}-sex"]', sex)
        page.select_option(f'select[name="members-{i}-relation"]', relation)
        if relation in ("head", "spouse"):
            page.check(f'input[name="members-{i}-has_labour_capacity"]')
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.wait_for_url(f"**/ho-gia-dinh/{household.pk}/")
    expect(page.locator("ul.messages")).to_contain_text("Đã lưu hộ 15547-0101")

    household = Household.objects.get(pk=household.pk)
    assert household.member_count == 5 and household.has_labour_capacity
    assert sorted(household.members.values_list("full_name", flat=True)) == sorted(m[0] for m in FAMILY)

    page.get_by_role("link", name="Trang chủ").first.click()
    expect(page.locator(".todo-members")).to_have_count(0)
    expect(page.get_by_text("Không có việc nào đang chờ bạn.")).to_be_visible()


def test_thoxuan_ldtbxh_filters_the_queue_to_one_commune_and_bulk_approves_it(page, login, standards, district,
                                                                            commune_a, commune_b):
    UserFactory(username="thoxuan.ldtbxh", role=Role.DISTRICT_STAFF, unit=district, is_staff=True)
    for i in range(3):
        make_review(HouseholdFactory(commune=commune_a, code=f"XB-{i}", village="Thôn 1"), status="submitted")
    for i in range(2):
        make_review(HouseholdFactory(commune=commune_b, code=f"TL-{i}", village="Thôn Bắc"), status="submitted")

    login("thoxuan.ldtbxh")
    todo = first_todo(page)
    expect(todo).to_contain_text("5 phiếu rà soát chờ bạn phê duyệt")
    todo.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Hàng chờ phê duyệt kết quả rà soát")).to_be_visible()

    for commune, count in ((commune_a, 3), (commune_b, 2)):
        filters = page.get_by_role("form", name="Lọc hàng chờ phê duyệt")
        filters.get_by_label("Xã").select_option(str(commune.pk))
        filters.get_by_role("button", name="Lọc").click()
        expect(page.locator("p.queue-total")).to_contain_text(f"{count} phiếu khớp bộ lọc")
        page.get_by_role("button", name=f"Phê duyệt tất cả {count} phiếu…").click()
        expect(page.get_by_role("heading", name=f"Phê duyệt {count} phiếu rà soát?")).to_be_visible()
        expect(page.locator(".confirm")).to_contain_text(commune.name)
        page.get_by_role("button", name=f"Xác nhận phê duyệt {count} phiếu").click()
        expect(page.locator("ul.messages")).to_contain_text(f"Đã phê duyệt {count} phiếu rà soát.")
        assert f"commune={commune.pk}" in page.url  # back on the same filters

    assert not make_review.__globals__["Review"].objects.filter(status=ReviewStatus.SUBMITTED).exists()
    page.get_by_role("link", name="Trang chủ").first.click()
    expect(page.locator(".todo-approve")).to_have_count(0)


def test_thoxuan_lanhdao_dashboard_opens_on_the_latest_complete_year(page, login, standards, dataset, district,
                                                                     commune_a):
    from dashboard.services import figures_refresh_all

    UserFactory(username="thoxuan.lanhdao", role=Role.LEADERSHIP, unit=district)
    # one early approval of 2025 in one commune of three must not move the dashboard off 2024
    CommuneFactory(code="15599", name="Xuân Phú", parent=district)
    early = HouseholdFactory(commune=commune_a, code="A99")
    make_review(early, year=2024, status="approved")
    make_review(early, year=2025, status="approved")
    figures_refresh_all()

    login("thoxuan.lanhdao")
    todo = first_todo(page)
    expect(todo).to_contain_text("Xem tổng quan giảm nghèo năm 2024")
    expect(todo).to_contain_text("2024: 2/3 xã đã có kết quả")
    todo.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("năm 2024")
    expect(page.locator("#id_nam option:checked")).to_have_text("2024: 2/3 xã đã có kết quả")
    expect(page.locator("#id_nam")).to_contain_text("2025: 1/3 xã đã có kết quả")
