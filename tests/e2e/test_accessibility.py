"""WCAG 2.1 AA with axe-core on every page each demo role reaches, at desktop and phone sizes.

axe-core is the npm package's axe.min.js, vendored under static/vendor/axe/ and loaded from the live
server (no CDN). The demo data is the one `make setup` builds (small: a few households per commune),
and every demo user there is (``directory.demo.DEMO_USERS``) logs in and walks the app: the menu, then
the links of each page it opens, one page per URL shape (``/ho-gia-dinh/12/`` stands for every
household), up to ``MAX_PAGES`` per role. Any serious or critical violation fails the test, listed
with the role, the viewport, the page and the elements. The Django admin is Django's own and is
left out. Phone checks also prove the menu is reachable with Tab.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command

from directory.demo import DEMO_PASSWORD, DEMO_USERS

pytestmark = pytest.mark.django_db(transaction=True)

MAX_PAGES = 26
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# Files, not pages: downloads, and the API's OpenAPI schema (linked from the API reference page).
SKIP = re.compile(r"^/(quan-tri|admin|dang-xuat|static|media)/|/excel/|/tai-ve|\.xlsx$|/xuat|/download"
                  r"|^/api/v1/schema/")
AXE = "/static/vendor/axe/axe.min.js"


@pytest.fixture
def demo_data(settings, standards):
    settings.DEMO_MODE = True
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    # the Makefile's demo-data steps, with a few households per commune
    for name, args in (("load_admin_units", ["--province", "38", "--province", "15"]), ("load_seed_plans", []),
                       ("load_demo_funds", []), ("create_demo_users", []), ("seed_report_duties", ["--demo"]),
                       ("open_report_runs", []), ("generate_demo_households", ["--per-commune", "4"]),
                       ("refresh_dashboard", [])):
        call_command(name, *args, verbosity=0)


def shape(path: str) -> str:
    """One page per URL shape: ids and years become N; the query (filters, sorting, page numbers) is dropped."""
    return re.sub(r"\d+", "N", urlparse(path).path)


def run_axe(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=page.base_url + AXE)
    return page.evaluate("""async () => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a",
            "wcag21aa", "best-practice"]}, resultTypes: ["violations"]});
        return result.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n")[1])}));
    }""")


def links_of(page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    out = []
    for href in hrefs:
        url = urlparse(urljoin(page.url, href))
        if url.netloc != urlparse(page.base_url).netloc or not url.path.startswith("/"):
            continue
        path = url.path + (f"?{url.query}" if url.query else "")
        if not SKIP.search(url.path):
            out.append(path)
    return out


def walk(page, found: list[str]) -> list[str]:
    """The pages one role reaches: breadth-first from the home page, one per URL shape."""
    queue, seen, visited = ["/"], {shape("/")}, []
    while queue and len(visited) < MAX_PAGES:
        path = queue.pop(0)
        response = page.goto(page.base_url + path)
        if response is None or response.status >= 400 or "/dang-nhap/" in page.url:
            continue
        visited.append(path)
        for link in links_of(page):
            if shape(link) not in seen:
                seen.add(shape(link))
                queue.append(urlparse(link).path)
    return visited


def test_every_page_of_every_demo_role_passes_axe(browser, live_server, demo_data):
    problems: list[str] = []
    for demo in DEMO_USERS:
        context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=DESKTOP)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", demo.username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        pages = walk(page, [])
        assert pages, f"{demo.username}: không mở được trang nào"
        print(f"{demo.username}: {len(pages)} trang: {' '.join(pages)}")
        for size_name, size in (("máy tính", DESKTOP), ("điện thoại", PHONE)):
            page.set_viewport_size(size)
            for path in pages:
                page.goto(page.base_url + path)
                for violation in run_axe(page):
                    problems.append(f"{demo.username} · {size_name} · {path}: [{violation['impact']}] "
                                    f"{violation['id']} – {violation['help']}\n      " +
                                    "\n      ".join(violation["nodes"]))
        context.close()
    assert not problems, f"{len(problems)} lỗi axe-core nghiêm trọng:\n" + "\n".join(problems)


def test_phone_menu_is_reached_with_the_keyboard(browser, live_server, demo_data):
    context = browser.new_context(locale="vi-VN", viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "xuanbai")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    toggle = page.get_by_role("button", name="Menu")
    for _ in range(6):  # skip link, brand, then the menu button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-controls')") == "mainnav":
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "mainnav"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#mainnav").is_visible()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#mainnav') !== null")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Trang chủ"
    box = page.locator("#mainnav a").first.bounding_box()
    assert box["height"] >= 44  # a tap target on a touch screen
    context.close()


def test_quota_grid_inputs_are_named_by_commune_and_column(browser, live_server, demo_data):
    context = browser.new_context(locale="vi-VN", viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "thoxuan.ldtbxh")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ke-hoach/thoxuan-2024/chi-tieu/2024/")
    # what a screen reader reads for the cell: its accessible name, computed by Chromium
    cell = page.get_by_role("spinbutton", name="Xuân Bái, hộ không có khả năng lao động", exact=True)
    assert cell.count() == 1
    assert cell.input_value() != ""
    unnamed = page.eval_on_selector_all(
        "#quota-grid input:not([type=hidden])",
        "els => els.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length")
    assert unnamed == 0
    context.close()
