"""Building a run's workbook: what the Celery task calls (never the web process)."""

from __future__ import annotations

import datetime
import logging
import os
import re
import socket
import threading
import unicodedata
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from ..boundaries import Boundaries, current_unit_or_error
from ..models import JobStatus, ReportKind, ReportRun, ReportRunEvent, RunAction, generated_path, private_storage
from ..other_reports import build_escape_list_report, build_task_progress_report
from ..poverty import appendix_filename, build_poverty_report

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


def has_appendix(run: ReportRun) -> bool:
    """The poverty report comes with a second workbook of appendices (``reports.poverty``)."""
    return run.duty.kind == ReportKind.POVERTY


def build_for_run(run: ReportRun, output, appendix=None) -> None:
    """Write the workbook ``run`` asks for into ``output`` (a path or binary file), and the poverty report's
    appendices into ``appendix`` when given."""
    kind = run.duty.kind
    if kind == ReportKind.POVERTY:
        boundaries, unit = run.effective_boundaries, run.reporting_unit
        if boundaries == Boundaries.CURRENT:
            unit = current_unit_or_error(unit)
        build_poverty_report(unit=unit, period=run.period, output=output, boundaries=boundaries, appendix=appendix)
    elif kind == ReportKind.ESCAPE_LIST:
        build_escape_list_report(unit=run.reporting_unit, year=run.year, output=output)
    elif kind == ReportKind.TASK_PROGRESS:
        build_task_progress_report(plan=run.duty.plan, agency=run.agency, output=output)
    else:
        raise ValueError(f"Loại báo cáo “{run.duty.get_kind_display()}” không tạo tự động được.")


def _fail(run_id: int, message: str, **conditions) -> bool:
    done = ReportRun.objects.filter(pk=run_id, **conditions).update(
        job_status=JobStatus.FAILED, job_error=message[:4000], job_finished_at=timezone.now(), job_worker="")
    if done:
        ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATE_FAILED, text=message[:4000])
    return bool(done)


