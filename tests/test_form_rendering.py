"""povertyapp.form_rendering writes the same text as Django's widget templates, or leaves it to them."""

import pytest
from django import forms
from django.forms.renderers import get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from households.filters import HouseholdFilter
from households.models import Household
from povertyapp.form_rendering import FAST, FAST_TEMPLATES, FastRenderedForm


class Sample(FastRenderedForm):
    required_css_class = "required"

    q = forms.CharField(label="Tìm (tên, mã)", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    name = forms.CharField(label=gettext_lazy("Tên <b>& \"khác\""), max_length=20)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    number = forms.IntegerField(label="Số", required=False, min_value=0)
    flag = forms.CharField(required=False, widget=forms.TextInput(
        attrs={"autofocus": True, "disabled": False, "data-x": "a\"<b>", "class": mark_safe("x&amp;y")}))
    kind = forms.ChoiceField(label="Loại?", required=False, choices=[
        ("", "Tất cả"), ("a", "A <1>"), ("b", mark_safe("<i>B</i>")), (3, gettext_lazy("Ba")),
        ("Nhóm & 1", [("g1", "G1"), ("g2", "G2")]),
    ])
    many = forms.MultipleChoiceField(required=False, choices=[("x", "X"), ("y", "Y")])
    labelled = forms.CharField(required=False, label=mark_safe("<abbr>KNLĐ</abbr>"))


def both(form_class, data=None, **kwargs):
    fast = form_class(data, **kwargs)
    plain = form_class(data, renderer=get_default_renderer(), **kwargs)
    assert fast.renderer is FAST_TEMPLATES
    return fast, plain


def assert_same(fast, plain):
    for name in fast.fields:
        assert str(fast[name]) == str(plain[name]), name
        assert fast[name].label_tag() == plain[name].label_tag(), name
        assert str(fast[name].errors) == str(plain[name].errors), name
    assert fast.as_div() == plain.as_div()


@pytest.mark.parametrize("data", [
    None,
    {},
    {"q": "Nguyễn <Văn>", "name": "An & \"Bình\"", "hidden": "h'1", "number": "12", "flag": "1",
     "kind": "b", "many": ["x", "y"], "labelled": ""},
    {"kind": "3", "number": "-1"},  # errors: a number below the minimum, a missing required name
    {"kind": "không có", "name": "x" * 30},
])
def test_the_fast_renderer_writes_what_the_templates_write(data):
    assert_same(*both(Sample, data))


def test_a_value_the_template_would_localise_is_left_to_the_template():
    class WithNumber(FastRenderedForm):
        amount = forms.DecimalField(initial=1234.5, widget=forms.TextInput)
        when = forms.ChoiceField(choices=[(1, 1000), (2, 2000.5)], initial=1)

    assert_same(*both(WithNumber))


def test_each_fast_template_is_exercised():
    used = set()
    original = dict(FAST)
    try:
        for template, write in original.items():
            FAST[template] = lambda context, template=template, write=write: used.add(template) or write(context)
        fast, _ = both(Sample, {"q": "a"})
        fast.as_div()
        for name in fast.fields:
            str(fast[name])
            fast[name].label_tag()
            str(fast[name].errors)
    finally:
        FAST.clear()
        FAST.update(original)
    assert {"django/forms/widgets/select.html", "django/forms/widgets/text.html", "django/forms/label.html",
            "django/forms/widgets/hidden.html", "django/forms/widgets/number.html",
            "django/forms/errors/list/default.html"} <= used


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"current_category": "poor", "has_labour_capacity": "true", "q": "An"},
                                  {"cause": "999999", "review_status": "nope"}])
def test_the_household_filter_form_is_the_same(data, district_staff, commune_a):
    from directory.models import AdministrativeUnit

    communes = AdministrativeUnit.objects.for_user(district_staff).communes().order_by("path")
    first_two = list(communes.values_list("pk", flat=True)[:2])
    kwargs = {"user": district_staff, "communes": (communes, first_two), "queryset": Household.objects.all()}
    fast_form = HouseholdFilter(data, **kwargs).form
    plain_filter = HouseholdFilter(data, **kwargs)
    plain_filter._form = type(fast_form)(data, renderer=get_default_renderer())
    assert fast_form.renderer is FAST_TEMPLATES
    assert_same(fast_form, plain_filter.form)
