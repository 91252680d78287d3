from django import template

from plans.models import format_number

register = template.Library()


@register.filter
def vn_number(value):
    """A decimal as officials write it: 2.500 / 2,15 / 0,31 (no trailing zeros)."""
    return format_number(value)
