"""Phụ lục 01 as Excel on the web: download the quota table, upload a filled-in appendix.

Thin like the other views: scope through the queryset, the file rules and the quota
rules live in ``plans.excel`` and ``plans.services.quotas``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from directory.access import CapabilityRequiredMixin, get_for_user_or_404, get_readable_or_404
from directory.permissions import Cap

from .excel import XLSX_CONTENT_TYPE, QuotaImportError, quota_filename, quota_table_import, quota_workbook
from .models import Plan, QuotaRow, QuotaTable
from .selectors import owns_plan


class QuotaExportView(CapabilityRequiredMixin, View):
    """Download the table in the appendix layout, ready to print (anyone who may see the plan)."""

    required_cap = Cap.VIEW

    def get(self, request, code, year):
        table = get_readable_or_404(QuotaTable.objects.select_related("plan__unit"), request.user,
                                    plan__code=code, year=year)
        # someone the table only names (a commune official) gets the rows naming their units
        rows = table.rows.all() if owns_plan(table.plan, request.user) else \
            QuotaRow.objects.readable_by(request.user).filter(table=table)
        rows = list(rows.select_related("commune").order_by("order", "pk"))
        response = HttpResponse(content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{quota_filename(table)}"'
        quota_workbook(table, rows).save(response)
        return response


class QuotaImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)", error_messages={"required": "Hãy chọn tệp .xlsx để nhập."},
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
    year = forms.IntegerField(label="Năm", required=False, min_value=1990, max_value=2100,
                              help_text="Để trống thì lấy năm ghi trong tiêu đề cột chỉ tiêu.")
    replace = forms.BooleanField(label="Thay thế bảng hiện có", required=False,
                                 help_text="Cần chọn khi năm đó đã có bảng chỉ tiêu.")


class QuotaImportView(CapabilityRequiredMixin, View):
    """Upload a filled-in appendix: saved as a whole, or nothing and every fault listed."""

    required_cap = Cap.QUOTA_EDIT
    template_name = "plans/quota_import.html"

    def get_plan(self, code) -> Plan:
        return get_for_user_or_404(Plan.objects.select_related("unit"), self.request.user, code=code)

    def render_page(self, plan, form, issues=()):
        return render(self.request, self.template_name, {"plan": plan, "form": form, "issues": list(issues)})

    def get(self, request, code):
        plan = self.get_plan(code)
        return self.render_page(plan, QuotaImportForm(initial={"year": request.GET.get("nam")}))

    def post(self, request, code):
        plan = self.get_plan(code)
        form = QuotaImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(plan, form)
        upload = form.cleaned_data["file"]
        try:
            table = quota_table_import(plan=plan, source=upload, filename=upload.name, size=upload.size,
                                       year=form.cleaned_data["year"], replace=form.cleaned_data["replace"],
                                       acting_user=request.user)
        except QuotaImportError as exc:
            return self.render_page(plan, form, exc.messages)
        messages.success(request, f"Đã nhập bảng chỉ tiêu năm {table.year} từ tệp {upload.name}.")
        return redirect("plans:quota_grid", code=plan.code, year=table.year)