def worker_identity() -> str:
    """Who is building: host and process, written on the run while it builds."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def _stale_before(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(seconds=settings.REPORT_JOB_STALE_SECONDS)


def _abandoned(now: datetime.datetime) -> Q:
    """RUNNING runs whose worker is gone (no heartbeat for a while) or that ran past the time limit."""
    limit = now - datetime.timedelta(seconds=settings.REPORT_JOB_TIME_LIMIT_SECONDS)
    return Q(job_status=JobStatus.RUNNING) & (
        Q(job_heartbeat_at__lt=_stale_before(now))
        | Q(job_heartbeat_at__isnull=True, job_started_at__lt=_stale_before(now))
        | Q(job_started_at__lt=limit)
    )


class RunBusy(Exception):
    """Another worker is building this run and is alive: the task should look again later."""


def _claim(run_id: int, me: str) -> int | None:
    """Take the run (PENDING, or RUNNING but abandoned) for this worker; the attempt number, or None."""
    now = timezone.now()
    takeover = Q(pk=run_id) & (Q(job_status=JobStatus.PENDING) | _abandoned(now))
    with transaction.atomic():
        row = ReportRun.objects.select_for_update().filter(takeover).values("job_status", "job_attempt").first()
        if row is None:
            if ReportRun.objects.filter(pk=run_id, job_status=JobStatus.RUNNING).exists():
                raise RunBusy(run_id)
            return None
        attempt = row["job_attempt"] + 1
        if row["job_status"] == JobStatus.RUNNING:  # its worker died: this delivery takes over
            ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATE_FAILED,
                                          text=_dead_worker_text(attempt - 1))
        if attempt > settings.REPORT_JOB_MAX_ATTEMPTS:
            _fail(run_id, _given_up_text())
            return None
        ReportRun.objects.filter(pk=run_id).update(
            job_status=JobStatus.RUNNING, job_started_at=now, job_heartbeat_at=now, job_worker=me,
            job_attempt=attempt)
    return attempt


def _dead_worker_text(attempt: int) -> str:
    return (f"Lần {attempt}: bộ xử lý nền dừng giữa chừng hoặc quá thời gian; "
            f"tự động thử lại (lần {attempt + 1}/{settings.REPORT_JOB_MAX_ATTEMPTS}).")


def _given_up_text() -> str:
    return (f"Không tạo được sau {settings.REPORT_JOB_MAX_ATTEMPTS} lần thử (bộ xử lý nền dừng giữa chừng "
            "hoặc không nhận yêu cầu). "
            "Hãy bấm “Tạo báo cáo” lại hoặc báo quản trị hệ thống.")


class Heartbeat:
    """Writes ``job_heartbeat_at`` every few seconds from a side thread while the build runs."""

    def __init__(self, run_id: int, me: str, attempt: int):
        self.filter = {"pk": run_id, "job_worker": me, "job_attempt": attempt, "job_status": JobStatus.RUNNING}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"report-heartbeat-{run_id}", daemon=True)

    def _beat(self):
        try:
            while not self.stop.wait(settings.REPORT_JOB_HEARTBEAT_SECONDS):
                try:
                    ReportRun.objects.filter(**self.filter).update(job_heartbeat_at=timezone.now())
                except DatabaseError:
                    logger.warning("Report heartbeat could not be written for %s", self.filter["pk"])
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=30)


def temp_dir() -> Path:
    """Where builds are written before their rename: inside the private storage, so the rename is atomic."""
    return Path(private_storage.path("tmp"))


def _remove_temp_files(run_id: int) -> None:
    for leftover in temp_dir().glob(f"run-{run_id}-*.part"):
        leftover.unlink(missing_ok=True)


def _build_file(run: ReportRun, attempt: int) -> tuple[str, str]:
    """Build the workbook (and the appendix workbook, if the kind has one) under temporary names and rename
    them into place; returns the storage names (the appendix's is "" when there is none).

    A worker killed mid-build leaves only ``tmp/run-<id>-<attempt>[-phu-luc].part`` (removed by the next
    attempt); the final names only ever hold complete files.
    """
    storage = run.generated_file.storage
    filename = run_filename(run)
    name = storage.get_available_name(storage.generate_filename(generated_path(run, filename)))
    appendix_name = ""
    if has_appendix(run):  # in the report's folder, so the two files stay together
        appendix_name = storage.get_available_name(
            str(Path(name).with_name(appendix_filename(Path(name).name))))
    temp = temp_dir() / f"run-{run.pk}-{attempt}.part"
    temp_appendix = temp_dir() / f"run-{run.pk}-{attempt}-phu-luc.part"
    temp.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(temp, "wb") as output, open(temp_appendix, "wb") as appendix:
            build_for_run(run, output, appendix if appendix_name else None)
            for handle in (output, appendix):
                handle.flush()
                os.fsync(handle.fileno())
        for temporary, stored in ((temp_appendix, appendix_name), (temp, name)):
            if stored:
                final = Path(storage.path(stored))
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temporary, final)
    finally:
        temp.unlink(missing_ok=True)
        temp_appendix.unlink(missing_ok=True)
    return name, appendix_name


def run_generate(*, run_id: int) -> str:
    """Claim a run, build its workbook, store it. Returns "success", "failed" or "skipped".

    Only the worker whose claim moves the run to RUNNING builds it; a duplicate delivery finds it done
    and skips, or finds it RUNNING with a live worker and raises ``RunBusy`` (the task looks again
    later). A RUNNING run whose worker stopped sending heartbeats is taken over, up to
    ``REPORT_JOB_MAX_ATTEMPTS``. A database error puts the run back to PENDING and is re-raised, so the
    task's retry can claim it again.
    """
    me = worker_identity()
    attempt = _claim(run_id, me)
    if attempt is None:
        logger.info("Report run %s is not pending: skipped.", run_id)
        return "skipped"
    mine = {"job_worker": me, "job_attempt": attempt, "job_status": JobStatus.RUNNING}
    run = ReportRun.objects.select_related("duty", "duty__plan", "reporting_unit", "agency").get(pk=run_id)
    _remove_temp_files(run_id)  # what earlier, killed attempts left
    try:
        with Heartbeat(run_id, me, attempt):
            old = [run.generated_file.name, run.appendix_file.name]
            name, appendix_name = _build_file(run, attempt)
        with transaction.atomic():
            stored = ReportRun.objects.filter(pk=run_id, **mine).update(
                job_status=JobStatus.SUCCESS, generated_file=name, appendix_file=appendix_name,
                job_finished_at=timezone.now(), job_error="", job_worker="")
            if stored:
                ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATED, text=name.rsplit("/", 1)[-1])
        if not stored:  # declared dead meanwhile and rebuilt by another attempt: these files are not the run's
            for made in (name, appendix_name):
                if made:
                    private_storage.delete(made)
            return "skipped"
        for previous in old:
            if previous and previous not in (name, appendix_name):
                private_storage.delete(previous)
        return "success"
    except RETRYABLE_DB_ERRORS:
        try:
            ReportRun.objects.filter(pk=run_id, **mine).update(job_status=JobStatus.PENDING, job_worker="")
        except DatabaseError:  # the database is still away: the recovery task will catch it
            logger.warning("Could not put report run %s back to pending.", run_id)
        raise
    except SoftTimeLimitExceeded:
        _fail(run_id, "Tạo báo cáo quá thời gian cho phép; hãy thử lại hoặc báo quản trị hệ thống.", **mine)
        return "failed"
    except Exception as exc:  # any build error is recorded on the run, for staff to read
        logger.exception("Building report run %s failed", run_id)
        _fail(run_id, f"{type(exc).__name__}: {exc}", **mine)
        return "failed"


def _lost_in_queue(now: datetime.datetime):
    """PENDING runs whose build message no worker picked up for REPORT_JOB_PENDING_SECONDS: the message was
    lost (a broker restart without persistence, a purge). A run merely waiting behind a backlog is left
    alone: it counts as lost only when the queue moved past it (a run queued after it has started) or did
    not move at all (no run started for that long; sending again is harmless then: a duplicate delivery
    finds the run taken and skips)."""
    cutoff = now - datetime.timedelta(seconds=settings.REPORT_JOB_PENDING_SECONDS)
    waiting = ReportRun.objects.filter(job_status=JobStatus.PENDING, job_queued_at__lt=cutoff)
    if ReportRun.objects.filter(job_started_at__gte=cutoff).exists():  # the queue moves: lost if passed by
        passed_by = ReportRun.objects.filter(job_queued_at__gt=OuterRef("job_queued_at"),
                                             job_started_at__gt=OuterRef("job_queued_at"))
        waiting = waiting.filter(Exists(passed_by))
    return waiting


def _lost_message_text(attempt: int) -> str:
    minutes = max(1, settings.REPORT_JOB_PENDING_SECONDS // 60)
    return (f"Lần {attempt}: sau {minutes} phút chưa bộ xử lý nền nào nhận yêu cầu (yêu cầu có thể đã mất); "
            f"tự động gửi lại (lần {attempt + 1}/{settings.REPORT_JOB_MAX_ATTEMPTS}).")


def resend_lost_jobs(*, now: datetime.datetime | None = None) -> list[int]:
    """Send again the runs whose message was lost (``_lost_in_queue``), each counted as a failed attempt
    ("thất bại, đang thử lại (lần 2/3)"); after ``REPORT_JOB_MAX_ATTEMPTS`` the run is failed, so its
    page stops saying "đang chờ" and the button works again. Returns the ids sent again."""
    from .runs import queue_generation

    now = now or timezone.now()
    resent = []
    for run_id, queued_at in _lost_in_queue(now).values_list("pk", "job_queued_at"):
        with transaction.atomic():
            row = (ReportRun.objects.select_for_update()
                   .filter(pk=run_id, job_status=JobStatus.PENDING, job_queued_at=queued_at)
                   .values("job_attempt").first())
            if row is None:  # picked up or changed meanwhile
                continue
            attempt = row["job_attempt"] + 1  # the attempt that never started
            if attempt >= settings.REPORT_JOB_MAX_ATTEMPTS:
                _fail(run_id, _given_up_text())
                continue
            text = _lost_message_text(attempt)
            ReportRun.objects.filter(pk=run_id).update(job_attempt=attempt, job_error=text, job_queued_at=now)
            ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATE_FAILED, text=text)
            queue_generation([run_id])
        resent.append(run_id)
    if resent:
        logger.warning("Report runs sent again after a lost message: %s", resent)
    return resent


def recover_stale_jobs(*, now: datetime.datetime | None = None) -> list[int]:
    """Fail the runs whose worker is gone or that passed the time limit, and queue them again.

    Run every minute by beat. Each abandoned run is marked failed for that attempt (an event and the
    page's "thất bại, đang thử lại (lần 2/3)"), put back to PENDING and sent to the queue; after
    ``REPORT_JOB_MAX_ATTEMPTS`` it stays failed. Returns the ids queued again.
    """
    from .runs import queue_generation

    now = now or timezone.now()
    requeued = []
    for run_id in ReportRun.objects.filter(_abandoned(now)).values_list("pk", flat=True):
        with transaction.atomic():
            row = (ReportRun.objects.select_for_update().filter(Q(pk=run_id) & _abandoned(now))
                   .values("job_attempt").first())
            if row is None:  # finished or taken over meanwhile
                continue
            attempt = row["job_attempt"]
            if attempt >= settings.REPORT_JOB_MAX_ATTEMPTS:
                _fail(run_id, _given_up_text())
                continue
            text = _dead_worker_text(attempt)
            ReportRun.objects.filter(pk=run_id).update(job_status=JobStatus.PENDING, job_error=text, job_worker="",
                                                       job_queued_at=now, job_heartbeat_at=None)
            ReportRunEvent.objects.create(run_id=run_id, action=RunAction.GENERATE_FAILED, text=text)
            queue_generation([run_id])
        _remove_temp_files(run_id)
        requeued.append(run_id)
    if requeued:
        logger.warning("Report runs queued again after a lost worker: %s", requeued)
    return requeued


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
