"""Pages of the reports app. Thin: scope through querysets/selectors, parse with a form, act with a service.

The web process never builds a workbook: "Tạo báo cáo" marks the run PENDING and queues a Celery task
(on commit); the run page shows the job's state and polls it.
"""

from __future__ import annotations

import mimetypes
import os

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from directory.access import CapabilityRequiredMixin, get_for_user_or_404
from directory.models import AdministrativeUnit
from directory.permissions import Cap, user_can
from plans.models import Plan

from . import policy, selectors
from .boundaries import Boundaries
from .forms import (
    CalendarFilterForm,
    CommentForm,
    CompletenessFilterForm,
    DutyForm,
    SubmitForm,
    TotalsFilterForm,
    TotalsUploadForm,
    UnsubmitForm,
    UploadForm,
)
from .list_excel import calendar_workbook, completeness_workbook
from .models import ReportingDuty, ReportRun
from .services.figures import needs_figures, registry_figures
from .services.runs import (
    duty_save,
    run_comment,
    run_request_generation,
    run_submit,
    run_unsubmit,
    run_upload,
)
from .services.totals import household_totals_import, household_totals_save

PAGE_SIZE = 50


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# --------------------------------------------------------------------------- lists


class CalendarView(CapabilityRequiredMixin, View):
    """What is due, when, by whom, and its status: every run in the user's scope, by deadline."""

    required_cap = Cap.VIEW

    def get(self, request):
        today = timezone.localdate()
        user = request.user
        form, runs = _calendar_runs(request, today)
        page = Paginator(runs, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(request, "reports/calendar.html", {
            "form": form, "page": page, "runs": page.object_list, "today": today, "query": query.urlencode(),
            "can_edit_duties": user_can(user, Cap.DUTY_EDIT), "due_soon_days": settings.REPORT_DUE_SOON_DAYS,
        })


def _opening_year(request, data, units, today) -> int:
    """The year a report page opens on: the dashboard's rule (latest year whose periodic review is complete
    for most of the unit) for the unit asked for, else the user's own unit."""
    from dashboard.selectors import opening_year

    raw = str(data.get("unit") or "")
    unit = units.filter(pk=int(raw)).first() if raw.isdigit() else None
    return opening_year(unit or request.user.working_unit, today)


def _calendar_runs(request, today):
    """The calendar's filter form and its runs in date order (shared by the page and its Excel file)."""
    user = request.user
    units = selectors.units_for_filter(user)
    years = selectors.years_with_runs(user)
    data = request.GET.copy()
    if "year" not in data:
        data["year"] = str(_opening_year(request, data, units, today))
        years = [*years, int(data["year"])]
    form = CalendarFilterForm(data, units=units, years=years)
    runs = selectors.runs_for_user(user, today)
    if form.is_valid():
        f = form.cleaned_data
        if f["unit"]:
            runs = runs.filter(selectors.reported_in(f["unit"]))
        if f["year"]:
            runs = runs.filter(year=f["year"])
        if f["status"]:
            runs = runs.filter(status=f["status"])
        if f["open_only"]:
            runs = runs.filter(submitted_at__isnull=True)
    return form, runs.order_by("due_date", "reporting_unit__path", "pk")


class CalendarExcelView(CapabilityRequiredMixin, View):
    """The filtered calendar, in date order, as a print-ready Excel document."""

    required_cap = Cap.VIEW

    def get(self, request):
        today = timezone.localdate()
        form, runs = _calendar_runs(request, today)
        f = form.cleaned_data if form.is_valid() else {}
        unit = f.get("unit") or request.user.working_unit
        content = calendar_workbook(runs.iterator(chunk_size=500), unit=unit, year=f.get("year"), today=today)
        return _xlsx(content, f"lich-bao-cao-{f.get('year') or 'moi-nam'}.xlsx")


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class MyReportsView(CapabilityRequiredMixin, View):
    """The reports the signed-in commune official or agency staff member owes, open ones first."""

    required_cap = Cap.VIEW

    def get(self, request):
        today = timezone.localdate()
        runs = selectors.my_runs(request.user, today)
        open_runs = list(runs.filter(submitted_at__isnull=True)[:200])
        done = list(runs.filter(submitted_at__isnull=False).order_by("-submitted_at")[:50])
        return render(request, "reports/my_reports.html", {"open_runs": open_runs, "done_runs": done,
                                                           "today": today})


class CompletenessView(CapabilityRequiredMixin, View):
    """Completeness and timeliness per duty and period (as DHIS2's reporting-rate summary)."""

    required_cap = Cap.VIEW

    def get(self, request):
        today = timezone.localdate()
        form, rows, year, unit = _completeness(request, today)
        query = request.GET.copy()
        query.pop("page", None)
        return render(request, "reports/completeness.html", {
            "form": form, "rows": rows, "total": selectors.completeness_total(rows), "year": year, "unit": unit,
            "today": today, "query": query.urlencode(),
        })


def _completeness(request, today):
    user = request.user
    units = selectors.units_for_filter(user).exclude(level="commune")
    years = selectors.years_with_runs(user)
    data = request.GET.copy()
    if "year" not in data:
        data["year"] = str(_opening_year(request, data, units, today))
        years = [*years, int(data["year"])]
    form = CompletenessFilterForm(data, units=units, years=years)
    rows, year, unit = [], today.year, None
    if form.is_valid():
        year, unit = form.cleaned_data["year"], form.cleaned_data["unit"]
        rows = selectors.completeness(user, year=year, today=today, unit=unit)
    return form, rows, year, unit


class CompletenessExcelView(CapabilityRequiredMixin, View):
    required_cap = Cap.VIEW

    def get(self, request):
        today = timezone.localdate()
        _, rows, year, unit = _completeness(request, today)
        content = completeness_workbook(rows, selectors.completeness_total(rows),
                                        unit=unit or request.user.working_unit, year=year, today=today)
        return _xlsx(content, f"tinh-hinh-nop-bao-cao-{year}.xlsx")


# --------------------------------------------------------------------------- the run page


def _submit_form(run: ReportRun, data=None) -> SubmitForm:
    """The submit form; a poverty report's figures prefilled from (and checked against) the registry."""
    registry = registry_figures(run) if needs_figures(run) else None
    return SubmitForm(data, run=run, registry=registry)


def _run_context(request, run: ReportRun, submit_form: SubmitForm | None = None) -> dict:
    user = request.user
    today = timezone.localdate()
    status = run.status_on(today)
    can_submit = policy.can_submit(user, run) and not run.is_submitted
    return {
        "run": run,
        "today": today,
        "status": status.value,
        "status_label": run.status_label(status),
        "status_badge": run.status_badge(status),
        "events": selectors.run_events(run),
        "can_generate": policy.can_generate(user, run),
        "boundary_choices": Boundaries.choices,
        "boundaries": run.effective_boundaries,
        "can_submit": can_submit,
        "can_upload": policy.can_submit(user, run) and not run.is_submitted,
        "can_unsubmit": policy.can_unsubmit(user, run),
        "can_comment": policy.can_comment(user, run),
        "can_see_error": policy.can_see_job_error(user),
        "tolerance_percent": settings.REPORT_REGISTRY_TOLERANCE_PERCENT,
        "upload_form": UploadForm(),
        "submit_form": submit_form or (_submit_form(run) if can_submit else SubmitForm()),
        "unsubmit_form": UnsubmitForm(),
        "comment_form": CommentForm(),
    }


class RunDetailView(CapabilityRequiredMixin, View):
    required_cap = Cap.VIEW

    def get(self, request, pk):
        run = selectors.run_for_user(request.user, pk)
        return render(request, "reports/run_detail.html", _run_context(request, run))


class RunActionView(CapabilityRequiredMixin, View):
    """POST-only actions on a run; each checks the row-level policy inside its service."""

    required_cap = Cap.VIEW
    action = ""

    def post(self, request, pk):
        run = selectors.run_for_user(request.user, pk)
        handler = getattr(self, f"do_{self.action}")
        try:
            response = handler(request, run)
        except ValidationError as exc:
            messages.error(request, _errors(exc))
            return redirect(run)
        return response or redirect(run)

    def do_generate(self, request, run):
        boundaries = request.POST.get("boundaries")
        boundaries = boundaries if boundaries in Boundaries.values else None
        if run_request_generation(run=run, acting_user=request.user, boundaries=boundaries):
            messages.success(request, "Đã xếp hàng tạo báo cáo; trang sẽ tự cập nhật khi xong.")
        else:
            messages.warning(request, "Báo cáo đang được tạo, xin chờ.")

    def do_upload(self, request, run):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, "Chưa chọn tệp để tải lên.")
            return None
        run_upload(run=run, upload=form.cleaned_data["file"], acting_user=request.user)
        messages.success(request, f"Đã tải lên “{form.cleaned_data['file'].name}”. Bấm “Nộp báo cáo” để nộp.")
        return None

    def do_submit(self, request, run):
        if not policy.can_submit(request.user, run):
            raise PermissionDenied("Bạn không được nộp báo cáo này.")
        form = _submit_form(run, request.POST)
        if not form.is_valid():  # the page again, with the figures and the note as typed
            return render(request, "reports/run_detail.html", _run_context(request, run, form))
        run = run_submit(run=run, acting_user=request.user, note=form.cleaned_data.get("note", ""),
                         figures=form.figures, registry=form.registry)
        status = run.status_on(timezone.localdate())
        messages.success(request, f"Đã nộp báo cáo ngày {run.submitted_on:%d/%m/%Y}: {run.status_label(status)}.")
        return None

    def do_unsubmit(self, request, run):
        form = UnsubmitForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Ghi lý do mở lại báo cáo.")
            return None
        run_unsubmit(run=run, reason=form.cleaned_data["reason"], acting_user=request.user)
        messages.success(request, "Đã mở lại báo cáo; đơn vị có thể nộp lại.")
        return None

    def do_comment(self, request, run):
        form = CommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Ý kiến đang để trống.")
            return None
        run_comment(run=run, text=form.cleaned_data["text"], acting_user=request.user)
        messages.success(request, "Đã ghi ý kiến.")
        return None


