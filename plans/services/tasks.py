"""Assigning tasks to agencies and posting progress on them."""

from __future__ import annotations

import datetime
import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F

from directory.concurrency import Change, claim_version
from directory.models import Agency
from directory.permissions import Cap, user_can
from directory.storage import removed_if_unsaved

from ..attachments import check_attachment
from ..models import Plan, PlanEvent, Project, Task, TaskProgress, TaskRecurrence, TaskRole, TaskStatus, private_files


@transaction.atomic
def task_create(
    *,
    plan: Plan,
    agency: Agency,
    text: str,
    acting_user,
    role: str = TaskRole.LEAD,
    due_date: datetime.date | None = None,
    recurrence: str = TaskRecurrence.NONE,
    recurrence_note: str = "",
    project: Project | None = None,
    status: str = TaskStatus.NOT_STARTED,
) -> Task:
    """Assign a task of ``plan`` to ``agency`` (chủ trì or phối hợp)."""
    if acting_user is not None and not user_can(acting_user, Cap.TASK_ASSIGN):
        raise PermissionDenied("Vai trò của bạn không được giao nhiệm vụ.")
    errors = {}
    # The agency must belong to the issuing unit or a unit under it (a district plan
    # assigns district offices, a province plan provincial departments or districts).
    if not agency.unit.path.startswith(plan.unit.path):
        errors["agency"] = f"{agency.name} không thuộc {plan.unit.name}, đơn vị ban hành kế hoạch."
    if project is not None and project.plan_id != plan.pk:
        errors["project"] = f"{project.label} không thuộc kế hoạch này."
    if errors:
        raise ValidationError(errors)
    order = (plan.tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    task = Task(plan=plan, agency=agency, role=role, text=text.strip(), due_date=due_date, recurrence=recurrence,
                recurrence_note=recurrence_note.strip(), project=project, status=status, order=order,
                created_by=acting_user)
    task.full_clean()
    task.save()
    PlanEvent.objects.create(plan=plan, actor=acting_user, action="task_create",
                             detail=f"Giao nhiệm vụ cho {agency.name} ({task.get_role_display()}).")
    return task


def task_progress_add(*, task: Task, reported_on: datetime.date, text: str, status: str, acting_user,
                      check_version: bool = False, task_version: int | None = None,
                      attachment=None) -> TaskProgress:
    """An agency reports progress on one of its own tasks; the task takes the new status.

    The page passes ``check_version`` with the task version it showed: when someone posted progress or
    edited the task since, the report is refused (it would overwrite their status unseen). The attached file
    is written only once the version is claimed, and removed again when the save fails after that (a file
    outlives a rolled-back transaction): no stray file is left either way.
    """
    if not user_can(acting_user, Cap.TASK_PROGRESS):
        raise PermissionDenied("Vai trò của bạn không được cập nhật tiến độ nhiệm vụ.")
    # Same rule as the pages: the task must be in the user's own task list.
    if not Task.objects.for_user(acting_user).filter(pk=task.pk).exists():
        raise PermissionDenied("Nhiệm vụ này không được giao cho cơ quan của bạn.")
    entry = TaskProgress(task=task, reported_on=reported_on, text=text.strip(), status=status, author=acting_user)
    if attachment:
        check_attachment(attachment)
        entry.attachment_name = os.path.basename(attachment.name)[:255]
    entry.full_clean()
    with removed_if_unsaved(private_files) as written, transaction.atomic():
        if check_version:
            claim_version(task, task_version, what="Nhiệm vụ này",
                          changes=lambda saved: _task_changes(saved, status))
        else:
            Task.objects.filter(pk=task.pk).update(version=F("version") + 1)
        if attachment:
            entry.attachment.save(attachment.name, attachment, save=False)
            written(entry.attachment.name)
        entry.save()
        if task.status != status:
            task.status = status
            task.save(update_fields=["status", "updated_at"])
        PlanEvent.objects.create(plan_id=task.plan_id, actor=acting_user, action="task_progress",
                                 detail=f"{task.agency.name} cập nhật tiến độ: {entry.get_status_display()}.")
    return entry


def _task_changes(saved: Task, your_status: str) -> list[Change]:
    changes = []
    latest = saved.progress.select_related("author").order_by("-pk").first()
    if latest is not None:
        changes.append(Change("Tiến độ mới nhất", f"{latest.reported_on:%d/%m/%Y} – {latest.author}: {latest.text}",
                              ""))
    if saved.status != your_status:
        changes.append(Change("Trạng thái", saved.get_status_display(), TaskStatus(your_status).label))
    return changes
