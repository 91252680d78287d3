"""The malformed-file corpus for quota tables (issue 13): ≥ 25 files, each uploaded through the web page.

Each is refused with a Vietnamese reason (its row where the fault is in a row), the stored table is
exactly as before, no server error, bounded memory. Fault 12: a 1 MB file holding one 300 MB cell cost
3.3–3.6 GB and 50 s before it was refused; now the zip is checked before parsing.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.plans.assets.make_assets import PHU_LUC_01_XLSX, TOTAL_ROW, excel_row

from .test_quota_excel import BAD_FILES, asset_with, snapshot, to_bytes, tx_plan, tx_table, units  # noqa: F401 - fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MEMORY_LIMIT_MB = 100


def with_big_shared_string(content: bytes, megabytes: int) -> bytes:
    """The seed file plus one shared string of ``megabytes`` MB: compresses to a few hundred KB."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == "xl/sharedStrings.xml":
                continue
            target.writestr(item, source.read(item))
        with target.open("xl/sharedStrings.xml", "w") as part:
            part.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       b"<si><t>")
            block = b"A" * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</t></si></sst>")
    return buffer.getvalue()


def many_rows(count: int) -> bytes:
    wb = load_workbook(PHU_LUC_01_XLSX)
    ws = wb.active
    for number in range(count):
        ws.append([number, f"Xã thử {number}", 1, 0, 1])
    return to_bytes(wb)


def cell_cases():
    cases = [(f"cells: {name}", cells, row, reason) for name, (cells, row, _column, reason) in BAD_FILES.items()]
    xuan_bai, tho_lam = excel_row("Xuân Bái"), excel_row("Thọ Lâm")
    cases += [
        ("cells: 10^20 households", {f"C{xuan_bai}": 10**20, f"E{xuan_bai}": 10**20 - 1}, xuan_bai, "là số quá lớn"),
        ("cells: TRUE as a figure", {f"D{tho_lam}": True}, tho_lam, "không phải là số nguyên"),
        ("cells: figure with a unit", {f"E{tho_lam}": "3 hộ"}, tho_lam, "không phải là số nguyên"),
        ("cells: blank commune with figures", {f"B{tho_lam}": None}, tho_lam, "chưa ghi tên đơn vị"),
        ("cells: commune name only invisible characters", {f"B{tho_lam}": "\u200b\u202e"}, tho_lam,
         "chưa ghi tên đơn vị"),
        ("cells: commune written twice in another case", {f"B{excel_row('Thọ Diên')}": "XÃ THỌ LÂM"},
         excel_row("Thọ Diên"), "mỗi xã chỉ được một dòng"),
        ("cells: note of 2.000 characters", {f"F{tho_lam}": "ghi chú " * 250}, tho_lam, "quá 300 ký tự"),
        ("cells: wrong TỔNG CỘNG without-labour", {f"D{TOTAL_ROW}": 49}, TOTAL_ROW, "dòng TỔNG CỘNG là 49"),
    ]
    return cases


CELL_CASES = cell_cases()


def file_cases():
    seed = PHU_LUC_01_XLSX.read_bytes()
    return [
        ("file: .xls", "phu-luc.xls", lambda: seed, {}, "không phải .xlsx"),
        ("file: text renamed .xlsx", "phu-luc.xlsx", lambda: b"TT;Ten don vi\n1;Xuan Bai\n", {}, "Không mở được tệp"),
        ("file: truncated", "phu-luc.xlsx", lambda: seed[: len(seed) // 3], {}, "Không mở được tệp"),
        ("file: zip without a workbook", "phu-luc.xlsx",
         lambda: _zip({"readme.txt": b"khong co gi"}), {}, "Không mở được tệp"),
        ("file: over the upload size", "phu-luc.xlsx", lambda: seed, {"IMPORT_MAX_FILE_SIZE": 1000}, "vượt giới hạn"),
        ("file: unpacks too large", "phu-luc.xlsx", lambda: seed, {"IMPORT_MAX_UNCOMPRESSED_SIZE": 5000},
         "giải nén ra"),
        ("file: a 20 MB cell", "phu-luc.xlsx", lambda: with_big_shared_string(seed, 20), {}, "một ô dài hơn"),
        ("file: 6.000 rows", "phu-luc.xlsx", lambda: many_rows(6000), {}, "dòng"),
        ("file: year outside the plan", "phu-luc.xlsx", lambda: asset_with(C5="Chỉ tiêu giao giảm hộ nghèo năm 2031"),
         {}, "Năm 2031"),
        ("file: no table at all", "phu-luc.xlsx", lambda: _blank_workbook(), {}, "Không tìm thấy dòng tiêu đề"),
    ]


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _blank_workbook():
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Không có bảng"
    return to_bytes(wb)


def upload(client, plan, name, content):
    file = io.BytesIO(content)
    file.name = name
    tracemalloc.start()
    try:
        response = client.post(reverse("plans:quota_import", kwargs={"code": plan.code}),
                               {"file": file, "replace": "on"})
        peak = tracemalloc.get_traced_memory()[1] / 1048576
    finally:
        tracemalloc.stop()
    return response, peak


def test_the_corpus_has_enough_quota_files():
    assert len(CELL_CASES) + len(file_cases()) >= 25


@pytest.mark.parametrize(("case", "cells", "row", "reason"), CELL_CASES, ids=[c[0] for c in CELL_CASES])
def test_a_bad_cell_is_refused_at_its_row_and_changes_nothing(client_for, district_staff, request, case, cells, row,
                                                              reason):
    table = request.getfixturevalue("tx_table")
    before = snapshot(table.plan)
    response, peak = upload(client_for(district_staff), table.plan, "phu-luc.xlsx", asset_with(**cells))
    assert response.status_code == 200
    body = response.content.decode()
    assert reason in body, case
    if row:
        assert f"Dòng {row}" in body
    assert snapshot(table.plan) == before
    assert peak < MEMORY_LIMIT_MB


@pytest.mark.parametrize("index", range(10))
def test_a_bad_file_is_refused_and_changes_nothing(client_for, district_staff, request, settings, index):
    table = request.getfixturevalue("tx_table")
    case, name, make, overrides, reason = file_cases()[index]
    content = make()
    for key, value in overrides.items():
        setattr(settings, key, value)
    before = snapshot(table.plan)
    response, peak = upload(client_for(district_staff), table.plan, name, content)
    assert response.status_code == 200, case
    assert reason in response.content.decode(), case
    assert snapshot(table.plan) == before
    assert peak < MEMORY_LIMIT_MB


def test_a_300_mb_cell_in_a_1_mb_file_is_refused_at_once(client_for, district_staff, request):
    table = request.getfixturevalue("tx_table")
    """Fault 12 as the probe found it: one 300 MB cell compressed into about 1 MB."""
    content = with_big_shared_string(PHU_LUC_01_XLSX.read_bytes(), 300)
    assert len(content) < 2 * 1024 * 1024
    before = snapshot(table.plan)
    started = time.perf_counter()
    response, peak = upload(client_for(district_staff), table.plan, "phu-luc.xlsx", content)
    seconds = time.perf_counter() - started
    print(f"ô 300 MB trong tệp {len(content) / 1048576:.1f} MB: từ chối sau {seconds:.2f} s, đỉnh {peak:.0f} MB")
    assert "một ô dài hơn" in response.content.decode()
    assert snapshot(table.plan) == before
    assert peak < MEMORY_LIMIT_MB
