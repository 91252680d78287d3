"""``field__in_ids=[...]``: ``IN`` for a long list of integer ids, without Django's per-value preparation.

A province's pages filter by the ids of its ~600 units (``directory.scoping.UnitScope``, the dashboard's
communes) several times a request; Django's ``__in`` prepares, normalises and binds each value one by one
(about 1 ms of CPU per 600 ids per filter, measured with pyinstrument on the province dashboard). Ids read
from the database need none of that. On PostgreSQL the list is one array parameter: ``col = ANY(%s)``, the
same plan as ``IN (...)`` (the planner turns an IN list into ``= ANY(array)`` itself), passed as one text
``'{1,2,...}'`` cast to the column's array type. Elsewhere (SQLite)
it is an ordinary ``IN (%s, ...)``.

Pass the ids wrapped in ``Ids``: a list, tuple or set given to a filter is still walked value by value while the
filter is built (``Query.resolve_lookup_value`` resolves each item as a possible expression, and on a relation
``check_related_objects`` type-checks each), ~1,200 calls per filter of a province's communes; an ``Ids`` reaches
the lookup untouched. A plain iterable still works.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup


class Ids:
    """Integer ids read from the database, for ``field__in_ids=Ids(ids)`` (see the module docstring)."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = values

    def __repr__(self):
        return f"Ids({len(self.values)} ids)"


class InIds(Lookup):
    lookup_name = "in_ids"
    prepare_rhs = False

    def get_prep_lookup(self):
        # ints only (ids read from the database): anything else is a programming error, not user input
        values = self.rhs.values if isinstance(self.rhs, Ids) else self.rhs
        return [int(pk) for pk in values]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if not self.rhs:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            # One text parameter cast to an array of the column's type: psycopg2 adapts a list value by value
            # (0.7 ms of CPU per 600 ids, several times a province page); joining the ints here is ~0.05 ms.
            kind = getattr(self.lhs.output_field, "db_type", lambda _: None)(connection)
            array = "integer[]" if kind in ("integer", "smallint") else "bigint[]"
            return f"{lhs} = ANY(%s::{array})", (*lhs_params, "{" + ",".join(map(str, self.rhs)) + "}")
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", (*lhs_params, *self.rhs)


def install() -> None:
    Field.register_lookup(InIds)
    ForeignObject.register_lookup(InIds)  # related fields keep their own lookup table
