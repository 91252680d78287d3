
"""Phụ lục 01 as Excel: import (service, command, web upload) and export (layout, print, round trip)."""

import io
import unicodedata

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from directory.lookup import UnitResolver
from directory.models import AdministrativeUnit, Role
from plans.excel import QuotaImportError, quota_table_import, quota_workbook_bytes
from plans.management.commands.import_quotas import Command as ImportQuotasCommand
from plans.models import PlanEvent, QuotaRow, QuotaTable
from tests.factories import UserFactory
from tests.plans.assets.make_assets import PHU_LUC_01, PHU_LUC_01_XLSX, TOTAL_ROW, excel_row

from .factories import PlanFactory

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture
def units(db):
    call_command("loaddata", "units", verbosity=0)


@pytest.fixture
def tx_plan(units, district):
    # ``district`` is the persona fixture's Thọ Xuân (code 395): the loaded one, with all 30 communes.
    return PlanFactory(code="thoxuan-2024", number="", title="Thực hiện công tác giảm nghèo bền vững năm 2024",
                       unit=AdministrativeUnit.objects.get(code="395"), issuer="UBND huyện Thọ Xuân",
                       first_year=2024, last_year=2024)


@pytest.fixture
def tx_table(tx_plan):
    """The seed's table already in the database, with the plan's own figures for the year."""
    table = QuotaTable.objects.create(plan=tx_plan, year=2024, target_total=180, target_without_labour=50,
                                      target_with_labour=130,
                                      title="CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024")
    resolver = UnitResolver(AdministrativeUnit.objects.communes(), within=tx_plan.unit)
    QuotaRow.objects.bulk_create(
        QuotaRow(table=table, commune=resolver.resolve(name), order=order, total=total, without_labour=without,
                 with_labour=with_)
        for order, (name, total, without, with_) in enumerate(PHU_LUC_01, start=1)
    )
    return table


def snapshot(plan):
    """Everything an import could change, to show a refused file changed nothing."""
    return (
        list(QuotaTable.objects.filter(plan=plan).values_list("pk", "year", "title", "updated_at")),
        list(QuotaRow.objects.filter(table__plan=plan).order_by("table", "order")
             .values_list("commune__code", "order", "total", "without_labour", "with_labour", "note")),
        PlanEvent.objects.filter(plan=plan).count(),
    )


def rows_of(table):
    return [(r.commune.display_name, r.total, r.without_labour, r.with_labour)
            for r in table.rows.select_related("commune").order_by("order")]


def asset_with(**cells) -> bytes:
    """The seed asset with some cells changed (``C9=5``), as .xlsx bytes."""
    wb = load_workbook(PHU_LUC_01_XLSX)
    ws = wb.active
    for ref, value in cells.items():
        ws[ref] = value
    return to_bytes(wb)


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def do_import(plan, content: bytes, *, filename="phu-luc.xlsx", **kwargs):
    return quota_table_import(plan=plan, source=io.BytesIO(content), filename=filename, size=len(content),
                              acting_user=None, **kwargs)


def issue_at(exc: QuotaImportError, row):
    found = [i for i in exc.issues if i.row == row]
    assert found, exc.messages
    return found


# ------------------------------------------------------------------------------------------------ import


def test_the_seeds_phu_luc_01_imports_cleanly(tx_plan):
    table = do_import(tx_plan, PHU_LUC_01_XLSX.read_bytes())

    assert table.year == 2024
    assert rows_of(table) == PHU_LUC_01
    assert (table.appendix_label, table.title) == ("Phụ lục 01", "CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024")
    assert PlanEvent.objects.filter(plan=tx_plan, action="quota_table_replace").count() == 1


