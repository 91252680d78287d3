"""Writes: households, members, reviews and their workflow, escape plans, history.

Every function here is the only way the site changes these rows. Each runs in one
transaction, validates with ``full_clean()``, checks the acting user's scope and
capability, and writes the history rows (who, when, field old → new) in the same
transaction. The Excel import reuses the pure helpers (``review_compute``,
``household_labour_capacity``, ``household_refresh_status``,
``notify_reviews_changed``) so a bulk load produces the same rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from directory.concurrency import Change, ConcurrentEditError, claim_version, display_value, field_changes
from directory.models import AreaType, ReviewApprover
from directory.permissions import Cap, can_approve_reviews_of, effective_review_approver, user_can
from directory.scoping import scope_for, working_unit
from directory.text import match_key

from .areas import area_on, commune_on, household_area_on
from .classification import StandardSnapshot, classify, load_snapshot, standard_for_review
from .models import (
    EscapePlan,
    HistoryAction,
    HistoryEntry,
    Household,
    Indicator,
    Member,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewStatus,
    default_effective_date,
)
from .signals import reviews_changed

# The 2025 reform (two-tier local government): reviews dated from then on are made in the new communes.
REFORM_DATE = datetime.date(2025, 7, 1)

# --------------------------------------------------------------------------- checks


def _require(user, cap: Cap) -> None:
    if not user_can(user, cap):
        raise PermissionDenied("Vai trò của bạn không được thực hiện thao tác này.")


def _require_scope(user, commune_id: int) -> None:
    if not scope_for(user).contains_unit_id(commune_id):
        raise PermissionDenied("Hộ gia đình này không thuộc địa bàn của bạn.")


def _require_household_scope(user, household: Household) -> None:
    """The household's registered commune or the commune that manages it today must be the user's."""
    # Without the predecessors' trees (the same rule as Household.objects.for_user): the other part of a
    # split commune is not the new xã's.
    scope = scope_for(user)
    if not (scope.contains_unit_id(household.commune_id, history=False)
            or (household.current_commune_id
                and scope.contains_unit_id(household.current_commune_id, history=False))):
        raise PermissionDenied("Hộ gia đình này không thuộc địa bàn của bạn.")


def review_commune_id(household: Household, day: datetime.date) -> int:
    """The commune a review dated ``day`` is made in: the registered commune while it exists; after it ended,
    the commune that manages the household (``current_commune``: its village's for a split commune), else
    the lineage's default successor on that day."""
    if day >= REFORM_DATE and household.current_commune_id:
        return household.current_commune_id
    return commune_on(household.commune, day).pk


def _require_unit_in_force(user, review: Review) -> None:
    """A review dated after the user's unit ended (a district after 30/06/2025) belongs to the new units. The
    working unit: an old commune's account works in its successor (Xuân Bái's in Xã Lam Sơn) and passes."""
    unit = working_unit(user)
    if unit is None or unit.valid_to is None or review.effective_date <= unit.valid_to:
        return
    ended = unit.valid_to + datetime.timedelta(days=1)
    raise PermissionDenied(
        f"{unit.get_kind_display()} {unit.name} hết hiệu lực từ ngày {ended:%d/%m/%Y}: "
        f"phiếu rà soát ngày {review.effective_date:%d/%m/%Y} do xã mới lập, tài khoản này không tạo hoặc sửa được."
    )


def _require_commune_in_force(review: Review) -> None:
    commune = review.commune
    if commune.valid_to is not None and review.effective_date > commune.valid_to:
        raise ValidationError({"review_date": (
            f"{commune.get_kind_display()} {commune.name} hết hiệu lực từ ngày "
            f"{commune.valid_to + datetime.timedelta(days=1):%d/%m/%Y}; phiếu rà soát ngày "
            f"{review.effective_date:%d/%m/%Y} phải lập ở xã kế thừa, nhưng hộ chưa được chuyển sang xã mới "
            "(quản trị viên chạy “manage.py rehome_households”).")})


def _refuse_review_date_out_of_year(review: Review) -> None:
    """A review is dated within its own year and not after today: a 2026 periodic review dated 01/03/2027 would
    take effect months after the 2027 list starts, and a date not yet come is a typing slip."""
    day = review.review_date
    if day is None:
        return
    today = timezone.localdate()
    if day > today:
        raise ValidationError({"review_date": (
            f"Ngày rà soát {day:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y}): ghi ngày đã rà soát thực tế.")})
    if day.year != review.year:
        raise ValidationError({"review_date": (
            f"Ngày rà soát {day:%d/%m/%Y} không thuộc năm rà soát {review.year}: sửa ngày hoặc năm rà soát.")})


def _require_approver(user, review: Review) -> None:
    _require_scope(user, review.commune_id)
    # The commune on the review's date: a 2026 review of a TT Lam Sơn household is Xã Lam Sơn's.
    commune = commune_on(review.commune, review.effective_date)
    if not can_approve_reviews_of(user, commune):
        label = ReviewApprover(effective_review_approver(commune)).label
        raise PermissionDenied(
            f"Bạn không phải cấp phê duyệt kết quả rà soát của {commune.display_name} ({label})."
        )


# --------------------------------------------------------------------------- history


def _field_label(model, field_name: str) -> str:
    return str(model._meta.get_field(field_name).verbose_name)


def _values(obj, fields: Sequence[str]) -> dict[str, str]:
    return {name: display_value(obj, name) for name in fields}


def history_entries(*, household_id: int, object_type: str, obj, label: str, action: str,
                    old: dict[str, str] | None, new: dict[str, str], actor, comment: str = "") -> list[HistoryEntry]:
    """Unsaved history rows for the fields that changed (all non-empty fields on create)."""
    model = type(obj)
    rows = []
    for name, new_value in new.items():
        old_value = "" if old is None else old.get(name, "")
        if old is not None and old_value == new_value:
            continue
        if old is None and new_value == "":
            continue
        rows.append(HistoryEntry(
            household_id=household_id, object_type=object_type, object_id=obj.pk, object_label=label,
            action=action, field=name, field_label=_field_label(model, name) if name in _model_fields(model)
            else name, old_value=old_value, new_value=new_value, actor=actor, comment=comment,
        ))
    if not rows and action in (HistoryAction.CREATE, HistoryAction.DELETE):
        rows.append(HistoryEntry(household_id=household_id, object_type=object_type, object_id=obj.pk,
                                 object_label=label, action=action, actor=actor, comment=comment))
    return rows


def _model_fields(model) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


def _write_history(rows: Iterable[HistoryEntry]) -> None:
    HistoryEntry.objects.bulk_create(list(rows))


# --------------------------------------------------------------------------- households and members

HOUSEHOLD_FIELDS = ("code", "commune", "village", "head_name", "address", "area", "area_reason", "is_ethnic_minority",
                    "has_person_of_merit", "female_head", "has_labour_capacity", "member_count", "note")
MEMBER_FIELDS = ("full_name", "birth_year", "sex", "citizen_id", "relation", "has_labour_capacity",
                 "no_labour_reason", "ethnicity", "has_disability", "has_health_insurance")


def household_labour_capacity(member_flags: Iterable[bool]) -> bool | None:
    """A household has no labour capacity when no member has it; None when no member is listed."""
    flags = list(member_flags)
    if not flags:
        return None
    return any(flags)


@dataclass
class HouseholdSaveResult:
    household: Household
    warnings: list[str] = field(default_factory=list)


def citizen_id_warnings(*, household: Household, members: Iterable[Member], user) -> list[str]:
    """Warn (never block) when a citizen ID already belongs to a member of another household."""
    by_id = {m.citizen_id: m for m in members if m.citizen_id}
    if not by_id:
        return []
    others = (Member.objects.filter(citizen_id__in=by_id).exclude(household_id=household.pk)
              .select_related("household", "household__commune"))
    scope = scope_for(user)
    warnings = []
    for other in others:
        member = by_id[other.citizen_id]
        if scope.contains_unit_id(other.household.commune_id):
            where = f"hộ {other.household.code} ({other.household.head_name}, {other.household.commune.display_name})"
        else:
            where = "một hộ ở địa bàn khác"
        warnings.append(
            f"Số CCCD {other.citizen_id} của {member.full_name} đã có trong {where} "
            f"(thành viên {other.full_name}). Vui lòng kiểm tra lại; dữ liệu vẫn được lưu."
        )
    return warnings


def _refuse_code_differing_in_case(household: Household) -> None:
    """A code that differs from a household of the same commune only in case ("xb001" and "XB001") would be a
    second household that reads the same; the import matches codes case-insensitively, and so does the site."""
    same = (Household.objects.filter(commune_id=household.commune_id, code__iexact=household.code)
            .exclude(pk=household.pk).exclude(code=household.code).values_list("code", "head_name").first())
    if same is None and connection.vendor == "sqlite" and not household.code.isascii():  # SQLite folds ASCII only
        key = match_key(household.code)
        same = next(((code, name) for code, name in Household.objects.filter(commune_id=household.commune_id)
                     .exclude(pk=household.pk).exclude(code=household.code).values_list("code", "head_name")
                     .iterator() if match_key(code) == key), None)
    if same is not None:
        raise ValidationError({"code": (
            f"Mã hộ “{household.code}” trùng với hộ {same[0]} ({same[1]}) đã có trong "
            f"{household.commune.display_name}, chỉ khác chữ hoa, chữ thường: dùng đúng mã {same[0]} "
            "hoặc chọn mã khác.")})


@transaction.atomic
def household_save(*, household: Household, acting_user, members: Sequence[Member] = (),
                   deleted_members: Sequence[Member] = (), expected_version: int | None = None
                   ) -> HouseholdSaveResult:
    """Create or update a household and its members, keeping the derived fields and the history.

    ``household`` carries the new values (e.g. a ModelForm's instance). ``members`` are new or
    changed member instances; ``deleted_members`` are removed. When the household has members,
    ``has_labour_capacity`` and ``member_count`` are derived from them.
    """
    _require(acting_user, Cap.HOUSEHOLD_EDIT)
    _require_household_scope(acting_user, household)
    if not household.commune.is_commune:
        raise ValidationError({"commune": "Hộ gia đình phải thuộc một xã, phường hoặc thị trấn."})
    is_new = household.pk is None
    old_values = None
    if not is_new:
        old = Household.objects.select_related("commune").get(pk=household.pk)
        _require_household_scope(acting_user, old)
        old_values = _values(old, HOUSEHOLD_FIELDS)
        claim_version(household, expected_version, what=f"Hộ {old.code} ({old.head_name})",
                      fields=HOUSEHOLD_FIELDS)
    else:
        household.created_by = acting_user
    _refuse_code_differing_in_case(household)
    household.area_reason = (household.area_reason or "").strip()
    commune_area = area_on(household.commune, timezone.localdate())
    if household.area != commune_area and not household.area_reason:
        raise ValidationError({"area_reason": (
            f"Khu vực “{household.get_area_display()}” khác khu vực của {household.commune.display_name} "
            f"(“{AreaType(commune_area).label}”): ghi lý do, hoặc để khu vực theo xã, phường.")})
    household.full_clean()
    household.save()
    label = f"Hộ {household.code}"
    history: list[HistoryEntry] = []

    for member in deleted_members:
        if member.household_id != household.pk:
            raise ValidationError("Thành viên không thuộc hộ này.")
        history += history_entries(household_id=household.pk, object_type="member", obj=member,
                                   label=member.full_name, action=HistoryAction.DELETE, old=None, new={},
                                   actor=acting_user)
        member.delete()
    for member in members:
        member.household = household
        member.full_clean()
        old_member = None
        if member.pk:
            old_row = Member.objects.filter(pk=member.pk, household=household).first()
            if old_row is None:
                raise ValidationError("Thành viên không thuộc hộ này.")
            old_member = _values(old_row, MEMBER_FIELDS)
        member.save()
        history += history_entries(
            household_id=household.pk, object_type="member", obj=member, label=member.full_name,
            action=HistoryAction.UPDATE if old_member else HistoryAction.CREATE, old=old_member,
            new=_values(member, MEMBER_FIELDS), actor=acting_user,
        )

    flags = list(household.members.values_list("has_labour_capacity", flat=True))
    derived = household_labour_capacity(flags)
    if derived is not None and (household.has_labour_capacity != derived or household.member_count != len(flags)):
        household.has_labour_capacity = derived
        household.member_count = len(flags)
        household.save(update_fields=["has_labour_capacity", "member_count", "updated_at"])

    history += history_entries(
        household_id=household.pk, object_type="household", obj=household, label=label,
        action=HistoryAction.CREATE if is_new else HistoryAction.UPDATE, old=old_values,
        new=_values(household, HOUSEHOLD_FIELDS), actor=acting_user,
    )
    _write_history(history)
    if not is_new and old_values and old_values.get("commune") != display_value(household, "commune"):
        # Reviews carry the commune for scoped queries: keep them with their household.
        Review.objects.filter(household=household).update(commune_id=household.commune_id)
    warnings = citizen_id_warnings(household=household, members=members, user=acting_user)
    return HouseholdSaveResult(household, warnings)


def household_refresh_status(household_ids: Iterable[int]) -> int:
    """Set each household's ``current_category``/``current_year`` from its latest approved review.

    Called after approvals and reopenings, and by the import after a batch. Returns the
    number of households updated.
    """
    ids = list(household_ids)
    if not ids:
        return 0
    latest = Review.objects.filter(household=OuterRef("pk"), status=ReviewStatus.APPROVED).order_by(
        "-effective_date", "-year", "-pk")
    changed = []
    for start in range(0, len(ids), 500):
        rows = (Household.objects.filter(pk__in=ids[start:start + 500])
                .annotate(latest_category=Subquery(latest.values("category")[:1]),
                          latest_year=Subquery(latest.values("year")[:1]))
                .only("pk", "current_category", "current_year"))
        for row in rows:
            category, year = row.latest_category or "", row.latest_year
            if row.current_category != category or row.current_year != year:
                row.current_category, row.current_year = category, year
                changed.append(row)
    Household.objects.bulk_update(changed, ["current_category", "current_year"], batch_size=500)
    return len(changed)


def notify_reviews_changed(*, commune_ids: Iterable[int], years: Iterable[int]) -> None:
    """Send ``reviews_changed`` once the transaction commits (listeners refresh dashboards)."""
    commune_ids, years = set(commune_ids), set(years)
    if not commune_ids:
        return
    transaction.on_commit(
        lambda: reviews_changed.send(sender=Review, commune_ids=commune_ids, years=years)
    )


# --------------------------------------------------------------------------- reviews

REVIEW_FIELDS = ("year", "round", "review_date", "area", "income_per_capita", "has_labour_capacity",
                 "deprivation_count", "category", "reviewer", "note")


def review_compute(review: Review, *, deprivation_count: int, snapshot: StandardSnapshot | None = None,
                   area: str | None = None, commune=None) -> Review:
    """Fill a review's derived fields: standard, commune, effective date, area, deprivation count, category.

    The area is the commune's on the review's date (``households.areas``) unless the household has an
    override with its reason, or ``area`` is given (an import row that names it). ``commune`` is the commune
    on the review's date when the caller knows it already (the import, once per commune and year).

    Pure apart from loading the standard when no ``snapshot`` is given; the import passes
    the snapshot of the file's year so a batch costs no query per row.
    """
    if snapshot is None:
        snapshot = load_snapshot(standard_for_review(review.round, review.year))
    review.standard_id = snapshot.standard_id
    review.effective_date = default_effective_date(review.year, review.review_date)
    if commune is not None:
        review.commune_id = commune.pk
    elif review.household_id:
        # The commune on the review's date: after 01/07/2025 a TT Lam Sơn household is reviewed by Xã Lam Sơn.
        review.commune_id = review_commune_id(review.household, review.effective_date)
    if area is not None:
        review.area = area
    elif review.household_id:
        review.area = household_area_on(review.household, review.effective_date)
    review.deprivation_count = deprivation_count
    review.category = classify(snapshot, review.area, review.income_per_capita, deprivation_count)
    return review


def _indicator_names(indicators: Iterable[Indicator]) -> str:
    return "; ".join(sorted(i.name for i in indicators))


def _cause_names(causes) -> str:
    return "; ".join(sorted(c.name for c in causes))


def _event(review: Review, action: str, from_status: str, actor, comment: str = "") -> ReviewEvent:
    return ReviewEvent.objects.create(review=review, action=action, from_status=from_status,
                                      to_status=review.status, actor=actor, comment=comment)


def _review_label(review: Review) -> str:
    return f"Rà soát {review.year} ({review.get_round_display().lower()})"


@transaction.atomic
def review_save(*, review: Review, acting_user, deprived_indicators: Iterable[Indicator] = (),
                causes: Iterable = (), expected_version: int | None = None) -> Review:
    """Create or edit a draft/returned review; the category is computed here, never typed.

    Edits are refused once the review is submitted or approved, and when someone else
    saved it since ``expected_version`` was read (optimistic lock).
    """
    _require(acting_user, Cap.REVIEW_SUBMIT)
    household = review.household
    _require_household_scope(acting_user, household)
    is_new = review.pk is None
    deprived_indicators, causes = list(deprived_indicators), list(causes)
    old_values = old_indicators = old_causes = None
    what = f"Phiếu rà soát năm {review.year} của hộ {household.code}"
    if not is_new:
        old = Review.objects.get(pk=review.pk)
        if old.household_id != household.pk:
            raise ValidationError("Phiếu rà soát không thuộc hộ này.")
        if not old.is_editable:
            raise ValidationError(
                f"{what} đang ở trạng thái “{old.get_status_display()}” nên không sửa được"
                + ("; cấp phê duyệt phải mở lại (có lý do) trước khi sửa." if old.is_locked else ".")
            )
        old_values = _values(old, REVIEW_FIELDS)
        old_indicators = _indicator_names(old.deprived_indicators.all())
        old_causes = _cause_names(old.causes.all())
        claim_version(review, expected_version, what=what, fields=REVIEW_FIELDS)
        review.status = old.status
    else:
        review.created_by = acting_user
        review.status = ReviewStatus.DRAFT

    _refuse_review_date_out_of_year(review)
    try:
        standard = standard_for_review(review.round, review.year)
    except LookupError as exc:
        raise ValidationError({"year": str(exc)}) from exc
    wrong = [i.name for i in deprived_indicators if i.standard_id != standard.pk]
    if wrong:
        raise ValidationError({"deprived_indicators": f"Chỉ số không thuộc {standard.label} (chuẩn của đợt rà "
                                                      f"soát này): " + ", ".join(wrong)})
    review_compute(review, deprivation_count=len(set(deprived_indicators)), snapshot=load_snapshot(standard))
    _require_unit_in_force(acting_user, review)
    _require_scope(acting_user, review.commune_id)
    _require_commune_in_force(review)
    review.full_clean()
    review.save()
    review.deprived_indicators.set(deprived_indicators)
    review.causes.set(causes)

    new_values = _values(review, REVIEW_FIELDS)
    new_values["deprived_indicators"] = _indicator_names(deprived_indicators)
    new_values["causes"] = _cause_names(causes)
    if old_values is not None:
        old_values["deprived_indicators"] = old_indicators
        old_values["causes"] = old_causes
    rows = history_entries(household_id=household.pk, object_type="review", obj=review,
                           label=_review_label(review),
                           action=HistoryAction.UPDATE if not is_new else HistoryAction.CREATE,
                           old=old_values, new=new_values, actor=acting_user)
    _write_history(rows)
    if is_new or rows:
        _event(review, ReviewAction.CREATED if is_new else ReviewAction.EDITED, review.status, acting_user)
    return review


def _transition(review: Review, *, to_status: str, action: str, acting_user, comment: str = "",
                expected_version: int | None = None, **fields) -> Review:
    """Move a review to another status: conditional UPDATE on (status, version), event and history."""
    from_status = review.status
    filters = {"pk": review.pk, "status": from_status}
    if expected_version is not None:
        filters["version"] = expected_version
    updated = Review.objects.filter(**filters).update(status=to_status, version=F("version") + 1,
                                                      updated_at=timezone.now(), **fields)
    if updated != 1:
        raise ConcurrentEditError(
            f"Phiếu rà soát năm {review.year} của hộ {review.household.code} vừa được người khác xử lý; "
            "hãy tải lại trang."
        )
    old_label = review.get_status_display()
    review.status = to_status
    review.version += 1
    for name, value in fields.items():
        setattr(review, name, value)
    _event(review, action, from_status, acting_user, comment)
    HistoryEntry.objects.create(
        household_id=review.household_id, object_type="review", object_id=review.pk,
        object_label=_review_label(review), action=HistoryAction.STATUS, field="status",
        field_label="trạng thái", old_value=old_label, new_value=review.get_status_display(),
        comment=comment, actor=acting_user,
    )
    return review


@transaction.atomic
def review_submit(*, review: Review, acting_user, expected_version: int | None = None) -> Review:
    _require(acting_user, Cap.REVIEW_SUBMIT)
    _require_scope(acting_user, review.commune_id)
    if not review.is_editable:
        raise ValidationError(f"Chỉ nộp được phiếu nháp hoặc bị trả lại; phiếu năm {review.year} của hộ "
                              f"{review.household.code} đang “{review.get_status_display()}”.")
    return _transition(review, to_status=ReviewStatus.SUBMITTED, action=ReviewAction.SUBMITTED,
                       acting_user=acting_user, expected_version=expected_version,
                       submitted_by=acting_user, submitted_at=timezone.now())


@transaction.atomic
def review_return(*, review: Review, comment: str, acting_user, expected_version: int | None = None) -> Review:
    """Send a submitted review back to the commune; the comment is required and shown to them."""
    _require_approver(acting_user, review)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "Phải ghi lý do trả lại để xã biết cần sửa gì."})
    if review.status != ReviewStatus.SUBMITTED:
        raise ValidationError(f"Chỉ trả lại được phiếu đã nộp; phiếu năm {review.year} của hộ "
                              f"{review.household.code} đang “{review.get_status_display()}”.")
    return _transition(review, to_status=ReviewStatus.RETURNED, action=ReviewAction.RETURNED,
                       acting_user=acting_user, comment=comment, expected_version=expected_version,
                       return_comment=comment)


