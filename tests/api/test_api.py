"""The REST API (/api/v1/): tokens, reads, the review workflow through the web's services, versions, errors
in Vietnamese, cursor pagination without COUNT, throttling, and the 2025 reform's rule for ended communes."""

from __future__ import annotations

import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import ApiToken, key_digest
from directory.models import Role
from households.models import Category, HistoryEntry, Household, Review, ReviewStatus
from households.rehoming import households_rehome
from tests.factories import UserFactory
from tests.households.factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db
J = "application/json"


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {ApiToken.create_for(user, f'kiểm thử {uuid.uuid4()}')[1]}")
    return client


def post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type=J, **headers)


def patch(client, url, body, **headers):
    return client.patch(url, json.dumps(body), content_type=J, **headers)


# --------------------------------------------------------------------------- auth


def test_a_password_gives_a_token_and_a_wrong_one_a_vietnamese_401(client, commune_a_user):
    commune_a_user.set_password("mat-khau-dai-123")
    commune_a_user.save()
    url = reverse("api:token")
    wrong = client.post(url, {"username": commune_a_user.username, "password": "sai"}, content_type=J)
    assert wrong.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu" in wrong.json()["loi"]
    good = client.post(url, {"username": commune_a_user.username, "password": "mat-khau-dai-123"}, content_type=J)
    assert good.status_code == 200
    key = good.json()["token"]
    stored = ApiToken.objects.get(user=commune_a_user)
    assert stored.digest == key_digest(key) and stored.prefix == key[:8] and key not in str(vars(stored))
    from accounts.models import AuditEvent

    assert AuditEvent.objects.filter(action="login", user=commune_a_user, detail="Lấy mã truy cập API").exists()
    assert AuditEvent.objects.filter(action="login_failed", username=commune_a_user.username).exists()
    me = client.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}")
    assert me.json()["username"] == commune_a_user.username and "household_edit" in me.json()["capabilities"]
    # DELETE revokes it: the same token is refused afterwards, in Vietnamese
    assert client.delete(url, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 204
    refused = client.get(reverse("api:me"), HTTP_AUTHORIZATION=f"Token {key}")
    assert refused.status_code == 401 and "thu hồi" in refused.json()["loi"]


def test_no_credentials_is_a_401_with_a_vietnamese_message(client, db):
    response = client.get(reverse("api:household_list"))
    assert response.status_code == 401 and response["Content-Type"] == J
    assert response.json()["loi"].startswith("Chưa xác thực")


def test_session_auth_keeps_csrf_for_writes(commune_a_user):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(commune_a_user)
    assert browser.get(reverse("api:me")).status_code == 200
    refused = browser.post(reverse("api:household_list"), {"code": "A1", "head_name": "X"}, content_type=J)
    assert refused.status_code == 403 and not Household.objects.exists()
    assert refused.json() == {"loi": refused.json()["loi"], "ma": "khong_duoc_phep"}
    assert refused.json()["loi"].startswith("Thiếu hoặc sai mã CSRF")


# --------------------------------------------------------------------------- reads


def test_a_commune_lists_its_poor_households_of_a_year_and_never_another_communes(commune_a, commune_b,
                                                                                   commune_a_user):
    poor = HouseholdFactory(commune=commune_a, code="A-POOR")
    make_review(poor, year=2024, income=500_000, deprived=3, status=ReviewStatus.APPROVED)
    not_poor = HouseholdFactory(commune=commune_a, code="A-RICH")
    make_review(not_poor, year=2024, income=9_000_000, status=ReviewStatus.APPROVED)
    draft_only = HouseholdFactory(commune=commune_a, code="A-DRAFT")
    make_review(draft_only, year=2024, income=500_000, deprived=3)
    other = HouseholdFactory(commune=commune_b, code="B-POOR")
    make_review(other, year=2024, income=500_000, deprived=3, status=ReviewStatus.APPROVED)
    client = api(commune_a_user)
    url = reverse("api:household_list")
    body = client.get(url, {"commune": commune_a.pk, "year": 2024, "category": "poor"}).json()
    assert [row["code"] for row in body["results"]] == ["A-POOR"]
    assert body["results"][0]["year_category"] == Category.POOR
    assert "count" not in body  # cursor pagination: never a count
    assert client.get(url, {"commune": commune_b.pk}).status_code == 404
    assert client.get(reverse("api:household_detail", args=[other.pk])).status_code == 404
    assert {row["code"] for row in client.get(url).json()["results"]} == {"A-POOR", "A-RICH", "A-DRAFT"}


def test_household_detail_has_members_reviews_with_steps_and_yearly_movements(commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a)
    make_review(household, year=2023, income=500_000, deprived=3, status=ReviewStatus.APPROVED)
    make_review(household, year=2024, income=9_000_000, status=ReviewStatus.APPROVED)
    response = api(commune_a_user).get(reverse("api:household_detail", args=[household.pk]))
    body = response.json()
    assert response["ETag"] == f'"{household.version}"'
    assert [s["year"] for s in body["statuses"]] == [2023, 2024]
    assert body["statuses"][1]["movement"] == "escaped_poverty"
    assert {r["year"] for r in body["reviews"]} == {2023, 2024}


@pytest.mark.parametrize("route", ["api:household_list", "api:review_list", "api:approval_queue",
                                   "api:movement_list"])
def test_lists_cost_the_same_queries_for_more_rows(commune_a, district_staff, route):
    def count(n):
        for _ in range(n):
            household = HouseholdFactory(commune=commune_a)
            make_review(household, year=2023, income=500_000, deprived=2, status=ReviewStatus.APPROVED)
            make_review(household, year=2024, income=500_000, deprived=2, status=ReviewStatus.SUBMITTED)
        client = api(district_staff)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(route), {"year": 2023} if route == "api:movement_list" else {}).status_code == 200
        return len(queries.captured_queries)

    assert count(2) == count(5)


