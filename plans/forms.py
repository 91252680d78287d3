"""Forms: they parse and show errors; the rules themselves live in ``plans.services``."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from directory.concurrency import VersionField
from directory.models import Agency

from .attachments import check_attachment
from .models import QuotaTable, TargetProgress, Task, TaskProgress, TaskStatus
from .services.quotas import (
    FIELD_LABELS,
    TABLE_LABEL,
    QuotaError,
    QuotaRowInput,
    quota_table_check,
    quota_table_validate,
)

_INT_MESSAGES = {
    "invalid": "Phải là số nguyên (ví dụ 4), không có chữ hoặc dấu thập phân.",
    "min_value": "Không được âm: chỉ tiêu phải từ 0 trở lên.",
    "max_value": "Số quá lớn.",
}


def _figure_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, min_value=0, max_value=1_000_000, error_messages=_INT_MESSAGES,
        widget=forms.NumberInput(attrs={"class": "cell", "min": 0, "step": 1, "inputmode": "numeric"}),
    )


class QuotaRowForm(forms.Form):
    """One commune's line of the grid. Blank cells in a line with figures count as 0 ('-' on paper)."""

    commune = forms.IntegerField(widget=forms.HiddenInput)
    total = _figure_field(FIELD_LABELS["total"])
    without_labour = _figure_field(FIELD_LABELS["without_labour"])
    with_labour = _figure_field(FIELD_LABELS["with_labour"])
    note = forms.CharField(label="Ghi chú", required=False, max_length=300,
                           widget=forms.TextInput(attrs={"class": "cell-note"}))

    # What a screen reader says for each cell, after the commune: "Xuân Bái, hộ không có khả năng lao động".
    SPOKEN = {"total": "chỉ tiêu giao giảm hộ nghèo", "without_labour": "hộ không có khả năng lao động",
              "with_labour": "hộ có khả năng lao động", "note": "ghi chú"}

    def __init__(self, *args, communes: dict, **kwargs):
        self.communes = communes
        super().__init__(*args, **kwargs)
        commune = self.commune_obj
        name = commune.display_name if commune is not None else "Xã chưa xác định"
        for field_name, spoken in self.SPOKEN.items():
            self.fields[field_name].widget.attrs["aria-label"] = f"{name}, {spoken}"

    @property
    def commune_obj(self):
        pk = self.initial.get("commune") if not self.is_bound else self.data.get(self.add_prefix("commune"))
        try:
            return self.communes.get(int(pk))
        except (TypeError, ValueError):
            return None

    def clean_commune(self):
        pk = self.cleaned_data["commune"]
        if pk not in self.communes:
            raise forms.ValidationError("Xã này không thuộc đơn vị ban hành kế hoạch; hãy tải lại trang.")
        return self.communes[pk]

    @property
    def is_blank(self) -> bool:
        data = self.cleaned_data
        return all(data.get(name) is None for name in ("total", "without_labour", "with_labour"))


class BaseQuotaGridFormSet(forms.BaseFormSet):
    """The whole table in one form. ``is_valid`` also runs the shared quota rules and puts
    every fault next to its cell (row faults) or in the totals row (table faults)."""

    def __init__(self, *args, table: QuotaTable, communes: dict, **kwargs):
        self.table = table
        self.communes = communes
        self.table_errors: dict[str, list[str]] = {}
        self.all_errors: list[str] = []
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "communes": self.communes}

    @property
    def expected_version(self) -> int | None:
        """The table version the grid was loaded with (a hidden input beside the management form)."""
        try:
            return VersionField().clean(self.data.get("version"))
        except forms.ValidationError:
            return None

    def row_inputs(self) -> list[QuotaRowInput]:
        """The lines to save: non-blank, field-valid ones, blanks in them read as 0."""
        inputs = []
        for index, form in enumerate(self.forms):
            if not form.is_valid() or form.is_blank:
                continue
            data = form.cleaned_data
            commune = data["commune"]
            inputs.append(QuotaRowInput(
                commune=commune, total=data["total"] or 0, without_labour=data["without_labour"] or 0,
                with_labour=data["with_labour"] or 0, note=data.get("note", ""),
                label=f"Dòng {index + 1} ({commune.display_name})", key=index,
            ))
        return inputs

    def clean(self):
        super().clean()
        field_errors_exist = any(form.errors for form in self.forms)
        rows = self.row_inputs()
        errors = quota_table_validate(rows, table=self.table)
        if field_errors_exist:
            # The sums are meaningless while some cells do not parse: keep the row faults only.
            errors = [e for e in errors if e.key is not None]
        self._place(errors)
        for index, form in enumerate(self.forms):
            commune = form.commune_obj
            label = f"Dòng {index + 1} ({commune.display_name if commune else '?'})"
            for field, messages in form.errors.items():
                for message in messages:
                    if message.startswith("Dòng "):
                        self.all_errors.append(message)
                    else:
                        self.all_errors.append(f"{label}, cột “{FIELD_LABELS.get(field, field)}”: {message}")
        for messages in self.table_errors.values():
            self.all_errors.extend(messages)
        if self.all_errors:
            raise forms.ValidationError(
                f"Bảng có {len(self.all_errors)} lỗi; chưa lưu gì. Sửa các ô tô đỏ rồi lưu lại."
            )

    def _place(self, errors: list[QuotaError]) -> None:
        for error in errors:
            if error.key is None:
                self.table_errors.setdefault(error.field or "total", []).append(error.message)
            else:
                form = self.forms[error.key]
                field = error.field if error.field in form.fields and error.field != "commune" else None
                form.add_error(field, error.message)


