"""The dashboard's map (issue 15, point 3): each commune at its coordinates, sized by households and coloured by
fixed poor-rate classes, on the page's boundaries, with the same figures as a table; and the two small faults
found by a fresh-eyes run (an ended district on today's boundaries, a year with no commune)."""

import datetime
import json

import pytest
from django.test import override_settings

from dashboard import selectors
from dashboard.ended import ended_unit
from dashboard.map import commune_map, rate_class
from dashboard.selectors import YearCompletion, year_completion
from directory.models import AdministrativeUnit, Role
from povertyapp.env import tile_source
from tests.dashboard.mapping import place
from tests.dashboard.test_boundaries import reformed  # noqa: F401
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)
URL = "/tong-quan/"


def _map_json(response) -> dict:
    text = response.content.decode()
    start = text.index('<script id="map-data" type="application/json">') + len(
        '<script id="map-data" type="application/json">')
    return json.loads(text[start:text.index("</script>", start)])


@pytest.fixture
def placed(reformed):  # noqa: F811
    """The reform with the national list's coordinates on every commune of Thọ Xuân (old and new) but TT Lam Sơn,
    which has none (as a unit typed in by hand would)."""
    olds = [u for name, u in reformed.old.items() if name != "TT Lam Sơn"]
    place(*olds, *reformed.new.values(), reformed.split, *reformed.split_into)
    return reformed


def test_fixed_classes_of_the_poor_rate():
    assert [rate_class(r) for r in (None, 0, 1.99, 2, 4.99, 5, 9.99, 10, 19.99, 20, 55.5)] == \
        ["rn", "r0", "r0", "r1", "r1", "r2", "r2", "r3", "r3", "r4", "r4"]


def test_the_map_holds_the_communes_the_page_sums_with_their_figures(placed, province_staff):
    data = selectors.dashboard_data(province_staff, placed.province, 2024, TODAY, boundaries="period")
    cmap = commune_map(data)

    by_name = {c.unit.kind_and_name: c for c in cmap.communes}
    assert len(cmap.communes) == data.commune_count
    xuan_bai, tho_lam = by_name["Xã Xuân Bái"], by_name["Xã Thọ Lâm"]
    # Xuân Bái: 4 poor at the end of 2024 and no household total (no rate: grey); Thọ Lâm 1 of 100 (1%)
    assert (xuan_bai.poor, xuan_bai.households, xuan_bai.rate, xuan_bai.rate_class) == (4, None, None, "rn")
    assert (tho_lam.poor, tho_lam.households, tho_lam.rate, tho_lam.rate_class) == (1, 100, 1.0, "r0")
    assert xuan_bai.has_position and (xuan_bai.unit.latitude, xuan_bai.unit.longitude) != (None, None)
    # TT Lam Sơn and Xuân Cao (another district, not placed) have no coordinates: counted, not drawn
    assert {c.unit.kind_and_name for c in cmap.unplaced} == {"Thị trấn Lam Sơn", "Xã Xuân Cao"}
    assert len(cmap.placed) == len(cmap.communes) - 2
    # the province's outline box holds every mark
    (south, west), (north, east) = cmap.box
    assert all(south <= c.unit.latitude <= north and west <= c.unit.longitude <= east for c in cmap.placed)
    # the poor of the map add up to the page's headline
    assert sum(c.poor for c in cmap.communes) == data.headline.poor == 7


def test_today_s_boundaries_put_the_history_on_the_new_communes(placed, province_staff):
    data = selectors.dashboard_data(province_staff, placed.province, 2024, TODAY, boundaries="current")
    cmap = commune_map(data)
    by_name = {c.unit.kind_and_name: c for c in cmap.communes}
    assert by_name["Xã Lam Sơn"].poor == 4 and by_name["Xã Sao Vàng"].poor == 1
    assert not any(c.unit.valid_to for c in cmap.communes)  # only today's communes
    assert sum(c.poor for c in cmap.communes) == data.headline.poor