def test_household_detail_costs_the_same_queries_for_more_reviews(commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a)
    client = api(commune_a_user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("api:household_detail", args=[household.pk])).status_code == 200
        return len(queries.captured_queries)

    make_review(household, year=2022, status=ReviewStatus.APPROVED)
    count()  # the token's first use writes its "last used" (then at most once a minute): not counted below
    first = count()
    for year in (2023, 2024, 2025):
        make_review(household, year=year, status=ReviewStatus.APPROVED, deprived=2)
    assert count() == first


def test_cursor_pages_walk_every_row_without_counting(commune_a, commune_a_user):
    for number in range(7):
        HouseholdFactory(commune=commune_a, code=f"P{number}")
    client = api(commune_a_user)
    url, seen = reverse("api:household_list") + "?page_size=3", []
    with CaptureQueriesContext(connection) as queries:
        while url:
            body = client.get(url).json()
            seen += [row["code"] for row in body["results"]]
            url = body["next"]
    assert sorted(seen) == [f"P{n}" for n in range(7)]
    assert not [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]


def test_units_as_of_a_date_carry_their_lineage(reform):
    province_user = UserFactory(username="tinh_api", role=Role.PROVINCE_STAFF, unit=reform.thanh_hoa)
    client = api(province_user)
    url = reverse("api:unit_list")
    before = client.get(url, {"date": "2025-06-30", "code": "15547"}).json()["results"]
    assert [u["name"] for u in before] == ["Xuân Bái"]
    assert before[0]["successors"][0]["unit"]["name"] == "Lam Sơn"
    after = client.get(url, {"date": "2026-01-01", "code": "15544", "level": "commune"}).json()["results"]
    assert [u["name"] for u in after] == ["Lam Sơn"]
    assert {p["unit"]["name"] for p in after[0]["predecessors"]} == {"Thọ Xương", "Xuân Bái", "Lam Sơn"}
    assert client.get(url, {"date": "30/06/2025"}).json()["chi_tiet"][0]["truong"] == "date"