def test_replace_overwrites_an_existing_table_with_the_file(tx_table):
    # Xuân Bái gives one household with labour capacity to Thọ Lâm: the totals still match 180/50/130.
    row_a, row_b = excel_row("Xuân Bái"), excel_row("Thọ Lâm")
    content = asset_with(**{f"C{row_a}": 3, f"E{row_a}": 2, f"C{row_b}": 11, f"E{row_b}": 9})

    do_import(tx_table.plan, content, replace=True)

    rows = {name: (total, without, with_) for name, total, without, with_ in rows_of(tx_table)}
    assert rows["Xuân Bái"] == (3, 1, 2) and rows["Thọ Lâm"] == (11, 2, 9)
    assert len(rows) == 30


def test_importing_over_an_existing_table_without_replace_is_refused(tx_table):
    before = snapshot(tx_table.plan)

    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_table.plan, asset_with(**{f"E{excel_row('Xuân Bái')}": 2, f"C{excel_row('Xuân Bái')}": 3}))

    assert "đã có bảng chỉ tiêu năm 2024 (30 xã)" in exc.value.messages[0]
    assert snapshot(tx_table.plan) == before


BAD_FILES = {
    "row does not add up": ({f"C{excel_row('Xuân Bái')}": 5}, excel_row("Xuân Bái"), "C",
                            "là 5 nhưng Hộ không có KNLĐ (1) + Hộ có KNLĐ (3) = 4"),
    "unknown commune": ({f"B{excel_row('Thọ Xương')}": "Xuân Không Có"}, excel_row("Thọ Xương"), "B",
                        "Không tìm thấy đơn vị “Xuân Không Có”"),
    "commune of another district": ({f"B{excel_row('Thọ Xương')}": "Trạm Tấu"}, excel_row("Thọ Xương"), "B",
                                    "Không tìm thấy đơn vị “Trạm Tấu”"),
    "negative cell": ({f"D{excel_row('Xuân Phú')}": -1}, excel_row("Xuân Phú"), "D", "-1 là số âm"),
    "non-numeric cell": ({f"E{excel_row('Thọ Lâm')}": "tám"}, excel_row("Thọ Lâm"), "E",
                         "“tám” không phải là số nguyên"),
    "fractional cell": ({f"E{excel_row('Thọ Diên')}": 4.5}, excel_row("Thọ Diên"), "E", "không phải là số nguyên"),
    "wrong TỔNG CỘNG row": ({f"C{TOTAL_ROW}": 181}, TOTAL_ROW, "C", "tổng các xã là 180 nhưng dòng TỔNG CỘNG là 181"),
    "non-numeric TỔNG CỘNG": ({f"D{TOTAL_ROW}": "năm mươi"}, TOTAL_ROW, "D", "không phải là số nguyên"),
    "note too long": ({f"F{excel_row('Xuân Hưng')}": "x" * 301}, excel_row("Xuân Hưng"), "F",
                      "dài 301 ký tự, quá 300 ký tự"),
    "commune twice": ({f"B{excel_row('Thọ Diên')}": "Xã Thọ Lâm"}, excel_row("Thọ Diên"), "B",
                      "mỗi xã chỉ được một dòng"),
    "missing header": ({"A5": None, "B5": None, "C5": None, "D5": None, "F5": None, "D6": None, "E6": None},
                       None, None, "Không tìm thấy dòng tiêu đề của bảng"),
    "header without a column": ({"E6": None}, 5, None, "thiếu cột “Hộ có KNLĐ”"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_faulty_file_is_rejected_at_its_row_and_changes_nothing(tx_table, case):
    cells, row, column, reason = BAD_FILES[case]
    before = snapshot(tx_table.plan)

    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_table.plan, asset_with(**cells), replace=True)

    issue = next((i for i in exc.value.issues if reason in i.message), None)
    assert issue is not None, exc.value.messages
    assert (issue.row, issue.column) == (row, column)
    if row:
        assert str(issue).startswith(f"Dòng {row}")
    assert snapshot(tx_table.plan) == before


def test_every_fault_of_a_file_is_listed_in_sheet_order(tx_table):
    rows = [excel_row(n) for n in ("Xuân Bái", "Thọ Xương", "Xuân Phú", "Thọ Lâm")]
    content = asset_with(**{f"C{rows[0]}": 5, f"B{rows[1]}": "Xã Không Tên", f"D{rows[2]}": -2,
                            f"E{rows[3]}": "x"})
    before = snapshot(tx_table.plan)

    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_table.plan, content, replace=True)

    assert [i.row for i in exc.value.issues] == rows
    assert snapshot(tx_table.plan) == before


