"""Funds pages. Thin: rows through ``for_user``, rights through ``funds.policy``, writes through
``funds.services``; a stale save shows ``includes/stale_save.html``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from directory.access import CapabilityRequiredMixin, get_for_user_or_404
from directory.concurrency import stale_context
from directory.permissions import Cap
from plans.models import Plan

from . import policy, services
from .excel import XLSX_CONTENT_TYPE, FundsImportError, funds_filename, funds_import, funds_workbook
from .forms import AllocationForm, DisbursementForm, ImportForm, LineCreateForm, LineEditForm
from .models import FundAllocation, FundDisbursement, FundLine, FundSource
from .reporting import fund_rates
from .rules import rate


def _back_to_plan(plan_code: str, year: int):
    """After a save: the plan's funds page on the year of the row saved."""
    return redirect(reverse("funds:plan_funds", kwargs={"code": plan_code}) + f"?nam={year}")


def _year(request, default: int) -> int:
    try:
        year = int(request.GET.get("nam", default))
    except (TypeError, ValueError):
        return default
    return year if 1990 <= year <= 2100 else default


def plan_for_funds(user, code) -> Plan:
    """The plan when the user sees it, or sees some of its funds (a commune its allocations); else 404."""
    visible = Q(pk__in=Plan.objects.for_user(user).values("pk")) | Q(
        pk__in=FundLine.objects.for_user(user).values("plan"))
    plan = Plan.objects.select_related("unit").filter(visible, code=code).first()
    if plan is None:
        raise Http404("Không tìm thấy hoặc bạn không có quyền xem.")
    return plan


def _form_errors(form, exc: ValidationError) -> dict:
    """Put a service's ValidationError on the form (fields it names, else the top); return the stale context."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, [e for err in errors for e in err.messages])
    else:
        form.add_error(None, exc.messages)
    return stale_context(exc)


class FundsIndexView(CapabilityRequiredMixin, View):
    """Kinh phí: the plans the user sees with funds, and the disbursement rates by project and by unit."""

    required_cap = Cap.VIEW

    def get(self, request):
        user = request.user
        years = sorted(set(FundLine.objects.for_user(user).values_list("year", flat=True).distinct()))
        today = timezone.localdate()
        default = today.year if today.year in years or not years else years[-1]
        year = _year(request, default)
        rates = fund_rates(unit=None, year=year, user=user)
        plans = Plan.objects.select_related("unit").filter(
            pk__in=FundLine.objects.for_user(user).filter(year=year).values("plan")).order_by("code")
        own_plans = Plan.objects.for_user(user).active_in(year).select_related("unit").order_by("code")
        return render(request, "funds/index.html", {
            "year": year, "years": years or [year], "rates": rates, "plans": plans, "own_plans": own_plans,
        })


class PlanFundsView(CapabilityRequiredMixin, View):
    """One plan's funds for a year: every line, its allocations and their disbursements by quarter."""

    required_cap = Cap.VIEW

    def get(self, request, code):
        user = request.user
        plan = plan_for_funds(user, code)
        year = _year(request, plan.first_year if plan.first_year == plan.last_year
                     else min(max(timezone.localdate().year, plan.first_year), plan.last_year))
        disbursements = FundDisbursement.objects.for_user(user).order_by("quarter")
        allocations = (FundAllocation.objects.for_user(user).select_related("agency", "commune", "line")
                       .prefetch_related(Prefetch("disbursements", queryset=disbursements, to_attr="visible")))
        lines = (FundLine.objects.for_user(user).filter(plan=plan, year=year)
                 .select_related("project__parent", "project__lead_agency", "plan")
                 .prefetch_related(Prefetch("allocations", queryset=allocations, to_attr="visible"))
                 .order_by("project__parent__order", "project__parent__number", "project__order", "project__number",
                           "source"))
        rows = []
        for line in lines:
            allocs = []
            for allocation in line.visible:
                by_quarter = {d.quarter: d for d in allocation.visible}
                disbursed = sum(d.amount for d in allocation.visible)
                allocs.append({"obj": allocation, "quarters": [by_quarter.get(q) for q in (1, 2, 3, 4)],
                               "disbursed": disbursed, "rate": rate(disbursed, allocation.amount),
                               "can_disburse": policy.can_disburse(user, allocation)})
            rows.append({"line": line, "label": services.project_label(line.project), "allocations": allocs,
                         "allocated": sum(a["obj"].amount for a in allocs),
                         "disbursed": sum(a["disbursed"] for a in allocs),
                         "can_edit": policy.can_edit_line(user, line)})
        # each project's lines in the order of the sources (central, local, integrated, mobilised)
        first = {}
        for index, row in enumerate(rows):
            first.setdefault(row["line"].project_id, index)
        source_order = {value: index for index, value in enumerate(FundSource.values)}
        rows.sort(key=lambda r: (first[r["line"].project_id], source_order[r["line"].source]))
        rates = fund_rates(unit=None, plan=plan, year=year, user=user)
        return render(request, "funds/plan_funds.html", {
            "plan": plan, "year": year, "years": range(plan.first_year, plan.last_year + 1), "rows": rows,
            "rates": rates, "sources": plan.fund_sources.all(),
            "can_create": policy.can_create_lines(user, plan), "can_import": policy.can_import(user, plan),
        })


