"""The quota grid: one form for the whole table, every fault next to its cell, staff only write."""

import re

import pytest
from django.urls import reverse

from plans.models import QuotaRow, QuotaTable

pytestmark = pytest.mark.django_db


def grid_url(table):
    return reverse("plans:quota_grid", kwargs={"code": table.plan.code, "year": table.year})


def grid_post(table, lines):
    """POST data for the grid: ``lines`` = [(commune, total, without, with, note)]; '' for a blank cell."""
    table.refresh_from_db(fields=["version"])
    data = {"form-TOTAL_FORMS": str(len(lines)), "form-INITIAL_FORMS": str(len(lines)),
            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000", "version": str(table.version)}
    for i, (commune, total, without, with_, note) in enumerate(lines):
        data.update({f"form-{i}-commune": commune.pk, f"form-{i}-total": total,
                     f"form-{i}-without_labour": without, f"form-{i}-with_labour": with_, f"form-{i}-note": note})
    return data


def snapshot():
    return sorted(QuotaRow.objects.values_list("table_id", "commune_id", "total", "without_labour", "with_labour",
                                               "note"))


def test_staff_sees_every_commune_of_the_district_as_inputs(client_for, district_staff, quota_table, commune_a,
                                                            commune_b, commune_c):
    response = client_for(district_staff).get(grid_url(quota_table))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('name="form-') > 0 and 'name="form-TOTAL_FORMS" value="2"' in body
    assert "Xuân Bái" in body and "Thọ Lâm" in body and "Xuân Cao" not in body
    assert "Lưu bảng" in body
    # every cell names its commune and its column to a screen reader
    assert 'aria-label="Xuân Bái, hộ không có khả năng lao động"' in body
    assert 'aria-label="Thọ Lâm, chỉ tiêu giao giảm hộ nghèo"' in body
    assert len(re.findall(r'<input type="(?:number|text)"[^>]*aria-label="', body)) == 2 * 4


def test_a_faulty_cell_is_tied_to_its_error(client_for, district_staff, quota_table, commune_a, commune_b):
    data = grid_post(quota_table, [(commune_a, "abc", "1", "3", ""), (commune_b, "1", "0", "1", "")])
    body = client_for(district_staff).post(grid_url(quota_table), data).content.decode()
    field = re.search(r'<input[^>]*name="form-0-total"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_form-0-total_error"' in field
    assert 'id="id_form-0-total_error"' in body


def test_every_error_is_shown_next_to_its_cell_and_nothing_is_saved(client_for, district_staff, quota_table,
                                                                    commune_a, commune_b):
    before = snapshot()
    data = grid_post(quota_table, [
        (commune_a, "5", "1", "3", ""),  # 5 != 1 + 3
        (commune_b, "abc", "-2", "2", ""),  # not a number, negative
    ])
    response = client_for(district_staff).post(grid_url(quota_table), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert snapshot() == before
    # three faults, each in its own cell
    cells = re.findall(r'<td class="[^"]*has-error">(.*?)</td>', body, flags=re.S)
    assert len(cells) == 3
    assert 'name="form-0-total"' in cells[0] and "= 4" in cells[0]
    assert 'name="form-1-total"' in cells[1] and "Phải là số nguyên" in cells[1]
    assert 'name="form-1-without_labour"' in cells[2] and "Không được âm" in cells[2]
    assert "Bảng có 3 lỗi; chưa lưu gì." in body
    # the summary names the row and the column too
    assert "Dòng 2 (Thọ Lâm), cột “Hộ không có KNLĐ”" in body


def test_table_total_against_plan_target_is_shown_in_the_totals_row(client_for, district_staff, quota_table,
                                                                    commune_a, commune_b):
    before = snapshot()
    data = grid_post(quota_table, [(commune_a, "4", "1", "3", ""), (commune_b, "2", "0", "2", "")])
    body = client_for(district_staff).post(grid_url(quota_table), data).content.decode()
    assert snapshot() == before
    tfoot = body.split("<tfoot>")[1]
    assert "tổng các xã là 6 nhưng chỉ tiêu kế hoạch giao năm 2024 là 7" in tfoot
    assert "tổng các xã là 1 nhưng chỉ tiêu kế hoạch giao năm 2024 là 2" in tfoot


def test_valid_grid_replaces_the_table(client_for, district_staff, quota_table, commune_a, commune_b):
    data = grid_post(quota_table, [(commune_b, "5", "2", "3", "ưu tiên"), (commune_a, "2", "", "2", "")])
    response = client_for(district_staff).post(grid_url(quota_table), data)
    assert response.status_code == 302
    rows = list(quota_table.rows.order_by("order").values_list("commune_id", "total", "without_labour",
                                                                "with_labour", "note"))
    assert rows == [(commune_b.pk, 5, 2, 3, "ưu tiên"), (commune_a.pk, 2, 0, 2, "")]


def test_blank_line_drops_the_commune(client_for, district_staff, plan, commune_a, commune_b):
    table = QuotaTable.objects.create(plan=plan, year=2024)
    data = grid_post(table, [(commune_a, "3", "1", "2", ""), (commune_b, "", "", "", "")])
    assert client_for(district_staff).post(grid_url(table), data).status_code == 302
    assert list(table.rows.values_list("commune_id", flat=True)) == [commune_a.pk]


def test_posted_commune_outside_the_plan_is_refused(client_for, district_staff, quota_table, commune_a, commune_c):
    before = snapshot()
    data = grid_post(quota_table, [(commune_c, "7", "2", "5", "")])
    response = client_for(district_staff).post(grid_url(quota_table), data)
    assert response.status_code == 200 and snapshot() == before
    assert "không thuộc đơn vị ban hành kế hoạch" in response.content.decode()


def test_leadership_reads_but_cannot_write(client_for, leadership, quota_table, commune_a, commune_b):
    client = client_for(leadership)
    body = client.get(grid_url(quota_table)).content.decode()
    assert "Xuân Bái" in body and "<input" not in body.split("<table")[1] and "Lưu bảng" not in body
    before = snapshot()
    data = grid_post(quota_table, [(commune_a, "7", "2", "5", "")])
    assert client.post(grid_url(quota_table), data).status_code == 403
    assert snapshot() == before
    allocate = reverse("plans:quota_allocate", kwargs={"code": quota_table.plan.code, "year": 2024})
    assert client.get(allocate).status_code == 403


@pytest.mark.parametrize(("persona", "mine", "theirs"), [("commune_a_user", "Xuân Bái", "Thọ Lâm"),
                                                         ("commune_b_user", "Thọ Lâm", "Xuân Bái")])
def test_commune_users_read_their_own_row_of_the_district_table(request, client_for, persona, mine, theirs,
                                                                 quota_table):
    """Issue 14, point 5 (was a 404): the table names their commune, so they read that row, and only it."""
    user = request.getfixturevalue(persona)
    client = client_for(user)
    page = client.get(grid_url(quota_table))
    assert page.status_code == 200
    text = page.content.decode()
    assert mine in text and theirs not in text and "Lưu bảng" not in text
    assert client.post(grid_url(quota_table), {}).status_code == 403


def test_other_district_staff_get_404(client_for, quota_table, other_district):
    from directory.models import Role
    from tests.factories import UserFactory

    outsider = UserFactory(role=Role.DISTRICT_STAFF, unit=other_district, is_staff=True)
    client = client_for(outsider)
    assert client.get(grid_url(quota_table)).status_code == 404
    assert client.post(grid_url(quota_table), {}).status_code == 404


def test_create_table_then_grid(client_for, district_staff, plan, commune_a, commune_b):
    client = client_for(district_staff)
    url = reverse("plans:quota_table_create", kwargs={"code": plan.code})
    bad = client.post(url, {"year": 2030, "target_total": 10, "target_without_labour": 3, "target_with_labour": 8,
                            "appendix_label": "Phụ lục 01"})
    body = bad.content.decode()
    assert bad.status_code == 200 and "ngoài thời kỳ" in body and "phải bằng" in body
    response = client.post(url, {"year": 2024, "target_total": 7, "target_without_labour": 2,
                                 "target_with_labour": 5, "appendix_label": "Phụ lục 01"})
    assert response.status_code == 302
    table = QuotaTable.objects.get(plan=plan, year=2024)
    assert response["Location"] == grid_url(table)
    assert client_for(district_staff).get(response["Location"]).status_code == 200


def test_allocation_prefills_the_grid(client_for, district_staff, quota_table, commune_a, commune_b,
                                      household_counts):
    household_counts.update({commune_a.pk: (3, 10), commune_b.pk: (1, 10)})
    url = reverse("plans:quota_allocate", kwargs={"code": quota_table.plan.code, "year": 2024})
    response = client_for(district_staff).get(url, {"total": 7, "without_labour": 2, "with_labour": 5})
    body = response.content.decode()
    assert response.status_code == 200
    # without: 2 by 3:1 -> 1.5, .5 -> 2, 0 ; with: 5 by 10:10 -> 2.5, 2.5 -> 3, 2
    assert 'name="form-0-without_labour" value="2"' in body and 'name="form-0-with_labour" value="3"' in body
    assert 'name="form-0-total" value="5"' in body
    assert 'name="form-1-without_labour" value="0"' in body and 'name="form-1-with_labour" value="2"' in body
    assert f'action="{grid_url(quota_table)}"' in body


def test_allocation_says_there_is_no_household_data(client_for, district_staff, quota_table, household_counts):
    url = reverse("plans:quota_allocate", kwargs={"code": quota_table.plan.code, "year": 2024})
    body = client_for(district_staff).get(url, {"total": 7, "without_labour": 2, "with_labour": 5}).content.decode()
    assert "Chưa có dữ liệu hộ nghèo" in body and 'name="form-0-total"' not in body


def test_allocation_form_checks_the_split(client_for, district_staff, quota_table, household_counts):
    url = reverse("plans:quota_allocate", kwargs={"code": quota_table.plan.code, "year": 2024})
    body = client_for(district_staff).get(url, {"total": 8, "without_labour": 2, "with_labour": 5}).content.decode()
    assert "phải bằng" in body and 'name="form-0-total"' not in body


def test_allocation_with_the_configured_provider_and_no_households(client_for, district_staff, quota_table):
    # Whatever settings.POOR_HOUSEHOLD_COUNTS points at (the households app, or nothing yet),
    # an empty database means the page says so instead of guessing.
    url = reverse("plans:quota_allocate", kwargs={"code": quota_table.plan.code, "year": 2024})
    body = client_for(district_staff).get(url, {"total": 7, "without_labour": 2, "with_labour": 5}).content.decode()
    assert "Chưa có dữ liệu hộ nghèo" in body and 'name="form-0-total"' not in body