def test_a_file_that_does_not_match_the_plans_own_figures_is_rejected(tx_table):
    # rows and TỔNG CỘNG agree with each other (181), but the plan sets 180 for the year
    row = excel_row("Xuân Bái")
    content = asset_with(**{f"C{row}": 5, f"E{row}": 4, f"C{TOTAL_ROW}": 181, f"E{TOTAL_ROW}": 131})

    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_table.plan, content, replace=True)

    assert any("chỉ tiêu kế hoạch giao năm 2024 là 180" in m for m in exc.value.messages)


@pytest.mark.parametrize(("filename", "content", "reason"), [
    ("phu-luc.xls", None, "không phải .xlsx"),
    ("phu-luc.csv", b"TT;Ten don vi\n", "không phải .xlsx"),
    ("phu-luc.xlsx", b"day khong phai tep excel", "Không mở được tệp"),
])
def test_only_real_xlsx_files_are_read(tx_plan, filename, content, reason):
    content = content or PHU_LUC_01_XLSX.read_bytes()
    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_plan, content, filename=filename)
    assert reason in exc.value.messages[0]
    assert not QuotaTable.objects.exists()


def test_files_over_the_size_limit_are_refused(tx_plan, settings):
    settings.IMPORT_MAX_FILE_SIZE = 1024
    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_plan, PHU_LUC_01_XLSX.read_bytes())
    assert "vượt giới hạn" in exc.value.messages[0]
    assert not QuotaTable.objects.exists()


def test_names_match_in_long_short_case_spacing_and_nfd_forms(tx_plan):
    content = asset_with(**{
        f"B{excel_row('TT Lam Sơn')}": "Thị trấn Lam Sơn",
        f"B{excel_row('Xuân Bái')}": "XÃ  XUÂN   BÁI",
        f"B{excel_row('Thọ Lâm')}": unicodedata.normalize("NFD", "Thọ Lâm"),
        f"B{excel_row('Thọ Diên')}": " xã thọ diên ",
        f"B{excel_row('Xuân Hòa')}": "Xuân Hoà",  # old-style tone placement
    })

    table = do_import(tx_plan, content)

    assert rows_of(table) == PHU_LUC_01


def test_the_header_is_found_wherever_it_is(tx_plan):
    # the seed table moved 4 rows down and 2 columns right, on the second sheet, with a one-row header
    wb = Workbook()
    wb.active.title = "Ghi chú"
    wb.active["A1"] = "Trang này không có bảng"
    ws = wb.create_sheet("Chỉ tiêu")
    ws["C4"] = "Phụ lục 01"
    ws.append([])
    ws.append([None, None, "STT", "Xã/thị trấn", "Chỉ tiêu giao giảm hộ nghèo năm 2024 (hộ)", "Hộ không có KNLĐ",
               "Hộ có KNLĐ", "Ghi chú"])
    for number, (name, total, without, with_) in enumerate(PHU_LUC_01, start=1):
        ws.append([None, None, number, name, total, without or "-", with_ or None, None])
    ws.append([None, None, None, "Tổng cộng", 180, 50, 130])
    ws.append([None, None, None, "Người lập biểu"])  # below the table: ignored

    table = do_import(tx_plan, to_bytes(wb))

    assert rows_of(table) == PHU_LUC_01
    assert table.appendix_label == "Phụ lục 01"


