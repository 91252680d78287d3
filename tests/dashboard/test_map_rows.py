"""The map table's rows are written by a template tag (a province has ~600); they read exactly as the
template loop they replaced wrote them, with every text escaped."""

from django.template import Context, Template

from dashboard.map import MapCommune
from dashboard.templatetags.dashboard_tags import map_table_rows
from directory.models import AdministrativeUnit, UnitKind

# The loop of dashboard/_map.html before the tag (commit 92a0327), kept as the reference.
LOOP = Template(
    '{% load l10n dashboard_tags %}{% for c in communes %}\n'
    '        <tr data-commune="{{ c.unit.pk|unlocalize }}"><th scope="row">{% if c.link %}<a href="?don_vi='
    '{{ c.unit.pk|unlocalize }}&amp;nam={{ year|unlocalize }}&amp;dia_gioi={{ boundaries }}">'
    '{{ c.unit.display_name }}</a>{% else %}{{ c.unit.display_name }}{% endif %}{% if not c.has_position %}'
    ' <span class="muted">(chưa có tọa độ)</span>{% endif %}</th>\n'
    '          <td class="num">{{ c.households|cell }}</td><td class="num">{{ c.poor|cell }}</td>'
    '<td class="num">{{ c.rate|cell }}</td>\n'
    '          <td class="num">{{ c.near_poor|cell }}</td><td><span class="swatch {{ c.rate_class }}" '
    'aria-hidden="true"></span>{{ c.rate_label }}</td></tr>\n      {% endfor %}')


def _commune(pk, name, *, kind=UnitKind.COMMUNE, lat=19.9, lon=105.4):
    return AdministrativeUnit(pk=pk, name=name, kind=kind, latitude=lat, longitude=lon)


def test_rows_match_the_template_loop():
    communes = [
        MapCommune(_commune(12345, "Xuân Bái"), 2500, 150, 40, 6.0, link=True),
        MapCommune(_commune(7, 'A <b>&"\'', lat=None), None, 0, 0, None, link=True),
        MapCommune(_commune(8, "Lam Sơn", kind=UnitKind.TOWNSHIP), 1200000, 31000, 12, 2.58, link=False),
        MapCommune(_commune(9, "Thọ Lâm", lon=None), 10, 3, 1, 30.0, link=True),
    ]
    for year, boundaries in ((2024, "period"), (2026, "current"), (2025, '<x y="1">')):
        expected = LOOP.render(Context({"communes": communes, "year": year, "boundaries": boundaries}))
        assert str(map_table_rows(communes, str(year), boundaries)) == expected
    assert "A &lt;b&gt;&amp;&quot;&#x27;" in expected and "<b>" not in expected
    assert 'data-commune="12345"' in expected and ">TT Lam Sơn<" in expected and "1.200.000" in expected
