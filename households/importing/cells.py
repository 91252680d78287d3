"""Cell values → Python values. Each raises ``CellError`` with a Vietnamese reason."""

from __future__ import annotations

import re

from directory.lenient import LenientChoices, NoMatch
from directory.text import clean_text

from .columns import MARK
from .faults import CellError

# A neutralised formula-like text (see excel.safe_cell) is read back without its quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value) -> str:
    """The cell as clean text (``directory.text.clean_text``: NFC, no control or invisible characters)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in FORMULA_PREFIXES:
        value = value[1:]
    return clean_text(value)


_INT_TEXT = re.compile(r"^-?\d{1,3}(?:[.,\s]\d{3})+$|^-?\d+$")


def cell_int(value, *, what: str) -> int | None:
    """A whole number from a numeric cell or text like "1.500.000"; None when blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(f"{what} phải là số, không phải “{value}”.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"{what} phải là số nguyên, không phải {value}.")
        return int(value)
    text = str(value).replace("\u00a0", " ").strip()
    if not _INT_TEXT.match(text):
        raise CellError(f"{what} phải là số nguyên, không phải “{text}”.")
    return int(re.sub(r"[.,\s]", "", text))


# A mark (an indicator's value, "không có khả năng lao động", "dân tộc thiểu số"), read by the one lenient rule:
# its code (x, 1 / 0), its name (Có / Không) in any case or diacritics, or a unique prefix ("c", "khong").
FLAG_CHOICES = LenientChoices([True, False], name=lambda flag: "Có" if flag else "Không",
                              codes=lambda flag: [MARK, "1"] if flag else ["0"], what="giá trị đánh dấu")
_FLAG_REFUSED = "Giá trị “{}” không hợp lệ: chỉ ghi x, 1, 0, Có, Không hoặc để trống."


def cell_flag(value) -> bool:
    """x, X, 1 or "có" = yes; blank, 0 or "không" = no (``FLAG_CHOICES``); anything else is a fault."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise CellError(_FLAG_REFUSED.format(cell_text(value)))
    text = cell_text(value).strip()
    if not text:
        return False
    try:
        return FLAG_CHOICES.match(text)
    except NoMatch as exc:
        raise CellError(_FLAG_REFUSED.format(text)) from exc
