import datetime

import pytest

from households.models import Category
from households.movements import Movement
from households.selectors import movements_by_household, poor_household_counts, yearly_statuses

from .factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db

POOR_2024 = {"income": 1_000_000, "deprived": 3}


def test_poor_household_counts_by_labour_capacity(commune_a, commune_b, commune_c):
    # given Xuân Bái: 2 poor with labour, 1 poor without; 1 near-poor; 1 poor draft (not approved)
    for _ in range(2):
        make_review(HouseholdFactory(commune=commune_a), status="approved", **POOR_2024)
    no_labour = HouseholdFactory(commune=commune_a, has_labour_capacity=False)
    make_review(no_labour, status="approved", has_labour_capacity=False, **POOR_2024)
    make_review(HouseholdFactory(commune=commune_a), status="approved", income=1_000_000, deprived=1)
    make_review(HouseholdFactory(commune=commune_a), status="draft", **POOR_2024)
    # Thọ Lâm: poor in 2023, escaped in 2024
    escaped = HouseholdFactory(commune=commune_b)
    make_review(escaped, year=2023, status="approved", **POOR_2024)
    make_review(escaped, year=2024, status="approved", income=3_000_000)
    # then
    assert poor_household_counts(commune_ids=[commune_a.pk, commune_b.pk]) == {commune_a.pk: (1, 2),
                                                                               commune_b.pk: (0, 0)}
    assert poor_household_counts(commune_ids=[commune_b.pk], year=2023) == {commune_b.pk: (0, 1)}
    assert poor_household_counts(commune_ids=[commune_a.pk], year=2024) == {commune_a.pk: (1, 2)}
    assert poor_household_counts(commune_ids=[]) == {}


def test_counts_by_year_use_the_latest_approved_review_of_that_year(commune_a):
    household = HouseholdFactory(commune=commune_a)
    make_review(household, year=2024, status="approved", review_date=datetime.date(2024, 11, 1), **POOR_2024)
    make_review(household, year=2024, round="regular", status="approved", review_date=datetime.date(2024, 12, 20),
                income=2_000_000)
    assert poor_household_counts(commune_ids=[commune_a.pk], year=2024) == {commune_a.pk: (0, 0)}
    household.refresh_from_db()
    assert household.current_category == Category.AVERAGE


def test_yearly_statuses_and_movements(commune_a):
    household = HouseholdFactory(commune=commune_a)
    reviews = [
        make_review(household, year=2022, status="approved", **POOR_2024),
        make_review(household, year=2023, status="approved", income=3_000_000),
        make_review(household, year=2024, status="approved", **POOR_2024),
        make_review(household, year=2025, status="draft", income=3_000_000),
    ]
    rows = yearly_statuses(reviews)
    assert [(r.year, r.movement) for r in rows] == [
        (2022, None), (2023, Movement.ESCAPED_POVERTY), (2024, Movement.RELAPSED_POOR)]
    assert movements_by_household([household.pk], year=2024) == {household.pk: Movement.RELAPSED_POOR}
    assert movements_by_household([household.pk], year=2023) == {household.pk: Movement.ESCAPED_POVERTY}


def test_movement_in_year_is_yearly_statuses_movement():
    """The export's lean rule (issue 12) against ``yearly_statuses``, over random histories: years with
    gaps, several reviews a year, drafts, every category."""
    import random
    from types import SimpleNamespace

    from households.selectors import movement_in_year

    rng = random.Random(12)
    categories = [c for c, _ in Category.choices]
    checked = 0
    for _ in range(3000):
        reviews = [SimpleNamespace(pk=rng.randrange(1, 10_000), year=rng.randrange(2020, 2026),
                                   effective_date=datetime.date(2020, 1, 1) + datetime.timedelta(rng.randrange(2200)),
                                   category=rng.choice(categories), status=rng.choice(["approved"] * 4 + ["draft"]))
                   for _ in range(rng.randrange(0, 6))]
        statuses = yearly_statuses(reviews)
        for year in range(2019, 2027):
            expected = statuses[-1].movement if statuses and statuses[-1].year == year else None
            assert movement_in_year(reviews, year) == expected, (reviews, year)
            checked += expected is not None
    assert checked > 500  # movements of every kind were compared, not only "nothing moved"
