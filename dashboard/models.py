"""Pre-aggregated figures the dashboard reads (issue 6, point 3).

One row per commune and year, refreshed by ``dashboard.services.figures_refresh``
(a Celery task after approvals and imports, and nightly). A district or a province
is the sum of its communes' rows: a few hundred rows per page, never a scan of
the households table.
"""

from django.db import models

from directory.models import AdministrativeUnit
from directory.scoping import ScopedQuerySet


class CommuneYearFiguresQuerySet(ScopedQuerySet):
    # A row belongs to the commune the households were registered in and to the one managing them today.
    scope_unit_fields = ("commune", "current_commune")


class CommuneYearFigures(models.Model):
    """A commune's poverty figures for one year, counted as the annual report counts them: one row per
    (commune registered in, commune managing today) pair, so both boundaries are sums of rows.

    Đầu kỳ = status on 31/12 of the year before, cuối kỳ = status on 31/12 of the year
    (``reports.poverty.poverty_figures`` over the year period), so the dashboard and the
    annual report always agree. ``deprivations`` and ``causes`` hold, for the households
    poor at the end of the year, how many are deprived on each indicator / name each cause
    ({str(id): count}).
    """

    commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã", on_delete=models.CASCADE,
                                related_name="dashboard_figures")
    # Households of ``commune`` managed today by this commune (``Household.current_commune``; the same
    # commune when they did not move): the page sums rows by either, for either boundary (issue 10).
    current_commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã hiện nay", on_delete=models.CASCADE,
                                        related_name="current_dashboard_figures")
    year = models.PositiveSmallIntegerField("năm")
    poor_start = models.PositiveIntegerField("hộ nghèo đầu năm", default=0)
    escaped = models.PositiveIntegerField("hộ thoát nghèo", default=0)
    new_poor = models.PositiveIntegerField("hộ nghèo phát sinh", default=0)
    relapsed = models.PositiveIntegerField("hộ tái nghèo", default=0)
    poor_end = models.PositiveIntegerField("hộ nghèo cuối năm", default=0)
    near_poor_start = models.PositiveIntegerField("hộ cận nghèo đầu năm", default=0)
    near_poor_end = models.PositiveIntegerField("hộ cận nghèo cuối năm", default=0)
    poor_end_ethnic = models.PositiveIntegerField("hộ nghèo DTTS cuối năm", default=0)
    poor_start_without_labour = models.PositiveIntegerField("hộ nghèo không có KNLĐ đầu năm", default=0)
    poor_end_without_labour = models.PositiveIntegerField("hộ nghèo không có KNLĐ cuối năm", default=0)
    deprivations = models.JSONField("số hộ nghèo thiếu hụt theo chỉ số", default=dict, blank=True)
    causes = models.JSONField("số hộ nghèo theo nguyên nhân", default=dict, blank=True)
    refreshed_at = models.DateTimeField("cập nhật lúc")

    objects = CommuneYearFiguresQuerySet.as_manager()

    class Meta:
        verbose_name = "số liệu tổng hợp xã theo năm"
        verbose_name_plural = "số liệu tổng hợp xã theo năm"
        ordering = ["commune__path", "year"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "current_commune", "year"],
                                    name="dashboard_figures_unique_commune_year"),
        ]
        indexes = [
            # the dashboard reads one year (and the years before it) for the communes under a unit
            models.Index(fields=["year", "commune"], name="dashboard_figures_year_idx"),
            # ... on today's boundaries
            models.Index(fields=["year", "current_commune"], name="dashboard_figures_cur_year_idx"),
        ]

    def __str__(self):
        return f"{self.commune} – {self.year}"
