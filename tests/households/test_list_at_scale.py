"""The household list at volume: its order walks an index, its search ignores accents and case (issue 12)."""

import pytest
from django.db import connection
from django.urls import reverse

from households.search import fold
from households.tables import HouseholdTable

from .factories import HouseholdFactory


def codes_on_page(response):
    return [row.record.code for row in response.context["table"].page.object_list]


def test_list_order_is_the_views_commune_then_code(client_for, district_staff, commune_a, commune_b):
    # Meta.order_by = ("code",) used to override the view and sort every household in scope.
    assert "order_by" not in HouseholdTable._meta.__dict__ or not HouseholdTable._meta.order_by
    first, second = sorted([commune_a, commune_b], key=lambda c: c.pk)
    HouseholdFactory(commune=second, code="A-1")
    HouseholdFactory(commune=first, code="Z-9")
    HouseholdFactory(commune=first, code="B-2")

    response = client_for(district_staff).get(reverse("households:household_list"))

    assert codes_on_page(response) == ["B-2", "Z-9", "A-1"]


def test_sorting_by_a_column_keeps_each_commune_together(client_for, district_staff, commune_a, commune_b):
    first, second = sorted([commune_a, commune_b], key=lambda c: c.pk)
    HouseholdFactory(commune=second, code="S1", head_name="An")
    HouseholdFactory(commune=first, code="F1", head_name="Yến")
    HouseholdFactory(commune=first, code="F2", head_name="Bình")

    response = client_for(district_staff).get(reverse("households:household_list"), {"sort": "head_name"})

    assert codes_on_page(response) == ["F2", "F1", "S1"]


def test_fold_matches_what_postgres_unaccent_gives():
    assert fold("Nguyễn Văn Hùng") == "nguyen van hung"
    assert fold("ĐỖ THỊ ĐÀO") == "do thi dao"


@pytest.mark.parametrize("query", ["Văn Hùng", "XB-00"])
def test_search_by_name_or_code_prefix(client_for, commune_a_user, commune_a, query):
    HouseholdFactory(commune=commune_a, code="XB-001", head_name="Nguyễn Văn Hùng")
    HouseholdFactory(commune=commune_a, code="XB-002", head_name="Nguyễn Văn Hùng")
    HouseholdFactory(commune=commune_a, code="TX-XB-003", head_name="Lê Thị Hoa")

    response = client_for(commune_a_user).get(reverse("households:household_list"), {"q": query})

    assert codes_on_page(response) == ["XB-001", "XB-002"]


