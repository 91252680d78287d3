"""The home page's to-do list: each app says what the signed-in user has to do today.

Apps depend one way (directory <- plans, households, reports), so the home view does not
import them: ``settings.HOME_TODO_PROVIDERS`` names one function per app,
``provider(user, today) -> list[TodoItem]``. Counts are exact; each line links to where
the work is done.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TodoItem:
    label: str  # "3 phiếu rà soát bị trả lại"
    url: str
    count: int | None = None
    # Short lines under the label: the return comment, the due date, the next report...
    details: tuple[str, ...] = field(default_factory=tuple)
    # Lower comes first: 0 overdue / returned, 1 waiting for me, 2 due soon, 3 routine.
    urgency: int = 3
    kind: str = ""  # a stable name for tests and styling ("returned", "approve", "report", ...)


def todo_for(user, today: datetime.date | None = None) -> list[TodoItem]:
    from django.utils import timezone

    today = today or timezone.localdate()
    items: list[TodoItem] = []
    for path in getattr(settings, "HOME_TODO_PROVIDERS", []):
        items.extend(import_string(path)(user, today))
    return sorted(items, key=lambda item: item.urgency)
