"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

No browser is downloaded: Chromium comes from Debian (`apt-get install chromium`,
done by .ci/run). Where it is missing the tests skip and say why. Every request
to a host other than the live server is blocked and recorded, so a page that
reaches for a CDN fails its test.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
TEST_OUTPUT_DIR = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).resolve().parents[2] / "test-results"))
SCREENSHOT_DIR = TEST_OUTPUT_DIR / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make for setup are ordinary blocking calls, which Django would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


# One browser per module, not per session: while Playwright's sync API is open its event loop counts as running
# in this thread, so any later test whose request reaches an async view (the health check) through Django's
# async_to_sync would fail with "You cannot use AsyncToSync in the same thread as an async event loop".
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Không có Chromium ở {CHROMIUM}: "
                    "cài bằng `apt-get install chromium` để chạy kiểm thử trình duyệt.")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh page; requests to any host but the live server are aborted and listed in ``page.outside_requests``."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1280, "height": 900})
    live_host = urlparse(live_server.url).hostname
    outside: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in (live_host, "localhost", "127.0.0.1") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    # Content-Security-Policy violations (an inline script or handler, a style attribute, eval...): every
    # browser test fails on one, so a template that breaks the policy is caught on its own page.
    violations: list[str] = []
    context.expose_function("__cspViolation", lambda text: violations.append(text))
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on("console", lambda msg: violations.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text else None)
    page.set_default_timeout(15_000)
    page.outside_requests = outside
    page.csp_violations = violations
    page.base_url = live_server.url
    yield page
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not outside, f"Trang đã gọi ra máy chủ bên ngoài: {outside}"
    assert not violations, f"Trang vi phạm Content-Security-Policy: {violations}"


CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolation(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def login(page):
    """``login(username, password)`` through the real login form."""

    def do_login(username, password="matkhau-thu"):
        page.goto(f"{page.base_url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{page.base_url}/")
        return page

    return do_login


# --------------------------------------------------------------------------- shared data for the role tests


@pytest.fixture
def standards(reseeded_standards):
    """Poverty standards, indicators and causes: transactional tests flush the rows a data migration seeded."""


# The poverty-report tests' three-year dataset (an escape, a new poor household, a relapse), for the dashboard.
from tests.reports.test_poverty_report import dataset  # noqa: E402, F401
