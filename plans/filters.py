import django_filters
from django import forms
from django.db.models import Q

from directory.models import AdministrativeUnit

from .models import PlanKind, TaskRole, TaskStatus


class PlanFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(label="Đơn vị ban hành", queryset=AdministrativeUnit.objects.none(),
                                            empty_label="Tất cả đơn vị")
    year = django_filters.NumberFilter(label="Năm", method="filter_year",
                                       widget=forms.NumberInput(attrs={"placeholder": "vd. 2024", "min": 2000}))
    kind = django_filters.ChoiceFilter(label="Loại văn bản", choices=PlanKind.choices, empty_label="Tất cả")
    q = django_filters.CharFilter(label="Tìm", method="filter_text",
                                  widget=forms.TextInput(attrs={"placeholder": "mã, số, trích yếu"}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the units that issued a plan the user can see.
        self.filters["unit"].queryset = AdministrativeUnit.objects.filter(
            plans__in=self.queryset).distinct().order_by("path")

    def filter_year(self, queryset, name, value):
        # uses plan_period_idx
        return queryset.active_in(int(value))

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(number__icontains=value) | Q(title__icontains=value))


class TaskFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label="Trạng thái", choices=TaskStatus.choices, empty_label="Tất cả")
    role = django_filters.ChoiceFilter(label="Vai trò", choices=TaskRole.choices, empty_label="Tất cả")