@pytest.mark.parametrize("query", ["nguyen van hung", "NGUYỄN VĂN", "van hung", "xb-00"])
def test_search_ignores_accents_and_case(client_for, commune_a_user, commune_a, query):
    HouseholdFactory(commune=commune_a, code="XB-001", head_name="Nguyễn Văn Hùng")
    HouseholdFactory(commune=commune_a, code="XB-002", head_name="Nguyễn Văn Hưng")
    HouseholdFactory(commune=commune_a, code="TL-003", head_name="Lê Thị Hoa")

    response = client_for(commune_a_user).get(reverse("households:household_list"), {"q": query})

    assert codes_on_page(response) == ["XB-001", "XB-002"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram indexes exist on PostgreSQL only")
def test_search_expressions_are_those_of_the_trigram_indexes(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
                       "('hh_head_name_search_idx', 'hh_code_search_idx', 'hh_code_prefix_idx') ORDER BY indexname")
        definitions = dict(cursor.fetchall())
    # the code by its start on a btree (migration 0010), the name anywhere on a trigram index
    assert sorted(definitions) == ["hh_code_prefix_idx", "hh_head_name_search_idx"]
    assert "upper((code)::text) text_pattern_ops" in definitions["hh_code_prefix_idx"]
    assert "(head_name_key gin_trgm_ops)" in definitions["hh_head_name_search_idx"]
    from households.models import Household
    from households.search import search_name_or_code

    sql = str(search_name_or_code(Household.objects.all(), "hùng").query)
    # the stored key, compared as it is (no unaccent per row)
    assert '"households_household"."head_name_key"::text LIKE %hung%' in sql
    assert "f_unaccent" not in sql
    assert 'UPPER("households_household"."code")' in sql


NAMES = ["Nguyễn Văn Hùng", "ĐỖ THỊ ĐÀO", "Hoàng  Văn Nam", "Trịnh Xuân Ánh"]


def keys(**filters):
    from households.models import Household

    return list(Household.objects.filter(**filters).order_by("head_name").values_list("head_name", "head_name_key"))


def test_the_name_key_is_computed_by_the_database_for_every_writer(commune_a):
    """head_name_key is fold(head_name) whoever writes the row: save, update(), bulk_create, bulk_update."""
    from households.models import Household

    household = HouseholdFactory(commune=commune_a, code="S-1", head_name=NAMES[0])
    Household.objects.bulk_create([Household(commune=commune_a, code=f"B-{i}", head_name=name)
                                   for i, name in enumerate(NAMES[1:])])
    assert keys() == sorted((name, fold(name)) for name in NAMES)

    household.head_name = "Phạm Thị Lan"
    household.save()
    Household.objects.filter(code="B-0").update(head_name="Lê Văn Đức")
    changed = Household.objects.get(code="B-1")
    changed.head_name = "Trịnh Văn Cường"
    Household.objects.bulk_update([changed], ["head_name"])

    assert dict(keys()) == {"Phạm Thị Lan": "pham thi lan", "Lê Văn Đức": "le van duc",
                            "Trịnh Văn Cường": "trinh van cuong", NAMES[3]: "trinh xuan anh"}


def test_the_imports_raw_insert_leaves_the_name_key_to_the_database(commune_a):
    from django.utils import timezone

    from households.importing.writing import Inserter
    from households.models import Household

    inserter = Inserter(Household, ["code", "commune", "head_name"], now=timezone.now())
    assert "head_name_key" not in inserter.column_list
    inserter.insert([("I-1", commune_a.pk, "Đặng Thị Ánh")])

    assert keys(code="I-1") == [("Đặng Thị Ánh", "dang thi anh")]


@pytest.mark.parametrize("show_commune", [True, False])
def test_rows_written_in_one_pass_are_the_cells_django_tables2_renders(rf, commune_a, show_commune):
    import re

    from django.template.loader import get_template

    from households.models import Household

    HouseholdFactory(commune=commune_a, code="R-1", head_name="Lê Thị <Hoa>", village="", current_category="poor",
                     current_year=2024, has_labour_capacity=False, is_ethnic_minority=True)
    HouseholdFactory(commune=commune_a, code="R-2", head_name="Trịnh Văn Sơn", village="Thôn 1", current_category="",
                     current_year=None)
    table = HouseholdTable(Household.objects.select_related("commune").order_by("code"), show_commune=show_commune)
    table.paginate(per_page=50)

    ours = str(table.rows_html())
    theirs = get_template("django_tables2/table.html").render({"table": table}, rf.get("/"))
    theirs = theirs[theirs.index("<tbody"):theirs.index("</tbody>")]
    squeeze = lambda html: re.sub(r"\s*<", "<", re.sub(r">\s*", ">", html)).replace("<td >", "<td>")  # noqa: E731
    assert squeeze(ours) == squeeze(theirs[theirs.index(">") + 1:])
    assert "&lt;Hoa&gt;" in ours
    # the list view's rows: named tuples of the row fields, not households (HouseholdListView._for_page)
    rows = Household.objects.values_list(*HouseholdTable.row_fields, named=True).order_by("code")
    table = HouseholdTable(rows, show_commune=show_commune)
    table.paginate(per_page=50)
    assert str(table.rows_html()) == ours


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ids-first search is PostgreSQL's path")
@pytest.mark.parametrize("limit, exact", [(10_000, True), (1, False)])
def test_search_over_many_communes_pages_its_matching_ids(client_for, admin_user_, commune_a, commune_b,
                                                          monkeypatch, limit, exact):
    """An administrator's search (every commune): the ids that match first, then the page from them with the
    exact total; above the limit, the index walk and an estimated (or lower-bound) total (households.views)."""
    from households import selectors

    monkeypatch.setattr(selectors.matching_ids, "__kwdefaults__", {"limit": limit})
    first, second = sorted([commune_a, commune_b], key=lambda c: c.pk)
    HouseholdFactory(commune=second, code="S-1", head_name="Nguyễn Văn Hùng")
    HouseholdFactory(commune=first, code="F-2", head_name="Nguyễn Văn Hùng")
    HouseholdFactory(commune=first, code="F-1", head_name="Lê Thị Hoa")

    response = client_for(admin_user_).get(reverse("households:household_list"), {"q": "Văn Hùng"})

    assert codes_on_page(response) == ["F-2", "S-1"]
    total = response.context["total"]
    if exact:
        assert (total.count, total.is_estimate, total.is_lower_bound) == (2, False, False)
    else:
        assert total.is_estimate or total.is_lower_bound


@pytest.mark.parametrize("user_fixture", ["district_staff", "commune_a_user"])
def test_list_query_count_is_flat(request, client_for, commune_a, commune_b, user_fixture):
    """The page's communes are read in one query for all its rows (none where the commune column is hidden)."""
    from django.test.utils import CaptureQueriesContext

    client = client_for(request.getfixturevalue(user_fixture))
    url = reverse("households:household_list")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    HouseholdFactory(commune=commune_a, code="A-0")
    client.get(url)  # the session's first request may write
    few = queries()
    for number in range(1, 30):
        HouseholdFactory(commune=commune_a, code=f"A-{number}")
        HouseholdFactory(commune=commune_b, code=f"B-{number}")

    assert queries() == few


# what households/household_table.html was before it was flattened: django-tables2's own template
TABLE_TEMPLATE = ('{% extends "django_tables2/captioned.html" %}\n'
                  "{% block table.tbody %}<tbody>{{ table.rows_html }}</tbody>{% endblock table.tbody %}\n")


def _structure(html: str) -> list:
    """The elements, attributes and text of ``html`` in order; whitespace between and inside them ignored."""
    from html.parser import HTMLParser

    items = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            items.append((tag, sorted(attrs)))

        def handle_endtag(self, tag):
            items.append(("/" + tag,))

        def handle_data(self, data):
            if data.strip():
                items.append(" ".join(data.split()))

    Parser(convert_charrefs=True).feed(html)
    return items


def _render_both(request, table):
    from django.template import engines
    from django.template.loader import render_to_string

    theirs = engines["django"].from_string(TABLE_TEMPLATE).render({"table": table}, request)
    ours = render_to_string(table.template_name, {"table": table}, request)
    return ours, theirs


@pytest.mark.parametrize("params", [
    {}, {"page": "2"}, {"page": "15"}, {"page": "20"}, {"page": "21"}, {"sort": "-head_name", "page": "3"},
    {"sort": "village"}, {"q": "a&b <c>", "current_category": "poor", "page": "4"}, {"village": ["x", "y"]},
])
@pytest.mark.parametrize("show_commune", [True, False])
def test_the_flat_table_template_writes_what_django_tables2s_template_writes(rf, commune_a, params, show_commune):
    from django_tables2 import RequestConfig
    from django_tables2.paginators import LazyPaginator

    from households.models import Household

    for number in range(20):
        HouseholdFactory(commune=commune_a, code=f"T-{number:02}", head_name=f"Hộ {20 - number}",
                         village=f"Thôn {number % 3}")
    request = rf.get("/ho-gia-dinh/", params)
    table = HouseholdTable(Household.objects.order_by("commune_id", "code"), show_commune=show_commune)
    RequestConfig(request, paginate={"per_page": 1, "paginator_class": LazyPaginator}).configure(table)

    ours, theirs = _render_both(request, table)
    assert _structure(ours) == _structure(theirs)
    assert 'class="pagination"' in ours


def test_an_empty_table_is_the_django_tables2_template(rf, commune_a):
    from django_tables2 import RequestConfig
    from django_tables2.paginators import LazyPaginator

    from households.models import Household

    request = rf.get("/ho-gia-dinh/", {"q": "không có"})
    table = HouseholdTable(Household.objects.none(), show_commune=True)
    RequestConfig(request, paginate={"per_page": 50, "paginator_class": LazyPaginator}).configure(table)

    ours, theirs = _render_both(request, table)
    assert _structure(ours) == _structure(theirs)
    assert "Không có hộ nào khớp điều kiện lọc." in ours
