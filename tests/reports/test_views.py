"""Pages: scoping (outsiders get 404), read-only roles (403 on writes), the run workflow, query counts."""

import datetime
import io

import pytest
from django.urls import reverse
from freezegun import freeze_time
from openpyxl import Workbook, load_workbook

from plans.models import Plan
from reports.models import HouseholdTotal, JobStatus, ReportingDuty, ReportKind, ReportRun, RunAction
from tests.reports.factories import DutyFactory, RunFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def duty(district):
    return DutyFactory(owner_unit=district, kind=ReportKind.POVERTY, title="Báo cáo năm", due_day=30, due_month=10)


# A poverty report's figures (reports.services.figures); all zero needs the note each test gives.
NO_HOUSEHOLDS_YET = {"reported_poor": "0", "reported_near_poor": "0", "reported_escaped": "0"}


@pytest.fixture
def run_a(duty, commune_a):
    return RunFactory(duty=duty, reporting_unit=commune_a)


@pytest.fixture
def run_b(duty, commune_b):
    return RunFactory(duty=duty, reporting_unit=commune_b)


def url(name, *args):
    return reverse(f"reports:{name}", args=args)


# --------------------------------------------------------------------------- lists and scoping


def test_calendar_shows_only_runs_in_scope(client_for, commune_a_user, district_staff, run_a, run_b):
    page = client_for(commune_a_user).get(url("calendar"), {"year": 2024})
    assert page.status_code == 200
    assert list(page.context["runs"]) == [run_a]
    page = client_for(district_staff).get(url("calendar"), {"year": 2024})
    assert {r.pk for r in page.context["runs"]} == {run_a.pk, run_b.pk}
    assert "Quá hạn" in page.content.decode()  # 30/10/2024 is long past


def test_calendar_query_count_does_not_grow_with_runs(client_for, district_staff, duty, district,
                                                      django_assert_max_num_queries):
    from tests.factories import CommuneFactory

    communes = [CommuneFactory(parent=district) for _ in range(3)]
    for commune in communes:
        RunFactory(duty=duty, reporting_unit=commune)
    client = client_for(district_staff)
    with django_assert_max_num_queries(12):
        client.get(url("calendar"), {"year": 2024})
    for commune in [CommuneFactory(parent=district) for _ in range(30)]:
        RunFactory(duty=duty, reporting_unit=commune)
    with django_assert_max_num_queries(12):
        page = client.get(url("calendar"), {"year": 2024})
    assert len(page.context["runs"]) == 33


def test_calendar_filters_by_status(client_for, district_staff, run_a, run_b):
    ReportRun.objects.filter(pk=run_a.pk).update(submitted_at=datetime.datetime(2024, 10, 1, tzinfo=datetime.UTC),
                                                 submitted_on=D(2024, 10, 1))
    page = client_for(district_staff).get(url("calendar"), {"year": 2024, "status": "on_time"})
    assert list(page.context["runs"]) == [run_a]


def test_my_reports_for_commune_and_agency(client_for, commune_a_user, agency_user, agency, district, run_a, run_b,
                                           django_assert_max_num_queries):
    agency_duty = DutyFactory(owner_unit=district, kind=ReportKind.FREE, reporter_level="")
    agency_run = RunFactory(duty=agency_duty, reporting_unit=district, agency=agency)
    client = client_for(commune_a_user)
    with django_assert_max_num_queries(8):
        page = client.get(url("my_reports"))
    assert page.context["open_runs"] == [run_a]
    page = client_for(agency_user).get(url("my_reports"))
    assert page.context["open_runs"] == [agency_run]
    # agency staff do not see the communes' runs even though they are under the agency's district
    assert client_for(agency_user).get(url("run_detail", run_a.pk)).status_code == 404


def test_run_page_outsider_gets_404(client_for, commune_b_user, run_a):
    client = client_for(commune_b_user)
    for name in ("run_detail", "run_state"):
        assert client.get(url(name, run_a.pk)).status_code == 404
    assert client.get(url("run_download", run_a.pk, "tao")).status_code == 404
    assert client.post(url("run_submit", run_a.pk)).status_code == 404
    assert client.post(url("run_generate", run_a.pk)).status_code == 404


def test_run_page_query_count(client_for, commune_a_user, run_a, django_assert_max_num_queries):
    # 12: the submit form reads the registry (the communes, then their households in one query) to prefill
    client = client_for(commune_a_user)
    client.post(url("run_comment", run_a.pk), {"text": "Ý kiến 1"})
    with django_assert_max_num_queries(12):
        page = client.get(url("run_detail", run_a.pk))
    assert page.status_code == 200
    for i in range(10):
        client.post(url("run_comment", run_a.pk), {"text": f"Ý kiến {i}"})
    with django_assert_max_num_queries(12):
        client.get(url("run_detail", run_a.pk))


