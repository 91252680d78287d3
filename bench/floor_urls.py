"""The benchmark's own URLconf for the floor of a page (``bench.run.measure_floor``): the app's URLs, plus two
signed-in views that do nothing of their own. Never served by the app: the benchmark swaps it in with
``override_settings(ROOT_URLCONF=...)`` for these two measurements only.

- ``__bench/floor/``: a signed-in request through every middleware of the app (request id, security headers,
  CSP, WhiteNoise, session, locale, CSRF, authentication with its user query, idle clock, forced password
  change, audit, axes) answering an empty 200: what any page costs before its own work.
- ``__bench/layout/``: the same, rendering the layout every page extends (``base.html``: the menu, the user's
  name, the messages), with no content of its own.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from povertyapp.urls import urlpatterns as app_urlpatterns


@login_required
def signed_in_nothing(request):
    return HttpResponse(b"")


@login_required
def signed_in_layout(request):
    return render(request, "base.html", {})


urlpatterns = [
    path("__bench/floor/", signed_in_nothing),
    path("__bench/layout/", signed_in_layout),
    *app_urlpatterns,
]
