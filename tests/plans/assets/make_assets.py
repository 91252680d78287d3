"""Build the test workbooks: the seed's Phụ lục 01 (Thọ Xuân 2024) typed into Excel as the paper shows it.

Run ``python tests/plans/assets/make_assets.py`` to rebuild ``thoxuan_2024_phuluc01.xlsx``. It is
written with openpyxl directly, not with ``plans.excel``, so the importer is tested against a file
it did not produce: the seed's spelling ("Hộ có có KNLD"), '-' and blank cells, merged headers.
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
PHU_LUC_01_XLSX = HERE / "thoxuan_2024_phuluc01.xlsx"

# Rows as the seed prints them (001_33768970df9aca94.txt): '-' and blank where it has them.
SEED_ROWS = [
    ("TT Lam Sơn", 6, 2, 4), ("TT Sao Vàng", 10, 2, 8), ("Xuân Bái", 4, 1, 3), ("Thọ Xương", 11, 2, 9),
    ("Xuân Phú", 4, "-", 4), ("Thọ Lâm", 10, 2, 8), ("Thọ Diên", 5, 1, 4), ("Xuân Hưng", 4, 2, 2),
    ("Xuân Sinh", 10, 4, 6), ("Xuân Thiên", 4, 3, 1), ("Thuận Minh", 9, 3, 6), ("Thọ Lập", 4, 2, 2),
    ("Xuân Tín", 5, "-", 5), ("Quảng Phú", 6, 2, 4), ("Phú Xuân", 8, 2, 6), ("Xuân Lai", 4, 1, 3),
    ("Xuân Lập", 9, 2, 7), ("Xuân Minh", 5, 1, 4), ("Trường Xuân", 6, 2, 4), ("Thọ Hải", 5, 1, 4),
    ("Xuân Hòa", 2, 1, 1), ("Xuân Trường", 4, 2, 2), ("TT Thọ Xuân", 8, 1, 7), ("Tây Hồ", 3, 2, 1),
    ("Xuân Giang", 1, None, 1), ("Bắc Lương", 3, 3, "-"), ("Nam Giang", 9, 1, 8), ("Thọ Lộc", 3, 1, 2),
    ("Xuân Phong", 7, 2, 5), ("Xuân Hồng", 11, 2, 9),
]
# The same rows as numbers ('-' and blank are 0).
PHU_LUC_01 = [(name, *(v if isinstance(v, int) else 0 for v in figures)) for name, *figures in SEED_ROWS]

# Where things are in the file (Excel row numbers): title lines 1-3, header 5-6, communes 7-36, total 37.
FIRST_DATA_ROW = 7
TOTAL_ROW = FIRST_DATA_ROW + len(SEED_ROWS)


def excel_row(name: str) -> int:
    return FIRST_DATA_ROW + [row[0] for row in SEED_ROWS].index(name)


def build_phu_luc_01() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục 01"
    ws["A1"] = "Phụ lục 01"
    ws["A2"] = "CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024"
    ws["A3"] = "(Kèm theo Kế hoạch số /KH-UBND, ngày / /2024 của UBND huyện)"
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center")
        ws.cell(row=row, column=1).font = Font(bold=row < 3, italic=row == 3)
    ws.append([])
    ws.append(["TT", "Tên đơn vị", "Chỉ tiêu giao giảm hộ nghèo năm 2024 (hộ)", "Trong đó", None, "Ghi chú"])
    ws.append([None, None, None, "Hộ không có KNLD", "Hộ có có KNLD", None])
    for col in ("A", "B", "C", "F"):
        ws.merge_cells(f"{col}5:{col}6")
    ws.merge_cells("D5:E5")
    for number, (name, total, without, with_) in enumerate(SEED_ROWS, start=1):
        ws.append([number, name, total, without, with_, None])
    ws.append([None, "TỔNG CỘNG", 180, 50, 130, None])
    assert ws.max_row == TOTAL_ROW
    return wb


if __name__ == "__main__":
    build_phu_luc_01().save(PHU_LUC_01_XLSX)
    print(f"wrote {PHU_LUC_01_XLSX}")