def test_dashboard_plans_quota_tables_and_report_runs_read(district, commune_a, district_staff):
    from tests.plans.factories import IndicatorTargetFactory, PlanFactory, QuotaRowFactory, QuotaTableFactory
    from tests.reports.factories import DutyFactory, RunFactory

    plan = PlanFactory(code="thoxuan-2024", unit=district)
    target = IndicatorTargetFactory(plan=plan)
    table = QuotaTableFactory(plan=plan, year=2024)
    QuotaRowFactory(table=table, commune=commune_a, total=3, without_labour=1, with_labour=2)
    run = RunFactory(duty=DutyFactory(owner_unit=district, plan=plan), reporting_unit=commune_a)
    client = api(district_staff)
    detail = client.get(reverse("api:plan_detail", args=[plan.pk])).json()
    assert [t["id"] for t in detail["targets"]] == [target.pk] and detail["quota_years"] == [2024]
    rows = client.get(reverse("api:quota_table_detail", args=[table.pk])).json()["rows"]
    assert rows[0]["commune"]["code"] == commune_a.code and rows[0]["total"] == 3
    runs = client.get(reverse("api:report_run_list"), {"year": 2024}).json()["results"]
    assert [r["id"] for r in runs] == [run.pk] and runs[0]["status"] in ("overdue", "not_due", "due_soon")
    dashboard = client.get(reverse("api:dashboard"), {"year": 2024})
    assert dashboard.status_code == 200 and dashboard.json()["unit"]["id"] == district.pk


# --------------------------------------------------------------------------- writes


def _household_body(**extra):
    return {"code": "API-1", "head_name": "Nguyễn Văn Mới", "village": "Thôn 2",
            "members": [{"full_name": "Nguyễn Văn Mới", "relation": "head", "birth_year": 1950,
                         "has_labour_capacity": False}], **extra}


def test_a_commune_official_creates_a_household_and_submits_a_draft_review_the_approver_approves(
        commune_a, commune_a_user, district_staff, leadership):
    client = api(commune_a_user)
    created = post(client, reverse("api:household_list"), _household_body())
    assert created.status_code == 201, created.json()
    household = created.json()
    assert household["commune"]["id"] == commune_a.pk  # their own commune, as the web form locks it
    assert household["has_labour_capacity"] is False and household["member_count"] == 1  # derived from members
    review = post(client, reverse("api:review_list"), {
        "household": household["id"], "year": 2024, "round": "periodic", "income_per_capita": 500_000,
        "deprived_indicators": ["bao_hiem_y_te"], "category": "not_poor"})
    assert review.status_code == 201, review.json()
    review = review.json()
    assert review["status"] == "draft" and review["category"] == "near_poor"  # computed, the sent one ignored
    # a read-only role may not approve or write anything
    assert post(api(leadership), reverse("api:review_approve", args=[review["id"]]), {"version": 1}).status_code == 403
    submitted = post(client, reverse("api:review_submit", args=[review["id"]]), {"version": review["version"]})
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    approver = api(district_staff)
    queue = approver.get(reverse("api:approval_queue")).json()["results"]
    assert [r["id"] for r in queue] == [review["id"]]
    approved = post(approver, reverse("api:review_approve", args=[review["id"]]),
                    {}, HTTP_IF_MATCH=f'"{submitted.json()["version"]}"')
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    # approved reviews are locked
    locked = patch(client, reverse("api:review_detail", args=[review["id"]]),
                   {"income_per_capita": 9_000_000, "version": approved.json()["version"]})
    assert locked.status_code == 400 and "không sửa được" in locked.json()["loi"]
    # history kept: the household's creation, the review's creation and each status change
    actions = set(HistoryEntry.objects.filter(household_id=household["id"]).values_list("object_type", "action"))
    assert {("household", "create"), ("review", "create"), ("review", "status")} <= actions
    history = client.get(reverse("api:household_history", args=[household["id"]])).json()["results"]
    assert history and history[0]["actor"] in (commune_a_user.username, district_staff.username)


