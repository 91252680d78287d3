"""The classification: every boundary of the three seeded standards, plus the pure function itself."""

import pytest

from directory.models import AreaType
from households.classification import (
    NoStandardError,
    RuleData,
    StandardSnapshot,
    classify,
    list_year_of,
    snapshot_for_review,
    standard_for_list_year,
    standard_for_review,
)
from households.models import Category, Indicator, ReviewRound

pytestmark = pytest.mark.django_db

R, U = AreaType.RURAL, AreaType.URBAN
POOR, NEAR, AVG, NOT = Category.POOR, Category.NEAR_POOR, Category.AVERAGE, Category.NOT_POOR

PERIODIC, REGULAR, AD_HOC = ReviewRound.PERIODIC, ReviewRound.REGULAR, ReviewRound.AD_HOC

# Boundaries per LIST year (a regular review of year N decides the lists of N).
CASES = [
    # Decision 59/2015 (2016–2020, also 2021): poor below the lower line whatever the deprivations.
    (2016, R, 0, 0, POOR),
    (2018, R, 700_000, 0, POOR),
    (2018, R, 700_001, 0, NEAR),
    (2018, R, 700_001, 2, NEAR),
    (2018, R, 700_001, 3, POOR),
    (2018, R, 1_000_000, 2, NEAR),
    (2018, R, 1_000_000, 3, POOR),
    (2018, R, 1_000_001, 3, AVG),
    (2018, R, 1_000_001, 10, AVG),
    (2018, R, 1_500_000, 0, AVG),
    (2018, R, 1_500_001, 0, NOT),
    (2020, U, 900_000, 0, POOR),
    (2020, R, 900_000, 0, NEAR),  # the same income is only near-poor in the countryside
    (2020, U, 900_001, 2, NEAR),
    (2020, U, 900_001, 3, POOR),
    (2020, U, 1_300_000, 3, POOR),
    (2020, U, 1_300_001, 3, AVG),
    (2020, U, 1_950_000, 0, AVG),
    (2020, U, 1_950_001, 0, NOT),
    (2021, R, 700_000, 0, POOR),  # 2021 still used Decision 59/2015
    (2021, R, 1_000_001, 3, AVG),
    # Decree 07/2021 (2022–2025, also 2026): at or below the line, ≥3 deprivations = poor.
    (2022, R, 0, 0, NEAR),
    (2022, R, 1_500_000, 2, NEAR),
    (2022, R, 1_500_000, 3, POOR),
    (2024, R, 1_500_001, 3, AVG),
    (2024, R, 1_500_001, 12, AVG),
    (2024, R, 2_250_000, 0, AVG),
    (2024, R, 2_250_001, 0, NOT),
    (2024, U, 1_500_001, 3, POOR),  # poor in town, average in the countryside
    (2024, U, 2_000_000, 2, NEAR),
    (2024, U, 2_000_000, 3, POOR),
    (2025, U, 2_000_001, 3, AVG),
    (2025, U, 3_000_000, 0, AVG),
    (2025, U, 3_000_001, 0, NOT),
    (2025, R, 2_000_000, 3, AVG),
    (2026, R, 1_500_000, 3, POOR),  # 2026 still used Decree 07/2021
    (2026, R, 1_500_001, 3, AVG),
    # Decree 351/2025 (2027–2030): 2.200.000 rural, 2.800.000 urban.
    (2027, R, 2_200_000, 2, NEAR),
    (2027, R, 2_200_000, 3, POOR),
    (2027, R, 2_200_001, 3, AVG),
    (2027, R, 3_300_000, 0, AVG),
    (2027, R, 3_300_001, 0, NOT),
    (2030, U, 2_200_001, 3, POOR),
    (2030, U, 2_800_000, 2, NEAR),
    (2030, U, 2_800_000, 3, POOR),
    (2030, U, 2_800_001, 3, AVG),
    (2030, U, 4_200_000, 0, AVG),
    (2030, U, 4_200_001, 0, NOT),
]


@pytest.mark.parametrize("year, area, income, deprivations, expected", CASES)
def test_seeded_standards_classify_every_boundary(year, area, income, deprivations, expected):
    assert classify(snapshot_for_review(REGULAR, year), area, income, deprivations) == expected
    # the periodic review of the year before decides the same lists with the same standard
    assert classify(snapshot_for_review(PERIODIC, year - 1), area, income, deprivations) == expected


@pytest.mark.parametrize("round_, year, code", [
    # a periodic review made in N sets the lists of N+1: the standard in force on 1 January N+1
    (PERIODIC, 2015, "qd59-2015"),
    (PERIODIC, 2016, "qd59-2015"),
    (PERIODIC, 2020, "qd59-2015"),
    (PERIODIC, 2021, "nd07-2021"),
    (PERIODIC, 2025, "nd07-2021"),
    (PERIODIC, 2026, "nd351-2025"),
    (PERIODIC, 2029, "nd351-2025"),
    # a regular or ad-hoc review made in N uses the standard in force in N
    (REGULAR, 2021, "qd59-2015"),
    (REGULAR, 2022, "nd07-2021"),
    (REGULAR, 2026, "nd07-2021"),
    (REGULAR, 2027, "nd351-2025"),
    (AD_HOC, 2021, "qd59-2015"),
    (AD_HOC, 2026, "nd07-2021"),
    (AD_HOC, 2027, "nd351-2025"),
])
def test_standard_follows_the_round(round_, year, code):
    assert standard_for_review(round_, year).code == code