@transaction.atomic
def review_approve(*, review: Review, acting_user, expected_version: int | None = None) -> Review:
    """Approve (and lock) a submitted review; the household's current category follows."""
    _require_approver(acting_user, review)
    if review.status != ReviewStatus.SUBMITTED:
        raise ValidationError(f"Chỉ phê duyệt được phiếu đã nộp; phiếu năm {review.year} của hộ "
                              f"{review.household.code} đang “{review.get_status_display()}”.")
    _transition(review, to_status=ReviewStatus.APPROVED, action=ReviewAction.APPROVED, acting_user=acting_user,
                expected_version=expected_version, approved_by=acting_user, approved_at=timezone.now())
    household_refresh_status([review.household_id])
    notify_reviews_changed(commune_ids=[review.commune_id], years=[review.year])
    return review


@transaction.atomic
def review_reopen(*, review: Review, reason: str, acting_user, expected_version: int | None = None) -> Review:
    """Unlock an approved review for correction; the reason is required and kept.

    The review goes back to the commune as "Trả lại" with the reason as the comment.
    """
    _require_approver(acting_user, review)
    if not acting_user.is_unit_chairman:
        _require(acting_user, Cap.REVIEW_REOPEN)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Phải ghi lý do mở lại phiếu đã phê duyệt."})
    if review.status != ReviewStatus.APPROVED:
        raise ValidationError("Chỉ mở lại được phiếu đã phê duyệt.")
    _transition(review, to_status=ReviewStatus.RETURNED, action=ReviewAction.REOPENED, acting_user=acting_user,
                comment=reason, expected_version=expected_version, return_comment=reason,
                approved_by=None, approved_at=None)
    household_refresh_status([review.household_id])
    notify_reviews_changed(commune_ids=[review.commune_id], years=[review.year])
    return review