def test_the_page_carries_the_map_data_and_the_table(placed, client_for, province_staff):
    client = client_for(province_staff)
    for boundaries in ("period", "current"):
        response = client.get(URL, {"don_vi": placed.province.pk, "nam": 2024, "dia_gioi": boundaries})
        assert response.status_code == 200
        spec = _map_json(response)
        cmap = response.context["map"]
        assert {c["id"] for c in spec["communes"]} == {c.unit.pk for c in cmap.placed}
        assert spec["tiles"] is None and spec["province"] == "Tỉnh Thanh Hóa"
        assert spec["query"] == {"nam": 2024, "dia_gioi": boundaries}
        assert all(c["link"] for c in spec["communes"])
        text = response.content.decode()
        # the table: a caption, column and row headers, one row per commune, links to each commune's figures
        assert '<table id="map-table">' in text and "<caption>Hộ nghèo theo xã cuối năm 2024" in text
        assert text.count('<th scope="row">') == len(cmap.communes)
        some = cmap.placed[0].unit
        assert f'href="?don_vi={some.pk}&amp;nam=2024&amp;dia_gioi={boundaries}"' in text
    period = client.get(URL, {"don_vi": placed.province.pk, "nam": 2024, "dia_gioi": "period"}).content.decode()
    assert "2 xã chưa có tọa độ nên không hiện trên bản đồ" in period
    assert "TT Lam Sơn, Xuân Cao." in period.split('id="map-unplaced"')[1].split("</p>")[0]


def test_no_coordinates_at_all_is_said_not_a_crash(dataset, client_for, leadership):
    from dashboard.services import figures_refresh_all

    figures_refresh_all()
    response = client_for(leadership).get(URL, {"nam": 2024})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Không có xã nào có tọa độ để hiện trên bản đồ." in text
    assert 'id="commune-map"' not in text and _map_json(response)["communes"] == []
    assert "2 xã chưa có tọa độ" in text


def test_a_commune_s_own_map_does_not_link_to_itself(placed, client_for):
    user = UserFactory(username="xa_lamson", role=Role.COMMUNE_OFFICIAL, unit=placed.lam_son)
    spec = _map_json(client_for(user).get(URL, {"nam": 2024, "dia_gioi": "current"}))
    assert [(c["name"], c["link"]) for c in spec["communes"]] == [("Lam Sơn", False)]
    # on the boundaries of 2024 it shows the communes it came from, which it may open
    spec = _map_json(client_for(user).get(URL, {"nam": 2024, "dia_gioi": "period"}))
    assert sorted(c["name"] for c in spec["communes"]) == ["Thọ Xương", "Xuân Bái"]  # TT Lam Sơn: no coordinates
    assert all(c["link"] for c in spec["communes"])


@override_settings(DASHBOARD_MAP_TILES_URL="https://tiles.so.vn/{z}/{x}/{y}.png",
                   DASHBOARD_MAP_TILES_ATTRIBUTION="© Sở Nông nghiệp và Môi trường")
def test_a_tile_layer_is_used_only_when_configured(placed, client_for, province_staff):
    response = client_for(province_staff).get(URL, {"don_vi": placed.province.pk, "nam": 2024})
    assert _map_json(response)["tiles"] == {"url": "https://tiles.so.vn/{z}/{x}/{y}.png",
                                            "attribution": "© Sở Nông nghiệp và Môi trường"}
    assert "khung chữ nhật nét đứt" not in response.content.decode()


