"""The printed page's document header and signature block: the same lines as the Excel files (directory.sheets)."""

from django import template
from django.utils import timezone

from directory.scoping import working_unit
from directory.sheets import HEAD_OF_UNIT, MOTTO, NATION, PREPARER, issuing_body, vietnamese_date

register = template.Library()


def _working_unit(context):
    user = context.get("user")
    return working_unit(user) if user is not None else None


@register.inclusion_tag("includes/print_header.html", takes_context=True)
def document_header(context, title, period="", unit=None, standard="", year=None):
    """``{% document_header "DANH SÁCH ..." period="Năm 2024" unit=unit standard=... %}``; ``unit`` defaults to the
    user's working unit (Xã Lam Sơn for Xã Xuân Bái's official since 01/07/2025, as the Excel files and the page
    header say). Shown on paper only (the screen has its own heading)."""
    unit = unit or _working_unit(context)
    if not period and year:
        period = f"Năm {year}"
    return {"issuer": issuing_body(unit), "nation": NATION, "motto": MOTTO, "title": title, "period": period,
            # kind and name, not the full path: no query for the parents on every page
            "unit_name": f"{unit.get_kind_display()} {unit.name}" if unit is not None else "", "standard": standard}


@register.inclusion_tag("includes/print_signature.html", takes_context=True)
def signature_block(context, unit=None):
    unit = unit or _working_unit(context)
    day = vietnamese_date(timezone.localdate())
    place = f"{unit.name}, {day}" if unit is not None else day.capitalize()
    return {"place_and_date": place, "left": PREPARER, "right": HEAD_OF_UNIT}


@register.inclusion_tag("includes/print_button.html")
def print_button(label="In"):
    return {"label": label}
