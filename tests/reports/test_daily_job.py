"""The daily job: opens runs, queues the automatic builds, e-mails reminders; run twice it does nothing twice."""

import datetime

import pytest
from django.core import mail
from freezegun import freeze_time

from directory.models import Role
from reports.models import JobStatus, ReminderLog, ReportKind, ReportRun, RunAction
from reports.services.daily import daily_job
from reports.services.runs import duty_periods, runs_open
from tests.factories import UserFactory
from tests.reports.factories import DutyFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def people(commune_a, commune_b, district, agency):
    return {
        "a": UserFactory(username="xa_a2", role=Role.COMMUNE_OFFICIAL, unit=commune_a, email="a@xa.test"),
        "b": UserFactory(username="xa_b2", role=Role.COMMUNE_OFFICIAL, unit=commune_b, email="b@xa.test"),
        "no_mail": UserFactory(username="xa_a3", role=Role.COMMUNE_OFFICIAL, unit=commune_a, email=""),
        "lead": UserFactory(username="ld", role=Role.LEADERSHIP, unit=commune_a, email="ld@xa.test"),
        "district": UserFactory(username="h", role=Role.DISTRICT_STAFF, unit=district, email="h@huyen.test"),
        "agency": UserFactory(username="cq", role=Role.AGENCY_STAFF, unit=district, agency=agency,
                              email="cq@huyen.test"),
    }


@pytest.fixture
def escape_duty(district, commune_a, commune_b):
    """Communes of the district send the escape list by 20/3 (Thọ Xuân 2024)."""
    return DutyFactory(owner_unit=district, kind=ReportKind.FREE, reporter_level="commune", period_type="year",
                       due_day=20, due_month=3, first_year=2024, last_year=2024)


def test_daily_job_twice_creates_no_duplicate_runs_or_reminders(escape_duty, people):
    # given: 15/3/2024, five days before the deadline
    with freeze_time("2024-03-15 08:00+07:00"):
        # when
        first = daily_job()
        second = daily_job()
    # then: one run per commune, one "sắp đến hạn" mail per commune official with an address
    assert ReportRun.objects.count() == 2
    assert (first.opened, second.opened) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@xa.test", "b@xa.test"]
    assert "Sắp đến hạn" in mail.outbox[0].subject and "20/03/2024" in mail.outbox[0].subject
    assert "http://giamngheo.test/bao-cao/ky/" in mail.outbox[0].body
    assert ReminderLog.objects.count() == 2
    assert (first.reminders, second.reminders) == (2, 0)

    # when the deadline passes: one "quá hạn" mail each, once
    with freeze_time("2024-03-21 08:00+07:00"):
        daily_job()
        daily_job()
    assert len(mail.outbox) == 4
    assert all("Quá hạn" in m.subject for m in mail.outbox[2:])
    assert ReminderLog.objects.filter(kind="overdue").count() == 2
    assert ReportRun.objects.count() == 2


def test_submitted_runs_get_no_reminder(escape_duty, people, commune_a):
    with freeze_time("2024-03-10 08:00+07:00"):
        runs_open(today=D(2024, 3, 10))
        ReportRun.objects.filter(reporting_unit=commune_a).update(
            submitted_at=datetime.datetime(2024, 3, 10, 1, tzinfo=datetime.UTC), submitted_on=D(2024, 3, 10))
    with freeze_time("2024-03-19 08:00+07:00"):
        daily_job()
    assert [m.to for m in mail.outbox] == [["b@xa.test"]]


def test_old_overdue_runs_get_no_mail_and_no_build(district, commune_a, people):
    # a duty entered in 2026 for the 2024 plan: its runs are overdue by two years; nobody is mailed about them
    DutyFactory(owner_unit=district, kind=ReportKind.POVERTY, first_year=2024, last_year=2024)
    with freeze_time("2026-11-23 08:00+07:00"):
        result = daily_job()
    assert result.opened == 2 and result.overdue == 2
    assert mail.outbox == []
    assert not ReportRun.objects.exclude(job_status=JobStatus.NONE).exists()


def test_agency_runs_remind_the_agency_only(district, agency, people):
    duty = DutyFactory(owner_unit=district, kind=ReportKind.FREE, reporter_level="", period_type="year",
                       due_day=10, due_month=12, first_year=2024, last_year=None)
    duty.reporter_agencies.set([agency])
    with freeze_time("2024-12-05 08:00+07:00"):
        daily_job()
    run = ReportRun.objects.get()
    assert (run.agency, run.reporting_unit) == (agency, district)
    assert [m.to for m in mail.outbox] == [["cq@huyen.test"]]


def test_automatic_report_is_queued_once_and_built(district, commune_a, people, django_capture_on_commit_callbacks):
    DutyFactory(owner_unit=district, kind=ReportKind.POVERTY, due_day=20, due_month=3, first_year=2024,
                last_year=2024)
    with freeze_time("2024-03-18 08:00+07:00"), django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = daily_job()
        second = daily_job()
    # one task per commune, sent on commit and run eagerly here (a worker in production)
    assert (first.queued, second.queued) == (2, 0)
    assert len(callbacks) == 2
    for run in ReportRun.objects.all():
        assert run.job_status == JobStatus.SUCCESS, run.job_error
        assert run.generated_file.name.endswith(".xlsx")
        assert run.generated_file.storage.exists(run.generated_file.name)
        actions = list(run.events.exclude(action=RunAction.REMINDED).values_list("action", flat=True))
        assert actions == [RunAction.GENERATE_REQUESTED, RunAction.GENERATED]


def test_duty_periods_for_monthly_and_open_ended_duties(district):
    duty = DutyFactory(owner_unit=district, period_type="month", due_rule="monthly_day", due_day=5, due_month=None,
                       from_month=2, to_month=9, first_year=2026, last_year=None)
    periods = duty_periods(duty, D(2026, 11, 23))
    # months January–August 2026 (reported 5/2–5/9); September–November have no report under Decision 24
    assert [p.number for p, _ in periods] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert periods[0][1] == D(2026, 2, 5) and periods[-1][1] == D(2026, 9, 5)
    yearly = DutyFactory(owner_unit=district, first_year=2024, last_year=2024)
    assert [(p.year, due) for p, due in duty_periods(yearly, D(2026, 11, 23))] == [(2024, D(2024, 10, 30))]
    assert duty_periods(yearly, D(2023, 12, 31)) == []


def test_units_merged_away_stop_reporting(district, commune_a, commune_b):
    commune_b.valid_to = D(2024, 6, 30)
    commune_b.save()
    duty = DutyFactory(owner_unit=district, period_type="quarter", due_rule="days_after_end", due_day=None,
                       due_month=None, days_after_end=10, first_year=2024, last_year=2024)
    runs_open(today=D(2024, 12, 31), duties=[duty])
    # Q1 only: Q2 is due on 10/07/2024, when commune B no longer exists
    assert ReportRun.objects.filter(reporting_unit=commune_b).count() == 1
    assert ReportRun.objects.filter(reporting_unit=commune_a).count() == 4
