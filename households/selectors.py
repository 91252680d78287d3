"""Reads: scoped querysets and the figures other apps ask for."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from directory.lineage import lineage_note, successor_on
from directory.models import AdministrativeUnit, AreaType
from directory.permissions import can_approve_reviews_of
from directory.scoping import get_for_user_or_404

from .models import (
    Category,
    EscapePlan,
    HistoryEntry,
    Household,
    IncomeLine,
    Indicator,
    LineKind,
    Member,
    Review,
    ReviewEvent,
    ReviewStatus,
)
from .movements import Movement, movement_between


def poor_household_counts(*, commune_ids, year: int | None = None) -> dict[int, tuple[int, int]]:
    """Per commune: (poor households without labour capacity, poor households with labour capacity).

    By each household's latest approved review (of ``year`` when given). The plans app
    calls this through ``settings.POOR_HOUSEHOLD_COUNTS`` to allocate quotas.
    """
    commune_ids = list(commune_ids)
    counts: dict[int, list[int]] = {cid: [0, 0] for cid in commune_ids}
    if not commune_ids:
        return {}
    if year is None:
        # current_category is the latest approved review's category (household_refresh_status):
        # one grouped query on the (commune, current_category) index.
        rows = (Household.objects.filter(commune_id__in=commune_ids, current_category=Category.POOR)
                .values("commune_id", "has_labour_capacity").annotate(n=Count("pk")))
        labour_key = "has_labour_capacity"
    else:
        latest = (Review.objects.filter(household=OuterRef("household"), year=year, status=ReviewStatus.APPROVED)
                  .order_by("-effective_date", "-pk").values("pk")[:1])
        rows = (Review.objects.filter(commune_id__in=commune_ids, year=year, status=ReviewStatus.APPROVED)
                .annotate(latest_pk=Subquery(latest)).filter(pk=F("latest_pk"), category=Category.POOR)
                .values("commune_id", "has_labour_capacity").annotate(n=Count("pk")))
        labour_key = "has_labour_capacity"
    for row in rows:
        counts[row["commune_id"]][1 if row[labour_key] else 0] += row["n"]
    return {cid: (pair[0], pair[1]) for cid, pair in counts.items()}


# --------------------------------------------------------------------------- household page


@dataclass(frozen=True)
class YearStatus:
    year: int
    review: Review
    category: str
    movement: Movement | None

    @property
    def category_label(self) -> str:
        return Category(self.category).label

    @property
    def movement_label(self) -> str:
        return self.movement.label if self.movement else ""


def yearly_statuses(approved_reviews) -> list[YearStatus]:
    """One row per year (the year's latest approved review) with the movement from the year before.

    The first year on record has no movement: there is nothing to compare it with.
    When a year is missing, the movement is measured from the last year on record.
    """
    by_year: dict[int, Review] = {}
    for review in sorted(approved_reviews, key=lambda r: (r.year, r.effective_date, r.pk)):
        if review.status == ReviewStatus.APPROVED:
            by_year[review.year] = review
    result, previous, ever_poor = [], None, False
    for year in sorted(by_year):
        review = by_year[year]
        movement = None
        if previous is not None:
            movement = movement_between(previous, review.category, ever_poor)
        result.append(YearStatus(year, review, review.category, movement))
        ever_poor = ever_poor or previous == Category.POOR
        previous = review.category
    return result


def household_area_shown(household: Household, reviews: list, today) -> tuple[str, str]:
    """(area label, what it comes from) for the household page's header: the area of the latest review shown
    below (TT Lam Sơn's household reviewed in 2026 in Xã Lam Sơn: rural), else the area on ``today``
    (households.areas: the override with its reason, else the commune of the day). Never the stored default."""
    from directory.models import AreaType

    from .areas import household_area_on

    if reviews:
        latest = reviews[0]
        return AreaType(latest.area).label, f"theo kết quả rà soát năm {latest.year}"
    return AreaType(household_area_on(household, today)).label, "theo xã, phường hiện nay"


def household_for_page(user, pk: int) -> Household:
    """A household with everything its page shows, in a fixed number of queries.

    Only the relations the page shows are joined: each extra user or unit row joined costs the ORM
    more than its SQL (the API's richer reading is ``household_for_api``). The events and indicators
    are ordered by their own columns: their models' default orderings follow ``review`` and
    ``standard`` into joins of the review, household and commune (or the standard) that the grouping
    per review makes pointless."""
    queryset = Household.objects.select_related("commune", "commune__parent", "current_commune").prefetch_related(
        Prefetch("members", queryset=Member.objects.order_by("order", "pk")),
        Prefetch("reviews", queryset=Review.objects.select_related("standard").prefetch_related(
            Prefetch("deprived_indicators", queryset=Indicator.objects.order_by("standard_id", "order")),
            "causes",
            Prefetch("events", queryset=ReviewEvent.objects.select_related("actor").order_by("review_id", "at", "pk")))
            .order_by("-year", "-effective_date", "-pk")),
        Prefetch("escape_plans", queryset=EscapePlan.objects.select_related("helping_agency")
                 .prefetch_related("supports").order_by("-target_year")),
        Prefetch("history", queryset=HistoryEntry.objects.select_related("actor").order_by("-at", "-pk")),
    )
    return get_for_user_or_404(queryset, user, pk=pk)


def household_for_api(user, pk: int) -> Household:
    """A household with what the API's household detail serializes: members, and the reviews with their
    commune, standard, submitter, approver, indicators, causes and events (no escape plans, no history)."""
    queryset = Household.objects.select_related("commune", "commune__parent", "current_commune").prefetch_related(
        Prefetch("members", queryset=Member.objects.order_by("order", "pk")),
        Prefetch("reviews", queryset=Review.objects.select_related("standard", "approved_by", "submitted_by", "commune")
                 .prefetch_related(
                     Prefetch("deprived_indicators", queryset=Indicator.objects.order_by("standard_id", "order")),
                     "causes",
                     Prefetch("events", queryset=ReviewEvent.objects.select_related("actor")
                              .order_by("review_id", "at", "pk")))
                 .order_by("-year", "-effective_date", "-pk")),
    )
    return get_for_user_or_404(queryset, user, pk=pk)


def review_area_info(household, year: int, review_date=None) -> dict:
    """What the review form says about the area: the commune on the review's date and the area it gives."""
    from .areas import commune_on, household_area_on
    from .models import default_effective_date

    day = default_effective_date(year, review_date)
    area = household_area_on(household, day)
    return {"commune": commune_on(household.commune, day), "area": area,
            "label": AreaType(area).label, "override": bool((household.area_reason or "").strip()),
            "reason": household.area_reason}


def income_lines(standard) -> list[IncomeLine]:
    """The income lines the review form shows under the standard's name (poverty line first)."""
    if standard is None:
        return []
    order = {LineKind.LOWER: 0, LineKind.POVERTY: 1, LineKind.AVERAGE: 2}
    # Ordered by the model's own columns (its default ordering starts with the standard: a join for nothing).
    return sorted(IncomeLine.objects.filter(standard=standard).order_by("area", "amount"),
                  key=lambda line: (order.get(line.kind, 9), line.area != AreaType.RURAL))


@dataclass(frozen=True)
class Lineage:
    """Where a household moved with the map: "Xã Xuân Bái (huyện Thọ Xuân) → Xã Lam Sơn, từ 01/07/2025"."""

    old: AdministrativeUnit
    new: AdministrativeUnit
    since: object  # datetime.date | None
    by_default: bool = False  # the old commune was split and nobody has assigned the village yet
    successors: tuple = ()

    @property
    def text(self) -> str:
        old, parent = self.old, self.old.parent
        where = ""
        if parent is not None and parent.is_district:
            where = f" ({parent.get_kind_display().lower()} {parent.name})"
        since = f", từ {self.since:%d/%m/%Y}" if self.since else ""
        return f"{old.get_kind_display()} {old.name}{where} → {self.new.get_kind_display()} {self.new.name}{since}"


def household_lineage(household: Household) -> Lineage | None:
    """The household's move to a new commune, if it moved (its communes must be loaded: no query then,
    except two small ones for a household of a split commune)."""
    import datetime

    from .models import VillageAssignment
    from .rehoming import split_successors

    if not household.current_commune_id:
        return None
    old, new = household.commune, household.current_commune
    since = new.valid_from or (old.valid_to + datetime.timedelta(days=1) if old.valid_to else None)
    split = split_successors([old.pk]).get(old.pk)
    by_default = bool(split) and not VillageAssignment.objects.filter(old_commune=old,
                                                                      village=household.village).exists()
    successors = tuple(AdministrativeUnit.objects.filter(pk__in=split).order_by("name")) if split else ()
    return Lineage(old, new, since, by_default, successors)


def review_for_user(user, pk: int) -> Review:
    return get_for_user_or_404(
        Review.objects.select_related("household", "household__commune", "commune", "standard"), user, pk=pk
    )


# --------------------------------------------------------------------------- lists


def approval_queue(user):
    """Submitted reviews the user may approve: in scope, and the commune's approver is this user's tier."""
    from directory.lineage import LEGACY_LAST_DAY, REFORM_DATE

    from .areas import commune_on

    submitted = Review.objects.for_user(user).filter(status=ReviewStatus.SUBMITTED)
    # The approver is the commune's on the review's date (one small query over the communes with pending
    # reviews): before 01/07/2025 the commune's own setting (district staff for the old map); from then on the
    # commune that carries it (a TT Lam Sơn household's 2026 review goes to Xã Lam Sơn's chairman).
    communes = AdministrativeUnit.objects.filter(pk__in=submitted.values("commune_id"))
    before = [c.pk for c in communes if can_approve_reviews_of(user, c)]
    after = [c.pk for c in communes if can_approve_reviews_of(user, commune_on(c, REFORM_DATE))]
    return (submitted.filter(Q(commune_id__in=before, effective_date__lte=LEGACY_LAST_DAY)
                             | Q(commune_id__in=after, effective_date__gte=REFORM_DATE))
            .select_related("household", "commune", "submitted_by", "standard")
            .prefetch_related("causes")
            .order_by("commune__path", "household__code", "year"))


def pending_reviews(user, *, year: int | None = None, status: str | None = None):
    """Draft and returned reviews in scope (or only one of the two): the commune's to-do list and bulk submit."""
    statuses = [status] if status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED) else [ReviewStatus.DRAFT,
                                                                                       ReviewStatus.RETURNED]
    queryset = (Review.objects.for_user(user).filter(status__in=statuses)
                .select_related("household", "commune", "standard")
                .order_by("commune__path", "household__code", "-year"))
    if year:
        queryset = queryset.filter(year=year)
    return queryset


def escape_list(user, *, year: int):
    """Households able to escape poverty in ``year`` (sent to the district by 20/3)."""
    return (EscapePlan.objects.for_user(user).filter(target_year=year, able_to_escape=True)
            .select_related("household", "household__commune", "helping_agency")
            .prefetch_related("supports")
            .order_by("household__commune__path", "household__village", "household__code"))


class _ApprovedReview(NamedTuple):
    pk: int
    household_id: int
    year: int
    effective_date: datetime.date
    category: str
    status: str


def movements_by_household(household_ids, *, year: int) -> dict[int, Movement | None]:
    """The movement of ``year`` for many households at once (one query), for exports and reports.

    ``household_ids`` is a list of ids or a queryset of them (then a subquery: an export of a district
    asks once, not once per chunk of 2.000 ids)."""
    return dict(iter_movements(household_ids, year=year))


def iter_movements(household_ids, *, year: int):
    """(household id, movement of ``year`` or None) for each of ``household_ids`` with an approved review
    up to ``year``, read as a stream ordered by household: a district's 120.000 reviews never sit in memory."""
    if not isinstance(household_ids, QuerySet):
        household_ids = list(household_ids)
    reviews = (Review.objects.filter(household_id__in=household_ids, status=ReviewStatus.APPROVED, year__lte=year)
               .order_by("household_id")
               .values_list("pk", "household_id", "year", "effective_date", "category", "status"))
    # Plain tuples with the attributes yearly_statuses reads: model instances cost 10 times more.
    for household_id, rows in groupby((_ApprovedReview(*values) for values in reviews.iterator(chunk_size=5000)),
                                      key=attrgetter("household_id")):
        yield household_id, movement_in_year(rows, year)


def movement_in_year(approved_reviews, year: int) -> Movement | None:
    """The movement ``yearly_statuses`` gives ``year`` when ``year`` is the last year on record, else None.

    The same rule without a ``YearStatus`` per year and sort per household: an export asks it for a
    district's 60.000 households (tests/households/test_selectors.py holds it to ``yearly_statuses``)."""
    latest: dict[int, tuple] = {}  # year → ((effective date, id), category) of the year's latest review
    for review in approved_reviews:
        if review.status == ReviewStatus.APPROVED:
            key = (review.effective_date, review.pk)
            kept = latest.get(review.year)
            if kept is None or key > kept[0]:
                latest[review.year] = (key, review.category)
    if year not in latest or max(latest) != year:
        return None
    previous, ever_poor = None, False
    for each in sorted(latest):
        category = latest[each][1]
        if each == year:
            return movement_between(previous, category, ever_poor) if previous is not None else None
        ever_poor = ever_poor or previous == Category.POOR
        previous = category
    return None


# --------------------------------------------------------------------------- household code suggestion

_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


def next_code(latest: str | None, *, default_prefix: str, is_taken=lambda code: False, width: int = 4) -> str:
    """The code after ``latest`` (its trailing number plus one, same zero padding), skipping taken codes.

    ``latest`` None (nothing entered yet) starts at ``default_prefix`` + 0001. A code without a
    trailing number gets "-1" appended. Pure apart from ``is_taken``.
    """
    if latest and (match := _TRAILING_NUMBER.match(latest)):
        prefix, digits = match.group(1), match.group(2)
        number, width = int(digits), len(digits)
    elif latest:
        prefix, number, width = latest + "-", 0, 1
    else:
        prefix, number = default_prefix, 0
    while True:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
        if not is_taken(candidate):
            return candidate


def suggest_household_code(commune, village: str = "") -> str:
    """The next free code of the village (or of the commune when the village has none yet).

    Codes are unique per commune, so a code the village would take but another village
    already uses is skipped. Reads the (commune, village) and unique (commune, code) indexes.
    """
    households = Household.objects.filter(commune=commune)
    # A new xã also manages the households moved to it from the communes it carries, whose codes may start
    # with its own code (15544 was Xã Thọ Xương's and is Xã Lam Sơn's): a code one of them holds is not free.
    managed = Household.objects.filter(Q(commune=commune) | Q(current_commune=commune))
    prefix = f"{commune.code}-"
    latest = None
    if village:
        latest = households.filter(village=village).order_by("-code").values_list("code", flat=True).first()
    if latest is None:
        latest = households.order_by("-code").values_list("code", flat=True).first()
    if latest is None:
        latest = managed.filter(code__startswith=prefix).order_by("-code").values_list("code", flat=True).first()
    return next_code(latest, default_prefix=prefix, is_taken=lambda code: managed.filter(code=code).exists())


def villages_of(commune) -> list[str]:
    """The commune's village names (index-only scan of hh_commune_village_idx), for the form's suggestions."""
    names = (Household.objects.filter(commune=commune).order_by("village").values_list("village", flat=True)
             .distinct())
    return [name for name in names if name]


# --------------------------------------------------------------------------- list total

EXACT_TOTAL_LIMIT = 10_000


@dataclass(frozen=True)
class Total:
    count: int
    is_estimate: bool = False
    is_lower_bound: bool = False

    def label(self, noun: str = "hộ") -> str:
        number = f"{self.count:,}".replace(",", ".")
        if self.is_estimate:
            return f"khoảng {number} {noun}"
        if self.is_lower_bound:
            return f"hơn {number} {noun}"
        return f"{number} {noun}"


def household_total(queryset, *, limit: int = EXACT_TOTAL_LIMIT) -> Total:
    """How many rows a filtered list has, without counting a million rows per page.

    Exact up to ``limit`` (COUNT over a LIMIT subquery: bounded work, so a commune's list is
    always exact); above it, PostgreSQL's planner estimate for the same query, or "more than
    ``limit``" on other databases.
    """
    bounded = queryset.order_by()[: limit + 1].count()
    if bounded <= limit:
        return Total(bounded)
    return household_total_above_limit(queryset, limit=limit)


def household_total_above_limit(queryset, *, limit: int = EXACT_TOTAL_LIMIT) -> Total:
    """The total of a list known to have more than ``limit`` rows: the planner's estimate (PostgreSQL),
    or "more than ``limit``"."""
    estimate = planner_estimate(queryset.order_by())
    if estimate is not None:
        return Total(max(estimate, limit + 1), is_estimate=True)
    return Total(limit, is_lower_bound=True)


def matching_ids(queryset, *, limit: int = EXACT_TOTAL_LIMIT) -> list[int] | None:
    """The ids of a filtered list when it has at most ``limit`` rows (one unordered query: PostgreSQL reads
    them through the filter's indexes, e.g. the name's trigram index), else None."""
    ids = list(queryset.order_by().values_list("pk", flat=True)[: limit + 1])
    return ids if len(ids) <= limit else None


def planner_estimate(queryset) -> int | None:
    """The planner's row estimate for ``queryset`` (PostgreSQL), None elsewhere."""
    import json

    from django.db import connections

    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def running_round(day: datetime.date) -> str:
    """The review round running on ``day``: periodic from 1 September to 14 December, regular otherwise."""
    from .models import ReviewRound

    periodic = datetime.date(day.year, 9, 1) <= day <= datetime.date(day.year, 12, 14)
    return ReviewRound.PERIODIC if periodic else ReviewRound.REGULAR


def registration_communes(user):
    """The communes in the user's scope where a household can be registered today: those that exist
    today (after the 2025 reform a new household is registered in a new xã, never in an ended one)."""
    return AdministrativeUnit.objects.for_user(user).communes().valid_on(timezone.localdate())


def registration_closed_note(user) -> str:
    """Why a user whose units all ended cannot register a household, and where it is done now."""
    unit = user.unit
    if unit is None:
        return "Không có xã nào còn hiệu lực trong phạm vi của bạn để đăng ký hộ mới."
    successor = successor_on(unit, timezone.localdate())
    where = f"; hộ mới đăng ký tại {successor.kind_and_name}" if successor and successor.pk != unit.pk else ""
    return f"{lineage_note(unit, successor)}{where}. Tài khoản này chỉ còn xem và xử lý hồ sơ trước cải cách."
