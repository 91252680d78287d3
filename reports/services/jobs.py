"""Building a run's workbook: what the Celery task calls (never the web process)."""

from __future__ import annotations

import datetime
import logging
import re
import tempfile
import unicodedata

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files import File
from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from ..models import JobStatus, ReportKind, ReportRun, ReportRunEvent, RunAction
from ..other_reports import build_escape_list_report, build_task_progress_report
from ..poverty import build_poverty_report

logger = logging.getLogger(__name__)

# Errors worth retrying: the database went away. Everything else is a real failure shown to staff.
RETRYABLE_DB_ERRORS = (OperationalError, InterfaceError)


def ascii_slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:80]


def run_filename(run: ReportRun) -> str:
    period = run.period
    return f"{ascii_slug(run.duty.code)}-{period.year}-{period.kind}{period.number}-" \
           f"{ascii_slug(run.reporter_label)}.xlsx"


def build_for_run(run: ReportRun, output) -> None:
    """Write the workbook ``run`` asks for into ``output`` (a path or binary file)."""
    kind = run.duty.kind
    if kind == ReportKind.POVERTY:
        build_poverty_report(unit=run.reporting_unit, period=run.period, output=output)
    elif kind == ReportKind.ESCAPE_LIST:
        build_escape_list_report(unit=run.reporting_unit, year=run.year, output=output)
    elif kind == ReportKind.TASK_PROGRESS:
        build_task_progress_report(plan=run.duty.plan, agency=run.agency, output=output)
    else:
        raise ValueError(f"Loại báo cáo “{run.duty.get_kind_display()}” không tạo tự động được.")


def _fail(run_id: int, message: str) -> None:
    ReportRun.objects.filter(pk=run_id).update(job_status=JobStatus.FAILED, job_error=message[:4000],
                                               job_finished_at=timezone.now())
    ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATE_FAILED, text=message[:4000])


def run_generate(*, run_id: int) -> str:
    """Claim a PENDING run, build its workbook, store it. Returns "success", "failed" or "skipped".

    Idempotent: only the worker whose conditional update moves the run from PENDING to RUNNING builds
    it; a duplicate delivery of the same task finds it RUNNING or done and skips. A database error
    puts the run back to PENDING and is re-raised, so the task's retry can claim it again.
    """
    claimed = ReportRun.objects.filter(pk=run_id, job_status=JobStatus.PENDING).update(
        job_status=JobStatus.RUNNING, job_started_at=timezone.now(), job_error="")
    if not claimed:
        logger.info("Report run %s is not pending: skipped.", run_id)
        return "skipped"
    run = ReportRun.objects.select_related("duty", "duty__plan", "reporting_unit", "agency").get(pk=run_id)
    try:
        with tempfile.TemporaryFile(suffix=".xlsx") as tmp:
            build_for_run(run, tmp)
            tmp.seek(0)
            old = run.generated_file.name
            run.generated_file.save(run_filename(run), File(tmp), save=False)
        with transaction.atomic():
            ReportRun.objects.filter(pk=run_id).update(
                job_status=JobStatus.SUCCESS, generated_file=run.generated_file.name,
                job_finished_at=timezone.now(), job_error="")
            ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATED,
                                          text=run.generated_file.name.rsplit("/", 1)[-1])
        if old and old != run.generated_file.name:
            run.generated_file.storage.delete(old)
        return "success"
    except RETRYABLE_DB_ERRORS:
        try:
            ReportRun.objects.filter(pk=run_id, job_status=JobStatus.RUNNING).update(job_status=JobStatus.PENDING)
        except DatabaseError:  # the database is still away: the stale-job sweep will catch it
            logger.warning("Could not put report run %s back to pending.", run_id)
        raise
    except SoftTimeLimitExceeded:
        _fail(run_id, "Tạo báo cáo quá thời gian cho phép; hãy thử lại hoặc báo quản trị hệ thống.")
        return "failed"
    except Exception as exc:  # any build error is recorded on the run, for staff to read
        logger.exception("Building report run %s failed", run_id)
        _fail(run_id, f"{type(exc).__name__}: {exc}")
        return "failed"


def sweep_stale_jobs(*, now: datetime.datetime | None = None, max_age: datetime.timedelta | None = None) -> int:
    """Fail runs left PENDING or RUNNING longer than ``max_age`` (a worker died, a message was lost),
    so their page stops saying "đang tạo" and the button works again."""
    now = now or timezone.now()
    max_age = max_age or datetime.timedelta(hours=2)
    stale = list(ReportRun.objects.filter(job_status__in=[JobStatus.PENDING, JobStatus.RUNNING],
                                          job_queued_at__lt=now - max_age).values_list("pk", flat=True))
    for run_id in stale:
        _fail(run_id, "Không hoàn thành sau 2 giờ (bộ xử lý nền có thể đã dừng). Hãy bấm “Tạo báo cáo” lại.")
    return len(stale)
