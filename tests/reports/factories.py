"""Factories for the reports app's tests (and households/plans rows the reports read)."""

import datetime

import factory
from django.utils import timezone

from households.classification import standard_for_review
from households.models import Category, Household, Review, ReviewStatus
from reports.models import HouseholdTotal, ReportingDuty, ReportKind, ReportRun
from reports.periods import Period
from tests.factories import CommuneFactory, DistrictFactory


class DutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingDuty

    code = factory.Sequence(lambda n: f"nghia-vu-{n}")
    title = factory.Sequence(lambda n: f"Báo cáo thử {n}")
    owner_unit = factory.SubFactory(DistrictFactory)
    kind = ReportKind.POVERTY
    reporter_level = "commune"
    period_type = "year"
    due_rule = "fixed_date"
    due_day = 30
    due_month = 10
    first_year = 2024
    last_year = 2024


class RunFactory(factory.django.DjangoModelFactory):
    """A run of ``duty`` for ``period`` (default: the year 2024) reported by ``reporting_unit``."""

    class Meta:
        model = ReportRun
        exclude = ["period"]

    duty = factory.SubFactory(DutyFactory)
    period = factory.LazyAttribute(lambda o: Period(o.duty.period_type, 2024, 1))
    period_type = factory.LazyAttribute(lambda o: o.period.kind)
    year = factory.LazyAttribute(lambda o: o.period.year)
    period_number = factory.LazyAttribute(lambda o: o.period.number)
    period_start = factory.LazyAttribute(lambda o: o.period.start)
    period_end = factory.LazyAttribute(lambda o: o.period.end)
    due_date = factory.LazyAttribute(lambda o: o.duty.due_date_for(o.period))
    reporting_unit = factory.SubFactory(CommuneFactory)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    code = factory.Sequence(lambda n: f"HO{n:05d}")
    commune = factory.SubFactory(CommuneFactory)
    head_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    village = "Thôn 1"


def approved_review(household, *, year: int, category: str, effective_date: datetime.date | None = None,
                    has_labour_capacity: bool = True, round: str = "periodic", causes=(), indicators=()) -> Review:
    """An APPROVED review written directly (as an import would): the report only reads these fields."""
    review = Review.objects.create(
        household=household, commune=household.commune, year=year, round=round,
        effective_date=effective_date or datetime.date(year, 12, 14),
        standard=standard_for_review(round, year), income_per_capita=1_000_000,
        category=category, has_labour_capacity=has_labour_capacity, status=ReviewStatus.APPROVED,
        approved_at=timezone.now(),
    )
    if causes:
        review.causes.set(causes)
    if indicators:
        review.deprived_indicators.set(indicators)
    return review


def total(commune, year: int, value: int) -> HouseholdTotal:
    return HouseholdTotal.objects.create(commune=commune, year=year, total=value)


POOR, NEAR_POOR, NOT_POOR = Category.POOR, Category.NEAR_POOR, Category.NOT_POOR
