"""The unit search box (issue 10, point 7): type a few letters, with or without diacritics, pick a unit.

Never a drop-down of thousands: ``search_units`` returns at most ``LIMIT`` units the user may read,
best matches first, from the indexed ``name_key`` ("xuan bai") or a code prefix. The JSON view serves
``static/js/unit_search.js``; ``UnitSearchField`` / ``UnitSearchWidget`` put the box in any form
(the chosen unit's id travels in a hidden input, so a form without JavaScript still posts an id).
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET

from .lookup import name_key
from .models import AdministrativeUnit, UnitLevel

LIMIT = 20
MIN_LETTERS = 2


def unit_label(unit: AdministrativeUnit) -> str:
    """ "Xã Xuân Bái (Thọ Xuân, Thanh Hóa) · đến 30/06/2025": what the list shows for one unit."""
    parents = [p.name for p in reversed(unit.ancestors())]
    where = f" ({', '.join(parents)})" if parents else ""
    period = "" if unit.valid_from is None and unit.valid_to is None else f" · {unit.period_label}"
    return f"{unit.kind_and_name}{where}{period}"


def search_units(queryset, text: str, *, level: str | None = None, on: datetime.date | None = None,
                 limit: int = LIMIT):
    """Units of ``queryset`` (already scoped) whose name contains ``text`` (any case or diacritics, no
    prefix needed) or whose code starts with it; exact names first, then names starting with it."""
    text = (text or "").strip()
    if level in UnitLevel.values:
        queryset = queryset.filter(level=level)
    if on is not None:
        queryset = queryset.valid_on(on)
    if text.isdigit():
        return list(queryset.filter(code__startswith=text).select_related("parent__parent")
                    .order_by("code", "-valid_from")[:limit])
    key = name_key(text)
    if len(key.replace(" ", "")) < MIN_LETTERS:
        return []
    rank = Case(When(name_key=key, then=Value(0)), When(name_key__startswith=key, then=Value(1)),
                default=Value(2), output_field=IntegerField())
    return list(queryset.filter(name_key__contains=key).annotate(rank=rank).select_related("parent__parent")
                .order_by("rank", "level", "name_key", "path")[:limit])


def _day(text):
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@login_required
@require_GET
def unit_search_view(request):
    """GET ?q=xuan bai[&level=commune][&on=2025-12-31] -> {"results": [{"id", "label", "code"}]}."""
    units = search_units(AdministrativeUnit.objects.for_user(request.user), request.GET.get("q", ""),
                         level=request.GET.get("level"), on=_day(request.GET.get("on")))
    return JsonResponse({"results": [{"id": u.pk, "label": unit_label(u), "code": u.code} for u in units]})


class UnitSearchWidget(forms.Widget):
    """A search box plus a hidden input holding the chosen unit's id (static/js/unit_search.js)."""

    template_name = "directory/widgets/unit_search.html"

    def __init__(self, *, level: str | None = None, on: datetime.date | None = None, attrs=None):
        super().__init__(attrs)
        self.level, self.on = level, on

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        unit = None
        if value not in (None, ""):
            unit = AdministrativeUnit.objects.filter(pk=value).select_related("parent__parent").first() \
                if str(value).isdigit() else None
        context["widget"].update({
            "url": reverse_lazy("unit_search"), "level": self.level or "",
            "on": self.on.isoformat() if self.on else "", "label": unit_label(unit) if unit else "",
        })
        return context


class UnitSearchField(forms.ModelChoiceField):
    """A unit chosen with the search box; ``queryset`` (scoped by the form) still decides what is valid."""

    def __init__(self, queryset, *, level: str | None = None, on: datetime.date | None = None, **kwargs):
        kwargs.setdefault("widget", UnitSearchWidget(level=level, on=on))
        kwargs.setdefault("error_messages", {"invalid_choice": "Hãy gõ vài chữ của tên đơn vị rồi chọn trong danh "
                                                               "sách (đơn vị phải thuộc địa bàn của bạn)."})
        super().__init__(queryset, **kwargs)
