"""Stage 3, match: the stored households and reviews the rows name, and the rows that may not touch them.

One query per chunk of codes / ids (never one per row). A submitted review waits for its
approver and an approved one is locked: a row that would change either is a row fault.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Lookup, Q

from ..models import Household, Member, Review, ReviewRound, ReviewStatus
from .columns import COL_YEAR, Columns
from .faults import ImportFault
from .validating import ParsedRow

CHUNK = 900  # ids per IN (...) query: under SQLite's oldest limit of 999 parameters
LARGE_CHUNK = 10_000  # where the database has no parameter limit (PostgreSQL): fewer round trips

# What an import may change on a stored household or review (and writes history for).
HOUSEHOLD_IMPORT_FIELDS = ("head_name", "village", "area", "member_count", "is_ethnic_minority",
                           "has_labour_capacity")
REVIEW_IMPORT_FIELDS = ("area", "income_per_capita", "has_labour_capacity", "deprivation_count", "category",
                        "status")


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def id_chunks(items):
    """Chunks of ids for ``IN (...)``: 900 under a parameter limit (SQLite), else 10.000."""
    return chunks(items, CHUNK if connection.features.max_query_params else LARGE_CHUNK)


class AnyOf(Lookup):
    """``column = ANY(%s)``: the ids as one array parameter (PostgreSQL). Django compiles ``IN`` with a
    parameter per id, prepared one by one: 70 ms per 10.000 ids, 0,7 s of a 50.000-row import."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [[int(pk) for pk in value]]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


def ids_in(field: str, ids: list[int]):
    """A filter "``field`` is one of ``ids``": ``= ANY(array)`` on PostgreSQL, ``IN (...)`` elsewhere."""
    if connection.vendor == "postgresql":
        return AnyOf(F(field), ids)
    return Q(**{f"{field}__in": ids})


STORED_HOUSEHOLD_FIELDS = ("id", "commune_id", "current_commune_id", "code", "area_reason", *HOUSEHOLD_IMPORT_FIELDS)
assert STORED_HOUSEHOLD_FIELDS[5:] == ("head_name", "village", "area", "member_count", "is_ethnic_minority",
                                       "has_labour_capacity")  # StoredHousehold.__init__ unpacks in this order


class StoredHousehold:
    """A stored household as the import reads it: plain values from one ``values_list`` row.

    A model instance per matched household cost 3 s of a 50.000-row import (issue 12); one is made
    only for a household that changes or whose review is updated (``model()``, made once and kept).
    """

    __slots__ = (*STORED_HOUSEHOLD_FIELDS, "_model")

    def __init__(self, values: tuple):
        # Unpacked in one statement (a setattr loop cost 0,8 s for 60.000 rows); the order is STORED_HOUSEHOLD_FIELDS'.
        (self.id, self.commune_id, self.current_commune_id, self.code, self.area_reason, self.head_name, self.village,
         self.area, self.member_count, self.is_ethnic_minority, self.has_labour_capacity) = values
        self._model = None

    @property
    def pk(self) -> int:
        return self.id

    def model(self) -> Household:
        """The ``Household`` with these values (its other fields deferred, as ``.only()`` gives them)."""
        if self._model is None:
            # from_db takes the values in the model's field order, the others deferred
            names = [f.attname for f in Household._meta.concrete_fields if f.attname in STORED_HOUSEHOLD_FIELDS]
            self._model = Household.from_db(Household.objects.db, names, [getattr(self, name) for name in names])
        return self._model

    def set(self, name: str, value) -> None:
        """Change a field here and on the model instance, if one was made."""
        setattr(self, name, value)
        if self._model is not None:
            setattr(self._model, name, value)