class LineCreateView(CapabilityRequiredMixin, View):
    required_cap = Cap.FUND_ENTER
    template_name = "funds/line_form.html"

    def setup_plan(self, request, code):
        plan = get_for_user_or_404(Plan.objects.select_related("unit"), request.user, code=code)
        if not policy.can_create_lines(request.user, plan):
            raise PermissionDenied("Bạn không được thêm dự toán kinh phí cho kế hoạch này.")
        return plan

    def form(self, request, plan, data=None):
        initial = {"year": _year(request, plan.first_year)}
        return LineCreateForm(data, plan=plan, projects=policy.line_projects(request.user, plan), initial=initial)

    def get(self, request, code):
        plan = self.setup_plan(request, code)
        return render(request, self.template_name, {"plan": plan, "form": self.form(request, plan)})

    def post(self, request, code):
        plan = self.setup_plan(request, code)
        form = self.form(request, plan, request.POST)
        extra = {}
        if form.is_valid():
            data = form.cleaned_data
            try:
                line = services.line_create(plan=plan, project=data["project"], year=data["year"],
                                            source=data["source"], estimate=data["estimate"], note=data["note"],
                                            acting_user=request.user)
            except ValidationError as exc:
                extra = _form_errors(form, exc)
            else:
                messages.success(request, f"Đã thêm dự toán {line}.")
                return _back_to_plan(plan.code, line.year)
        return render(request, self.template_name, {"plan": plan, "form": form, **extra})


class LineEditView(CapabilityRequiredMixin, View):
    required_cap = Cap.VIEW
    write_cap = Cap.FUND_ENTER
    template_name = "funds/line_edit.html"

    def get_line(self, request, pk):
        return get_for_user_or_404(FundLine.objects.select_related("plan__unit", "project__parent"), request.user,
                                   pk=pk)

    def render_page(self, request, line, form, **extra):
        allocations = (FundAllocation.objects.for_user(request.user).filter(line=line)
                       .select_related("agency", "commune"))
        return render(request, self.template_name, {
            "line": line, "plan": line.plan, "label": services.project_label(line.project), "form": form,
            "allocations": allocations, "can_edit": policy.can_edit_line(request.user, line), **extra})

    def get(self, request, pk):
        line = self.get_line(request, pk)
        form = LineEditForm(initial={"estimate": line.estimate, "note": line.note, "version": line.version})
        return self.render_page(request, line, form)

    def post(self, request, pk):
        line = self.get_line(request, pk)
        if not policy.can_edit_line(request.user, line):
            raise PermissionDenied("Bạn không được sửa dự toán này.")
        form = LineEditForm(request.POST)
        extra = {}
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.line_update(line=line, expected_version=data["version"], estimate=data["estimate"],
                                     note=data["note"], acting_user=request.user)
            except ValidationError as exc:
                extra = _form_errors(form, exc)
                line.refresh_from_db()  # the page's "đang lưu" is the stored row, not what was typed
            else:
                messages.success(request, f"Đã lưu dự toán {line}.")
                return _back_to_plan(line.plan.code, line.year)
        return self.render_page(request, line, form, **extra)


