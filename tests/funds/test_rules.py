from decimal import Decimal

import pytest

from funds import rules


@pytest.mark.parametrize("raw, expected", [
    (1234567, 1234567), ("1.234.567", 1234567), ("1 234 567", 1234567), (1234567.0, 1234567), ("", None),
    (None, None), ("-", None), ("250000000 đồng", 250000000),
])
def test_amounts_are_whole_dong_with_vietnamese_separators(raw, expected):
    assert rules.parse_amount(raw) == expected


@pytest.mark.parametrize("raw, reason", [
    ("1,5", "không phải là số tiền"), (12.5, "phần lẻ"), ("-200", "số âm"), (-5, "số âm"), ("mười triệu", "không phải"),
    (10**16, "lớn quá mức"),
])
def test_bad_amounts_are_refused_in_vietnamese(raw, reason):
    with pytest.raises(rules.AmountError, match=reason):
        rules.parse_amount(raw)


def test_money_and_rate_read_like_the_offices_write_them():
    assert rules.money(1234567) == "1.234.567"
    assert rules.rate(1, 3) == Decimal("33.33") and rules.rate_label(Decimal("33.33")) == "33,33%"
    assert rules.rate(5, 0) is None and rules.rate_label(None) == "—"


def test_disbursement_above_allocation_needs_a_note():
    rules.check_within_allocation(allocated=100, disbursed=100, note="")
    rules.check_within_allocation(allocated=100, disbursed=120, note="Bổ sung theo QĐ 55")
    with pytest.raises(rules.OverAllocation, match="vượt số phân bổ 100 đồng"):
        rules.check_within_allocation(allocated=100, disbursed=120, note="  ")


def test_quarters_of_the_reporting_periods():
    assert rules.quarters_of("half", 1) == (1, 2) and rules.quarters_of("half", 2) == (3, 4)
    assert rules.quarters_of("year", 1) == (1, 2, 3, 4)
