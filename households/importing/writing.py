"""Stage 5, write: the plan into the database, inside the caller's transaction.

New rows go in bulk (``Inserter``: COPY on PostgreSQL, one prepared statement on SQLite);
changed rows by ``update_rows`` (one ``UPDATE … FROM (VALUES …)`` per batch on PostgreSQL, Django's
``bulk_update`` elsewhere); every change leaves its history row and review event,
each naming the Excel row it came from.
"""

from __future__ import annotations

import datetime
import io
from collections import defaultdict

from django.db import connection
from django.db.models import F

from ..models import (
    Category,
    HistoryAction,
    HistoryEntry,
    Household,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewRound,
    ReviewStatus,
    default_effective_date,
)
from .matching import chunks
from .planning import HISTORY_FIELDS, HOUSEHOLD_UPDATE_FIELDS, REVIEW_UPDATE_FIELDS, Plan

BATCH = 1000  # rows per INSERT/UPDATE statement


def _copy_text(value: str) -> str:
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value


def _copy_other(value) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return _copy_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# By exact type: one dict lookup per value instead of a chain of isinstance (a 50.000-row import writes
# about 2 million values).
_COPY_BY_TYPE = {type(None): lambda value: "\\N", bool: lambda value: "t" if value else "f", str: _copy_text,
                 int: str, datetime.date: datetime.date.isoformat, datetime.datetime: datetime.datetime.isoformat}


def _copy_value(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    return (_COPY_BY_TYPE.get(type(value)) or _copy_other)(value)


class Inserter:
    """INSERT many rows of one model, straight from plain tuples: the import's hot path.

    ``bulk_create`` spends most of its time preparing each value through the ORM. The rows
    here are already checked and hold plain values, so they go straight to the database;
    every column not given gets its model default (``auto_now``/``auto_now_add`` columns:
    the import's time) once, except generated columns (``Household.head_name_key``): the
    database computes those.

    PostgreSQL gets ``COPY … FROM STDIN`` (one stream per table); SQLite prepares one
    statement and runs it per row (``executemany``, fast in-process); ``multi_row=True``
    uses multi-row ``VALUES`` lists, one round trip per batch (any database).
    """

    def __init__(self, model, fields: list[str], *, now, multi_row: bool | None = None):
        meta = model._meta
        given = {meta.get_field(name).column for name in fields}
        fixed = {}
        for f in meta.concrete_fields:
            if f.primary_key or f.column in given or f.generated:  # generated: the database computes it
                continue
            fixed[f] = now if (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)) else f.get_default()
        quote = connection.ops.quote_name
        self.table = quote(meta.db_table)
        columns = [meta.get_field(name).column for name in fields] + [f.column for f in fixed]
        self.column_list = ", ".join(quote(c) for c in columns)
        if multi_row is None:
            self.method = {"postgresql": "copy", "sqlite": "executemany"}.get(connection.vendor, "values")
        else:
            self.method = "values" if multi_row else "executemany"
        self.fixed = tuple(f.get_db_prep_save(value, connection) for f, value in fixed.items())
        self.fixed_text = "".join("\t" + _copy_value(value) for value in fixed.values())
        self.head = f"INSERT INTO {self.table} ({self.column_list}) VALUES "
        self.placeholders = f"({', '.join(['%s'] * len(columns))})"
        limit = connection.features.max_query_params
        self.rows_per_statement = min(BATCH, limit // len(columns)) if limit else BATCH

    def insert(self, rows: list[tuple]) -> None:
        if not rows:
            return
        if self.method == "copy":
            self._copy(rows)
            return
        fixed = self.fixed
        with connection.cursor() as cursor:
            if self.method == "executemany":
                for start in range(0, len(rows), BATCH * 2):
                    cursor.executemany(self.head + self.placeholders,
                                       [row + fixed for row in rows[start:start + BATCH * 2]])
                return
            step = self.rows_per_statement
            for start in range(0, len(rows), step):
                chunk = rows[start:start + step]
                cursor.execute(self.head + ", ".join([self.placeholders] * len(chunk)),
                               [value for row in chunk for value in row + fixed])

    def _copy(self, rows: list[tuple]) -> None:
        tail = self.fixed_text + "\n"
        by_type, other = _COPY_BY_TYPE.get, _copy_other
        text = "".join(["\t".join([(by_type(type(v)) or other)(v) for v in row]) + tail for row in rows])
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {self.table} ({self.column_list}) FROM STDIN",
                                      io.StringIO(text))


