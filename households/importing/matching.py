"""Stage 3, match: the stored households and reviews the rows name, and the rows that may not touch them.

One query per chunk of codes / ids (never one per row). A submitted review waits for its
approver and an approved one is locked: a row that would change either is a row fault.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max

from ..models import Household, Member, Review, ReviewRound, ReviewStatus
from .columns import COL_YEAR, Columns
from .faults import ImportFault
from .validating import ParsedRow

CHUNK = 900  # ids per IN (...) query: under SQLite's oldest limit of 999 parameters

# What an import may change on a stored household or review (and writes history for).
HOUSEHOLD_IMPORT_FIELDS = ("head_name", "village", "area", "member_count", "is_ethnic_minority",
                           "has_labour_capacity")
REVIEW_IMPORT_FIELDS = ("area", "income_per_capita", "has_labour_capacity", "deprivation_count", "category",
                        "status")


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class Existing:
    households: dict[tuple[int, str], Household]  # (commune id, code) → household
    reviews: dict[tuple[int, int], Review]  # (household id, year) → periodic review
    indicator_ids: dict[int, set[int]]  # review id → deprived indicator ids
    cause_ids: dict[int, set[int]]  # review id → cause ids
    with_members: set[int]  # household ids that have a member list
    latest_year: dict[int, int]  # household id → year of its latest stored periodic review

    def household_of(self, r: ParsedRow) -> Household | None:
        return self.households.get((r.commune.pk, r.code))

    def review_of(self, r: ParsedRow) -> Review | None:
        household = self.household_of(r)
        return self.reviews.get((household.pk, r.year)) if household else None


def adopt_stored_codes(rows: list[ParsedRow]) -> None:
    """Codes match whatever their case: a row's code becomes the stored spelling ("xb001" → "XB001").

    One index-only read of each commune's codes (a commune has thousands of households, not millions).
    """
    stored: dict[tuple[int, str], str] = {}
    for commune_id in {r.commune.pk for r in rows}:
        for code in Household.objects.filter(commune_id=commune_id).values_list("code", flat=True).iterator(5000):
            stored.setdefault((commune_id, code.casefold()), code)
    for r in rows:
        r.code = stored.get((r.commune.pk, r.code.casefold()), r.code)


def fetch_existing(rows: list[ParsedRow]) -> Existing:
    adopt_stored_codes(rows)
    codes: dict[int, set[str]] = defaultdict(set)
    years = set()
    for r in rows:
        codes[r.commune.pk].add(r.code)
        years.add(r.year)
    households = {}
    for commune_id, commune_codes in codes.items():
        for chunk in chunks(commune_codes):
            for hh in Household.objects.filter(commune_id=commune_id, code__in=chunk).only(
                    "pk", "commune_id", "current_commune_id", "code", "area_reason", *HOUSEHOLD_IMPORT_FIELDS):
                households[(commune_id, hh.code)] = hh
            # A row of a year after the reform names the new commune: the households that moved there keep
            # their code (one registered in the new commune itself wins a clash).
            for hh in Household.objects.filter(current_commune_id=commune_id, code__in=chunk).only(
                    "pk", "commune_id", "current_commune_id", "code", "area_reason", *HOUSEHOLD_IMPORT_FIELDS):
                households.setdefault((commune_id, hh.code), hh)
    ids = [hh.pk for hh in households.values()]
    reviews, with_members, latest_year = {}, set(), {}
    for chunk in chunks(ids):
        for review in Review.objects.filter(household_id__in=chunk, round=ReviewRound.PERIODIC, year__in=years).only(
                "pk", "household_id", "commune_id", "year", "round", "review_date", "standard_id", "effective_date",
                "approved_by_id", "approved_at", *REVIEW_IMPORT_FIELDS):
            reviews[(review.household_id, review.year)] = review
        with_members.update(Member.objects.filter(household_id__in=chunk).order_by()
                            .values_list("household_id", flat=True).distinct())
        latest_year.update(Review.objects.filter(household_id__in=chunk, round=ReviewRound.PERIODIC)
                           .values_list("household_id").annotate(Max("year")).order_by())
    indicator_ids, cause_ids = defaultdict(set), defaultdict(set)
    review_ids = [r.pk for r in reviews.values()]
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through
    for chunk in chunks(review_ids):
        for review_id, indicator_id in through_i.objects.filter(review_id__in=chunk).values_list(
                "review_id", "indicator_id"):
            indicator_ids[review_id].add(indicator_id)
        for review_id, cause_id in through_c.objects.filter(review_id__in=chunk).values_list(
                "review_id", "povertycause_id"):
            cause_ids[review_id].add(cause_id)
    return Existing(households, reviews, indicator_ids, cause_ids, with_members, latest_year)


def review_matches(r: ParsedRow, review: Review, existing: Existing) -> bool:
    """Whether the row leaves an existing review as it is (household details are not part of a review)."""
    return (
        review.area == (r.area or review.area) and review.income_per_capita == r.income
        and (r.no_labour is None or review.has_labour_capacity == (not r.no_labour))
        and existing.indicator_ids.get(review.pk, set()) == r.indicator_ids
        and (r.cause_ids is None or existing.cause_ids.get(review.pk, set()) == r.cause_ids)
    )


def is_unchanged(r: ParsedRow, review: Review, existing: Existing, *, approve: bool) -> bool:
    """A row that changes nothing is skipped, also over a locked review (an exported file imports again)."""
    return review_matches(r, review, existing) and (review.status == ReviewStatus.APPROVED or not approve)


def lock_faults(rows: list[ParsedRow], existing: Existing, columns: Columns, *, approve: bool) -> list[ImportFault]:
    faults = []
    letter = columns.letter(COL_YEAR)
    for r in rows:
        review = existing.review_of(r)
        if review is None or review.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED):
            continue
        if is_unchanged(r, review, existing, approve=approve):
            continue
        if review.status == ReviewStatus.APPROVED:
            faults.append(ImportFault(r.row, COL_YEAR, letter,
                                      f"Phiếu rà soát năm {r.year} của hộ {r.code} đã được phê duyệt nên bị khóa; "
                                      "cần mở lại (có lý do) trước khi nhập đè."))
        elif not approve:
            faults.append(ImportFault(r.row, COL_YEAR, letter,
                                      f"Phiếu rà soát năm {r.year} của hộ {r.code} đã nộp, đang chờ phê duyệt nên "
                                      "không nhập đè được; cấp phê duyệt cần trả lại trước."))
    return faults
