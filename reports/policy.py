"""Who may do what with a report run the user can already see (the run came through
``ReportRun.objects.for_user``): one place for the row-level rules, used by views,
templates and services alike."""

from __future__ import annotations

from directory.models import Role
from directory.permissions import Cap, user_can


def is_reporter(user, run) -> bool:
    """The user reports this run themselves: their agency's report, or their own unit's (the unit they work in
    today and, for an old commune's account, also the old commune's runs it may still finish)."""
    if run.agency_id:
        return bool(user.agency_id) and user.agency_id == run.agency_id
    return (run.reporting_unit_id in {user.unit_id, user.working_unit_id}
            and getattr(user, "role", None) != Role.AGENCY_STAFF)


def is_overseer(user) -> bool:
    """Staff who manage duties (district/province LĐTBXH, administrators) for the runs in their scope."""
    return user_can(user, Cap.DUTY_EDIT)


def can_generate(user, run) -> bool:
    # The reporter may build the draft of their own report (agency staff have no REPORT_GENERATE otherwise).
    if not run.duty.is_generated:
        return False
    return user_can(user, Cap.REPORT_GENERATE) or (user_can(user, Cap.REPORT_SUBMIT) and is_reporter(user, run))


def can_submit(user, run) -> bool:
    """Submit, upload or confirm: the reporter, or overseeing staff recording a report received on paper."""
    return user_can(user, Cap.REPORT_SUBMIT) and (is_reporter(user, run) or is_overseer(user))


def can_unsubmit(user, run) -> bool:
    return run.is_submitted and is_overseer(user)


def can_comment(user, run) -> bool:
    return user_can(user, Cap.REPORT_SUBMIT) or is_overseer(user)


def can_see_job_error(user) -> bool:
    """The technical error of a failed build is for staff; others see that it failed and whom to call."""
    return is_overseer(user)
