"""The other generated reports: agencies' task progress per plan, and the households able to escape poverty."""

import datetime
import itertools

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from households.models import EscapePlan
from plans.models import Plan, Task, TaskProgress, TaskRole, TaskStatus
from reports.models import JobStatus, ReportKind
from reports.other_reports import build_task_progress_report
from reports.services.jobs import run_generate
from tests.factories import AgencyFactory
from tests.reports.factories import DutyFactory, HouseholdFactory, RunFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def plan(district, agency, district_staff):
    plan = Plan.objects.create(code="thoxuan-2024", title="Kế hoạch giảm nghèo 2024", unit=district,
                               first_year=2024, last_year=2024)
    other = AgencyFactory(name="Phòng Nông nghiệp", unit=district)
    done = Task.objects.create(plan=plan, agency=agency, role=TaskRole.LEAD, text="Cấp thẻ BHYT cho hộ nghèo",
                               due_date=D(2024, 6, 30), status=TaskStatus.DONE)
    Task.objects.create(plan=plan, agency=agency, role=TaskRole.COORDINATE, text="Phối hợp rà soát",
                        due_date=D(2024, 3, 1), status=TaskStatus.IN_PROGRESS)
    Task.objects.create(plan=plan, agency=other, text="Hỗ trợ giống cây trồng", status=TaskStatus.NOT_STARTED)
    TaskProgress.objects.create(task=done, reported_on=D(2024, 5, 2), text="Đã cấp 120 thẻ", status=TaskStatus.DONE,
                                author=district_staff)
    TaskProgress.objects.create(task=done, reported_on=D(2024, 6, 20), text="Đã cấp đủ 150 thẻ",
                                status=TaskStatus.DONE, author=district_staff)
    return plan


def _rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row and row[0] in ("STT", "Cơ quan"))
    first = header + (2 if rows[header + 1][0] is None else 1)  # a grouped header has a second row
    body = list(itertools.takewhile(lambda r: any(v is not None for v in r), rows[first:]))
    return rows[header], body  # the table ends at the blank line above the signatures


def test_task_progress_for_one_agency(plan, agency, tmp_path):
    path = tmp_path / "tien-do.xlsx"
    count = build_task_progress_report(plan=plan, agency=agency, output=path, today=D(2024, 7, 1))
    wb = load_workbook(path)
    assert count == 2
    assert wb.sheetnames == ["Tổng hợp theo cơ quan", "Tiến độ nhiệm vụ"]
    header, rows = _rows(wb["Tiến độ nhiệm vụ"])
    assert header[:7] == ("STT", "Cơ quan", "Vai trò", "Thuộc dự án", "Nội dung nhiệm vụ", "Thời hạn", "Trạng thái")
    by_text = {r[4]: r for r in rows}
    assert set(by_text) == {"Cấp thẻ BHYT cho hộ nghèo", "Phối hợp rà soát"}  # not the other agency's task
    # the latest progress, its date a real date cell
    assert by_text["Cấp thẻ BHYT cho hộ nghèo"][7:9] == (datetime.datetime(2024, 6, 20), "Đã cấp đủ 150 thẻ")
    assert by_text["Phối hợp rà soát"][2] == "Phối hợp"
    _, summary = _rows(wb["Tổng hợp theo cơ quan"])
    # tasks, lead, coordinate, not started, in progress, done, cancelled, overdue, without progress
    assert summary[0][1:] == (2, 1, 1, 0, 1, 1, 0, 1, 1)


def test_task_progress_for_the_whole_plan(plan, tmp_path):
    path = tmp_path / "ke-hoach.xlsx"
    assert build_task_progress_report(plan=plan, output=path, today=D(2024, 7, 1)) == 3
    _, summary = _rows(load_workbook(path)["Tổng hợp theo cơ quan"])
    assert [r[0] for r in summary] == ["Phòng Nông nghiệp", "Văn phòng HĐND-UBND (Y tế)", "Tổng cộng"]


def test_agency_staff_build_their_own_task_progress_run(plan, agency, agency_user, district, client_for,
                                                        django_capture_on_commit_callbacks):
    duty = DutyFactory(plan=plan, owner_unit=district, kind=ReportKind.TASK_PROGRESS, reporter_level="")
    run = RunFactory(duty=duty, reporting_unit=district, agency=agency)
    client = client_for(agency_user)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("reports:run_generate", args=[run.pk])).status_code == 302
    run.refresh_from_db()
    assert run.job_status == JobStatus.SUCCESS, run.job_error
    with run.generated_file.open("rb") as handle:
        _, rows = _rows(load_workbook(handle)["Tiến độ nhiệm vụ"])
    assert len(rows) == 2


def test_escape_list_run_uses_the_households_builder(district, commune_a, commune_b):
    mine = HouseholdFactory(commune=commune_a, code="XB-01", head_name="Lê Văn Tám")
    EscapePlan.objects.create(household=mine, target_year=2024, measures="Vay vốn nuôi bò")
    EscapePlan.objects.create(household=HouseholdFactory(commune=commune_a, code="XB-02"), target_year=2025,
                              measures="Học nghề")
    EscapePlan.objects.create(household=HouseholdFactory(commune=commune_b, code="TL-01"), target_year=2024,
                              measures="Khác xã")
    duty = DutyFactory(owner_unit=district, kind=ReportKind.ESCAPE_LIST, due_day=20, due_month=3)
    run = RunFactory(duty=duty, reporting_unit=commune_a, job_status=JobStatus.PENDING)
    assert run_generate(run_id=run.pk) == "success"
    assert run_generate(run_id=run.pk) == "skipped"  # a duplicate delivery builds nothing
    run.refresh_from_db()
    with run.generated_file.open("rb") as handle:
        ws = load_workbook(handle).active
    codes = [row[3] for row in ws.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert codes == ["XB-01"]
