"""The finance offices' sheet: export, import round trip, all-or-nothing faults naming row, column and reason."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from funds.excel import HEADERS, FundsImportError, funds_import, funds_workbook
from funds.models import FundAllocation, FundDisbursement, FundLine
from tests.print_checks import assert_print_ready

pytestmark = pytest.mark.django_db

COLUMNS = ["Năm", "Dự án, tiểu dự án", "Nguồn vốn", "Đơn vị được giao", "Dự toán (đồng)", "Phân bổ (đồng)",
           "Giải ngân quý I (đồng)", "Số chứng từ quý I", "Ngày chứng từ quý I", "Giải ngân quý II (đồng)",
           "Số chứng từ quý II", "Ngày chứng từ quý II", "Ghi chú"]


def sheet(*rows, headers=COLUMNS):
    wb = Workbook()
    ws = wb.active
    ws.append(["KINH PHÍ NĂM 2024"])
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def run(plan, buffer, user=None):
    return funds_import(plan=plan, source=buffer, filename="kinh-phi.xlsx", size=len(buffer.getvalue()),
                        acting_user=user)


def test_import_matches_names_leniently_and_writes_every_row(funds_plan, projects, ldtbxh, commune_b, district_staff):
    result = run(funds_plan, sheet(
        [2024, "Dự án 2", "NSTW", "Thọ Lâm", "500.000.000", 300000000, 100000000, "15/UNC", "20/03/2024",
         "50.000.000", "25/UNC", "20/06/2024", ""],
        [2024, "3.2", "ngan sach dia phuong", "Phòng Lao động - Thương binh và Xã hội", 80000000, 60000000, None,
         None, None, None, None, None, ""],
        [2024, "dự án 2", "huy dong", "", 40000000, None, None, None, None, None, None, None, ""],
    ), district_staff)
    assert result.rows == 3 and result.lines_created == 3
    line = FundLine.objects.get(project=projects["p2"], source="ns_trung_uong")
    allocation = FundAllocation.objects.get(line=line)
    assert line.estimate == 500_000_000 and allocation.commune == commune_b and allocation.amount == 300_000_000
    assert list(allocation.disbursements.values_list("quarter", "amount", "document_number")) == [
        (1, 100_000_000, "15/UNC"), (2, 50_000_000, "25/UNC")]
    assert FundLine.objects.get(project=projects["t32"]).source == "ns_dia_phuong"
    assert not FundAllocation.objects.filter(line__source="huy_dong").exists()


def test_a_file_with_any_fault_changes_nothing_and_names_row_column_reason(funds_plan, projects, funds_data):
    before = list(FundDisbursement.objects.values_list("pk", "amount"))
    with pytest.raises(FundsImportError) as exc:
        run(funds_plan, sheet(
            [2024, "Dự án 2", "NSTW", "Xuân Bái", 1, 400000000, 500000000, "1/UNC", "01/03/2024", None, None, None,
             ""],
            [2024, "Dự án 9", "NSTW", "", 1, None, None, None, None, None, None, None, ""],
            [2024, "Dự án 2", "Ngân sách", "", "12,5", None, None, None, None, None, None, None, ""],
            [2023, "Dự án 2", "Lồng ghép", "Xã Không Có", 1, 5, 5, None, "32/13/2024", None, None, None, ""],
        ))
    messages = exc.value.messages
    assert any(m.startswith("Dòng 3, cột “Ghi chú”: Tổng giải ngân 500.000.000 đồng vượt số phân bổ") for m in messages)
    assert any(m.startswith("Dòng 4, cột “Dự án, tiểu dự án”: Không có dự án") for m in messages)
    assert any(m.startswith("Dòng 5, cột “Nguồn vốn”: “Ngân sách” chưa đủ rõ") for m in messages)
    assert any(m.startswith("Dòng 5, cột “Dự toán (đồng)”: số tiền “12,5” không phải") for m in messages)
    assert any(m.startswith("Dòng 6, cột “Năm”: năm 2023 nằm ngoài") for m in messages)
    assert any(m.startswith("Dòng 6, cột “Ngày chứng từ quý I”") for m in messages)
    assert list(FundDisbursement.objects.values_list("pk", "amount")) == before
    assert FundLine.objects.get(pk=funds_data["line"].pk).estimate == 1_000_000_000


def test_export_prints_and_imports_back_unchanged(funds_plan, funds_data, district_staff):
    buffer = io.BytesIO()
    funds_workbook(plan=funds_plan, year=2024).save(buffer)
    ws = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert_print_ready(ws, landscape=True)
    headers = [c.value for c in ws[int(ws.print_title_rows.split(":")[-1].strip("$"))]]
    assert headers[:7] == ["STT", "Năm", "Dự án, tiểu dự án", "Nguồn vốn", "Đơn vị được giao", "Dự toán (đồng)",
                           "Phân bổ (đồng)"] and HEADERS["rate"] in headers
    state = sorted(FundDisbursement.objects.values_list("allocation_id", "quarter", "amount", "document_number"))
    buffer.seek(0)
    result = run(funds_plan, buffer, district_staff)
    assert result.rows == 3 and result.lines_created == 0
    assert sorted(FundDisbursement.objects.values_list("allocation_id", "quarter", "amount", "document_number")) \
        == state
    assert FundLine.objects.get(pk=funds_data["line"].pk).version == 1  # unchanged estimate: not bumped


def test_commands_and_upload_page(funds_plan, funds_data, district_staff, client_for, tmp_path):
    path = tmp_path / "kinh-phi.xlsx"
    call_command("export_funds", "--plan", "thoxuan-2024", "--year", "2024", "--output", str(path))
    call_command("import_funds", str(path), "--plan", "thoxuan-2024")
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(sheet([2024, "Dự án 9", "NSTW"]).getvalue())
    with pytest.raises(Exception, match="1 lỗi ở trên; cơ sở dữ liệu không thay đổi"):
        call_command("import_funds", str(bad), "--plan", "thoxuan-2024")
    client = client_for(district_staff)
    url = reverse("funds:import", kwargs={"code": "thoxuan-2024"})
    with bad.open("rb") as upload:
        page = client.post(url, {"file": upload}).content.decode()
    assert "Dòng 3, cột “Dự án, tiểu dự án”" in page
    download = client.get(reverse("funds:export", kwargs={"code": "thoxuan-2024"}), {"nam": 2024})
    assert download.status_code == 200 and download["Content-Type"].startswith("application/vnd.openxml")


def test_a_missing_required_column_is_named(funds_plan, projects, funds_data):
    headers = [h for h in COLUMNS if h != "Nguồn vốn"]
    with pytest.raises(FundsImportError) as exc:
        run(funds_plan, sheet([2024, "Dự án 2", "", 1, None, None, None, None, None, None, None, ""], headers=headers))
    assert exc.value.messages == ["Dòng 2: thiếu cột “Nguồn vốn”."]
    assert FundLine.objects.get(pk=funds_data["line"].pk).estimate == 1_000_000_000
