"""The dashboard pages: every role reads its own unit, drill-down stays inside the scope, the query count
does not grow with the number of communes, and the Excel download carries the charts' tables."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from dashboard.services import figures_refresh_all
from tests.factories import CommuneFactory
from tests.print_checks import assert_print_ready, header_row
from tests.reports.factories import POOR, HouseholdFactory, approved_review

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:index")


@pytest.fixture
def figures(dataset):
    figures_refresh_all()
    return dataset


def test_leadership_sees_their_district_with_the_figures(client_for, leadership, figures, district):
    response = client_for(leadership).get(URL, {"nam": 2024})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tổng quan giảm nghèo – Huyện Thọ Xuân, năm 2024" in page
    assert 'id="kpi-poor">5<' in page and "Đã giảm 1 / chỉ tiêu 3 hộ" in page
    assert response.context["data"].unit == district
    # every chart has its data as JSON for the browser and its table for people
    charts = response.context["chart_json"]
    assert set(charts) == {"rate_by_unit", "rate_over_years", "quota_progress", "deprivation_profile", "causes",
                           "timeliness"}
    assert charts["quota_progress"]["labels"] == ["Thọ Lâm", "Xuân Bái"]
    assert 'id="chart-data"' in page and "vendor/chartjs/chart.umd.min.js" in page
    assert "Số liệu tổng hợp cập nhật lúc" in page


def test_drill_down_to_a_commune_and_back(client_for, leadership, figures, commune_a):
    response = client_for(leadership).get(URL, {"don_vi": commune_a.pk, "nam": 2024})
    assert response.status_code == 200
    data = response.context["data"]
    assert data.unit == commune_a and data.headline.poor == 4
    assert [u.name for u in response.context["crumbs"]] == ["Thọ Xuân", "Xuân Bái"]


def test_a_commune_official_sees_only_their_commune(client_for, commune_a_user, commune_b_user, figures,
                                                     commune_a, district):
    client = client_for(commune_b_user)
    # default: their own commune
    assert client.get(URL).context["data"].unit == commune_b_user.unit
    # another commune, or the district above, is a 404 even with the id typed in
    assert client.get(URL, {"don_vi": commune_a.pk}).status_code == 404
    assert client.get(URL, {"don_vi": district.pk}).status_code == 404
    assert client.get(reverse("dashboard:excel"), {"don_vi": commune_a.pk}).status_code == 404


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_excel_download_has_the_headline_and_one_sheet_per_chart(client_for, district_staff, figures):
    response = client_for(district_staff).get(reverse("dashboard:excel"), {"nam": 2024})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="tong-quan-395-2024.xlsx"'
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Chỉ số chính", "Tỷ lệ theo đơn vị", "Tỷ lệ qua các năm", "Tiến độ chỉ tiêu",
                             "Chỉ số thiếu hụt", "Nguyên nhân nghèo", "Nộp báo cáo", "Kinh phí"]
    for ws in wb.worksheets:
        assert_print_ready(ws)
    first = header_row(wb["Chỉ số chính"], "Chỉ số")
    headline = {r[0]: r[1] for r in wb["Chỉ số chính"].iter_rows(min_row=first + 1, values_only=True)}
    assert headline["Hộ nghèo cuối năm"] == 5 and headline["Chỉ tiêu giảm hộ nghèo"] == 3
    rate_cell = next(r[1] for r in wb["Chỉ số chính"].iter_rows(min_row=first + 1) if r[0].value.endswith("(%)"))
    assert rate_cell.number_format == "0.00%"
    progress = wb["Tiến độ chỉ tiêu"]
    rows = list(progress.iter_rows(min_row=header_row(progress, "Đơn vị"), values_only=True))
    assert rows[0] == ("Đơn vị", "Chỉ tiêu cả năm", "Cần đạt đến nay", "Đã giảm", "Tỷ lệ hoàn thành (%)")
    assert rows[1][:4] == ("Thọ Lâm", 1, 1, 0) and rows[2][:4] == ("Xuân Bái", 2, 2, 1)
    # one chart only
    one = client_for(district_staff).get(reverse("dashboard:excel"), {"nam": 2024, "bieu": "causes"})
    assert load_workbook(io.BytesIO(one.content)).sheetnames == ["Nguyên nhân nghèo"]
    assert client_for(district_staff).get(reverse("dashboard:excel"), {"bieu": "khong-co"}).status_code == 404


def test_communes_behind_lists_quota_laggards(client_for, leadership, figures, commune_a, commune_b):
    # 2024 is over: Xuân Bái reduced 1 of 2, Thọ Lâm 0 of 1, so both are behind
    behind = client_for(leadership).get(URL, {"nam": 2024}).context["data"].behind
    assert {c.unit for c in behind} == {commune_a, commune_b}
    assert all(c.is_behind_quota for c in behind)


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, params).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_communes(client_for, leadership, figures, district):
    client = client_for(leadership)
    before = _queries(client, {"nam": 2024})
    for i in range(8):
        commune = CommuneFactory(code=f"1590{i}", name=f"Xã Mới {i}", parent=district)
        approved_review(HouseholdFactory(commune=commune, code=f"N{i}"), year=2024, category=POOR)
    figures_refresh_all()
    assert _queries(client, {"nam": 2024}) == before


def test_admin_lists_the_figures_read_only_and_scoped(client_for, district_staff, province_staff, figures,
                                                      other_district, commune_c):
    approved_review(HouseholdFactory(commune=commune_c, code="C1"), year=2024, category=POOR)
    figures_refresh_all()
    url = reverse("admin:dashboard_communeyearfigures_changelist")

    page = client_for(district_staff).get(url, {"year": 2024})
    assert page.status_code == 200
    assert {row.commune.name for row in page.context["cl"].result_list} == {"Xuân Bái", "Thọ Lâm"}
    assert client_for(district_staff).get(reverse("admin:dashboard_communeyearfigures_add")).status_code == 403
    # the province sees the other district's commune too
    rows = client_for(province_staff).get(url, {"year": 2024}).context["cl"].result_list
    assert {row.commune.name for row in rows} == {"Xuân Bái", "Thọ Lâm", "Xuân Cao"}


def test_the_excel_download_gives_the_refresh_time_in_local_time_as_the_page_does(client_for, district_staff,
                                                                                  figures):
    import datetime

    from django.utils import timezone

    from dashboard.models import CommuneYearFigures

    # 18:30 UTC is 01:30 the next day in Vietnam (UTC+7)
    CommuneYearFigures.objects.update(refreshed_at=datetime.datetime(2026, 12, 4, 18, 30, tzinfo=datetime.UTC))
    page = client_for(district_staff).get(URL, {"nam": 2024}).content.decode()
    assert "cập nhật lúc 01:30 05/12/2026" in page
    response = client_for(district_staff).get(reverse("dashboard:excel"), {"nam": 2024})
    cells = [c for row in load_workbook(io.BytesIO(response.content))["Chỉ số chính"].iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    assert "Số liệu cập nhật lúc 01:30 05/12/2026." in cells
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"
