"""Recording actual values against a plan's indicator targets."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from directory.permissions import Cap, user_can

from ..models import IndicatorTarget, PlanEvent, TargetProgress


@transaction.atomic
def target_progress_add(*, target: IndicatorTarget, period_label: str, as_of: datetime.date, actual_value: Decimal,
                        acting_user, source: str = "", note: str = "") -> TargetProgress:
    if acting_user is not None and not user_can(acting_user, Cap.PLAN_EDIT):
        raise PermissionDenied("Vai trò của bạn không được ghi kết quả thực hiện chỉ tiêu.")
    entry = TargetProgress(target=target, period_label=period_label.strip(), as_of=as_of, actual_value=actual_value,
                           source=source.strip(), note=note.strip(), recorded_by=acting_user)
    entry.full_clean()
    entry.save()
    PlanEvent.objects.create(plan_id=target.plan_id, actor=acting_user, action="target_progress",
                             detail=f"{target.name}: {entry.period_label} đạt {actual_value} {target.measure_unit}.")
    return entry