def update_rows(model, objs: list, fields: list[str], *, now) -> None:
    """Write ``fields`` of ``objs`` (model instances), set ``updated_at`` to ``now`` and bump ``version``.

    PostgreSQL: one ``UPDATE … FROM (VALUES …)`` per batch. Django's ``bulk_update`` builds a
    ``CASE WHEN pk = … THEN …`` expression per field and row: 6,5 s of a 50.000-row import for the
    1.200 households whose minority flag it changed (measured by ``scale``, issue 12). SQLite and the
    others keep ``bulk_update`` (the same result).
    """
    if not objs:
        return
    meta = model._meta
    targets = [meta.get_field(name) for name in fields]
    if connection.vendor != "postgresql":
        for obj in objs:
            obj.updated_at = now
            obj.version = F("version") + 1
        model.objects.bulk_update(objs, fields + ["updated_at", "version"], batch_size=BATCH)
        for obj in objs:
            obj.version = None  # F() was applied in the database; the object is not reused
        return
    quote = connection.ops.quote_name
    pk = meta.pk
    casts = [pk.db_type(connection)] + [f.db_type(connection) for f in targets]
    placeholder = "(" + ", ".join(f"%s::{cast}" for cast in casts) + ")"
    names = ["pk"] + [f"f{i}" for i in range(len(targets))]
    assignments = ", ".join(f"{quote(f.column)} = v.{name}" for f, name in zip(targets, names[1:], strict=True))
    table = quote(meta.db_table)
    head = (f"UPDATE {table} SET {assignments}, {quote('updated_at')} = %s, {quote('version')} = "
            f"{table}.{quote('version')} + 1 FROM (VALUES ")
    tail = f") AS v ({', '.join(names)}) WHERE {table}.{quote(pk.column)} = v.pk"
    stamp = meta.get_field("updated_at").get_db_prep_save(now, connection)
    with connection.cursor() as cursor:
        for chunk in chunks(objs, BATCH):
            params = [stamp]
            for obj in chunk:
                params.append(obj.pk)
                params += [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in targets]
            cursor.execute(head + ", ".join([placeholder] * len(chunk)) + tail, params)


def _adapt_datetime(value):
    return connection.ops.adapt_datetimefield_value(value) if value is not None else None


def write_plan(plan: Plan, *, actor_id: int | None, progress=None) -> set[int]:
    """Write the plan; returns the ids of the households whose reviews were written."""
    now = plan.now
    history: list[tuple] = []

    household_ids = _insert_households(plan, actor_id, history)
    update_rows(Household, plan.changed_households, HOUSEHOLD_UPDATE_FIELDS, now=now)
    history += plan.household_history

    indicator_rows: list[tuple] = []
    cause_rows: list[tuple] = []
    events: list[tuple] = []
    written = _insert_reviews(plan, household_ids, actor_id, history, events, indicator_rows, cause_rows)
    if progress is not None:
        progress.written = len(plan.new_reviews)
    if plan.changed_reviews:
        update_rows(Review, [c.review for c in plan.changed_reviews], REVIEW_UPDATE_FIELDS, now=now)
        replace_causes = []
        for c in plan.changed_reviews:
            indicator_rows += [(c.review.pk, i) for i in c.row.indicator_ids]
            if c.row.cause_ids is not None:
                replace_causes.append(c.review.pk)
                cause_rows += [(c.review.pk, i) for i in c.row.cause_ids]
            events.append((c.review.pk, ReviewAction.IMPORTED, c.old_status, c.review.status, plan.note(c.row),
                           actor_id))
            written.add(c.review.household_id)
        through_i, through_c = Review.deprived_indicators.through, Review.causes.through
        for chunk in chunks([c.review.pk for c in plan.changed_reviews]):
            through_i.objects.filter(review_id__in=chunk).delete()
        for chunk in chunks(replace_causes):
            through_c.objects.filter(review_id__in=chunk).delete()
    if progress is not None:
        progress.written = len(plan.new_reviews) + len(plan.changed_reviews)
    history += plan.review_history

    # The many-to-many rows in bulk too (never ``.set()`` per review).
    Inserter(Review.deprived_indicators.through, ["review_id", "indicator_id"], now=now).insert(indicator_rows)
    Inserter(Review.causes.through, ["review_id", "povertycause_id"], now=now).insert(cause_rows)
    Inserter(ReviewEvent, ["review_id", "action", "from_status", "to_status", "comment", "actor_id"],
             now=now).insert(events)
    Inserter(HistoryEntry, HISTORY_FIELDS, now=now).insert(history)
    return written


def reserve_ids(model, count: int) -> list[int] | None:
    """PostgreSQL: ``count`` new ids from the table's sequence, so that COPY writes them and no query has to
    find the rows again afterwards (one per commune, 1 s of a 50.000-row import). None elsewhere."""
    if connection.vendor != "postgresql" or not count:
        return None
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [meta.db_table, meta.pk.column, count])
        return [pk for (pk,) in cursor.fetchall()]


def _insert_with_ids(model, fields: list[str], rows: list[tuple], *, now, find_ids) -> list[int]:
    """Insert ``rows``; returns their ids in order. ``find_ids()`` (where no ids can be reserved) maps each
    row's index to its id by reading the rows back (they carry this import's timestamp)."""
    ids = reserve_ids(model, len(rows))
    if ids is not None:
        Inserter(model, ["id", *fields], now=now).insert([(pk, *row) for pk, row in zip(ids, rows, strict=True)])
        return ids
    Inserter(model, fields, now=now).insert(rows)
    return find_ids()