@dataclass
class BulkResult:
    done: list[Review] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _bulk(reviews: Iterable[Review], action) -> BulkResult:
    """Apply ``action`` to each review in its own savepoint: one refusal does not undo the others."""
    result = BulkResult()
    for review in reviews:
        try:
            with transaction.atomic():
                action(review)
            result.done.append(review)
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            result.errors.append(f"Hộ {review.household.code} ({review.year}): " + " ".join(messages))
    return result


def reviews_submit_bulk(*, reviews: Iterable[Review], acting_user) -> BulkResult:
    return _bulk(reviews, lambda r: review_submit(review=r, acting_user=acting_user))


def reviews_approve_bulk(*, reviews: Iterable[Review], acting_user) -> BulkResult:
    return _bulk(reviews, lambda r: review_approve(review=r, acting_user=acting_user))


def reviews_return_bulk(*, reviews: Iterable[Review], comment: str, acting_user) -> BulkResult:
    if not (comment or "").strip():
        raise ValidationError({"comment": "Phải ghi lý do trả lại để xã biết cần sửa gì."})
    return _bulk(reviews, lambda r: review_return(review=r, comment=comment, acting_user=acting_user))


# --------------------------------------------------------------------------- escape plans

ESCAPE_PLAN_FIELDS = ("target_year", "measures", "responsible_cadre", "helping_agency", "able_to_escape", "note")


