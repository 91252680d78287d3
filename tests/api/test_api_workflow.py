"""The rest of the review workflow and the member list through the API: return with a comment, correct and
resubmit with the version, reopen an approved review with a reason; members replaced as a list."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from households.models import HistoryEntry, ReviewStatus
from tests.households.factories import HouseholdFactory, MemberFactory, make_review

from .test_api import api

pytestmark = pytest.mark.django_db
J = "application/json"


def _post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type=J, **headers)


def test_return_correct_resubmit_approve_and_reopen(commune_a, commune_a_user, district_staff):
    household = HouseholdFactory(commune=commune_a)
    review = make_review(household, year=2024, income=500_000, deprived=3, status=ReviewStatus.SUBMITTED)
    approver, commune = api(district_staff), api(commune_a_user)
    no_comment = _post(approver, reverse("api:review_return", args=[review.pk]), {"version": review.version})
    assert no_comment.status_code == 400
    assert no_comment.json()["chi_tiet"][0] == {"truong": "comment", "ten_truong": "Lý do trả lại",
                                                "loi": "Phải ghi lý do trả lại để xã biết cần sửa gì."}
    returned = _post(approver, reverse("api:review_return", args=[review.pk]),
                     {"version": review.version, "comment": "Thu nhập chưa đúng"})
    assert returned.json()["status"] == "returned" and returned.json()["return_comment"] == "Thu nhập chưa đúng"
    # the commune may not approve; it corrects the returned review with the version it read
    assert _post(commune, reverse("api:review_approve", args=[review.pk]), {"version": 2}).status_code == 403
    detail = reverse("api:review_detail", args=[review.pk])
    corrected = commune.patch(detail, json.dumps({"income_per_capita": 9_000_000, "version": 2}), content_type=J)
    assert corrected.status_code == 200, corrected.json()
    assert corrected.json()["category"] == "not_poor" and corrected.json()["deprivation_count"] == 3
    version = corrected.json()["version"]
    assert _post(commune, reverse("api:review_submit", args=[review.pk]), {"version": version}).status_code == 200
    approved = _post(approver, reverse("api:review_approve", args=[review.pk]), {"version": version + 1})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    household.refresh_from_db()
    assert household.current_category == "not_poor"
    no_reason = _post(approver, reverse("api:review_reopen", args=[review.pk]), {"version": version + 2})
    assert no_reason.status_code == 400 and no_reason.json()["chi_tiet"][0]["truong"] == "reason"
    reopened = _post(approver, reverse("api:review_reopen", args=[review.pk]),
                     {"version": version + 2, "reason": "Sai số chỉ số thiếu hụt"})
    assert reopened.status_code == 200 and reopened.json()["status"] == "returned"
    steps = [event["action"] for event in reopened.json()["events"]]
    assert steps[-5:] == ["returned", "edited", "submitted", "approved", "reopened"]
    assert HistoryEntry.objects.filter(household=household, field="income_per_capita").exists()


def test_members_are_replaced_as_a_list_and_the_household_follows_them(commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a, has_labour_capacity=True, member_count=2)
    keep = MemberFactory(household=household, full_name="Giữ Lại", has_labour_capacity=True)
    drop = MemberFactory(household=household, full_name="Bỏ Đi", has_labour_capacity=True)
    client = api(commune_a_user)
    url = reverse("api:household_detail", args=[household.pk])
    response = client.patch(url, json.dumps({"version": household.version, "members": [
        {"id": keep.pk, "has_labour_capacity": False},
        {"full_name": "Mới Thêm", "relation": "child", "birth_year": 2015, "has_labour_capacity": False},
    ]}), content_type=J)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert [m["full_name"] for m in body["members"]] == ["Giữ Lại", "Mới Thêm"]
    assert body["member_count"] == 2 and body["has_labour_capacity"] is False  # derived from the members
    assert not household.members.filter(pk=drop.pk).exists()
    assert HistoryEntry.objects.filter(household=household, object_type="member", action="delete").exists()
    # a member of another household cannot be slipped in
    other = MemberFactory(household=HouseholdFactory(commune=commune_a))
    refused = client.patch(url, json.dumps({"version": body["version"], "members": [{"id": other.pk}]}),
                           content_type=J)
    assert refused.status_code == 400 and refused.json()["chi_tiet"][0]["truong"] == "members[0].id"
    # a commune official cannot move the household to another commune
    moved = client.patch(url, json.dumps({"version": body["version"], "commune": commune_a.pk + 999}),
                         content_type=J)
    assert moved.status_code == 400 and moved.json()["chi_tiet"][0]["truong"] == "commune"
