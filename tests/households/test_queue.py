"""Approval queue at volume: filters, search, change since last year, bulk on the filtered set, Excel, staying put."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from directory.sheets import COUNT, MONEY
from households.models import Review, ReviewStatus
from households.queue import change_between
from tests.print_checks import assert_number_formats, assert_print_ready, header_row

from .factories import HouseholdFactory, MemberFactory, make_review

pytestmark = pytest.mark.django_db

QUEUE = reverse("households:approval_queue")


@pytest.fixture
def queue(commune_a, commune_b, commune_a_user):
    """Five submitted reviews in Xuân Bái (two villages) and three in Thọ Lâm."""
    reviews = []
    for i in range(5):
        household = HouseholdFactory(commune=commune_a, code=f"XB{i:03}", head_name=f"Lê Văn {i}",
                                     village="Thôn Tiến" if i < 3 else "Thôn Hậu")
        reviews.append(make_review(household, status="submitted", submitted_by=commune_a_user))
    for i in range(3):
        household = HouseholdFactory(commune=commune_b, code=f"TL{i:03}", head_name=f"Trịnh Thị {i}",
                                     village="Thôn Bắc")
        reviews.append(make_review(household, status="submitted", round="regular" if i == 0 else "periodic"))
    return reviews


def codes_in(response):
    return {r.household.code for r in response.context["reviews"]}


def test_filters_by_commune_village_round_and_submitter(client_for, district_staff, queue, commune_a, commune_a_user):
    client = client_for(district_staff)
    assert len(codes_in(client.get(QUEUE))) == 8
    assert codes_in(client.get(QUEUE, {"commune": commune_a.pk})) == {f"XB{i:03}" for i in range(5)}
    assert codes_in(client.get(QUEUE, {"commune": commune_a.pk, "village": "Thôn Hậu"})) == {"XB003", "XB004"}
    assert codes_in(client.get(QUEUE, {"round": "regular"})) == {"TL000"}
    assert codes_in(client.get(QUEUE, {"submitted_by": commune_a_user.pk})) == {f"XB{i:03}" for i in range(5)}
    body = client.get(QUEUE, {"commune": commune_a.pk}).content.decode()
    assert "5 phiếu</strong> khớp bộ lọc" in body


def test_search_by_name_code_citizen_id_and_review_number(client_for, district_staff, queue):
    client = client_for(district_staff)
    MemberFactory(household=queue[6].household, citizen_id="038080000099")
    assert codes_in(client.get(QUEUE, {"q": "trịnh thị 2"})) == {"TL002"}
    assert codes_in(client.get(QUEUE, {"q": "XB00"})) == {f"XB{i:03}" for i in range(5)}
    assert codes_in(client.get(QUEUE, {"q": "038080000099"})) == {"TL001"}
    assert queue[2].pk in {r.pk for r in client.get(QUEUE, {"q": str(queue[2].pk)}).context["reviews"]}


def test_rows_link_household_and_review_and_show_change_since_last_year(client_for, district_staff, commune_a):
    household = HouseholdFactory(commune=commune_a, code="XB100")
    make_review(household, year=2023, income=1_000_000, status="approved", deprived=["nha_tieu"])
    now = make_review(household, year=2024, income=2_500_000, status="submitted", deprived=["dinh_duong"])
    body = client_for(district_staff).get(QUEUE).content.decode()
    assert f'href="/ho-gia-dinh/{household.pk}/"' in body
    assert f'href="/ho-gia-dinh/{household.pk}/#review-{now.pk}"' in body
    assert "Hộ nghèo → Hộ có mức sống trung bình" in body or "→" in body
    assert "Thu nhập +1.500.000" in body
    assert "so với 2023" in body


def test_change_between_is_pure():
    previous = Review(year=2023, category="poor", income_per_capita=1_000_000)
    current = Review(year=2024, category="near_poor", income_per_capita=1_600_000)
    change = change_between(previous, current, previous_indicators=["A", "B"], current_indicators=["B", "C"])
    assert change.category_changed and change.income_delta == 600_000
    assert change.added == ("C",) and change.removed == ("A",)
    assert change.summary("near_poor") == (
        "Hộ nghèo → Hộ cận nghèo; thu nhập +600.000; thêm thiếu hụt: C; hết thiếu hụt: A (so với 2023)")
    assert change_between(None, current).summary("near_poor") == "Chưa có kết quả được duyệt năm trước"


def test_bulk_approve_filtered_set_asks_with_the_count_then_approves_only_it(client_for, district_staff, queue,
                                                                             commune_a):
    client = client_for(district_staff)
    url = f"{QUEUE}?commune={commune_a.pk}&village=Th%C3%B4n+Ti%E1%BA%BFn"
    confirm = client.post(url, {"action": "approve_all"})
    assert confirm.status_code == 200
    body = confirm.content.decode()
    assert "Phê duyệt 3 phiếu rà soát?" in body and 'name="expected" value="3"' in body
    assert Review.objects.filter(status=ReviewStatus.APPROVED).count() == 0  # nothing done before confirming
    response = client.post(url, {"action": "approve_all", "expected": "3", "confirmed": "1"})
    assert response.status_code == 302 and response["Location"] == url  # back on the same filters
    approved = set(Review.objects.filter(status=ReviewStatus.APPROVED).values_list("household__code", flat=True))
    assert approved == {"XB000", "XB001", "XB002"}


def test_bulk_on_filtered_set_reconfirms_when_the_queue_moved(client_for, district_staff, queue, commune_a,
                                                              commune_a_user):
    client = client_for(district_staff)
    url = f"{QUEUE}?commune={commune_a.pk}"
    make_review(HouseholdFactory(commune=commune_a, code="XB999"), status="submitted")  # arrived meanwhile
    response = client.post(url, {"action": "approve_all", "expected": "5", "confirmed": "1"})
    assert response.status_code == 200
    assert "nay có 6 phiếu" in response.content.decode()
    assert not Review.objects.filter(status=ReviewStatus.APPROVED).exists()


def test_bulk_return_filtered_set_needs_a_reason(client_for, district_staff, queue, commune_b):
    client = client_for(district_staff)
    url = f"{QUEUE}?commune={commune_b.pk}"
    response = client.post(url, {"action": "return_all", "comment": " "}, follow=True)
    assert "Phải ghi lý do trả lại" in response.content.decode()
    client.post(url, {"action": "return_all", "comment": "Sai thu nhập", "expected": "3", "confirmed": "1"})
    returned = Review.objects.filter(status=ReviewStatus.RETURNED)
    assert returned.count() == 3 and set(returned.values_list("return_comment", flat=True)) == {"Sai thu nhập"}


def test_action_on_ticked_rows_keeps_filters_and_page(client_for, district_staff, commune_a):
    for i in range(60):
        make_review(HouseholdFactory(commune=commune_a, code=f"XB{i:03}"), status="submitted")
    client = client_for(district_staff)
    url = f"{QUEUE}?commune={commune_a.pk}&page=2"
    page_two = client.get(url)
    assert len(page_two.context["reviews"]) == 10
    first = page_two.context["reviews"][0]
    response = client.post(url, {"review": [first.pk], "action": "approve"})
    assert response["Location"] == url


def test_queue_exports_the_filtered_set_to_excel(client_for, district_staff, queue, commune_b):
    response = client_for(district_staff).get(reverse("households:approval_queue_export"), {"commune": commune_b.pk})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert_print_ready(sheet, landscape=True)
    top = header_row(sheet, "STT")
    rows = [row for row in sheet.iter_rows(min_row=top + 1, values_only=True) if isinstance(row[0], int)]
    assert [row[4] for row in rows] == ["TL000", "TL001", "TL002"]
    assert sheet.cell(row=top, column=12).value == "Thay đổi so với năm trước"
    assert assert_number_formats(sheet, first_row=top + 1, formats={"I": MONEY, "J": COUNT}) == 6


def test_chairman_queue_is_the_same_view_scoped_to_their_commune(client_for, chairman_a, queue):
    client = client_for(chairman_a)
    assert codes_in(client.get(QUEUE)) == {f"XB{i:03}" for i in range(5)}
    client.post(QUEUE, {"action": "approve_all", "expected": "5", "confirmed": "1"})
    assert Review.objects.filter(status=ReviewStatus.APPROVED).count() == 5
    assert client.get(reverse("households:approval_queue_export")).status_code == 200


def test_queue_page_query_count_is_flat(client_for, district_staff, commune_a, django_assert_max_num_queries):
    for _ in range(40):
        household = HouseholdFactory(commune=commune_a)
        make_review(household, year=2023, status="approved", deprived=2)
        make_review(household, year=2024, status="submitted", deprived=3)
    client = client_for(district_staff)
    with django_assert_max_num_queries(16):
        response = client.get(QUEUE)
    assert len(response.context["reviews"]) == 40


def test_filters_stay_in_place_after_their_rows_are_all_approved(client_for, district_staff, queue, commune_a):
    client = client_for(district_staff)
    url = f"{QUEUE}?commune={commune_a.pk}&village=Th%C3%B4n+H%E1%BA%ADu"
    client.post(url, {"action": "approve_all", "expected": "2", "confirmed": "1"})
    response = client.get(url)
    assert response.context["filter"].form.is_valid()
    assert response.context["total"] == 0 and codes_in(response) == set()
    assert "0 phiếu</strong> khớp bộ lọc" in response.content.decode()


# The queue's rows as its template wrote them before the ``queue_row`` tag took over (the tag must match).
ROW_TEMPLATE = """{% load l10n households_tags %}{% localize off %}{% for r in reviews %}
    <tr><td class="pick"><label class="pick-area"><input type="checkbox" name="review" value="{{ r.pk }}" aria-label="Chọn hộ {{ r.household.code }}"></label></td>
    <td data-label="Xã">{{ r.commune.display_name }}</td><td data-label="Thôn" data-minor>{{ r.household.village }}</td>
    <td data-label="Mã hộ"><a href="{{ r.household.get_absolute_url }}">{{ r.household.code }}</a></td>
    <td data-label="Chủ hộ">{{ r.household.head_name }}<br><a class="small" href="{{ r.household.get_absolute_url }}#review-{{ r.pk }}">Xem phiếu #{{ r.pk }}</a></td>
    <td data-label="Năm" data-minor>{{ r.year }}</td><td data-label="Đợt" data-minor>{{ r.get_round_display }}</td>
    <td class="num" data-label="Thu nhập BQ" data-minor>{{ r.income_per_capita|localize }}</td><td class="num" data-label="Số chỉ số thiếu hụt" data-minor>{{ r.deprivation_count }}</td><td data-label="Phân loại">{{ r.category|category_badge }}<br><span class="muted">{{ r.standard.label }}</span></td>
    <td data-label="Thay đổi so với năm trước" class="change">{% with c=r.change %}{% if c.is_new %}<span class="muted">Chưa có kết quả được duyệt năm trước</span>{% else %}
      {% if c.category_changed %}<strong>{{ c.previous_category_label }} → {{ r.get_category_display }}</strong>{% else %}Vẫn {{ c.previous_category_label|lower }}{% endif %}
      {% if c.income_delta %}<br>Thu nhập {% if c.income_delta > 0 %}+{% else %}−{% endif %}{{ c.income_delta|abs_value|localize }}{% endif %}
      {% if c.added %}<br>Thêm thiếu hụt: {{ c.added|join:", " }}{% endif %}
      {% if c.removed %}<br>Hết thiếu hụt: {{ c.removed|join:", " }}{% endif %}
      <br><span class="muted">so với {{ c.previous_year }}</span>{% endif %}{% endwith %}</td>
    <td data-label="Nguyên nhân" data-minor>{% for c in r.causes.all %}{{ c.name }}{% if not forloop.last %}; {% endif %}{% endfor %}</td><td data-label="Người nộp" data-minor>{{ r.submitted_by|default:"" }}{% if r.submitted_at %}<br><span class="muted">{{ r.submitted_at|date:"d/m/Y" }}</span>{% endif %}</td></tr>
  {% endfor %}{% endlocalize %}"""  # noqa: E501


def test_queue_row_tag_writes_what_the_row_template_wrote(queue, commune_a, commune_a_user):
    from django.template import Context, Template
    from django.utils import timezone

    from households.models import PovertyCause
    from households.queue import attach_changes
    from households.tables import household_url_maker

    household = queue[0].household
    household.head_name, household.village = 'Lê "Văn" <b>A & B</b>', "Thôn <Tiến>"
    household.save()
    make_review(household, year=2023, income=1_800_000, status="approved", deprived=["nha_tieu", "dinh_duong"])
    make_review(queue[1].household, year=2023, income=500_000, status="approved", deprived=["nha_tieu"])
    Review.objects.filter(pk__in=[queue[0].pk, queue[2].pk]).update(submitted_at=timezone.now())
    queue[0].causes.set(PovertyCause.objects.all()[:2])
    reviews = attach_changes(list(Review.objects.filter(pk__in=[r.pk for r in queue])
                                  .select_related("household", "commune", "submitted_by", "standard")
                                  .prefetch_related("causes").order_by("pk")))
    assert {r.change.is_new for r in reviews} == {True, False}
    context = Context({"reviews": reviews, "household_url": household_url_maker()})
    tag = Template("{% load households_tags %}{% for r in reviews %}{% queue_row r %}{% endfor %}").render(context)
    assert tag == Template(ROW_TEMPLATE).render(context)
    # as the page calls it: the page's one URL maker instead of a reverse() per row, the same text
    paged = Template("{% load households_tags %}{% for r in reviews %}{% queue_row r household_url %}{% endfor %}")
    assert paged.render(context) == tag
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in tag and "Thôn &lt;Tiến&gt;" in tag
