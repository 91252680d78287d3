"""Poverty classification: one pure function over plain data, plus a thin loader.

``classify(snapshot, area, income, deprivation_count)`` knows nothing about the
database: the web form, the live JSON endpoint, the Excel import and the tests
all call it with a ``StandardSnapshot`` built once by ``load_snapshot`` (or
``snapshot_for_review``) from the standard's rows.

Which standard a review uses follows its round (Decree 351/2025 keeps the
2022–2025 standard until 31/12/2026; the 2021 periodic review was the first
under Decree 07/2021): a periodic review made in year N decides the lists of
year N+1, so it uses the standard in force on 1 January N+1; a regular or ad-hoc
review made in N uses the standard of N. ``list_year_of`` is that rule, and
``standard_for_review`` the one place that applies it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .models import PERIODIC_REVIEW_END, Category, ClassificationRule, IncomeLine, PovertyStandard, ReviewRound

ROUND_SHORT = {ReviewRound.PERIODIC: "định kỳ", ReviewRound.REGULAR: "thường xuyên", ReviewRound.AD_HOC: "đột xuất"}


class NoStandardError(LookupError):
    """No poverty standard covers the list year a review decides."""


@dataclass(frozen=True)
class RuleData:
    order: int
    area: str  # "" = any area
    income_above: str  # LineKind or "" (no lower bound)
    income_at_most: str  # LineKind or "" (no upper bound)
    min_deprivations: int | None
    max_deprivations: int | None
    category: str


@dataclass(frozen=True)
class StandardSnapshot:
    """Everything ``classify`` needs from one standard, as plain values."""

    standard_id: int | None
    code: str
    lines: dict[tuple[str, str], int]  # (area, LineKind) -> VND per person per month
    rules: tuple[RuleData, ...]
    indicator_ids: frozenset[int] = field(default_factory=frozenset)
    indicator_names: dict[int, str] = field(default_factory=dict)

    def line(self, area: str, kind: str) -> int | None:
        return self.lines.get((area, kind))


def _rule_matches(rule: RuleData, lines: dict, area: str, income: int, deprivations: int) -> bool:
    if rule.area and rule.area != area:
        return False
    if rule.income_above:
        bound = lines.get((area, rule.income_above))
        if bound is None or income <= bound:
            return False
    if rule.income_at_most:
        bound = lines.get((area, rule.income_at_most))
        if bound is None or income > bound:
            return False
    if rule.min_deprivations is not None and deprivations < rule.min_deprivations:
        return False
    return rule.max_deprivations is None or deprivations <= rule.max_deprivations


def classify(snapshot: StandardSnapshot, area: str, income: int, deprivation_count: int) -> Category:
    """The category of a household: the first rule that matches, else "Hộ không nghèo".

    A rule naming a line the standard lacks for that area never matches (an
    unknown line must not silently become "no bound").
    """
    if income < 0:
        raise ValueError("Thu nhập bình quân đầu người không được âm.")
    if deprivation_count < 0:
        raise ValueError("Số chỉ số thiếu hụt không được âm.")
    for rule in snapshot.rules:
        if _rule_matches(rule, snapshot.lines, area, income, deprivation_count):
            return Category(rule.category)
    return Category.NOT_POOR


def load_snapshot(standard: PovertyStandard) -> StandardSnapshot:
    """Three small queries; build once per request or per imported file."""
    lines = {(line.area, line.kind): line.amount for line in IncomeLine.objects.filter(standard=standard)}
    rules = tuple(
        RuleData(r.order, r.area, r.income_above, r.income_at_most, r.min_deprivations, r.max_deprivations,
                 r.category)
        for r in ClassificationRule.objects.filter(standard=standard).order_by("order")
    )
    indicators = dict(standard.indicators.values_list("pk", "name"))
    return StandardSnapshot(standard.pk, standard.code, lines, rules, frozenset(indicators), indicators)


def list_year_of(round: str, year: int) -> int:
    """The year of the poor/near-poor lists a review of ``round`` made in ``year`` decides.

    A periodic review (1/9–14/12 of N) sets the lists of N+1; a regular or ad-hoc
    review changes the lists of its own year.
    """
    return year + 1 if round == ReviewRound.PERIODIC else year


def list_year_on(day: datetime.date) -> int:
    """The year of the lists in force on ``day``: the periodic review of N counts from 14/12 of N.

    So a report's status "cuối năm N" (31/12/N) is the list of N+1, with its standard.
    """
    return day.year + 1 if (day.month, day.day) >= PERIODIC_REVIEW_END else day.year


def standard_for_list_year(list_year: int) -> PovertyStandard:
    standard = PovertyStandard.objects.for_list_year(list_year).order_by("-first_list_year").first()
    if standard is None:
        raise NoStandardError(f"Không có chuẩn nghèo áp dụng cho danh sách hộ nghèo năm {list_year}.")
    return standard


def standard_for_review(round: str, year: int) -> PovertyStandard:
    """The standard a review of ``round`` made in ``year`` is classified with."""
    try:
        return standard_for_list_year(list_year_of(round, year))
    except NoStandardError:
        raise NoStandardError(
            f"Không có chuẩn nghèo áp dụng cho rà soát {ROUND_SHORT.get(round, round)} năm {year} "
            f"(danh sách hộ nghèo năm {list_year_of(round, year)})."
        ) from None


def snapshot_for_review(round: str, year: int) -> StandardSnapshot:
    return load_snapshot(standard_for_review(round, year))
