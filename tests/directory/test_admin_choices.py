"""Every admin form and inline offers (and accepts) only related rows in the user's scope.

The walk covers every model registered in the admin and every inline of it, so a new admin page or
inline is checked without anyone remembering to add it here.
"""

import datetime

import pytest
from django.contrib import admin
from django.forms import ModelChoiceField
from django.test import RequestFactory
from django.urls import reverse

from directory.admin_scoping import ScopedChoicesMixin, scoped_choices
from directory.models import AdministrativeUnit, Role, User
from plans.models import LegalBasis, TaskProgress, TaskStatus
from tests.factories import AgencyFactory, UserFactory
from tests.plans.factories import PlanFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def outside(other_district, commune_c):
    """Rows of another district: none of them may be offered to Thọ Xuân's staff."""
    plan = PlanFactory(code="yenbai-2024", unit=other_district)
    agency = AgencyFactory(name="Phòng LĐTBXH khác", unit=other_district)
    return {
        "unit": commune_c,
        "plan": plan,
        "agency": agency,
        "task": TaskFactory(plan=plan, agency=agency),
        "user": UserFactory(username="ngoai", role=Role.DISTRICT_STAFF, unit=other_district, is_staff=True),
    }


def _admin_forms(request):
    """(label, form class) for every registered model admin and every inline, add and change."""
    for model, model_admin in admin.site._registry.items():
        yield f"{model.__name__}Admin", model_admin.get_form(request, None, change=False)
        for inline_class in model_admin.inlines:
            inline = inline_class(model, admin.site)
            yield f"{model.__name__}Admin/{inline_class.__name__}", inline.get_formset(request, None).form


def test_every_admin_and_inline_uses_the_scoped_choices_rule():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in {"auth"}:
            continue
        assert isinstance(model_admin, ScopedChoicesMixin), f"{model.__name__}Admin"
        for inline_class in model_admin.inlines:
            assert issubclass(inline_class, ScopedChoicesMixin), inline_class.__name__


@pytest.mark.parametrize("role_fixture", ["district_staff", "province_staff"])
def test_every_admin_form_field_offers_only_rows_in_scope(request, role_fixture, outside, plan_in_scope):
    user = request.getfixturevalue(role_fixture)
    http_request = RequestFactory().get("/admin/")
    http_request.user = user
    checked = 0
    for label, form_class in _admin_forms(http_request):
        form = form_class()
        for name, field in form.fields.items():
            if not isinstance(field, ModelChoiceField):
                continue
            allowed = scoped_choices(field.queryset.model, user)
            if allowed is None:
                continue
            offered = set(field.queryset.values_list("pk", flat=True))
            assert offered <= set(allowed.values_list("pk", flat=True)), f"{label}.{name} offers rows out of scope"
            checked += 1
    assert checked > 20  # the walk really found the relation fields
    # and the out-of-scope rows exist, so the comparisons above were not vacuous
    if role_fixture == "district_staff":
        assert AdministrativeUnit.objects.filter(pk=outside["unit"].pk).exists()
        assert not User.objects.for_user(user).filter(pk=outside["user"].pk).exists()


@pytest.fixture
def plan_in_scope(district):
    return PlanFactory(code="thoxuan-2024", unit=district)


def _task_change_data(task, **extra):
    data = {"plan": task.plan_id, "agency": task.agency_id, "role": task.role, "project": "", "text": task.text,
            "due_date": "", "recurrence": task.recurrence, "recurrence_note": "", "status": task.status,
            "order": task.order, "version": task.version,
            "progress-TOTAL_FORMS": 1, "progress-INITIAL_FORMS": 0, "progress-MIN_NUM_FORMS": 0,
            "progress-MAX_NUM_FORMS": 1000}
    data.update(extra)
    return data


def test_task_progress_inline_refuses_an_author_from_another_unit(client_for, district_staff, plan_in_scope,
                                                                   outside):
    task = TaskFactory(plan=plan_in_scope)
    url = reverse("admin:plans_task_change", args=[task.pk])
    response = client_for(district_staff).post(url, _task_change_data(
        task, **{"progress-0-reported_on": "01/03/2024", "progress-0-text": "Đã làm", "progress-0-task": task.pk,
                 "progress-0-status": TaskStatus.IN_PROGRESS, "progress-0-author": outside["user"].pk}))
    assert response.status_code == 200  # the form comes back with an error, nothing saved
    assert not TaskProgress.objects.filter(task=task).exists()


def test_task_progress_inline_accepts_an_author_in_scope(client_for, district_staff, plan_in_scope):
    task = TaskFactory(plan=plan_in_scope)
    url = reverse("admin:plans_task_change", args=[task.pk])
    response = client_for(district_staff).post(url, _task_change_data(
        task, **{"progress-0-reported_on": "01/03/2024", "progress-0-text": "Đã làm", "progress-0-task": task.pk,
                 "progress-0-status": TaskStatus.IN_PROGRESS, "progress-0-author": district_staff.pk}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert TaskProgress.objects.get(task=task).reported_on == datetime.date(2024, 3, 1)


def test_legal_basis_inline_refuses_a_plan_of_another_unit(client_for, district_staff, plan_in_scope, outside):
    plan = plan_in_scope
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = {"code": plan.code, "number": plan.number, "title": plan.title, "kind": plan.kind, "unit": plan.unit_id,
            "first_year": plan.first_year, "last_year": plan.last_year, "version": plan.version,
            "issue_date": "", "legal_bases-TOTAL_FORMS": 1, "legal_bases-INITIAL_FORMS": 0,
            "legal_bases-MIN_NUM_FORMS": 0, "legal_bases-MAX_NUM_FORMS": 1000,
            "legal_bases-0-plan": plan.pk, "legal_bases-0-relation": "can_cu", "legal_bases-0-title": "KH tỉnh",
            "legal_bases-0-referenced_plan": outside["plan"].pk, "legal_bases-0-order": 0}
    response = client_for(district_staff).post(url, data)
    assert response.status_code == 200
    assert not LegalBasis.objects.filter(plan=plan).exists()
