"""Fault 11 in the browser: the main pages of each role run under the Content-Security-Policy without a single
violation (the shared ``page`` fixture fails a test on any; see tests/e2e/conftest.py), and the policy is really
enforced: an inline handler injected into a page does not run and is reported."""

import pytest

from dashboard.services import figures_refresh_all
from households.models import Review, ReviewStatus
from tests.reports.factories import DutyFactory, RunFactory

pytestmark = pytest.mark.django_db(transaction=True)

INJECT_INLINE_HANDLER = """() => {
  const box = document.createElement("div");
  box.setAttribute("onclick", "window.__inlineRan = true");
  document.body.appendChild(box);
  box.click();
  const script = document.createElement("script");
  script.textContent = "window.__inlineScriptRan = true";
  document.body.appendChild(script);
  return [window.__inlineRan === true, window.__inlineScriptRan === true];
}"""


def _visit(page, path):
    response = page.goto(f"{page.base_url}{path}")
    assert response.status == 200, path
    assert "script-src 'self'" in response.headers["content-security-policy"], path
    page.wait_for_load_state("load")


def test_the_policy_is_enforced_and_reported(page, login, commune_a_user):
    login("xa_a")
    assert page.evaluate(INJECT_INLINE_HANDLER) == [False, False]
    page.wait_for_timeout(200)  # violation events are dispatched asynchronously
    assert any("script-src" in v for v in page.csp_violations), page.csp_violations
    page.csp_violations.clear()  # expected here; every other test must end with none


def test_main_pages_of_district_staff_raise_no_csp_violation(page, login, standards, dataset, district_staff):
    figures_refresh_all()
    run = RunFactory(duty=DutyFactory(owner_unit=district_staff.unit), reporting_unit=dataset[1].commune)
    household = dataset[1]
    login("huyen")
    for path in ("/", "/ho-gia-dinh/", f"/ho-gia-dinh/{household.pk}/", "/ho-gia-dinh/phe-duyet/",
                 "/ho-gia-dinh/ra-soat/cho-nop/", "/ho-gia-dinh/thoat-ngheo/", "/ho-gia-dinh/excel/",
                 "/ke-hoach/", "/ke-hoach/thoxuan-2024/", "/ke-hoach/thoxuan-2024/chi-tieu/2024/",
                 "/bao-cao/", f"/bao-cao/ky/{run.pk}/", "/tong-quan/", "/tong-quan/?nam=2023"):
        _visit(page, path)
    # the scripts moved out of the templates still work: the dashboard's year picker and the check-all box
    _visit(page, "/tong-quan/")
    page.select_option("#id_nam", "2023")
    page.wait_for_url("**nam=2023**")
    assert page.locator("canvas[data-drawn=true]").count() > 0
    if Review.objects.filter(status=ReviewStatus.SUBMITTED).exists():
        _visit(page, "/ho-gia-dinh/phe-duyet/?nam=2024")
        boxes = page.locator("input[name=review]")
        if boxes.count():
            page.locator("input.js-check-all").first.check()
            assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert page.csp_violations == []


def test_main_pages_of_a_commune_official_and_the_admin_raise_no_csp_violation(page, login, standards, dataset,
                                                                                 commune_a_user, admin_user_):
    login("xa_a")
    for path in ("/", "/ho-gia-dinh/", f"/ho-gia-dinh/{dataset[6].pk}/ra-soat/them/", "/ho-gia-dinh/them/",
                 "/tong-quan/", "/bao-cao/cua-toi/"):
        _visit(page, path)
    page.context.clear_cookies()
    login("quantri")
    for path in ("/quan-tri/", "/quan-tri/households/household/",
                 f"/quan-tri/households/household/{dataset[1].pk}/change/", "/quan-tri/directory/user/",
                 "/quan-tri/plans/plan/"):
        _visit(page, path)
    assert page.csp_violations == []
