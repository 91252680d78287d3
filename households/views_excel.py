"""Web upload and download of review lists (Excel), for commune officials and staff.

Thin: the forms check the input, ``importing.import_reviews`` / ``exporting.export_reviews``
do the work. The upload writes only into communes in the user's scope (the importer
checks every row), the download reads only the user's scope (404 for a commune outside it).
"""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from directory.access import require_cap
from directory.models import AdministrativeUnit
from directory.permissions import Cap, user_can
from directory.scoping import get_for_user_or_404
from directory.unit_search import UnitSearchWidget
from directory.xlsx_guard import XlsxLimitError, check_xlsx

from .classification import NoStandardError
from .exporting import export_reviews
from .importing import ImportRejected, check_upload, import_reviews, jobs
from .models import ImportJob

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _can_import(user) -> bool:
    return user_can(user, Cap.HOUSEHOLD_EDIT) and user_can(user, Cap.REVIEW_SUBMIT)


def _can_approve_somewhere(user) -> bool:
    return user_can(user, Cap.REVIEW_APPROVE) or bool(getattr(user, "is_unit_chairman", False))


def _communes(user):
    return AdministrativeUnit.objects.for_user(user).communes().order_by("path")


class CommuneChoiceField(forms.ModelChoiceField):
    """A commune picked with the search box (a province has thousands); the queryset is the user's scope."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", UnitSearchWidget(level="commune"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return obj.display_name


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
    commune = CommuneChoiceField(
        queryset=AdministrativeUnit.objects.none(), required=False, label="Xã",
        empty_label="— theo cột “Xã” trong tệp —",
        help_text="Chọn xã khi tệp không có cột “Xã”; dòng ghi xã khác sẽ bị báo lỗi.",
    )
    approve = forms.BooleanField(
        required=False, label="Ghi là đã phê duyệt (nạp danh sách chính thức)",
        help_text="Chỉ cấp phê duyệt của xã mới dùng được. Không chọn: phiếu mới là bản nháp để xã nộp.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = _communes(user)
        if not _can_approve_somewhere(user):
            del self.fields["approve"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(name=upload.name, size=upload.size)
            if jobs.is_large(upload):
                # Refused here, in seconds, rather than queued: a zip bomb, a huge cell, too many rows.
                check_xlsx(upload)
        except XlsxLimitError as exc:
            raise forms.ValidationError(exc.message) from exc
        except ImportRejected as exc:
            raise forms.ValidationError(exc.messages) from exc
        return upload


class ExportForm(forms.Form):
    commune = CommuneChoiceField(queryset=AdministrativeUnit.objects.none(), label="Xã")
    year = forms.IntegerField(label="Năm rà soát", min_value=2016, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = _communes(user)


@login_required
def excel_page(request):
    """GET: the upload and download forms. POST: import the uploaded file (all or nothing)."""
    user = request.user
    require_cap(user, Cap.VIEW)
    can_import = _can_import(user)
    faults, import_form = None, None
    if can_import:
        import_form = ImportForm(request.POST or None, request.FILES or None, user=user)
    if request.method == "POST":
        if not can_import:
            raise PermissionDenied("Vai trò của bạn không được nhập danh sách rà soát.")
        if import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            if jobs.is_large(upload):  # imported by the worker, with a progress bar
                job = jobs.queue_import(upload, acting_user=user, commune=import_form.cleaned_data["commune"],
                                        approve=import_form.cleaned_data.get("approve", False))
                return redirect(job)
            try:
                result = import_reviews(upload, name=upload.name, size=upload.size, acting_user=user,
                                        commune=import_form.cleaned_data["commune"],
                                        approve=import_form.cleaned_data.get("approve", False))
            except ImportRejected as exc:
                faults = exc.messages
            else:
                messages.success(request, result.summary())
                return redirect("households:excel")
    default_commune = user.working_unit if user.working_unit is not None and user.working_unit.is_commune else None
    export_form = ExportForm(user=user, auto_id="export_%s",
                             initial={"commune": default_commune, "year": timezone.localdate().year})
    recent_jobs = (ImportJob.objects.for_user(user).select_related("created_by").order_by("-created_at")[:5]
                   if can_import else [])
    return render(request, "households/excel.html", {
        "import_form": import_form, "export_form": export_form, "faults": faults, "recent_jobs": recent_jobs,
        "background_threshold": settings.IMPORT_BACKGROUND_THRESHOLD,
    })


@login_required
def excel_export(request):
    """Download one commune's review list of a year (the same columns the upload reads)."""
    user = request.user
    require_cap(user, Cap.VIEW)
    try:
        commune_id, year = int(request.GET["commune"]), int(request.GET["year"])
    except (KeyError, ValueError) as exc:
        raise Http404("Thiếu xã hoặc năm rà soát.") from exc
    commune = get_for_user_or_404(AdministrativeUnit.objects.communes(), user, pk=commune_id)
    output = io.BytesIO()
    try:
        export_reviews(unit=commune, year=year, output=output, user=user)
    except NoStandardError as exc:
        messages.error(request, str(exc))
        return redirect("households:excel")
    response = HttpResponse(output.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="ra-soat-{year}-{commune.code}.xlsx"'
    return response


def _job_state(job: ImportJob) -> dict:
    return {"status": job.status, "label": job.label, "in_progress": job.in_progress, "rows_read": job.rows_read,
            "rows_checked": job.rows_checked, "rows_written": job.rows_written}


@login_required
def import_job(request, pk):
    """A background import: its progress bar while it runs, then its result (the counts, or every fault)."""
    require_cap(request.user, Cap.VIEW)
    job = get_for_user_or_404(ImportJob.objects.select_related("commune", "created_by"), request.user, pk=pk)
    return render(request, "households/import_job.html", {"job": job, "state": _job_state(job)})


@login_required
def import_job_state(request, pk):
    """JSON the job page polls (static/js: no inline script)."""
    require_cap(request.user, Cap.VIEW)
    job = get_for_user_or_404(ImportJob.objects.all(), request.user, pk=pk)
    return JsonResponse(_job_state(job))
