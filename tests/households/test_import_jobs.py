"""Large uploads go to the worker (issue 13): an import job with a progress bar and a result page, all or nothing,
surviving a killed worker (acks_late, reject on worker lost, the every-minute recovery), its file kept in private
storage until the job ends."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from households.importing.jobs import JobBusy, recover_import_jobs, run_import_job
from households.models import Household, ImportJob, ImportJobStatus, Review
from households.tasks import import_job_run_task

from .test_import_export import FIRST, HEADER, TITLE_ROWS, row, write_xlsx
from .test_import_limits import write_raw_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def write_many_rows(path: Path, count: int, *, commune="15547", prefix="HN") -> Path:
    """A valid review list of ``count`` households, written in openpyxl's streaming mode (200.000 rows in
    about a minute)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("DS")
    for number in range(TITLE_ROWS):
        sheet.append(["DANH SÁCH HỘ NGHÈO, CẬN NGHÈO" if number == 0 else None])
    sheet.append(HEADER)
    blanks = [None] * (len(HEADER) - 8)
    for i in range(count):
        sheet.append([f"{prefix}{i:06}", f"Nguyễn Văn {i}", commune, f"Thôn {i % 12 + 1}", "Nông thôn", 1 + i % 7,
                      2024, 900_000 + (i % 50) * 37_000, *blanks])
    workbook.save(path)
    return path


def upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def private_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "private"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --------------------------------------------------------------------------- the web side


