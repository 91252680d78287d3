"""Leadership dashboard: thin views over ``dashboard.selectors`` (pre-aggregated figures only)."""

from __future__ import annotations

import io

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from directory.access import CapabilityRequiredMixin
from directory.models import AdministrativeUnit
from directory.unit_search import UnitSearchField

from . import selectors
from .ended import ended_unit
from .excel import SHEET_NAMES, build_dashboard_workbook
from .forms import DashboardFilterForm
from .map import commune_map

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_ORDER = ["rate_by_unit", "rate_over_years", "quota_progress", "deprivation_profile", "causes", "timeliness"]


def _data(request):
    form = DashboardFilterForm(request.GET)
    params = form.cleaned_data if form.is_valid() else {}
    unit = selectors.dashboard_unit(request.user, params.get("don_vi"))
    today = timezone.localdate()
    years = selectors.figure_years(unit)
    history = selectors.history_communes(unit)  # read once: each year's communes are a filter of it
    completion = selectors.year_completion(unit, years, history)
    year = params.get("nam") or selectors.default_year(years, today, completion)
    data = selectors.dashboard_data(request.user, unit, year, today, years, params.get("dia_gioi") or None,
                                    history)
    data.completion = completion
    return data, years, params


def starts_on_picker(user, query) -> bool:
    """Administrators and province roles start on a unit search box: a whole province (or the country) is
    rarely what they came for, and the first province in the list is rarely theirs."""
    if query.get("don_vi"):
        return False
    unit = getattr(user, "working_unit", None)
    return unit is None or unit.is_province


class UnitPickerForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"] = UnitSearchField(AdministrativeUnit.objects.for_user(user), label="Đơn vị",
                                                required=True)


class DashboardView(CapabilityRequiredMixin, View):
    def get(self, request):
        if starts_on_picker(request.user, request.GET):
            return render(request, "dashboard/pick_unit.html", {
                "form": UnitPickerForm(user=request.user),
                "own_unit": request.user.working_unit,
                "provinces": AdministrativeUnit.objects.for_user(request.user).provinces().order_by("name")[:70],
            })
        data, years, _ = _data(request)
        charts = [(key, data.charts[key]) for key in CHART_ORDER]
        ended = ended_unit(request.user, data.unit, data.year, data.boundaries, data.today)
        communes = None if ended else commune_map(data)
        return render(request, "dashboard/index.html", {
            "ended": ended, "map": communes,
            "map_json": communes.as_json(data.year, data.boundaries) if communes else None,
            "data": data, "h": data.headline, "years": years or [data.year], "charts": charts,
            "completion": [data.completion[y] for y in years if y in data.completion],
            "chart_json": dict(charts),
            "crumbs": selectors.breadcrumbs(request.user, data.unit),
        })


class DashboardExcelView(CapabilityRequiredMixin, View):
    def get(self, request):
        data, _, params = _data(request)
        only = params.get("bieu") or None
        if only is not None and only not in SHEET_NAMES:
            raise Http404("Không có biểu này.")
        buffer = io.BytesIO()
        build_dashboard_workbook(data, buffer, only=only, user=request.user)
        name = f"tong-quan-{data.unit.code}-{data.year}{'-' + only if only else ''}.xlsx"
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
