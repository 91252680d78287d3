"""Year-on-year movements (biến động) between two approved reviews: one pure function.

Used by the household page, the reports app and the Excel export ("Biến động").
"""

from __future__ import annotations

from django.db import models

from .models import Category


class Movement(models.TextChoices):
    ESCAPED_POVERTY = "escaped_poverty", "Thoát nghèo"
    ESCAPED_NEAR_POVERTY = "escaped_near_poverty", "Thoát cận nghèo"
    NEW_POOR = "new_poor", "Nghèo phát sinh"
    RELAPSED_POOR = "relapsed_poor", "Tái nghèo"
    NEW_NEAR_POOR = "new_near_poor", "Cận nghèo phát sinh"


def movement_between(previous_category: str | None, current_category: str | None,
                     ever_poor_before: bool = False) -> Movement | None:
    """The movement from last year's category to this year's, or None when nothing moved.

    ``previous_category`` None means the household was on no list the year before
    (counted as not poor). ``ever_poor_before`` says whether any earlier approved
    review (before ``previous_category``'s year included) classified it poor: a poor
    household that was poor once and escaped is "tái nghèo", otherwise "nghèo phát sinh".
    A poor household becoming near-poor has escaped poverty (it is not "cận nghèo phát sinh").
    """
    if current_category is None:
        return None
    was_poor = previous_category == Category.POOR
    was_near_poor = previous_category == Category.NEAR_POOR
    if current_category == Category.POOR:
        if was_poor:
            return None
        return Movement.RELAPSED_POOR if ever_poor_before else Movement.NEW_POOR
    if was_poor:
        return Movement.ESCAPED_POVERTY
    if current_category == Category.NEAR_POOR:
        return None if was_near_poor else Movement.NEW_NEAR_POOR
    if was_near_poor:
        return Movement.ESCAPED_NEAR_POVERTY
    return None
