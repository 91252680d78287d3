"""Forms: they validate input and hand instances to the services; no rule lives here."""

from __future__ import annotations

import contextlib
from collections import OrderedDict

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.utils import timezone

from directory.concurrency import VersionField
from directory.models import AdministrativeUnit, Agency
from directory.text import clean_text
from directory.unit_search import UnitSearchWidget

from .classification import NoStandardError, standard_for_review
from .importing.cells import cell_int
from .importing.faults import CellError
from .models import EscapePlan, Household, Indicator, Member, PovertyCause, Review, ReviewRound, SupportType
from .selectors import registration_communes, suggest_household_code


class CleanTextMixin:
    """Every text field typed on the site is cleaned like an imported cell (``directory.text.clean_text``: NFC,
    no zero-width or bidi-override characters), so a name or code typed here matches the same value imported.
    Multi-line fields keep their line breaks, each line cleaned."""

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            if isinstance(value, str) and isinstance(self.fields[name], forms.CharField):
                if isinstance(self.fields[name].widget, forms.Textarea):
                    lines = [clean_text(line) for line in value.splitlines()]
                    cleaned = "\n".join(lines).strip()
                else:
                    cleaned = clean_text(value)
                self.cleaned_data[name] = cleaned
                if not cleaned and value and self.fields[name].required:
                    self.add_error(name, "Trường này chỉ có ký tự ẩn hoặc ký tự điều khiển; hãy nhập lại.")


