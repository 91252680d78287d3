"""Factories for households. Reviews are completed by ``review_compute`` (the same code the services use)."""

import factory

from households.classification import snapshot_for_review
from households.models import Household, Member, Review, ReviewStatus
from households.services import household_refresh_status, review_compute
from tests.factories import CommuneFactory


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    code = factory.Sequence(lambda n: f"HO{n:05d}")
    commune = factory.SubFactory(CommuneFactory)
    village = "Thôn 1"
    head_name = factory.Sequence(lambda n: f"Lê Văn Hộ {n}")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    household = factory.SubFactory(HouseholdFactory)
    full_name = factory.Sequence(lambda n: f"Lê Thị Thành Viên {n}")
    birth_year = 1980
    sex = "female"
    relation = "spouse"
    has_labour_capacity = True


def make_review(household, *, year=2024, income=1_000_000, deprived=(), status=ReviewStatus.DRAFT, causes=(),
                round="periodic", review_date=None, has_labour_capacity=True, **extra):
    """A review with its derived fields computed like the services do; ``deprived`` = indicator codes."""
    from django.utils import timezone

    snapshot = snapshot_for_review(round, year)
    review = Review(household=household, year=year, round=round, review_date=review_date, area=household.area,
                    income_per_capita=income, status=status, has_labour_capacity=has_labour_capacity, **extra)
    if status == ReviewStatus.APPROVED:
        review.approved_at = timezone.now()
    indicators = _indicators(snapshot.standard_id, deprived)
    review_compute(review, deprivation_count=len(indicators), snapshot=snapshot)
    review.save()
    review.deprived_indicators.set(indicators)
    review.causes.set(causes)
    if status == ReviewStatus.APPROVED:
        household_refresh_status([household.pk])
        household.refresh_from_db()
    return review


def _indicators(standard_id, codes):
    from households.models import Indicator

    if isinstance(codes, int):
        return list(Indicator.objects.filter(standard_id=standard_id).order_by("order")[:codes])
    return list(Indicator.objects.filter(standard_id=standard_id, code__in=codes))
