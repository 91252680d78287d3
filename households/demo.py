"""Synthetic demo households for the communes of Thọ Xuân (issue 4, point 9).

Reproducible (a seeded RNG per commune), idempotent (a commune that already has demo
households is skipped) and fast (everything is built in memory and written with
bulk_create in one transaction). Categories are never set by hand: the generator picks
an income and a set of deprivations that fit the intended category, and
``services.review_compute`` classifies them with the standard of the year.

Per commune: a few hundred households with members (12-digit citizen IDs, birth years,
labour capacity), approved periodic reviews for 2023 and 2024, so the year-on-year
movements exist: escapes from poverty sized to the commune's 2024 quota (plans'
Phụ lục 01 when it is loaded, else a modest rate), a few new poor households and a few
relapses (those have an approved 2022 review showing they were poor before). Some
2024 reviews are left submitted or as drafts, so the approval queue is not empty.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from directory.models import AdministrativeUnit, Agency, UnitKind

from .classification import StandardSnapshot, snapshot_for_review
from .models import (
    Category,
    EscapePlan,
    HistoryAction,
    HistoryEntry,
    Household,
    LineKind,
    Member,
    PovertyCause,
    Relation,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewRound,
    ReviewStatus,
    Sex,
    SupportType,
)
from .services import household_labour_capacity, notify_reviews_changed, review_compute

DISTRICT_CODE = "395"  # Thọ Xuân
SHOWCASE_COMMUNE = "15547"  # Xuân Bái: the demo commune official's commune
DEFAULT_PER_COMMUNE = 250
SHOWCASE_PER_COMMUNE = 320
DEFAULT_SEED = 2024
QUOTA_YEAR = 2024
PREVIOUS_YEAR, CURRENT_YEAR, EARLIER_YEAR = 2023, 2024, 2022
# Without a quota table: the share of last year's poor households that escape.
FALLBACK_ESCAPE_RATE = 0.3
PROVINCE_ID_PREFIX = "038"  # Thanh Hóa's code in the citizen ID
# Communes with Mường villages get a larger ethnic-minority share (illustrative, not statistics).
ETHNIC_SHARE = {"15550": 0.35, "15571": 0.12, "15502": 0.10}
DEFAULT_ETHNIC_SHARE = 0.01

SURNAMES = ["Lê"] * 6 + ["Nguyễn"] * 6 + ["Trịnh"] * 3 + ["Hoàng"] * 2 + ["Phạm"] * 3 + [
    "Đỗ", "Mai", "Hà", "Vũ", "Trần", "Bùi", "Đào", "Cao", "Lương", "Đinh", "Phùng", "Tống"]
MUONG_SURNAMES = ["Bùi", "Quách", "Hà", "Phạm", "Đinh", "Cao"]
MALE_MIDDLE = ["Văn"] * 5 + ["Đình", "Xuân", "Ngọc", "Hữu", "Bá", "Trọng", "Quang", "Minh"]
FEMALE_MIDDLE = ["Thị"] * 6 + ["Ngọc", "Thu", "Hồng", "Thanh"]
MALE_GIVEN = ["Hùng", "Dũng", "Tuấn", "Minh", "Thắng", "Hải", "Nam", "Long", "Cường", "Sơn", "Thành", "Toàn",
              "Bình", "Quý", "Lực", "Tiến", "Hưng", "Đức", "Khánh", "Phúc", "Chiến", "Lâm", "Tùng", "Kiên"]
FEMALE_GIVEN = ["Hoa", "Lan", "Hương", "Mai", "Hằng", "Nga", "Thủy", "Dung", "Liên", "Huyền", "Trang", "Linh",
                "Yến", "Nhung", "Thảo", "Hạnh", "Loan", "Vân", "Oanh", "Tuyết", "Hiền", "Phương"]
VILLAGE_NAMES = ["Bái Thượng", "Bái Hạ", "Phúc Lộc", "Tân Lập", "Đông Thành", "Yên Trường", "Phú Thọ",
                 "Quyết Thắng", "Hợp Thành", "Thắng Lợi", "Tiến Thành", "Đồng Tâm", "Trung Tâm", "Minh Thịnh",
                 "Xuân Tân", "Lam Thịnh", "Kim Sơn", "Phong Lạc"]
NO_LABOUR_REASONS = ["Người cao tuổi", "Khuyết tật nặng", "Ốm đau dài ngày", "Bệnh hiểm nghèo"]
LABOUR_CAUSES = ["thieu_von", "thieu_dat", "thieu_phuong_tien", "khong_tay_nghe", "khong_viec_lam",
                 "dong_nguoi_an_theo"]
NO_LABOUR_CAUSES = ["thieu_lao_dong", "om_dau", "dong_nguoi_an_theo"]
MEASURES = [
    "Vay vốn ưu đãi Ngân hàng CSXH 50 triệu đồng để chăn nuôi bò sinh sản.",
    "Hỗ trợ cây, con giống và tập huấn kỹ thuật trồng trọt, chăn nuôi.",
    "Giới thiệu việc làm tại khu công nghiệp Lam Sơn – Sao Vàng cho lao động trong hộ.",
    "Hỗ trợ học nghề may công nghiệp, sau đó giới thiệu việc làm.",
    "Hỗ trợ sửa chữa nhà ở từ nguồn Quỹ Vì người nghèo.",
    "Cấp thẻ BHYT, hỗ trợ chi phí học tập cho con em trong hộ.",
    "Trợ cấp xã hội hằng tháng cho người cao tuổi, người khuyết tật trong hộ.",
]


@dataclass
class Quota:
    total: int
    without_labour: int
    with_labour: int
    from_plan: bool


@dataclass
class GenerationResult:
    communes: int = 0
    skipped: int = 0
    households: int = 0
    members: int = 0
    reviews: int = 0
    escape_plans: int = 0
    pending: int = 0  # 2024 reviews left submitted or as drafts


def demo_code(commune: AdministrativeUnit, number: int) -> str:
    return f"{commune.code}-{number:04d}"


def quota_for(commune: AdministrativeUnit) -> Quota | None:
    """The commune's 2024 reduction quota from the plans app's tables, when that data is loaded.

    Looked up through the app registry: households does not import plans (one-way dependencies).
    """
    try:
        QuotaRow = apps.get_model("plans", "QuotaRow")
    except LookupError:
        return None
    row = QuotaRow.objects.filter(commune=commune, table__year=QUOTA_YEAR).order_by("-table_id").first()
    if row is None:
        return None
    return Quota(row.total, row.without_labour, row.with_labour, True)


def helping_agency_for(commune: AdministrativeUnit) -> Agency | None:
    try:
        Assignment = apps.get_model("plans", "CommuneSupportAssignment")
    except LookupError:
        return None
    assignment = Assignment.objects.filter(commune=commune).order_by("-plan_id").first()
    return assignment.agencies.order_by("pk").first() if assignment else None


# --------------------------------------------------------------------------- the plan of one commune


@dataclass
class HouseholdPlan:
    """What the generator intends for one household; the categories are then computed."""

    number: int
    labour: bool
    cat_2023: str
    cat_2024: str
    relapse: bool = False  # poor in 2022, escaped in 2023, poor again in 2024
    status_2024: str = ReviewStatus.APPROVED
    escape_plan: bool = False


def plan_commune(rng: random.Random, n: int, quota: Quota | None, *, showcase: bool) -> list[HouseholdPlan]:
    """Assign each household its 2023 and 2024 categories so that 2024's escapes match the quota."""
    if quota is not None:
        esc_without, esc_with = quota.without_labour, quota.with_labour + rng.choice([0, 0, 1])
        poor_without = esc_without + rng.randint(1, 3)
        poor_with = esc_with + rng.randint(2, 6)
    else:
        poor_total = max(1, round(n * rng.uniform(0.04, 0.06)))
        poor_without = max(0, round(poor_total * 0.35))
        poor_with = poor_total - poor_without
        esc_without = round(poor_without * FALLBACK_ESCAPE_RATE)
        esc_with = max(1 if poor_with else 0, round(poor_with * FALLBACK_ESCAPE_RATE))
    # Small runs (tests: --per-commune 5) keep at least half the households non-poor.
    while poor_without + poor_with > max(1, n // 2):
        if poor_with > poor_without:
            poor_with -= 1
        else:
            poor_without -= 1
    esc_without, esc_with = min(esc_without, poor_without), min(esc_with, poor_with)
    new_poor = rng.randint(0, 2) if n >= 40 else 0
    relapses = rng.choice([0, 1, 1, 2]) if n >= 40 else 0
    near_poor = round(n * rng.uniform(0.05, 0.08))
    average = round(n * rng.uniform(0.08, 0.12))

    plans: list[HouseholdPlan] = []

    def add(count, labour, cat_2023, cat_2024, **extra):
        for _ in range(max(0, count)):
            plans.append(HouseholdPlan(0, labour, cat_2023, cat_2024, **extra))

    P, NP, AV, NOT = Category.POOR, Category.NEAR_POOR, Category.AVERAGE, Category.NOT_POOR
    # Escapes: most poor households that escape become near-poor, some reach the average band.
    for labour, escapes, stays in ((False, esc_without, poor_without - esc_without),
                                   (True, esc_with, poor_with - esc_with)):
        for _ in range(escapes):
            add(1, labour, P, rng.choice([NP, NP, NP, AV]), escape_plan=True)
        add(stays, labour, P, P, escape_plan=rng.random() < 0.3)
    add(relapses, True, NP, P, relapse=True)
    for _ in range(new_poor):
        add(1, rng.random() < 0.7, rng.choice([NP, AV]), P)
    # Near-poor: a fifth escape near-poverty, a few arise from the average band.
    escaped_near = max(0, round(near_poor * 0.2))
    add(escaped_near, True, NP, rng.choice([AV, NOT]))
    for _ in range(near_poor - escaped_near):
        add(1, rng.random() < 0.85, NP, NP)
    add(rng.randint(1, 3) if n >= 40 else 0, True, AV, NP)
    add(average, True, AV, AV)
    add(n - len(plans), True, NOT, NOT)
    plans = plans[:n]
    for plan in plans:
        if plan.cat_2023 == NOT and rng.random() < 0.06:
            plan.labour = False  # elderly couples who live well on pensions and children's support
    rng.shuffle(plans)
    for number, plan in enumerate(plans, start=1):
        plan.number = number

    # Leave some 2024 reviews in the workflow (households whose category does not change,
    # so the approved lists and the quota figures are not affected).
    stable = [p for p in plans if p.cat_2023 == p.cat_2024 and not p.relapse and p.cat_2023 != P]
    submitted, drafts = (8, 3) if showcase else (3, 1)
    if n < 40:
        submitted, drafts = min(1, len(stable)), 0
    chosen = rng.sample(stable, min(len(stable), submitted + drafts))
    for plan in chosen[:submitted]:
        plan.status_2024 = ReviewStatus.SUBMITTED
    for plan in chosen[submitted:]:
        plan.status_2024 = ReviewStatus.DRAFT
    return plans


# --------------------------------------------------------------------------- values that fit a category


def income_for(rng: random.Random, snapshot: StandardSnapshot, area: str, category: str) -> int:
    poverty = snapshot.line(area, LineKind.POVERTY)
    average = snapshot.line(area, LineKind.AVERAGE) or poverty * 3 // 2
    step = 10_000
    if category == Category.POOR:
        low, high = poverty * 45 // 100, poverty
    elif category == Category.NEAR_POOR:
        low, high = poverty * 70 // 100, poverty
    elif category == Category.AVERAGE:
        low, high = poverty + step, average
    else:
        low, high = average + step, average * 7 // 2
    return rng.randint(-(-low // step), high // step) * step


def deprivation_count_for(rng: random.Random, category: str) -> int:
    if category == Category.POOR:
        return rng.choice([3, 3, 4, 4, 5, 6])
    if category == Category.NEAR_POOR:
        return rng.choice([0, 1, 1, 2, 2])
    if category == Category.AVERAGE:
        return rng.choice([0, 0, 1, 1, 2, 3])
    return rng.choice([0, 0, 0, 0, 1, 2])


# --------------------------------------------------------------------------- people


class PeopleMaker:
    def __init__(self, rng: random.Random, used_ids: set[str]):
        self.rng = rng
        self.used_ids = used_ids

    def name(self, sex: str, surname: str | None = None, *, muong: bool = False) -> str:
        rng = self.rng
        surname = surname or rng.choice(MUONG_SURNAMES if muong else SURNAMES)
        if sex == Sex.MALE:
            return f"{surname} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"
        return f"{surname} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"

    def citizen_id(self, sex: str, birth_year: int) -> str:
        """038 (Thanh Hóa) + century/sex digit + 2-digit birth year + 6 random digits."""
        century = 0 if birth_year < 2000 else 2
        digit = century + (1 if sex == Sex.FEMALE else 0)
        while True:
            value = f"{PROVINCE_ID_PREFIX}{digit}{birth_year % 100:02d}{self.rng.randrange(10**6):06d}"
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def members(self, *, labour: bool, muong: bool, category: str) -> list[Member]:
        """Head first; a household with no labour capacity has no member who can work."""
        rng = self.rng
        ethnicity = "Mường" if muong else "Kinh"
        people: list[tuple[str, str, int, str, bool, str]] = []  # name, sex, birth year, relation, labour, reason
        if not labour:
            head_sex = rng.choice([Sex.MALE, Sex.FEMALE, Sex.FEMALE])
            head_year = rng.randint(1936, 1958)
            surname = rng.choice(MUONG_SURNAMES if muong else SURNAMES)
            people.append((self.name(head_sex, surname, muong=muong), head_sex, head_year, Relation.HEAD, False,
                           rng.choice(NO_LABOUR_REASONS[:2])))
            if rng.random() < 0.5:
                sex = Sex.FEMALE if head_sex == Sex.MALE else Sex.MALE
                people.append((self.name(sex, muong=muong), sex, head_year + rng.randint(-4, 4), Relation.SPOUSE,
                               False, "Người cao tuổi"))
            if rng.random() < 0.4:
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                people.append((self.name(sex, surname if head_sex == Sex.MALE else None, muong=muong), sex,
                               rng.randint(1975, 1995), Relation.CHILD, False, rng.choice(NO_LABOUR_REASONS[1:])))
            if rng.random() < 0.25:
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                people.append((self.name(sex, surname, muong=muong), sex, rng.randint(2012, 2020),
                               Relation.GRANDCHILD, False, "Dưới tuổi lao động"))
        else:
            head_sex = Sex.FEMALE if rng.random() < 0.18 else Sex.MALE
            head_year = rng.randint(1955, 1998)
            surname = rng.choice(MUONG_SURNAMES if muong else SURNAMES)
            people.append((self.name(head_sex, surname, muong=muong), head_sex, head_year, Relation.HEAD,
                           head_year >= 1964, "" if head_year >= 1964 else "Người cao tuổi"))
            if rng.random() < 0.85:
                sex = Sex.FEMALE if head_sex == Sex.MALE else Sex.MALE
                year = min(2004, head_year + rng.randint(-3, 5))
                people.append((self.name(sex, muong=muong), sex, year, Relation.SPOUSE, year >= 1966,
                               "" if year >= 1966 else "Người cao tuổi"))
            children = rng.choice([0, 1, 2, 2, 3] if category in (Category.POOR, Category.NEAR_POOR) else [0, 1, 2, 2])
            for _ in range(children):
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                year = min(2023, max(head_year + 20, rng.randint(head_year + 20, head_year + 40)))
                works = 2024 - year >= 18
                people.append((self.name(sex, surname, muong=muong), sex, year, Relation.CHILD, works,
                               "" if works else "Dưới tuổi lao động"))
            if rng.random() < 0.15:
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                people.append((self.name(sex, surname, muong=muong), sex, head_year - rng.randint(22, 30),
                               Relation.PARENT, False, "Người cao tuổi"))
            if not any(p[4] for p in people):  # the head's generation is old: one adult child works
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                people.append((self.name(sex, surname, muong=muong), sex, rng.randint(1980, 2000), Relation.CHILD,
                               True, ""))
        members = []
        for order, (name, sex, year, relation, works, reason) in enumerate(people):
            members.append(Member(
                full_name=name, sex=sex, birth_year=year, relation=relation, citizen_id=self.citizen_id(sex, year),
                has_labour_capacity=works, no_labour_reason="" if works else reason, ethnicity=ethnicity,
                has_disability=reason == "Khuyết tật nặng",
                has_health_insurance=category == Category.POOR or rng.random() < 0.92, order=order,
            ))
        return members


def villages_for(rng: random.Random, commune: AdministrativeUnit) -> list[str]:
    count = rng.randint(6, 12)
    if commune.kind == UnitKind.TOWNSHIP:
        return [f"Khu phố {i}" for i in range(1, count + 1)]
    if rng.random() < 0.5:
        return [f"Thôn {i}" for i in range(1, count + 1)]
    return [f"Làng {name}" for name in rng.sample(VILLAGE_NAMES, count)]


# --------------------------------------------------------------------------- the generator


def _set_current_status(households: list[Household], reviews: list[Review]) -> None:
    """Each new household's current category = its latest approved review (the rule of
    ``services.household_refresh_status``), known here without reading the reviews back;
    written as one UPDATE per (category, year) instead of a row-by-row bulk_update."""
    latest: dict[int, Review] = {}
    for review in reviews:
        if review.status != ReviewStatus.APPROVED:
            continue
        best = latest.get(review.household_id)
        if best is None or (review.effective_date, review.year) > (best.effective_date, best.year):
            latest[review.household_id] = review
    groups: dict[tuple[str, int], list[int]] = {}
    for household_id, review in latest.items():
        groups.setdefault((review.category, review.year), []).append(household_id)
    for (category, year), ids in groups.items():
        for start in range(0, len(ids), 500):
            Household.objects.filter(pk__in=ids[start:start + 500]).update(current_category=category,
                                                                            current_year=year)


def _aware(year: int, month: int, day: int, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


APPROVED_AT = {EARLIER_YEAR: _aware(2022, 12, 20), PREVIOUS_YEAR: _aware(2023, 12, 20),
               CURRENT_YEAR: _aware(2024, 12, 19)}
SUBMITTED_AT = {EARLIER_YEAR: _aware(2022, 12, 12), PREVIOUS_YEAR: _aware(2023, 12, 12),
                CURRENT_YEAR: _aware(2024, 12, 12)}


@transaction.atomic
def generate_demo_households(*, per_commune: int | None = None, seed: int = DEFAULT_SEED,
                             district_code: str = DISTRICT_CODE, stdout=None) -> GenerationResult:
    """Create the demo households of every commune of the district that has none yet."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    district = AdministrativeUnit.objects.get(code=district_code)
    communes = list(AdministrativeUnit.objects.communes().filter(path__startswith=district.path).order_by("code"))
    snapshots = {year: snapshot_for_review(ReviewRound.PERIODIC, year)
                 for year in (EARLIER_YEAR, PREVIOUS_YEAR, CURRENT_YEAR)}
    indicator_ids = {year: sorted(s.indicator_ids) for year, s in snapshots.items()}
    causes = {c.code: c for c in PovertyCause.objects.all()}
    supports = list(SupportType.objects.order_by("order"))
    approver = User.objects.filter(role="district_staff", unit=district).order_by("pk").first()
    officials = {u.unit_id: u for u in User.objects.filter(role="commune_official", unit__in=communes)
                 .order_by("-pk")}
    used_ids = set()
    # commune id → (reviewer's name, the commune's demo official, helping agency)
    context: dict[int, tuple[str, object, Agency | None]] = {}
    result = GenerationResult()

    households: list[Household] = []
    members_of: dict[int, list[Member]] = {}
    pending_reviews: list[tuple[int, int, str, HouseholdPlan, random.Random]] = []  # (hh index, year, ...)
    escape_plans: list[tuple[int, random.Random]] = []
    for commune in communes:
        if Household.objects.filter(commune=commune, code__startswith=f"{commune.code}-").exists():
            result.skipped += 1
            continue
        rng = random.Random(f"{seed}-{commune.code}")
        showcase = commune.code == SHOWCASE_COMMUNE
        n = per_commune if per_commune is not None else (SHOWCASE_PER_COMMUNE if showcase else DEFAULT_PER_COMMUNE)
        quota = quota_for(commune)
        plans = plan_commune(rng, n, quota, showcase=showcase)
        villages = villages_for(rng, commune)
        people = PeopleMaker(rng, used_ids)
        ethnic_share = ETHNIC_SHARE.get(commune.code, DEFAULT_ETHNIC_SHARE)
        official = officials.get(commune.pk)
        reviewer = official.get_full_name() if official else people.name(rng.choice([Sex.MALE, Sex.FEMALE]))
        for plan in plans:
            muong = rng.random() < ethnic_share
            members = people.members(labour=plan.labour, muong=muong, category=plan.cat_2023)
            head = members[0]
            household = Household(
                code=demo_code(commune, plan.number), commune=commune, village=rng.choice(villages),
                head_name=head.full_name, area=commune.area, is_ethnic_minority=muong,
                has_person_of_merit=rng.random() < 0.02, female_head=head.sex == Sex.FEMALE,
                has_labour_capacity=household_labour_capacity(m.has_labour_capacity for m in members),
                member_count=len(members),
            )
            index = len(households)
            households.append(household)
            members_of[index] = members
            years = [(PREVIOUS_YEAR, plan.cat_2023), (CURRENT_YEAR, plan.cat_2024)]
            if plan.relapse:
                years.insert(0, (EARLIER_YEAR, Category.POOR))
            for year, category in years:
                pending_reviews.append((index, year, category, plan, rng))
            if plan.escape_plan:
                escape_plans.append((index, rng))
        result.communes += 1
        context[commune.pk] = (reviewer, official, helping_agency_for(commune))

    if not households:
        return result
    Household.objects.bulk_create(households, batch_size=1000)
    members = []
    for index, household in enumerate(households):
        for member in members_of[index]:
            member.household = household
            members.append(member)
    Member.objects.bulk_create(members, batch_size=1000)

    reviews, indicator_rows, cause_rows, events = [], [], [], []
    for index, year, category, plan, rng in pending_reviews:
        household = households[index]
        reviewer, official, _ = context[household.commune_id]
        status = plan.status_2024 if year == CURRENT_YEAR else ReviewStatus.APPROVED
        count = deprivation_count_for(rng, category)
        review = Review(
            household=household, commune_id=household.commune_id, year=year, round=ReviewRound.PERIODIC,
            area=household.area,
            income_per_capita=income_for(rng, snapshots[year], household.area, category),
            has_labour_capacity=household.has_labour_capacity, reviewer=reviewer, status=status,
            created_by=official,
        )
        if status in (ReviewStatus.SUBMITTED, ReviewStatus.APPROVED):
            review.submitted_by, review.submitted_at = official, SUBMITTED_AT[year]
        if status == ReviewStatus.APPROVED:
            review.approved_by, review.approved_at = approver, APPROVED_AT[year]
        review_compute(review, deprivation_count=count, snapshot=snapshots[year])
        chosen = rng.sample(indicator_ids[year], count)
        cause_codes = []
        if review.category in (Category.POOR, Category.NEAR_POOR):
            pool = LABOUR_CAUSES if household.has_labour_capacity else NO_LABOUR_CAUSES
            cause_codes = rng.sample(pool, rng.randint(1, 2))
        reviews.append((review, chosen, [causes[c] for c in cause_codes if c in causes]))
    Review.objects.bulk_create([r for r, _, _ in reviews], batch_size=1000)
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through
    for review, chosen, review_causes in reviews:
        indicator_rows += [through_i(review_id=review.pk, indicator_id=i) for i in chosen]
        cause_rows += [through_c(review_id=review.pk, povertycause_id=c.pk) for c in review_causes]
        # The timeline keeps the steps that matter: drafts show their creation, the others their submission
        # and approval (fewer rows keep `make setup` quick).
        if review.status == ReviewStatus.DRAFT:
            events.append(ReviewEvent(review=review, action=ReviewAction.CREATED, from_status="",
                                      to_status=ReviewStatus.DRAFT, actor=review.created_by))
        if review.status in (ReviewStatus.SUBMITTED, ReviewStatus.APPROVED):
            events.append(ReviewEvent(review=review, action=ReviewAction.SUBMITTED, from_status=ReviewStatus.DRAFT,
                                      to_status=ReviewStatus.SUBMITTED, actor=review.created_by))
        if review.status == ReviewStatus.APPROVED:
            events.append(ReviewEvent(review=review, action=ReviewAction.APPROVED, from_status=ReviewStatus.SUBMITTED,
                                      to_status=ReviewStatus.APPROVED, actor=approver))
    through_i.objects.bulk_create(indicator_rows, batch_size=2000)
    through_c.objects.bulk_create(cause_rows, batch_size=2000)
    ReviewEvent.objects.bulk_create(events, batch_size=1000)
    # Events are stamped "now" by auto_now_add; date them like the reviews they belong to.
    first_event = min(event.pk for event in events)
    for year in (EARLIER_YEAR, PREVIOUS_YEAR, CURRENT_YEAR):
        for action, at in ((ReviewAction.CREATED, _aware(year, 11, 20)), (ReviewAction.SUBMITTED, SUBMITTED_AT[year]),
                           (ReviewAction.APPROVED, APPROVED_AT[year])):
            ReviewEvent.objects.filter(pk__gte=first_event, review__year=year, action=action).update(at=at)

    plans = []
    for index, rng in escape_plans:
        household = households[index]
        reviewer, official, agency = context[household.commune_id]
        plan = EscapePlan(household=household, target_year=CURRENT_YEAR, measures=rng.choice(MEASURES),
                          responsible_cadre=reviewer, helping_agency=agency, able_to_escape=True, created_by=official)
        plans.append((plan, rng.sample(supports, min(len(supports), rng.randint(1, 3)))))
    EscapePlan.objects.bulk_create([p for p, _ in plans], batch_size=1000)
    through_s = EscapePlan.supports.through
    through_s.objects.bulk_create([through_s(escapeplan_id=p.pk, supporttype_id=s.pk)
                                   for p, chosen in plans for s in chosen], batch_size=2000)

    HistoryEntry.objects.bulk_create([
        HistoryEntry(household=household, object_type="household", object_id=household.pk,
                     object_label=f"Hộ {household.code}", action=HistoryAction.CREATE,
                     comment="Dữ liệu mẫu (generate_demo_households)")
        for household in households
    ], batch_size=1000)
    _set_current_status(households, [review for review, _, _ in reviews])
    notify_reviews_changed(commune_ids={h.commune_id for h in households},
                           years={EARLIER_YEAR, PREVIOUS_YEAR, CURRENT_YEAR})

    result.households = len(households)
    result.members = len(members)
    result.reviews = len(reviews)
    result.escape_plans = len(plans)
    result.pending = sum(1 for review, _, _ in reviews if review.status != ReviewStatus.APPROVED)
    return result
