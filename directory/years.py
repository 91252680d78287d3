"""Years are shown "2024", never "2.024"; the admin's yes/no icons say "Có"/"Không".

USE_THOUSAND_SEPARATOR groups every integer the admin displays, years included. The admin
formats list cells and read-only fields through ``display_for_field``; this wraps it so an
integer field that holds a year (named ``year``, ``*_year``, ``year_*``) is shown plain.
Installed once from DirectoryConfig.ready().
"""

from __future__ import annotations

from django.db import models


def is_year_field(field) -> bool:
    name = getattr(field, "name", "") or ""
    return isinstance(field, models.IntegerField) and (
        name == "year" or name.endswith("_year") or name.startswith("year_") or "_year_" in name)


def install_admin_year_display() -> None:
    from django.contrib.admin import helpers, utils
    from django.contrib.admin.templatetags import admin_list

    original = utils.display_for_field
    if getattr(original, "shows_plain_years", False):
        return

    def display_for_field(value, field, empty_value_display, *args, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool) and is_year_field(field):
            return str(value)
        return original(value, field, empty_value_display, *args, **kwargs)

    display_for_field.shows_plain_years = True
    for module in (utils, helpers, admin_list):
        if getattr(module, "display_for_field", None) is original:
            module.display_for_field = display_for_field


BOOLEAN_ALT = {True: "Có", False: "Không", None: "Chưa rõ"}


def install_admin_boolean_icons() -> None:
    """The admin's yes/no icons carry alt="True"/"False" (read aloud, shown when images are off)."""
    from django.contrib.admin.templatetags import admin_list
    from django.templatetags.static import static
    from django.utils.html import format_html

    if getattr(admin_list._boolean_icon, "speaks_vietnamese", False):
        return

    def _boolean_icon(field_val):
        name = {True: "yes", False: "no", None: "unknown"}[field_val]
        icon = static(f"admin/img/icon-{name}.svg")
        return format_html('<img src="{}" alt="{}">', icon, BOOLEAN_ALT[field_val])

    _boolean_icon.speaks_vietnamese = True
    admin_list._boolean_icon = _boolean_icon