def test_a_large_upload_becomes_a_job_with_a_progress_page_then_its_result(
        client_for, commune_a, commune_a_user, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_THRESHOLD = 1000  # bytes: every real file is "large" here
    path = write_xlsx(tmp_path / "ra-soat.xlsx", [row(code=f"XB{i:03}") for i in range(30)])
    client = client_for(commune_a_user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("households:excel"), {"file": upload(path)})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("households:import_job", args=[job.pk])
    assert len(callbacks) == 1  # the task is sent once the job is saved
    assert job.status == ImportJobStatus.PENDING and job.unit == commune_a and job.created_by == commune_a_user
    assert Household.objects.count() == 0
    # the file waits in private storage, under no URL
    (kept,) = private_files()
    assert kept.read_bytes() == path.read_bytes() and "imports" in kept.parts
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Số dòng đã đọc" in page and "Số dòng đã kiểm tra" in page and "Số dòng đã ghi" in page
    assert "<progress" in page and "js/import_job.js" in page and "<script>" not in page
    assert client.get(reverse("households:import_job_state", args=[job.pk])).json() == {
        "status": "pending", "label": "đang chờ", "in_progress": True, "rows_read": 0, "rows_checked": 0,
        "rows_written": 0}

    callbacks[0]()  # the worker runs it (eagerly in the test settings)
    job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE
    assert (job.rows_read, job.rows_checked, job.rows_written) == (30, 30, 30)
    assert Household.objects.count() == 30 and Review.objects.count() == 30
    assert private_files() == [] and not job.file  # the file is gone once the job ended
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Đã nhập 30 dòng: 30 hộ mới" in page and "<progress" not in page
    # the upload page lists it, to come back to
    page = client.get(reverse("households:excel")).content.decode()
    assert "Lần nhập tệp lớn gần đây" in page and job.get_absolute_url() in page and "đã nhập xong" in page


def test_a_refused_job_lists_every_fault_by_row_column_and_reason_and_writes_nothing(
        client_for, commune_a, commune_a_user, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_THRESHOLD = 1000
    rows = [row(code=f"XB{i:03}") for i in range(20)] + [row(code="XB900", income=-5), row(code="XB901", year=1990)]
    path = write_xlsx(tmp_path / "co-loi.xlsx", rows)
    client = client_for(commune_a_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("households:excel"), {"file": upload(path)})
    job = ImportJob.objects.get()
    assert job.status == ImportJobStatus.REJECTED and job.rows_written == 0
    assert Household.objects.count() == 0 and private_files() == []
    assert [f["row"] for f in job.faults] == [FIRST + 20, FIRST + 21]
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Tệp bị từ chối: 2 lỗi, chưa có dữ liệu nào được ghi" in page
    assert f"<td>{FIRST + 20}</td><td>H “Thu nhập bình quân đầu người (đồng/tháng)”</td>" in page


def test_a_small_upload_is_still_imported_at_once(client_for, commune_a, commune_a_user, tmp_path):
    path = write_xlsx(tmp_path / "nho.xlsx", [row(code="XB001")])
    response = client_for(commune_a_user).post(reverse("households:excel"), {"file": upload(path)})
    assert response.status_code == 302 and response["Location"] == reverse("households:excel")
    assert Household.objects.count() == 1 and not ImportJob.objects.exists()


def test_only_the_uploaders_scope_sees_the_job(client_for, commune_a_user, commune_b_user, district_staff,
                                               commune_a):
    job = ImportJob.objects.create(created_by=commune_a_user, unit=commune_a, file_name="ra-soat.xlsx")
    for url in (job.get_absolute_url(), reverse("households:import_job_state", args=[job.pk])):
        assert client_for(commune_a_user).get(url).status_code == 200
        assert client_for(district_staff).get(url).status_code == 200  # the district above the commune
        assert client_for(commune_b_user).get(url).status_code == 404  # the neighbouring commune


@pytest.mark.slow
def test_three_million_rows_through_the_web_are_refused_within_seconds_and_never_queued(
        client_for, commune_a_user, settings, tmp_path):
    settings.IMPORT_BACKGROUND_THRESHOLD = 1000
    path = tmp_path / "ba-trieu-dong.xlsx"
    write_raw_rows(path, 3_000_000)
    started = time.perf_counter()
    response = client_for(commune_a_user).post(reverse("households:excel"), {"file": upload(path)})
    seconds = time.perf_counter() - started
    print(f"3.000.000 dòng qua trang tải lên: từ chối sau {seconds:.2f} s")
    assert response.status_code == 200 and "hơn 200.000 dòng" in response.content.decode()
    assert seconds < 5, seconds
    assert not ImportJob.objects.exists() and private_files() == []


# --------------------------------------------------------------------------- surviving a killed worker


def test_the_import_task_is_acked_late_and_rejected_when_its_worker_is_lost():
    assert import_job_run_task.acks_late is True and import_job_run_task.reject_on_worker_lost is True
    recover = settings.CELERY_BEAT_SCHEDULE["imports-recover"]
    assert recover["task"] == "households.tasks.import_jobs_recover_task" and recover["schedule"] <= 5 * 60


def queued_job(tmp_path, user, commune, count=5, django_capture=None):
    from households.importing.jobs import queue_import

    path = write_xlsx(tmp_path / "ra-soat.xlsx", [row(code=f"XB{i:03}") for i in range(count)])
    return queue_import(upload(path), acting_user=user)


def abandon(job, *, attempt=1, heartbeat_age=300):
    now = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJobStatus.RUNNING, attempt=attempt, worker="may-chet:1:1", rows_read=3,
        started_at=now - datetime.timedelta(seconds=heartbeat_age + 5),
        heartbeat_at=now - datetime.timedelta(seconds=heartbeat_age))
    job.refresh_from_db()
    return job


def test_a_job_whose_worker_died_is_retried_within_minutes_and_completes(
        tmp_path, commune_a, commune_a_user, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = queued_job(tmp_path, commune_a_user, commune_a)
    abandon(job)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert recover_import_jobs() == [job.pk]
    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == ImportJobStatus.PENDING and job.label == "thất bại, đang thử lại (lần 2/3)"
    page = client_for(commune_a_user).get(job.get_absolute_url()).content.decode()
    assert "thất bại, đang thử lại (lần 2/3)" in page and "bộ xử lý nền dừng giữa chừng" in page
    callbacks[0]()
    job.refresh_from_db()
    assert (job.status, job.attempt, job.rows_written) == (ImportJobStatus.DONE, 2, 5)
    assert Household.objects.count() == 5 and private_files() == []


def test_a_redelivered_message_takes_over_a_dead_run_and_waits_for_a_live_one(tmp_path, commune_a,
                                                                               commune_a_user,
                                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = queued_job(tmp_path, commune_a_user, commune_a)
    abandon(job, heartbeat_age=2)
    with pytest.raises(JobBusy):
        run_import_job(job_id=job.pk)
    abandon(job, heartbeat_age=300)
    assert run_import_job(job_id=job.pk) == "done"
    assert run_import_job(job_id=job.pk) == "skipped"  # a third delivery: nothing twice
    assert Household.objects.count() == 5


def test_after_the_last_attempt_the_job_ends_failed_and_its_file_is_deleted(
        tmp_path, commune_a, commune_a_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = queued_job(tmp_path, commune_a_user, commune_a)
    abandon(job, attempt=settings.IMPORT_JOB_MAX_ATTEMPTS)
    assert recover_import_jobs() == []
    job.refresh_from_db()
    assert job.status == ImportJobStatus.FAILED and "sau 3 lần thử" in job.error
    assert private_files() == [] and Household.objects.count() == 0


def test_a_job_left_pending_is_sent_again(tmp_path, commune_a, commune_a_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = queued_job(tmp_path, commune_a_user, commune_a)
    assert recover_import_jobs() == []  # just queued
    ImportJob.objects.filter(pk=job.pk).update(queued_at=timezone.now() - datetime.timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_import_jobs() == [job.pk]
    job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE and Household.objects.count() == 5


def test_a_failure_while_writing_leaves_nothing_written(tmp_path, commune_a, commune_a_user, monkeypatch,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = queued_job(tmp_path, commune_a_user, commune_a)

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr("households.importing.pipeline.refresh_current_status", broken)
    monkeypatch.setattr("households.importing.pipeline.notify_reviews_changed", broken)
    assert run_import_job(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == ImportJobStatus.FAILED and "hỏng giữa chừng" in job.error
    assert Household.objects.count() == 0 and Review.objects.count() == 0 and private_files() == []
