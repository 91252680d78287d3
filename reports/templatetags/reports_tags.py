from django import template

from reports.models import JobStatus
from reports.periods import RUN_STATUS_BADGES, RUN_STATUS_LABELS, RunStatus

register = template.Library()

JOB_BADGES = {
    JobStatus.NONE: "", JobStatus.PENDING: "badge-blue", JobStatus.RUNNING: "badge-blue",
    JobStatus.SUCCESS: "badge-green", JobStatus.FAILED: "badge-red",
}


@register.filter
def status_label(status: str) -> str:
    return RUN_STATUS_LABELS[RunStatus(status)]


@register.filter
def status_badge(status: str) -> str:
    return RUN_STATUS_BADGES[RunStatus(status)]


@register.filter
def job_badge(job_status: str) -> str:
    return JOB_BADGES.get(job_status, "")


@register.filter
def pct(value) -> str:
    """45.5 -> "45,5%"; None -> "—" (no expected reports)."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",").replace(",0", "") + "%"