def test_the_year_comes_from_the_header_and_must_agree(tx_plan):
    with pytest.raises(QuotaImportError) as exc:
        do_import(tx_plan, PHU_LUC_01_XLSX.read_bytes(), year=2025)
    assert "tiêu đề cột ghi năm 2024 nhưng bạn chọn nhập cho năm 2025" in exc.value.messages[0]

    without_year = asset_with(C5="Chỉ tiêu giao giảm hộ nghèo (hộ)")
    assert do_import(tx_plan, without_year).year == 2024  # a one-year plan: its year


# ------------------------------------------------------------------------------------------------ export


def test_export_has_the_appendix_layout_ready_to_print(tx_table):
    ws = load_workbook(io.BytesIO(quota_workbook_bytes(tx_table))).active

    assert {str(r) for r in ws.merged_cells.ranges} >= {"A1:F1", "A2:F2", "A3:F3", "A5:A6", "B5:B6", "C5:C6",
                                                         "D5:E5", "F5:F6"}
    assert [ws[ref].value for ref in ("A1", "A2", "A5", "B5", "C5", "D5", "F5", "D6", "E6")] == [
        "Phụ lục 01", "CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024", "TT", "Tên đơn vị",
        "Chỉ tiêu giao giảm hộ nghèo năm 2024 (hộ)", "Trong đó", "Ghi chú", "Hộ không có KNLĐ", "Hộ có KNLĐ"]
    assert ws["A3"].value.startswith("(Kèm theo Kế hoạch số") and "2024 của UBND huyện Thọ Xuân)" in ws["A3"].value
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=7, max_row=36, max_col=5)]
    assert [(name, total, without, with_) for _, name, total, without, with_ in data] == PHU_LUC_01
    assert [row[0] for row in data] == list(range(1, 31))
    xuan_phu = ws[f"D{excel_row('Xuân Phú')}"]
    assert xuan_phu.value == 0 and xuan_phu.data_type == "n" and '"-"' in xuan_phu.number_format
    assert [ws.cell(row=37, column=c).value for c in range(2, 6)] == ["TỔNG CỘNG", 180, 50, 130]
    assert ws.print_title_rows == "$5:$6"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws["A5"].border.left.style == "thin" and ws["E37"].border.bottom.style == "thin"
    assert ws.column_dimensions["B"].width >= 20


def test_export_neutralises_text_that_would_be_a_formula(tx_table):
    notes = {"Xuân Bái": '=HYPERLINK("http://x.example","bấm")', "Thọ Lâm": "@SUM(A1)", "Xuân Phú": "+1",
             "Thọ Diên": "-giảm sau", "Xuân Hưng": "bình thường"}
    for name, note in notes.items():
        QuotaRow.objects.filter(table=tx_table, commune__name=name.replace("TT ", "")).update(note=note)

    ws = load_workbook(io.BytesIO(quota_workbook_bytes(tx_table))).active

    for name, note in notes.items():
        cell = ws[f"F{excel_row(name)}"]
        assert cell.data_type == "s"
        assert cell.value == (note if note == "bình thường" else "'" + note)


def test_export_then_import_gives_back_the_same_table(tx_table):
    QuotaRow.objects.filter(table=tx_table, commune__name="Xuân Bái").update(note="=1+1")
    QuotaRow.objects.filter(table=tx_table, commune__name="Bắc Lương").update(note="xã khó khăn")
    before = list(tx_table.rows.order_by("order").values_list("commune_id", "order", "total", "without_labour",
                                                                "with_labour", "note"))
    content = quota_workbook_bytes(tx_table)
    tx_table.rows.all().delete()

    do_import(tx_table.plan, content)

    after = list(tx_table.rows.order_by("order").values_list("commune_id", "order", "total", "without_labour",
                                                               "with_labour", "note"))
    assert after == before


# ------------------------------------------------------------------------------------------------ commands


def run_command(command_class, argv, monkeypatch):
    """Run like ``manage.py`` does (CommandError becomes the exit status); the test database stays open."""
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    command_class().run_from_argv(["manage.py", argv[0], *argv[1:]])


