"""The review import as a pipeline (issue 12, point 3): each stage on its own, with real .xlsx files."""

from __future__ import annotations

import pytest

from households.importing import COL_INCOME, COL_YEAR, import_reviews
from households.importing.columns import map_header, missing_column_faults
from households.importing.matching import fetch_existing, lock_faults
from households.importing.planning import plan_changes
from households.importing.reading import read_rows
from households.importing.reference import Reference
from households.importing.validating import validate_rows
from households.importing.writing import write_plan
from households.models import HistoryEntry, Household, Review, ReviewStatus

from .factories import HouseholdFactory, make_review
from .test_import_export import FIRST, row, write_xlsx

pytestmark = pytest.mark.django_db


def stages_up_to_validation(path, user, commune=None):
    sheet = read_rows(path)
    reference = Reference.load()
    columns, faults = map_header(sheet.header_cells, reference.indicators)
    assert not faults and not missing_column_faults(columns, commune_given=commune is not None)
    rows, faults = validate_rows(sheet.rows, columns, reference, user=user, commune=commune)
    return sheet, reference, columns, rows, faults


def test_read_stage_finds_the_header_and_keeps_excel_row_numbers(tmp_path, commune_a):
    path = write_xlsx(tmp_path / "a.xlsx", [row(code="A1"), {}, row(code="A2")])

    sheet = read_rows(path)

    assert sheet.header_row == FIRST - 1
    assert [number for number, _ in sheet.rows] == [FIRST, FIRST + 2]  # the blank row is skipped, not renumbered
    assert all(len(cells) == sheet.width + 1 for _, cells in sheet.rows)
    assert sheet.rows[0][1][0] == "A1"


def test_validate_stage_gives_row_numbered_faults_and_touches_no_table(tmp_path, commune_a, commune_a_user,
                                                                       django_assert_max_num_queries):
    path = write_xlsx(tmp_path / "b.xlsx", [row(code="B1"), row(code="B2", income="nhiều", year=1990)])

    _, _, _, rows, faults = stages_up_to_validation(path, commune_a_user)

    assert [r.code for r in rows] == ["B1"]
    messages = {(f.row, f.column) for f in faults}
    assert (FIRST + 1, COL_INCOME) in messages and (FIRST + 1, COL_YEAR) in messages
    assert not Household.objects.exists()


def test_match_stage_finds_stored_rows_and_refuses_to_overwrite_approved_ones(tmp_path, commune_a, commune_a_user):
    household = HouseholdFactory(commune=commune_a, code="C1")
    make_review(household, year=2024, income=900_000, status=ReviewStatus.APPROVED)
    path = write_xlsx(tmp_path / "c.xlsx", [row(code="C1", income=2_000_000), row(code="C2")])
    _, _, columns, rows, faults = stages_up_to_validation(path, commune_a_user)
    assert not faults

    existing = fetch_existing(rows)
    refused = lock_faults(rows, existing, columns, approve=False)

    assert set(existing.households) == {(commune_a.pk, "C1")}
    assert [(f.row, f.column) for f in refused] == [(FIRST, COL_YEAR)]
    assert "đã được phê duyệt nên bị khóa" in refused[0].message


def test_plan_stage_computes_everything_in_memory(tmp_path, commune_a, commune_a_user, django_assert_num_queries):
    household = HouseholdFactory(commune=commune_a, code="D1", head_name="Tên Cũ")
    make_review(household, year=2024, income=900_000)
    path = write_xlsx(tmp_path / "d.xlsx", [row(code="D1", head="Tên Mới", income=5_000_000), row(code="D2")])
    _, reference, _, rows, _ = stages_up_to_validation(path, commune_a_user)
    existing = fetch_existing(rows)

    with django_assert_num_queries(0):
        plan = plan_changes(rows, existing, reference, acting_user=commune_a_user, approve=False, file_name="d.xlsx")

    assert [h.code for h in plan.new_households] == ["D2"]
    assert [h.code for h in plan.changed_households] == ["D1"]
    assert [n.household_key for n in plan.new_reviews] == [(commune_a.pk, "D2")]
    assert [c.row.code for c in plan.changed_reviews] == ["D1"]
    assert any(entry[-2].endswith(f"dòng {FIRST}") for entry in plan.household_history)
    household.refresh_from_db()
    assert household.head_name == "Tên Cũ"  # nothing written yet


def test_write_stage_writes_the_plan(tmp_path, commune_a, commune_a_user):
    path = write_xlsx(tmp_path / "e.xlsx", [row(code="E1"), row(code="E2")])
    _, reference, _, rows, _ = stages_up_to_validation(path, commune_a_user)
    plan = plan_changes(rows, fetch_existing(rows), reference, acting_user=commune_a_user, approve=False,
                        file_name="e.xlsx")

    written = write_plan(plan, actor_id=commune_a_user.pk)

    assert set(Household.objects.values_list("code", flat=True)) == {"E1", "E2"}
    assert written == set(Household.objects.values_list("pk", flat=True))
    assert Review.objects.count() == 2
    assert HistoryEntry.objects.filter(comment__endswith=f"e.xlsx, dòng {FIRST + 1}").exists()


def test_every_stage_is_timed(tmp_path, commune_a, commune_a_user):
    result = import_reviews(write_xlsx(tmp_path / "f.xlsx", [row(code="F1")]), acting_user=commune_a_user)

    assert set(result.timings) >= {"read", "validate", "match", "plan", "write", "total"}
    assert all(seconds >= 0 for seconds in result.timings.values())
