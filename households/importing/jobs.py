"""Large uploads imported by the worker: queue a job, run it with a progress bar, survive a killed worker.

A web upload above ``IMPORT_BACKGROUND_THRESHOLD`` is saved to private storage (never reachable by URL) and
becomes an ``ImportJob``; the Celery task (acks_late, reject_on_worker_lost) runs ``import_reviews`` on it,
all or nothing as always. While it runs, a side thread copies the counters (rows read / checked / written)
and a heartbeat to the job row on its own connection: the import's writes are one uncommitted transaction.
The job is marked done in that same transaction, so a worker killed after the commit never imports twice.

A job whose worker went quiet (``IMPORT_JOB_STALE_SECONDS``) is queued again by the every-minute recovery
task, up to ``IMPORT_JOB_MAX_ATTEMPTS`` attempts; one left PENDING (``IMPORT_JOB_PENDING_SECONDS``: its
message may be lost) is sent again. The file is deleted once the job ends (done, refused or given up).
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from ..models import ImportJob, ImportJobStatus
from .faults import ImportRejected
from .pipeline import import_reviews
from .progress import Progress

logger = logging.getLogger(__name__)


def is_large(upload) -> bool:
    return (upload.size or 0) > settings.IMPORT_BACKGROUND_THRESHOLD


def queue_import(upload, *, acting_user, commune=None, approve: bool = False) -> ImportJob:
    """Keep the upload in private storage and queue its import; the caller checked the file's name and size."""
    from directory.storage import removed_if_unsaved

    from ..models import import_files

    job = ImportJob(created_by=acting_user, unit_id=getattr(acting_user, "unit_id", None), commune=commune,
                    approve=approve, file_name=os.path.basename(upload.name)[:255], file_size=upload.size or 0,
                    queued_at=timezone.now())
    with removed_if_unsaved(import_files) as written, transaction.atomic():
        job.file.save(upload.name, upload, save=False)
        written(job.file.name)
        job.save()
        _send(job.pk)
    return job


def _send(job_id: int) -> None:
    from ..tasks import import_job_run_task

    transaction.on_commit(lambda: import_job_run_task.delay(job_id))


def _worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def _abandoned(now: datetime.datetime) -> Q:
    stale = now - datetime.timedelta(seconds=settings.IMPORT_JOB_STALE_SECONDS)
    return Q(status=ImportJobStatus.RUNNING) & (
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, started_at__lt=stale))


class JobBusy(Exception):
    """Another worker runs this job and is alive: the task looks again later."""


def _given_up(attempts: int) -> str:
    return (f"Không nhập được sau {attempts} lần thử (bộ xử lý nền dừng giữa chừng hoặc không nhận yêu cầu); "
            "không có dữ liệu nào từ tệp được ghi. Hãy tải tệp lên lại hoặc báo quản trị hệ thống.")