class HouseholdForm(CleanTextMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Household
        fields = ["code", "commune", "village", "head_name", "address", "area", "area_reason", "is_ethnic_minority",
                  "has_person_of_merit", "female_head", "has_labour_capacity", "member_count", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "has_labour_capacity": "Chỉ dùng khi chưa nhập thành viên; có thành viên thì tính tự động.",
            "member_count": "Chỉ dùng khi chưa nhập thành viên; có thành viên thì tính tự động.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A household is registered in a commune that exists today (the history of a new xã is read-only).
        communes = registration_communes(user)
        if self.instance.pk:
            communes = communes | AdministrativeUnit.objects.filter(pk=self.instance.commune_id)
        communes = communes.order_by("path")
        self.fields["commune"].queryset = communes
        # a search box, never a drop-down of a province's thousands of communes
        self.fields["commune"].widget = UnitSearchWidget(level="commune", on=timezone.localdate())
        own_commune = user.working_unit if user.working_unit_id and user.working_unit.is_commune else None
        if self.instance.pk and self.instance.current_commune_id:
            # The commune it was registered in has ended: that is history, the new commune manages it.
            self.fields["commune"].queryset = AdministrativeUnit.objects.filter(pk=self.instance.commune_id)
            self.fields["commune"].disabled = True
            self.fields["commune"].help_text = (
                f"Xã đăng ký cũ; hộ nay thuộc {self.instance.current_commune.display_name}.")
        elif own_commune is not None:
            # A commune official enters households of their own commune only: preselected and locked.
            self.fields["commune"].disabled = True
            self.fields["commune"].help_text = "Xã của bạn (không đổi được)."
            if self.instance.pk is None:
                self.initial["commune"] = own_commune.pk
        self.fields["code"].help_text = "Gợi ý mã kế tiếp còn trống của thôn; có thể sửa."
        self.fields["village"].widget.attrs["list"] = "village-options"
        if self.instance.pk is None and not self.is_bound:
            first_two = list(communes[:2])
            commune = own_commune or (first_two[0] if len(first_two) == 1 else None)
            if commune is not None and not self.initial.get("code"):
                self.initial["code"] = suggest_household_code(commune, self.initial.get("village") or "")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class MemberForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Member
        fields = ["full_name", "birth_year", "sex", "citizen_id", "relation", "has_labour_capacity",
                  "no_labour_reason", "ethnicity", "has_disability", "has_health_insurance"]
        widgets = {"citizen_id": forms.TextInput(attrs={"inputmode": "numeric", "pattern": r"\d{12}",
                                                        "maxlength": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The members table shows each column's label once, in its header: each input names its row too.
        index = (self.prefix or "").rsplit("-", 1)[-1]
        who = f"Thành viên {int(index) + 1}" if index.isdigit() else "Thành viên mới"
        for name, field in self.fields.items():
            label = "Xóa" if name == "DELETE" else field.label
            field.widget.attrs.setdefault("aria-label", f"{who}: {label}")


class BaseMemberFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            who = f"thành viên {index + 1}" if index is not None else "thành viên mới"
            form.fields["DELETE"].widget.attrs["aria-label"] = f"Xóa {who}"


MemberFormSet = inlineformset_factory(Household, Member, form=MemberForm, formset=BaseMemberFormSet, extra=1,
                                      can_delete=True, max_num=50, validate_max=True)


class IncomeField(forms.IntegerField):
    """Đồng per person per month, typed as 2500000 or grouped as Vietnamese write it (2.500.000; also 2,500,000
    or 2 500 000), read by the import's rule for the same column. A text box: a number input would blank a
    grouped value in the browser."""

    widget = forms.TextInput

    def to_python(self, value):
        text = str(value or "").strip().removesuffix("đồng").removesuffix("đ").strip()
        try:
            income = cell_int(text, what=self.label)
        except CellError as exc:
            raise forms.ValidationError(f"{exc} Ghi số đồng, ví dụ 2.500.000.") from exc
        if income is not None and income < 0:
            raise forms.ValidationError(f"{self.label} không được âm.")
        return income


class ReviewForm(forms.ModelForm):
    """Income, deprived indicators grouped by dimension, causes; the category is computed, not a field."""

    version = VersionField()
    deprived_indicators = forms.ModelMultipleChoiceField(
        label="Chỉ số thiếu hụt", queryset=Indicator.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    causes = forms.ModelMultipleChoiceField(
        label="Nguyên nhân nghèo", queryset=PovertyCause.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    income_per_capita = IncomeField(
        label="Thu nhập bình quân đầu người (đồng/tháng)",
        help_text="Số đồng; có thể gõ dấu chấm ngăn cách: 2.500.000.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Review
        fields = ["year", "round", "review_date", "income_per_capita", "has_labour_capacity",
                  "reviewer", "note"]
        widgets = {
            "review_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, year: int, round: str = ReviewRound.PERIODIC, **kwargs):
        super().__init__(*args, **kwargs)
        self.standard = None
        with contextlib.suppress(NoStandardError):
            self.standard = standard_for_review(round, year)
        self.fields["year"].widget.attrs.update({"min": 2016, "max": 2030})
        self.fields["deprived_indicators"].queryset = (
            Indicator.objects.filter(standard=self.standard).select_related("dimension").order_by("order")
            if self.standard else Indicator.objects.none()
        )
        if self.standard:
            # Another year or round may use another standard: the indicators ticked for the old one are not its.
            self.fields["deprived_indicators"].error_messages["invalid_choice"] = (
                f"Các chỉ số đã đánh dấu không thuộc {self.standard.label}, chuẩn của năm và đợt rà soát vừa chọn "
                "(đổi năm hoặc đợt thì đổi bộ chỉ số): hãy đánh dấu lại các chỉ số thiếu hụt dưới đây.")
        self.fields["causes"].queryset = PovertyCause.objects.active_in(year)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.initial.setdefault("deprived_indicators", [i.pk for i in self.instance.deprived_indicators.all()])
            self.initial.setdefault("causes", [c.pk for c in self.instance.causes.all()])

    def clean_income_per_capita(self):
        income = self.cleaned_data.get("income_per_capita")
        limit = settings.MAX_INCOME_PER_CAPITA
        if income is not None and income > limit:
            raise forms.ValidationError(f"Thu nhập bình quân đầu người tối đa {limit:,} đồng/người/tháng; "
                                        "kiểm tra lại (thừa chữ số?).".replace(",", "."))
        return income

    def indicator_groups(self):
        """[(dimension name, [bound checkbox, ...]), ...] in the standard's order, for the template."""
        groups: OrderedDict[str, list] = OrderedDict()
        # Each checkbox carries its indicator (with its dimension): the choices are read once, not twice.
        for checkbox in self["deprived_indicators"]:
            indicator = checkbox.data["value"].instance
            groups.setdefault(indicator.dimension.name, []).append((checkbox, indicator))
        return list(groups.items())


class CommentForm(forms.Form):
    comment = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Lý do mở lại", widget=forms.Textarea(attrs={"rows": 2}))


class EscapePlanForm(forms.ModelForm):
    version = VersionField()
    supports = forms.ModelMultipleChoiceField(label="Hỗ trợ", queryset=SupportType.objects.all(), required=False,
                                              widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = EscapePlan
        fields = ["target_year", "measures", "responsible_cadre", "helping_agency", "able_to_escape", "note"]
        widgets = {"measures": forms.Textarea(attrs={"rows": 3}), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        # Agencies of the commune and the units above it (district offices help communes in the seeds).
        units = [household.commune_id] + [u.pk for u in household.commune.ancestors()]
        self.fields["helping_agency"].queryset = Agency.objects.filter(unit_id__in=units).order_by("name")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.initial.setdefault("supports", [s.pk for s in self.instance.supports.all()])
