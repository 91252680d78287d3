"""Stage 4, plan: what the checked rows change, worked out in memory before anything is written.

* Households: the latest year's row of each household carries its current details; an
  older year's list never overwrites what a later review recorded about the household.
* Reviews: a new household-year becomes a new review (status draft, or approved with
  ``approve``); an existing draft/returned one (or a submitted one with ``approve``) is
  updated; a row identical to what is stored is counted as unchanged.

The derived fields are those of ``services.review_compute``: standard of the year,
effective date 14/12 (an imported yearly review has no date), category by ``classify()``.
New rows are described by their household's key (commune id, code), since a new
household's id is known only once it is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from ..areas import commune_on, unit_area
from ..classification import classify
from ..models import HistoryAction, HistoryEntry, Household, Review, ReviewStatus, default_effective_date
from ..services import display_value, history_entries, review_compute
from .matching import HOUSEHOLD_IMPORT_FIELDS, REVIEW_IMPORT_FIELDS, Existing, StoredHousehold, is_unchanged
from .reference import Reference
from .validating import ParsedRow

HISTORY_FIELDS = ["household_id", "object_type", "object_id", "object_label", "action", "field", "field_label",
                  "old_value", "new_value", "comment", "actor_id"]

HouseholdKey = tuple[int, str]  # (commune id, code)


@dataclass(slots=True)
class NewHousehold:
    row: ParsedRow
    code: str
    commune_id: int
    head_name: str
    village: str
    area: str
    member_count: int
    is_ethnic_minority: bool
    has_labour_capacity: bool

    @property
    def key(self) -> HouseholdKey:
        return (self.commune_id, self.code)


@dataclass(slots=True)
class NewReview:
    row: ParsedRow
    household_key: HouseholdKey
    household_id: int | None  # None for a household that this import creates
    commune_id: int
    year: int
    standard_id: int
    area: str
    income: int
    deprivation_count: int
    category: str
    has_labour_capacity: bool


@dataclass(slots=True)
class ChangedReview:
    row: ParsedRow
    review: Review  # its new values set in memory
    old_status: str


@dataclass
class Plan:
    approve: bool
    comment: str  # "Nhập từ Excel: <file>"; each history row adds ", dòng N"
    new_households: list[NewHousehold] = field(default_factory=list)
    changed_households: list[Household] = field(default_factory=list)  # new values set in memory
    new_reviews: list[NewReview] = field(default_factory=list)
    changed_reviews: list[ChangedReview] = field(default_factory=list)
    unchanged: int = 0
    # HISTORY_FIELDS of the changed rows (those of created rows need their new ids: the writer adds them)
    household_history: list[tuple] = field(default_factory=list)
    review_history: list[tuple] = field(default_factory=list)
    now: datetime.datetime = field(default_factory=timezone.now)  # created_at/updated_at/approved_at of the import

    def note(self, r: ParsedRow) -> str:
        return f"{self.comment}, dòng {r.row}"

    @property
    def status_for_new(self) -> str:
        return ReviewStatus.APPROVED if self.approve else ReviewStatus.DRAFT


def history_tuple(entry: HistoryEntry) -> tuple:
    return tuple(getattr(entry, name) for name in HISTORY_FIELDS)


def household_changes(r: ParsedRow, hh: StoredHousehold, existing: Existing) -> dict[str, object]:
    """Field → new value for what the row changes on a stored household."""
    new = {"head_name": r.head_name}
    if r.village is not None:
        new["village"] = r.village
    if r.area is not None:
        new["area"] = r.area
    if r.ethnic is not None:
        new["is_ethnic_minority"] = r.ethnic
    # A household with a member list derives its size and labour capacity from the members.
    if hh.pk not in existing.with_members:
        if r.member_count is not None:
            new["member_count"] = r.member_count
        if r.no_labour is not None:
            new["has_labour_capacity"] = not r.no_labour
    return {k: v for k, v in new.items() if getattr(hh, k) != v}


def plan_changes(rows: list[ParsedRow], existing: Existing, reference: Reference, *, acting_user,
                 approve: bool, file_name: str) -> Plan:
    plan = Plan(approve=approve, comment=f"Nhập từ Excel: {file_name}" if file_name else "Nhập từ Excel")
    households = _plan_households(plan, rows, existing, acting_user)
    _plan_reviews(plan, rows, existing, reference, households, acting_user)
    return plan


def _plan_households(plan: Plan, rows, existing: Existing, acting_user) -> dict[HouseholdKey, tuple]:
    """Fills the plan's households; returns key → (household id or None, commune id, area, labour) after the plan."""
    latest: dict[HouseholdKey, ParsedRow] = {}
    for r in sorted(rows, key=lambda r: (r.year, r.row)):
        latest[(r.commune.pk, r.code)] = r
    info: dict[HouseholdKey, tuple] = {}
    for key, r in latest.items():
        hh = existing.households.get(key)
        if hh is None:
            new = NewHousehold(r, r.code, r.commune.pk, r.head_name, r.village or "", r.area or r.commune.area,
                               r.member_count or 1, bool(r.ethnic), not r.no_labour)
            plan.new_households.append(new)
            info[key] = (None, new.commune_id, new.area, new.has_labour_capacity)
            continue
        # An older year's list must not overwrite what a later review recorded about the household.
        if r.year >= existing.latest_year.get(hh.pk, 0):
            changes = household_changes(r, hh, existing)
            if changes:
                obj = hh.model()
                old = {k: display_value(obj, k) for k in changes}
                for name, value in changes.items():
                    hh.set(name, value)
                plan.changed_households.append(obj)
                plan.household_history += [history_tuple(e) for e in history_entries(
                    household_id=hh.pk, object_type="household", obj=obj, label=f"Hộ {hh.code}",
                    action=HistoryAction.UPDATE, old=old, new={k: display_value(obj, k) for k in old},
                    actor=acting_user, comment=plan.note(r))]
        # key[0] is the row's commune: the registered one, or the new commune the household moved to (the
        # review is made there).
        info[key] = (hh.pk, key[0], hh.area, hh.has_labour_capacity)
    return info