class RunStateView(CapabilityRequiredMixin, View):
    """The job state as JSON, polled by the run page while a build is queued or running."""

    required_cap = Cap.VIEW

    def get(self, request, pk):
        run = get_for_user_or_404(ReportRun.objects.only("pk", "job_status", "job_attempt", "reporting_unit_id",
                                                         "agency_id"), request.user, pk=pk)
        return JsonResponse({"job_status": run.job_status, "label": run.job_label})


class RunDownloadView(CapabilityRequiredMixin, View):
    """The only way to a report file: through the run's scope check (the storage has no public URL)."""

    required_cap = Cap.VIEW

    def get(self, request, pk, which):
        run = selectors.run_for_user(request.user, pk)
        field = {"tao": run.generated_file, "phu-luc": run.appendix_file, "tai-len": run.uploaded_file}.get(which)
        if not field:
            raise Http404("Kỳ báo cáo này chưa có tệp.")
        try:
            handle = field.open("rb")
        except FileNotFoundError as exc:
            raise Http404("Tệp không còn trên máy chủ.") from exc
        name = os.path.basename(field.name)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)


# --------------------------------------------------------------------------- duties of a plan


def _plan_for(request, code) -> Plan:
    return get_for_user_or_404(Plan.objects.select_related("unit"), request.user, code=code)


