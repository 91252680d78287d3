"""The villages of a split commune and their new communes: the page and its Excel round-trip (thin)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from directory.access import require_cap
from directory.permissions import Cap

from . import villages

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _split_for(user, pk: int) -> villages.SplitCommune:
    """A split commune the user may see (in scope, or one of its successors is): 404 otherwise."""
    commune = next((c for c in villages.split_communes_for(user) if c.pk == pk), None)
    if commune is None:
        raise Http404("Không tìm thấy xã bị chia hoặc bạn không có quyền xem.")
    return villages.split_commune(commune)


@login_required
def split_list(request):
    require_cap(request.user, Cap.VIEW)
    splits = [villages.split_commune(c) for c in villages.split_communes_for(request.user)]
    return render(request, "households/split_communes.html", {"splits": splits})


@login_required
def village_assignment(request, pk):
    user = request.user
    require_cap(user, Cap.VIEW)
    split = _split_for(user, pk)
    can_assign = villages.may_assign(user, split)
    if request.GET.get("excel"):
        response = HttpResponse(villages.village_workbook(split), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="phan-thon-{split.commune.code}.xlsx"'
        return response
    errors = []
    if request.method == "POST":
        if not can_assign:
            raise PermissionDenied("Chỉ cán bộ cấp tỉnh hoặc cán bộ của xã mới được phân thôn của xã bị chia.")
        try:
            if "file" in request.FILES:
                choices = villages.read_village_workbook(request.FILES["file"], split=split)
            else:
                choices = _posted_choices(request, split)
            changed = villages.village_assignments_save(split=split, choices=choices, acting_user=user)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, f"Đã lưu phân thôn: {changed} thôn thay đổi; các hộ đã chuyển theo thôn.")
            return redirect("households:village_assignment", pk=split.commune.pk)
    return render(request, "households/village_assignment.html", {
        "split": split, "can_assign": can_assign, "errors": errors,
    }, status=400 if errors else 200)


def _posted_choices(request, split) -> dict[str, int]:
    """The page posts one ``thon-<index>`` select per village (index into the village list)."""
    choices = {}
    for index, row in enumerate(split.villages):
        raw = request.POST.get(f"thon-{index}")
        if raw:
            try:
                choices[row.village] = int(raw)
            except ValueError as exc:
                raise ValidationError(f"Thôn “{row.label}”: lựa chọn xã mới không hợp lệ.") from exc
    return choices
