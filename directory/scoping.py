"""Row-level access: the one place that decides which rows a user may see.

Every model whose rows belong to a unit uses ``ScopedQuerySet`` and names the
path to that unit in ``scope_unit_field`` (``"commune"``, ``"plan__unit"``...).
Views, forms, exports and admin pages then read through ``.for_user(user)``
and fetch single objects with ``get_for_user_or_404``, so an object outside the
user's units is a 404 even when its id is typed into the URL.

A user sees their working unit and everything under it; a superuser or an
administrator sees everything. The working unit (``User.working_unit``) is the
stored ``unit``, except for a commune-level account whose commune has ended: it
follows the commune's lineage to the commune that carries it today (the default
successor), as its official did in real life. Xuân Bái's account works in Xã Lam
Sơn from 01/07/2025 and so sees what Xã Lam Sơn sees, Xuân Bái's history included.
Agency staff see their unit like anyone else; models that narrow further (tasks:
only their agency's) override ``for_user``.

Across the reform of 01/07/2025: a user of a unit that exists after it (a new xã,
new Tỉnh Lào Cai, Thanh Hóa which simply continued) also sees the history of that
unit: every predecessor and everything under those (Xã Lam Sơn sees Thọ Xương,
Xuân Bái and TT Lam Sơn). A user of a legacy unit that has no successor to follow
(a district account: the district level was abolished) keeps exactly that unit's
own tree.

The scope is a short list of path prefixes, read once per request into the list of
unit ids that every scoped query then filters on (``unit IN (ids)``). A model whose rows belong to
a unit through several fields (a household: its commune now, and its commune
before the reform) names them all in ``scope_unit_fields``; a row is visible when
any of them is in scope.

Reading is wider than owning in one way: a row may *name* a unit it does not belong to (a district plan's
quota row names a commune; a target applies to a commune). A model lists those paths in
``scope_named_fields``; ``readable_by(user)`` (and ``get_readable_or_404``) then also returns the rows that
name a unit in the user's scope, so a commune official reads the plans, targets and quota rows that name
their commune, and only those rows. Such rows are read-only: every write path fetches through
``for_user``, which never includes them. Across the reform the named unit is matched against the same
scope as everything else: a new xã reads the rows that name its predecessor communes (Xã Lam Sơn reads the
2024 quota rows of Xuân Bái, Thọ Xương and TT Lam Sơn), and so does the account of an old commune, which
works in that new xã today (``xuanbai`` reads what ``lamson`` reads).
"""

from __future__ import annotations

import contextlib

from django.db import models
from django.http import Http404

from .lookups import Ids

_CACHE_ATTR = "_unit_scope_cache"


class UnitScope:
    """The set of unit ids a user may read. ``None`` means no restriction."""

    def __init__(self, user):
        self.user = user
        self._unit_ids: frozenset[int] | None | bool = False  # False = not computed yet
        self._paths: list[str] | None | bool = False
        self._own_ids: frozenset[int] | None | bool = False

    @property
    def is_unrestricted(self) -> bool:
        user = self.user
        return bool(user.is_superuser or getattr(user, "role", None) == "admin")

    @property
    def unit_ids(self) -> frozenset[int] | None:
        if self._unit_ids is False:
            self._unit_ids = self._compute_unit_ids()
        return self._unit_ids

    @property
    def paths(self) -> list[str] | None:
        """Path prefixes of the units in scope (``None``: everything; ``[]``: nothing)."""
        if self._paths is False:
            self._paths = self._compute_paths()
        return self._paths

    def _compute_paths(self):
        if not self.user.is_authenticated:
            return []
        if self.is_unrestricted:
            return None
        unit = working_unit(self.user)
        if unit is None:
            return []
        from .lineage import historic_paths, is_post_reform

        if not is_post_reform(unit) or not unit.has_predecessors:
            return [unit.path]
        return historic_paths(unit)

    @property
    def own_paths(self) -> list[str] | None:
        """Without history: the user's unit and everything under it (``None``: everything)."""
        paths = self.paths
        if paths is None or not paths:
            return paths
        return [working_unit(self.user).path]

    def units(self, history: bool = True):
        """Queryset of the units in scope (unfiltered for an administrator)."""
        from .models import AdministrativeUnit

        paths = self.paths if history else self.own_paths
        return AdministrativeUnit.objects.all() if paths is None else AdministrativeUnit.objects.under_paths(paths)

    def _compute_unit_ids(self):
        if self.paths is None:
            return None
        return frozenset(self.units().values_list("pk", flat=True)) if self.paths else frozenset()

    def ids(self, history: bool = True) -> frozenset[int] | None:
        """The unit ids in scope, each list computed once per request (``None``: everything)."""
        if history:
            return self.unit_ids
        if self._own_ids is False:
            paths = self.own_paths
            if paths == self.paths:
                # a unit without predecessors: the same units with or without history, one query for both
                self._own_ids = self.unit_ids
            else:
                self._own_ids = None if paths is None else (
                    frozenset(self.units(history=False).values_list("pk", flat=True)) if paths else frozenset())
        return self._own_ids

    def filter(self, queryset: models.QuerySet, unit_fields, *, history: bool = True) -> models.QuerySet:
        """Rows whose unit (any of ``unit_fields``) is in scope; ``history=False`` leaves out the
        predecessors' trees (rows that follow their unit to its successor, e.g. households)."""
        ids = self.ids(history)
        if ids is None:
            return queryset
        if not ids:
            return queryset.none()
        # A literal id list (computed once per request; a province is a few thousand units at most): the
        # planner then serves "first page ordered by (commune_id, code)" from the index (measured by `scale`).
        # ``in_ids`` (directory.lookups): one array parameter, not 600 values prepared one by one.
        fields = (unit_fields,) if isinstance(unit_fields, str) else tuple(unit_fields)
        condition = models.Q()
        for field in fields:
            lookup = "pk__in_ids" if field == "pk" else f"{field}__in_ids"
            condition |= models.Q(**{lookup: Ids(ids)})
        return queryset.filter(condition)

    def contains_unit_id(self, unit_id: int | None, history: bool = True) -> bool:
        ids = self.ids(history)
        return ids is None or unit_id in ids


