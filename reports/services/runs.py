"""Opening report runs from the duties, and what reporters and staff do with a run."""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from directory.models import AdministrativeUnit

from .. import policy
from ..models import JobStatus, ReportingDuty, ReportRun, ReportRunEvent, RunAction
from ..periods import Period, periods_of_year
from .figures import FIGURES, NOTE_NEEDED, Registry, figure_problems, needs_figures, registry_figures

logger = logging.getLogger(__name__)

UPLOAD_EXTENSIONS = {".xlsx", ".xls", ".ods", ".docx", ".doc", ".odt", ".pdf"}
_BATCH = 1000


# --------------------------------------------------------------------------- opening runs


def duty_periods(duty: ReportingDuty, today: datetime.date) -> list[tuple[Period, datetime.date]]:
    """The periods of ``duty`` that have started by ``today``, within its years, with their due dates.

    A plan's duty (2024) therefore has runs for all of 2024 even when opened later (they show as
    overdue or submitted); an open-ended duty (Decision 24/2021) from its first year on.
    """
    last_year = min(duty.last_year or today.year, today.year)
    result = []
    for year in range(duty.first_year, last_year + 1):
        for period in periods_of_year(duty.period_type, year):
            if period.start > today:
                break
            due = duty.due_date_for(period)
            if due is not None:
                result.append((period, due))
    return result


@dataclass(frozen=True)
class Reporter:
    unit_id: int
    agency_id: int | None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None

    def exists_during(self, period: Period) -> bool:
        return (self.valid_from is None or self.valid_from <= period.end) and (
            self.valid_to is None or self.valid_to >= period.start)

    def exists_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def duty_reporters(duty: ReportingDuty) -> list[Reporter]:
    """Who reports under ``duty``: every unit of the level under the owner unit, the named units, the named
    agencies (each at its agency's unit). Units carry their validity so merged units stop reporting."""
    reporters: dict[tuple[int, int | None], Reporter] = {}
    units = AdministrativeUnit.objects.none()
    if duty.reporter_level:
        units = AdministrativeUnit.objects.filter(level=duty.reporter_level).descendants_of(
            duty.owner_unit, include_self=False)
    named = duty.reporter_units.all()
    for unit_qs in (units, named):
        for pk, valid_from, valid_to in unit_qs.values_list("pk", "valid_from", "valid_to"):
            reporters[(pk, None)] = Reporter(pk, None, valid_from, valid_to)
    for agency_id, unit_id, valid_from, valid_to in duty.reporter_agencies.values_list(
            "pk", "unit_id", "unit__valid_from", "unit__valid_to"):
        reporters[(unit_id, agency_id)] = Reporter(unit_id, agency_id, valid_from, valid_to)
    return list(reporters.values())


def runs_open(*, today: datetime.date, duties: Iterable[ReportingDuty] | None = None) -> int:
    """Create the missing runs of every active duty for the periods started by ``today``. Idempotent:
    existing runs are skipped (and the unique constraints stop a concurrent job). Returns how many were created.

    A run is opened only when, on its due date, the duty applies (its dates), its recipient exists (a body
    dissolved or merged receives nothing) and the reporting unit exists (a merged commune or an abolished
    district reports nothing after it ends).
    """
    if duties is None:
        duties = ReportingDuty.objects.active().select_related("owner_unit", "recipient", "recipient_unit")
    created = 0
    for duty in duties:
        periods = [(period, due) for period, due in duty_periods(duty, today) if duty.is_valid_on(due)]
        if not periods:
            continue
        reporters = duty_reporters(duty)
        existing = set(ReportRun.objects.filter(duty=duty).values_list("year", "period_number", "reporting_unit_id",
                                                                          "agency_id"))
        new = [
            ReportRun(duty=duty, period_type=period.kind, year=period.year, period_number=period.number,
                      period_start=period.start, period_end=period.end, due_date=due,
                      reporting_unit_id=reporter.unit_id, agency_id=reporter.agency_id)
            for period, due in periods
            for reporter in reporters
            if reporter.exists_on(due)
            and (period.year, period.number, reporter.unit_id, reporter.agency_id) not in existing
        ]
        for i in range(0, len(new), _BATCH):
            ReportRun.objects.bulk_create(new[i:i + _BATCH], ignore_conflicts=True)
        created += len(new)
    return created


