"""The headline figures a poverty report is submitted with, checked against the household registry.

A periodic poverty report (kết quả giảm nghèo) is submitted with three figures: poor households at the end of
the period, near-poor households at the end, households that escaped poverty in the period. The submit form
is prefilled from the registry (the approved reviews the app holds, ``reports.poverty.poverty_figures``). A
report whose figures are all zero, or where one differs from the registry by more than the tolerance
(``REPORT_REGISTRY_TOLERANCE_PERCENT`` of the registry value, at least one household), cannot be submitted
without a note explaining why. The form and ``run_submit`` both ask ``figure_problems``: one rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings

# (field on ReportRun, key in the registry figures, label)
FIGURES = (
    ("reported_poor", "poor_end", "Số hộ nghèo cuối kỳ"),
    ("reported_near_poor", "near_poor_end", "Số hộ cận nghèo cuối kỳ"),
    ("reported_escaped", "escaped", "Số hộ thoát nghèo trong kỳ"),
)


def needs_figures(run) -> bool:
    """Only the generated poverty report carries figures; other kinds are files or task progress."""
    from ..models import ReportKind

    return run.duty.kind == ReportKind.POVERTY and run.agency_id is None


@dataclass(frozen=True)
class Registry:
    """What the registry says for the run's unit and period; ``has_data`` False when it holds no household."""

    values: dict[str, int]
    has_data: bool


def registry_figures(run) -> Registry:
    """The registry's figures for the run: its unit's communes over its period, on the run's boundaries."""
    from ..poverty import Figures, communes_of, poverty_figures

    communes = [c.pk for c in communes_of(run.reporting_unit, run.period_start, run.period_end)]
    per_commune = poverty_figures(commune_ids=communes, start=run.period_start, end=run.period_end)
    total = Figures()
    for figures in per_commune.values():
        total.add(figures)
    return Registry({key: getattr(total, key) for _, key, _ in FIGURES}, bool(per_commune))


def tolerance_for(registry_value: int) -> int:
    percent = settings.REPORT_REGISTRY_TOLERANCE_PERCENT
    return max(1, math.ceil(registry_value * percent / 100))


def figure_problems(reported: dict[str, int | None], registry: Registry) -> list[str]:
    """Why these figures need a note (empty: none needed). ``reported`` is keyed by the ReportRun field."""
    values = {field: reported.get(field) for field, _, _ in FIGURES}
    problems = []
    if all(not value for value in values.values()):
        problems.append("Tất cả số liệu của báo cáo đều bằng 0" + (
            f" (sổ hộ nghèo: {_registry_line(registry)})" if registry.has_data else "") + ".")
    if registry.has_data:
        percent = settings.REPORT_REGISTRY_TOLERANCE_PERCENT
        for field, key, label in FIGURES:
            value, expected = values[field] or 0, registry.values[key]
            allowed = tolerance_for(expected)
            if abs(value - expected) > allowed:
                problems.append(f"{label} ghi {value}, sổ hộ nghèo có {expected}: lệch {abs(value - expected)} hộ, "
                                f"quá mức cho phép {percent}% ({allowed} hộ).")
    return problems


def _registry_line(registry: Registry) -> str:
    return ", ".join(f"{label.lower()} {registry.values[key]}" for _, key, label in FIGURES)


NOTE_NEEDED = "Ghi chú giải thích lý do trước khi nộp: "