def test_import_command_exit_status_and_messages(tx_plan, monkeypatch, capsys, tmp_path):
    run_command(ImportQuotasCommand, ["import_quotas", str(PHU_LUC_01_XLSX), "--plan", "thoxuan-2024"], monkeypatch)
    assert "Đã nhập bảng chỉ tiêu năm 2024 của kế hoạch thoxuan-2024: 30 xã, tổng 180 hộ" in capsys.readouterr().out

    with pytest.raises(SystemExit) as exc:  # again, without --replace
        run_command(ImportQuotasCommand, ["import_quotas", str(PHU_LUC_01_XLSX), "--plan", "thoxuan-2024"],
                    monkeypatch)
    assert exc.value.code == 1
    assert "đã có bảng chỉ tiêu năm 2024" in capsys.readouterr().err

    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(asset_with(**{f"C{excel_row('Xuân Bái')}": 5, f"D{excel_row('Xuân Phú')}": -1}))
    before = snapshot(tx_plan)
    with pytest.raises(SystemExit) as exc:
        run_command(ImportQuotasCommand, ["import_quotas", str(bad), "--plan", "thoxuan-2024", "--replace"],
                    monkeypatch)
    err = capsys.readouterr().err
    assert exc.value.code == 1
    assert f"Dòng {excel_row('Xuân Bái')} (Xuân Bái)" in err and f"Dòng {excel_row('Xuân Phú')} (Xuân Phú)" in err
    assert "cơ sở dữ liệu không thay đổi" in err
    assert snapshot(tx_plan) == before


def test_import_command_takes_the_plan_number_and_reports_unknown_plans(tx_plan):
    tx_plan.number = "123/KH-UBND"
    tx_plan.save()
    call_command("import_quotas", str(PHU_LUC_01_XLSX), "--plan", "123/KH-UBND", stdout=io.StringIO())
    assert QuotaTable.objects.get(plan=tx_plan).rows.count() == 30

    with pytest.raises(CommandError, match="Không tìm thấy kế hoạch"):
        call_command("import_quotas", str(PHU_LUC_01_XLSX), "--plan", "khong-co")
    with pytest.raises(CommandError, match="Không có tệp"):
        call_command("import_quotas", "/khong/co/tep.xlsx", "--plan", "thoxuan-2024")


def test_export_command_writes_the_workbook(tx_table, tmp_path):
    out = tmp_path / "phu-luc.xlsx"
    call_command("export_quotas", "--plan", "thoxuan-2024", "--output", str(out), stdout=io.StringIO())
    assert load_workbook(out).active["B7"].value == "TT Lam Sơn"

    tx_table.plan.last_year = 2025
    tx_table.plan.save()
    QuotaTable.objects.create(plan=tx_table.plan, year=2025)
    with pytest.raises(CommandError, match="các năm 2024, 2025: hãy chọn --year"):
        call_command("export_quotas", "--plan", "thoxuan-2024", "--output", str(out))
    call_command("export_quotas", "--plan", "thoxuan-2024", "--year", "2024", "--output", str(out),
                 stdout=io.StringIO())
    with pytest.raises(CommandError, match="chưa có bảng chỉ tiêu năm 2030"):
        call_command("export_quotas", "--plan", "thoxuan-2024", "--year", "2030", "--output", str(out))


# ------------------------------------------------------------------------------------------------ web


def export_url(table):
    return reverse("plans:quota_export", kwargs={"code": table.plan.code, "year": table.year})


def import_url(plan):
    return reverse("plans:quota_import", kwargs={"code": plan.code})


def upload(client, plan, content: bytes, name="phu-luc.xlsx", **data):
    file = io.BytesIO(content)
    file.name = name
    return client.post(import_url(plan), {"file": file, **data})