# --------------------------------------------------------------------------- the run workflow


def test_generate_queues_a_task_and_the_page_shows_its_state(client_for, commune_a_user, run_a,
                                                             django_capture_on_commit_callbacks):
    client = client_for(commune_a_user)
    # when: the task is only sent on commit; here we capture it without running it
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url("run_generate", run_a.pk))
    assert response.status_code == 302
    assert len(callbacks) == 1
    run_a.refresh_from_db()
    assert run_a.job_status == JobStatus.PENDING
    page = client.get(url("run_detail", run_a.pk)).content.decode()
    assert "Đang chờ tạo" in page and 'data-state="pending"' in page
    assert client.get(url("run_state", run_a.pk)).json() == {"job_status": "pending", "label": "Đang chờ tạo"}
    # a second click while pending queues nothing more
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(url("run_generate", run_a.pk))
    assert callbacks == []
    # when the worker runs the task (eagerly here)
    callbacks_to_run = []
    with django_capture_on_commit_callbacks(execute=True):
        from reports.tasks import report_run_generate_task

        callbacks_to_run.append(report_run_generate_task.delay(run_a.pk))
    run_a.refresh_from_db()
    assert run_a.job_status == JobStatus.SUCCESS
    # then the file downloads through the scoped view only
    download = client.get(url("run_download", run_a.pk, "tao"))
    assert download.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    # the signed documents: the summary, and (an annual report) the programme's funds
    assert workbook.sheetnames == ["Tổng hợp", "Kinh phí"]
    # and its appendices (by cause, by indicator, the households that moved) as a second workbook
    assert "Tải phụ lục (.xlsx)" in client.get(url("run_detail", run_a.pk)).content.decode()
    appendix = client.get(url("run_download", run_a.pk, "phu-luc"))
    assert appendix.status_code == 200 and appendix["Content-Disposition"].endswith('-phu-luc.xlsx"')
    assert load_workbook(io.BytesIO(b"".join(appendix.streaming_content))).sheetnames[-1] == "Danh sách hộ biến động"
    with pytest.raises(ValueError):
        run_a.generated_file.url  # noqa: B018 - no public URL exists for report files


def test_failed_build_shows_the_error_to_staff_only(client_for, commune_a_user, district_staff, run_a, monkeypatch,
                                                    django_capture_on_commit_callbacks):
    def broken(run, output, appendix=None):
        raise RuntimeError("bảng chỉ tiêu hỏng")

    monkeypatch.setattr("reports.services.jobs.build_for_run", broken)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(district_staff).post(url("run_generate", run_a.pk))
    run_a.refresh_from_db()
    assert run_a.job_status == JobStatus.FAILED
    assert "bảng chỉ tiêu hỏng" in client_for(district_staff).get(url("run_detail", run_a.pk)).content.decode()
    page = client_for(commune_a_user).get(url("run_detail", run_a.pk)).content.decode()
    assert "Tạo báo cáo không thành công" in page and "bảng chỉ tiêu hỏng" not in page


@pytest.mark.parametrize(("now", "label"), [("2024-10-30 16:00+07:00", "Đã nộp đúng hạn"),
                                            ("2024-10-31 08:00+07:00", "Nộp muộn")])
def test_upload_and_submit(client_for, commune_a_user, run_a, now, label):
    client = client_for(commune_a_user)
    upload = io.BytesIO(b"%PDF-1.4 bao cao")
    upload.name = "bao-cao-nam.pdf"
    with freeze_time(now):
        assert client.post(url("run_upload", run_a.pk), {"file": upload}).status_code == 302
        response = client.post(url("run_submit", run_a.pk), {"note": "Gửi kèm bản ký", **NO_HOUSEHOLDS_YET},
                               follow=True)
    assert label in response.content.decode()
    run_a.refresh_from_db()
    assert run_a.submitted_by == commune_a_user and run_a.uploaded_file
    assert [e.action for e in run_a.events.all()] == [RunAction.UPLOADED, RunAction.SUBMITTED]
    assert client.get(url("run_download", run_a.pk, "tai-len")).status_code == 200


