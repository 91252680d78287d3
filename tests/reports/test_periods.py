"""Due dates (one pure function, table-tested) and deadline statuses around every boundary."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from reports.models import ReportRun
from reports.periods import DueRule, Period, RunStatus, due_date, period_containing, run_status
from tests.reports.factories import DutyFactory, RunFactory

D = datetime.date

FIXED_20_3 = DueRule("fixed_date", day=20, month=3)
FIXED_20_6_H1 = DueRule("fixed_date", day=20, month=6, only_period=1)
FIXED_30_10 = DueRule("fixed_date", day=30, month=10)
FIXED_10_12 = DueRule("fixed_date", day=10, month=12)
FIXED_25_12 = DueRule("fixed_date", day=25, month=12)
FIXED_15_1_NEXT = DueRule("fixed_date", day=15, month=1, year_offset=1)
FIXED_31_2 = DueRule("fixed_date", day=31, month=2)
AFTER_10 = DueRule("days_after_end", days_after_end=10)
AFTER_0 = DueRule("days_after_end", days_after_end=0)
MONTHLY_5_FEB_SEP = DueRule("monthly_day", day=5, from_month=2, to_month=9)
MONTHLY_31 = DueRule("monthly_day", day=31)


@pytest.mark.parametrize(("rule", "period", "expected"), [
    # fixed day and month in the period's year (the seeds' 20/3, 20/6, 30/10, 10/12, 25/12)
    (FIXED_20_3, Period("year", 2024), D(2024, 3, 20)),
    (FIXED_30_10, Period("year", 2024), D(2024, 10, 30)),
    (FIXED_10_12, Period("year", 2023), D(2023, 12, 10)),
    (FIXED_25_12, Period("year", 2025), D(2025, 12, 25)),
    (FIXED_20_6_H1, Period("half", 2024, 1), D(2024, 6, 20)),
    (FIXED_20_6_H1, Period("half", 2024, 2), None),  # the six-month report covers the first half only
    (FIXED_15_1_NEXT, Period("year", 2024), D(2025, 1, 15)),
    (FIXED_31_2, Period("year", 2024), D(2024, 2, 29)),  # clamped to the month's last day (leap year)
    (FIXED_31_2, Period("year", 2023), D(2023, 2, 28)),
    # N days after the period ends
    (AFTER_10, Period("quarter", 2024, 1), D(2024, 4, 10)),
    (AFTER_10, Period("quarter", 2024, 4), D(2025, 1, 10)),  # crosses the year
    (AFTER_10, Period("half", 2024, 1), D(2024, 7, 10)),
    (AFTER_10, Period("month", 2024, 2), D(2024, 3, 10)),  # February 2024 has 29 days
    (AFTER_0, Period("year", 2024), D(2024, 12, 31)),
    # Decision 24: the 5th of each month from February to September, for the month before
    (MONTHLY_5_FEB_SEP, Period("month", 2026, 1), D(2026, 2, 5)),
    (MONTHLY_5_FEB_SEP, Period("month", 2026, 8), D(2026, 9, 5)),
    (MONTHLY_5_FEB_SEP, Period("month", 2026, 9), None),   # due in October: outside Feb–Sep
    (MONTHLY_5_FEB_SEP, Period("month", 2026, 12), None),  # due in January
    (MONTHLY_5_FEB_SEP, Period("quarter", 2026, 1), None),  # a monthly rule needs monthly periods
    (MONTHLY_31, Period("month", 2026, 3), D(2026, 4, 30)),
    (MONTHLY_31, Period("month", 2026, 12), D(2027, 1, 31)),
])
def test_due_date(rule, period, expected):
    assert due_date(rule, period) == expected


@pytest.mark.parametrize(("period", "start", "end", "label"), [
    (Period("year", 2024), D(2024, 1, 1), D(2024, 12, 31), "Năm 2024"),
    (Period("half", 2024, 1), D(2024, 1, 1), D(2024, 6, 30), "6 tháng đầu năm 2024"),
    (Period("half", 2024, 2), D(2024, 7, 1), D(2024, 12, 31), "6 tháng cuối năm 2024"),
    (Period("quarter", 2024, 3), D(2024, 7, 1), D(2024, 9, 30), "Quý III/2024"),
    (Period("month", 2024, 2), D(2024, 2, 1), D(2024, 2, 29), "Tháng 2/2024"),
])
def test_period_bounds_and_labels(period, start, end, label):
    assert (period.start, period.end, period.label) == (start, end, label)


def test_period_containing_and_invalid_numbers():
    assert period_containing("quarter", D(2024, 5, 31)) == Period("quarter", 2024, 2)
    assert period_containing("half", D(2024, 7, 1)) == Period("half", 2024, 2)
    with pytest.raises(ValueError):
        Period("quarter", 2024, 5)


DUE = D(2024, 3, 20)


@pytest.mark.parametrize(("today", "submitted_on", "expected"), [
    (D(2024, 3, 12), None, RunStatus.NOT_DUE),     # 8 days before: outside the 7-day window
    (D(2024, 3, 13), None, RunStatus.DUE_SOON),    # 7 days before: the window's edge
    (D(2024, 3, 20), None, RunStatus.DUE_SOON),    # the due day itself is still in time
    (D(2024, 3, 21), None, RunStatus.OVERDUE),     # one day late
    (D(2024, 3, 25), D(2024, 3, 20), RunStatus.ON_TIME),  # submitted on the due day
    (D(2024, 3, 25), D(2024, 3, 21), RunStatus.LATE),     # submitted one day late
    (D(2024, 3, 1), D(2024, 2, 28), RunStatus.ON_TIME),
])
def test_run_status_pure(today, submitted_on, expected):
    assert run_status(due=DUE, submitted_on=submitted_on, today=today, due_soon_days=7) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("now", "expected"), [
    ("2024-03-12 10:00", "not_due"),
    ("2024-03-13 00:01", "due_soon"),
    ("2024-03-20 23:59", "due_soon"),
    ("2024-03-21 00:01", "overdue"),
])
def test_status_with_frozen_clock_model_and_sql_agree(now, expected):
    """The run page (Python) and the lists (SQL annotation) give the same status at each boundary.

    The clock is Vietnam's (UTC+7): 2024-03-21 00:01 there is still 20/3 in UTC, so this also checks
    that "today" is the local date.
    """
    # given
    duty = DutyFactory(due_day=20, due_month=3)
    run = RunFactory(duty=duty)
    assert run.due_date == DUE
    # when
    with freeze_time(f"{now}+07:00"):
        from django.utils import timezone

        today = timezone.localdate()
        python_status = run.status_on(today)
        sql_status = ReportRun.objects.with_status(today).get(pk=run.pk).status
    # then
    assert python_status.value == expected
    assert sql_status == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("submitted", "expected"), [(D(2024, 3, 20), "on_time"), (D(2024, 3, 21), "late")])
def test_submitted_status_sql(submitted, expected):
    run = RunFactory(duty=DutyFactory(due_day=20, due_month=3))
    ReportRun.objects.filter(pk=run.pk).update(submitted_on=submitted,
                                               submitted_at=datetime.datetime(2024, 3, 20, tzinfo=datetime.UTC))
    assert ReportRun.objects.with_status(D(2026, 1, 1)).get(pk=run.pk).status == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("fields", "error_field"), [
    ({"period_type": "half", "only_period": None}, "only_period"),  # one fixed date cannot serve two halves
    ({"due_rule": "monthly_day", "period_type": "quarter", "due_day": 5}, "period_type"),
    ({"due_rule": "days_after_end", "days_after_end": None}, "days_after_end"),
    ({"period_type": "half", "only_period": 2, "due_day": 20, "due_month": 6}, "due_month"),  # before H2 starts
    ({"first_year": 2025, "last_year": 2024}, "last_year"),
    ({"kind": "task_progress"}, "kind"),  # task progress needs a plan's tasks
])
def test_duty_validation_messages(fields, error_field):
    duty = DutyFactory.build(owner_unit=DutyFactory().owner_unit, code="x", **fields)
    with pytest.raises(ValidationError) as exc:
        duty.full_clean()
    assert error_field in exc.value.message_dict
    assert all(isinstance(m, str) and m for m in exc.value.message_dict[error_field])