def test_staff_download_the_table_as_excel(tx_table, district_staff, client_for, django_assert_max_num_queries):
    client = client_for(district_staff)
    with django_assert_max_num_queries(8):
        response = client.get(export_url(tx_table))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="phu-luc-chi-tieu-giam-ngheo-thoxuan-2024-2024.xlsx"' in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws["B37"].value == "TỔNG CỘNG" and ws["C37"].value == 180


def test_read_only_roles_may_download_but_not_upload(tx_table, leadership, client_for):
    client = client_for(leadership)
    before = snapshot(tx_table.plan)

    assert client.get(export_url(tx_table)).status_code == 200
    assert client.get(import_url(tx_table.plan)).status_code == 403
    assert upload(client, tx_table.plan, PHU_LUC_01_XLSX.read_bytes(), replace="on").status_code == 403
    assert snapshot(tx_table.plan) == before


def test_agency_staff_cannot_upload(tx_table, agency_user, client_for):
    response = upload(client_for(agency_user), tx_table.plan, PHU_LUC_01_XLSX.read_bytes(), replace="on")
    assert response.status_code == 403


def test_outsiders_get_404(tx_table, commune_b_user, other_district, client_for):
    outsider_staff = UserFactory(username="huyen_khac", role=Role.DISTRICT_STAFF, unit=other_district)
    before = snapshot(tx_table.plan)

    # Thọ Lâm's official is named by the table (issue 14, point 5): the export holds Thọ Lâm's row only
    named = client_for(commune_b_user).get(export_url(tx_table))
    assert named.status_code == 200
    cells = [str(c) for row in load_workbook(io.BytesIO(named.content)).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert any("Thọ Lâm" in c for c in cells) and not any("Xuân Bái" in c for c in cells)
    client = client_for(outsider_staff)
    assert client.get(export_url(tx_table)).status_code == 404
    assert client.get(import_url(tx_table.plan)).status_code == 404
    assert upload(client, tx_table.plan, PHU_LUC_01_XLSX.read_bytes(), replace="on").status_code == 404
    assert snapshot(tx_table.plan) == before


def test_staff_upload_the_appendix(tx_plan, district_staff, client_for):
    client = client_for(district_staff)
    assert client.get(import_url(tx_plan)).status_code == 200

    response = upload(client, tx_plan, PHU_LUC_01_XLSX.read_bytes())

    assert response.status_code == 302
    assert response["Location"] == reverse("plans:quota_grid", kwargs={"code": "thoxuan-2024", "year": 2024})
    assert rows_of(QuotaTable.objects.get(plan=tx_plan)) == PHU_LUC_01


def test_a_faulty_upload_lists_every_fault_and_changes_nothing(tx_table, district_staff, client_for):
    before = snapshot(tx_table.plan)
    content = asset_with(**{f"C{excel_row('Xuân Bái')}": 5, f"B{excel_row('Thọ Xương')}": "Xã Không Tên"})

    response = upload(client_for(district_staff), tx_table.plan, content, replace="on", year="2024")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Chưa nhập: tệp có 2 lỗi" in page
    assert f"Dòng {excel_row('Xuân Bái')} (Xuân Bái)" in page and "Xã Không Tên" in page
    assert snapshot(tx_table.plan) == before

    refused = upload(client_for(district_staff), tx_table.plan, PHU_LUC_01_XLSX.read_bytes())
    assert "đã có bảng chỉ tiêu năm 2024" in refused.content.decode()
    assert snapshot(tx_table.plan) == before


def test_quota_page_offers_download_to_all_and_upload_to_staff(tx_table, district_staff, leadership, client_for):
    grid = reverse("plans:quota_grid", kwargs={"code": "thoxuan-2024", "year": 2024})
    staff_page = client_for(district_staff).get(grid).content.decode()
    assert export_url(tx_table) in staff_page and import_url(tx_table.plan) in staff_page

    read_only_page = client_for(leadership).get(grid).content.decode()
    assert export_url(tx_table) in read_only_page and import_url(tx_table.plan) not in read_only_page
