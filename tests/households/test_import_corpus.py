"""The malformed-file corpus (issue 13): ≥ 40 household files, each uploaded through the web page.

Every file must be refused with a Vietnamese reason (naming the row where the fault is in a row),
with 0 partial writes (the database is exactly as before), 0 server errors, and bounded memory
(the peak Python allocation of the request, measured with tracemalloc).
"""

from __future__ import annotations

import io
import tracemalloc
import unicodedata
import zipfile

import pytest
from django.urls import reverse

from .factories import make_review
from .test_import_export import BAD_ROWS, FIRST, HEADER, db_state, row, write_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

INCOME = "Thu nhập bình quân đầu người (đồng/tháng)"
MEMORY_LIMIT_MB = 100


def xlsx_bytes(tmp_path, rows, header=HEADER, name="tep.xlsx") -> bytes:
    return write_xlsx(tmp_path / name, rows, header=header).read_bytes()


def good(**cells):
    """The first row: an update of the stored household XB001 (its draft review of 2024)."""
    return row(**{"code": "XB001", "head": "Lê Văn Bái", **cells})


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# (case id, {"rows": [...]} or {"content": bytes-maker}, settings overrides, expected text, expected row)
def _row_cases():
    cases = []
    for case, bad, _column, reason in BAD_ROWS:
        cases.append((f"row: {case}", [good(), row(**{"code": "XB201", **bad})], {}, reason, FIRST + 1))
    more = [
        ("income 10^20", {"income": 10**20}, "vượt mức tối đa"),
        ("income 3 billion", {"income": 3_000_000_000}, "vượt mức tối đa"),
        ("income with decimals", {"income": 1_500_000.5}, "số nguyên"),
        ("income as TRUE", {"income": True}, "phải là số"),
        ("income written with letters and digits", {"income": "1tr5"}, "số nguyên"),
        ("members 51", {"members": 51}, "từ 1 đến 50"),
        ("members in words", {"members": "bốn"}, "số nguyên"),
        ("members negative", {"members": -3}, "từ 1 đến 50"),
        ("year in words", {"year": "hai nghìn"}, "số nguyên"),
        ("year 2200", {"year": 2200}, "Không có chuẩn nghèo"),
        ("code too long", {"code": "X" * 31}, "dài quá 30"),
        ("head name too long", {"head": "Nguyễn " * 30}, "dài quá 120"),
        ("village too long", {"village": "Thôn " * 40}, "dài quá 120"),
        ("head name only invisible characters", {"head": "\u200b\u202e\ufeff"}, "Thiếu họ và tên chủ hộ"),
        ("code only a zero-width space", {"code": "\u200b"}, "Thiếu mã hộ"),
        ("indicator marked 'có lẽ'", {"Dinh dưỡng": "có lẽ"}, "chỉ ghi x, 1, 0"),
        ("indicator marked 2", {"Bảo hiểm y tế": 2}, "chỉ ghi x, 1, 0"),
        ("ethnic flag 'chưa rõ'", {"ethnic": "chưa rõ"}, "chỉ ghi x, 1, 0"),
        ("cause not in the list", {"causes": "Thiếu vốn; Trời hại"}, "Không có nguyên nhân nghèo"),
        ("area abroad", {"area": "Nước ngoài"}, "Nông thôn"),
        ("commune of another district", {"commune": "15600"}, "không thuộc địa bàn của bạn"),
    ]
    for case, bad, reason in more:
        cases.append((f"row: {case}", [good(), row(**{"code": "XB202", **bad})], {}, reason, FIRST + 1))
    cases.append(("row: same code twice in different case", [good(), good(code="xb001")], {},
                  "có hai dòng cho năm 2024", FIRST + 1))
    cases.append(("row: same code twice, one with a zero-width space", [good(), good(code="XB\u200b001")], {},
                  "có hai dòng cho năm 2024", FIRST + 1))
    return cases


ROW_CASES = _row_cases()


