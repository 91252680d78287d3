from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from directory.permissions import Cap, user_can

from .throttle import ADDRESS, address_failure_limit, lock_reason

# What each capability means, as the profile page says it.
CAP_LABELS = {
    Cap.VIEW: "Xem dữ liệu của địa bàn", Cap.PLAN_EDIT: "Sửa kế hoạch, chỉ tiêu",
    Cap.QUOTA_EDIT: "Giao chỉ tiêu giảm nghèo", Cap.TASK_ASSIGN: "Giao nhiệm vụ",
    Cap.TASK_PROGRESS: "Báo cáo tiến độ nhiệm vụ", Cap.HOUSEHOLD_EDIT: "Thêm, sửa hộ gia đình",
    Cap.REVIEW_SUBMIT: "Lập và nộp phiếu rà soát", Cap.REVIEW_APPROVE: "Phê duyệt kết quả rà soát",
    Cap.REVIEW_REOPEN: "Mở lại phiếu đã duyệt", Cap.REPORT_GENERATE: "Tạo báo cáo",
    Cap.REPORT_SUBMIT: "Nộp báo cáo", Cap.DUTY_EDIT: "Sửa nghĩa vụ báo cáo",
    Cap.REFERENCE_EDIT: "Sửa danh mục", Cap.USER_ADMIN: "Quản lý người dùng",
}


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): a page in Vietnamese, status 429.

    It names the account only when that account itself failed too often; when only the address is throttled
    (many failures from one office's IP) it says so and names no account."""
    cool_off = get_cool_off(request)
    by_address = lock_reason(request, credentials) == ADDRESS
    context = {
        "by_address": by_address,
        "failure_limit": address_failure_limit() if by_address else get_failure_limit(request, credentials),
        "username": "" if by_address else (get_client_username(request, credentials) or ""),
        "cooloff_timedelta": cool_off,
        "lockout_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


@login_required
def profile(request):
    """The user's own page: who they are, their password, and their API tokens (create, revoke).

    A new key is shown once, on the answer to the POST that created it (never stored in the browser's history:
    every signed-in page is no-store; the server keeps only its digest); afterwards only its first characters."""
    from api.tokens import issue_token, revoke_token, tokens_of

    user = request.user
    new_key = new_token = None
    name_error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            try:
                new_token, new_key = issue_token(user, request.POST.get("name"))
            except ValueError as exc:
                name_error = f"Tên mã: {exc}"
            else:
                messages.success(request, f"Đã tạo mã truy cập API “{new_token.name}”; mã cũ cùng tên (nếu có) "
                                          "không dùng được nữa.")
        elif action == "revoke":
            if revoke_token(user, request.POST.get("token") or 0):
                messages.success(request, "Đã thu hồi mã truy cập API: các chương trình dùng mã này bị từ chối.")
            return redirect("profile")
    return render(request, "registration/profile.html", {
        "tokens": tokens_of(user), "new_key": new_key, "new_token": new_token, "name_error": name_error,
        "name_max": 80, "capabilities": sorted(
            str(label) for cap, label in CAP_LABELS.items() if user_can(user, cap)),
    })