def _plan_reviews(plan: Plan, rows, existing: Existing, reference: Reference, households, acting_user) -> None:
    approve = plan.approve
    communes_on: dict[tuple[int, int], object] = {}

    def commune_at(r):
        """The commune that carries the row's commune on the review date (one lineage walk per commune and year)."""
        key = (r.commune.pk, r.year)
        if key not in communes_on:
            communes_on[key] = commune_on(r.commune, default_effective_date(r.year, None))
        return communes_on[key]

    def blank_area(r, stored_household) -> str:
        """A blank "Khu vực": the household's override if it has one, else its commune's on the review date."""
        if stored_household is not None and (stored_household.area_reason or "").strip():
            return stored_household.area
        return unit_area(commune_at(r))

    for r in rows:
        key = (r.commune.pk, r.code)
        household_id, commune_id, area, labour = households[key]
        review = existing.reviews.get((household_id, r.year)) if household_id is not None else None
        if review is None:
            snapshot = reference.snapshot(r.year)
            area = r.area or blank_area(r, existing.households.get(key))
            labour = (not r.no_labour) if r.no_labour is not None else labour
            count = len(r.indicator_ids)
            commune_id = commune_at(r).pk
            plan.new_reviews.append(NewReview(r, key, household_id, commune_id, r.year, snapshot.standard_id, area,
                                              r.income, count, classify(snapshot, area, r.income, count), labour))
            continue
        review.household = existing.households[key].model()  # cached: no query in review_compute
        if is_unchanged(r, review, existing, approve=approve):
            plan.unchanged += 1
            continue
        old_status = review.status
        old = {k: display_value(review, k) for k in REVIEW_IMPORT_FIELDS}
        old["deprived_indicators"] = reference.indicator_names(existing.indicator_ids.get(review.pk, ()), r.year)
        old["causes"] = reference.cause_names(existing.cause_ids.get(review.pk, ()))
        review.income_per_capita = r.income
        if r.no_labour is not None:
            review.has_labour_capacity = not r.no_labour
        if approve:
            review.status = ReviewStatus.APPROVED
            review.approved_by_id = acting_user.pk if acting_user is not None else None
            review.approved_at = plan.now
        review_compute(review, deprivation_count=len(r.indicator_ids), snapshot=reference.snapshot(r.year),
                       area=r.area or blank_area(r, review.household), commune=commune_at(r))
        plan.changed_reviews.append(ChangedReview(r, review, old_status))
        new = {k: display_value(review, k) for k in REVIEW_IMPORT_FIELDS}
        new["deprived_indicators"] = reference.indicator_names(r.indicator_ids, r.year)
        new["causes"] = reference.cause_names(r.cause_ids) if r.cause_ids is not None else old["causes"]
        plan.review_history += [history_tuple(e) for e in history_entries(
            household_id=review.household_id, object_type="review", obj=review,
            label=f"Rà soát {review.year} (định kỳ hằng năm)", action=HistoryAction.UPDATE, old=old, new=new,
            actor=acting_user, comment=plan.note(r))]


# Fields of a household the plan may change (the writer's bulk UPDATE adds updated_at and version).
HOUSEHOLD_UPDATE_FIELDS = list(HOUSEHOLD_IMPORT_FIELDS)
REVIEW_UPDATE_FIELDS = ["area", "income_per_capita", "has_labour_capacity", "deprivation_count", "category",
                        "standard", "effective_date", "status", "approved_by", "approved_at"]
