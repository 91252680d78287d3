"""Leadership's main job in a real browser: open the dashboard, read the charts, drill down to a commune."""

import pytest

from dashboard.services import figures_refresh_all

pytestmark = pytest.mark.django_db(transaction=True)

# How many pixels of a canvas are painted (not transparent): 0 means Chart.js drew nothing.
PAINTED = """canvas => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { n++; } }
  return n;
}"""

# Where, on the page, the bar of one label of a chart's first dataset is drawn.
BAR_POSITION = """([key, label]) => {
  const canvas = document.querySelector(`canvas[data-chart="${key}"]`);
  const chart = Chart.getChart(canvas);
  const index = chart.data.labels.indexOf(label);
  const bar = chart.getDatasetMeta(0).data[index];
  const box = canvas.getBoundingClientRect();
  return {x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2};
}"""


def _assert_charts_drawn(page, keys):
    for key in keys:
        canvas = page.locator(f'canvas[data-chart="{key}"]')
        canvas.wait_for()
        assert canvas.get_attribute("data-drawn") == "true", key
        assert canvas.evaluate(PAINTED) > 500, f"biểu đồ {key} trống"
        points = canvas.evaluate("c => Chart.getChart(c).data.datasets.map(d => d.data.length)")
        assert points and all(n > 0 for n in points), key


def test_leadership_reads_the_dashboard_and_drills_down_to_a_commune(page, login, standards, dataset, leadership,
                                                                      commune_a):
    # given the figures as the worker keeps them
    figures_refresh_all()

    # when the district's leader opens the dashboard from the menu
    login("lanhdao", password="matkhau-thu")
    page.click("nav.mainnav >> text=Tổng quan")
    page.wait_for_url("**/tong-quan/")

    # then the district's headline figures and every chart are there, drawn from the server's numbers
    assert "Tổng quan giảm nghèo – Huyện Thọ Xuân, năm 2024" in page.locator("h1").inner_text()
    assert page.locator("#kpi-poor").inner_text() == "5"
    assert "Đã giảm 1 / chỉ tiêu 3 hộ" in page.content()
    _assert_charts_drawn(page, ["rate_by_unit", "rate_over_years", "quota_progress", "deprivation_profile",
                                "causes"])
    # the numbers are also a table under the chart
    page.locator("#chart-quota_progress summary").click()
    assert page.locator("#chart-quota_progress table tbody tr").count() == 2

    # when they click Xuân Bái's bar in the quota chart
    spot = page.evaluate(BAR_POSITION, ["quota_progress", "Xuân Bái"])
    page.mouse.click(spot["x"], spot["y"])

    # then the commune's own dashboard opens, its charts drawn too
    page.wait_for_url(f"**/tong-quan/?nam=2024&don_vi={commune_a.pk}")
    assert "Xã Xuân Bái" in page.locator("h1").inner_text()
    assert page.locator("#kpi-poor").inner_text() == "4"
    assert page.locator("nav.crumbs").inner_text().startswith("Thọ Xuân")
    _assert_charts_drawn(page, ["rate_over_years", "quota_progress", "deprivation_profile", "causes"])


def test_the_dashboard_fits_a_phone(page, login, standards, dataset, leadership):
    figures_refresh_all()
    login("lanhdao", password="matkhau-thu")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/tong-quan/?nam=2024")
    _assert_charts_drawn(page, ["quota_progress"])
    # no sideways scrolling of the page itself on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
