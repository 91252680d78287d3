"""Two tabs on the quota grid, a task, a target: the second save is refused and the first one survives."""

import datetime
import re

import pytest
from django.urls import reverse

from plans.models import IndicatorTarget, QuotaRow, TaskProgress, TaskStatus
from plans.services.quotas import QuotaRowInput, quota_table_replace

from .factories import IndicatorTargetFactory

pytestmark = pytest.mark.django_db


def loaded_version(body: str, name: str = "version") -> str:
    match = re.search(rf'name="{name}" value="(\d+)"', body) or re.search(rf'value="(\d+)"[^>]*name="{name}"', body)
    assert match, f"no hidden {name} on the page"
    return match.group(1)


def grid_url(table):
    return reverse("plans:quota_grid", kwargs={"code": table.plan.code, "year": table.year})


def grid_post(version, lines):
    data = {"form-TOTAL_FORMS": str(len(lines)), "form-INITIAL_FORMS": str(len(lines)),
            "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000", "version": version}
    for i, (commune, total, without, with_, note) in enumerate(lines):
        data.update({f"form-{i}-commune": commune.pk, f"form-{i}-total": total,
                     f"form-{i}-without_labour": without, f"form-{i}-with_labour": with_, f"form-{i}-note": note})
    return data


def test_quota_grid_second_tab_does_not_wipe_the_first_tabs_note(client_for, district_staff, quota_table,
                                                                 commune_a, commune_b):
    """Fault 6: the second save replaced the whole table and wiped the first one's note."""
    client = client_for(district_staff)
    tab_1 = loaded_version(client.get(grid_url(quota_table)).content.decode())
    tab_2 = loaded_version(client.get(grid_url(quota_table)).content.decode())

    first = client.post(grid_url(quota_table), grid_post(tab_1, [(commune_a, "4", "1", "3", "ưu tiên thôn Tiến"),
                                                                (commune_b, "3", "1", "2", "ghi chú")]))
    assert first.status_code == 302

    second = client.post(grid_url(quota_table), grid_post(tab_2, [(commune_a, "5", "2", "3", ""),
                                                                 (commune_b, "2", "0", "2", "ghi chú")]))
    assert second.status_code == 200
    body = second.content.decode()
    assert "vừa được người khác lưu" in body and "ưu tiên thôn Tiến" in body and "Tải lại bản mới nhất" in body
    row_a = QuotaRow.objects.get(table=quota_table, commune=commune_a)
    assert (row_a.total, row_a.note) == (4, "ưu tiên thôn Tiến")
    # saving the refused page again is refused again: it still carries the old version
    assert loaded_version(body) == tab_2


def test_an_import_makes_an_open_grid_stale(client_for, district_staff, quota_table, commune_a, commune_b):
    client = client_for(district_staff)
    tab = loaded_version(client.get(grid_url(quota_table)).content.decode())
    quota_table_replace(table=quota_table, acting_user=district_staff, source="nhập từ Excel", rows=[
        QuotaRowInput(commune=commune_a, total=4, without_labour=1, with_labour=3, note="từ file"),
        QuotaRowInput(commune=commune_b, total=3, without_labour=1, with_labour=2)])
    response = client.post(grid_url(quota_table), grid_post(tab, [(commune_a, "4", "1", "3", ""),
                                                                 (commune_b, "3", "1", "2", "")]))
    assert "vừa được người khác lưu" in response.content.decode()
    assert QuotaRow.objects.get(table=quota_table, commune=commune_a).note == "từ file"


def test_task_progress_from_a_stale_page_is_refused(client_for, agency_user, own_task, district):
    client = client_for(agency_user)
    url = reverse("plans:task_detail", kwargs={"pk": own_task.pk})
    tab_1 = loaded_version(client.get(url).content.decode(), "task_version")
    tab_2 = loaded_version(client.get(url).content.decode(), "task_version")
    done = {"reported_on": "01/03/2024", "status": TaskStatus.DONE, "text": "Đã xong", "task_version": tab_1}
    assert client.post(url, done).status_code == 302
    late = {"reported_on": "01/03/2024", "status": TaskStatus.IN_PROGRESS, "text": "Đang làm", "task_version": tab_2}
    body = client.post(url, late).content.decode()
    assert "vừa được người khác lưu" in body and "Đã xong" in body
    own_task.refresh_from_db()
    assert own_task.status == TaskStatus.DONE
    assert list(TaskProgress.objects.values_list("text", flat=True)) == ["Đã xong"]


def task_admin_post(task, version, **changes):
    data = {"plan": task.plan_id, "agency": task.agency_id, "role": task.role, "project": "", "text": task.text,
            "due_date": "", "recurrence": task.recurrence, "recurrence_note": "", "status": task.status,
            "order": task.order, "version": version, "progress-TOTAL_FORMS": 0, "progress-INITIAL_FORMS": 0,
            "progress-MIN_NUM_FORMS": 0, "progress-MAX_NUM_FORMS": 1000}
    data.update(changes)
    return data


def test_task_admin_second_tab_is_refused(client_for, district_staff, own_task):
    client = client_for(district_staff)
    url = reverse("admin:plans_task_change", args=[own_task.pk])
    tab_1 = loaded_version(client.get(url).content.decode())
    tab_2 = loaded_version(client.get(url).content.decode())
    assert client.post(url, task_admin_post(own_task, tab_1, due_date="31/12/2024")).status_code == 302
    response = client.post(url, task_admin_post(own_task, tab_2, text="Sửa ở tab 2"))
    body = response.content.decode()
    assert response.status_code == 200 and "vừa được người khác lưu" in body and "31/12/2024" in body
    own_task.refresh_from_db()
    assert own_task.due_date == datetime.date(2024, 12, 31) and own_task.text != "Sửa ở tab 2"


def test_target_admin_second_tab_is_refused_and_progress_inline_rides_on_it(client_for, district_staff, plan):
    target = IndicatorTargetFactory(plan=plan, name="Giảm 180 hộ nghèo", value_min=180)
    client = client_for(district_staff)
    url = reverse("admin:plans_indicatortarget_change", args=[target.pk])
    tab_1 = loaded_version(client.get(url).content.decode())
    tab_2 = loaded_version(client.get(url).content.decode())
    base = {"plan": plan.pk, "parent": "", "order": 0, "name": target.name, "measure_unit": "hộ",
            "comparison": target.comparison, "value_min": "180", "value_max": "", "period": target.period,
            "year": "", "measure": target.measure, "applies_to_unit": "", "note": "",
            "progress_entries-TOTAL_FORMS": 0, "progress_entries-INITIAL_FORMS": 0,
            "progress_entries-MIN_NUM_FORMS": 0, "progress_entries-MAX_NUM_FORMS": 1000}
    first = client.post(url, {**base, "value_min": "200", "version": tab_1})
    assert first.status_code == 302, first.content.decode()[-3000:]
    second = {**base, "version": tab_2, "progress_entries-TOTAL_FORMS": 1, "progress_entries-0-target": target.pk,
              "progress_entries-0-period_label": "năm 2024", "progress_entries-0-as_of": "31/12/2024",
              "progress_entries-0-actual_value": "150", "progress_entries-0-source": "", "progress_entries-0-note": ""}
    body = client.post(url, second).content.decode()
    assert "vừa được người khác lưu" in body
    target.refresh_from_db()
    assert target.value_min == 200 and not target.progress_entries.exists()
    assert IndicatorTarget.objects.get(pk=target.pk).version == int(tab_1) + 1
