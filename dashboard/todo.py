"""Dashboard's line on the home page's to-do list: leadership reads the overview of their unit."""

from __future__ import annotations

from django.urls import reverse

from directory.models import Role
from directory.todo import TodoItem

from . import selectors


def items(user, today) -> list[TodoItem]:
    if getattr(user, "role", None) != Role.LEADERSHIP or not user.unit_id:
        return []
    unit = user.working_unit
    years = selectors.figure_years(unit)
    completion = selectors.year_completion(unit, years)
    year = selectors.default_year(years, today, completion)
    detail = (completion[year].label,) if year in completion else ()
    return [TodoItem(f"Xem tổng quan giảm nghèo năm {year}", reverse("dashboard:index"), None, detail,
                     urgency=3, kind="dashboard")]
