"""Forms of the funds screens: they parse (amounts with Vietnamese separators) and show errors; the rules are
in ``funds.rules`` and the models' ``clean``, applied by ``funds.services``."""

from __future__ import annotations

from django import forms

from directory.concurrency import VersionField
from directory.models import AdministrativeUnit, Agency
from directory.unit_search import UnitSearchField

from . import rules
from .models import QUARTERS, FundSource
from .services import project_label


class AmountField(forms.CharField):
    """Whole đồng, typed as 1250000000 or 1.250.000.000."""

    def __init__(self, *, required=True, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "class": "money",
                                                           "autocomplete": "off"}))
        kwargs.setdefault("help_text", "Đồng, số nguyên; có thể gõ dấu chấm ngăn cách: 1.250.000.000.")
        super().__init__(required=required, **kwargs)

    def prepare_value(self, value):
        return rules.money(value) if isinstance(value, int) else value

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return rules.parse_amount(value)
        except rules.AmountError as exc:
            raise forms.ValidationError(f"Số tiền {exc}") from exc


class LineCreateForm(forms.Form):
    project = forms.ModelChoiceField(label="Dự án, tiểu dự án", queryset=None,
                                     error_messages={"required": "Hãy chọn dự án.",
                                                     "invalid_choice": "Dự án này không thuộc kế hoạch hoặc không "
                                                                       "do cơ quan của bạn chủ trì."})
    year = forms.TypedChoiceField(label="Năm", coerce=int)
    source = forms.ChoiceField(label="Nguồn vốn", choices=FundSource.choices)
    estimate = AmountField(label="Dự toán (đồng)")
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, plan, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["project"].label_from_instance = project_label
        self.fields["year"].choices = [(y, str(y)) for y in range(plan.first_year, plan.last_year + 1)]


class LineEditForm(forms.Form):
    estimate = AmountField(label="Dự toán (đồng)")
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = VersionField()


class AllocationForm(forms.Form):
    RECIPIENTS = [("agency", "Cơ quan"), ("commune", "Xã, phường, thị trấn"), ("none", "Chưa giao đơn vị cụ thể")]

    recipient_kind = forms.ChoiceField(label="Giao cho", choices=RECIPIENTS, initial="agency",
                                       widget=forms.RadioSelect)
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=None, required=False,
                                    error_messages={"invalid_choice": "Cơ quan này không thuộc đơn vị ban hành kế "
                                                                      "hoạch."})
    amount = AmountField(label="Phân bổ (đồng)")
    decision_number = forms.CharField(label="Số quyết định phân bổ", max_length=60, required=False)
    decision_date = forms.DateField(label="Ngày quyết định", required=False,
                                    widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Bắt buộc khi tổng giải ngân vượt số phân bổ: ghi lý do.")
    version = VersionField()

    def __init__(self, *args, line, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        plan_unit = line.plan.unit
        self.creating = creating
        if creating:
            self.fields["agency"].queryset = Agency.objects.filter(unit__path__startswith=plan_unit.path) \
                .order_by("name")
            self.fields["commune"] = UnitSearchField(
                AdministrativeUnit.objects.communes().filter(path__startswith=plan_unit.path),
                label="Xã, phường, thị trấn", level="commune", required=False)
            self.order_fields(["recipient_kind", "agency", "commune"])
        else:
            for name in ("recipient_kind", "agency"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if not self.creating:
            return data
        kind = data.get("recipient_kind")
        if kind == "agency" and not data.get("agency") and "agency" not in self.errors:
            self.add_error("agency", "Hãy chọn cơ quan được giao.")
        if kind == "commune" and not data.get("commune") and "commune" not in self.errors:
            self.add_error("commune", "Hãy chọn xã được giao.")
        if kind != "agency":
            data["agency"] = None
        if kind != "commune":
            data["commune"] = None
        return data


class DisbursementForm(forms.Form):
    quarter = forms.TypedChoiceField(label="Quý", choices=QUARTERS, coerce=int)
    amount = AmountField(label="Số giải ngân (đồng)")
    document_number = forms.CharField(label="Số chứng từ", max_length=60,
                                      help_text="Số của văn bản, chứng từ giải ngân (ví dụ 125/QĐ-UBND, UNC 0456).")
    document_date = forms.DateField(label="Ngày chứng từ", widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Bắt buộc khi tổng giải ngân vượt số phân bổ: ghi lý do.")
    version = VersionField()

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["quarter"]

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount == 0:
            raise forms.ValidationError("Số giải ngân phải lớn hơn 0.")
        return amount


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)", error_messages={"required": "Hãy chọn tệp .xlsx để nhập."},
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