def _file_cases(tmp_path):
    valid = xlsx_bytes(tmp_path, [good()], name="hop-le.xlsx")
    return [
        ("file: csv renamed .xlsx", "ds.xlsx", b"Ma ho,Ho ten\nXB1,Le Van A\n", {}, "không phải bảng tính .xlsx"),
        ("file: empty", "rong.xlsx", b"", {}, "Tập tin được gửi là rỗng"),
        ("file: truncated zip", "cut.xlsx", valid[: len(valid) // 2], {}, "không phải bảng tính .xlsx"),
        ("file: zip without a workbook", "zip.xlsx", zipped({"a.txt": b"xin chao"}), {}, "không phải bảng tính"),
        ("file: .xls extension", "ds.xls", valid, {}, "không phải tệp Excel .xlsx"),
        ("file: .csv extension", "ds.csv", b"Ma ho\n", {}, "không phải tệp Excel .xlsx"),
        ("file: no header row", "khong-tieu-de.xlsx",
         xlsx_bytes(tmp_path, [], header=["Số", "Tên"], name="k.xlsx"), {}, "không có ô “Mã hộ”"),
        ("file: header only", "chi-tieu-de.xlsx", xlsx_bytes(tmp_path, [], name="h.xlsx"), {},
         "không có dòng dữ liệu"),
        ("file: missing year column", "thieu-cot.xlsx",
         xlsx_bytes(tmp_path, [good()], header=[h for h in HEADER if h != "Năm rà soát"], name="t.xlsx"), {},
         "Thiếu cột bắt buộc “Năm rà soát”"),
        ("file: missing an indicator column", "thieu-chi-so.xlsx",
         xlsx_bytes(tmp_path, [good()], header=[h for h in HEADER if h != "Dinh dưỡng"], name="c.xlsx"), {},
         "Thiếu cột chỉ số thiếu hụt “Dinh dưỡng”"),
        ("file: over the row limit", "dai.xlsx", xlsx_bytes(tmp_path, [row(code=f"XB{i}") for i in range(30)],
                                                           name="d.xlsx"),
         {"IMPORT_MAX_ROWS": 20}, "hơn 20 dòng dữ liệu"),
        ("file: one huge cell", "o-lon.xlsx", xlsx_bytes(tmp_path, [good(head="A" * 20_000)], name="o.xlsx"),
         {"IMPORT_MAX_CELL_LENGTH": 2000}, "một ô dài hơn 2.000 ký tự"),
        ("file: unpacks too large", "bom.xlsx", valid, {"IMPORT_MAX_UNCOMPRESSED_SIZE": 2000}, "giải nén ra"),
        ("file: over the upload size", "nang.xlsx", valid, {"IMPORT_MAX_FILE_SIZE": 100}, "vượt giới hạn"),
        ("file: 600 bad rows list 500 then a count", "600-loi.xlsx",
         xlsx_bytes(tmp_path, [row(code=f"XB{i}", income=-1) for i in range(600)], name="l.xlsx"), {},
         "… và 100 lỗi khác"),
    ]


def upload(client, name, content):
    file = io.BytesIO(content)
    file.name = name
    tracemalloc.start()
    try:
        response = client.post(reverse("households:excel"), {"file": file})
        peak = tracemalloc.get_traced_memory()[1] / 1048576
    finally:
        tracemalloc.stop()
    return response, peak


@pytest.fixture
def existing(household_a):
    make_review(household_a, year=2024, income=1_000_000, deprived=3)
    return household_a


def test_the_corpus_has_enough_household_files(tmp_path):
    assert len(ROW_CASES) + len(_file_cases(tmp_path)) >= 40


@pytest.mark.parametrize(("case", "rows", "overrides", "reason", "fault_row"), ROW_CASES,
                         ids=[c[0] for c in ROW_CASES])
def test_a_bad_row_is_refused_with_its_row_and_nothing_is_written(client_for, commune_a_user, commune_b, commune_c,
                                                                   existing,
                                                                   tmp_path, settings, case, rows, overrides, reason,
                                                                   fault_row):
    for key, value in overrides.items():
        setattr(settings, key, value)
    before = db_state()
    response, peak = upload(client_for(commune_a_user), "loi.xlsx", xlsx_bytes(tmp_path, rows))
    assert response.status_code == 200
    body = unicodedata.normalize("NFC", response.content.decode())
    assert reason in body, case
    assert f"Dòng {fault_row}" in body, case
    assert db_state() == before
    assert peak < MEMORY_LIMIT_MB


@pytest.mark.parametrize("index", range(15))
def test_a_bad_file_is_refused_with_a_reason_and_nothing_is_written(client_for, commune_a_user, existing, tmp_path,
                                                                    settings, index):
    case, name, content, overrides, reason = _file_cases(tmp_path)[index]
    for key, value in overrides.items():
        setattr(settings, key, value)
    before = db_state()
    response, peak = upload(client_for(commune_a_user), name, content)
    assert response.status_code == 200, case
    body = unicodedata.normalize("NFC", response.content.decode())
    assert reason in body, f"{case}: {reason!r} not on the page"
    assert db_state() == before
    assert peak < MEMORY_LIMIT_MB
