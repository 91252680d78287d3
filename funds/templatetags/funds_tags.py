"""Money and rates as officials write them (1.234.567; 12,34%), and the funds panels that other apps' pages
include: the plan page's summary and the dashboard's chart with its table."""

from __future__ import annotations

from django import template

from .. import rules
from ..reporting import dashboard_fund_rates, fund_rates

register = template.Library()


@register.filter
def money(value):
    return rules.money(value) if value is not None else "—"


@register.filter
def rate_pct(value):
    return rules.rate_label(value)


@register.inclusion_tag("funds/_plan_summary.html", takes_context=True)
def plan_funds_summary(context, plan):
    """The plan page's "Kinh phí thực hiện": the sources the plan names and each year's rates by project."""
    user = context["request"].user
    from ..models import FundLine

    years = sorted(set(FundLine.objects.for_user(user).filter(plan=plan).values_list("year", flat=True)))
    return {"plan": plan, "sources": list(plan.fund_sources.all()),
            "years": [fund_rates(unit=None, plan=plan, year=year, user=user) for year in years]}


@register.inclusion_tag("funds/_dashboard_funds.html", takes_context=True)
def funds_dashboard(context, unit, year, boundaries=""):
    """The dashboard's disbursement rate: a chart by project and the same figures as tables (and as the
    workbook's "Kinh phí" sheet, ``dashboard.excel``)."""
    user = context["request"].user
    rates = dashboard_fund_rates(unit=unit, year=year, user=user)
    chart = {
        "labels": [row.label for row in rates.by_project],
        "rates": [float(row.rate) if row.rate is not None else None for row in rates.by_project],
        "allocated": [row.allocated for row in rates.by_project],
        "disbursed": [row.disbursed for row in rates.by_project],
    }
    return {"rates": rates, "chart": chart, "unit": unit, "year": year, "boundaries": boundaries}
