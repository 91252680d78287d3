from django.contrib.auth.decorators import login_required
from django.http import HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from .models import Role
from .todo import todo_for


@login_required
def home(request):
    user = request.user
    role = Role.ADMIN if user.is_superuser and not user.role else user.role
    return render(request, "directory/home.html", {"role": role, "role_label": user.role_label,
                                                   "todo": todo_for(user)})


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says (resolved per request: the manifest may not exist
    at import time)."""
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    response = render(request, "404.html", status=404)
    response.is_app_page = True
    return response


def error_500(request):
    """The layout when it can be drawn; a plain page when the failure is in what the layout needs (the DB)."""
    try:
        response = render(request, "500.html", status=500)
        response.is_app_page = True
        return response
    except Exception:  # noqa: BLE001 - an error page must not fail
        return HttpResponseServerError(loader.get_template("500_plain.html").render())


def csrf_failure(request, reason=""):
    """CSRF refusal in Vietnamese under the layout (settings.CSRF_FAILURE_VIEW)."""
    from django.middleware.csrf import REASON_NO_CSRF_COOKIE

    return render(request, "403_csrf.html", {"no_cookies": reason == REASON_NO_CSRF_COOKIE}, status=403)


class FriendlyErrorPagesMiddleware:
    """Under ``make run`` (DEBUG) show the same Vietnamese 404 and 500 pages as production instead of
    Django's debug pages; DJANGO_DEBUG_PAGES=1 brings the debug pages back for developers. Innermost in
    MIDDLEWARE, so the outer ones (CSP, security headers) still apply to the page it draws."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code == 404 and is_html and not getattr(response, "is_app_page", False):
            return error_404(request)
        if response.status_code == 500 and is_html and not getattr(response, "is_app_page", False):
            return error_500(request)
        return response
