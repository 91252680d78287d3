"""Households' lines on the home page's to-do list (see directory.todo)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse

from directory.models import Role
from directory.permissions import Cap, user_can
from directory.todo import TodoItem

from . import selectors
from .models import Household, Member, Review, ReviewStatus

SHOWN = 3  # details listed under a line; the link leads to all of them


def items(user, today) -> list[TodoItem]:
    result: list[TodoItem] = []
    is_commune_official = getattr(user, "role", None) == Role.COMMUNE_OFFICIAL
    if is_commune_official and user_can(user, Cap.REVIEW_SUBMIT):
        result += _returned_and_drafts(user)
    if is_commune_official and user_can(user, Cap.HOUSEHOLD_EDIT):
        result += _households_without_members(user)
    if user_can(user, Cap.REVIEW_APPROVE) or getattr(user, "is_unit_chairman", False):
        result += _to_approve(user)
    return result


def _returned_and_drafts(user) -> list[TodoItem]:
    pending = reverse("households:pending_reviews")
    returned = (Review.objects.for_user(user).filter(status=ReviewStatus.RETURNED)
                .select_related("household").order_by("-updated_at", "pk"))
    result = []
    count = returned.count()
    if count:
        details = tuple(f"Hộ {r.household.code} – {r.household.head_name} ({r.year}): {r.return_comment}"
                        for r in returned[:SHOWN])
        result.append(TodoItem(f"{count} phiếu rà soát bị trả lại, cần sửa và nộp lại", f"{pending}?status=returned",
                               count, details, urgency=0, kind="returned"))
    drafts = Review.objects.for_user(user).filter(status=ReviewStatus.DRAFT).count()
    if drafts:
        result.append(TodoItem(f"{drafts} phiếu rà soát nháp chưa nộp", f"{pending}?status=draft", drafts,
                               urgency=2, kind="drafts"))
    return result


def _households_without_members(user) -> list[TodoItem]:
    missing = (Household.objects.for_user(user)
               .filter(~Exists(Member.objects.filter(household=OuterRef("pk")))).count())
    if not missing:
        return []
    return [TodoItem(f"{missing} hộ chưa có danh sách thành viên",
                     reverse("households:household_list") + "?members=none", missing,
                     ("Mở hộ, bấm “Sửa” và nhập cả gia đình trên một trang (“Thêm người”).",), urgency=3,
                     kind="members")]


def _to_approve(user) -> list[TodoItem]:
    count = selectors.approval_queue(user).count()
    if not count:
        return []
    return [TodoItem(f"{count} phiếu rà soát chờ bạn phê duyệt", reverse("households:approval_queue"), count,
                     urgency=1, kind="approve")]
