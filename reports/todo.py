"""Reports' lines on the home page's to-do list: the user's own reports due soon or late (see directory.todo)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse

from directory.permissions import Cap, user_can
from directory.todo import TodoItem

from .models import ReportRun

SHOWN = 5


def items(user, today: datetime.date) -> list[TodoItem]:
    if not user_can(user, Cap.REPORT_SUBMIT):
        return []
    horizon = today + datetime.timedelta(days=settings.REPORT_DUE_SOON_DAYS)
    runs = (ReportRun.objects.for_user(user).for_reporter(user).still_owed(today).filter(due_date__lte=horizon)
            .select_related("duty", "reporting_unit", "agency").order_by("due_date", "pk"))
    total = runs.count()
    result = []
    for run in runs[:SHOWN]:
        late = (today - run.due_date).days
        when = f"quá hạn {late} ngày" if late > 0 else ("hạn hôm nay" if late == 0 else f"còn {-late} ngày")
        result.append(TodoItem(
            f"Báo cáo “{run.duty.title}” – {run.period.label}: hạn {run.due_date:%d/%m/%Y} ({when})",
            run.get_absolute_url(), None, (run.reporter_label,), urgency=0 if late > 0 else 2, kind="report"))
    if total > SHOWN:
        result.append(TodoItem(f"và {total - SHOWN} báo cáo khác đến hạn hoặc quá hạn", reverse("reports:my_reports"),
                               total - SHOWN, urgency=2, kind="report"))
    return result
