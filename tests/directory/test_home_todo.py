"""The home page says what to do today, per role; each line links to the work and its count is exact."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.todo import todo_for
from households import services
from households.models import ReviewStatus
from plans.models import TaskProgress, TaskStatus
from tests.households.factories import HouseholdFactory, MemberFactory, make_review
from tests.plans.factories import PlanFactory, TaskFactory
from tests.reports.factories import RunFactory

pytestmark = pytest.mark.django_db


def kinds(user):
    return {item.kind: item for item in todo_for(user)}


def test_commune_official_sees_returned_reviews_with_the_comment_and_households_without_members(
        client_for, commune_a_user, commune_a, commune_b, district_staff):
    household = HouseholdFactory(commune=commune_a, code="XB001", head_name="Lê Văn Bái")
    MemberFactory(household=household)
    review = make_review(household, status="submitted")
    services.review_return(review=review, comment="Kiểm tra lại thu nhập", acting_user=district_staff)
    HouseholdFactory(commune=commune_a, code="XB002")  # no members yet
    HouseholdFactory(commune=commune_b, code="TL001")  # another commune: not theirs
    make_review(HouseholdFactory(commune=commune_b), status="returned")
    body = client_for(commune_a_user).get(reverse("home")).content.decode()
    assert "Việc cần làm hôm nay" in body
    assert "1 phiếu rà soát bị trả lại, cần sửa và nộp lại" in body and "Kiểm tra lại thu nhập" in body
    assert "1 hộ chưa có danh sách thành viên" in body
    items = todo_for(commune_a_user)
    assert items[0].kind == "returned"  # most urgent first
    # the links lead to exactly those rows
    client = client_for(commune_a_user)
    listed = client.get(kinds(commune_a_user)["members"].url).context["table"].data
    assert [h.code for h in listed] == ["XB002"]
    pending = client.get(kinds(commune_a_user)["returned"].url).context["page"].object_list
    assert [r.pk for r in pending] == [review.pk]


def test_approver_sees_the_exact_queue_count_and_it_disappears_when_done(client_for, district_staff, commune_a,
                                                                        commune_b):
    for commune in (commune_a, commune_a, commune_b):
        make_review(HouseholdFactory(commune=commune), status="submitted")
    item = kinds(district_staff)["approve"]
    assert item.count == 3 and item.url == reverse("households:approval_queue")
    assert "3 phiếu rà soát chờ bạn phê duyệt" in client_for(district_staff).get(reverse("home")).content.decode()
    client_for(district_staff).post(reverse("households:approval_queue"),
                                    {"action": "approve_all", "expected": "3", "confirmed": "1"})
    assert "approve" not in kinds(district_staff)


def test_reports_due_or_late_for_my_unit_with_the_due_date(commune_a_user, commune_a, commune_b):
    today = timezone.localdate()
    late = RunFactory(reporting_unit=commune_a, due_date=today - datetime.timedelta(days=3))
    soon = RunFactory(reporting_unit=commune_a, due_date=today + datetime.timedelta(days=2))
    RunFactory(reporting_unit=commune_a, due_date=today + datetime.timedelta(days=60))  # not yet
    RunFactory(reporting_unit=commune_b, due_date=today)  # another commune's
    reports = [i for i in todo_for(commune_a_user) if i.kind == "report"]
    assert [i.url for i in reports] == [late.get_absolute_url(), soon.get_absolute_url()]
    assert f"hạn {late.due_date:%d/%m/%Y} (quá hạn 3 ngày)" in reports[0].label
    assert reports[0].urgency == 0


def test_agency_tasks_waiting_for_a_progress_report(agency_user, agency):
    plan = PlanFactory(unit=agency.unit)
    task = TaskFactory(plan=plan, agency=agency, due_date=timezone.localdate() + datetime.timedelta(days=20))
    TaskFactory(plan=plan, agency=agency, status=TaskStatus.DONE)
    item = kinds(agency_user)["tasks"]
    assert item.count == 1 and item.url == reverse("plans:task_detail", args=[task.pk])
    TaskProgress.objects.create(task=task, reported_on=timezone.localdate(), text="Đã cấp 120 thẻ BHYT",
                                status=TaskStatus.IN_PROGRESS, author=agency_user)
    assert "tasks" not in kinds(agency_user)


def test_nothing_to_do_says_so(client_for, commune_a_user):
    body = client_for(commune_a_user).get(reverse("home")).content.decode()
    assert "Không có việc nào đang chờ bạn." in body


def test_returned_review_line_goes_when_resubmitted(commune_a_user, commune_a, district_staff):
    review = make_review(HouseholdFactory(commune=commune_a), status="submitted")
    services.review_return(review=review, comment="Sai", acting_user=district_staff)
    assert "returned" in kinds(commune_a_user)
    review.refresh_from_db()
    services.review_submit(review=review, acting_user=commune_a_user)
    assert "returned" not in kinds(commune_a_user)
    assert type(review).objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED
