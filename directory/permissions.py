"""What each role may do, as named capabilities.

Views, forms, admin pages and services ask ``user_can(user, Cap.X)``; the role
→ capability table below is the only place that decides it.
"""

from enum import StrEnum


class Cap(StrEnum):
    VIEW = "view"
    PLAN_EDIT = "plan_edit"
    QUOTA_EDIT = "quota_edit"
    TASK_ASSIGN = "task_assign"
    TASK_PROGRESS = "task_progress"
    HOUSEHOLD_EDIT = "household_edit"
    REVIEW_SUBMIT = "review_submit"
    REVIEW_APPROVE = "review_approve"
    REVIEW_REOPEN = "review_reopen"
    REPORT_GENERATE = "report_generate"
    REPORT_SUBMIT = "report_submit"
    DUTY_EDIT = "duty_edit"
    REFERENCE_EDIT = "reference_edit"
    USER_ADMIN = "user_admin"
    FUND_ENTER = "fund_enter"  # programme funds: which rows is decided by funds.policy


_STAFF = {
    Cap.VIEW, Cap.PLAN_EDIT, Cap.QUOTA_EDIT, Cap.TASK_ASSIGN, Cap.REVIEW_APPROVE, Cap.REVIEW_REOPEN,
    Cap.REPORT_GENERATE, Cap.REPORT_SUBMIT, Cap.DUTY_EDIT, Cap.HOUSEHOLD_EDIT, Cap.REVIEW_SUBMIT, Cap.FUND_ENTER,
}

ROLE_CAPABILITIES: dict[str, frozenset[Cap]] = {
    "province_staff": frozenset(_STAFF),
    "district_staff": frozenset(_STAFF),
    "commune_official": frozenset({Cap.VIEW, Cap.HOUSEHOLD_EDIT, Cap.REVIEW_SUBMIT, Cap.REPORT_SUBMIT,
                                   Cap.REPORT_GENERATE, Cap.FUND_ENTER}),
    "agency_staff": frozenset({Cap.VIEW, Cap.TASK_PROGRESS, Cap.REPORT_SUBMIT, Cap.FUND_ENTER}),
    "leadership": frozenset({Cap.VIEW}),
    "admin": frozenset(Cap),
}

STAFF_ROLES = frozenset({"province_staff", "district_staff"})


def user_can(user, cap: Cap) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return cap in ROLE_CAPABILITIES.get(user.role, frozenset())


def effective_review_approver(commune) -> str:
    """Every commune of the new map (from 01/07/2025) has its reviews recognised by its chairman
    (Decision 24/2021, Art. 4; no district tier any more); an old commune keeps its setting for its history."""
    from .lineage import REFORM_DATE
    from .models import ReviewApprover

    if commune.valid_from is not None and commune.valid_from >= REFORM_DATE:
        return ReviewApprover.COMMUNE_CHAIRMAN
    return commune.review_approver


def can_approve_reviews_of(user, commune) -> bool:
    """Decision 24/2021 gave approval to the district; after 07/2025 the commune chairman.

    The commune's ``review_approver`` setting says which applies; the user must also
    have the commune in scope (checked by the caller through the scoped queryset).
    """
    from .models import ReviewApprover, Role

    if user.is_superuser or getattr(user, "role", None) == Role.ADMIN:
        return True
    if effective_review_approver(commune) == ReviewApprover.COMMUNE_CHAIRMAN:
        return user.role == Role.COMMUNE_OFFICIAL and user.is_unit_chairman and user.working_unit_id == commune.pk
    return user.role in STAFF_ROLES and user_can(user, Cap.REVIEW_APPROVE)
