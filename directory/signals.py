"""Signals the directory sends; other apps listen (the directory imports none of them)."""

from django.dispatch import Signal

#: Sent after units or their lineage were loaded or changed (``load_admin_units``), so that
#: records pointing at units (households' current commune) can follow their successors.
#: Keyword arguments: ``unit_ids`` (set of ids created or changed; may be large) and
#: ``effective_date`` (the reform day involved, or None).
lineage_changed = Signal()
