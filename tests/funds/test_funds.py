"""Funds: scope by role, the over-allocation rule on every way in, stale saves, pages, rates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funds import services
from funds.models import FundAllocation, FundDisbursement, FundLine
from funds.reporting import fund_rates
from plans.models import PlanEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_who_sees_which_rows(funds_data, district_staff, leadership, agency_user, commune_a_user, commune_b_user,
                             province_staff):
    every = {funds_data["line"].pk, funds_data["health"].pk}
    assert set(FundLine.objects.for_user(district_staff).values_list("pk", flat=True)) == every
    assert set(FundLine.objects.for_user(province_staff).values_list("pk", flat=True)) == every
    assert set(FundLine.objects.for_user(leadership).values_list("pk", flat=True)) == every
    # agency staff: the line of the sub-project their office leads; commune: the line allocated to it
    assert list(FundLine.objects.for_user(agency_user)) == [funds_data["health"]]
    assert list(FundLine.objects.for_user(commune_a_user)) == [funds_data["line"]]
    assert list(FundAllocation.objects.for_user(commune_a_user)) == [funds_data["xb"]]
    assert not FundLine.objects.for_user(commune_b_user).exists()
    assert FundDisbursement.objects.for_user(commune_a_user).count() == 2


def test_rates_by_project_and_by_unit(funds_data):
    rates = fund_rates(unit=funds_data["line"].plan.unit, year=2024)
    by_project = {row.label.split(":")[0]: row for row in rates.by_project}
    assert by_project["Dự án 2"].allocated == 700_000_000 and by_project["Dự án 2"].disbursed == 360_000_000
    assert str(by_project["Dự án 2"].rate) == "51.43"
    assert by_project["Dự án 3 › Tiểu dự án 2"].rate == 25
    by_unit = {row.label: row for row in rates.by_unit}
    assert by_unit["Xuân Bái"].disbursed == 270_000_000 and str(by_unit["Xuân Bái"].rate) == "67.50"
    assert rates.total.estimate == 1_250_000_000 and rates.total.allocated == 900_000_000
    half = fund_rates(unit=funds_data["line"].plan.unit, year=2024, quarters=(1, 2))
    assert half.total.disbursed == 260_000_000  # Q3's 150.000.000 is not in the first half


def test_model_clean_refuses_disbursement_above_allocation_without_note(funds_data):
    extra = FundDisbursement(allocation=funds_data["xb"], quarter=4, amount=200_000_000, document_number="40/UNC",
                             document_date=datetime.date(2024, 12, 20))
    with pytest.raises(ValidationError) as exc:
        extra.full_clean()
    assert "phải ghi lý do" in str(exc.value.message_dict["note"])
    extra.note = "Bổ sung theo Quyết định 55/QĐ-UBND"
    extra.full_clean()
    # lowering the allocation below what was disbursed is refused the same way
    allocation = funds_data["xb"]
    allocation.amount = 100_000_000
    with pytest.raises(ValidationError, match="nhiều hơn số phân bổ mới"):
        allocation.full_clean()


def test_commune_records_its_disbursement_through_the_page(client_for, funds_data, commune_a_user):
    allocation = funds_data["xb"]
    url = reverse("funds:disbursement_create", kwargs={"pk": allocation.pk})
    client = client_for(commune_a_user)
    page = client.get(url)
    assert page.status_code == 200 and "đã giải ngân: <strong>270.000.000 đồng" in page.content.decode()
    data = {"quarter": 4, "amount": "200.000.000", "document_number": "41/UNC", "document_date": "20/12/2024",
            "version": allocation.version}
    refused = client.post(url, data)
    assert refused.status_code == 200 and "phải ghi lý do ở ô Ghi chú" in refused.content.decode()
    assert not FundDisbursement.objects.filter(quarter=4).exists()
    saved = client.post(url, {**data, "amount": "130.000.000"})
    assert saved.status_code == 302
    entry = FundDisbursement.objects.get(allocation=allocation, quarter=4)
    assert entry.amount == 130_000_000 and entry.recorded_by == commune_a_user
    assert PlanEvent.objects.filter(action="fund_disbursement_create").exists()
    plan_page = client.get(reverse("funds:plan_funds", kwargs={"code": "thoxuan-2024"}), {"nam": 2024})
    assert "100,00%" in plan_page.content.decode()  # 400.000.000 of 400.000.000 disbursed


def test_a_stale_save_is_refused(client_for, funds_data, district_staff):
    allocation = funds_data["ld"]
    url = reverse("funds:allocation_edit", kwargs={"pk": allocation.pk})
    client = client_for(district_staff)
    loaded = allocation.version
    # someone else records a disbursement meanwhile: the allocation's version moves on
    services.disbursement_create(allocation=allocation, quarter=3, amount=10_000_000, document_number="31/UNC",
                                 document_date=datetime.date(2024, 9, 1), allocation_version=loaded,
                                 acting_user=district_staff)
    response = client.post(url, {"amount": "350.000.000", "version": loaded})
    assert response.status_code == 200
    page = response.content.decode()
    assert "vừa được người khác lưu" in page and "Tải lại bản mới nhất" in page
    allocation.refresh_from_db()
    assert allocation.amount == 300_000_000
    line_url = reverse("funds:line_edit", kwargs={"pk": funds_data["line"].pk})
    response = client.post(line_url, {"estimate": "1.100.000.000", "version": 99})
    assert "vừa được người khác lưu" in response.content.decode()
    ok = client.post(line_url, {"estimate": "1.100.000.000", "version": funds_data["line"].version})
    assert ok.status_code == 302 and FundLine.objects.get(pk=funds_data["line"].pk).estimate == 1_100_000_000


def test_roles_write_only_their_own_rows(client_for, funds_data, agency_user, leadership, commune_b_user,
                                         commune_a_user):
    # the Y tế office leads TDA 3.2: it edits that line, not Dự án 2 (which it cannot even see)
    client = client_for(agency_user)
    ok = client.post(reverse("funds:line_edit", kwargs={"pk": funds_data["health"].pk}),
                     {"estimate": "260.000.000", "version": funds_data["health"].version})
    assert ok.status_code == 302
    assert client.get(reverse("funds:line_edit", kwargs={"pk": funds_data["line"].pk})).status_code == 404
    # a commune official records disbursements but may not change its allocation
    client = client_for(commune_a_user)
    response = client.post(reverse("funds:allocation_edit", kwargs={"pk": funds_data["xb"].pk}),
                           {"amount": "900.000.000", "version": funds_data["xb"].version})
    assert response.status_code == 403
    # leadership reads everything, writes nothing; another commune sees nothing
    client = client_for(leadership)
    assert client.get(reverse("funds:plan_funds", kwargs={"code": "thoxuan-2024"})).status_code == 200
    assert client.post(reverse("funds:disbursement_create", kwargs={"pk": funds_data["xb"].pk}), {}).status_code == 403
    client = client_for(commune_b_user)
    assert client.get(reverse("funds:plan_funds", kwargs={"code": "thoxuan-2024"})).status_code == 404
    assert client.get(reverse("funds:allocation_edit", kwargs={"pk": funds_data["xb"].pk})).status_code == 404


def test_district_staff_create_a_line_and_an_allocation(client_for, funds_data, district_staff, projects, commune_b):
    client = client_for(district_staff)
    plan_url = reverse("funds:line_create", kwargs={"code": "thoxuan-2024"})
    response = client.post(plan_url, {"project": projects["p2"].pk, "year": 2024, "source": "huy_dong",
                                      "estimate": "1,5"})
    assert "không phải là số tiền" in response.content.decode()
    response = client.post(plan_url, {"project": projects["p2"].pk, "year": 2024, "source": "huy_dong",
                                      "estimate": "75.000.000"})
    assert response.status_code == 302
    line = FundLine.objects.get(source="huy_dong")
    assert line.estimate == 75_000_000
    again = client.post(plan_url, {"project": projects["p2"].pk, "year": 2024, "source": "huy_dong",
                                   "estimate": "1"})
    assert "đã có dòng kinh phí" in again.content.decode()
    response = client.post(reverse("funds:allocation_create", kwargs={"pk": line.pk}),
                           {"recipient_kind": "commune", "commune": commune_b.pk, "amount": "50.000.000",
                            "version": line.version})
    assert response.status_code == 302
    assert FundAllocation.objects.get(line=line).commune == commune_b


def test_plan_and_dashboard_pages_show_estimates_and_rates(client_for, funds_data, district_staff):
    client = client_for(district_staff)
    page = client.get(reverse("plans:plan_detail", kwargs={"code": "thoxuan-2024"})).content.decode()
    assert "Kinh phí thực hiện" in page and "1.000.000.000" in page and "51,43%" in page
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("funds:plan_funds", kwargs={"code": "thoxuan-2024"}), {"nam": 2024})
    FundLine.objects.create(plan=funds_data["line"].plan, project=funds_data["line"].project, year=2024,
                            source="long_ghep", estimate=5)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("funds:plan_funds", kwargs={"code": "thoxuan-2024"}), {"nam": 2024})
    assert len(more) == len(few)  # no query per line


def test_funds_sheet_in_the_six_month_report(funds_data, district, tmp_path):
    from openpyxl import load_workbook

    from reports.periods import Period
    from reports.poverty import build_poverty_report

    path = tmp_path / "sau-thang.xlsx"
    build_poverty_report(unit=district, period=Period("half", 2024, 1), output=path)
    ws = load_workbook(path)["Kinh phí"]
    values = [list(row) for row in ws.iter_rows(values_only=True)]
    labels = {row[1]: row for row in values if row and isinstance(row[1], str)}
    project = next(row for label, row in labels.items() if label.startswith("Dự án 2:"))
    assert project[4] == 700_000_000 and project[5] == 210_000_000 and project[6] == pytest.approx(0.3)
    assert labels["Xuân Bái"][5] == 120_000_000


def test_quarterly_report_has_no_funds_sheet(funds_data, district, tmp_path):
    from openpyxl import load_workbook

    from reports.periods import Period
    from reports.poverty import build_poverty_report

    path = tmp_path / "quy.xlsx"
    build_poverty_report(unit=district, period=Period("quarter", 2024, 1), output=path)
    assert "Kinh phí" not in load_workbook(path).sheetnames


def test_other_province_staff_see_nothing(funds_data):
    from tests.factories import ProvinceFactory

    other = UserFactory(username="yb", role="province_staff", unit=ProvinceFactory(code="15", name="Yên Bái"))
    assert not FundLine.objects.for_user(other).exists()
    assert not fund_rates(unit=None, year=2024, user=other).has_data


def test_an_ended_district_still_shows_its_funds_for_the_years_it_existed(client_for, funds_data, district):
    """Thọ Xuân district ended on 30/06/2025: on today's boundaries its household figures are gone (the ended
    notice), but its 2024 plan's money is its own and still shows; 2026, when it no longer existed, has none."""
    from directory.models import Role

    district.valid_to = datetime.date(2025, 6, 30)
    district.save()
    leader = UserFactory(username="ld_thoxuan_funds", role=Role.LEADERSHIP, unit=district)
    client = client_for(leader)
    page = client.get(reverse("dashboard:index"), {"nam": 2024, "dia_gioi": "current"})
    text = page.content.decode()
    assert page.context["ended"] is not None and 'id="ended-unit"' in text
    assert 'id="chart-funds"' in text and "1.000.000.000" in text and "51,43%" in text
    gone = client.get(reverse("dashboard:index"), {"nam": 2026, "dia_gioi": "period"}).content.decode()
    assert 'id="ended-unit"' in gone and 'id="chart-funds"' not in gone


