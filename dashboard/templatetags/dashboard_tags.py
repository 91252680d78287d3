from django import template

from plans.models import format_number

register = template.Library()


@register.filter
def cell(value) -> str:
    """A chart-table cell: numbers with Vietnamese separators (1.500, 2,35), text as it is, None as —."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return format_number(value)
