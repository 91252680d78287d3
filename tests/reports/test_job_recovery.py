"""Report builds survive a lost worker (fault 8): abandoned runs are failed and retried within minutes.

These drive the recovery logic directly; ``test_worker_crash.py`` kills a real worker mid-build.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports.models import JobStatus, ReportKind, ReportRun, ReportRunEvent, RunAction
from reports.services.jobs import RunBusy, recover_stale_jobs, run_generate, temp_dir
from reports.tasks import report_run_generate_task
from tests.reports.factories import DutyFactory, HouseholdFactory, RunFactory, approved_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def run(district, commune_a):
    approved_review(HouseholdFactory(commune=commune_a), year=2024, category="poor")
    return RunFactory(duty=DutyFactory(owner_unit=district, kind=ReportKind.POVERTY), reporting_unit=commune_a)


def abandon(run, *, attempt=1, heartbeat_age=300, started_age=300):
    """The state a worker killed mid-build leaves behind."""
    now = timezone.now()
    ReportRun.objects.filter(pk=run.pk).update(
        job_status=JobStatus.RUNNING, job_attempt=attempt, job_worker="may-chet:123:1",
        job_queued_at=now - datetime.timedelta(seconds=started_age + 5),
        job_started_at=now - datetime.timedelta(seconds=started_age),
        job_heartbeat_at=now - datetime.timedelta(seconds=heartbeat_age))
    run.refresh_from_db()
    return run


def private_files():
    return [p for p in Path(settings.MEDIA_ROOT, "private").rglob("*") if p.is_file()]


def test_report_task_is_acked_late_and_rejected_when_its_worker_is_lost():
    assert report_run_generate_task.acks_late is True
    assert report_run_generate_task.reject_on_worker_lost is True
    recover = settings.CELERY_BEAT_SCHEDULE["reports-recover"]
    assert recover["task"] == "reports.tasks.reports_recover_task" and recover["schedule"] <= 5 * 60


def test_an_abandoned_run_is_failed_and_queued_again_within_minutes(run, client_for, district_staff,
                                                                    django_capture_on_commit_callbacks):
    abandon(run)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert recover_stale_jobs() == [run.pk]
    assert len(callbacks) == 1  # the build is sent to the queue again
    run.refresh_from_db()
    assert run.job_status == JobStatus.PENDING
    assert run.job_label == "thất bại, đang thử lại (lần 2/3)"
    page = client_for(district_staff).get(reverse("reports:run_detail", args=[run.pk])).content.decode()
    assert "thất bại, đang thử lại (lần 2/3)" in page and "bộ xử lý nền dừng giữa chừng" in page
    assert ReportRunEvent.objects.filter(run=run, action=RunAction.GENERATE_FAILED).count() == 1

    callbacks[0]()  # the worker runs the queued task
    run.refresh_from_db()
    assert (run.job_status, run.job_attempt) == (JobStatus.SUCCESS, 2)
    with run.generated_file.open("rb") as handle:
        assert load_workbook(handle).sheetnames


def test_a_live_build_is_left_alone(run):
    abandon(run, heartbeat_age=5, started_age=20)
    assert recover_stale_jobs() == []
    with pytest.raises(RunBusy):  # a duplicate delivery waits instead of skipping or building twice
        run_generate(run_id=run.pk)
    run.refresh_from_db()
    assert run.job_status == JobStatus.RUNNING and run.job_attempt == 1


def test_a_build_past_the_time_limit_is_retried_even_with_a_heartbeat(run, django_capture_on_commit_callbacks):
    abandon(run, heartbeat_age=1, started_age=settings.REPORT_JOB_TIME_LIMIT_SECONDS + 60)
    with django_capture_on_commit_callbacks(execute=False):
        assert recover_stale_jobs() == [run.pk]


def test_a_redelivered_message_takes_over_an_abandoned_run(run):
    """The broker hands the message out again after the worker died: it builds, it does not skip."""
    abandon(run)
    assert run_generate(run_id=run.pk) == "success"
    run.refresh_from_db()
    assert (run.job_status, run.job_attempt, run.job_worker) == (JobStatus.SUCCESS, 2, "")


def test_after_the_last_attempt_the_run_stays_failed(run):
    abandon(run, attempt=settings.REPORT_JOB_MAX_ATTEMPTS)
    assert recover_stale_jobs() == []
    run.refresh_from_db()
    assert run.job_status == JobStatus.FAILED
    assert f"sau {settings.REPORT_JOB_MAX_ATTEMPTS} lần thử" in run.job_error


def test_files_are_renamed_into_place_and_a_broken_build_leaves_nothing(run, monkeypatch):
    def half_then_crash(run, output, appendix=None):
        output.write(b"PK\x03\x04 half a workbook")
        raise RuntimeError("hỏng giữa chừng")

    ReportRun.objects.filter(pk=run.pk).update(job_status=JobStatus.PENDING)
    monkeypatch.setattr("reports.services.jobs.build_for_run", half_then_crash)
    assert run_generate(run_id=run.pk) == "failed"
    assert private_files() == []

    monkeypatch.undo()
    ReportRun.objects.filter(pk=run.pk).update(job_status=JobStatus.PENDING)
    assert run_generate(run_id=run.pk) == "success"
    files = private_files()  # the poverty report and its appendix workbook, side by side
    assert sorted(f.name.endswith("-phu-luc.xlsx") for f in files) == [False, True]
    assert all(f.suffix == ".xlsx" for f in files) and files[0].parent == files[1].parent
    run.refresh_from_db()
    assert {Path(run.generated_file.name).name, Path(run.appendix_file.name).name} == {f.name for f in files}
    assert not list(temp_dir().glob("*.part"))

    ReportRun.objects.filter(pk=run.pk).update(job_status=JobStatus.PENDING)  # a rebuild replaces both
    assert run_generate(run_id=run.pk) == "success"
    assert len(private_files()) == 2


def test_leftovers_of_a_killed_attempt_are_removed_by_the_next(run):
    abandon(run)
    temp_dir().mkdir(parents=True, exist_ok=True)
    leftover = temp_dir() / f"run-{run.pk}-1.part"
    leftover.write_bytes(b"PK half")
    assert run_generate(run_id=run.pk) == "success"
    assert not leftover.exists()


# ---- a PENDING run whose message was lost (no worker ever picked it up) is sent again within minutes

def wait_in_queue(run, *, minutes, attempt=0):
    queued = timezone.now() - datetime.timedelta(minutes=minutes)
    ReportRun.objects.filter(pk=run.pk).update(job_status=JobStatus.PENDING, job_queued_at=queued,
                                               job_attempt=attempt, job_started_at=None, job_heartbeat_at=None)
    run.refresh_from_db()
    return run


def test_a_pending_run_whose_message_was_lost_is_sent_again_within_minutes(run, client_for, district_staff,
                                                                          django_capture_on_commit_callbacks):
    from reports.services.jobs import resend_lost_jobs

    wait_in_queue(run, minutes=2)
    assert resend_lost_jobs() == []  # two minutes in the queue is normal
    wait_in_queue(run, minutes=settings.REPORT_JOB_PENDING_SECONDS // 60 + 1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert resend_lost_jobs() == [run.pk]
    assert len(callbacks) == 1  # sent to the queue again
    run.refresh_from_db()
    assert run.job_status == JobStatus.PENDING and run.job_label == "thất bại, đang thử lại (lần 2/3)"
    assert (timezone.now() - run.job_queued_at).total_seconds() < 60
    page = client_for(district_staff).get(reverse("reports:run_detail", args=[run.pk])).content.decode()
    assert "thất bại, đang thử lại (lần 2/3)" in page and "chưa bộ xử lý nền nào nhận yêu cầu" in page
    assert ReportRunEvent.objects.filter(run=run, action=RunAction.GENERATE_FAILED).count() == 1
    assert resend_lost_jobs() == []  # not again at the next minute

    callbacks[0]()  # a worker gets the message sent again
    run.refresh_from_db()
    assert (run.job_status, run.job_attempt) == (JobStatus.SUCCESS, 2)


def test_the_beat_task_sends_lost_runs_again(run, django_capture_on_commit_callbacks):
    from reports.tasks import reports_recover_task

    wait_in_queue(run, minutes=30)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reports_recover_task() == "0 queued again, 1 sent again"
    assert len(callbacks) == 1


def test_a_run_waiting_behind_a_moving_backlog_is_not_sent_again(run, district, commune_b):
    from reports.services.jobs import resend_lost_jobs

    wait_in_queue(run, minutes=10)
    # the worker is busy with a run queued before ours, started a minute ago: the queue moves, ours is next
    earlier = RunFactory(duty=DutyFactory(owner_unit=district, kind=ReportKind.POVERTY), reporting_unit=commune_b)
    now = timezone.now()
    ReportRun.objects.filter(pk=earlier.pk).update(
        job_status=JobStatus.RUNNING, job_queued_at=now - datetime.timedelta(minutes=20),
        job_started_at=now - datetime.timedelta(minutes=1), job_heartbeat_at=now, job_attempt=1)
    assert resend_lost_jobs() == []
    # a run queued after ours has started: the queue went past ours, its message is lost
    ReportRun.objects.filter(pk=earlier.pk).update(job_queued_at=now - datetime.timedelta(minutes=5))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("reports.services.runs.queue_generation", lambda ids: None)
        assert resend_lost_jobs() == [run.pk]


def test_a_run_whose_last_message_was_lost_ends_failed_and_can_be_asked_again(run):
    from reports.services.jobs import resend_lost_jobs

    wait_in_queue(run, minutes=30, attempt=settings.REPORT_JOB_MAX_ATTEMPTS - 1)
    assert resend_lost_jobs() == []
    run.refresh_from_db()
    assert run.job_status == JobStatus.FAILED and not run.job_in_progress
    assert f"sau {settings.REPORT_JOB_MAX_ATTEMPTS} lần thử" in run.job_error