class AllocationCreateView(CapabilityRequiredMixin, View):
    required_cap = Cap.FUND_ENTER
    template_name = "funds/allocation_form.html"

    def get_line(self, request, pk):
        line = get_for_user_or_404(FundLine.objects.select_related("plan__unit", "project__parent"), request.user,
                                   pk=pk)
        if not policy.can_edit_line(request.user, line):
            raise PermissionDenied("Bạn không được phân bổ kinh phí của dòng này.")
        return line

    def render_page(self, request, line, form, **extra):
        return render(request, self.template_name, {"line": line, "plan": line.plan, "form": form, "creating": True,
                                                    "label": services.project_label(line.project), **extra})

    def get(self, request, pk):
        line = self.get_line(request, pk)
        form = AllocationForm(line=line, creating=True, initial={"version": line.version})
        return self.render_page(request, line, form)

    def post(self, request, pk):
        line = self.get_line(request, pk)
        form = AllocationForm(request.POST, line=line, creating=True)
        extra = {}
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.allocation_create(
                    line=line, agency=data["agency"], commune=data["commune"], amount=data["amount"],
                    decision_number=data["decision_number"], decision_date=data["decision_date"], note=data["note"],
                    line_version=data["version"], acting_user=request.user)
            except ValidationError as exc:
                extra = _form_errors(form, exc)
            else:
                messages.success(request, "Đã ghi phân bổ.")
                return _back_to_plan(line.plan.code, line.year)
        return self.render_page(request, line, form, **extra)


class AllocationEditView(CapabilityRequiredMixin, View):
    required_cap = Cap.VIEW
    write_cap = Cap.FUND_ENTER
    template_name = "funds/allocation_form.html"

    def get_allocation(self, request, pk):
        return get_for_user_or_404(
            FundAllocation.objects.select_related("line__plan__unit", "line__project__parent", "agency", "commune"),
            request.user, pk=pk)

    def render_page(self, request, allocation, form, **extra):
        line = allocation.line
        disbursements = FundDisbursement.objects.for_user(request.user).filter(allocation=allocation) \
            .select_related("recorded_by").order_by("quarter")
        return render(request, self.template_name, {
            "allocation": allocation, "line": line, "plan": line.plan, "form": form, "creating": False,
            "label": services.project_label(line.project), "disbursements": disbursements,
            "disbursed": sum(d.amount for d in disbursements),
            "can_edit": policy.can_edit_line(request.user, line),
            "can_disburse": policy.can_disburse(request.user, allocation), **extra})

    def get(self, request, pk):
        allocation = self.get_allocation(request, pk)
        form = AllocationForm(line=allocation.line, creating=False, initial={
            "amount": allocation.amount, "decision_number": allocation.decision_number,
            "decision_date": allocation.decision_date, "note": allocation.note, "version": allocation.version})
        return self.render_page(request, allocation, form)

    def post(self, request, pk):
        allocation = self.get_allocation(request, pk)
        if not policy.can_edit_line(request.user, allocation.line):
            raise PermissionDenied("Bạn không được sửa phân bổ này.")
        form = AllocationForm(request.POST, line=allocation.line, creating=False)
        extra = {}
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.allocation_update(
                    allocation=allocation, expected_version=data["version"], amount=data["amount"],
                    decision_number=data["decision_number"], decision_date=data["decision_date"], note=data["note"],
                    acting_user=request.user)
            except ValidationError as exc:
                extra = _form_errors(form, exc)
                allocation.refresh_from_db()  # the page's "đang lưu" is the stored row, not what was typed
            else:
                messages.success(request, "Đã lưu phân bổ.")
                line = allocation.line
                return _back_to_plan(line.plan.code, line.year)
        return self.render_page(request, allocation, form, **extra)


class DisbursementCreateView(CapabilityRequiredMixin, View):
    required_cap = Cap.FUND_ENTER
    template_name = "funds/disbursement_form.html"

    def get_allocation(self, request, pk):
        allocation = get_for_user_or_404(
            FundAllocation.objects.select_related("line__plan__unit", "line__project__parent", "agency", "commune"),
            request.user, pk=pk)
        if not policy.can_disburse(request.user, allocation):
            raise PermissionDenied("Bạn không được ghi giải ngân cho phân bổ này.")
        return allocation

    def render_page(self, request, allocation, form, **extra):
        return render(request, self.template_name, {
            "allocation": allocation, "line": allocation.line, "plan": allocation.line.plan, "form": form,
            "label": services.project_label(allocation.line.project), "disbursed": allocation.disbursed_total(),
            "creating": True, **extra})

    def get(self, request, pk):
        allocation = self.get_allocation(request, pk)
        used = set(allocation.disbursements.values_list("quarter", flat=True))
        quarter = next((q for q in (1, 2, 3, 4) if q not in used), 4)
        form = DisbursementForm(creating=True, initial={"version": allocation.version, "quarter": quarter})
        return self.render_page(request, allocation, form)

    def post(self, request, pk):
        allocation = self.get_allocation(request, pk)
        form = DisbursementForm(request.POST, creating=True)
        extra = {}
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.disbursement_create(
                    allocation=allocation, quarter=data["quarter"], amount=data["amount"],
                    document_number=data["document_number"], document_date=data["document_date"], note=data["note"],
                    allocation_version=data["version"], acting_user=request.user)
            except ValidationError as exc:
                extra = _form_errors(form, exc)
            else:
                messages.success(request, "Đã ghi giải ngân.")
                line = allocation.line
                return _back_to_plan(line.plan.code, line.year)
        return self.render_page(request, allocation, form, **extra)


