"""The synthetic demo households (issue 4, point 9), generated on a small scale."""

import io
import random
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from households.classification import classify, snapshot_for_review
from households.demo import Quota, plan_commune, quota_for
from households.models import Category, EscapePlan, Household, Member, Review, ReviewStatus
from households.selectors import movements_by_household

pytestmark = pytest.mark.django_db


@pytest.fixture
def tho_xuan(settings):
    settings.DEMO_MODE = True
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)


def generate(**options):
    out = io.StringIO()
    call_command("generate_demo_households", stdout=out, **options)
    return out.getvalue()


def test_small_run_covers_every_commune_and_a_second_run_creates_nothing(tho_xuan):
    # when
    output = generate(per_commune=5)

    # then: 30 communes × 5 households, with members, two approved years and a non-empty queue
    assert "Đã tạo 150 hộ mẫu" in output
    per_commune = Counter(Household.objects.values_list("commune__path", flat=True))
    assert len(per_commune) == 30 and set(per_commune.values()) == {5}
    assert all(path.startswith("38/395/") for path in per_commune)
    assert not Household.objects.filter(member_count=0).exists()
    assert Member.objects.count() == sum(Household.objects.values_list("member_count", flat=True))
    ids = list(Member.objects.values_list("citizen_id", flat=True))
    assert all(re.fullmatch(r"038[0-3]\d{8}", i) for i in ids) and len(set(ids)) == len(ids)
    assert Review.objects.filter(year=2023, status=ReviewStatus.APPROVED).count() == 150
    assert Review.objects.filter(year=2024).count() == 150
    assert Review.objects.filter(year=2024, status=ReviewStatus.SUBMITTED).exists()
    counts = (Household.objects.count(), Member.objects.count(), Review.objects.count(), EscapePlan.objects.count())

    # a second run adds nothing
    assert "không tạo thêm" in generate(per_commune=5)
    assert (Household.objects.count(), Member.objects.count(), Review.objects.count(),
            EscapePlan.objects.count()) == counts


def test_categories_are_computed_by_the_standard_and_labour_capacity_follows_members(tho_xuan):
    generate(per_commune=8)
    snapshots = {year: snapshot_for_review("periodic", year) for year in (2022, 2023, 2024)}
    for review in Review.objects.prefetch_related("deprived_indicators"):
        assert review.deprivation_count == len(review.deprived_indicators.all())
        assert review.category == classify(snapshots[review.year], review.area, review.income_per_capita,
                                           review.deprivation_count)
    for household in Household.objects.prefetch_related("members"):
        assert household.has_labour_capacity == any(m.has_labour_capacity for m in household.members.all())
        assert household.members.all()[0].relation == "head"
        latest = household.reviews.filter(status=ReviewStatus.APPROVED).order_by("-year").first()
        assert (household.current_category, household.current_year) == (latest.category, latest.year)
    townships = Household.objects.filter(commune__kind="thi_tran")
    assert townships.exists() and set(townships.values_list("area", flat=True)) == {"urban"}


def test_same_seed_same_households(tho_xuan):
    generate(per_commune=3, seed=11)
    first = list(Household.objects.order_by("commune__code", "code").values_list("code", "head_name", "village"))
    Household.objects.all().delete()
    generate(per_commune=3, seed=11)
    again = list(Household.objects.order_by("commune__code", "code").values_list("code", "head_name", "village"))
    assert first == again


def test_escapes_match_the_quota_and_movements_exist():
    # given: Xuân Bái's 2024 quota (Phụ lục 01: 4 = 1 without + 3 with labour capacity)
    rng = random.Random(1)
    plans = plan_commune(rng, 300, Quota(4, 1, 3, True), showcase=True)

    # then
    escapes = [p for p in plans if p.cat_2023 == Category.POOR and p.cat_2024 != Category.POOR]
    assert sum(1 for p in escapes if not p.labour) == 1
    assert sum(1 for p in escapes if p.labour) in (3, 4)  # over-fulfilment by one is allowed
    assert all(p.escape_plan for p in escapes)
    assert [p for p in plans if p.cat_2023 != Category.POOR and p.cat_2024 == Category.POOR]  # new poor, relapses
    pending = Counter(p.status_2024 for p in plans)
    assert pending[ReviewStatus.SUBMITTED] == 8 and pending[ReviewStatus.DRAFT] == 3
    assert all(p.cat_2023 == p.cat_2024 for p in plans if p.status_2024 != ReviewStatus.APPROVED)


def test_movements_of_the_showcase_commune(tho_xuan):
    generate(per_commune=60)
    xuan_bai = Household.objects.filter(commune__code="15547")
    movements = Counter(m for m in movements_by_household(xuan_bai.values_list("pk", flat=True), year=2024).values()
                        if m)
    assert movements["escaped_poverty"] >= 1
    assert EscapePlan.objects.filter(household__commune__code="15547", target_year=2024).exists()


def test_quota_is_read_from_the_plans_tables_when_loaded(tho_xuan):
    from django.apps import apps

    from directory.models import AdministrativeUnit

    Plan, QuotaTable, QuotaRow = (apps.get_model("plans", name) for name in ("Plan", "QuotaTable", "QuotaRow"))
    district, commune = AdministrativeUnit.objects.get(code="395"), AdministrativeUnit.objects.get(code="15547")
    plan = Plan.objects.create(code="thu-thoxuan-2024", title="Kế hoạch thử", unit=district, first_year=2024,
                               last_year=2024)
    table = QuotaTable.objects.create(plan=plan, year=2024)
    QuotaRow.objects.create(table=table, commune=commune, total=4, without_labour=1, with_labour=3)

    assert quota_for(commune) == Quota(4, 1, 3, True)
    assert quota_for(AdministrativeUnit.objects.get(code="15541")) is None


def test_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    settings.DEBUG = False
    with pytest.raises(CommandError, match="chế độ demo"):
        call_command("generate_demo_households", per_commune=1)
