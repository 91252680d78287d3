"""The calendar (in date order) and the completeness table download as print-ready Excel documents."""

import datetime
import io

import pytest
from django.urls import reverse
from freezegun import freeze_time
from openpyxl import load_workbook

from reports.models import ReportRun
from tests.factories import CommuneFactory
from tests.print_checks import assert_print_ready, header_row
from tests.reports.factories import DutyFactory, RunFactory

pytestmark = pytest.mark.django_db


def sheet_of(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def test_calendar_excel_is_in_date_order_and_scoped(client_for, district_staff, district, commune_a, commune_c):
    late = DutyFactory(owner_unit=district, title="Báo cáo năm", due_day=30, due_month=11)
    early = DutyFactory(owner_unit=district, title="Danh sách thoát nghèo", due_day=20, due_month=3)
    RunFactory(duty=late, reporting_unit=commune_a)
    RunFactory(duty=early, reporting_unit=commune_a)
    RunFactory(duty=early, reporting_unit=commune_c)  # another district: not theirs
    ws = sheet_of(client_for(district_staff).get(reverse("reports:calendar_excel"), {"year": 2024}))
    first = header_row(ws, "STT") + 1
    rows = [r for r in ws.iter_rows(min_row=first, values_only=True) if isinstance(r[0], int)]
    assert [r[2] for r in rows] == ["Danh sách thoát nghèo", "Báo cáo năm"]
    assert rows[0][1].date() == datetime.date(2024, 3, 20)
    assert_print_ready(ws)


def test_completeness_excel_has_the_rows_and_the_total(client_for, leadership, district):
    duty = DutyFactory(owner_unit=district)
    runs = [RunFactory(duty=duty, reporting_unit=CommuneFactory(parent=district)) for _ in range(4)]
    ReportRun.objects.filter(pk=runs[0].pk).update(submitted_on=datetime.date(2024, 10, 30),
                                                   submitted_at=datetime.datetime(2024, 10, 30, tzinfo=datetime.UTC))
    with freeze_time("2024-11-05 09:00+07:00"):
        ws = sheet_of(client_for(leadership).get(reverse("reports:completeness_excel"), {"year": 2024}))
    first = header_row(ws, "STT") + 1
    values = [r for r in ws.iter_rows(min_row=first, values_only=True) if r[1]]
    assert values[0][4:8] == (4, 1, 1, 0) and values[0][10] == 0.25
    assert values[1][1] == "Tổng cộng" and values[1][4] == 4
    assert_print_ready(ws)


def test_pages_link_their_excel(client_for, leadership):
    client = client_for(leadership)
    assert reverse("reports:calendar_excel") in client.get(reverse("reports:calendar")).content.decode()
    assert reverse("reports:completeness_excel") in client.get(reverse("reports:completeness")).content.decode()
