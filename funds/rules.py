"""The rules of programme funds, as pure functions (no database): amounts, the over-allocation rule, rates.

Every way in (model ``clean``, services, forms, the Excel import) calls these, so the rule reads the same
everywhere: the disbursements of an allocation may add up to more than the allocation only when a note says
why (a top-up decided later, an advance settled next year...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MAX_AMOUNT = 10**15  # 1.000.000 tỷ đồng: far above any programme line, far below BIGINT


def money(value) -> str:
    """1234567 -> "1.234.567" (Vietnamese thousands separator); None -> ""."""
    if value is None:
        return ""
    value = int(value)
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


class AmountError(ValueError):
    """Not a whole amount of đồng; ``str()`` says why in Vietnamese."""


_GROUPED = re.compile(r"\d{1,3}([.\s\u00a0]\d{3})+")


def parse_amount(value) -> int | None:
    """A typed or imported amount as whole đồng: 1234567, "1.234.567", "1 234 567", 1234567.0; blank -> None.

    Refused: fractions of a đồng, negative amounts, text, more than ``MAX_AMOUNT``.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError("không phải là số tiền.")
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise AmountError(f"“{value}” có phần lẻ; số tiền ghi bằng đồng, số nguyên.")
        amount = int(value)
    elif isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise AmountError(f"“{value}” có phần lẻ; số tiền ghi bằng đồng, số nguyên.")
        amount = int(value)
    else:
        text = str(value).strip().removesuffix("đồng").removesuffix("đ").strip()
        if text in ("", "-", "–"):
            return None
        if re.fullmatch(r"\d+", text):
            amount = int(text)
        elif _GROUPED.fullmatch(text):
            amount = int(re.sub(r"[.\s\u00a0]", "", text))
        elif re.fullmatch(r"-\s*[\d.\s]+", text):
            raise AmountError(f"“{text}” là số âm; số tiền không được âm.")
        else:
            raise AmountError(f"“{text}” không phải là số tiền (ghi số đồng, ví dụ 1.250.000.000).")
    if amount < 0:
        raise AmountError(f"“{money(amount)}” là số âm; số tiền không được âm.")
    if amount > MAX_AMOUNT:
        raise AmountError(f"“{money(amount)}” lớn quá mức cho phép ({money(MAX_AMOUNT)} đồng).")
    return amount


@dataclass
class OverAllocation(Exception):
    """Disbursement above the allocation with no note; ``reason`` is the Vietnamese message."""

    reason: str

    def __str__(self):
        return self.reason


def check_within_allocation(*, allocated: int, disbursed: int, note: str) -> None:
    """Raise ``OverAllocation`` when ``disbursed`` (the allocation's total) exceeds ``allocated`` and no note."""
    if disbursed > allocated and not (note or "").strip():
        raise OverAllocation(
            f"Tổng giải ngân {money(disbursed)} đồng vượt số phân bổ {money(allocated)} đồng "
            f"({money(disbursed - allocated)} đồng); phải ghi lý do ở ô Ghi chú.")


def rate(disbursed: int | None, allocated: int | None) -> Decimal | None:
    """Disbursement as a percentage of allocation with two decimals (None when nothing was allocated)."""
    if not allocated:
        return None
    return (Decimal(disbursed or 0) * 100 / Decimal(allocated)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rate_label(value: Decimal | None) -> str:
    """12.5 -> "12,50%"; None -> "—"."""
    if value is None:
        return "—"
    return f"{value:.2f}".replace(".", ",") + "%"


def quarters_of(kind: str, number: int) -> tuple[int, ...]:
    """The quarters a reporting period covers (reports.periods kinds)."""
    if kind == "year":
        return (1, 2, 3, 4)
    if kind == "half":
        return (1, 2) if number == 1 else (3, 4)
    if kind == "quarter":
        return (number,)
    if kind == "month":
        return ((number - 1) // 3 + 1,)
    raise ValueError(kind)
