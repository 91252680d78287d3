from html import escape

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django_tables2.templatetags.django_tables2 import table_page_range

from directory.models import AdministrativeUnit

from .models import Category, Household

CATEGORY_BADGES = {
    Category.POOR: "badge-red", Category.NEAR_POOR: "badge-amber", Category.AVERAGE: "badge-blue",
    Category.NOT_POOR: "badge-green",
}


EMPTY = "—"  # what django-tables2 shows for an empty cell


def household_url(pk: int) -> str:
    return reverse("households:household_detail", args=[pk])


_URL_MARKER = 987654321


def household_url_maker():
    """``household_url`` for many rows: one ``reverse()``, then the id put in its place."""
    before, after = household_url(_URL_MARKER).split(str(_URL_MARKER))

    def url(pk) -> str:
        return f"{before}{int(pk)}{after}"

    url.do_not_call_in_templates = True  # a template hands it to a tag (queue_row) instead of calling it
    return url


def category_badge(value: str) -> str:
    if not value:
        return mark_safe('<span class="muted">Chưa có rà soát được duyệt</span>')
    label = escape(str(Category(value).label))
    return mark_safe(f'<span class="badge {CATEGORY_BADGES.get(value, "")}">{label}</span>')  # noqa: S308


def commune_cell(household) -> str:
    """Today's commune, and the one the household was registered in when that has ended since (issue 10)."""
    return commune_text(household.commune, household.current_commune if household.current_commune_id else None)


def commune_text(commune, current_commune) -> str:
    """``commune_cell`` from the units themselves: the registered commune and today's (None while it has not
    changed)."""
    if current_commune is not None:
        return format_html('{} <span class="muted lineage">← {} {}</span>', current_commune.name,
                           commune.get_kind_display(), commune.name)
    return commune.name


def communes_of(households) -> dict:
    """The communes and current communes of a page's households by id, in one query of a few rows, with the
    two fields ``commune_text`` shows."""
    return AdministrativeUnit.objects.only("name", "kind").in_bulk(
        {h.commune_id for h in households} | {h.current_commune_id for h in households if h.current_commune_id})


class HouseholdTable(tables.Table):
    """The household list's table. The list view gives it named tuples (``row_fields``), not households: its
    cells are written by ``rows_html`` alone, never through the columns below (``linkify`` and the commune's
    accessor need households), which only name, order and sort them."""

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
        template_name = "households/household_table.html"  # django-tables2's table.html, flat; rows from rows_html()
        # No Meta.order_by: it would override the view's order (commune_id, code), the unique index's.

    #: the fields rows_html() reads: the list view loads only these, as named tuples (``values_list``), not
    #: households; rows_html() reads the same attributes of either
    row_fields = ("id", "code", "commune_id", "current_commune_id", "village", "head_name", "is_ethnic_minority",
                  "has_labour_capacity", "member_count", "current_category", "current_year")

    def rows_html(self) -> str:
        """The page's rows as one string, written here rather than cell by cell.

        django-tables2 renders each cell through its column (signature inspection, a template
        variable lookup, attribute dictionaries): three quarters of the list page's time for 50
        rows. The cells are the same as the columns above would render them. Plain f-strings with the
        standard library's ``html.escape`` (which Django's ``escape`` is, without its lazy-string
        wrapper) and one ``reverse()`` per page: ``format_html`` and a ``reverse()`` per row were half
        of this method's time (pyinstrument, the list of a district at a million households).
        """
        show_commune = self.columns["commune"].visible
        url_of = household_url_maker()
        page = [row.record for row in self.paginated_rows]
        units = communes_of(page) if show_commune else {}
        rows = []
        for number, household in enumerate(page):
            url = url_of(household.id)
            commune = ""
            if show_commune:
                cell = commune_text(units[household.commune_id], units.get(household.current_commune_id))
                commune = f"<td>{conditional_escape(cell)}</td>"
            labour, ethnic = household.has_labour_capacity, household.is_ethnic_minority
            rows.append(
                f'<tr class="{"odd" if number % 2 else "even"}"><td><a href="{url}">{escape(household.code)}</a></td>'
                f'<td><a href="{url}">{escape(household.head_name)}</a></td>{commune}'
                f'<td>{escape(household.village or EMPTY)}</td><td class="num">{household.member_count}</td>'
                f'<td>{category_badge(household.current_category)}</td>'
                f'<td class="num">{escape(str(household.current_year or EMPTY))}</td>'
                f'<td><span class="{str(labour).lower()}">{"Có" if labour else "Không"}</span></td>'
                f'<td><span class="{str(ethnic).lower()}">{"x" if ethnic else ""}</span></td></tr>')
        if not rows:
            return format_html('<tr><td colspan="{}">{}</td></tr>', len(self.columns), self.empty_text)
        return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)

    def header_cells(self) -> list[tuple]:
        """(attributes of the <th>, its header, its sort link or None) for each column. The attributes are what
        django-tables2's ``column.attrs.th.as_html`` writes for the columns above (a class at most: the column's
        own, then orderable, asc or desc), without its per-column machinery (th, td and tf dictionaries with
        computed values, for every header). The links are what its ``{% querystring_replace %}`` writes,
        computed here: that tag, run once per header and pager link, was the table's main rendering cost after
        its rows."""
        cells = []
        for column in self.columns:
            classes = set(column.column.attrs.get("th", {}).get("class", "").split())
            link = None
            if column.orderable:
                classes.add("orderable")
                link = self._link(self.prefixed_order_by_field, column.order_by_alias.next)
            if column.is_ordered:
                classes.add("desc" if column.order_by_alias.is_descending else "asc")
            attrs = format_html('class="{}"', " ".join(sorted(classes))) if classes else ""
            cells.append((attrs, column.header, link))
        return cells

    def pager_links(self) -> list[tuple]:
        """The pager as (CSS class, label, link) items: previous, the page range (with "..."), next; none when
        the rows fit on one page."""
        page = getattr(self, "page", None)
        if not page or self.paginator.num_pages <= 1:
            return []
        field = self.prefixed_page_field
        items = []
        if page.has_previous():
            items.append(("previous", gettext("previous"), self._link(field, page.previous_page_number())))
        if page.has_previous() or page.has_next():
            items += [("active" if number == page.number else "", number,
                       "#" if number == "..." else self._link(field, number))
                      for number in table_page_range(page, self.paginator)]
        if page.has_next():
            items.append(("next", gettext("next"), self._link(field, page.next_page_number())))
        return items

    def _link(self, key, value) -> str:
        """This page's query string with ``key`` set to ``value`` (the other filters kept)."""
        return "?" + urlencode({**dict(self.request.GET), key: value}, doseq=True)

    def __init__(self, *args, show_commune: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_commune:
            self.columns.hide("commune")

    def render_commune(self, record):
        return commune_cell(record)

    def render_current_category(self, record):
        # ``value`` is already the choice label; the badge needs the stored code.
        return category_badge(record.current_category)
