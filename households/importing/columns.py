"""The column contract of a review list, shared with ``exporting.py``, and the header row's mapping.

* the header row is the first row with a cell "Mã hộ"; columns are matched by their header
  text, ignoring case, spacing and diacritics, in any order; other columns are ignored;
* ``Mã hộ``, ``Họ và tên chủ hộ``, ``Xã`` (code or name path; may be left out when a
  commune is given), ``Thôn``, ``Khu vực``, ``Số nhân khẩu``, ``Năm rà soát``,
  ``Thu nhập bình quân đầu người (đồng/tháng)``;
* one column per indicator of the standard in force for the row's year, headed by the
  indicator's name: ``x``/``X``/``1`` = deprived, blank/``0`` = not;
* ``Không có khả năng lao động`` (x), ``Dân tộc thiểu số`` (x), ``Nguyên nhân nghèo``
  (several, separated by ``;``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from directory.models import AreaType

from .faults import ImportFault

COL_CODE = "Mã hộ"
COL_HEAD = "Họ và tên chủ hộ"
COL_COMMUNE = "Xã"
COL_VILLAGE = "Thôn"
COL_AREA = "Khu vực"
COL_MEMBERS = "Số nhân khẩu"
COL_YEAR = "Năm rà soát"
COL_INCOME = "Thu nhập bình quân đầu người (đồng/tháng)"
COL_NO_LABOUR = "Không có khả năng lao động"
COL_ETHNIC = "Dân tộc thiểu số"
COL_CAUSES = "Nguyên nhân nghèo"
# Written by the export, ignored by the import (the category is always recomputed).
COL_CATEGORY = "Phân loại"
COL_STATUS = "Trạng thái"
COL_MOVEMENT = "Biến động"

HEAD_COLUMNS = (COL_CODE, COL_HEAD, COL_COMMUNE, COL_VILLAGE, COL_AREA, COL_MEMBERS, COL_YEAR, COL_INCOME)
TAIL_COLUMNS = (COL_NO_LABOUR, COL_ETHNIC, COL_CAUSES)
EXPORT_ONLY_COLUMNS = (COL_CATEGORY, COL_STATUS, COL_MOVEMENT)
REQUIRED_COLUMNS = (COL_CODE, COL_HEAD, COL_YEAR, COL_INCOME)

AREA_LABELS = {AreaType.RURAL: "Nông thôn", AreaType.URBAN: "Thành thị"}
CAUSE_SEPARATOR = ";"
MARK = "x"


@lru_cache(maxsize=4096)
def header_key(text) -> str:
    """Comparison key of a header or label: no diacritics (đ → d), no case, no whitespace at all."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", "", text.casefold())


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


AREA_KEYS = {header_key(label): area for area, label in AREA_LABELS.items()}
AREA_KEYS.update({header_key(area.value): area for area in AreaType})


@dataclass
class Columns:
    """Where each column of the contract is in the file (0-based indexes)."""

    index: dict[str, int]  # contract column → 0-based index
    indicators: dict[str, int]  # header key of an indicator name → index
    headers: dict[int, str]  # index → header text as written
    ignored: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max(self.headers) + 1 if self.headers else 1

    def letter(self, name: str) -> str:
        """Excel letter of a contract column, "" when the file has no such column."""
        return column_letter(self.index[name]) if name in self.index else ""


def map_header(cells, indicator_keys) -> tuple[Columns, list[ImportFault]]:
    """The header row → Columns; a repeated header is a fault. ``indicator_keys``: header keys of indicator names."""
    from .cells import cell_text

    contract = {header_key(c): c for c in HEAD_COLUMNS + TAIL_COLUMNS}
    export_only = {header_key(c) for c in EXPORT_ONLY_COLUMNS}
    columns = Columns({}, {}, {}, [])
    faults = []
    seen: dict[str, int] = {}
    for index, value in enumerate(cells):
        text = cell_text(value)
        if not text:
            continue
        key = header_key(text)
        columns.headers[index] = text
        if key in seen:
            faults.append(ImportFault(None, text, column_letter(index),
                                      f"Tiêu đề cột bị lặp (đã có ở cột {column_letter(seen[key])})."))
            continue
        seen[key] = index
        if key in contract:
            columns.index[contract[key]] = index
        elif key in indicator_keys:
            columns.indicators[key] = index
        elif key not in export_only:
            columns.ignored.append(text)
    return columns, faults


def missing_column_faults(columns: Columns, *, commune_given: bool) -> list[ImportFault]:
    missing = [c for c in REQUIRED_COLUMNS if c not in columns.index]
    if not commune_given and COL_COMMUNE not in columns.index:
        missing.append(COL_COMMUNE)
    faults = []
    for name in missing:
        extra = " (hoặc chọn xã khi nhập)" if name == COL_COMMUNE else ""
        faults.append(ImportFault(None, name, "", f"Thiếu cột bắt buộc “{name}”{extra}."))
    return faults