@transaction.atomic
def escape_plan_save(*, plan: EscapePlan, supports: Iterable, acting_user,
                     expected_version: int | None = None) -> EscapePlan:
    """Create or update a poor household's escape plan (phương án thoát nghèo), with history.

    An update must carry the version the user loaded: a save over someone else's newer one is refused.
    """
    _require(acting_user, Cap.HOUSEHOLD_EDIT)
    household = plan.household
    _require_household_scope(acting_user, household)
    supports = list(supports)
    is_new = plan.pk is None
    if is_new:
        latest = household.reviews.order_by("-year", "-effective_date", "-pk").values_list("category", flat=True)
        if household.current_category != "poor" and (latest.first() != "poor"):
            raise ValidationError(f"Hộ {household.code} không phải hộ nghèo theo kết quả rà soát gần nhất: "
                                  "chỉ lập phương án thoát nghèo cho hộ nghèo.")
        plan.created_by = acting_user
    old_values = None
    if not is_new:
        old = EscapePlan.objects.select_related("helping_agency").get(pk=plan.pk)
        old_values = _values(old, ESCAPE_PLAN_FIELDS)
        old_values["supports"] = "; ".join(sorted(s.name for s in old.supports.all()))
        your_supports = "; ".join(sorted(s.name for s in supports))

        def escape_plan_changes(saved):
            changes = field_changes(saved, plan, ESCAPE_PLAN_FIELDS)
            saved_supports = "; ".join(sorted(s.name for s in saved.supports.all()))
            if saved_supports != your_supports:
                changes.append(Change("Hỗ trợ", saved_supports, your_supports))
            return changes

        claim_version(plan, expected_version, changes=escape_plan_changes,
                      what=f"Phương án thoát nghèo năm {old.target_year} của hộ {household.code}")
    if plan.helping_agency_id and not plan.helping_agency.unit.contains(household.today_commune) \
            and not plan.helping_agency.unit.contains(household.commune):
        raise ValidationError({"helping_agency": "Cơ quan giúp đỡ phải thuộc địa bàn của hộ."})
    plan.full_clean()
    plan.save()
    plan.supports.set(supports)
    new_values = _values(plan, ESCAPE_PLAN_FIELDS)
    new_values["supports"] = "; ".join(sorted(s.name for s in supports))
    _write_history(history_entries(
        household_id=household.pk, object_type="escape_plan", obj=plan,
        label=f"Phương án thoát nghèo {plan.target_year}",
        action=HistoryAction.CREATE if is_new else HistoryAction.UPDATE, old=old_values, new=new_values,
        actor=acting_user,
    ))
    return plan
