from django.contrib import admin

from directory.admin_scoping import ReadOnlyAdmin

from .models import CommuneYearFigures


@admin.register(CommuneYearFigures)
class CommuneYearFiguresAdmin(ReadOnlyAdmin):
    """The figures are recounted from the approved reviews (``refresh_dashboard``), never typed."""

    list_display = ["commune", "year", "poor_start", "escaped", "new_poor", "relapsed", "poor_end",
                    "near_poor_end", "poor_end_ethnic", "refreshed_at"]
    list_filter = ["year"]
    search_fields = ["commune__name", "commune__code"]
    list_select_related = ["commune"]
