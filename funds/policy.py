"""Who may write which funds row. Which rows a user may *see* is ``for_user`` (``funds.models``); this decides,
among those, what they may change, from the role's capabilities (``directory.permissions``):

- district and province staff (and administrators): every row they see;
- agency staff: the lines of projects their agency leads (estimate, allocations), and disbursements of
  those lines or of allocations made to their agency;
- commune officials: disbursements of allocations made to their commune;
- read-only roles (leadership): nothing.
"""

from __future__ import annotations

from directory.models import Role
from directory.permissions import STAFF_ROLES, Cap, user_can
from directory.scoping import scope_for


def _staff(user) -> bool:
    return user.is_superuser or user.role == Role.ADMIN or user.role in STAFF_ROLES


def can_edit_line(user, line) -> bool:
    """Estimates and allocations of ``line`` (already in the user's scope)."""
    if not user_can(user, Cap.FUND_ENTER):
        return False
    if _staff(user):
        return True
    return user.role == Role.AGENCY_STAFF and bool(user.agency_id) and line.project.lead_agency_id == user.agency_id


def can_create_lines(user, plan) -> bool:
    """Add lines to ``plan``: staff, or agency staff whose agency leads one of its projects."""
    if not user_can(user, Cap.FUND_ENTER):
        return False
    if _staff(user):
        return True
    return (user.role == Role.AGENCY_STAFF and bool(user.agency_id)
            and plan.projects.filter(lead_agency_id=user.agency_id).exists())


def can_disburse(user, allocation) -> bool:
    """Record or edit disbursements of ``allocation`` (already in the user's scope)."""
    if not user_can(user, Cap.FUND_ENTER):
        return False
    if _staff(user) or can_edit_line(user, allocation.line):
        return True
    if user.role == Role.AGENCY_STAFF:
        return bool(user.agency_id) and allocation.agency_id == user.agency_id
    if user.role == Role.COMMUNE_OFFICIAL:
        return allocation.commune_id is not None and scope_for(user).contains_unit_id(allocation.commune_id)
    return False


def line_projects(user, plan):
    """The projects of ``plan`` the user may add lines to."""
    projects = plan.projects.select_related("parent").order_by("order", "kind", "number")
    if _staff(user):
        return projects
    return projects.filter(lead_agency_id=user.agency_id) if user.agency_id else projects.none()


def can_import(user, plan) -> bool:
    """The Excel import writes any project's rows: district and province staff (the finance offices' users)."""
    return user_can(user, Cap.FUND_ENTER) and _staff(user)
