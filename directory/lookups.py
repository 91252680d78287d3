"""``field__in_ids=[...]``: ``IN`` for a long list of integer ids, without Django's per-value preparation.

A province's pages filter by the ids of its ~600 units (``directory.scoping.UnitScope``, the dashboard's
communes) several times a request; Django's ``__in`` prepares, normalises and binds each value one by one
(about 1 ms of CPU per 600 ids per filter, measured with pyinstrument on the province dashboard). Ids read
from the database need none of that. On PostgreSQL the list is one array parameter: ``col = ANY(%s)``, the
same plan as ``IN (...)`` (the planner turns an IN list into ``= ANY(array)`` itself). Elsewhere (SQLite)
it is an ordinary ``IN (%s, ...)``.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup


class InIds(Lookup):
    lookup_name = "in_ids"
    prepare_rhs = False

    def get_prep_lookup(self):
        # ints only (ids read from the database): anything else is a programming error, not user input
        ids = [int(pk) for pk in self.rhs]
        return ids

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if not self.rhs:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", (*lhs_params, *self.rhs)


def install() -> None:
    Field.register_lookup(InIds)
    ForeignObject.register_lookup(InIds)  # related fields keep their own lookup table
