import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import Category, Household

CATEGORY_BADGES = {
    Category.POOR: "badge-red", Category.NEAR_POOR: "badge-amber", Category.AVERAGE: "badge-blue",
    Category.NOT_POOR: "badge-green",
}


EMPTY = "—"  # what django-tables2 shows for an empty cell


def household_url(pk: int) -> str:
    return reverse("households:household_detail", args=[pk])


def category_badge(value: str) -> str:
    if not value:
        return mark_safe('<span class="muted">Chưa có rà soát được duyệt</span>')
    return format_html('<span class="badge {}">{}</span>', CATEGORY_BADGES.get(value, ""), Category(value).label)


def commune_cell(household) -> str:
    """Today's commune, and the one the household was registered in when that has ended since (issue 10)."""
    if household.current_commune_id:
        old = household.commune
        return format_html('{} <span class="muted lineage">← {} {}</span>', household.current_commune.name,
                           old.get_kind_display(), old.name)
    return household.commune.name


class HouseholdTable(tables.Table):
    caption = "Danh sách hộ gia đình"
    # Every sort keeps the households of a commune together and walks an index that starts with the
    # commune (models.Household.Meta.indexes), so the first page of a province never sorts a million rows.
    code = tables.Column("Mã hộ", linkify=True, order_by=("commune_id", "code"))
    head_name = tables.Column("Chủ hộ", linkify=True, order_by=("commune_id", "head_name"))
    commune = tables.Column("Xã", accessor="commune__name", order_by=("commune_id", "code"))
    village = tables.Column("Thôn", order_by=("commune_id", "village"))
    member_count = tables.Column("Nhân khẩu", attrs={"td": {"class": "num"}, "th": {"class": "num"}},
                                 orderable=False)
    current_category = tables.Column("Phân loại", empty_values=(),
                                     order_by=("commune_id", "current_category", "code"))
    current_year = tables.Column("Năm", attrs={"td": {"class": "num"}}, localize=False, orderable=False)
    has_labour_capacity = tables.BooleanColumn("Có KNLĐ", yesno="Có,Không",
                                               order_by=("commune_id", "has_labour_capacity", "code"))
    is_ethnic_minority = tables.BooleanColumn("DTTS", yesno="x,", order_by=("commune_id", "is_ethnic_minority", "code"))

    class Meta:
        model = Household
        fields = ("code", "head_name", "commune", "village", "member_count", "current_category", "current_year",
                  "has_labour_capacity", "is_ethnic_minority")
        attrs = {"class": "households"}
        empty_text = "Không có hộ nào khớp điều kiện lọc."
        template_name = "households/household_table.html"  # the rows come from rows_html()
        # No Meta.order_by: it would override the view's order (commune_id, code), the unique index's.

    def rows_html(self) -> str:
        """The page's rows as one string, written here rather than cell by cell.

        django-tables2 renders each cell through its column (signature inspection, a template
        variable lookup, attribute dictionaries): three quarters of the list page's time for 50
        rows. The cells are the same as the columns above would render them.
        """
        show_commune = self.columns["commune"].visible
        rows = []
        for number, row in enumerate(self.paginated_rows):
            household = row.record
            url = household_url(household.pk)
            rows.append(format_html(
                '<tr class="{}"><td><a href="{}">{}</a></td><td><a href="{}">{}</a></td>{}<td>{}</td>'
                '<td class="num">{}</td><td>{}</td><td class="num">{}</td><td><span class="{}">{}</span></td>'
                '<td><span class="{}">{}</span></td></tr>',
                "odd" if number % 2 else "even", url, household.code, url, household.head_name,
                format_html("<td>{}</td>", commune_cell(household)) if show_commune else "",
                household.village or EMPTY, household.member_count, category_badge(household.current_category),
                household.current_year or EMPTY, str(household.has_labour_capacity).lower(),
                "Có" if household.has_labour_capacity else "Không", str(household.is_ethnic_minority).lower(),
                "x" if household.is_ethnic_minority else "",
            ))
        if not rows:
            return format_html('<tr><td colspan="{}">{}</td></tr>', len(self.columns), self.empty_text)
        return mark_safe("".join(rows))  # noqa: S308 (each row is format_html's)

    def __init__(self, *args, show_commune: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_commune:
            self.columns.hide("commune")

    def render_commune(self, record):
        return commune_cell(record)

    def render_current_category(self, record):
        # ``value`` is already the choice label; the badge needs the stored code.
        return category_badge(record.current_category)