@dataclass
class Existing:
    households: dict[tuple[int, str], StoredHousehold]  # (commune id, code) → household
    reviews: dict[tuple[int, int], Review]  # (household id, year) → periodic review
    indicator_ids: dict[int, set[int]]  # review id → deprived indicator ids
    cause_ids: dict[int, set[int]]  # review id → cause ids
    with_members: set[int]  # household ids that have a member list
    latest_year: dict[int, int]  # household id → year of its latest stored periodic review, if ≥ the file's earliest

    def household_of(self, r: ParsedRow) -> StoredHousehold | None:
        return self.households.get((r.commune.pk, r.code))

    def review_of(self, r: ParsedRow) -> Review | None:
        household = self.household_of(r)
        return self.reviews.get((household.pk, r.year)) if household else None


def _stored_households(**where) -> list[StoredHousehold]:
    return [StoredHousehold(values) for values in
            Household.objects.filter(**where).values_list(*STORED_HOUSEHOLD_FIELDS)]


def fetch_existing(rows: list[ParsedRow]) -> Existing:
    """The stored rows the file names.

    Households: one read of each named commune's households (a commune has thousands, not millions),
    which also gives each row's code its stored spelling ("xb001" → "XB001": codes match whatever their
    case); then, for the codes not registered there, the households that moved into the commune (a row of
    a year after the reform names the new commune; one registered in the new commune itself wins a clash).
    Reviews, members and the deprivations: one query per chunk of ids.
    """
    by_commune: dict[int, list[ParsedRow]] = defaultdict(list)
    years = set()
    for r in rows:
        by_commune[r.commune.pk].append(r)
        years.add(r.year)
    households: dict[tuple[int, str], StoredHousehold] = {}
    for commune_id, commune_rows in by_commune.items():
        registered: dict[str, StoredHousehold] = {}
        for hh in _stored_households(commune_id=commune_id):
            registered.setdefault(hh.code.casefold(), hh)
        missing = set()
        for r in commune_rows:
            hh = registered.get(r.code.casefold())
            if hh is None:
                missing.add(r.code)
            else:
                r.code = hh.code
                households[(commune_id, hh.code)] = hh
        for chunk in id_chunks(sorted(missing)):
            for hh in _stored_households(current_commune_id=commune_id, code__in=chunk):
                households.setdefault((commune_id, hh.code), hh)
    ids = sorted({hh.pk for hh in households.values()})
    reviews, with_members, latest_year = {}, set(), {}
    reviewed = set()  # households with a stored review of one of the file's years
    earliest = min(years)
    for chunk in id_chunks(ids):
        # Each household's periodic years from the file's earliest on: its latest year (when it is not older:
        # an older one never stops a row, see planning) and whether a review of the file's years is stored.
        # Next year's list reads no row here.
        stored = Review.objects.filter(ids_in("household_id", chunk), round=ReviewRound.PERIODIC, year__gte=earliest)
        for household_id, year in stored.order_by().values_list("household_id", "year"):
            if year > latest_year.get(household_id, 0):
                latest_year[household_id] = year
            if year in years:
                reviewed.add(household_id)
        with_members.update(Member.objects.filter(ids_in("household_id", chunk)).order_by()
                            .values_list("household_id", flat=True).distinct())
    # The stored reviews themselves only where there are some (next year's list has none).
    for chunk in id_chunks(sorted(reviewed)):
        for review in Review.objects.filter(ids_in("household_id", chunk), round=ReviewRound.PERIODIC,
                                            year__in=years).only(
                "pk", "household_id", "commune_id", "year", "round", "review_date", "standard_id", "effective_date",
                "approved_by_id", "approved_at", *REVIEW_IMPORT_FIELDS):
            reviews[(review.household_id, review.year)] = review
    indicator_ids, cause_ids = defaultdict(set), defaultdict(set)
    review_ids = [r.pk for r in reviews.values()]
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through
    for chunk in id_chunks(review_ids):
        for review_id, indicator_id in through_i.objects.filter(ids_in("review_id", chunk)).values_list(
                "review_id", "indicator_id"):
            indicator_ids[review_id].add(indicator_id)
        for review_id, cause_id in through_c.objects.filter(ids_in("review_id", chunk)).values_list(
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