@transaction.atomic
def duty_save(*, duty: ReportingDuty, acting_user, reporter_units=None, reporter_agencies=None,
              today: datetime.date | None = None) -> ReportingDuty:
    """Create or change a duty; re-date the runs not yet submitted and open the missing ones."""
    if not policy.is_overseer(acting_user):
        raise PermissionDenied("Chỉ cán bộ quản lý báo cáo được thêm, sửa nghĩa vụ báo cáo.")
    if duty.pk:
        previous = ReportingDuty.objects.get(pk=duty.pk)
        if previous.period_type != duty.period_type and duty.runs.exists():
            raise ValidationError({"period_type": "Nghĩa vụ đã có kỳ báo cáo: không đổi được loại kỳ. "
                                                  "Hãy ngừng áp dụng nghĩa vụ này và tạo nghĩa vụ mới."})
    duty.full_clean()
    duty.save()
    if reporter_units is not None:
        duty.reporter_units.set(reporter_units)
    if reporter_agencies is not None:
        duty.reporter_agencies.set(reporter_agencies)
    if not (duty.reporter_level or duty.reporter_units.exists() or duty.reporter_agencies.exists()):
        raise ValidationError("Chưa chọn ai báo cáo: chọn một cấp đơn vị, các đơn vị hoặc các cơ quan.")
    # Deadlines move with the rule; submitted runs keep the deadline they were judged against.
    changed = []
    for run in duty.runs.filter(submitted_at__isnull=True):
        due = duty.due_date_for(run.period)
        if due is not None and due != run.due_date:
            run.due_date = due
            changed.append(run)
    ReportRun.objects.bulk_update(changed, ["due_date"], batch_size=_BATCH)
    if duty.is_active:
        runs_open(today=today or timezone.localdate(), duties=[duty])
    return duty


# --------------------------------------------------------------------------- reporter actions


def _event(run: ReportRun, action: str, actor=None, text: str = "") -> ReportRunEvent:
    return ReportRunEvent.objects.create(run=run, action=action, actor=actor, text=text)


@transaction.atomic
def run_request_generation(*, run: ReportRun, acting_user, boundaries: str | None = None) -> bool:
    """Queue the build of the run's workbook (on commit). False when a build is already queued or running.

    ``boundaries`` ("period" or "current") is kept on the run for the build; None keeps what it had.
    """
    if not policy.can_generate(acting_user, run):
        raise PermissionDenied("Bạn không được tạo báo cáo này.")
    fields = {} if boundaries is None else {"boundaries": boundaries}
    claimed = (ReportRun.objects.filter(pk=run.pk).exclude(job_status__in=[JobStatus.PENDING, JobStatus.RUNNING])
               .update(job_status=JobStatus.PENDING, job_error="", job_queued_at=timezone.now(),
                       job_started_at=None, job_finished_at=None, job_attempt=0, job_heartbeat_at=None, **fields))
    if not claimed:
        return False
    _event(run, RunAction.GENERATE_REQUESTED, acting_user)
    queue_generation([run.pk])
    return True


def queue_generation(run_ids: Iterable[int]) -> None:
    """Send the build tasks once the transaction that marked the runs PENDING has committed."""
    from ..tasks import report_run_generate_task

    for run_id in run_ids:
        transaction.on_commit(lambda run_id=run_id: report_run_generate_task.delay(run_id))


def _validate_upload(upload) -> None:
    ext = os.path.splitext(upload.name)[1].lower()
    if ext not in UPLOAD_EXTENSIONS:
        raise ValidationError({"file": f"Tệp “{upload.name}”: chỉ nhận {', '.join(sorted(UPLOAD_EXTENSIONS))}."})
    limit = settings.IMPORT_MAX_FILE_SIZE
    if upload.size > limit:
        raise ValidationError({"file": f"Tệp “{upload.name}” nặng {upload.size // 1024} KB, quá giới hạn "
                                       f"{limit // (1024 * 1024)} MB."})