def test_the_dashboard_workbook_has_the_funds_sheet_with_the_chart_s_figures(client_for, funds_data,
                                                                             district_staff, district):
    import io

    from openpyxl import load_workbook

    from funds.reporting import dashboard_fund_rates

    client = client_for(district_staff)
    page = client.get(reverse("dashboard:index"), {"nam": 2024}).content.decode()
    assert "51,43%" in page and "bieu=funds" in page
    workbook = client.get(reverse("dashboard:excel"), {"don_vi": district.pk, "nam": 2024})
    wb = load_workbook(io.BytesIO(workbook.content))
    assert "Kinh phí" in wb.sheetnames and wb.sheetnames[0] == "Chỉ số chính"
    rows = [list(r) for r in wb["Kinh phí"].iter_rows(values_only=True)]
    by_label = {r[1]: r for r in rows if r and isinstance(r[1], str)}
    expected = dashboard_fund_rates(unit=district, year=2024, user=district_staff)
    for row in expected.by_project:
        cells = by_label[row.label]
        assert cells[3:6] == [row.estimate, row.allocated, row.disbursed]
        assert cells[6] == pytest.approx(float(row.rate) / 100 if row.rate is not None else None, abs=1e-4)
    project = next(r for label, r in by_label.items() if label.startswith("Dự án 2:"))
    assert project[4] == 700_000_000 and project[5] == 360_000_000 and project[6] == pytest.approx(0.5143, abs=1e-4)
    total = by_label["Tổng cộng"]
    assert total[4] == 900_000_000 and total[5] == 410_000_000
    # the funds chart's own download holds only that sheet
    only = load_workbook(io.BytesIO(client.get(reverse("dashboard:excel"),
                                               {"don_vi": district.pk, "nam": 2024, "bieu": "funds"}).content))
    assert only.sheetnames == ["Kinh phí"]


def test_a_refused_save_shows_the_stored_amounts_and_the_year_as_a_year(client_for, funds_data, district_staff):
    """After a refused save the page's "đang lưu" is what is stored, not what was typed; the year reads 2024
    (not 2.024) and the cancel link keeps it."""
    client = client_for(district_staff)
    line = funds_data["line"]
    line_url = reverse("funds:line_edit", kwargs={"pk": line.pk})
    page = client.post(line_url, {"estimate": "1.100.000.000", "version": 99}).content.decode()
    assert "Dự toán đang lưu: <strong>1.000.000.000 đồng</strong>" in page
    assert "năm 2024." in page and "2.024" not in page and f"?nam={line.year}" in page
    allocation = funds_data["ld"]
    page = client.post(reverse("funds:allocation_edit", kwargs={"pk": allocation.pk}),
                       {"amount": "350.000.000", "version": 99}).content.decode()
    assert "Phân bổ đang lưu: <strong>300.000.000 đồng</strong>" in page and "2.024" not in page