def test_upload_refuses_other_file_types(client_for, commune_a_user, run_a):
    upload = io.BytesIO(b"MZ")
    upload.name = "virus.exe"
    response = client_for(commune_a_user).post(url("run_upload", run_a.pk), {"file": upload}, follow=True)
    assert "chỉ nhận" in response.content.decode()
    run_a.refresh_from_db()
    assert not run_a.uploaded_file


def test_leadership_reads_but_cannot_write(client_for, leadership, run_a):
    client = client_for(leadership)
    page = client.get(url("run_detail", run_a.pk))
    assert page.status_code == 200
    assert "Nộp báo cáo</button>" not in page.content.decode()
    for name in ("run_submit", "run_generate", "run_comment", "run_unsubmit"):
        assert client.post(url(name, run_a.pk), {"text": "x", "reason": "x"}).status_code == 403, name
    run_a.refresh_from_db()
    assert run_a.submitted_at is None and run_a.job_status == JobStatus.NONE


def test_staff_reopen_needs_a_reason_and_is_kept(client_for, commune_a_user, district_staff, run_a):
    client_for(commune_a_user).post(url("run_submit", run_a.pk), {"note": "Chưa có hộ", **NO_HOUSEHOLDS_YET})
    assert client_for(commune_a_user).post(url("run_unsubmit", run_a.pk), {"reason": "x"}).status_code == 403
    staff = client_for(district_staff)
    staff.post(url("run_unsubmit", run_a.pk), {"reason": ""})
    run_a.refresh_from_db()
    assert run_a.submitted_at is not None
    staff.post(url("run_unsubmit", run_a.pk), {"reason": "Số liệu quý chưa khớp"})
    run_a.refresh_from_db()
    assert run_a.submitted_at is None
    assert run_a.events.get(action=RunAction.UNSUBMITTED).text == "Số liệu quý chưa khớp"


# --------------------------------------------------------------------------- completeness


def test_completeness_counts_and_rates(client_for, leadership, duty, district, django_assert_max_num_queries):
    from tests.factories import CommuneFactory

    communes = [CommuneFactory(parent=district) for _ in range(4)]
    runs = [RunFactory(duty=duty, reporting_unit=c) for c in communes]
    ReportRun.objects.filter(pk=runs[0].pk).update(submitted_on=D(2024, 10, 30),
                                                   submitted_at=datetime.datetime(2024, 10, 30, tzinfo=datetime.UTC))
    ReportRun.objects.filter(pk=runs[1].pk).update(submitted_on=D(2024, 11, 2),
                                                   submitted_at=datetime.datetime(2024, 11, 2, tzinfo=datetime.UTC))
    client = client_for(leadership)
    with freeze_time("2024-11-05 09:00+07:00"), django_assert_max_num_queries(8):
        page = client.get(url("completeness"), {"year": 2024})
    [row] = page.context["rows"]
    assert (row.expected, row.submitted, row.on_time, row.late, row.missing, row.not_due) == (4, 2, 1, 1, 2, 0)
    assert (row.reporting_rate, row.on_time_rate) == (50.0, 25.0)
    assert "50%" in page.content.decode()


# --------------------------------------------------------------------------- duties of a plan


@pytest.fixture
def plan(district):
    return Plan.objects.create(code="thoxuan-2024", title="Kế hoạch giảm nghèo 2024", unit=district,
                               first_year=2024, last_year=2024)


def _duty_post(**extra):
    data = {"code": "thoxuan-2024-nam", "title": "Báo cáo năm", "kind": "poverty", "reporter_level": "commune",
            "period_type": "year", "due_rule": "fixed_date", "due_day": "30", "due_month": "10", "year_offset": "0",
            "first_year": "2024", "last_year": "2024", "is_active": "on"}
    data.update(extra)
    return data


