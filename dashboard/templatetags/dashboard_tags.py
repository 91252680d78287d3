from html import escape

from django import template
from django.utils.safestring import mark_safe

from plans.models import format_number

register = template.Library()


@register.filter
def cell(value) -> str:
    """A chart-table cell: numbers with Vietnamese separators (1.500, 2,35), text as it is, None as —."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return format_number(value)


def _number_cell(value) -> str:
    """``cell`` escaped: a number's text (digits, "." and ",", a sign, or — for None) has nothing to escape, so
    only a text value goes through ``html.escape`` (4,000 calls a province page otherwise)."""
    return escape(value) if isinstance(value, str) else cell(value)


_MAP_ROW = ('\n        <tr data-commune="{pk}"><th scope="row">{name}{unplaced}</th>\n'
            '          <td class="num">{households}</td><td class="num">{poor}</td><td class="num">{rate}</td>\n'
            '          <td class="num">{near_poor}</td><td><span class="swatch {cls}" aria-hidden="true"></span>'
            '{label}</td></tr>\n      ')
_UNPLACED = ' <span class="muted">(chưa có tọa độ)</span>'


@register.simple_tag
def map_table_rows(communes, year, boundaries) -> str:
    """The rows of the map's table (``dashboard/_map.html``), one per commune: written here rather than in
    a template loop because a province has ~600 communes, and the loop's dozen variable lookups per row
    took a third of the province dashboard's rendering (pyinstrument). Every text is escaped with the
    standard library's ``html.escape``, which Django's ``escape`` is (without its lazy-string wrapper)."""
    from dashboard.map import rate_label

    link = f"&amp;nam={escape(str(year))}&amp;dia_gioi={escape(str(boundaries))}"
    rows = []
    for c in communes:
        pk, name = c.unit.pk, escape(c.unit.display_name)
        cls = c.rate_class
        rows.append(_MAP_ROW.format(
            pk=pk, name=f'<a href="?don_vi={pk}{link}">{name}</a>' if c.link else name,
            unplaced="" if c.has_position else _UNPLACED,
            households=_number_cell(c.households), poor=_number_cell(c.poor), rate=_number_cell(c.rate),
            near_poor=_number_cell(c.near_poor), cls=escape(cls), label=escape(rate_label(cls))))
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


@register.simple_tag
def chart_table_rows(rows) -> str:
    """The rows of a chart's table (``dashboard/index.html``), as the template loop wrote them: a number's cell is
    ``class="num"``, text and empty (—) cells are not. Written here for the same reason as ``map_table_rows``:
    six tables a page, a province's ~30 rows each, two variable lookups and a filter per cell. Every text is
    escaped with ``html.escape``, as Django's autoescape does."""
    out = []
    for row in rows:
        out.append("<tr>")
        for v in row:
            text = _number_cell(v)
            out.append(f"<td>{text}</td>" if v is None or isinstance(v, str) else f'<td class="num">{text}</td>')
        out.append("</tr>")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
