"""The daily job: open the runs of the current periods, queue the automatic reports that are
coming due, fail stale jobs, and e-mail reminders before the deadline and when it passes.

Run twice on the same day it creates nothing twice and sends no second e-mail: runs are
unique per duty × period × reporter, builds are claimed with a conditional update, and
every reminder is a ``ReminderLog`` row unique per run × kind × recipient.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from directory.models import Role, UnitSuccession, User

from ..models import JobStatus, ReminderKind, ReminderLog, ReportKind, ReportRun, ReportRunEvent, RunAction
from .jobs import sweep_stale_jobs
from .runs import queue_generation, runs_open

logger = logging.getLogger(__name__)

# Roles that report for their own unit (leadership reads, agency staff report for their agency).
UNIT_REPORTER_ROLES = [Role.COMMUNE_OFFICIAL, Role.DISTRICT_STAFF, Role.PROVINCE_STAFF]


def overdue_window_days() -> int:
    """How long after a deadline an overdue report still gets its one "quá hạn" e-mail and automatic
    build: a duty added today for 2024 must not flood people with mail about two-year-old reports."""
    return getattr(settings, "REPORT_OVERDUE_WINDOW_DAYS", 30)


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


@dataclass
class DailyResult:
    opened: int = 0
    queued: int = 0
    stale_failed: int = 0
    due_soon: int = 0
    overdue: int = 0
    reminders: int = 0

    def __str__(self):
        return (f"mở {self.opened} kỳ báo cáo, xếp hàng tạo {self.queued} báo cáo, {self.stale_failed} việc treo, "
                f"{self.due_soon} sắp đến hạn, {self.overdue} quá hạn, gửi {self.reminders} thư nhắc")


def _pending_runs(today: datetime.date):
    window_start = today - datetime.timedelta(days=overdue_window_days())
    soon_end = today + datetime.timedelta(days=settings.REPORT_DUE_SOON_DAYS)
    return ReportRun.objects.still_owed(today).filter(duty__is_active=True, due_date__gte=window_start,
                                                      due_date__lte=soon_end)


@transaction.atomic
def queue_automatic_builds(*, today: datetime.date) -> int:
    """Queue a first build of every automatic report that is due soon (or just overdue) and was never built."""
    candidates = list(_pending_runs(today).filter(duty__kind__in=ReportKind.generated(), job_status=JobStatus.NONE)
                      .values_list("pk", flat=True))
    claimed = []
    now = timezone.now()
    for run_id in candidates:
        if ReportRun.objects.filter(pk=run_id, job_status=JobStatus.NONE).update(job_status=JobStatus.PENDING,
                                                                                job_queued_at=now):
            claimed.append(run_id)
    ReportRunEvent.objects.bulk_create([
        ReportRunEvent(run_id=run_id, action=RunAction.GENERATE_REQUESTED, text="Tự động khi sắp đến hạn.")
        for run_id in claimed
    ])
    queue_generation(claimed)
    return len(claimed)


def _recipients(runs: list[ReportRun]) -> dict[int, list[User]]:
    """Per run, the active users with an e-mail who report it (three queries for all runs, and a lineage step
    per account of an ended commune)."""
    unit_ids = {r.reporting_unit_id for r in runs if not r.agency_id}
    agency_ids = {r.agency_id for r in runs if r.agency_id}
    # An old commune's account works in the commune that carries it today (User.working_unit): its merged
    # commune's runs are the account's too. Candidates: the units' own users and those of their predecessors.
    predecessor_ids = set(UnitSuccession.objects.filter(successor_id__in=unit_ids, is_default=True)
                          .values_list("predecessor_id", flat=True)) if unit_ids else set()
    users = (User.objects.filter(is_active=True).exclude(email="")
             .filter(Q(unit_id__in=unit_ids | predecessor_ids, role__in=UNIT_REPORTER_ROLES)
                     | Q(agency_id__in=agency_ids))
             .select_related("unit").order_by("pk"))
    by_unit: dict[int, list[User]] = {}
    by_agency: dict[int, list[User]] = {}
    for user in users:
        reports_for = user.unit_id if user.unit_id in unit_ids else user.working_unit_id
        if reports_for in unit_ids and user.role in UNIT_REPORTER_ROLES:
            by_unit.setdefault(reports_for, []).append(user)
        if user.agency_id in agency_ids:
            by_agency.setdefault(user.agency_id, []).append(user)
    return {r.pk: (by_agency.get(r.agency_id, []) if r.agency_id else by_unit.get(r.reporting_unit_id, []))
            for r in runs}


def _message(run: ReportRun, kind: str, user: User, today: datetime.date) -> EmailMessage:
    link = site_url() + reverse("reports:run_detail", kwargs={"pk": run.pk})
    period = run.period.label
    if kind == ReminderKind.DUE_SOON:
        days = (run.due_date - today).days
        when = "hôm nay" if days == 0 else f"còn {days} ngày"
        subject = f"[Giảm nghèo] Sắp đến hạn nộp: {run.duty.title} – {period} (hạn {run.due_date:%d/%m/%Y})"
        lead = f"Báo cáo dưới đây đến hạn nộp ngày {run.due_date:%d/%m/%Y} ({when}) và chưa được nộp."
    else:
        subject = f"[Giảm nghèo] Quá hạn nộp: {run.duty.title} – {period} (hạn {run.due_date:%d/%m/%Y})"
        lead = f"Báo cáo dưới đây đã quá hạn nộp ngày {run.due_date:%d/%m/%Y} và chưa được nộp."
    body = "\n".join([
        f"Kính gửi {user.get_full_name() or user.username},",
        "",
        lead,
        "",
        f"- Báo cáo: {run.duty.title}",
        f"- Kỳ: {period}",
        f"- Đơn vị báo cáo: {run.reporter_label}",
        f"- Gửi tới: {run.duty.recipient_label}",
        f"- Thời hạn theo văn bản: {run.duty.source_text or run.duty.rule_label}",
        "",
        f"Xem, tạo và nộp báo cáo tại: {link}",
        "",
        "Thư gửi tự động từ hệ thống quản lý Chương trình giảm nghèo bền vững; mỗi kỳ báo cáo chỉ nhắc một lần "
        "trước hạn và một lần khi quá hạn.",
    ])
    return EmailMessage(subject=subject, body=body, to=[user.email])


def reminders_send(*, today: datetime.date) -> int:
    """E-mail each reporter once when their report enters the due-soon window and once when it is overdue."""
    soon_end = today + datetime.timedelta(days=settings.REPORT_DUE_SOON_DAYS)
    runs = list(_pending_runs(today).select_related("duty", "reporting_unit", "agency").order_by("due_date", "pk"))
    kinds = {run.pk: (ReminderKind.DUE_SOON if today <= run.due_date <= soon_end else ReminderKind.OVERDUE)
             for run in runs}
    already = set(ReminderLog.objects.filter(run__in=[r.pk for r in runs])
                  .values_list("run_id", "kind", "recipient_id"))
    recipients = _recipients(runs)
    sent = 0
    connection = get_connection()
    for run in runs:
        kind = kinds[run.pk]
        count = 0
        for user in recipients[run.pk]:
            if (run.pk, kind, user.pk) in already:
                continue
            try:
                with transaction.atomic():
                    ReminderLog.objects.create(run=run, kind=kind, recipient=user, email=user.email)
                    # Sent inside the savepoint: a mail error undoes the log row, so tomorrow retries.
                    connection.send_messages([_message(run, kind, user, today)])
            except IntegrityError:  # another job sent it a moment ago
                continue
            count += 1
        if count:
            ReportRunEvent.objects.create(run=run, action=RunAction.REMINDED,
                                          text=f"{ReminderKind(kind).label}: gửi {count} người.")
            sent += count
    return sent


def daily_job(*, today: datetime.date | None = None) -> DailyResult:
    today = today or timezone.localdate()
    result = DailyResult()
    result.opened = runs_open(today=today)
    result.stale_failed = sweep_stale_jobs()
    result.queued = queue_automatic_builds(today=today)
    statuses = ReportRun.objects.filter(duty__is_active=True).with_status(today)
    result.due_soon = statuses.filter(status="due_soon").count()
    result.overdue = statuses.filter(status="overdue").count()
    result.reminders = reminders_send(today=today)
    logger.info("Daily reporting job %s: %s", today, result)
    return result