def test_staff_add_a_duty_on_the_plan_page(client_for, district_staff, plan, commune_a, commune_b):
    client = client_for(district_staff)
    data = _duty_post(owner_unit=str(plan.unit.pk))
    response = client.post(url("plan_duties", plan.code), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    duty = ReportingDuty.objects.get(code="thoxuan-2024-nam")
    assert duty.plan == plan
    assert set(duty.runs.values_list("reporting_unit", flat=True)) == {commune_a.pk, commune_b.pk}
    page = client.get(url("plan_duties", plan.code)).content.decode()
    assert "trước ngày 30/10" in page


def test_duty_form_errors_name_the_field(client_for, district_staff, plan):
    data = _duty_post(owner_unit=str(plan.unit.pk), period_type="half", due_day="20", due_month="6")
    response = client_for(district_staff).post(url("plan_duties", plan.code), data)
    assert response.status_code == 400
    assert "chỉ kỳ số" in response.content.decode()
    assert not ReportingDuty.objects.exists()


def test_edit_duty_redates_open_runs_only(client_for, district_staff, plan, commune_a, commune_b):
    client = client_for(district_staff)
    client.post(url("plan_duties", plan.code), _duty_post(owner_unit=str(plan.unit.pk)))
    duty = ReportingDuty.objects.get()
    submitted = duty.runs.get(reporting_unit=commune_a)
    ReportRun.objects.filter(pk=submitted.pk).update(submitted_on=D(2024, 10, 1),
                                                     submitted_at=datetime.datetime(2024, 10, 1, tzinfo=datetime.UTC))
    response = client.post(url("duty_edit", duty.pk), _duty_post(owner_unit=str(plan.unit.pk), due_day="15",
                                                                 due_month="11"))
    assert response.status_code == 302
    assert duty.runs.get(reporting_unit=commune_b).due_date == D(2024, 11, 15)
    assert duty.runs.get(reporting_unit=commune_a).due_date == D(2024, 10, 30)


def test_duties_page_read_only_roles_and_outsiders(client_for, leadership, commune_a_user, plan):
    assert client_for(leadership).get(url("plan_duties", plan.code)).status_code == 200
    assert client_for(leadership).post(url("plan_duties", plan.code), _duty_post()).status_code == 403
    assert client_for(commune_a_user).get(url("plan_duties", plan.code)).status_code == 404
    duty = DutyFactory(plan=plan, owner_unit=plan.unit)
    assert client_for(leadership).get(url("duty_edit", duty.pk)).status_code == 403


def test_duties_page_for_a_plan_outside_scope_is_404(client_for, district_staff, commune_c):
    other = Plan.objects.create(code="khac-2024", title="Kế hoạch khác", unit=commune_c.parent, first_year=2024,
                                last_year=2024)
    assert client_for(district_staff).get(url("plan_duties", other.code)).status_code == 404


# --------------------------------------------------------------------------- household totals


def _xlsx(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    data = io.BytesIO()
    wb.save(data)
    data.seek(0)
    data.name = "tong-so-ho.xlsx"
    return data


def test_household_totals_grid_and_import(client_for, district_staff, district, commune_a, commune_b):
    client = client_for(district_staff)
    page = client.get(url("household_totals"), {"unit": district.pk, "year": 2024})
    assert page.status_code == 200 and len(page.context["grid"]) == 2
    client.post(url("household_totals"), {"action": "grid", "unit": district.pk, "year": 2024,
                                          f"total-{commune_a.pk}": "1.250", f"total-{commune_b.pk}": ""})
    assert HouseholdTotal.objects.get(commune=commune_a, year=2024).total == 1250
    # a file with a bad row changes nothing and names the row
    bad = _xlsx([["Danh sách"], ["Mã đơn vị", "Đơn vị", "Tổng số hộ"], ["15547", "Xuân Bái", 1300],
                 ["", "Xã Không Có", 10], ["15541", "Thọ Lâm", "nhiều"]])
    response = client.post(url("household_totals"), {"action": "upload", "unit": district.pk, "year": 2024,
                                                      "file": bad})
    text = response.content.decode()
    assert response.status_code == 400 and "Dòng 4" in text and "Dòng 5" in text
    assert HouseholdTotal.objects.get(commune=commune_a, year=2024).total == 1250
    good = _xlsx([["Mã đơn vị", "Đơn vị", "Tổng số hộ"], ["15547", "Xuân Bái", 1300], [None, "Thọ Lâm", 900],
                  [None, "Tổng cộng", 2200]])
    client.post(url("household_totals"), {"action": "upload", "unit": district.pk, "year": 2024, "file": good})
    assert dict(HouseholdTotal.objects.values_list("commune__code", "total")) == {"15547": 1300, "15541": 900}


def test_household_totals_read_only_for_leadership(client_for, leadership, district, commune_a):
    client = client_for(leadership)
    assert client.get(url("household_totals"), {"unit": district.pk, "year": 2024}).status_code == 200
    response = client.post(url("household_totals"), {"action": "grid", "unit": district.pk, "year": 2024,
                                                     f"total-{commune_a.pk}": "5"})
    assert response.status_code == 403
    assert not HouseholdTotal.objects.exists()


def test_duties_and_totals_pages_query_counts(client_for, district_staff, plan, district,
                                              django_assert_max_num_queries):
    from tests.factories import AgencyFactory, CommuneFactory

    client = client_for(district_staff)
    for i in range(6):
        duty = DutyFactory(plan=plan, owner_unit=district, code=f"d{i}")
        duty.reporter_agencies.set([AgencyFactory(unit=district)])
        duty.reporter_units.set([CommuneFactory(parent=district)])
    with django_assert_max_num_queries(15):  # constant: 14 with 3 or 12 duties
        page = client.get(url("plan_duties", plan.code))
    assert page.status_code == 200 and len(page.context["duties"]) == 6
    with django_assert_max_num_queries(12):
        page = client.get(url("household_totals"), {"unit": district.pk, "year": 2024})
    assert len(page.context["grid"]) == 6


def test_report_pages_pick_the_unit_with_a_search_box_not_a_drop_down(client_for, district_staff, run_a, commune_a):
    # given a scope of many units (a province holds thousands on both maps)
    client = client_for(district_staff)
    for name in ("calendar", "completeness"):
        # when
        page = client.get(url(name), {"year": 2024, "unit": commune_a.pk}).content.decode()
        # then the unit is a search box carrying the chosen id, and no <option> lists the scope's units
        assert 'class="unit-search-box"' in page and f'value="{commune_a.pk}"' in page
        assert f'<option value="{commune_a.pk}"' not in page


def test_household_totals_grid_lists_the_communes_of_the_year_s_map(client_for, reform):
    """A province spanning both maps: 2024 lists the old communes only, 2026 the new ones only (as the upload
    reads them); an ended district keeps its own communes."""
    from directory.models import Role
    from tests.factories import UserFactory

    staff = UserFactory(username="snnmt", role=Role.PROVINCE_STAFF, unit=reform.thanh_hoa)
    client = client_for(staff)
    old = {u.pk for u in reform.old.values()} | {reform.split.pk}
    new = {u.pk for u in reform.new.values()} | {u.pk for u in reform.split_into}

    def listed(unit, year):
        page = client.get(url("household_totals"), {"unit": unit.pk, "year": year})
        assert page.status_code == 200
        return {commune.pk for commune, _ in page.context["grid"]}

    assert listed(reform.thanh_hoa, 2024) == old
    assert listed(reform.thanh_hoa, 2026) == new
    assert listed(reform.tho_xuan_district, 2024) == {u.pk for u in reform.old.values()}
    assert listed(reform.tho_xuan_district, 2026) == {u.pk for u in reform.old.values()}  # its last day
    # a grid save for 2024 touches no commune of today's map
    lam_son = reform.new["Lam Sơn"]
    client.post(url("household_totals"), {"action": "grid", "unit": reform.thanh_hoa.pk, "year": 2024,
                                          f"total-{lam_son.pk}": "900"})
    assert not HouseholdTotal.objects.filter(commune=lam_son).exists()


def test_a_commune_picked_on_the_district_level_pages_is_refused_with_a_reason(client_for, district_staff, district,
                                                                               commune_a):
    client = client_for(district_staff)
    for name in ("completeness", "household_totals"):
        text = client.get(url(name), {"unit": commune_a.pk}).content.decode()
        assert "Hãy chọn một huyện hoặc tỉnh trong địa bàn của bạn" in text, name
        assert "Hãy chọn một lựa chọn hợp lệ" not in text, name


def test_filtering_by_a_unit_of_today_s_map_keeps_the_reports_of_the_units_it_carries(client_for, reform):
    """New Xã Lam Sơn's calendar holds Xuân Bái's 2024 report (as lamson's own calendar does); new Lào Cai's
    completeness holds Yên Bái's."""
    from directory.models import Role
    from tests.factories import UserFactory

    xuan_bai_run = RunFactory(duty=DutyFactory(owner_unit=reform.tho_xuan_district),
                              reporting_unit=reform.old["Xuân Bái"])
    yen_bai_run = RunFactory(duty=DutyFactory(owner_unit=reform.yen_bai, reporter_level="province"),
                             reporting_unit=reform.yen_bai)
    th = client_for(UserFactory(username="snnmt", role=Role.PROVINCE_STAFF, unit=reform.thanh_hoa))
    page = th.get(url("calendar"), {"unit": reform.new["Lam Sơn"].pk, "year": 2024})
    assert [r.pk for r in page.context["runs"]] == [xuan_bai_run.pk]
    lc = client_for(UserFactory(username="laocai", role=Role.PROVINCE_STAFF, unit=reform.new_lao_cai))
    page = lc.get(url("completeness"), {"unit": reform.new_lao_cai.pk, "year": 2024})
    assert page.context["total"]["expected"] == 1 and yen_bai_run.year == 2024
