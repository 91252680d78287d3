"""The dashboard's map in a real browser (issue 15, point 3): Leaflet served by the app, no tile server (every
request outside the live server is blocked and fails the test), the Content-Security-Policy of production (any
violation fails the test), a mark per placed commune on either boundary, the table under it, and a click on a
commune that opens its figures."""

import pytest

from directory.models import Role
from tests.dashboard.test_boundaries import reformed  # noqa: F401
from tests.dashboard.test_map import placed  # noqa: F401
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

MARKS = "#commune-map path.commune-mark"


def _open(page, path):
    response = page.goto(f"{page.base_url}{path}")
    assert response.status == 200
    # no tile host allowed (the directives' order in the header is not fixed: compare the directive itself)
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in response.headers["content-security-policy"].split(";")}
    assert directives["img-src"] == "img-src 'self' data:"
    page.locator("#commune-map[data-drawn=true]").wait_for()


def _marked(page) -> set[int]:
    return {int(x) for x in page.locator(MARKS).evaluate_all("ps => ps.map(p => p.getAttribute('data-commune'))")}


def test_the_district_map_of_2024_on_its_own_boundaries(page, login, standards, placed):  # noqa: F811
    UserFactory(username="ld_map", role=Role.LEADERSHIP, unit=placed.tho_xuan_district)
    login("ld_map")
    _open(page, "/tong-quan/?nam=2024&dia_gioi=period")

    # Thọ Xuân's 30 communes of 2024: 29 drawn at their coordinates, TT Lam Sơn has none and is said so
    old = {u.pk for name, u in placed.old.items() if name != "TT Lam Sơn"}
    assert _marked(page) == old
    assert "1 xã chưa có tọa độ" in page.locator("#map-unplaced").inner_text()
    # the outline box of the province is drawn under the marks (no background tiles)
    assert page.locator("#commune-map .leaflet-overlay-pane path").count() == len(old) + 1
    assert page.locator("#commune-map .leaflet-tile").count() == 0
    # the same figures as a table, every commune a row (TT Lam Sơn too)
    assert page.locator("#map-table caption").inner_text().startswith("Hộ nghèo theo xã cuối năm 2024")
    assert page.locator("#map-table tbody tr").count() == 30
    row = page.locator(f'#map-table tr[data-commune="{placed.old["Xuân Bái"].pk}"]')
    assert row.locator("td").nth(1).inner_text() == "4"  # poor at the end of 2024


def test_the_province_map_on_either_boundary_and_a_click_on_a_commune(page, login, standards, placed,  # noqa: F811
                                                                      province_staff):
    login("tinh")
    _open(page, f"/tong-quan/?don_vi={placed.province.pk}&nam=2024&dia_gioi=period")
    historic = _marked(page)
    assert placed.old["Xuân Bái"].pk in historic and placed.lam_son.pk not in historic

    # the boundaries switch of the page redraws the map on today's communes
    page.select_option("#id_dia_gioi", "current")
    page.wait_for_url("**dia_gioi=current**")
    page.locator("#commune-map[data-drawn=true]").wait_for()
    current = _marked(page)
    assert current == {u.pk for u in [*placed.new.values(), *placed.split_into]}
    assert page.locator("#map-table tbody tr").count() == page.locator("#map-table tbody th[scope=row]").count()

    # a click on new Xã Lam Sơn opens its figures, and from there its own dashboard
    page.locator(f'{MARKS}[data-commune="{placed.lam_son.pk}"]').click()
    popup = page.locator(".leaflet-popup-content .map-popup")
    popup.wait_for()
    assert popup.locator("h3").inner_text() == "Lam Sơn"
    assert "Hộ nghèo cuối năm\n4" in popup.inner_text()
    assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == "Đóng"
    page.screenshot(path=str(_screenshot_dir() / "dashboard_map_popup.png"))
    popup.get_by_role("link", name="Xem tổng quan của xã").click()
    page.wait_for_url(f"**don_vi={placed.lam_son.pk}**")
    assert "Xã Lam Sơn" in page.locator("h1").inner_text()
    assert page.locator("#kpi-poor").inner_text() == "4"
    assert page.outside_requests == []


def _screenshot_dir():
    from tests.e2e.conftest import SCREENSHOT_DIR

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
