"""Screens: scoping (404 outside the commune), read-only roles, workflow through the web, query counts."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from households.classification import standard_for_review
from households.models import Category, EscapePlan, HistoryEntry, Household, Review, ReviewStatus
from tests.print_checks import assert_print_ready

from .factories import HouseholdFactory, MemberFactory, make_review

pytestmark = pytest.mark.django_db


def indicator_ids(year, count):
    indicators = standard_for_review("periodic", year).indicators.order_by("order")
    return [str(pk) for pk in indicators.values_list("pk", flat=True)[:count]]


def member_formset(rows, initial=0):
    data = {"members-TOTAL_FORMS": str(len(rows)), "members-INITIAL_FORMS": str(initial),
            "members-MIN_NUM_FORMS": "0", "members-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"members-{i}-{key}"] = value
    return data


# --------------------------------------------------------------------------- list


def test_list_shows_only_own_commune(client_for, commune_a_user, household_a, household_b):
    response = client_for(commune_a_user).get(reverse("households:household_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "XB001" in body and "TL001" not in body


def test_district_staff_sees_both_communes_and_can_filter_by_commune(client_for, district_staff, household_a,
                                                                     household_b, commune_b):
    client = client_for(district_staff)
    body = client.get(reverse("households:household_list")).content.decode()
    assert "XB001" in body and "TL001" in body
    body = client.get(reverse("households:household_list"), {"commune": commune_b.pk}).content.decode()
    assert "XB001" not in body and "TL001" in body


def test_list_filters(client_for, commune_a_user, commune_a):
    poor = HouseholdFactory(commune=commune_a, code="P1", village="Thôn Nam", is_ethnic_minority=True,
                            has_labour_capacity=False)
    make_review(poor, status="approved", income=1_000_000, deprived=3,
                causes=[__import__("households.models", fromlist=["PovertyCause"]).PovertyCause.objects.get(
                    code="thieu_von")])
    near = HouseholdFactory(commune=commune_a, code="N1", village="Thôn Bắc")
    make_review(near, status="submitted", income=1_000_000, deprived=1)
    MemberFactory(household=near, citizen_id="038199000123")
    client = client_for(commune_a_user)
    url = reverse("households:household_list")

    def codes(**params):
        body = client.get(url, params).content.decode()
        return {code for code in ("P1", "N1") if f">{code}<" in body}

    assert codes() == {"P1", "N1"}
    assert codes(current_category="poor") == {"P1"}
    assert codes(village="Thôn Bắc") == {"N1"}
    assert codes(has_labour_capacity="false") == {"P1"}
    assert codes(is_ethnic_minority="true") == {"P1"}
    from households.models import PovertyCause
    assert codes(cause=PovertyCause.objects.get(code="thieu_von").pk) == {"P1"}
    assert codes(review_status="submitted") == {"N1"}
    assert codes(q="038199000123") == {"N1"}
    assert codes(q="p1") == {"P1"}
    assert codes(q=poor.head_name.split()[-1]) == {"P1"}


def test_the_filter_form_is_each_requests_own(client_for, province_staff, district_staff, commune_a_user, commune_a,
                                              commune_b, commune_c):
    """HouseholdFilter.get_form_class shares the fields that are the same for every request; the ones that are
    not (the communes in scope, the villages of one commune) are still each request's own, and the causes are
    read when the form is drawn."""
    from households.models import PovertyCause

    HouseholdFactory(commune=commune_a, village="Thôn Nam")
    HouseholdFactory(commune=commune_b, village="Thôn Đông")
    url = reverse("households:household_list")

    def form(user, **params):
        return client_for(user).get(url, params).context["filter"].form

    assert set(form(province_staff).fields["commune"].queryset) == {commune_a, commune_b, commune_c}
    district = form(district_staff)
    assert set(district.fields["commune"].queryset) == {commune_a, commune_b}
    assert "<select" not in str(district["village"])
    assert [value for value, _ in form(district_staff, commune=commune_b.pk).fields["village"].widget.choices] == [
        "", "Thôn Đông"]
    assert "commune" in form(district_staff, commune=commune_c.pk).errors  # outside the scope
    commune = form(commune_a_user)
    assert "commune" not in commune.fields
    assert [value for value, _ in commune.fields["village"].widget.choices] == ["", "Thôn Nam"]
    PovertyCause.objects.create(code="moi", name="Nguyên nhân mới thêm")
    assert "Nguyên nhân mới thêm" in str(form(commune_a_user)["cause"])
    assert "Thôn Nam" not in str(form(district_staff)["village"])


def test_list_query_count_does_not_grow_and_has_no_count(client_for, district_staff, commune_a, commune_b,
                                                         django_assert_max_num_queries):
    for i in range(60):
        HouseholdFactory(commune=commune_a if i % 2 else commune_b)
    client = client_for(district_staff)
    # 12: the page's communes, their districts and current communes come by prefetch (a few rows each, not
    # joined), and one probe whether any household moved into the scope (households.models.HouseholdQuerySet)
    with django_assert_max_num_queries(12) as captured:
        response = client.get(reverse("households:household_list"))
    assert response.status_code == 200
    # the only COUNT is the total's, over a LIMIT subquery (bounded work, never the whole table)
    counts = [q["sql"].upper() for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1 and "LIMIT 10001" in counts[0]
    assert "<strong>60 hộ</strong>" in response.content.decode()
    assert "Trang sau" in response.content.decode() or "page=2" in response.content.decode()


def test_list_requires_login(client):
    response = client.get(reverse("households:household_list"))
    assert response.status_code == 302


# --------------------------------------------------------------------------- detail


def test_outsider_gets_404_for_other_commune_household(client_for, commune_a_user, household_b):
    response = client_for(commune_a_user).get(reverse("households:household_detail", args=[household_b.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["household_edit", "review_create", "escape_plan_create"])
def test_outsider_gets_404_on_write_pages(client_for, commune_a_user, household_b, name):
    response = client_for(commune_a_user).get(reverse(f"households:{name}", args=[household_b.pk]))
    assert response.status_code == 404


def test_detail_query_count_is_constant(client_for, commune_a_user, household_a, django_assert_max_num_queries):
    for _ in range(4):
        MemberFactory(household=household_a)
    for year in (2022, 2023, 2024):
        make_review(household_a, year=year, status="approved", income=1_000_000, deprived=3 if year != 2023 else 0)
    HistoryEntry.objects.bulk_create([HistoryEntry(household=household_a, object_type="household", action="update",
                                                   field="village", old_value=str(i), new_value=str(i + 1))
                                      for i in range(20)])
    client = client_for(commune_a_user)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("households:household_detail", args=[household_a.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Thoát nghèo" in body and "Tái nghèo" in body


def test_leadership_reads_but_cannot_write(client_for, leadership, household_a):
    client = client_for(leadership)
    assert client.get(reverse("households:household_detail", args=[household_a.pk])).status_code == 200
    assert client.get(reverse("households:household_edit", args=[household_a.pk])).status_code == 403
    assert client.get(reverse("households:review_create", args=[household_a.pk])).status_code == 403
    response = client.post(reverse("households:household_create"), {"code": "X", "head_name": "Y"})
    assert response.status_code == 403
    assert client.get(reverse("households:approval_queue")).status_code == 403
    assert not Household.objects.filter(code="X").exists()


# --------------------------------------------------------------------------- create and edit


@pytest.mark.parametrize("year", ["2030", "1700"])
def test_member_birth_year_in_the_future_or_long_ago_is_refused_on_its_row(client_for, commune_a_user, commune_a,
                                                                            year):
    data = {"code": "XB778", "commune": commune_a.pk, "village": "Thôn Tiến", "head_name": "Trần Văn Thử",
            "area": "rural", "member_count": "1", "has_labour_capacity": "on"}
    data.update(member_formset([{"full_name": "Trần Văn Thử", "birth_year": year, "sex": "male",
                                 "relation": "head", "ethnicity": "Kinh", "has_labour_capacity": "on"}]))
    response = client_for(commune_a_user).post(reverse("households:household_create"), data)
    assert response.status_code == 200 and not Household.objects.filter(code="XB778").exists()
    errors = response.context["formset"].forms[0].errors["birth_year"]
    assert errors == [f"Năm sinh {year} không hợp lệ: phải từ {timezone.localdate().year - 120} "
                      f"đến {timezone.localdate().year} (năm nay)."]
    assert 'value="Trần Văn Thử"' in response.content.decode()  # what was typed stays


def test_create_household_with_members(client_for, commune_a_user, commune_a):
    data = {"code": "XB777", "commune": commune_a.pk, "village": "Thôn Tiến", "head_name": "Nguyễn Thị Hoa",
            "area": "rural", "female_head": "on", "member_count": "1", "has_labour_capacity": "on"}
    data.update(member_formset([
        {"full_name": "Nguyễn Thị Hoa", "birth_year": "1950", "sex": "female", "relation": "head",
         "citizen_id": "038150000009", "ethnicity": "Kinh", "no_labour_reason": "Già yếu"},
        {"full_name": "Lê Văn Cháu", "birth_year": "2015", "sex": "male", "relation": "grandchild",
         "ethnicity": "Kinh"},
    ]))
    response = client_for(commune_a_user).post(reverse("households:household_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    household = Household.objects.get(code="XB777")
    assert household.member_count == 2 and household.has_labour_capacity is False
    assert household.members.filter(citizen_id="038150000009").exists()


def test_invalid_citizen_id_is_shown_on_the_form(client_for, commune_a_user, commune_a):
    data = {"code": "XB778", "commune": commune_a.pk, "head_name": "A", "area": "rural", "member_count": "1"}
    data.update(member_formset([{"full_name": "A", "citizen_id": "12345", "relation": "head", "ethnicity": "Kinh"}]))
    response = client_for(commune_a_user).post(reverse("households:household_create"), data)
    assert response.status_code == 200
    assert "12 chữ số" in response.content.decode()
    assert not Household.objects.filter(code="XB778").exists()


def test_duplicate_citizen_id_is_a_warning_message(client_for, commune_a_user, household_a, commune_a):
    data = {"code": "XB779", "commune": commune_a.pk, "head_name": "B", "area": "rural", "member_count": "1"}
    data.update(member_formset([{"full_name": "B", "citizen_id": "038080000001", "relation": "head",
                                 "ethnicity": "Kinh"}]))
    response = client_for(commune_a_user).post(reverse("households:household_create"), data, follow=True)
    assert Household.objects.filter(code="XB779").exists()
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "038080000001" in warnings[0]


def test_edit_with_stale_version_is_refused(client_for, commune_a_user, household_a, commune_a):
    head = household_a.members.get()
    data = {"code": "XB001", "commune": commune_a.pk, "head_name": "Lê Văn Bái", "village": "Thôn Đổi",
            "area": "rural", "member_count": "1", "version": "1"}
    data.update(member_formset([{"id": str(head.pk), "household": str(household_a.pk), "full_name": head.full_name,
                                 "relation": "head", "ethnicity": "Kinh", "has_labour_capacity": "on"}], initial=1))
    client = client_for(commune_a_user)
    assert client.post(reverse("households:household_edit", args=[household_a.pk]), data).status_code == 302
    data["village"] = "Thôn Khác"
    response = client.post(reverse("households:household_edit", args=[household_a.pk]), data)
    assert response.status_code == 200
    assert "vừa được người khác lưu" in response.content.decode()
    assert Household.objects.get(pk=household_a.pk).village == "Thôn Đổi"


# --------------------------------------------------------------------------- reviews


def review_data(year=2024, income="1400000", indicators=3, **extra):
    data = {"year": str(year), "round": "periodic", "area": "rural", "income_per_capita": income,
            "has_labour_capacity": "on", "reviewer": "Lê Thị Rà Soát",
            "deprived_indicators": indicator_ids(year, indicators)}
    data.update(extra)
    return data


def test_review_form_groups_indicators_by_dimension(client_for, commune_a_user, household_a):
    response = client_for(commune_a_user).get(reverse("households:review_create", args=[household_a.pk]),
                                              {"year": 2024})
    body = response.content.decode()
    assert response.status_code == 200
    for dimension in ("Việc làm", "Y tế", "Giáo dục", "Nhà ở", "Nước sinh hoạt và vệ sinh", "Thông tin"):
        assert f"<legend>{dimension}</legend>" in body
    assert "Phương tiện phục vụ tiếp cận thông tin" in body and "live-category" in body


def test_classify_preview_uses_the_standard(client_for, commune_a_user):
    client = client_for(commune_a_user)
    url = reverse("households:classify_preview")
    assert client.get(url, {"year": 2024, "area": "rural", "income": 1_500_000, "count": 3}).json() == {
        "category": "poor", "label": "Hộ nghèo"}
    assert client.get(url, {"year": 2024, "area": "rural", "income": 1_500_001, "count": 3}).json()["category"] \
        == "average"
    assert client.get(url, {"year": 2018, "area": "urban", "income": 900_000, "count": 0}).json()["category"] \
        == "poor"
    # the round decides the standard: the 2026 periodic review uses Decree 351 (2.200.000 rural)
    assert client.get(url, {"year": 2026, "round": "periodic", "area": "rural", "income": 2_100_000,
                            "count": 3}).json()["category"] == "poor"
    assert client.get(url, {"year": 2026, "round": "regular", "area": "rural", "income": 2_100_000,
                            "count": 3}).json()["category"] == "average"
    bad = client.get(url, {"year": 2014, "area": "rural", "income": 1})
    assert bad.status_code == 400 and "2014" in bad.json()["error"]
    assert client.get(url, {"year": 2024, "area": "rural", "income": "abc"}).status_code == 400


@pytest.mark.parametrize("typed", ["1.400.000", "1,400,000", "1 400 000", "1.400.000 đ", "1400000"])
def test_review_income_may_be_typed_as_vietnamese_write_it(client_for, commune_a_user, household_a, typed):
    response = client_for(commune_a_user).post(reverse("households:review_create", args=[household_a.pk]),
                                               review_data(income=typed))
    assert response.status_code == 302
    assert Review.objects.get(household=household_a).income_per_capita == 1_400_000


@pytest.mark.parametrize(("typed", "said"), [
    ("-5000", "Thu nhập bình quân đầu người (đồng/tháng) không được âm."),
    ("1.400.000,5", "Thu nhập bình quân đầu người (đồng/tháng) phải là số nguyên, không phải “1.400.000,5”."),
])
def test_review_income_refused_says_why_and_keeps_what_was_typed(client_for, commune_a_user, household_a, typed,
                                                                 said):
    response = client_for(commune_a_user).post(reverse("households:review_create", args=[household_a.pk]),
                                               review_data(income=typed, note="ghi chú giữ lại"))
    assert response.status_code == 200 and not Review.objects.exists()
    body = response.content.decode()
    assert said in body
    assert f'name="income_per_capita" value="{typed}"' in body and "ghi chú giữ lại" in body


def test_done_when_scenario(client_for, commune_a_user, district_staff, household_a, commune_a):
    """Xuân Bái enters a 2024 review, submits; the district returns it once, then approves."""
    commune = client_for(commune_a_user)
    # enter and submit
    response = commune.post(reverse("households:review_create", args=[household_a.pk]),
                            review_data(submit="1"))
    assert response.status_code == 302
    review = Review.objects.get(household=household_a)
    assert review.status == ReviewStatus.SUBMITTED and review.category == Category.POOR
    # district: queue, return with a comment
    district = client_for(district_staff)
    queue = district.get(reverse("households:approval_queue"))
    assert "XB001" in queue.content.decode()
    district.post(reverse("households:approval_queue"), {"review": [review.pk], "action": "return",
                                                         "comment": "Kiểm tra lại thu nhập"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED
    # commune sees the comment, corrects, resubmits
    commune = client_for(commune_a_user)
    page = commune.get(reverse("households:household_detail", args=[household_a.pk])).content.decode()
    assert "Kiểm tra lại thu nhập" in page
    response = commune.post(reverse("households:review_edit", args=[review.pk]),
                            review_data(income="1450000", version=str(review.version), submit="1"))
    assert response.status_code == 302
    # district approves
    district = client_for(district_staff)
    district.post(reverse("households:approval_queue"), {"review": [review.pk], "action": "approve"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    household_a.refresh_from_db()
    assert household_a.current_category == Category.POOR
    # the household page shows the whole history
    page = client_for(commune_a_user).get(reverse("households:household_detail", args=[household_a.pk]))
    body = page.content.decode()
    for text in ("Trả lại", "Đã phê duyệt", "1.400.000", "1.450.000", "Kiểm tra lại thu nhập"):
        assert text in body


def test_return_without_comment_is_refused(client_for, commune_a_user, district_staff, household_a):
    review = make_review(household_a, status="submitted")
    response = client_for(district_staff).post(reverse("households:approval_queue"),
                                               {"review": [review.pk], "action": "return", "comment": ""},
                                               follow=True)
    assert "lý do trả lại" in response.content.decode()
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED


def test_queue_only_shows_reviews_the_user_approves(client_for, district_staff, chairman_a, household_a,
                                                    household_b, commune_a_user):
    # Xuân Bái is approved by its chairman (2025 reform); Thọ Lâm still by the district
    make_review(household_a, status="submitted")
    make_review(household_b, status="submitted")
    district_body = client_for(district_staff).get(reverse("households:approval_queue")).content.decode()
    assert "TL001" in district_body and "XB001" not in district_body
    chairman_body = client_for(chairman_a).get(reverse("households:approval_queue")).content.decode()
    assert "XB001" in chairman_body and "TL001" not in chairman_body
    # an ordinary commune official has no queue
    assert client_for(commune_a_user).get(reverse("households:approval_queue")).status_code == 403


def test_bulk_approve_ignores_reviews_outside_the_queue(client_for, chairman_a, household_a, household_b):
    mine = make_review(household_a, status="submitted")
    other = make_review(household_b, status="submitted")
    client_for(chairman_a).post(reverse("households:approval_queue"),
                                {"review": [mine.pk, other.pk], "action": "approve"})
    assert Review.objects.get(pk=mine.pk).status == ReviewStatus.APPROVED
    assert Review.objects.get(pk=other.pk).status == ReviewStatus.SUBMITTED


def test_a_review_ticked_on_a_stale_queue_page_is_reported_not_silently_skipped(client_for, chairman_a,
                                                                                 household_a):
    # given two sessions of the chairman on the same queue page; the first returns the review
    review = make_review(household_a, status="submitted")
    first, second = client_for(chairman_a), client_for(chairman_a)
    first.post(reverse("households:approval_queue"), {"review": [review.pk], "action": "return",
                                                      "comment": "Sai thu nhập"})
    # when the second, still showing it, approves it
    response = second.post(reverse("households:approval_queue"), {"review": [review.pk], "action": "approve"},
                           follow=True)
    # then it stays returned, and the chairman is told why nothing happened
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.RETURNED
    assert "1 phiếu đã chọn không còn trong hàng chờ (vừa được phê duyệt hoặc trả lại)" in response.content.decode()


def test_approval_queue_query_count(client_for, district_staff, commune_a, commune_b,
                                   django_assert_max_num_queries):
    for i in range(20):
        make_review(HouseholdFactory(commune=commune_a if i % 2 else commune_b), status="submitted")
    client = client_for(district_staff)
    # filter choices (communes, villages, submitters), count, page, last year's reviews, indicators, causes
    with django_assert_max_num_queries(14):
        response = client.get(reverse("households:approval_queue"))
    assert response.content.decode().count('name="review"') == 20


def test_bulk_submit(client_for, commune_a_user, commune_a, household_b):
    drafts = [make_review(HouseholdFactory(commune=commune_a)) for _ in range(3)]
    outsider = make_review(household_b)
    client = client_for(commune_a_user)
    body = client.get(reverse("households:pending_reviews")).content.decode()
    assert "TL001" not in body
    assert "Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP" in body  # each review names its standard
    client.post(reverse("households:pending_reviews"), {"review": [d.pk for d in drafts[:2]] + [outsider.pk]})
    statuses = [Review.objects.get(pk=d.pk).status for d in drafts]
    assert statuses == ["submitted", "submitted", "draft"]
    assert Review.objects.get(pk=outsider.pk).status == "draft"


def test_reopen_through_the_page_needs_a_reason(client_for, district_staff, household_a):
    review = make_review(household_a, status="approved")
    client = client_for(district_staff)
    client.post(reverse("households:review_reopen", args=[review.pk]), {"reason": ""})
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.APPROVED
    client.post(reverse("households:review_reopen", args=[review.pk]), {"reason": "Hộ khiếu nại kết quả"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED
    assert review.events.get(action="reopened").comment == "Hộ khiếu nại kết quả"


def test_commune_cannot_reopen_or_edit_an_approved_review(client_for, commune_a_user, household_a):
    review = make_review(household_a, status="approved")
    client = client_for(commune_a_user)
    client.post(reverse("households:review_reopen", args=[review.pk]), {"reason": "x"})
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.APPROVED
    response = client.post(reverse("households:review_edit", args=[review.pk]), review_data(version="1"))
    assert response.status_code == 302
    assert Review.objects.get(pk=review.pk).income_per_capita == 1_000_000


def test_outsider_gets_404_on_review_actions(client_for, commune_a_user, household_b):
    review = make_review(household_b)
    client = client_for(commune_a_user)
    assert client.get(reverse("households:review_edit", args=[review.pk])).status_code == 404
    assert client.post(reverse("households:review_submit", args=[review.pk])).status_code == 404


# --------------------------------------------------------------------------- escape plans


def test_escape_plan_and_list_and_export(client_for, commune_a_user, household_a, household_b, agency):
    make_review(household_a, status="approved", income=1_000_000, deprived=3)
    make_review(household_b, status="approved", income=1_000_000, deprived=3)
    EscapePlan.objects.create(household=household_b, target_year=2026, measures="Không được thấy")
    client = client_for(commune_a_user)
    from households.models import SupportType
    response = client.post(reverse("households:escape_plan_create", args=[household_a.pk]), {
        "target_year": "2026", "measures": "=Vay vốn nuôi bò sinh sản", "responsible_cadre": "Trịnh Văn Cán",
        "helping_agency": agency.pk, "able_to_escape": "on",
        "supports": [SupportType.objects.get(code="tin_dung").pk, SupportType.objects.get(code="sinh_ke").pk],
    })
    assert response.status_code == 302
    body = client.get(reverse("households:escape_list"), {"year": 2026}).content.decode()
    assert "XB001" in body and "TL001" not in body
    export = client.get(reverse("households:escape_list_export"), {"year": 2026})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert_print_ready(sheet, landscape=True)
    rows = [row for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert len(rows) == 1
    assert rows[0][3] == "XB001" and rows[0][8] == "'=Vay vốn nuôi bò sinh sản"
    assert rows[0][9] == "Tín dụng ưu đãi; Mô hình sinh kế, phát triển sản xuất"
    assert rows[0][11] == agency.name


def test_the_escape_list_names_the_district_only_for_years_that_had_districts(client_for, commune_a_user):
    client = client_for(commune_a_user)
    before = client.get(reverse("households:escape_list"), {"year": 2024}).content.decode()
    assert "Xã gửi danh sách về huyện (qua phòng LĐTBXH) trước ngày 20/3" in before
    after = client.get(reverse("households:escape_list"), {"year": 2026}).content.decode()
    assert "về huyện" not in after and "có năm dự kiến 2026" in after


def test_escape_plan_refused_for_non_poor(client_for, commune_a_user, household_a):
    response = client_for(commune_a_user).post(reverse("households:escape_plan_create", args=[household_a.pk]),
                                               {"target_year": "2026", "measures": "x"})
    assert response.status_code == 200
    assert "không phải hộ nghèo" in response.content.decode()


def test_ids_and_years_are_never_written_with_thousand_separators(client_for, district_staff, commune_a_user,
                                                                  household_a):
    # given a review whose id is above 999 (the site groups numbers as 1.234)
    review = make_review(household_a, status="submitted", income=1_234_567, id=12345)
    queue = client_for(district_staff).get(reverse("households:approval_queue")).content.decode()
    assert 'value="12345"' in queue and "1.234.567" in queue
    page = client_for(commune_a_user).get(reverse("households:household_detail", args=[household_a.pk]))
    body = page.content.decode()
    assert "Năm 2024" in body and "2.024" not in body
    make_review(HouseholdFactory(commune=household_a.commune), status="approved")
    listing = client_for(commune_a_user).get(reverse("households:household_list")).content.decode()
    assert ">2024<" in listing and "2.024" not in listing
    assert review.pk == 12345


def test_history_numbers_use_vietnamese_separators_whatever_the_active_language(client_for, commune_a_user,
                                                                                household_a):
    """A change saved where English formats were active (a worker, a command, an English browser before
    LANGUAGES was vi only) read “3,900,000” on the change history: values are stored as 3.900.000 and a
    value stored the old way is shown with dots too."""
    import datetime

    from django.utils import translation

    from directory.concurrency import display_value

    review = make_review(household_a, year=2024, income=3_900_000, review_date=datetime.date(2024, 11, 20))
    for language in ("en", None):
        with translation.override(language):
            assert display_value(review, "income_per_capita") == "3.900.000"
            assert display_value(review, "review_date") == "20/11/2024"
    HistoryEntry.objects.create(household=household_a, object_type="review", object_label="Rà soát 2024",
                                action="update", field="income_per_capita", field_label="thu nhập",
                                old_value="3,900,000", new_value="12,500")
    body = client_for(commune_a_user).get(reverse("households:household_detail", args=[household_a.pk])).content
    body = body.decode()
    assert "3.900.000" in body and "12.500" in body and "3,900,000" not in body


def test_a_word_in_a_number_field_says_a_whole_number_is_wanted(client_for, commune_a_user, commune_a):
    """Django's own Vietnamese for "Enter a whole number." is "Nhập một số tổng thể." (an overall number)."""
    response = client_for(commune_a_user).post(reverse("households:household_create"), {
        "code": "XB900", "commune": commune_a.pk, "village": "Thôn 1", "head_name": "Nguyễn Văn Thử",
        "member_count": "bốn"})
    text = response.content.decode()
    assert "Nhập một số nguyên (không có chữ hoặc dấu thập phân)." in text
    assert "tổng thể" not in text and "Nguyễn Văn Thử" in text
