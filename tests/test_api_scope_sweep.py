"""The scope sweep of the REST API: every /api/v1/ route × every role, with a token, against the objects of
another province (the ``world`` of tests/test_scope_sweep.py). An object route answers 404 (never the object);
a list never shows an outside object, and a filter naming an outside unit, plan or household is a 404; a write
by a role that may not write is a 403 (checked before any lookup: it tells nothing about the object), by a role
that may, a 404 or a refusal of the outside reference; nothing changes in the database.

Routes are discovered from the URLconf: a new API route fails ``test_every_api_route_is_swept`` until it is
added to ``API_ROUTES`` (or, when it reads no data of a unit, to ``NOT_SCOPED`` with the reason).
"""

from __future__ import annotations

import json
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from api.models import ApiToken
from directory.models import AdministrativeUnit
from households.models import Household, Review
from plans.models import IndicatorTarget, Plan, QuotaTable
from reports.models import ReportRun
from tests.test_scope_sweep import READ_ONLY_ROLES, ROLES, database_state, world  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db]

# "ended_commune": the account of a commune that ended on 30/06/2025 and merged into the users' commune; it
# follows its unit's lineage (User.working_unit) and must reach no more than that commune's official.
ROLE_LIST = [*ROLES, "chairman", "ended_commune"]
# Roles whose capabilities allow no write at all through the API.
NO_WRITE_ROLES = READ_ONLY_ROLES | {"agency_staff"}

# name → (object kind for the URL kwargs or None, query parameters naming outside objects, model listed,
#         write methods of the route with their body)
API_ROUTES = {
    "api:unit_list": (None, {"parent": "district"}, AdministrativeUnit, {}),
    "api:unit_detail": ("commune", {}, None, {}),
    "api:household_list": (None, {"commune": "commune"}, Household,
                           {"post": lambda o: {"code": "X1", "head_name": "Ngoài", "commune": o["commune"].pk}}),
    "api:household_detail": ("household", {}, None,
                             {"patch": lambda o: {"head_name": "Đổi tên", "version": 1}}),
    "api:household_history": ("household", {}, None, {}),
    "api:review_list": (None, {"commune": "commune", "household": "household"}, Review,
                        {"post": lambda o: {"household": o["household"].pk, "year": 2024, "income_per_capita": 1}}),
    "api:review_detail": ("review", {}, None, {"patch": lambda o: {"note": "x", "version": 1}}),
    "api:review_submit": ("review", {}, None, {"post": lambda o: {"version": 1}}),
    "api:review_approve": ("review", {}, None, {"post": lambda o: {"version": 1}}),
    "api:review_return": ("review", {}, None, {"post": lambda o: {"version": 1, "comment": "x"}}),
    "api:review_reopen": ("review", {}, None, {"post": lambda o: {"version": 1, "reason": "x"}}),
    "api:approval_queue": (None, {"commune": "commune"}, Review, {}),
    "api:movement_list": (None, {"commune": "commune"}, Review, {}),
    "api:plan_list": (None, {}, Plan, {}),
    "api:plan_detail": ("plan", {}, None, {}),
    "api:target_list": (None, {"plan": "plan"}, IndicatorTarget, {}),
    "api:target_detail": ("target", {}, None, {}),
    "api:quota_table_list": (None, {"plan": "plan"}, QuotaTable, {}),
    "api:quota_table_detail": ("quota_table", {}, None, {}),
    "api:report_run_list": (None, {"unit": "commune"}, ReportRun, {}),
    "api:report_run_detail": ("run", {}, None, {}),
    "api:dashboard": (None, {"unit": "commune"}, None, {}),
}
NOT_SCOPED = {
    "api:schema": "the OpenAPI document: no data of any unit",
    "api:reference": "the reference page (Swagger UI over the schema): no data of any unit",
    "api:token": "the caller's own token (POST with a password, DELETE the caller's own)",
    "api:me": "the caller's own account",
}
# Lists that are refused as a whole to a role (403) instead of filtered: the approval queue for non-approvers.
LIST_FORBIDDEN = {"api:approval_queue": {"leadership", "agency_staff", "commune_official_plain"}}
EXTRA_QUERY = {"api:movement_list": {"year": "2023"}}
# Object routes that take only POST: a GET is 405 before any lookup; their POST is swept as a write.
POST_ONLY = {"api:review_submit", "api:review_approve", "api:review_return", "api:review_reopen"}


