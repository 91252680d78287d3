"""Reporting periods, due dates and deadline statuses: pure functions over plain data.

Everything here is free of the database so the same rules serve the model, the
daily job, the pages and the tests (table-tested in tests/reports/test_periods.py).

A due date is the last day on which a report still counts as on time (the seeds
say "trước ngày 20/3": offices treat the 20th itself as in time, and so do we).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from enum import StrEnum

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


PERIODS_PER_YEAR = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2, PeriodKind.YEAR: 1}
MONTHS_PER_PERIOD = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.YEAR: 12}


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: (kind, year, number), e.g. quarter 2 of 2024 or the year 2024 (number 1)."""

    kind: str
    year: int
    number: int = 1

    def __post_init__(self):
        kind = PeriodKind(self.kind)
        if not 1 <= self.number <= PERIODS_PER_YEAR[kind]:
            raise ValueError(f"Kỳ {self.number} không hợp lệ cho loại kỳ {kind.value}.")

    @property
    def first_month(self) -> int:
        return (self.number - 1) * MONTHS_PER_PERIOD[PeriodKind(self.kind)] + 1

    @property
    def last_month(self) -> int:
        return self.first_month + MONTHS_PER_PERIOD[PeriodKind(self.kind)] - 1

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, self.first_month, 1)

    @property
    def end(self) -> datetime.date:
        month = self.last_month
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def label(self) -> str:
        kind = PeriodKind(self.kind)
        if kind == PeriodKind.MONTH:
            return f"Tháng {self.number}/{self.year}"
        if kind == PeriodKind.QUARTER:
            return f"Quý {ROMAN[self.number]}/{self.year}"
        if kind == PeriodKind.HALF:
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
        return f"Năm {self.year}"

    def __str__(self):
        return self.label


def periods_of_year(kind: str, year: int) -> list[Period]:
    return [Period(kind, year, n) for n in range(1, PERIODS_PER_YEAR[PeriodKind(kind)] + 1)]


def period_containing(kind: str, day: datetime.date) -> Period:
    months = MONTHS_PER_PERIOD[PeriodKind(kind)]
    return Period(kind, day.year, (day.month - 1) // months + 1)


# --------------------------------------------------------------------------- due rules


class DueRuleKind(StrEnum):
    FIXED_DATE = "fixed_date"          # day/month of the period's year (+ offset): 20/3, 30/10, 10/12...
    DAYS_AFTER_END = "days_after_end"  # the Nth day after the period ends
    MONTHLY_DAY = "monthly_day"        # day N of the following month, only in months from..to (Decision 24: 5th, 2–9)


@dataclass(frozen=True)
class DueRule:
    kind: str
    day: int | None = None
    month: int | None = None
    year_offset: int = 0
    days_after_end: int | None = None
    from_month: int | None = None
    to_month: int | None = None
    only_period: int | None = None


def _clamped(year: int, month: int, day: int) -> datetime.date:
    """``day`` of the month, or its last day when the month is shorter (31 → 30/4, 29/2 → 28/2)."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def due_date(rule: DueRule, period: Period) -> datetime.date | None:
    """The deadline of ``period`` under ``rule``, or None when the rule opens no report for that period.

    - fixed date: that day and month in the period's year (+ ``year_offset``);
    - days after end: ``period.end + N days``;
    - monthly day: day N of the month after the period (a monthly period only), and only when
      that month lies in ``from_month..to_month`` (Decision 24/2021: the 5th, February to September).
    ``only_period`` limits a duty to one period of the year (the six-month report: the first half).
    """
    if rule.only_period is not None and period.number != rule.only_period:
        return None
    kind = DueRuleKind(rule.kind)
    if kind == DueRuleKind.FIXED_DATE:
        return _clamped(period.year + rule.year_offset, rule.month, rule.day)
    if kind == DueRuleKind.DAYS_AFTER_END:
        return period.end + datetime.timedelta(days=rule.days_after_end)
    if PeriodKind(period.kind) != PeriodKind.MONTH:
        return None
    year, month = (period.year + 1, 1) if period.number == 12 else (period.year, period.number + 1)
    low, high = rule.from_month or 1, rule.to_month or 12
    if not low <= month <= high:
        return None
    return _clamped(year, month, rule.day)


def describe_rule(rule: DueRule) -> str:
    """The rule as people write it: "trước ngày 20/3", "10 ngày sau khi kết thúc kỳ"..."""
    kind = DueRuleKind(rule.kind)
    if kind == DueRuleKind.FIXED_DATE:
        text = f"trước ngày {rule.day}/{rule.month}"
        return text + (f" năm sau (+{rule.year_offset})" if rule.year_offset else "")
    if kind == DueRuleKind.DAYS_AFTER_END:
        return f"{rule.days_after_end} ngày sau khi kết thúc kỳ"
    months = ""
    if (rule.from_month or 1) != 1 or (rule.to_month or 12) != 12:
        months = f" (từ tháng {rule.from_month or 1} đến tháng {rule.to_month or 12})"
    return f"ngày {rule.day} hằng tháng{months}, báo cáo kết quả tháng trước"


# --------------------------------------------------------------------------- statuses


class RunStatus(StrEnum):
    NOT_DUE = "not_due"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ON_TIME = "on_time"
    LATE = "late"


RUN_STATUS_LABELS = {
    RunStatus.NOT_DUE: "Chưa đến hạn",
    RunStatus.DUE_SOON: "Sắp đến hạn",
    RunStatus.OVERDUE: "Quá hạn",
    RunStatus.ON_TIME: "Đã nộp đúng hạn",
    RunStatus.LATE: "Nộp muộn",
}

RUN_STATUS_BADGES = {
    RunStatus.NOT_DUE: "badge-blue",
    RunStatus.DUE_SOON: "badge-amber",
    RunStatus.OVERDUE: "badge-red",
    RunStatus.ON_TIME: "badge-green",
    RunStatus.LATE: "badge-amber",
}


def run_status(*, due: datetime.date, submitted_on: datetime.date | None, today: datetime.date,
               due_soon_days: int) -> RunStatus:
    """Deadline status of one report: submitted on/before the due day = on time, after = late;
    not submitted: past the due day = overdue, within ``due_soon_days`` of it (the due day included) =
    due soon, otherwise not yet due. ``ReportRunQuerySet.with_status`` is the same rule in SQL."""
    if submitted_on is not None:
        return RunStatus.ON_TIME if submitted_on <= due else RunStatus.LATE
    if today > due:
        return RunStatus.OVERDUE
    if (due - today).days <= due_soon_days:
        return RunStatus.DUE_SOON
    return RunStatus.NOT_DUE