class PlanDutiesView(CapabilityRequiredMixin, View):
    """The plan's reporting duties; staff add one with the form below the list."""

    required_cap = Cap.VIEW
    write_cap = Cap.DUTY_EDIT

    def get(self, request, code):
        plan = _plan_for(request, code)
        form = DutyForm(plan=plan, user=request.user) if user_can(request.user, Cap.DUTY_EDIT) else None
        return self._render(request, plan, form)

    def post(self, request, code):
        plan = _plan_for(request, code)
        form = DutyForm(request.POST, plan=plan, user=request.user)
        if form.is_valid() and _save_duty(request, form):
            messages.success(request, f"Đã thêm nghĩa vụ “{form.instance.title}” và mở các kỳ báo cáo.")
            return redirect("reports:plan_duties", code=plan.code)
        return self._render(request, plan, form, status=400)

    def _render(self, request, plan, form, status=200):
        return render(request, "reports/plan_duties.html", {
            "plan": plan, "duties": selectors.duties_of_plan(plan), "form": form,
            "can_edit": user_can(request.user, Cap.DUTY_EDIT),
        }, status=status)


def _save_duty(request, form) -> bool:
    duty = form.save(commit=False)
    try:
        duty_save(duty=duty, acting_user=request.user, reporter_units=form.cleaned_data["reporter_units"],
                  reporter_agencies=form.cleaned_data["reporter_agencies"])
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return False
    return True


