"""Row-level access: the one place that decides which rows a user may see.

Every model whose rows belong to a unit uses ``ScopedQuerySet`` and names the
path to that unit in ``scope_unit_field`` (``"commune"``, ``"plan__unit"``...).
Views, forms, exports and admin pages then read through ``.for_user(user)``
and fetch single objects with ``get_for_user_or_404``, so an object outside the
user's units is a 404 even when its id is typed into the URL.

A user sees their own unit and everything under it; a superuser or an
administrator sees everything. Agency staff see their unit like anyone else;
models that narrow further (tasks: only their agency's) override ``for_user``.
"""

from __future__ import annotations

import contextlib

from django.db import models
from django.http import Http404

_CACHE_ATTR = "_unit_scope_cache"


class UnitScope:
    """The set of unit ids a user may read. ``None`` means no restriction."""

    def __init__(self, user):
        self.user = user
        self._unit_ids: frozenset[int] | None | bool = False  # False = not computed yet

    @property
    def is_unrestricted(self) -> bool:
        user = self.user
        return bool(user.is_superuser or getattr(user, "role", None) == "admin")

    @property
    def unit_ids(self) -> frozenset[int] | None:
        if self._unit_ids is False:
            self._unit_ids = self._compute_unit_ids()
        return self._unit_ids

    def _compute_unit_ids(self):
        if not self.user.is_authenticated:
            return frozenset()
        if self.is_unrestricted:
            return None
        unit = self.user.unit
        if unit is None:
            return frozenset()
        from .models import AdministrativeUnit

        # A province has a few hundred units at most: one small query, then the
        # id list is reused by every scoped query of the request.
        return frozenset(
            AdministrativeUnit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True)
        )

    def filter(self, queryset: models.QuerySet, unit_field: str) -> models.QuerySet:
        ids = self.unit_ids
        if ids is None:
            return queryset
        if not ids:
            return queryset.none()
        lookup = "pk__in" if unit_field == "pk" else f"{unit_field}__in"
        return queryset.filter(**{lookup: ids})

    def contains_unit_id(self, unit_id: int | None) -> bool:
        ids = self.unit_ids
        return ids is None or unit_id in ids


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

    def for_user(self, user):
        return scope_for(user).filter(self, self.scope_unit_field)


def get_for_user_or_404(queryset_or_model, user, **lookup):
    """Fetch one object the user may see, or raise 404 (never 403: no hint that it exists)."""
    queryset = queryset_or_model
    if isinstance(queryset_or_model, type) and issubclass(queryset_or_model, models.Model):
        queryset = queryset_or_model._default_manager.all()
    try:
        return queryset.for_user(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy hoặc bạn không có quyền xem.") from exc
