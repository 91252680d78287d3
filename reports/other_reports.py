"""The other reports the seeds ask for: agencies' task progress per plan, and the list of
households able to escape poverty in a year (the households app's builder, reused)."""

from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from openpyxl import Workbook

from directory.models import AdministrativeUnit
from households.excel import build_escape_list_workbook, safe_cell
from households.models import EscapePlan
from plans.models import Task, TaskProgress, TaskRole, TaskStatus

from .poverty import _cell, _header, _set_widths, _title

TASK_HEADERS = [
    "STT", "Cơ quan", "Vai trò", "Thuộc dự án", "Nội dung nhiệm vụ", "Thời hạn", "Trạng thái",
    "Ngày báo cáo tiến độ gần nhất", "Nội dung tiến độ gần nhất", "Người báo cáo",
]
AGENCY_HEADERS = [
    "Cơ quan", "Số nhiệm vụ", "Chủ trì", "Phối hợp", "Chưa thực hiện", "Đang thực hiện", "Hoàn thành",
    "Hủy / không thực hiện", "Quá hạn", "Chưa có báo cáo tiến độ",
]


def build_task_progress_report(*, plan, agency=None, output, today: datetime.date | None = None) -> int:
    """Per plan (and one agency, when given): a summary per agency, then every task with its last progress.

    Returns the number of tasks written.
    """
    today = today or timezone.localdate()
    tasks = Task.objects.filter(plan=plan)
    if agency is not None:
        tasks = tasks.filter(agency=agency)
    latest = TaskProgress.objects.filter(task=OuterRef("pk")).order_by("-reported_on", "-pk")
    open_q = ~Q(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])
    per_agency = (
        tasks.values("agency__name", "agency__unit__path")
        .annotate(
            # distinct: the join to progress rows for "no progress yet" repeats tasks with several updates
            n=Count("pk", distinct=True),
            lead=Count("pk", distinct=True, filter=Q(role=TaskRole.LEAD)),
            coordinate=Count("pk", distinct=True, filter=Q(role=TaskRole.COORDINATE)),
            not_started=Count("pk", distinct=True, filter=Q(status=TaskStatus.NOT_STARTED)),
            in_progress=Count("pk", distinct=True, filter=Q(status=TaskStatus.IN_PROGRESS)),
            done=Count("pk", distinct=True, filter=Q(status=TaskStatus.DONE)),
            cancelled=Count("pk", distinct=True, filter=Q(status=TaskStatus.CANCELLED)),
            overdue=Count("pk", distinct=True, filter=open_q & Q(due_date__lt=today)),
            no_progress=Count("pk", distinct=True, filter=Q(progress__isnull=True)),
        )
        .order_by("agency__unit__path", "agency__name")
    )
    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Tổng hợp theo cơ quan")
    detail = wb.create_sheet("Tiến độ nhiệm vụ")
    _set_widths(summary, [40] + [12] * (len(AGENCY_HEADERS) - 1))
    _set_widths(detail, [6, 30, 10, 20, 60, 14, 16, 14, 50, 20])
    heading = f"TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ – {plan}"
    subtitle = f"{'Cơ quan: ' + agency.name + '. ' if agency else ''}Lập ngày {today:%d/%m/%Y}."
    for ws in (summary, detail):
        _title(ws, heading[:250])
        ws.append([subtitle])
        ws.append([])
    _header(summary, AGENCY_HEADERS)
    totals = [0] * (len(AGENCY_HEADERS) - 1)
    for row in per_agency:
        values = [row["n"], row["lead"], row["coordinate"], row["not_started"], row["in_progress"], row["done"],
                  row["cancelled"], row["overdue"], row["no_progress"]]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        summary.append([safe_cell(row["agency__name"]), *values])
    summary.append([_cell(summary, "Tổng cộng", bold=True), *[_cell(summary, v, bold=True) for v in totals]])

    _header(detail, TASK_HEADERS)
    rows = (
        tasks.select_related("agency", "project")
        .annotate(last_on=Subquery(latest.values("reported_on")[:1]),
                  last_text=Subquery(latest.values("text")[:1]),
                  last_author_first=Subquery(latest.values("author__first_name")[:1]),
                  last_author_last=Subquery(latest.values("author__last_name")[:1]))
        .order_by("agency__unit__path", "agency__name", "order", "pk")
    )
    count = 0
    for count, task in enumerate(rows.iterator(chunk_size=1000), start=1):
        author = " ".join(p for p in (task.last_author_first, task.last_author_last) if p)
        detail.append([
            count, safe_cell(task.agency.name), task.get_role_display(),
            safe_cell(task.project.label if task.project_id else ""), safe_cell(task.text),
            safe_cell(task.deadline_label), task.get_status_display(),
            task.last_on.strftime("%d/%m/%Y") if task.last_on else "", safe_cell(task.last_text or ""),
            safe_cell(author),
        ])
    wb.save(output)
    return count


def escape_plans_of(unit: AdministrativeUnit, year: int):
    """Escape plans of ``year`` marked "able to escape" for the households under ``unit``."""
    return (EscapePlan.objects.filter(target_year=year, able_to_escape=True,
                                      household__commune__path__startswith=unit.path)
            .select_related("household", "household__commune", "helping_agency")
            .prefetch_related("supports")
            .order_by("household__commune__path", "household__village", "household__code"))


def build_escape_list_report(*, unit: AdministrativeUnit, year: int, output) -> int:
    plans = list(escape_plans_of(unit, year))
    wb = build_escape_list_workbook(plans, year=year, unit_name=unit.full_name)
    wb.save(output)
    return len(plans)