def test_list_year_of_each_round():
    assert list_year_of(PERIODIC, 2026) == 2027
    assert list_year_of(REGULAR, 2026) == 2026
    assert list_year_of(AD_HOC, 2026) == 2026


@pytest.mark.parametrize("round_, year", [(PERIODIC, 2014), (PERIODIC, 2030), (REGULAR, 2015), (REGULAR, 2031)])
def test_a_round_without_standard_is_an_error_naming_year_and_round(round_, year):
    with pytest.raises(NoStandardError, match=str(year)) as error:
        standard_for_review(round_, year)
    assert {PERIODIC: "rà soát định kỳ", REGULAR: "rà soát thường xuyên"}[round_] in str(error.value)


def test_standards_are_stored_as_list_years_and_named_with_their_decree():
    assert standard_for_list_year(2027).label == "Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP"
    assert standard_for_list_year(2026).label == "Chuẩn nghèo giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP"
    assert standard_for_list_year(2021).label == "Chuẩn nghèo giai đoạn 2016–2020, Quyết định 59/2015/QĐ-TTg"
    assert [(s.first_list_year, s.last_list_year) for s in standard_for_list_year(2016)._meta.model.objects.all()] \
        == [(2016, 2021), (2022, 2026), (2027, 2030)]


def test_issue_11_examples():
    # the 2026 periodic review (lists of 2027) uses Decree 351: rural line 2.200.000
    assert classify(snapshot_for_review(PERIODIC, 2026), R, 2_100_000, 3) == POOR
    assert classify(snapshot_for_review(PERIODIC, 2026), R, 2_250_000, 3) not in (POOR, NEAR)
    # the 2021 periodic review (lists of 2022) uses Decree 07: 1.400.000 rural with 3 deprivations is poor
    assert classify(snapshot_for_review(PERIODIC, 2021), R, 1_400_000, 3) == POOR


def test_decree_07_indicators_are_the_twelve_named_in_six_dimensions():
    standard = standard_for_list_year(2024)
    names = list(Indicator.objects.filter(standard=standard).order_by("order").values_list("name", flat=True))
    assert names == [
        "Việc làm", "Người phụ thuộc trong hộ gia đình", "Dinh dưỡng", "Bảo hiểm y tế",
        "Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em", "Chất lượng nhà ở",
        "Diện tích nhà ở bình quân đầu người", "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh",
        "Sử dụng dịch vụ viễn thông", "Phương tiện phục vụ tiếp cận thông tin",
    ]
    assert standard.dimensions.count() == 6


def test_unknown_parts_of_decree_351_are_marked_unverified():
    standard = standard_for_list_year(2028)
    assert not standard.is_verified
    assert standard.indicators.filter(code="rac_thai", is_verified=False).exists()
    assert not standard.indicators.filter(code="phuong_tien_thong_tin").exists()
    # digital services/internet replaces the means of information; waste joins water and sanitation
    digital = standard.indicators.get(code="dich_vu_so")
    assert digital.dimension.name == "Thông tin" and not digital.is_verified
    assert standard.indicators.get(code="rac_thai").dimension.name == "Nước sinh hoạt, vệ sinh và môi trường"
    assert standard.income_lines.get(area=R, kind="average").is_verified is False
    assert standard.income_lines.get(area=R, kind="poverty").amount == 2_200_000


def test_editing_a_line_moves_the_rules_that_use_it():
    # given a province raises its rural line for 2024 (data, not code)
    standard = standard_for_list_year(2024)
    standard.income_lines.filter(area=R, kind="poverty").update(amount=1_600_000)
    # then the same household is now poor
    assert classify(snapshot_for_review(REGULAR, 2024), R, 1_550_000, 3) == POOR


def _snapshot(rules, lines):
    return StandardSnapshot(None, "t", lines, tuple(rules))


def test_pure_function_first_matching_rule_wins_and_default_is_not_poor():
    rules = [RuleData(1, "", "", "poverty", 3, None, POOR), RuleData(2, "", "", "poverty", None, None, NEAR)]
    snap = _snapshot(rules, {(R, "poverty"): 100})
    assert classify(snap, R, 100, 3) == POOR
    assert classify(snap, R, 100, 0) == NEAR
    assert classify(snap, R, 101, 9) == NOT


def test_pure_function_rule_naming_a_missing_line_never_matches():
    rules = [RuleData(1, "", "", "average", None, None, AVG)]
    assert classify(_snapshot(rules, {(R, "poverty"): 100}), R, 50, 0) == NOT


def test_pure_function_area_specific_rule():
    rules = [RuleData(1, U, "", "", None, None, POOR)]
    snap = _snapshot(rules, {})
    assert classify(snap, U, 10**9, 0) == POOR
    assert classify(snap, R, 0, 0) == NOT


@pytest.mark.parametrize("income, deprivations", [(-1, 0), (0, -1)])
def test_pure_function_rejects_negative_input(income, deprivations):
    with pytest.raises(ValueError):
        classify(_snapshot([], {}), R, income, deprivations)