def test_stale_versions_are_refused_with_409_412_and_a_missing_one_with_428(commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a, head_name="Tên cũ")
    client = api(commune_a_user)
    url = reverse("api:household_detail", args=[household.pk])
    missing = patch(client, url, {"head_name": "Không phiên bản"})
    assert missing.status_code == 428 and "Thiếu phiên bản" in missing.json()["loi"]
    first = patch(client, url, {"head_name": "Tên mới", "version": 1})
    assert first.status_code == 200 and first.json()["version"] == 2 and first["ETag"] == '"2"'
    stale = patch(client, url, {"head_name": "Bản cũ", "version": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert "vừa được người khác lưu" in body["loi"]
    assert {"ten_truong": "Họ và tên chủ hộ", "dang_luu": "Tên mới", "ban_gui": "Bản cũ"} in body["khac_biet"]
    precondition = patch(client, url, {"head_name": "Bản cũ"}, HTTP_IF_MATCH='"1"')
    assert precondition.status_code == 412
    household.refresh_from_db()
    assert household.head_name == "Tên mới" and household.version == 2


def test_bad_data_is_refused_field_by_field_in_vietnamese(commune_a, commune_a_user):
    client = api(commune_a_user)
    response = post(client, reverse("api:household_list"), {
        "code": "", "head_name": "Có", "members": [{"full_name": "A", "citizen_id": "12"}]})
    assert response.status_code == 400
    details = {d["truong"]: d for d in response.json()["chi_tiet"]}
    assert details["code"]["ten_truong"] == "Mã hộ" and "bắt buộc" in details["code"]["loi"]
    assert not Household.objects.exists()
    household = HouseholdFactory(commune=commune_a)
    too_rich = post(client, reverse("api:review_list"), {"household": household.pk, "year": 2024,
                                                         "income_per_capita": 2_000_000_000})
    assert too_rich.status_code == 400
    assert too_rich.json()["chi_tiet"][0]["ten_truong"].startswith("Thu nhập bình quân")
    assert not Review.objects.exists()
    unknown = post(client, reverse("api:household_list"), ["not", "an", "object"])
    assert unknown.status_code == 400 and unknown.json()["loi"]


def test_throttled_per_user_in_vietnamese(commune_a_user, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import UserRateThrottle

    cache.clear()
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/min", "anon": "2/min"})
    client = api(commune_a_user)
    codes = [client.get(reverse("api:me")).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get(reverse("api:me")).json()["loi"].startswith("Quá nhiều yêu cầu")
    cache.clear()


# --------------------------------------------------------------------------- the reform


@pytest.fixture
def lam_son(reform):
    xuan_bai, new = reform.old["Xuân Bái"], reform.new["Lam Sơn"]
    household = HouseholdFactory(code="XB001", commune=xuan_bai)
    households_rehome()
    household.refresh_from_db()
    return {
        "household": household,
        "old_official": UserFactory(username="xuanbai_api", role=Role.COMMUNE_OFFICIAL, unit=xuan_bai),
        "official": UserFactory(username="lamson_api", role=Role.COMMUNE_OFFICIAL, unit=new),
        "chairman": UserFactory(username="lamson_ct_api", role=Role.COMMUNE_OFFICIAL, unit=new,
                                is_unit_chairman=True),
        "district": UserFactory(username="thoxuan_api", role=Role.DISTRICT_STAFF, unit=reform.tho_xuan_district),
        "new": new,
    }


def test_issue_15_done_when_xuanbai_with_a_token_works_in_xa_lam_son_today(lam_son, reform):
    """Issue 15's "Done when", through the API with a token: an account follows its unit's lineage, so the
    account of Xuân Bái (ended 30/06/2025) works in Xã Lam Sơn today. It used to be refused with 403 on any
    2026 write; that was the old rule, which this test replaced."""
    from households.models import ReviewStatus as Status

    old = api(lam_son["old_official"])
    # 1. the poor households of its commune for 2024 (approved 2024 reviews), and not another commune's
    poor = lam_son["household"]
    make_review(poor, year=2024, income=500_000, deprived=4, status=Status.APPROVED)
    not_poor = HouseholdFactory(code="XB002", commune=reform.old["Xuân Bái"])
    make_review(not_poor, year=2024, income=5_000_000, status=Status.APPROVED)
    elsewhere = HouseholdFactory(code="TL001", commune=reform.old["Thọ Lâm"])
    make_review(elsewhere, year=2024, income=500_000, deprived=4, status=Status.APPROVED)
    listed = old.get(reverse("api:household_list"),
                     {"commune": reform.old["Xuân Bái"].pk, "year": 2024, "category": "poor"})
    assert listed.status_code == 200, listed.json()
    assert [(h["code"], h["year_category"]) for h in listed.json()["results"]] == [("XB001", "poor")]
    # 2. a new household: registered in the commune it works in today, Xã Lam Sơn
    created = post(old, reverse("api:household_list"), _household_body())
    assert created.status_code == 201, created.json()
    assert created.json()["commune"]["id"] == lam_son["new"].pk
    # 3. its 2026 draft review, then submitted with the version the draft answered
    draft = post(old, reverse("api:review_list"), {
        "household": created.json()["id"], "year": 2026, "round": "periodic", "review_date": "2026-10-15",
        "income_per_capita": 2_100_000, "deprived_indicators": []})
    assert draft.status_code == 201 and draft.json()["status"] == "draft", draft.json()
    submitted = post(old, reverse("api:review_submit", args=[draft.json()["id"]]), {},
                     HTTP_IF_MATCH=f'"{draft.json()["version"]}"')
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted", submitted.json()
    assert submitted.json()["submitted_by"] == lam_son["old_official"].username
    # 4. on today's map it is Xã Lam Sơn's chairman's to approve, not the abolished district's
    chairman_queue = api(lam_son["chairman"]).get(reverse("api:approval_queue")).json()["results"]
    assert [r["id"] for r in chairman_queue] == [draft.json()["id"]]
    district_queue = api(lam_son["district"]).get(reverse("api:approval_queue")).json()["results"]
    assert draft.json()["id"] not in [r["id"] for r in district_queue]
    # a review dated before the reform is still Xuân Bái's own and goes to the district's queue
    before = post(old, reverse("api:review_list"), {
        "household": poor.pk, "year": 2025, "round": "ad_hoc", "review_date": "2025-05-10",
        "income_per_capita": 1_000_000, "submit": True})
    assert before.status_code == 201 and before.json()["status"] == "submitted", before.json()
    district_queue = api(lam_son["district"]).get(reverse("api:approval_queue")).json()["results"]
    assert [r["id"] for r in district_queue] == [before.json()["id"]]
    # 5. it cannot see another commune: Thọ Lâm's household (Xã Sao Vàng today) is a 404, a filter naming
    #    that commune too
    assert old.get(reverse("api:household_detail", args=[elsewhere.pk])).status_code == 404
    assert old.get(reverse("api:household_list"), {"commune": reform.old["Thọ Lâm"].pk}).status_code == 404
    # who it is: the stored unit, the unit it works in today, and both as the pages show them
    me = old.get(reverse("api:me")).json()
    assert me["unit"]["id"] == reform.old["Xuân Bái"].pk and me["working_unit"]["id"] == lam_son["new"].pk
    assert me["unit_label"] == "Xã Lam Sơn (trước 01/07/2025: Xã Xuân Bái)"


def test_a_district_account_still_makes_no_review_after_the_reform(lam_son):
    """District accounts do not follow a lineage (the district level was abolished): a 2026 write is refused."""
    district = api(lam_son["district"])
    refused = post(district, reverse("api:review_list"), {"household": lam_son["household"].pk, "year": 2026,
                                                          "income_per_capita": 1_000_000})
    assert refused.status_code == 403 and "hết hiệu lực" in refused.json()["loi"], refused.json()


def test_a_year_without_approved_reviews_lists_nothing_without_walking_the_households(commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a)
    make_review(household, year=2024, status=ReviewStatus.APPROVED)
    client = api(commune_a_user)
    url = reverse("api:household_list")
    with CaptureQueriesContext(connection) as queries:
        empty = client.get(url, {"year": 2025, "category": "poor"})
    assert empty.status_code == 200 and empty.json()["results"] == []
    # one probe of the reviews, no per-household lookup of the year's review
    assert not any("households_household" in q["sql"] and "households_review" in q["sql"]
                   for q in queries.captured_queries)
    listed = client.get(url, {"year": 2024}).json()["results"]
    assert [row["id"] for row in listed] == [household.pk] and listed[0]["year_category"]
