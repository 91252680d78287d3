"""Pages of the plans app. Thin: scope through the queryset, parse with a form, write with a service."""

from __future__ import annotations

import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from directory.access import CapabilityRequiredMixin, get_for_user_or_404, get_readable_or_404
from directory.concurrency import ConcurrentEditError, stale_context
from directory.permissions import Cap, user_can

from . import selectors
from .filters import PlanFilter, TaskFilter
from .forms import AllocationForm, QuotaGridFormSet, QuotaTableForm, TargetProgressForm, TaskForm, TaskProgressForm
from .models import IndicatorTarget, Plan, QuotaRow, QuotaTable, Task, TaskProgress
from .services.allocation import NoHouseholdData, quota_allocation_propose
from .services.quotas import QuotaValidationError, quota_table_create, quota_table_replace
from .services.targets import target_progress_add
from .services.tasks import task_create, task_progress_add
from .tables import PlanTable, TaskTable


def _plan_for(request, code) -> Plan:
    return get_for_user_or_404(Plan.objects.select_related("unit"), request.user, code=code)


class PlanListView(CapabilityRequiredMixin, SingleTableMixin, FilterView):
    required_cap = Cap.VIEW
    table_class = PlanTable
    filterset_class = PlanFilter
    template_name = "plans/plan_list.html"
    paginate_by = 25

    def get_queryset(self):
        return selectors.plan_list(self.request.user)


class PlanDetailView(CapabilityRequiredMixin, TemplateView):
    required_cap = Cap.VIEW
    template_name = "plans/plan_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        # read-only for someone whose unit the plan only names (a commune official: their quota rows)
        plan = get_readable_or_404(Plan.objects.select_related("unit"), user, code=kwargs["code"])
        context = selectors.plan_detail_context(plan, user)
        owner = context["owns_plan"]
        return {
            **super().get_context_data(**kwargs),
            **context,
            "plan": plan,
            "today": timezone.localdate(),
            "can_edit_plan": owner and user_can(user, Cap.PLAN_EDIT),
            "can_edit_quota": owner and user_can(user, Cap.QUOTA_EDIT),
            "can_assign": owner and user_can(user, Cap.TASK_ASSIGN),
        }


# ----------------------------------------------------------------------------- quota tables


