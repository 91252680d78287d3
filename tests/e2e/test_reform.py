"""Issue 10 in a real browser: the official of new Xã Lam Sơn sees its predecessors' households with their
lineage, and province staff switch the 2024 dashboard between the old and today's boundaries."""

import pytest

from dashboard.services import figures_refresh_all
from directory.models import Role
from households.rehoming import households_rehome
from tests.factories import UserFactory
from tests.reports.factories import NOT_POOR, POOR, HouseholdFactory, approved_review

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lam_son_households(reform, standards):
    """A household in each of Thọ Xương, Xuân Bái and TT Lam Sơn (2024 reviews), one in Thọ Lâm (Sao Vàng)."""
    made = {}
    for name, code, category in (("Thọ Xương", "TX-1", POOR), ("Xuân Bái", "XB-1", POOR),
                                 ("TT Lam Sơn", "LS-1", NOT_POOR), ("Thọ Lâm", "TL-1", POOR)):
        made[name] = HouseholdFactory(commune=reform.old[name], code=code, head_name=f"Chủ hộ {code}")
        approved_review(made[name], year=2023, category=POOR)
        approved_review(made[name], year=2024, category=category)
    households_rehome()
    figures_refresh_all()
    return made


def test_lam_son_official_sees_the_households_of_its_predecessors_with_their_lineage(
        page, login, reform, lam_son_households):
    UserFactory(username="lamson", role=Role.COMMUNE_OFFICIAL, unit=reform.new["Lam Sơn"])
    login("lamson")
    page.goto(f"{page.base_url}/ho-gia-dinh/")
    table = page.locator("table.households")
    for code in ("TX-1", "XB-1", "LS-1"):
        assert table.get_by_role("link", name=code, exact=True).count() == 1, code
    assert table.get_by_role("link", name="TL-1", exact=True).count() == 0
    assert table.locator("text=← Xã Xuân Bái").count() == 1
    assert table.locator("text=← Thị trấn Lam Sơn").count() == 1

    table.get_by_role("link", name="XB-1", exact=True).click()
    assert page.locator("[data-testid=lineage]").inner_text() == \
        "Xã Xuân Bái (huyện Thọ Xuân) → Xã Lam Sơn, từ 01/07/2025"


def test_province_dashboard_2024_switches_between_old_and_new_boundaries(page, login, reform, lam_son_households):
    UserFactory(username="thanhhoa.snnmt", role=Role.PROVINCE_STAFF, unit=reform.thanh_hoa)
    login("thanhhoa.snnmt")
    page.goto(f"{page.base_url}/tong-quan/?nam=2024&don_vi={reform.thanh_hoa.pk}")
    assert page.locator("#id_dia_gioi").input_value() == "period"
    poor = page.locator("#kpi-poor").inner_text()
    assert poor == "3"
    table = page.locator("#chart-rate_by_unit table").text_content()
    assert "Thọ Xuân" in table and "Lam Sơn" not in table

    # when they switch to today's boundaries
    page.select_option("#id_dia_gioi", "current")
    page.wait_for_url("**dia_gioi=current**")

    # then the same provincial totals, over the new xã
    assert page.locator("#kpi-poor").inner_text() == poor
    table = page.locator("#chart-rate_by_unit table").text_content()
    assert "Lam Sơn" in table and "Sao Vàng" in table and "Thọ Xuân" in table
    assert "theo địa giới hiện nay" in page.locator("#boundaries-label").inner_text()
