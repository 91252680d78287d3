"""Tasks: agency staff see and report on their own agency's tasks only; staff assign them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from plans.models import PlanEvent, Task, TaskProgress, TaskStatus
from plans.services.tasks import task_progress_add
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_queryset_narrows_agency_staff_to_their_agency(agency_user, district_staff, own_task, foreign_task):
    assert list(Task.objects.for_user(agency_user)) == [own_task]
    assert set(Task.objects.for_user(district_staff)) == {own_task, foreign_task}


def test_agency_staff_without_agency_see_nothing(agency_user, own_task):
    agency_user.agency = None
    assert list(Task.objects.for_user(agency_user)) == []


def test_my_tasks_lists_only_own_agency(client_for, agency_user, own_task, foreign_task):
    body = client_for(agency_user).get(reverse("plans:my_tasks")).content.decode()
    assert own_task.text in body
    assert foreign_task.text not in body


def test_other_agency_task_is_404(client_for, agency_user, foreign_task):
    client = client_for(agency_user)
    url = reverse("plans:task_detail", kwargs={"pk": foreign_task.pk})
    assert client.get(url).status_code == 404
    response = client.post(url, {"reported_on": "01/03/2024", "status": TaskStatus.DONE, "text": "xong"})
    assert response.status_code == 404
    assert not TaskProgress.objects.exists()


def test_agency_staff_post_progress_on_own_task(client_for, agency_user, own_task):
    url = reverse("plans:task_detail", kwargs={"pk": own_task.pk})
    client = client_for(agency_user)
    assert "Cập nhật tiến độ" in client.get(url).content.decode()
    response = client.post(url, {"reported_on": "15/03/2024", "status": TaskStatus.IN_PROGRESS,
                                 "text": "Đã hướng dẫn 30 xã", "task_version": own_task.version})
    assert response.status_code == 302
    entry = TaskProgress.objects.get()
    assert (entry.author, entry.reported_on, entry.text) == (agency_user, datetime.date(2024, 3, 15),
                                                             "Đã hướng dẫn 30 xã")
    own_task.refresh_from_db()
    assert own_task.status == TaskStatus.IN_PROGRESS
    body = client.get(url).content.decode()
    assert "15/03/2024" in body and str(agency_user) in body


def test_progress_form_errors_are_vietnamese(client_for, agency_user, own_task):
    url = reverse("plans:task_detail", kwargs={"pk": own_task.pk})
    body = client_for(agency_user).post(url, {"reported_on": "31/12/2999", "status": "", "text": ""}
                                        ).content.decode()
    assert "Ngày báo cáo không được sau hôm nay." in body
    assert not TaskProgress.objects.exists()


def test_staff_and_leadership_cannot_post_progress(client_for, district_staff, leadership, own_task):
    url = reverse("plans:task_detail", kwargs={"pk": own_task.pk})
    for user in (district_staff, leadership):
        client = client_for(user)
        response = client.get(url)
        assert response.status_code == 200 and "Cập nhật tiến độ" not in response.content.decode()
        assert client.post(url, {"reported_on": "01/03/2024", "status": "hoan_thanh", "text": "x"}).status_code == 403
    with pytest.raises(PermissionDenied):
        task_progress_add(task=own_task, reported_on=datetime.date(2024, 3, 1), text="x", status="hoan_thanh",
                          acting_user=leadership)
    assert not TaskProgress.objects.exists()


def test_my_tasks_is_for_agency_staff(client_for, leadership, commune_a_user):
    for user in (leadership, commune_a_user):
        assert client_for(user).get(reverse("plans:my_tasks")).status_code == 403


def test_commune_user_cannot_open_district_task(client_for, commune_a_user, own_task):
    url = reverse("plans:task_detail", kwargs={"pk": own_task.pk})
    assert client_for(commune_a_user).get(url).status_code == 404


def test_staff_assign_a_task_from_the_plan(client_for, district_staff, plan, agency):
    client = client_for(district_staff)
    detail = client.get(plan.get_absolute_url()).content.decode()
    url = reverse("plans:task_create", kwargs={"code": plan.code})
    assert url in detail
    response = client.post(url, {"agency": agency.pk, "role": "chu_tri", "text": "Gửi danh sách hộ có khả năng "
                                 "thoát nghèo", "due_date": "20/03/2024"})
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.agency, task.due_date, task.created_by) == (agency, datetime.date(2024, 3, 20), district_staff)
    assert PlanEvent.objects.filter(action="task_create", actor=district_staff).exists()


def test_task_needs_a_deadline_or_recurrence(client_for, district_staff, plan, agency):
    url = reverse("plans:task_create", kwargs={"code": plan.code})
    body = client_for(district_staff).post(url, {"agency": agency.pk, "role": "chu_tri", "text": "x"}
                                           ).content.decode()
    assert "Nhập hạn hoàn thành" in body and not Task.objects.exists()
    response = client_for(district_staff).post(url, {"agency": agency.pk, "role": "phoi_hop", "text": "Báo cáo",
                                                     "recurrence": "yearly", "recurrence_note": "trước 10/12"})
    assert response.status_code == 302


def test_agency_of_another_district_cannot_be_chosen(client_for, district_staff, plan, other_district):
    stranger = AgencyFactory(name="Phòng LĐTBXH Thường Xuân", unit=other_district)
    url = reverse("plans:task_create", kwargs={"code": plan.code})
    body = client_for(district_staff).post(url, {"agency": stranger.pk, "role": "chu_tri", "text": "x",
                                                 "due_date": "20/03/2024"}).content.decode()
    assert "Hãy chọn một lựa chọn hợp lệ" in body
    assert not Task.objects.exists()


@pytest.mark.parametrize("persona", ["leadership", "agency_user", "commune_a_user"])
def test_non_staff_cannot_assign(request, client_for, persona, plan, agency):
    user = request.getfixturevalue(persona)
    url = reverse("plans:task_create", kwargs={"code": plan.code})
    client = client_for(user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"agency": agency.pk, "role": "chu_tri", "text": "x",
                             "due_date": "20/03/2024"}).status_code == 403
    assert not Task.objects.exists()


def test_plan_page_shows_agency_staff_only_their_tasks(client_for, agency_user, plan, own_task, foreign_task):
    body = client_for(agency_user).get(plan.get_absolute_url()).content.decode()
    assert own_task.text in body and foreign_task.text not in body
    assert reverse("plans:task_create", kwargs={"code": plan.code}) not in body


def test_my_tasks_marks_overdue(client_for, agency_user, own_task):
    own_task.due_date = datetime.date(2024, 3, 20)
    own_task.save()
    body = client_for(agency_user).get(reverse("plans:my_tasks")).content.decode()
    assert "20/03/2024" in body and "quá hạn" in body