def test_the_tile_host_becomes_a_csp_image_source():
    assert tile_source("") is None and tile_source("/ban-do/{z}/{x}/{y}.png") is None
    assert tile_source("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://*.tile.openstreetmap.org"
    assert tile_source("http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png") == "http://10.0.0.5:8080"


# --------------------------------------------------------------------------- the fresh-eyes faults


def test_a_district_on_today_s_boundaries_says_it_ended_and_offers_the_new_communes(placed, client_for,
                                                                                     province_staff):
    district = placed.tho_xuan_district
    leader = UserFactory(username="ld_thoxuan", role=Role.LEADERSHIP, unit=district)
    response = client_for(leader).get(URL, {"nam": 2024, "dia_gioi": "current"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Huyện Thọ Xuân không còn từ ngày 01/07/2025" in text and "không còn cấp huyện" in text
    assert 'id="kpi-poor"' not in text and 'id="commune-map"' not in text  # no wall of zeros
    ended = response.context["ended"]
    assert {c.name for c in ended.communes} == set(placed.new)
    assert ended.last_year == 2024
    assert f'href="?don_vi={district.pk}&amp;nam=2024&amp;dia_gioi=period"' in text
    # a district account may not open the new communes or the province: named, not linked
    assert ended.openable == frozenset() and "cần tài khoản cấp tỉnh" in text
    # the province's staff get the links
    ended = ended_unit(province_staff, district, 2024, "current", TODAY)
    assert placed.province.pk in ended.openable and placed.lam_son.pk in ended.openable
    page = client_for(province_staff).get(URL, {"don_vi": district.pk, "nam": 2024, "dia_gioi": "current"})
    assert f'href="?don_vi={placed.lam_son.pk}&amp;nam=2024&amp;dia_gioi=current"' in page.content.decode()
    # on its own boundaries of 2024 the district still has its figures
    page = client_for(leader).get(URL, {"nam": 2024, "dia_gioi": "period"})
    assert page.context["ended"] is None and page.context["data"].headline.poor == 5


def test_an_ended_unit_is_no_notice_where_it_existed(placed):
    district = placed.tho_xuan_district
    user = UserFactory(username="ld2", role=Role.LEADERSHIP, unit=district)
    assert ended_unit(user, district, 2024, "period", TODAY) is None
    assert ended_unit(user, district, 2024, "current", datetime.date(2025, 3, 1)) is None  # before the reform
    # 2025 ended half-way for it: no figures at 31/12/2025 on any boundary
    notice = ended_unit(user, district, 2025, "period", TODAY)
    assert notice is not None and "không có số liệu cuối năm 2025" in notice.why_no_figures
    xuan_bai = placed.old["Xuân Bái"]
    notice = ended_unit(user, xuan_bai, 2024, "current", TODAY)
    assert [c.name for c in notice.communes] == ["Lam Sơn"] and "số liệu riêng" in notice.why_no_figures


def test_a_year_with_no_commune_reads_so_and_a_new_commune_counts_those_it_came_from(placed):
    assert YearCompletion(2026, 0, 0).label == "2026: đơn vị không có xã nào trong năm này"
    assert not YearCompletion(2026, 0, 0).is_mostly_complete
    # new Xã Lam Sơn in 2024: its three former communes, two with approved reviews of 2024 (dataset: Xuân Bái)
    completion = year_completion(placed.lam_son, [2024])
    assert completion[2024].total == 3 and completion[2024].done == 1
    # the district in 2026 has no commune at all
    assert year_completion(placed.tho_xuan_district, [2026])[2026].label == \
        "2026: đơn vị không có xã nào trong năm này"


def test_the_map_costs_no_query_per_commune(placed, client_for, province_staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(province_staff)
    params = {"don_vi": placed.province.pk, "nam": 2024, "dia_gioi": "current"}
    client.get(URL, params)
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL, params)
    before = len(ctx.captured_queries)
    for i in range(5):
        AdministrativeUnit.objects.create(code=f"1599{i}", name=f"Mới {i}", kind="xa", parent=placed.province,
                                          valid_from=datetime.date(2025, 7, 1), latitude=19.9, longitude=105.5)
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL, params)
    assert len(ctx.captured_queries) == before


def test_an_ended_province_says_it_merged_into_a_province_not_into_communes():
    from dashboard.ended import EndedUnit
    from directory.models import UnitKind, UnitLevel

    yen_bai = AdministrativeUnit(code="15", name="Yên Bái", kind=UnitKind.PROVINCE, level=UnitLevel.PROVINCE,
                                 valid_to=datetime.date(2025, 6, 30))
    lao_cai = AdministrativeUnit(code="15", name="Lào Cai", kind=UnitKind.PROVINCE, level=UnitLevel.PROVINCE,
                                 valid_from=datetime.date(2025, 7, 1))
    ended = EndedUnit(unit=yen_bai, year=2026, boundaries="period", last_year=2024, province=lao_cai,
                      communes=[], openable=frozenset())
    assert ended.reason == "Tỉnh Yên Bái không còn từ ngày 01/07/2025: đã được hợp nhất vào Tỉnh Lào Cai."
    assert "xã mới" not in ended.reason