QuotaGridFormSet = forms.formset_factory(QuotaRowForm, formset=BaseQuotaGridFormSet, extra=0)


class QuotaTableForm(forms.ModelForm):
    class Meta:
        model = QuotaTable
        fields = ["year", "title", "appendix_label", "target_total", "target_without_labour", "target_with_labour",
                  "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs.update({"min": plan.first_year, "max": plan.last_year})
        for name in ("target_total", "target_without_labour", "target_with_labour"):
            self.fields[name].min_value = 0
            self.fields[name].widget.attrs["min"] = 0

    def clean_year(self):
        year = self.cleaned_data["year"]
        if QuotaTable.objects.filter(plan=self.plan, year=year).exists():
            raise forms.ValidationError(f"Kế hoạch đã có bảng chỉ tiêu năm {year}.")
        return year

    def clean(self):
        data = super().clean()
        figures = {name: data.get(name) for name in ("year", "target_total", "target_without_labour",
                                                     "target_with_labour")}
        if figures["year"] is not None:
            for field, message in quota_table_check(QuotaTable(plan=self.plan, **figures)).items():
                if field not in self.errors:
                    self.add_error(field, message)
        return data


class AllocationForm(forms.Form):
    total = forms.IntegerField(label="Tổng số hộ nghèo cần giảm", min_value=0, error_messages=_INT_MESSAGES)
    without_labour = forms.IntegerField(label="Trong đó hộ không có KNLĐ", min_value=0, error_messages=_INT_MESSAGES)
    with_labour = forms.IntegerField(label="Trong đó hộ có KNLĐ", min_value=0, error_messages=_INT_MESSAGES)

    def clean(self):
        data = super().clean()
        parts = (data.get("without_labour"), data.get("with_labour"))
        if data.get("total") is not None and None not in parts and data["total"] != sum(parts):
            raise forms.ValidationError(
                f"Tổng ({data['total']}) phải bằng hộ không có KNLĐ ({parts[0]}) + hộ có KNLĐ ({parts[1]}) "
                f"= {sum(parts)}."
            )
        return data


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["agency", "role", "text", "project", "due_date", "recurrence", "recurrence_note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}),
                   "due_date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (Agency.objects.filter(unit__path__startswith=plan.unit.path)
                                          .select_related("unit").order_by("unit__path", "name"))
        self.fields["project"].queryset = plan.projects.order_by("order", "kind", "number")
        self.fields["project"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("due_date") and not data.get("recurrence") and not data.get("recurrence_note"):
            self.add_error("due_date", "Nhập hạn hoàn thành, hoặc chọn định kỳ / ghi thời hạn định kỳ.")
        return data


class TaskProgressForm(forms.ModelForm):
    task_version = VersionField()
    attachment = forms.FileField(label="Tệp đính kèm (không bắt buộc)", required=False,
                                 help_text="PDF, Word, Excel hoặc ảnh; tối đa 10 MB.")

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload

    class Meta:
        model = TaskProgress
        fields = ["reported_on", "status", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}),
                   "reported_on": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, task=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("reported_on", timezone.localdate())
        if task is not None:
            kwargs["initial"].setdefault("status", task.status if task.status != TaskStatus.NOT_STARTED
                                         else TaskStatus.IN_PROGRESS)
            kwargs["initial"].setdefault("task_version", task.version)
        super().__init__(*args, **kwargs)

    def clean_reported_on(self):
        day = self.cleaned_data["reported_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("Ngày báo cáo không được sau hôm nay.")
        return day


class TargetProgressForm(forms.ModelForm):
    class Meta:
        model = TargetProgress
        fields = ["period_label", "as_of", "actual_value", "source", "note"]
        localized_fields = ["actual_value"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2}),
                   "as_of": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}


__all__ = [
    "AllocationForm", "QuotaGridFormSet", "QuotaRowForm", "QuotaTableForm", "TABLE_LABEL", "TargetProgressForm",
    "TaskForm", "TaskProgressForm",
]
