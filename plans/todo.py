"""Plans' lines on the home page's to-do list: an agency's open tasks waiting for a progress report."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse

from directory.models import Role
from directory.permissions import Cap, user_can
from directory.todo import TodoItem

from .models import Task, TaskProgress, TaskStatus

# A task with no progress posted for this long is due for a report (the plans ask for monthly updates).
PROGRESS_EVERY_DAYS = 30
SHOWN = 3


def items(user, today: datetime.date) -> list[TodoItem]:
    if getattr(user, "role", None) != Role.AGENCY_STAFF or not user_can(user, Cap.TASK_PROGRESS):
        return []
    since = today - datetime.timedelta(days=PROGRESS_EVERY_DAYS)
    recent = TaskProgress.objects.filter(task=OuterRef("pk"), reported_on__gte=since)
    waiting = (Task.objects.for_user(user).exclude(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])
               .filter(~Exists(recent)).select_related("plan").order_by("due_date", "plan_id", "order", "pk"))
    count = waiting.count()
    if not count:
        return []
    first = list(waiting[:SHOWN])
    details = tuple(f"{t.text[:90]}{'…' if len(t.text) > 90 else ''} – hạn {t.deadline_label or 'không ghi'}"
                    for t in first)
    url = reverse("plans:task_detail", args=[first[0].pk]) if count == 1 else reverse("plans:my_tasks")
    return [TodoItem(f"{count} nhiệm vụ của cơ quan chưa báo cáo tiến độ trong {PROGRESS_EVERY_DAYS} ngày qua", url,
                     count, details, urgency=1 if any(t.is_overdue(today) for t in first) else 2, kind="tasks")]
