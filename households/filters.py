"""Household list filters. Each names the index it relies on (see models.Household.Meta.indexes)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django_filters.fields import ModelChoiceField, ModelChoiceIterator

from directory.models import AdministrativeUnit
from directory.unit_search import UnitSearchWidget
from povertyapp.form_rendering import FastRenderedForm

from .models import Category, Household, Member, PovertyCause, Review, ReviewStatus
from .search import search_name_or_code

YES_NO = [("true", "Có"), ("false", "Không")]
ALL = "Tất cả"


class _ListedChoices(ModelChoiceIterator):
    """The choices in one plain query. Django's ``iterator()`` opens a server-side cursor on PostgreSQL:
    DECLARE, FETCH and CLOSE, three round trips for the ten poverty causes of every list page."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class _ListedModelChoiceField(ModelChoiceField):
    iterator = _ListedChoices


class ListedModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _ListedModelChoiceField


class _GivenFieldsForm(FastRenderedForm):
    """A form whose fields are given by its class (``given_fields``) as they are, not deep-copied for each
    instance as Django does with ``base_fields``: see ``HouseholdFilter.get_form_class``."""

    given_fields: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # no base_fields: nothing to copy
        self.fields = dict(self.given_fields)


class HouseholdFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Tìm (tên chủ hộ, mã hộ, số CCCD)", method="search",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    # index: hh_commune_village_idx
    village = django_filters.CharFilter(label="Thôn")
    # index: hh_commune_category_idx
    current_category = django_filters.ChoiceFilter(label="Phân loại", choices=Category.choices, empty_label=ALL)
    # index: hh_commune_labour_idx
    has_labour_capacity = django_filters.ChoiceFilter(label="Khả năng lao động", choices=YES_NO,
                                                      method="filter_flag", empty_label=ALL)
    # index: hh_commune_ethnic_idx
    is_ethnic_minority = django_filters.ChoiceFilter(label="Dân tộc thiểu số", choices=YES_NO,
                                                     method="filter_flag", empty_label=ALL)
    # EXISTS over reviews → review_causes through table (its (cause_id) index) then review pk
    cause = ListedModelChoiceFilter(label="Nguyên nhân nghèo", queryset=PovertyCause.objects.all(),
                                             method="filter_cause", empty_label=ALL)
    # EXISTS over review_hh_status_eff_idx (household, status, ...)
    review_status = django_filters.ChoiceFilter(label="Có phiếu rà soát ở trạng thái", choices=ReviewStatus.choices,
                                                method="filter_review_status", empty_label=ALL)
    # NOT EXISTS over the member (household) foreign-key index: the home page's "no member list yet"
    members = django_filters.ChoiceFilter(label="Danh sách thành viên", method="filter_members", empty_label=ALL,
                                          choices=[("none", "Chưa có thành viên"), ("some", "Đã có thành viên")])
    # unique (commune, code) and (current_commune, code) indexes; only shown to users with several communes,
    # as a search box (a province has thousands of communes)
    commune = django_filters.ModelChoiceFilter(label="Xã", queryset=AdministrativeUnit.objects.none(),
                                               method="filter_commune", widget=UnitSearchWidget(level="commune"))

    class Meta:
        model = Household
        form = FastRenderedForm  # the widgets written in Python, byte for byte (povertyapp.form_rendering)
        fields = ["q", "commune", "village", "current_category", "has_labour_capacity", "is_ethnic_minority",
                  "cause", "review_status", "members"]

    # Fields whose filter __init__ changes per request (scoped queryset, villages of one commune); the others are
    # the same for every request.
    PER_REQUEST_FIELDS = ("commune", "village")

    def get_form_class(self):
        """django-filter builds every filter's field again for each request (its widget deep-copied), and the
        form deep-copies them all once more: ~0,7 ms per list page. The fields that never change are built
        once per process and shared; no form changes its fields (choices are read when rendered, the cause
        queryset is cloned for each use: ``_ListedChoices``, ``ModelChoiceField.to_python``). Only the
        per-request ones are built here, fresh."""
        shared = type(self).__dict__.get("_shared_fields")
        if shared is None:
            shared = {name: filter_.field for name, filter_ in self.filters.items()
                      if name not in self.PER_REQUEST_FIELDS}
            type(self)._shared_fields = shared
        fields = {name: filter_.field if name in self.PER_REQUEST_FIELDS else shared[name]
                  for name, filter_ in self.filters.items()}
        return type(f"{type(self).__name__}Form", (_GivenFieldsForm,), {"given_fields": fields})

    def __init__(self, *args, user, communes, **kwargs):
        super().__init__(*args, **kwargs)
        communes, first_two = communes  # the communes in scope, the ids of the first two of them
        self.filters["commune"].queryset = communes
        if len(first_two) <= 1:
            del self.filters["commune"]
        # A drop-down of villages only once the list is one commune (an index-only scan of
        # hh_commune_village_idx); across a whole province it stays a text box.
        commune_id = first_two[0] if len(first_two) == 1 else self._selected_commune(communes)
        if commune_id:
            villages = (self.queryset.filter(Q(commune_id=commune_id) | Q(current_commune_id=commune_id))
                        .order_by("village")
                        .values_list("village", flat=True).distinct())
            self.filters["village"].extra["widget"] = forms.Select(
                choices=[("", ALL)] + [(v, v) for v in villages if v])

    def _selected_commune(self, communes):
        raw = (self.data or {}).get("commune")
        return int(raw) if raw and str(raw).isdigit() and communes.filter(pk=int(raw)).exists() else None

    def filter_commune(self, queryset, name, value):
        # a new commune: the households registered in it and those that moved to it
        return queryset.filter(Q(commune=value) | Q(current_commune=value)) if value else queryset

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if value.isdigit() and len(value) == 12:
            # member citizen_id index
            return queryset.filter(Exists(Member.objects.filter(household=OuterRef("pk"), citizen_id=value)))
        # code: prefix; name: contains, without diacritics (trigram indexes on PostgreSQL, see households.search)
        return search_name_or_code(queryset, value)

    def filter_flag(self, queryset, name, value):
        if value not in ("true", "false"):
            return queryset
        return queryset.filter(**{name: value == "true"})

    def filter_cause(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Exists(Review.objects.filter(household=OuterRef("pk"), causes=value)))

    def filter_review_status(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Exists(Review.objects.filter(household=OuterRef("pk"), status=value)))

    def filter_members(self, queryset, name, value):
        has_members = Exists(Member.objects.filter(household=OuterRef("pk")))
        if value == "none":
            return queryset.filter(~has_members)
        if value == "some":
            return queryset.filter(has_members)
        return queryset
