"""Write requests through the web's own forms and services: the API adds no rule of its own.

A JSON body is laid over the object's current values (so PATCH sends only what changes) and validated by the
same Django form the web page uses (``HouseholdForm``, ``MemberForm``, ``ReviewForm``: the commune a user may
register in, the income limit, the indicators of the round's standard...); the result goes to the same
service (``households.services``), which computes the classification, refuses locked reviews and stale
versions (``claim_version``) and writes the history. Form errors become a 400 with Vietnamese field labels.
"""

from __future__ import annotations

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied, ValidationError

from directory.concurrency import MISSING_VERSION, ConcurrentEditError
from households import selectors, services
from households.areas import area_on
from households.forms import HouseholdForm, MemberForm, ReviewForm
from households.models import Household, Member, Review, ReviewRound

from .errors import FormInvalid


def expected_version(request, *, what: str, required: bool = True) -> int | None:
    """The version the client loaded: ``version`` in the body, else the ``If-Match`` header ("3" or W/"3")."""
    raw = request.data.get("version") if hasattr(request.data, "get") else None
    if raw in (None, ""):
        raw = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"') or None
    if raw in (None, ""):
        if required:
            raise ConcurrentEditError(MISSING_VERSION.format(what=what))
        return None
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ValidationError({"version": ["Phiên bản phải là một số nguyên (lấy từ lần đọc gần nhất)."]}) from None
    if value < 1:
        raise ValidationError({"version": ["Phiên bản phải lớn hơn 0."]})
    return value