def _insert_households(plan: Plan, actor_id, history: list[tuple]) -> dict[tuple[int, str], int]:
    """Insert the new households; returns (commune id, code) → new id, and adds their history."""
    if not plan.new_households:
        return {}
    now = plan.now
    new_households = plan.new_households

    def find_ids() -> list[int]:
        # One query per commune (COPY and executemany return no ids), without IN lists of thousands of codes.
        found = {}
        for commune_id in sorted({h.commune_id for h in new_households}):
            for pk, code in Household.objects.filter(commune_id=commune_id, created_at=now).values_list("pk", "code"):
                found[(commune_id, code)] = pk
        return [found[h.key] for h in new_households]

    ids = _insert_with_ids(
        Household, ["code", "commune_id", "head_name", "village", "area", "member_count", "is_ethnic_minority",
                    "has_labour_capacity", "created_by_id"],
        [(h.code, h.commune_id, h.head_name, h.village, h.area, h.member_count, h.is_ethnic_minority,
          h.has_labour_capacity, actor_id) for h in new_households], now=now, find_ids=find_ids)
    for new, pk in zip(new_households, ids, strict=True):
        history.append((pk, "household", pk, f"Hộ {new.code}", HistoryAction.CREATE, "", "", "", "",
                        plan.note(new.row), actor_id))
    return {new.key: pk for new, pk in zip(new_households, ids, strict=True)}


def _insert_reviews(plan: Plan, household_ids, actor_id, history, events, indicator_rows, cause_rows) -> set[int]:
    if not plan.new_reviews:
        return set()
    now = plan.now
    status = plan.status_for_new
    approved_by, approved_at = (actor_id, _adapt_datetime(now)) if plan.approve else (None, None)
    effective = {}
    rows = []
    for n in plan.new_reviews:
        household_id = n.household_id if n.household_id is not None else household_ids[n.household_key]
        if n.year not in effective:
            effective[n.year] = connection.ops.adapt_datefield_value(default_effective_date(n.year, None))
        rows.append((household_id, n.commune_id, n.year, ReviewRound.PERIODIC, effective[n.year], n.standard_id,
                     n.area, n.income, n.deprivation_count, n.category, n.has_labour_capacity, status, actor_id,
                     approved_by, approved_at))

    def find_ids() -> list[int]:
        found = {}
        for commune_id in sorted({n.commune_id for n in plan.new_reviews}):
            for pk, household_id, year in Review.objects.filter(commune_id=commune_id, created_at=now).values_list(
                    "pk", "household_id", "year"):
                found[(household_id, year)] = pk
        return [found[(row[0], row[2])] for row in rows]

    ids = _insert_with_ids(
        Review, ["household_id", "commune_id", "year", "round", "effective_date", "standard_id", "area",
                 "income_per_capita", "deprivation_count", "category", "has_labour_capacity", "status",
                 "created_by_id", "approved_by_id", "approved_at"], rows, now=now, find_ids=find_ids)
    category_label = dict(Category.choices)
    category_field = str(Review._meta.get_field("category").verbose_name)
    for n, row, pk in zip(plan.new_reviews, rows, ids, strict=True):
        r = n.row
        indicator_rows += [(pk, i) for i in r.indicator_ids]
        cause_rows += [(pk, c) for c in r.cause_ids or ()]
        note = plan.note(r)
        history.append((row[0], "review", pk, f"Rà soát {n.year} (định kỳ hằng năm)", HistoryAction.CREATE,
                        "category", category_field, "", category_label[n.category], note, actor_id))
        events.append((pk, ReviewAction.IMPORTED, "", status, note, actor_id))
    return {row[0] for row in rows}


def refresh_current_status(household_ids) -> int:
    """Each household's current category/year = its latest approved review; returns how many changed.

    The rule of ``services.household_refresh_status`` (latest by effective date, then year,
    then id), computed in Python from one query per chunk and written as one UPDATE per
    (category, year) group: a row-by-row ``bulk_update`` takes minutes for a 50.000-row list.
    """
    changed: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for chunk in chunks(sorted(set(household_ids))):
        best: dict[int, tuple] = {}
        for household_id, effective_date, year, pk, category in Review.objects.filter(
                household_id__in=chunk, status=ReviewStatus.APPROVED).values_list(
                "household_id", "effective_date", "year", "pk", "category"):
            candidate = (effective_date, year, pk, category)
            if household_id not in best or candidate[:3] > best[household_id][:3]:
                best[household_id] = candidate
        for pk, current_category, current_year in Household.objects.filter(pk__in=chunk).values_list(
                "pk", "current_category", "current_year"):
            _, year, _, category = best.get(pk, (None, None, None, ""))
            if (current_category, current_year) != (category, year):
                changed[(category, year)].append(pk)
    for (category, year), ids in changed.items():
        for chunk in chunks(ids):
            Household.objects.filter(pk__in=chunk).update(current_category=category, current_year=year)
    return sum(len(ids) for ids in changed.values())