def _end(job_id: int, **values) -> None:
    """Finish the job and delete its file (the job row keeps the faults or the counts)."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), worker="", file="", **values)
    if job.file.name:
        job.file.storage.delete(job.file.name)


def _claim(job_id: int, me: str) -> int | None:
    now = timezone.now()
    with transaction.atomic():
        row = (ImportJob.objects.select_for_update()
               .filter(Q(pk=job_id) & (Q(status=ImportJobStatus.PENDING) | _abandoned(now)))
               .values("status", "attempt").first())
        if row is None:
            if ImportJob.objects.filter(pk=job_id, status=ImportJobStatus.RUNNING).exists():
                raise JobBusy(job_id)
            return None
        attempt = row["attempt"] + 1
        if attempt > settings.IMPORT_JOB_MAX_ATTEMPTS:
            _end(job_id, status=ImportJobStatus.FAILED, error=_given_up(row["attempt"]))
            return None
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJobStatus.RUNNING, attempt=attempt, worker=me, started_at=now, heartbeat_at=now,
            rows_read=0, rows_checked=0, rows_written=0)
    return attempt


class _Reporter:
    """Copies the progress counters and a heartbeat to the job row every few seconds, from a side thread."""

    def __init__(self, job_id: int, me: str, attempt: int, progress: Progress):
        self.filter = {"pk": job_id, "worker": me, "attempt": attempt, "status": ImportJobStatus.RUNNING}
        self.progress = progress
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"import-job-{job_id}", daemon=True)

    def write(self):
        p = self.progress
        with p.lock:  # the import does not enter its write stage while this write is under way
            if p.writing and connection.vendor == "sqlite":
                return  # SQLite has one writer for the whole file: a second one would break the import's commit
            ImportJob.objects.filter(**self.filter).update(
                heartbeat_at=timezone.now(), rows_read=p.read, rows_checked=p.checked, rows_written=p.written)

    def _beat(self):
        try:
            while not self.stop.wait(settings.IMPORT_JOB_HEARTBEAT_SECONDS):
                try:
                    self.write()
                except DatabaseError:  # SQLite while the import writes; the next beat tries again
                    logger.warning("Import job progress could not be written for %s", self.filter["pk"])
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=60)


def run_import_job(*, job_id: int) -> str:
    """Claim the job and import its file. Returns "done", "rejected", "failed" or "skipped"."""
    me = _worker_identity()
    attempt = _claim(job_id, me)
    if attempt is None:
        return "skipped"
    job = ImportJob.objects.select_related("created_by", "commune").get(pk=job_id)
    mine = {"pk": job_id, "worker": me, "attempt": attempt, "status": ImportJobStatus.RUNNING}
    progress = Progress()
    reporter = _Reporter(job_id, me, attempt, progress)
    try:
        # PostgreSQL: one transaction for the rows and the job's "done". SQLite (development) cannot hold a
        # read transaction open while the side thread writes progress: there the pipeline's own transaction
        # covers the rows, and "done" follows it.
        with transaction.atomic() if connection.vendor != "sqlite" else contextlib.nullcontext():
            with reporter, job.file.open("rb") as source:
                result = import_reviews(source, name=job.file_name, size=job.file_size,
                                        acting_user=job.created_by, commune=job.commune, approve=job.approve,
                                        progress=progress)
            # In the import's transaction: the job is done exactly when its rows are written.
            stored = ImportJob.objects.filter(**mine).update(
                status=ImportJobStatus.DONE, summary=result.summary(), rows_read=progress.read,
                rows_checked=progress.checked, rows_written=progress.written, heartbeat_at=timezone.now())
            if not stored:  # declared dead meanwhile and taken over: this attempt's writes must go
                raise _Superseded
    except _Superseded:
        return "skipped"
    except ImportRejected as exc:
        faults = [{"row": f.row, "column": f.column, "letter": f.letter, "message": f.message, "text": str(f)}
                  for f in exc.faults]
        if ImportJob.objects.filter(**mine).update(status=ImportJobStatus.REJECTED, faults=faults,
                                                   faults_more=exc.more, rows_read=progress.read,
                                                   rows_checked=progress.checked, rows_written=0):
            _end(job_id)
        return "rejected"
    except DatabaseError:
        # The database went away: back to PENDING for the task's retry (the transaction rolled back).
        try:
            ImportJob.objects.filter(**mine).update(status=ImportJobStatus.PENDING, worker="")
        except DatabaseError:
            logger.warning("Could not put import job %s back to pending.", job_id)
        raise
    except Exception as exc:  # any other error is recorded on the job, for the uploader to read
        logger.exception("Import job %s failed", job_id)
        if ImportJob.objects.filter(**mine).update(status=ImportJobStatus.FAILED,
                                                   error=f"{type(exc).__name__}: {exc}"[:4000]):
            _end(job_id)
        return "failed"
    _end(job_id)
    return "done"


class _Superseded(Exception):
    pass


def recover_import_jobs(*, now: datetime.datetime | None = None) -> list[int]:
    """Run every minute by beat; returns the ids queued again.

    A RUNNING job whose worker went quiet is failed for that attempt (nothing of it was written: its
    transaction died with the worker) and queued again, up to ``IMPORT_JOB_MAX_ATTEMPTS``; then it ends
    failed and its file is deleted. A job still PENDING after ``IMPORT_JOB_PENDING_SECONDS`` is sent again
    without counting an attempt: its message may be lost, or only waiting behind a long import; a duplicate
    delivery finds the job taken and skips.
    """
    now = now or timezone.now()
    waited = now - datetime.timedelta(seconds=settings.IMPORT_JOB_PENDING_SECONDS)
    lost = Q(status=ImportJobStatus.PENDING, queued_at__lt=waited)
    queued = []
    for job_id in ImportJob.objects.filter(_abandoned(now) | lost).values_list("pk", flat=True):
        with transaction.atomic():
            row = (ImportJob.objects.select_for_update().filter(Q(pk=job_id) & (_abandoned(now) | lost))
                   .values("status", "attempt").first())
            if row is None:
                continue
            if row["status"] == ImportJobStatus.PENDING:
                ImportJob.objects.filter(pk=job_id).update(queued_at=now)
                _send(job_id)
                queued.append(job_id)
                continue
            attempt = row["attempt"]
            if attempt >= settings.IMPORT_JOB_MAX_ATTEMPTS:
                _end(job_id, status=ImportJobStatus.FAILED, error=_given_up(attempt))
                continue
            ImportJob.objects.filter(pk=job_id).update(
                status=ImportJobStatus.PENDING, worker="", heartbeat_at=None, queued_at=now,
                error=(f"Lần {attempt}: bộ xử lý nền dừng giữa chừng, chưa có dòng nào được ghi; tự động thử lại "
                       f"(lần {attempt + 1}/{settings.IMPORT_JOB_MAX_ATTEMPTS})."))
            _send(job_id)
        queued.append(job_id)
    if queued:
        logger.warning("Import jobs queued again: %s", queued)
    return queued
