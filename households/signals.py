"""Signals other apps listen to (households imports no app to its right).

``reviews_changed`` is sent on commit after approvals, reopenings and imports,
with ``commune_ids`` (set of AdministrativeUnit ids) and ``years`` (set of review
years); the reports app connects its dashboard refresh to it.
"""

from django.dispatch import Signal

reviews_changed = Signal()

#: sent on commit when ``households.rehoming`` moved households to another current commune, with
#: ``commune_ids`` (the communes they are registered in); the dashboard recounts today's boundaries.
households_rehomed = Signal()