class QuotaTableCreateView(CapabilityRequiredMixin, View):
    required_cap = Cap.QUOTA_EDIT
    template_name = "plans/quota_table_form.html"

    def get(self, request, code):
        plan = _plan_for(request, code)
        form = QuotaTableForm(plan=plan, initial={"year": plan.first_year, "appendix_label": "Phụ lục 01"})
        return render(request, self.template_name, {"plan": plan, "form": form})

    def post(self, request, code):
        plan = _plan_for(request, code)
        form = QuotaTableForm(request.POST, plan=plan)
        if form.is_valid():
            try:
                table = quota_table_create(plan=plan, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Đã tạo bảng chỉ tiêu năm {table.year}. Nhập chỉ tiêu cho từng xã.")
                return redirect("plans:quota_grid", code=plan.code, year=table.year)
        return render(request, self.template_name, {"plan": plan, "form": form})


class QuotaGridMixin:
    def get_table(self, code, year, *, read_only=False) -> QuotaTable:
        """The table to change, or with ``read_only`` also one that only names the user's commune."""
        fetch = get_readable_or_404 if read_only else get_for_user_or_404
        table = fetch(QuotaTable.objects.select_related("plan__unit"), self.request.user, plan__code=code, year=year)
        table.owned = not read_only or selectors.owns_plan(table.plan, self.request.user)
        return table

    def grid_lines(self, table: QuotaTable):
        """(communes by id, initial lines): the table's rows in order, then the unit's other communes
        (a reader who does not own the plan: only the rows naming their units)."""
        rows = table.rows.all() if table.owned else QuotaRow.objects.readable_by(self.request.user).filter(table=table)
        rows = list(rows.select_related("commune").order_by("order", "pk")) if table.pk else []
        communes = {row.commune_id: row.commune for row in rows}
        initial = [{"commune": row.commune_id, "total": row.total, "without_labour": row.without_labour,
                    "with_labour": row.with_labour, "note": row.note} for row in rows]
        if not table.owned:
            return communes, initial
        for commune in selectors.communes_of_plan(table.plan, table.year):
            if commune.pk not in communes:
                communes[commune.pk] = commune
                initial.append({"commune": commune.pk})
        return communes, initial

    def render_grid(self, table, formset, **extra):
        totals = selectors.quota_table_totals(table.rows.all()) if table.pk and table.owned else None
        # A refused (stale) grid keeps the version it was loaded with: saving again is refused again.
        grid_version = formset.expected_version if formset is not None and formset.is_bound else table.version
        return render(self.request, "plans/quota_grid.html", {
            "plan": table.plan, "table": table, "formset": formset, "totals": totals, "grid_version": grid_version,
            "can_edit": table.owned and user_can(self.request.user, Cap.QUOTA_EDIT), "owned": table.owned, **extra,
        })


class QuotaGridView(CapabilityRequiredMixin, QuotaGridMixin, View):
    """The whole quota table on one page; saved as a whole or not at all."""

    required_cap = Cap.VIEW
    write_cap = Cap.QUOTA_EDIT

    def get(self, request, code, year):
        table = self.get_table(code, year, read_only=True)
        communes, initial = self.grid_lines(table)
        formset = QuotaGridFormSet(initial=initial, table=table, communes=communes)
        return self.render_grid(table, formset)

    def post(self, request, code, year):
        table = self.get_table(code, year)
        communes, _ = self.grid_lines(table)
        formset = QuotaGridFormSet(request.POST, table=table, communes=communes)
        if formset.is_valid():
            try:
                quota_table_replace(table=table, rows=formset.row_inputs(), acting_user=request.user,
                                    source="nhập trên trang", check_version=True,
                                    expected_version=formset.expected_version)
            except QuotaValidationError as exc:  # changed underneath us between clean and save
                formset.all_errors.extend(e.message for e in exc.errors)
            except ConcurrentEditError as exc:
                formset.all_errors.extend(exc.messages)
                return self.render_grid(table, formset, **stale_context(exc))
            else:
                messages.success(request, f"Đã lưu bảng chỉ tiêu năm {table.year}.")
                return redirect("plans:quota_grid", code=code, year=year)
        return self.render_grid(table, formset)


class QuotaAllocateView(CapabilityRequiredMixin, QuotaGridMixin, View):
    """Staff enter the unit's totals and get a proportional split, prefilled into the grid to adjust and save."""

    required_cap = Cap.QUOTA_EDIT

    def get(self, request, code, year):
        table = self.get_table(code, year)
        initial = {"total": table.target_total, "without_labour": table.target_without_labour,
                   "with_labour": table.target_with_labour}
        form = AllocationForm(request.GET if "total" in request.GET else None, initial=initial)
        context = {"allocation_form": form, "proposal": None, "no_data": ""}
        formset = None
        if form.is_bound and form.is_valid():
            communes, current = self.grid_lines(table)
            notes = {line["commune"]: line.get("note", "") for line in current}
            ids = list(communes)
            try:
                proposal = quota_allocation_propose(
                    commune_ids=ids, without_labour=form.cleaned_data["without_labour"],
                    with_labour=form.cleaned_data["with_labour"],
                    names={pk: c.display_name for pk, c in communes.items()},
                )
            except NoHouseholdData as exc:
                context["no_data"] = str(exc)
            else:
                lines = []
                for pk in ids:
                    without, with_ = proposal.shares[pk]
                    lines.append({"commune": pk, "total": without + with_, "without_labour": without,
                                  "with_labour": with_, "note": notes.get(pk, "")})
                formset = QuotaGridFormSet(initial=lines, table=table, communes=communes)
                for form, pk in zip(formset.forms, ids, strict=True):
                    form.poor_counts = proposal.poor_counts[pk]
                context["proposal"] = proposal
        return self.render_grid(table, formset, mode="allocate", **context)


# ----------------------------------------------------------------------------- tasks


class TaskCreateView(CapabilityRequiredMixin, View):
    required_cap = Cap.TASK_ASSIGN
    template_name = "plans/task_form.html"

    def get(self, request, code):
        plan = _plan_for(request, code)
        return render(request, self.template_name, {"plan": plan, "form": TaskForm(plan=plan)})

    def post(self, request, code):
        plan = _plan_for(request, code)
        form = TaskForm(request.POST, plan=plan)
        if form.is_valid():
            try:
                task = task_create(plan=plan, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Đã giao nhiệm vụ cho {task.agency.name}.")
                return redirect(reverse("plans:plan_detail", kwargs={"code": plan.code}) + "#nhiem-vu")
        return render(request, self.template_name, {"plan": plan, "form": form})


class MyTasksView(CapabilityRequiredMixin, SingleTableMixin, FilterView):
    """“Nhiệm vụ của tôi”: the tasks of the user's agency (the queryset does the narrowing)."""

    required_cap = Cap.TASK_PROGRESS
    table_class = TaskTable
    filterset_class = TaskFilter
    template_name = "plans/my_tasks.html"
    paginate_by = 50

    def get_queryset(self):
        return selectors.tasks_for_user(self.request.user)


class TaskDetailView(CapabilityRequiredMixin, View):
    required_cap = Cap.VIEW
    write_cap = Cap.TASK_PROGRESS
    template_name = "plans/task_detail.html"

    def get_task(self, pk):
        return get_for_user_or_404(selectors.tasks_for_user(self.request.user), self.request.user, pk=pk)

    def render_page(self, task, form, **extra):
        progress = task.progress.select_related("author").order_by("-reported_on", "-pk")
        return render(self.request, self.template_name, {
            "task": task, "plan": task.plan, "progress": progress, "form": form, "today": timezone.localdate(),
            **extra,
        })

    def get(self, request, pk):
        task = self.get_task(pk)
        form = TaskProgressForm(task=task) if user_can(request.user, Cap.TASK_PROGRESS) else None
        return self.render_page(task, form)

    def post(self, request, pk):
        task = self.get_task(pk)
        form = TaskProgressForm(request.POST, request.FILES, task=task)
        stale = {}
        if form.is_valid():
            try:
                task_progress_add(task=task, acting_user=request.user, check_version=True, **form.cleaned_data)
            except ConcurrentEditError as exc:
                form.add_error(None, exc.messages)
                stale = stale_context(exc)
            else:
                messages.success(request, "Đã ghi tiến độ nhiệm vụ.")
                return redirect("plans:task_detail", pk=task.pk)
        return self.render_page(task, form, **stale)


class ProgressAttachmentView(CapabilityRequiredMixin, View):
    """A progress report's attached file, for people who may see the task (404 for everyone else)."""

    required_cap = Cap.VIEW

    def get(self, request, pk):
        progress = get_for_user_or_404(TaskProgress.objects.select_related("task"), request.user, pk=pk)
        if not progress.attachment or not Task.objects.for_user(request.user).filter(pk=progress.task_id).exists():
            raise Http404("Không có tệp đính kèm.")
        return FileResponse(progress.attachment.open("rb"), as_attachment=True,
                            filename=progress.attachment_name or os.path.basename(progress.attachment.name))


# ----------------------------------------------------------------------------- targets


class TargetProgressCreateView(CapabilityRequiredMixin, View):
    required_cap = Cap.PLAN_EDIT
    template_name = "plans/target_progress_form.html"

    def get_target(self, pk):
        return get_for_user_or_404(IndicatorTarget.objects.select_related("plan"), self.request.user, pk=pk)

    def get(self, request, pk):
        target = self.get_target(pk)
        form = TargetProgressForm(initial={"as_of": timezone.localdate()})
        return render(request, self.template_name, {"target": target, "plan": target.plan, "form": form})

    def post(self, request, pk):
        target = self.get_target(pk)
        form = TargetProgressForm(request.POST)
        if form.is_valid():
            target_progress_add(target=target, acting_user=request.user, **form.cleaned_data)
            messages.success(request, f"Đã ghi kết quả cho chỉ tiêu “{target.name}”.")
            return redirect(reverse("plans:plan_detail", kwargs={"code": target.plan.code}) + "#chi-tieu")
        return render(request, self.template_name, {"target": target, "plan": target.plan, "form": form})