@transaction.atomic
def run_upload(*, run: ReportRun, upload, acting_user) -> ReportRun:
    """Attach the reporter's own file (replacing an earlier upload); does not submit."""
    if not policy.can_submit(acting_user, run):
        raise PermissionDenied("Bạn không được tải tệp cho báo cáo này.")
    if run.is_submitted:
        raise ValidationError({"file": "Báo cáo đã nộp: đề nghị cán bộ quản lý mở lại trước khi thay tệp."})
    _validate_upload(upload)
    old = run.uploaded_file.name
    run.uploaded_file.save(os.path.basename(upload.name), upload, save=False)
    run.uploaded_at = timezone.now()
    run.uploaded_by = acting_user
    run.save(update_fields=["uploaded_file", "uploaded_at", "uploaded_by", "updated_at"])
    if old:
        transaction.on_commit(lambda: run.uploaded_file.storage.delete(old))
    _event(run, RunAction.UPLOADED, acting_user, os.path.basename(run.uploaded_file.name))
    return run


@transaction.atomic
def run_submit(*, run: ReportRun, acting_user, note: str = "", figures: dict | None = None,
               registry: Registry | None = None) -> ReportRun:
    """Submit (nộp) or confirm the report: the date decides on time / late against the due date.

    A poverty report carries its figures (``reported_poor``...); all zero, or off the registry by more than
    the tolerance, needs a note explaining why (``reports.services.figures``). ``registry`` may be passed
    when the caller already read it (the form did).
    """
    if not policy.can_submit(acting_user, run):
        raise PermissionDenied("Bạn không được nộp báo cáo này.")
    values = {}
    if needs_figures(run):
        values = {field: (figures or {}).get(field) for field, _, _ in FIGURES}
        missing = [label for field, _, label in FIGURES if values[field] is None]
        if missing:
            raise ValidationError({"figures": f"Ghi số liệu của báo cáo: {', '.join(missing)}."})
        if any(value < 0 for value in values.values()):
            raise ValidationError({"figures": "Số liệu của báo cáo không được âm."})
        problems = figure_problems(values, registry or registry_figures(run))
        if problems and not note.strip():
            raise ValidationError({"note": [NOTE_NEEDED + " ".join(problems)]})
    now = timezone.now()
    updated = ReportRun.objects.filter(pk=run.pk, submitted_at__isnull=True).update(
        submitted_at=now, submitted_on=timezone.localdate(now), submitted_by=acting_user,
        submission_note=note.strip(), updated_at=now, **values)
    if not updated:
        raise ValidationError("Báo cáo này đã được nộp trước đó.")
    run.refresh_from_db()
    what = "kèm tệp tải lên" if run.uploaded_file else ("kèm báo cáo đã tạo" if run.generated_file else "xác nhận")
    figures_text = "; ".join(f"{label}: {values[field]}" for field, _, label in FIGURES if field in values)
    _event(run, RunAction.SUBMITTED, acting_user,
           " ".join(part for part in (f"Nộp ({what}).", figures_text + "." if figures_text else "", note.strip())
                    if part))
    return run


@transaction.atomic
def run_unsubmit(*, run: ReportRun, reason: str, acting_user) -> ReportRun:
    """Staff reopen a submitted report (e.g. figures to correct); the reason is kept in the history."""
    if not policy.can_unsubmit(acting_user, run):
        raise PermissionDenied("Chỉ cán bộ quản lý được mở lại báo cáo đã nộp.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do mở lại báo cáo."})
    ReportRun.objects.filter(pk=run.pk).update(submitted_at=None, submitted_on=None, submitted_by=None,
                                               updated_at=timezone.now())
    run.refresh_from_db()
    _event(run, RunAction.UNSUBMITTED, acting_user, reason.strip())
    return run


@transaction.atomic
def run_comment(*, run: ReportRun, text: str, acting_user) -> ReportRunEvent:
    if not policy.can_comment(acting_user, run):
        raise PermissionDenied("Bạn không được ghi ý kiến cho báo cáo này.")
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Ý kiến đang để trống."})
    return _event(run, RunAction.COMMENTED, acting_user, text)
