import re

from django import template
from django.utils.html import format_html

from households.models import ReviewStatus
from households.tables import category_badge as _category_badge

register = template.Library()

STATUS_BADGES = {
    ReviewStatus.DRAFT: "", ReviewStatus.SUBMITTED: "badge-blue", ReviewStatus.APPROVED: "badge-green",
    ReviewStatus.RETURNED: "badge-red",
}


@register.filter
def category_badge(value):
    return _category_badge(value)


@register.filter
def status_badge(value):
    if not value:
        return ""
    return format_html('<span class="badge {}">{}</span>', STATUS_BADGES.get(value, ""), ReviewStatus(value).label)


@register.filter
def yes_no(value):
    return "Có" if value else "Không"


@register.filter
def abs_value(value):
    return abs(value) if value is not None else value


@register.filter
def intdot(value):
    """1500000 → "1.500.000", whatever the page's localisation (the review form turns it off for inputs)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


_COMMA_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+")


@register.filter
def vn_grouping(value):
    """A history value stored as "3,900,000" (written where English formats were active) reads 3.900.000."""
    if isinstance(value, str) and _COMMA_GROUPED.fullmatch(value):
        return value.replace(",", ".")
    return value
