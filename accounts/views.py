from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render

from .throttle import ADDRESS, address_failure_limit, lock_reason


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
