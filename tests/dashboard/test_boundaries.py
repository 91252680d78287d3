"""The dashboard on either boundary (issue 10, point 6): the same provincial totals whether the year is
shown on its own communes or on today's, and the switch on the page."""

import datetime

import pytest

from dashboard import selectors
from dashboard.services import figures_refresh_all
from households.rehoming import households_rehome
from tests.reports.factories import POOR, HouseholdFactory, approved_review

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def reformed(dataset, reform, commune_c):
    """The dataset (Xuân Bái, Thọ Lâm of Thọ Xuân) plus Xuân Cao (another district, not reformed here) and a
    household of the split TT Hà Trung, after the unit load and the rehoming."""
    h = HouseholdFactory(commune=commune_c, code="C1")
    approved_review(h, year=2024, category=POOR)
    s = HouseholdFactory(commune=reform.split, code="S1", village="Tiểu khu 2")
    approved_review(s, year=2024, category=POOR)
    households_rehome()
    figures_refresh_all()
    reform.province = reform.thanh_hoa
    reform.lam_son = reform.new["Lam Sơn"]
    return reform


def _headline(data):
    return (data.headline.poor, data.headline.escaped, data.headline.new_poor, data.headline.relapsed,
            data.headline.total_households, data.headline.quota, data.total_row.figures)


def test_province_2024_on_either_boundary_has_the_same_totals(reformed, province_staff):
    province = reformed.province
    historic = selectors.dashboard_data(province_staff, province, 2024, TODAY, boundaries="period")
    current = selectors.dashboard_data(province_staff, province, 2024, TODAY, boundaries="current")

    assert _headline(historic) == _headline(current)
    assert historic.headline.poor == 7
    # 2024 on its own boundaries: the two districts; on today's: the new communes (and Xuân Cao's district)
    assert {c.unit.kind_and_name for c in historic.children} == {"Huyện Thọ Xuân", "Huyện Thường Xuân",
                                                                "Huyện Hà Trung"}
    names = {c.unit.kind_and_name for c in current.children}
    assert {"Xã Lam Sơn", "Xã Sao Vàng", "Xã Hà Trung", "Xã Hoạt Giang"} <= names
    assert not any(name.startswith("Huyện Thọ Xuân") for name in names)
    by_name = {c.unit.kind_and_name: c.row.figures.poor_end for c in current.children}
    # Lam Sơn took Xuân Bái (4 poor at the end of 2024), Sao Vàng Thọ Lâm (1); TT Hà Trung's village
    # went to Xã Hà Trung, its default successor
    assert (by_name["Xã Lam Sơn"], by_name["Xã Sao Vàng"], by_name["Xã Hà Trung"], by_name["Xã Hoạt Giang"]) == \
        (4, 1, 1, 0)
    assert historic.boundaries == "period" and current.boundaries == "current"


def test_default_boundaries_and_the_switch_on_the_page(reformed, client, province_staff):
    client.force_login(province_staff)
    page = client.get("/tong-quan/", {"don_vi": reformed.province.pk, "nam": 2024}).content.decode()
    assert '<option value="period" selected>' in page
    page = client.get("/tong-quan/", {"don_vi": reformed.province.pk, "nam": 2024, "dia_gioi": "current"})
    text = page.content.decode()
    assert '<option value="current" selected>' in text
    assert "Lam Sơn" in text and "theo địa giới hiện nay" in text


def test_new_commune_sees_its_history_on_both_boundaries(reformed, client):
    from directory.models import Role
    from tests.factories import UserFactory

    lamson = UserFactory(username="lamson", role=Role.COMMUNE_OFFICIAL, unit=reformed.lam_son)
    current = selectors.dashboard_data(lamson, reformed.lam_son, 2024, TODAY)
    assert current.boundaries == "current"  # Lam Sơn did not exist in 2024
    assert current.headline.poor == 4
    historic = selectors.dashboard_data(lamson, reformed.lam_son, 2024, TODAY, boundaries="period")
    assert sorted(c.unit.kind_and_name for c in historic.children) == ["Thị trấn Lam Sơn", "Xã Thọ Xương",
                                                                      "Xã Xuân Bái"]
    assert historic.headline.poor == 4
    assert selectors.figure_years(reformed.lam_son)[:1] == [2024]


def test_the_reports_of_earlier_communes_count_on_today_s_boundaries_too(reformed, province_staff):
    """2024's reports were made by the old communes: on today's boundaries they count in the commune that
    carries them (as their households do), so the province's timeliness is the same either way."""
    from tests.reports.factories import DutyFactory, RunFactory

    duty = DutyFactory(owner_unit=reformed.tho_xuan_district)
    xuan_bai, tho_lam = reformed.old["Xuân Bái"], reformed.old["Thọ Lâm"]
    for commune, day in ((xuan_bai, datetime.date(2024, 10, 1)), (tho_lam, datetime.date(2024, 11, 5))):
        at = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)  # on time (30/10), late
        RunFactory(duty=duty, reporting_unit=commune, submitted_on=day, submitted_at=at)

    def timeliness(data):
        return {c.unit.name: c.timeliness for c in data.children if any(c.timeliness.values())}

    province = reformed.province
    historic = selectors.dashboard_data(province_staff, province, 2024, TODAY, boundaries="period")
    current = selectors.dashboard_data(province_staff, province, 2024, TODAY, boundaries="current")
    assert timeliness(historic)["Thọ Xuân"] == {"on_time": 1, "late": 1, "missing": 0, "not_due": 0}
    by_commune = timeliness(current)
    assert by_commune["Lam Sơn"]["on_time"] == 1 and by_commune["Sao Vàng"]["late"] == 1
    assert len(current.charts["timeliness"]["rows"]) == 2
    # new Xã Lam Sơn's own page carries Xuân Bái's report
    lam_son = selectors.dashboard_data(province_staff, reformed.lam_son, 2024, TODAY, boundaries="current")
    assert timeliness(lam_son) == {"Lam Sơn": {"on_time": 1, "late": 0, "missing": 0, "not_due": 0}}
