"""Review workflow: draft → submitted → approved (locked), return with comment, reopen with reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from households.models import (
    Category,
    HistoryEntry,
    Household,
    Indicator,
    Review,
    ReviewAction,
    ReviewStatus,
)
from households.services import (
    ConcurrentEditError,
    review_approve,
    review_reopen,
    review_return,
    review_save,
    review_submit,
    reviews_approve_bulk,
)
from households.signals import reviews_changed

pytestmark = pytest.mark.django_db


def indicators(year, count):
    from households.classification import standard_for_review

    return list(Indicator.objects.filter(standard=standard_for_review("periodic", year)).order_by("order")[:count])


def new_review(household, user, *, income=1_400_000, deprived=3, year=2024):
    review = Review(household=household, year=year, income_per_capita=income, area=household.area)
    return review_save(review=review, acting_user=user, deprived_indicators=indicators(year, deprived))


def test_save_computes_category_standard_and_effective_date(household_a, commune_a_user):
    # when
    review = new_review(household_a, commune_a_user, income=1_500_000, deprived=3)
    # then
    review.refresh_from_db()
    assert review.category == Category.POOR
    assert review.deprivation_count == 3
    assert review.standard.code == "nd07-2021"
    assert review.commune_id == household_a.commune_id
    assert review.effective_date.isoformat() == "2024-12-14"
    assert review.status == ReviewStatus.DRAFT
    assert review.events.get().action == ReviewAction.CREATED


def test_category_cannot_be_typed(household_a, commune_a_user):
    review = Review(household=household_a, year=2024, income_per_capita=5_000_000, category=Category.POOR)
    review_save(review=review, acting_user=commune_a_user, deprived_indicators=indicators(2024, 5))
    assert Review.objects.get().category == Category.NOT_POOR


def test_indicator_of_another_standard_is_refused(household_a, commune_a_user):
    review = Review(household=household_a, year=2024, income_per_capita=1)
    with pytest.raises(ValidationError, match="không thuộc Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP"):
        review_save(review=review, acting_user=commune_a_user, deprived_indicators=indicators(2018, 1))


def test_second_periodic_review_of_same_year_is_refused(household_a, commune_a_user):
    new_review(household_a, commune_a_user)
    with pytest.raises(ValidationError, match="đã có phiếu rà soát định kỳ"):
        new_review(household_a, commune_a_user)


def test_full_workflow_submit_return_resubmit_approve(household_a, commune_a_user, district_staff):
    review = new_review(household_a, commune_a_user)
    # commune submits
    review_submit(review=review, acting_user=commune_a_user)
    assert review.status == ReviewStatus.SUBMITTED
    # a submitted review cannot be edited by the commune
    review.income_per_capita = 1
    with pytest.raises(ValidationError, match="Đã nộp"):
        review_save(review=review, acting_user=commune_a_user, expected_version=review.version)
    review.refresh_from_db()
    # district returns with a comment
    review_return(review=review, comment="Thu nhập chưa trừ trợ cấp xã hội", acting_user=district_staff)
    review.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED
    assert review.return_comment == "Thu nhập chưa trừ trợ cấp xã hội"
    # commune corrects and resubmits
    review.income_per_capita = 1_300_000
    review_save(review=review, acting_user=commune_a_user, deprived_indicators=indicators(2024, 2),
                expected_version=review.version)
    review_submit(review=review, acting_user=commune_a_user)
    review_approve(review=review, acting_user=district_staff)
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.approved_by == district_staff
    assert review.category == Category.NEAR_POOR
    household_a.refresh_from_db()
    assert household_a.current_category == Category.NEAR_POOR and household_a.current_year == 2024
    actions = list(review.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "returned", "edited", "submitted", "approved"]


def test_return_requires_a_comment(household_a, commune_a_user, district_staff):
    review = new_review(household_a, commune_a_user)
    review_submit(review=review, acting_user=commune_a_user)
    with pytest.raises(ValidationError, match="lý do trả lại"):
        review_return(review=review, comment="  ", acting_user=district_staff)
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED


def test_approved_review_is_locked_and_reopen_needs_reason(household_a, commune_a_user, district_staff):
    review = new_review(household_a, commune_a_user)
    review_submit(review=review, acting_user=commune_a_user)
    review_approve(review=review, acting_user=district_staff)
    # locked
    review.income_per_capita = 10
    with pytest.raises(ValidationError, match="mở lại"):
        review_save(review=review, acting_user=commune_a_user, expected_version=review.version)
    review.refresh_from_db()
    with pytest.raises(ValidationError, match="lý do mở lại"):
        review_reopen(review=review, reason="", acting_user=district_staff)
    # reopen with a reason: back to the commune, reason kept, household status recomputed
    review_reopen(review=review, reason="Sai số nhân khẩu", acting_user=district_staff)
    review.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED and review.approved_at is None
    event = review.events.get(action=ReviewAction.REOPENED)
    assert event.comment == "Sai số nhân khẩu" and event.actor == district_staff
    assert Household.objects.get(pk=household_a.pk).current_category == ""


def test_commune_official_cannot_approve_under_district_rule(household_a, commune_a_user):
    review = new_review(household_a, commune_a_user)
    review_submit(review=review, acting_user=commune_a_user)
    with pytest.raises(PermissionDenied):
        review_approve(review=review, acting_user=commune_a_user)


def test_commune_chairman_approves_after_the_reform(household_a, commune_a_user, chairman_a, district_staff):
    review = new_review(household_a, commune_a_user)
    review_submit(review=review, acting_user=commune_a_user)
    # district staff is no longer the approver of this commune
    with pytest.raises(PermissionDenied):
        review_approve(review=review, acting_user=district_staff)
    review.refresh_from_db()
    review_approve(review=review, acting_user=chairman_a)
    assert Review.objects.get().status == ReviewStatus.APPROVED


def test_other_commune_official_cannot_touch_the_review(household_a, commune_a_user, commune_b_user):
    review = new_review(household_a, commune_a_user)
    with pytest.raises(PermissionDenied):
        review_submit(review=review, acting_user=commune_b_user)


def test_leadership_cannot_write(household_a, leadership):
    with pytest.raises(PermissionDenied):
        new_review(household_a, leadership)


def test_second_concurrent_save_is_refused(household_a, commune_a_user):
    review = new_review(household_a, commune_a_user)
    # given two people opened the same review (version 1)
    first = Review.objects.get(pk=review.pk)
    second = Review.objects.get(pk=review.pk)
    first.income_per_capita = 1_000_000
    review_save(review=first, acting_user=commune_a_user, deprived_indicators=indicators(2024, 3),
                expected_version=1)
    # when the second saves on top of the stale copy
    second.income_per_capita = 2_000_000
    with pytest.raises(ConcurrentEditError, match="vừa được người khác lưu"):
        review_save(review=second, acting_user=commune_a_user, deprived_indicators=indicators(2024, 0),
                    expected_version=1)
    # then the first one's data stands
    assert Review.objects.get(pk=review.pk).income_per_capita == 1_000_000


def test_stale_approval_is_refused(household_a, commune_a_user, district_staff):
    review = new_review(household_a, commune_a_user)
    review_submit(review=review, acting_user=commune_a_user)
    stale = Review.objects.get(pk=review.pk)
    review_return(review=review, comment="Thiếu chữ ký", acting_user=district_staff)
    with pytest.raises(ValidationError):
        review_approve(review=stale, acting_user=district_staff, expected_version=stale.version)
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.RETURNED


def test_history_records_field_changes_with_actor(household_a, commune_a_user, district_staff):
    review = new_review(household_a, commune_a_user, income=1_400_000, deprived=3)
    review.income_per_capita = 1_600_000
    review_save(review=review, acting_user=commune_a_user, deprived_indicators=indicators(2024, 3),
                expected_version=review.version)
    change = HistoryEntry.objects.get(object_type="review", field="income_per_capita", action="update")
    assert (change.old_value, change.new_value, change.actor) == ("1.400.000", "1.600.000", commune_a_user)
    category = HistoryEntry.objects.get(object_type="review", field="category", action="update")
    assert (category.old_value, category.new_value) == ("Hộ nghèo", "Hộ có mức sống trung bình")
    review_submit(review=review, acting_user=commune_a_user)
    review_approve(review=review, acting_user=district_staff)
    status_rows = HistoryEntry.objects.filter(field="status").order_by("pk")
    assert [(h.old_value, h.new_value) for h in status_rows] == [("Nháp", "Đã nộp"), ("Đã nộp", "Đã phê duyệt")]
    assert status_rows.last().actor == district_staff


def test_bulk_approve_reports_each_refusal_and_keeps_the_rest(commune_a, commune_a_user, district_staff):
    from .factories import HouseholdFactory

    ok = new_review(HouseholdFactory(commune=commune_a), commune_a_user)
    review_submit(review=ok, acting_user=commune_a_user)
    draft = new_review(HouseholdFactory(commune=commune_a, code="NHAP1"), commune_a_user)
    result = reviews_approve_bulk(reviews=[ok, draft], acting_user=district_staff)
    assert result.done == [ok]
    assert len(result.errors) == 1 and "NHAP1" in result.errors[0]
    assert Review.objects.get(pk=draft.pk).status == ReviewStatus.DRAFT


def test_reviews_changed_is_sent_on_commit_after_approval(household_a, commune_a_user, district_staff,
                                                          django_capture_on_commit_callbacks):
    received = []

    def listener(sender, commune_ids, years, **kwargs):
        received.append((commune_ids, years))

    reviews_changed.connect(listener)
    try:
        review = new_review(household_a, commune_a_user)
        review_submit(review=review, acting_user=commune_a_user)
        with django_capture_on_commit_callbacks(execute=True):
            review_approve(review=review, acting_user=district_staff)
        with django_capture_on_commit_callbacks(execute=True):
            review_reopen(review=review, reason="Sai", acting_user=district_staff)
    finally:
        reviews_changed.disconnect(listener)
    assert received == [({household_a.commune_id}, {2024}), ({household_a.commune_id}, {2024})]


def test_review_date_after_today_or_outside_its_year_is_refused(household_a, commune_a_user):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    # given a review dated tomorrow (a 2026 periodic review typed as 01/03/2027 on the site)
    review = Review(household=household_a, year=tomorrow.year, review_date=tomorrow, income_per_capita=1_400_000)
    # then it is refused on the date field, in Vietnamese, and nothing is saved
    with pytest.raises(ValidationError) as exc:
        review_save(review=review, acting_user=commune_a_user, deprived_indicators=indicators(tomorrow.year, 3))
    assert "sau hôm nay" in exc.value.message_dict["review_date"][0]
    # given a 2024 review dated in 2023
    review = Review(household=household_a, year=2024, review_date=datetime.date(2023, 11, 20),
                    income_per_capita=1_400_000)
    with pytest.raises(ValidationError) as exc:
        review_save(review=review, acting_user=commune_a_user, deprived_indicators=indicators(2024, 3))
    assert "không thuộc năm rà soát 2024" in exc.value.message_dict["review_date"][0]
    assert not Review.objects.exists()
