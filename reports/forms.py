"""Forms: parse input and show errors; the rules live in the models' ``clean`` and in ``reports.services``."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from directory.models import AdministrativeUnit, Agency
from directory.unit_search import UnitSearchWidget

from .models import ReportingDuty, RunStatusChoices
from .services.figures import FIGURES, NOTE_NEEDED, figure_problems, needs_figures


class DutyForm(forms.ModelForm):
    """Add or edit a plan's duty; ``owner_unit`` and the reporters are limited to the plan's area."""

    class Meta:
        model = ReportingDuty
        fields = ["code", "title", "kind", "owner_unit", "reporter_level", "reporter_units", "reporter_agencies",
                  "recipient", "recipient_unit", "recipient_agency", "recipient_text", "period_type", "only_period",
                  "due_rule",
                  "due_day", "due_month", "year_offset", "days_after_end", "from_month", "to_month", "first_year",
                  "last_year", "valid_from", "valid_to", "dates_may_have_changed", "dates_note", "source_text",
                  "is_active", "note"]
        widgets = {
            "reporter_units": forms.SelectMultiple(attrs={"size": 8}),
            "reporter_agencies": forms.SelectMultiple(attrs={"size": 8}),
            "note": forms.Textarea(attrs={"rows": 2}),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, plan, user, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        # Units and agencies of the plan's area (its issuing unit and below), and the units above for "gửi tới".
        area = AdministrativeUnit.objects.filter(path__startswith=plan.unit.path).order_by("path")
        above = AdministrativeUnit.objects.filter(pk__in=[u.pk for u in plan.unit.ancestors()] + [plan.unit.pk])
        self.fields["owner_unit"].queryset = area
        self.fields["reporter_units"].queryset = area
        self.fields["reporter_agencies"].queryset = Agency.objects.filter(unit__in=area).select_related("unit")
        self.fields["recipient_unit"].queryset = (area | above).distinct().order_by("path")
        self.fields["recipient_agency"].queryset = Agency.objects.filter(
            unit__in=(area | above).distinct()).select_related("unit")
        if not self.instance.pk:
            self.fields["owner_unit"].initial = plan.unit
            self.fields["first_year"].initial = plan.first_year
            self.fields["last_year"].initial = plan.last_year
            self.fields["recipient_unit"].initial = plan.unit
        else:
            self.fields["code"].disabled = True

    def _post_clean(self):
        self.instance.plan = self.plan
        super()._post_clean()


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp báo cáo (.xlsx, .xls, .ods, .docx, .doc, .odt, .pdf)")


class SubmitForm(forms.Form):
    """Submit a run; a poverty report also gives its figures, prefilled from the registry and checked against
    it (``reports.services.figures``: all zero or off the registry needs a note)."""

    note = forms.CharField(label="Ghi chú khi nộp", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, run=None, registry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.registry = registry
        self.with_figures = run is not None and needs_figures(run)
        if not self.with_figures:
            return
        for field, key, label in FIGURES:
            self.fields[field] = forms.IntegerField(
                label=label, min_value=0, max_value=10_000_000,
                initial=registry.values[key] if registry is not None and registry.has_data else None,
                error_messages={"required": f"Ghi {label.lower()}.", "min_value": f"{label} không được âm.",
                                "invalid": f"{label} phải là số nguyên."})
            self.fields[field].widget.attrs["inputmode"] = "numeric"
        self.order_fields([f for f, _, _ in FIGURES] + ["note"])

    @property
    def figure_fields(self):
        return [self[field] for field, _, _ in FIGURES] if self.with_figures else []

    def clean(self):
        cleaned = super().clean()
        if self.with_figures and not self.errors and self.registry is not None:
            problems = figure_problems(cleaned, self.registry)
            if problems and not cleaned.get("note", "").strip():
                self.add_error("note", NOTE_NEEDED + " ".join(problems))
        return cleaned

    @property
    def figures(self) -> dict:
        return {field: self.cleaned_data.get(field) for field, _, _ in FIGURES} if self.with_figures else {}


class UnsubmitForm(forms.Form):
    reason = forms.CharField(label="Lý do mở lại", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "Ghi lý do mở lại báo cáo."})


class CommentForm(forms.Form):
    text = forms.CharField(label="Ý kiến", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Ý kiến đang để trống."})


def _search_box(field, units):
    """A province's scope holds thousands of units on both maps: a search box, never a drop-down of them
    (the scoped ``units`` still decide what is valid)."""
    field.queryset = units
    field.widget = UnitSearchWidget()


class CalendarFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=AdministrativeUnit.objects.none(), required=False,
                                  empty_label="Tất cả trong phạm vi")
    year = forms.TypedChoiceField(label="Năm", coerce=int, required=False)
    status = forms.ChoiceField(label="Trạng thái", required=False,
                               choices=[("", "Tất cả")] + list(RunStatusChoices.choices))
    open_only = forms.BooleanField(label="Chỉ báo cáo chưa nộp", required=False)

    def __init__(self, *args, units, years, **kwargs):
        super().__init__(*args, **kwargs)
        _search_box(self.fields["unit"], units)
        current = timezone.localdate().year
        choices = sorted(set(years) | {current}, reverse=True)
        self.fields["year"].choices = [("", "Mọi năm")] + [(y, str(y)) for y in choices]


# completeness and household totals are read for a district or a province: the search box also offers
# communes, so picking one must say why it is refused (not Django's "Hãy chọn một lựa chọn hợp lệ")
NOT_A_COMMUNE = {"invalid_choice": "Hãy chọn một huyện hoặc tỉnh trong địa bàn của bạn (trang này không xem "
                                   "theo từng xã)."}


class CompletenessFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label="Địa bàn", queryset=AdministrativeUnit.objects.none(), required=False,
                                  empty_label="Tất cả trong phạm vi", error_messages=NOT_A_COMMUNE)
    year = forms.TypedChoiceField(label="Năm", coerce=int)

    def __init__(self, *args, units, years, **kwargs):
        super().__init__(*args, **kwargs)
        _search_box(self.fields["unit"], units)
        current = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in sorted(set(years) | {current}, reverse=True)]


class TotalsFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label="Huyện / tỉnh", queryset=AdministrativeUnit.objects.none(),
                                  error_messages=NOT_A_COMMUNE)
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        _search_box(self.fields["unit"], units)


class TotalsUploadForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx): cột “Mã đơn vị” hoặc “Đơn vị”, và “Tổng số hộ”")