class DisbursementEditView(CapabilityRequiredMixin, View):
    required_cap = Cap.VIEW
    write_cap = Cap.FUND_ENTER
    template_name = "funds/disbursement_form.html"

    def get_disbursement(self, request, pk):
        return get_for_user_or_404(
            FundDisbursement.objects.select_related("allocation__line__plan__unit", "allocation__line__project__parent",
                                                    "allocation__agency", "allocation__commune"),
            request.user, pk=pk)

    def render_page(self, request, disbursement, form, **extra):
        allocation = disbursement.allocation
        return render(request, self.template_name, {
            "disbursement": disbursement, "allocation": allocation, "line": allocation.line,
            "plan": allocation.line.plan, "form": form, "label": services.project_label(allocation.line.project),
            "disbursed": allocation.disbursed_total(), "creating": False,
            "can_disburse": policy.can_disburse(request.user, allocation), **extra})

    def get(self, request, pk):
        disbursement = self.get_disbursement(request, pk)
        form = DisbursementForm(creating=False, initial={
            "amount": disbursement.amount, "document_number": disbursement.document_number,
            "document_date": disbursement.document_date, "note": disbursement.note, "version": disbursement.version})
        return self.render_page(request, disbursement, form)

    def post(self, request, pk):
        disbursement = self.get_disbursement(request, pk)
        if not policy.can_disburse(request.user, disbursement.allocation):
            raise PermissionDenied("Bạn không được sửa số giải ngân này.")
        form = DisbursementForm(request.POST, creating=False)
        extra = {}
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.disbursement_update(
                    disbursement=disbursement, expected_version=data["version"], amount=data["amount"],
                    document_number=data["document_number"], document_date=data["document_date"], note=data["note"],
                    acting_user=request.user)
            except ValidationError as exc:
                extra = _form_errors(form, exc)
                disbursement.refresh_from_db()  # what the page shows as stored is the stored row
            else:
                messages.success(request, "Đã lưu số giải ngân.")
                line = disbursement.allocation.line
                return _back_to_plan(line.plan.code, line.year)
        return self.render_page(request, disbursement, form, **extra)


class FundsExportView(CapabilityRequiredMixin, View):
    """The plan's funds of a year in the finance offices' shape (what the user sees of it)."""

    required_cap = Cap.VIEW

    def get(self, request, code):
        plan = plan_for_funds(request.user, code)
        year = _year(request, plan.first_year)
        response = HttpResponse(content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{funds_filename(plan, year)}"'
        funds_workbook(plan=plan, year=year, user=request.user).save(response)
        return response


class FundsImportView(CapabilityRequiredMixin, View):
    """Upload a funds sheet: saved as a whole, or nothing and every fault listed (row, column, reason)."""

    required_cap = Cap.FUND_ENTER
    template_name = "funds/import.html"

    def get_plan(self, request, code):
        plan = get_for_user_or_404(Plan.objects.select_related("unit"), request.user, code=code)
        if not policy.can_import(request.user, plan):
            raise PermissionDenied("Chỉ cán bộ cấp huyện, tỉnh nhập tệp kinh phí.")
        return plan

    def get(self, request, code):
        plan = self.get_plan(request, code)
        return render(request, self.template_name, {"plan": plan, "form": ImportForm()})

    def post(self, request, code):
        plan = self.get_plan(request, code)
        form = ImportForm(request.POST, request.FILES)
        issues = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = funds_import(plan=plan, source=upload, filename=upload.name, size=upload.size,
                                      acting_user=request.user)
            except FundsImportError as exc:
                issues = exc.messages
            else:
                messages.success(request, f"Đã nhập {result.rows} dòng kinh phí từ tệp {upload.name}.")
                year = min(result.years) if result.years else plan.first_year
                return _back_to_plan(plan.code, year)
        return render(request, self.template_name, {"plan": plan, "form": form, "issues": issues})
