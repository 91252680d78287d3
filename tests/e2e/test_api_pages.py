"""The API's pages in the browser: the profile page's named tokens (a key shown once, the list, a refused name)
and the server-rendered API reference with its Vietnamese descriptions, each passing axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import run_axe

pytestmark = pytest.mark.django_db(transaction=True)


def _serious(page) -> list[str]:
    return [f"{v['id']}: {v['help']} {v['nodes']}" for v in run_axe(page)]


def test_a_user_makes_a_named_token_uses_it_and_reads_the_reference(page, login, commune_a_user):
    login("xa_a")
    page.goto(f"{page.base_url}/tai-khoan/")
    expect(page.get_by_text("Bạn chưa có mã truy cập API.")).to_be_visible()
    page.get_by_label("Tên mã mới").fill("Kho dữ liệu tỉnh")
    page.get_by_role("button", name="Tạo mã truy cập").click()
    key = page.locator("#new-token").inner_text()
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    assert not _serious(page)
    answer = page.request.get(f"{page.base_url}/api/v1/me/", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 200 and answer.json()["username"] == "xa_a"
    page.goto(f"{page.base_url}/tai-khoan/")
    row = page.get_by_role("row", name=re.compile("Kho dữ liệu tỉnh"))
    expect(row).to_contain_text(f"{key[:8]}…")
    assert key not in page.content()
    assert not _serious(page)
    page.get_by_label("Tên mã mới").fill("x" * 80 + "y")  # maxlength stops the browser at 80: allowed
    page.get_by_role("button", name="Tạo mã truy cập").click()
    expect(page.locator("#new-token")).to_be_visible()
    page.get_by_role("button", name="Thu hồi mã Kho dữ liệu tỉnh").click()
    expect(page.get_by_text("Đã thu hồi mã truy cập API")).to_be_visible()
    assert page.request.get(f"{page.base_url}/api/v1/me/",
                            headers={"Authorization": f"Token {key}"}).status == 401
    page.goto(f"{page.base_url}/api/v1/tai-lieu/")
    expect(page.get_by_role("cell", name=re.compile("^Danh sách hộ"))).to_be_visible()
    expect(page.get_by_text("Lấy mã truy cập bằng mật khẩu")).to_be_visible()
    assert not _serious(page)