class DutyEditView(CapabilityRequiredMixin, View):
    required_cap = Cap.DUTY_EDIT
    write_cap = Cap.DUTY_EDIT

    def _duty(self, request, pk) -> ReportingDuty:
        duty = get_for_user_or_404(ReportingDuty.objects.select_related("plan", "plan__unit"), request.user, pk=pk)
        if duty.plan is None:
            raise Http404("Nghĩa vụ theo văn bản trung ương sửa trong trang quản trị.")
        return duty

    def get(self, request, pk):
        duty = self._duty(request, pk)
        return render(request, "reports/duty_form.html",
                      {"duty": duty, "plan": duty.plan, "form": DutyForm(instance=duty, plan=duty.plan,
                                                                          user=request.user)})

    def post(self, request, pk):
        duty = self._duty(request, pk)
        form = DutyForm(request.POST, instance=duty, plan=duty.plan, user=request.user)
        if form.is_valid() and _save_duty(request, form):
            messages.success(request, f"Đã lưu nghĩa vụ “{duty.title}”; hạn nộp của các kỳ chưa nộp đã cập nhật.")
            return redirect("reports:plan_duties", code=duty.plan.code)
        return render(request, "reports/duty_form.html", {"duty": duty, "plan": duty.plan, "form": form},
                      status=400)


# --------------------------------------------------------------------------- household totals


class HouseholdTotalsView(CapabilityRequiredMixin, View):
    """Per-commune yearly household totals (the rate's denominator): a grid to fill, or an .xlsx to import."""

    required_cap = Cap.VIEW
    write_cap = Cap.DUTY_EDIT

    def _units(self, request):
        return selectors.units_for_filter(request.user).exclude(level="commune")

    def _filter(self, request, data):
        form = TotalsFilterForm(data, units=self._units(request))
        if form.is_valid():
            return form, form.cleaned_data["unit"], form.cleaned_data["year"]
        return form, None, None

    def get(self, request):
        data = request.GET.copy()
        user_unit = request.user.working_unit
        if user_unit is not None and user_unit.level != "commune":
            data.setdefault("unit", str(user_unit.pk))
        if "year" not in data:
            data["year"] = str(_opening_year(request, data, self._units(request), timezone.localdate()))
        form, unit, year = self._filter(request, data)
        return self._render(request, form, unit, year)

    def post(self, request):
        form, unit, year = self._filter(request, request.POST)
        if unit is None:
            return self._render(request, form, None, None, status=400)
        if request.POST.get("action") == "upload":
            upload_form = TotalsUploadForm(request.POST, request.FILES)
            if not upload_form.is_valid():
                messages.error(request, "Chưa chọn tệp Excel để nhập.")
                return redirect(f"{request.path}?unit={unit.pk}&year={year}")
            changed, errors = household_totals_import(upload=upload_form.cleaned_data["file"], unit=unit,
                                                      year=year, acting_user=request.user)
            if errors:
                return self._render(request, form, unit, year, file_errors=errors, status=400)
            messages.success(request, f"Đã nhập tệp: {changed} xã thay đổi tổng số hộ năm {year}.")
            return redirect(f"{request.path}?unit={unit.pk}&year={year}")
        grid = selectors.totals_grid(unit, year)
        totals, errors = {}, []
        for commune, _ in grid:
            key = f"total-{commune.pk}"
            if key not in request.POST:  # a commune not on the submitted page is left as it is
                continue
            raw = request.POST[key].strip().replace(".", "")
            if raw == "":
                totals[commune.pk] = None
            elif raw.isdigit():
                totals[commune.pk] = int(raw)
            else:
                errors.append(f"{commune.display_name}: “{raw}” không phải số hộ (số nguyên ≥ 0).")
        if errors:
            return self._render(request, form, unit, year, grid_errors=errors, status=400)
        changed = household_totals_save(unit=unit, year=year, totals=totals, acting_user=request.user,
                                        source="Nhập trên trang")
        messages.success(request, f"Đã lưu: {changed} xã thay đổi tổng số hộ năm {year}.")
        return redirect(f"{request.path}?unit={unit.pk}&year={year}")

    def _render(self, request, form, unit: AdministrativeUnit | None, year, status=200, **extra):
        grid = selectors.totals_grid(unit, year) if unit is not None else []
        return render(request, "reports/household_totals.html", {
            "form": form, "unit": unit, "year": year, "grid": grid, "upload_form": TotalsUploadForm(),
            "can_edit": policy.is_overseer(request.user), **extra,
        }, status=status)
