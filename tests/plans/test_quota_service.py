"""The shared quota rules (web grid and Excel import both go through these)."""

import pytest
from django.core.exceptions import PermissionDenied

from plans.models import PlanEvent, QuotaRow, QuotaTable
from plans.services.quotas import (
    QuotaFigures,
    QuotaRowInput,
    QuotaValidationError,
    quota_table_replace,
    quota_table_validate,
)
from tests.factories import CommuneFactory, DistrictFactory

pytestmark = pytest.mark.django_db


def row(commune, total, without, with_, key=None, note=""):
    return QuotaRowInput(commune=commune, total=total, without_labour=without, with_labour=with_, note=note,
                         label=f"Dòng {key}" if key else "", key=key)


def test_valid_rows_have_no_errors(quota_table, commune_a, commune_b):
    rows = [row(commune_a, 4, 1, 3), row(commune_b, 3, 1, 2)]
    assert quota_table_validate(rows, table=quota_table) == []


def test_every_fault_is_reported_at_once(quota_table, commune_a, commune_b, commune_c, district):
    rows = [
        row(commune_a, 5, 1, 3, key=7),  # does not add up
        row(commune_b, -1, -1, 0, key=8),  # negative
        row(commune_c, 1, 0, 1, key=9),  # other district
        row(commune_a, "x", 0, 1, key=10),  # duplicate + not a number
        row(district, 0, 0, 0, key=11),  # not a commune
    ]
    errors = quota_table_validate(rows, table=quota_table)
    by_key = {(e.key, e.field) for e in errors}
    assert (7, "total") in by_key
    assert (8, "total") in by_key and (8, "without_labour") in by_key
    assert (9, "commune") in by_key
    assert (10, "commune") in by_key and (10, "total") in by_key
    assert (11, "commune") in by_key
    # the messages name the row, the column and the reason, in Vietnamese
    message = next(e.message for e in errors if e.key == 7)
    assert message.startswith("Dòng 7") and "“Chỉ tiêu giao giảm hộ nghèo” là 5" in message and "= 4" in message
    assert "Xuân Cao không thuộc Thọ Xuân" in next(e.message for e in errors if e.key == 9)
    assert "số âm" in next(e.message for e in errors if e.key == 8 and e.field == "total")
    assert "không phải là số nguyên" in next(e.message for e in errors if e.key == 10 and e.field == "total")


def test_table_total_must_equal_plan_target(quota_table, commune_a, commune_b):
    # plan target 7 = 2 + 5; rows give 6 = 2 + 4
    errors = quota_table_validate([row(commune_a, 3, 1, 2), row(commune_b, 3, 1, 2)], table=quota_table)
    assert {(e.row_label, e.field) for e in errors} == {("Cả bảng", "total"), ("Cả bảng", "with_labour")}
    assert all(e.key is None for e in errors)
    assert "tổng các xã là 6 nhưng chỉ tiêu kế hoạch giao năm 2024 là 7" in errors[0].message


def test_no_target_means_no_table_check(plan, commune_a):
    table = QuotaTable(plan=plan, year=2024)
    assert quota_table_validate([row(commune_a, 3, 1, 2)], table=table) == []


def test_declared_total_row_is_checked(quota_table, commune_a, commune_b):
    rows = [row(commune_a, 4, 1, 3), row(commune_b, 3, 1, 2)]
    errors = quota_table_validate(rows, table=quota_table, declared_total=QuotaFigures(8, 2, 6))
    assert {(e.row_label, e.field) for e in errors} == {("TỔNG CỘNG", "total"), ("TỔNG CỘNG", "with_labour")}


def test_replace_writes_rows_in_order_and_logs(quota_table, commune_a, commune_b, district_staff):
    rows = [row(commune_b, 5, 2, 3, note=" xã khó khăn "), row(commune_a, 2, 0, 2)]
    quota_table.target_total = quota_table.target_without_labour = quota_table.target_with_labour = None
    quota_table.save()
    quota_table_replace(table=quota_table, rows=rows, acting_user=district_staff)
    saved = list(quota_table.rows.order_by("order").values_list("commune__name", "order", "total", "note"))
    assert saved == [("Thọ Lâm", 1, 5, "xã khó khăn"), ("Xuân Bái", 2, 2, "")]
    event = PlanEvent.objects.get(action="quota_table_replace")
    assert event.actor == district_staff and "tổng 7 (2 + 5)" in event.detail


def test_replace_with_faults_changes_nothing(quota_table, commune_a, commune_b, district_staff):
    before = list(QuotaRow.objects.values_list("commune_id", "total", "without_labour", "with_labour"))
    with pytest.raises(QuotaValidationError) as exc:
        quota_table_replace(table=quota_table, rows=[row(commune_a, 9, 1, 3, key=1)], acting_user=district_staff)
    assert len(exc.value.errors) >= 2  # the row, and the table against the plan's 7
    assert list(QuotaRow.objects.values_list("commune_id", "total", "without_labour", "with_labour")) == before
    assert not PlanEvent.objects.exists()


def test_replace_creates_a_new_table(plan, commune_a, district_staff):
    table = QuotaTable(plan=plan, year=2024, target_total=3, target_without_labour=1, target_with_labour=2)
    quota_table_replace(table=table, rows=[row(commune_a, 3, 1, 2)], acting_user=None, source="import")
    assert QuotaTable.objects.get(plan=plan, year=2024).rows.get().total == 3


def test_read_only_roles_cannot_replace(quota_table, commune_a, leadership, agency_user):
    for user in (leadership, agency_user):
        with pytest.raises(PermissionDenied):
            quota_table_replace(table=quota_table, rows=[row(commune_a, 7, 2, 5)], acting_user=user)


def test_commune_of_a_different_district_with_same_province(quota_table, province):
    elsewhere = DistrictFactory(code="397", name="Triệu Sơn", parent=province)
    commune = CommuneFactory(code="16000", name="Xuân Bái", parent=elsewhere)
    errors = quota_table_validate([row(commune, 7, 2, 5)], table=quota_table)
    assert [e.field for e in errors] == ["commune"]