def working_unit(user):
    """The unit the user works in today (``User.working_unit``: a commune-level account of an ended commune
    works in its successor); the stored ``unit`` for user objects without that property."""
    if hasattr(user, "working_unit"):
        return user.working_unit
    return getattr(user, "unit", None)


def scope_for(user) -> UnitScope:
    """The user's scope, computed once per user object (i.e. once per request)."""
    scope = getattr(user, _CACHE_ATTR, None)
    if scope is None:
        scope = UnitScope(user)
        with contextlib.suppress(AttributeError):
            setattr(user, _CACHE_ATTR, scope)
    return scope


class ScopedQuerySet(models.QuerySet):
    #: path from this model to the AdministrativeUnit that owns a row
    scope_unit_field: str = "unit"
    #: several such paths, OR-ed (e.g. ``("commune", "current_commune")``); overrides the one above
    scope_unit_fields: tuple[str, ...] = ()
    #: False: a user of a new unit sees only rows of its own tree, not its predecessors' (rows that
    #: moved to their successor units, so that a split commune's other part stays out of sight)
    scope_history: bool = True

    #: paths to units a row names without belonging to them (a quota row's commune): see the module doc
    scope_named_fields: tuple[str, ...] = ()

    def for_user(self, user):
        """The rows the user may read and write (their units' own rows)."""
        return scope_for(user).filter(self, self.scope_unit_fields or self.scope_unit_field,
                                      history=self.scope_history)

    def readable_by(self, user):
        """``for_user`` plus the rows that name one of the user's units (read-only: never write through this)."""
        owned = self.for_user(user)
        ids = scope_for(user).ids(history=True)
        if not self.scope_named_fields or ids is None or not ids:
            return owned
        # One subquery per named path: a multi-valued path (a plan's quota rows) still yields each row once.
        base = self.model._default_manager.all()
        named = models.Q()
        for field in self.scope_named_fields:
            named |= models.Q(pk__in=base.filter(**{f"{field}__in": ids}).values("pk"))
        return self.filter(models.Q(pk__in=owned.values("pk")) | named)


def get_for_user_or_404(queryset_or_model, user, **lookup):
    """Fetch one object the user may see, or raise 404 (never 403: no hint that it exists)."""
    return _get_or_404(queryset_or_model, user, "for_user", lookup)


def get_readable_or_404(queryset_or_model, user, **lookup):
    """Like ``get_for_user_or_404``, also finding rows that only name one of the user's units (read-only)."""
    return _get_or_404(queryset_or_model, user, "readable_by", lookup)


def _get_or_404(queryset_or_model, user, method, lookup):
    queryset = queryset_or_model
    if isinstance(queryset_or_model, type) and issubclass(queryset_or_model, models.Model):
        queryset = queryset_or_model._default_manager.all()
    try:
        return getattr(queryset, method)(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy hoặc bạn không có quyền xem.") from exc
