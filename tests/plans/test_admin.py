import pytest
from django.urls import reverse

from plans.models import QuotaRow

pytestmark = pytest.mark.django_db


def test_staff_admin_lists_only_plans_in_scope(client_for, district_staff, plan, other_plan):
    body = client_for(district_staff).get(reverse("admin:plans_plan_changelist")).content.decode()
    assert plan.code in body and other_plan.code not in body


def test_staff_can_assign_tasks_in_admin(client_for, district_staff, plan):
    assert client_for(district_staff).get(reverse("admin:plans_task_add")).status_code == 200


def test_admin_quota_inline_shows_constraint_messages_in_vietnamese(client_for, district_staff, quota_table,
                                                                    commune_a):
    url = reverse("admin:plans_quotatable_change", args=[quota_table.pk])
    client = client_for(district_staff)
    assert client.get(url).status_code == 200
    rows = list(quota_table.rows.order_by("order"))
    data = {"plan": quota_table.plan_id, "year": 2024, "appendix_label": "Phụ lục 01", "target_total": 7,
            "target_without_labour": 2, "target_with_labour": 5,
            "rows-TOTAL_FORMS": 2, "rows-INITIAL_FORMS": 2, "rows-MIN_NUM_FORMS": 0, "rows-MAX_NUM_FORMS": 1000}
    for i, row in enumerate(rows):
        data.update({f"rows-{i}-id": row.pk, f"rows-{i}-table": quota_table.pk, f"rows-{i}-commune": row.commune_id,
                     f"rows-{i}-order": row.order, f"rows-{i}-total": row.total,
                     f"rows-{i}-without_labour": row.without_labour, f"rows-{i}-with_labour": row.with_labour})
    data["rows-0-total"] = 9
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Chỉ tiêu của xã phải bằng số hộ không có KNLĐ cộng số hộ có KNLĐ." in response.content.decode()
    assert QuotaRow.objects.get(pk=rows[0].pk).total == 4


def test_leadership_cannot_write_in_admin(client_for, plan, district):
    from directory.models import Role
    from tests.factories import UserFactory

    viewer = UserFactory(role=Role.LEADERSHIP, unit=district, is_staff=True)
    client = client_for(viewer)
    assert client.get(reverse("admin:plans_plan_changelist")).status_code == 200
    assert client.get(reverse("admin:plans_plan_add")).status_code == 403
    assert client.post(reverse("admin:plans_plan_delete", args=[plan.pk]), {"post": "yes"}).status_code == 403


def test_admin_applies_the_shared_quota_rules(client_for, district_staff, quota_table, commune_c):
    url = reverse("admin:plans_quotatable_change", args=[quota_table.pk])
    rows = list(quota_table.rows.order_by("order"))
    data = {"plan": quota_table.plan_id, "year": 2024, "appendix_label": "Phụ lục 01", "target_total": 7,
            "target_without_labour": 2, "target_with_labour": 5,
            "rows-TOTAL_FORMS": 3, "rows-INITIAL_FORMS": 2, "rows-MIN_NUM_FORMS": 0, "rows-MAX_NUM_FORMS": 1000}
    for i, row in enumerate(rows):
        data.update({f"rows-{i}-id": row.pk, f"rows-{i}-table": quota_table.pk, f"rows-{i}-commune": row.commune_id,
                     f"rows-{i}-order": row.order, f"rows-{i}-total": row.total,
                     f"rows-{i}-without_labour": row.without_labour, f"rows-{i}-with_labour": row.with_labour})
    # a commune of another district is not even a choice (the admin's scoped choices)
    data.update({"rows-2-table": quota_table.pk, "rows-2-commune": commune_c.pk, "rows-2-order": 3,
                 "rows-2-total": 1, "rows-2-without_labour": 0, "rows-2-with_labour": 1})
    client = client_for(district_staff)
    body = client.post(url, data).content.decode()
    assert "Hãy chọn một lựa chọn hợp lệ" in body
    assert quota_table.rows.count() == 2
    # within the district but off the plan's target
    data["rows-TOTAL_FORMS"] = 2
    data["rows-0-total"], data["rows-0-with_labour"] = 5, 4
    body = client.post(url, data).content.decode()
    assert "tổng các xã là 8 nhưng chỉ tiêu kế hoạch giao năm 2024 là 7" in body
    assert quota_table.rows.get(order=1).total == 4