def _body(request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field_errors": ["Dữ liệu gửi lên phải là một đối tượng JSON."]})
    return request.data


def _labels(form) -> dict[str, str]:
    return {name: str(field.label or name) for name, field in form.fields.items()}


def _raise_form(form, prefix: str = "") -> None:
    errors = {f"{prefix}{name}" if name != "__all__" else (prefix.rstrip(".") or "__all__"): [str(m) for m in msgs]
              for name, msgs in form.errors.items()}
    labels = {f"{prefix}{name}": label for name, label in _labels(form).items()}
    raise FormInvalid(errors, labels)


def _service_errors(exc, form, prefix: str = "") -> FormInvalid | None:
    """A service's ValidationError on form fields, labelled like the form's own errors."""
    if not hasattr(exc, "error_dict"):
        return None
    errors = {f"{prefix}{name}" if name != "__all__" else "__all__": [m for e in errs for m in e.messages]
              for name, errs in exc.error_dict.items()}
    labels = {f"{prefix}{name}": label for name, label in _labels(form).items()}
    return FormInvalid(errors, labels)


# --------------------------------------------------------------------------- households

MEMBER_FIELDS = list(MemberForm._meta.fields)
HOUSEHOLD_FIELDS = list(HouseholdForm._meta.fields)


def _member_forms(household: Household, rows) -> tuple[list[Member], list[Member]]:
    """Validate ``members`` (the full list: rows with an ``id`` update that member, rows without one are new,
    members not listed are removed) with the web's MemberForm; return (to save, to delete)."""
    if not isinstance(rows, list):
        raise ValidationError({"members": ["Thành viên phải là một danh sách."]})
    existing = {m.pk: m for m in household.members.all()} if household.pk else {}
    to_save, kept, errors, labels = [], set(), {}, {}
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            errors[f"members[{index}]"] = ["Mỗi thành viên phải là một đối tượng JSON."]
            continue
        member_id = row.get("id")
        if member_id is not None and member_id not in existing:
            errors[f"members[{index}].id"] = ["Thành viên này không thuộc hộ."]
            continue
        instance = existing.get(member_id) or Member(household=household if household.pk else None)
        data = {**(model_to_dict(instance, fields=MEMBER_FIELDS) if member_id else {}), **row}
        form = MemberForm(data, instance=instance)
        if not form.is_valid():
            for name, messages in form.errors.items():
                errors[f"members[{index}].{name}"] = [str(m) for m in messages]
            labels.update({f"members[{index}].{n}": f"Thành viên {index + 1}: {lbl}"
                           for n, lbl in _labels(form).items()})
            continue
        member = form.save(commit=False)
        if not member.order or member_id is None:
            member.order = row.get("order") or index + 1
        to_save.append(member)
        if member_id:
            kept.add(member_id)
    if errors:
        raise FormInvalid(errors, labels)
    return to_save, [m for pk, m in existing.items() if pk not in kept]


def save_household(request, household: Household | None) -> services.HouseholdSaveResult:
    user = request.user
    is_new = household is None
    if is_new:
        if not selectors.registration_communes(user).exists():
            # The web's rule (households.views.household_edit): an account whose units all ended registers nothing.
            raise PermissionDenied(selectors.registration_closed_note(user))
        household = Household()
    body = _body(request)
    current = model_to_dict(household, fields=HOUSEHOLD_FIELDS)
    if is_new and "area" not in body:
        # A new household takes its commune's area today (xã: rural; phường, thị trấn: urban), as the import does.
        commune = selectors.registration_communes(user).filter(
            pk=body.get("commune") if isinstance(body.get("commune"), int) else user.working_unit_id).first()
        if commune is not None:
            current["area"] = area_on(commune, timezone.localdate())
    data = {**current, **{k: v for k, v in body.items() if k != "members"}}
    form = HouseholdForm(data, instance=household, user=user)
    commune_field = form.fields["commune"]
    if commune_field.disabled and "commune" in body and body["commune"] != form.get_initial_for_field(
            commune_field, "commune"):
        # The web form shows the commune locked; an API client that names another one is told, not ignored.
        form.add_error("commune", commune_field.help_text or "Không đổi được xã của hộ.")
    if not form.is_valid():
        _raise_form(form)
    members, deleted = ([], [])
    if "members" in body:
        members, deleted = _member_forms(form.instance, body["members"])
    version = None if is_new else expected_version(request, what=f"Hộ {household.code} ({household.head_name})")
    try:
        return services.household_save(household=form.instance, members=members, deleted_members=deleted,
                                       acting_user=user, expected_version=version)
    except ConcurrentEditError:
        raise
    except Exception as exc:
        converted = _service_errors(exc, form)
        if converted is not None:
            raise converted from exc
        raise


# --------------------------------------------------------------------------- reviews

REVIEW_FIELDS = list(ReviewForm._meta.fields)


def _choice_ids(values, queryset, field: str) -> list:
    """Indicators and causes by code (``"thieu_bhyt"``) or by id."""
    if values is None:
        return []
    if not isinstance(values, list):
        raise ValidationError({field: ["Phải là một danh sách mã hoặc số hiệu."]})
    codes = [v for v in values if isinstance(v, str) and not v.isdigit()]
    by_code = dict(queryset.filter(code__in=codes).values_list("code", "pk")) if codes else {}
    return [by_code.get(v, v) for v in values]


def save_review(request, review: Review | None, household: Household | None = None) -> Review:
    """Create (``household`` given) or edit a draft/returned review, then submit it if ``submit`` is true: the
    web's "Lưu và nộp" button, in one transaction."""
    user = request.user
    body = _body(request)
    if review is None:
        today = timezone.localdate()
        review = Review(household=household, area=household.area, has_labour_capacity=household.has_labour_capacity,
                        year=today.year, round=selectors.running_round(today))
        current = {"year": review.year, "round": review.round, "has_labour_capacity": review.has_labour_capacity}
    else:
        if not review.is_editable:
            raise ValidationError({"non_field_errors": [
                f"Phiếu rà soát năm {review.year} đang “{review.get_status_display()}”: không sửa được"
                + ("; cấp phê duyệt phải mở lại (có lý do) trước khi sửa." if review.is_locked else ".")]})
        current = model_to_dict(review, fields=REVIEW_FIELDS)
        current["deprived_indicators"] = [i.pk for i in review.deprived_indicators.all()]
        current["causes"] = [c.pk for c in review.causes.all()]
    data = {**current, **{k: v for k, v in body.items() if k not in ("submit", "household")}}
    try:
        year = int(data.get("year"))
    except (TypeError, ValueError):
        raise ValidationError({"year": ["Năm rà soát phải là số."]}) from None
    round_ = data.get("round") if data.get("round") in ReviewRound.values else review.round
    form = ReviewForm(data, instance=review, year=year, round=round_)
    data["deprived_indicators"] = _choice_ids(data.get("deprived_indicators"),
                                              form.fields["deprived_indicators"].queryset, "deprived_indicators")
    data["causes"] = _choice_ids(data.get("causes"), form.fields["causes"].queryset, "causes")
    form = ReviewForm(data, instance=review, year=year, round=round_)
    if not form.is_valid():
        _raise_form(form)
    version = None
    if review.pk:
        version = expected_version(request, what=f"Phiếu rà soát năm {review.year} của hộ {review.household.code}")
    try:
        with transaction.atomic():
            saved = services.review_save(review=form.instance, acting_user=user,
                                         deprived_indicators=form.cleaned_data["deprived_indicators"],
                                         causes=form.cleaned_data["causes"], expected_version=version)
            if body.get("submit") is True:
                services.review_submit(review=saved, acting_user=user, expected_version=saved.version)
    except ConcurrentEditError:
        raise
    except Exception as exc:
        converted = _service_errors(exc, form)
        if converted is not None:
            raise converted from exc
        raise
    return saved
