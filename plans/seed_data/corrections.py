"""Corrections of earlier transcriptions, applied by ``load_seed_plans`` to databases loaded before them.

Each correction changes a row only while it still holds exactly what the old transcription wrote,
so running it again does nothing and a value someone edited on the site is left alone. Every
correction made is written as a ``PlanEvent`` of the plan, saying what changed and why.
"""

from __future__ import annotations

from decimal import Decimal

from ..models import IndicatorTarget, Plan, PlanEvent, TargetComparison


def _event(plan: Plan, actor, detail: str) -> None:
    PlanEvent.objects.create(plan=plan, actor=actor, action="seed_fix", detail=detail)


def _yenbai_stunting_strictly_below(actor) -> int:
    """Yên Bái 81/KH-UBND: "xuống dưới 37%" is strictly below 37, not ≤ 37."""
    rows = IndicatorTarget.objects.filter(
        plan__code="yenbai-81-2022", name="Tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 16 tuổi tại các huyện nghèo",
        comparison=TargetComparison.AT_MOST, value_min=Decimal("37"))
    fixed = 0
    for target in rows.select_related("plan"):
        target.comparison = TargetComparison.BELOW
        target.save(update_fields=["comparison", "updated_at"])
        _event(target.plan, actor, "Sửa chỉ tiêu “Tỷ lệ suy dinh dưỡng thấp còi…”: văn bản ghi “xuống dưới 37%” "
                                   "nên là < 37% (trước đây ghi ≤ 37%).")
        fixed += 1
    return fixed


def _angiang_result_is_not_a_target(actor) -> int:
    """An Giang 72/KH-UBND: 9,28% (early 2011) → 2,5% (end 2015) is a 2011–2015 result, not a 2015 target.

    The target row goes (with the progress entry the old transcription gave it); the loader then
    creates the prior result from the data module.
    """
    rows = IndicatorTarget.objects.filter(
        plan__code="angiang-72-2017", name="Tỷ lệ hộ nghèo toàn tỉnh", year=2015, value_min=Decimal("2.5"),
        baseline_value=Decimal("9.28"))
    fixed = 0
    for target in rows.select_related("plan"):
        plan = target.plan
        target.delete()
        _event(plan, actor, "Bỏ chỉ tiêu “Tỷ lệ hộ nghèo toàn tỉnh ≤ 2,5% năm 2015”: 9,28% (đầu năm 2011) → 2,5% "
                            "(cuối năm 2015) là kết quả giai đoạn 2011-2015 văn bản nêu lại, không phải chỉ tiêu; "
                            "nay ghi ở mục kết quả giai đoạn trước.")
        fixed += 1
    return fixed


def apply_corrections(*, acting_user=None) -> int:
    return _yenbai_stunting_strictly_below(acting_user) + _angiang_result_is_not_a_target(acting_user)