def discovered_api_routes() -> set[str]:
    found = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace == "api":
                assert pattern.name, f"an API route without a name: {pattern.pattern}"
                found.add(f"api:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return found


def test_every_api_route_is_swept():
    routes = discovered_api_routes()
    missing = routes - set(API_ROUTES) - set(NOT_SCOPED)
    assert not missing, f"API routes not in the scope sweep: {sorted(missing)}"
    assert not (set(API_ROUTES) | set(NOT_SCOPED)) - routes, "the sweep names routes that no longer exist"


@pytest.fixture
def api_world(world):  # noqa: F811 - the fixture imported above
    users, outside = world
    from tests.factories import UserFactory

    district_commune = users["commune_official"].unit
    users = {**users, "chairman": users["commune_official"]}
    users["commune_official"] = UserFactory(username="s_xa2", role="commune_official", unit=district_commune)
    users["ended_commune"] = _ended_commune_official(district_commune)
    outside = {**outside, "district": outside["commune"].parent}
    return users, outside


def _ended_commune_official(successor):
    import datetime

    from directory.models import UnitSuccession
    from tests.factories import CommuneFactory, UserFactory

    old = CommuneFactory(code="15548", name="Xuân Cũ", parent=successor.parent, valid_to=datetime.date(2025, 6, 30))
    UnitSuccession.objects.create(predecessor=old, successor=successor, effective_date=datetime.date(2025, 7, 1))
    user = UserFactory(username="s_xa_cu", role="commune_official", unit=old)
    assert user.working_unit == successor  # the rule under test, or the sweep would prove nothing about it
    return user


def _client(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {ApiToken.create_for(user, f'quét {uuid.uuid4()}')[1]}")
    return client


def _ids(response) -> set[int]:
    body = response.json()
    rows = body.get("results", []) if isinstance(body, dict) else body
    return {row.get("id") for row in rows if isinstance(row, dict)}


def _outside_ids(model, outside) -> set[int]:
    kind = {AdministrativeUnit: "commune", Household: "household", Review: "review", Plan: "plan",
            IndicatorTarget: "target", QuotaTable: "quota_table", ReportRun: "run"}[model]
    objects = {outside[kind].pk}
    if model is AdministrativeUnit:
        objects |= {outside["district"].pk, outside["district"].parent_id}
    if model is Review:
        objects |= set(Review.objects.filter(household=outside["household"]).values_list("pk", flat=True))
    return objects


@pytest.mark.parametrize("role", ROLE_LIST)
def test_no_role_reaches_an_outside_object_through_the_api(api_world, role):
    users, outside = api_world
    client = _client(users[role])
    before = database_state()
    escapes = []
    role_key = "commune_official_plain" if role in ("commune_official", "ended_commune") else role
    for name, (kind, filters, listed, writes) in API_ROUTES.items():
        url = reverse(name, kwargs={"pk": outside[kind].pk} if kind else {})
        extra = EXTRA_QUERY.get(name, {})
        if kind:
            got = client.get(url).status_code
            if got != (405 if name in POST_ONLY else 404):
                escapes.append(f"GET {name} → {got}")
        elif role_key in LIST_FORBIDDEN.get(name, ()):
            got = client.get(url, extra).status_code
            if got != 403:
                escapes.append(f"GET {name} → {got} (expected 403)")
        else:
            response = client.get(url, extra)
            if response.status_code != 200:
                escapes.append(f"GET {name} → {response.status_code}")
            elif listed is not None and _ids(response) & _outside_ids(listed, outside):
                escapes.append(f"GET {name} lists an outside object")
            for param, filter_kind in filters.items():
                got = client.get(url, {**extra, param: outside[filter_kind].pk}).status_code
                if got != 404:
                    escapes.append(f"GET {name}?{param}=<outside> → {got}")
        for method, body_of in writes.items():
            response = getattr(client, method)(url, json.dumps(body_of(outside)), content_type="application/json")
            got = response.status_code
            if role in NO_WRITE_ROLES and got != 403:
                escapes.append(f"{method.upper()} {name} → {got} (a read-only role must get 403)")
            elif got not in (400, 403, 404):
                escapes.append(f"{method.upper()} {name} → {got}")
            if got != 400 and not response.json().get("loi"):
                escapes.append(f"{method.upper()} {name}: no Vietnamese message")
        # any write on a read-only route is refused too
        if not writes:
            got = client.post(url, {}, format="json").status_code
            if got not in (403, 405):
                escapes.append(f"POST {name} → {got}")
    assert not escapes, escapes
    assert database_state() == before


def test_the_api_sweep_objects_really_open_for_an_administrator(api_world):
    """The kwargs and filters above name real objects: the administrator gets them (no 404)."""
    users, outside = api_world
    client = _client(users["admin"])
    not_found = []
    for name, (kind, filters, listed, _writes) in API_ROUTES.items():
        url = reverse(name, kwargs={"pk": outside[kind].pk} if kind else {})
        extra = EXTRA_QUERY.get(name, {})
        if kind and name in POST_ONLY:
            if client.post(url, {"version": 1, "comment": "x", "reason": "x"}, format="json").status_code == 404:
                not_found.append(name)
        elif kind and client.get(url).status_code != 200:
            not_found.append(name)
        for param, filter_kind in filters.items():
            response = client.get(url, {**extra, param: outside[filter_kind].pk})
            if response.status_code != 200:
                not_found.append(f"{name}?{param}")
            elif listed is not None and name != "api:approval_queue" and not (
                    _ids(response) & _outside_ids(listed, outside)):
                not_found.append(f"{name}?{param} lists nothing")
    assert not not_found, not_found
