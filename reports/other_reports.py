"""The other reports the seeds ask for: agencies' task progress per plan, and the list of
households able to escape poverty in a year (the households app's builder, reused)."""

from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from openpyxl import Workbook

from directory.models import AdministrativeUnit
from directory.sheets import (
    COUNT,
    DATE,
    ORDER,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    use_document_font,
)
from households.excel import build_escape_list_workbook, safe_cell
from households.models import EscapePlan
from plans.models import Task, TaskProgress, TaskRole, TaskStatus

TASK_COLUMNS = [
    Column("STT", 6, ORDER), Column("Cơ quan", 22), Column("Vai trò", 9), Column("Thuộc dự án", 16),
    Column("Nội dung nhiệm vụ", 40), Column("Thời hạn", 12), Column("Trạng thái", 12),
    Column("Ngày báo cáo tiến độ gần nhất", 12, DATE), Column("Nội dung tiến độ gần nhất", 34),
    Column("Người báo cáo", 16),
]
TASK_HEADERS = [c.header for c in TASK_COLUMNS]
_BY_ROLE, _BY_STATUS = "Theo vai trò", "Theo trạng thái"
AGENCY_COLUMNS = [
    Column("Cơ quan", 34), Column("Số nhiệm vụ", 10, COUNT), Column("Chủ trì", 9, COUNT, _BY_ROLE),
    Column("Phối hợp", 9, COUNT, _BY_ROLE), Column("Chưa thực hiện", 10, COUNT, _BY_STATUS),
    Column("Đang thực hiện", 10, COUNT, _BY_STATUS), Column("Hoàn thành", 10, COUNT, _BY_STATUS),
    Column("Hủy / không thực hiện", 10, COUNT, _BY_STATUS), Column("Quá hạn", 9, COUNT),
    Column("Chưa có báo cáo tiến độ", 11, COUNT),
]
AGENCY_HEADERS = [c.header for c in AGENCY_COLUMNS]


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
    use_document_font(wb)
    summary_ws = wb.create_sheet("Tổng hợp theo cơ quan")
    detail_ws = wb.create_sheet("Tiến độ nhiệm vụ")
    unit = plan.unit

    def document(ws, columns, title):
        sheet = DocumentSheet(ws, columns=columns, header=DocumentHeader(
            title=title, issuer=issuing_body(unit), period=f"Lập ngày {today:%d/%m/%Y}",
            unit=safe_cell(f"Kế hoạch: {plan}"[:300]),
            notes=[safe_cell(f"Cơ quan: {agency.name}")] if agency else []))
        sheet.start()
        return sheet

    summary = document(summary_ws, AGENCY_COLUMNS, "TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN")
    totals = [0] * (len(AGENCY_COLUMNS) - 1)
    for row in per_agency:
        values = [row["n"], row["lead"], row["coordinate"], row["not_started"], row["in_progress"], row["done"],
                  row["cancelled"], row["overdue"], row["no_progress"]]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        summary.row([safe_cell(row["agency__name"]), *values])
    summary.row(["Tổng cộng", *totals], bold=True)
    signature = Signature(place=unit.name if unit else "", day=today)
    summary.finish(signature=signature)

    detail = document(detail_ws, TASK_COLUMNS, "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ")
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
        detail.row([
            count, safe_cell(task.agency.name), task.get_role_display(),
            safe_cell(task.project.label if task.project_id else ""), safe_cell(task.text),
            safe_cell(task.deadline_label), task.get_status_display(),
            task.last_on, safe_cell(task.last_text or ""),
            safe_cell(author),
        ])
    detail.finish(signature=signature)
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
    wb = build_escape_list_workbook(plans, year=year, unit=unit)
    wb.save(output)
    return len(plans)
