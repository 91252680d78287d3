"""Excel import/export of review lists (issue 4, point 8): real .xlsx files written and read with openpyxl."""

from __future__ import annotations

import io
from unittest import mock

import openpyxl
import pytest
from django.core.management import ManagementUtility, call_command
from django.urls import reverse

from directory.sheets import COUNT, MONEY
from households.exporting import export_reviews, reviews_for_export
from households.importing import ImportRejected, header_key, import_reviews
from households.models import (
    Category,
    HistoryEntry,
    Household,
    Indicator,
    PovertyCause,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewStatus,
)
from households.signals import reviews_changed
from tests.print_checks import assert_number_formats, assert_print_ready

from .factories import HouseholdFactory, make_review

pytestmark = pytest.mark.django_db

# The indicator columns as the issue names them (Decree 07/2021), in the standard's order.
INDICATORS = [
    "Việc làm", "Người phụ thuộc trong hộ gia đình", "Dinh dưỡng", "Bảo hiểm y tế",
    "Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em", "Chất lượng nhà ở",
    "Diện tích nhà ở bình quân đầu người", "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông", "Phương tiện phục vụ tiếp cận thông tin",
]
HEADER = ["Mã hộ", "Họ và tên chủ hộ", "Xã", "Thôn", "Khu vực", "Số nhân khẩu", "Năm rà soát",
          "Thu nhập bình quân đầu người (đồng/tháng)", *INDICATORS,
          "Không có khả năng lao động", "Dân tộc thiểu số", "Nguyên nhân nghèo"]
TITLE_ROWS = 3  # title, unit, blank: the header is on row 4, data from row 5
FIRST = TITLE_ROWS + 2


def row(code="XB100", head="Lê Văn Một", commune="15547", village="Thôn 1", area="Nông thôn", members=4,
        year=2024, income=1_200_000, deprived=(), no_labour=None, ethnic=None, causes=None, **cells):
    """A data row as a {header: value} dict; ``deprived`` = indicator names (or their positions)."""
    values = {"Mã hộ": code, "Họ và tên chủ hộ": head, "Xã": commune, "Thôn": village, "Khu vực": area,
              "Số nhân khẩu": members, "Năm rà soát": year, "Thu nhập bình quân đầu người (đồng/tháng)": income,
              "Không có khả năng lao động": no_labour, "Dân tộc thiểu số": ethnic, "Nguyên nhân nghèo": causes}
    for item in deprived:
        values[INDICATORS[item] if isinstance(item, int) else item] = "x"
    values.update(cells)
    return values


def write_xlsx(path, rows, header=HEADER, *, title_rows=TITLE_ROWS):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for number in range(title_rows):
        sheet.append(["DANH SÁCH HỘ NGHÈO, CẬN NGHÈO" if number == 0 else None])
    sheet.append(header)
    keys = [header_key(h) for h in header]
    for values in rows:
        by_key = {header_key(k): v for k, v in values.items()}
        sheet.append([by_key.get(key) for key in keys])
    workbook.save(path)
    return path


def read_xlsx(source):
    workbook = openpyxl.load_workbook(source)
    return list(workbook.active.iter_rows(values_only=True))


def db_state():
    """Everything an import may touch, to prove a rejected file leaves the database as it was."""
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through
    return (
        list(Household.objects.order_by("pk").values_list("pk", "code", "head_name", "village", "area",
                                                         "member_count", "is_ethnic_minority",
                                                         "has_labour_capacity", "version")),
        list(Review.objects.order_by("pk").values_list("pk", "year", "income_per_capita", "category", "status",
                                                      "version")),
        list(through_i.objects.order_by("pk").values_list("review_id", "indicator_id")),
        list(through_c.objects.order_by("pk").values_list("review_id", "povertycause_id")),
        HistoryEntry.objects.count(), ReviewEvent.objects.count(),
    )


def review_snapshot(commune):
    """The imported content of every review of a commune, keyed by (household code, year)."""
    result = {}
    for review in (Review.objects.filter(commune=commune).select_related("household")
                   .prefetch_related("deprived_indicators", "causes")):
        hh = review.household
        result[(hh.code, review.year)] = (
            hh.head_name, hh.village, hh.area, hh.member_count, hh.is_ethnic_minority, review.area,
            review.income_per_capita, review.has_labour_capacity, review.category, review.status,
            sorted(i.name for i in review.deprived_indicators.all()), sorted(c.name for c in review.causes.all()),
        )
    return result


@pytest.fixture
def signals_sent():
    calls = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    reviews_changed.connect(receiver)
    yield calls
    reviews_changed.disconnect(receiver)


# --------------------------------------------------------------------------- the contract


def test_seeded_indicator_names_are_the_contract_column_names():
    names = list(Indicator.objects.filter(standard__code="nd07-2021").order_by("order").values_list("name", flat=True))
    assert names == INDICATORS


def test_clean_file_creates_households_and_draft_reviews_with_computed_category(
        tmp_path, commune_a, commune_a_user, signals_sent, django_capture_on_commit_callbacks):
    # given: one row per category; the file's "Phân loại" is wrong on purpose and must be ignored
    path = write_xlsx(tmp_path / "xuan-bai-2024.xlsx", [
        row(code="XB1", income=1_200_000, deprived=(0, 3, 6), causes="Thiếu vốn sản xuất; thiếu dat san xuat",
            no_labour="x", ethnic="X", **{"Phân loại": "Hộ không nghèo"}),
        row(code="XB2", income=1_500_000, deprived=(3,), members=2),
        row(code="XB3", income=1_500_001, deprived=(0, 1, 2, 3)),
        row(code="XB4", income="2.250.001", deprived=(), village="Thôn 3", area=None),
    ], header=[*HEADER, "Phân loại"])

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = import_reviews(path, acting_user=commune_a_user)

    # then
    assert (result.rows, result.households_created, result.reviews_created) == (4, 4, 4)
    reviews = {r.household.code: r for r in Review.objects.select_related("household")}
    assert {code: r.category for code, r in reviews.items()} == {
        "XB1": Category.POOR, "XB2": Category.NEAR_POOR, "XB3": Category.AVERAGE, "XB4": Category.NOT_POOR}
    assert all(r.status == ReviewStatus.DRAFT and r.created_by == commune_a_user for r in reviews.values())
    xb1 = reviews["XB1"]
    assert xb1.deprivation_count == 3 and xb1.commune == commune_a and xb1.effective_date.isoformat() == "2024-12-14"
    assert sorted(c.code for c in xb1.causes.all()) == ["thieu_dat", "thieu_von"]
    assert xb1.has_labour_capacity is False
    assert xb1.household.is_ethnic_minority and not xb1.household.has_labour_capacity
    assert reviews["XB2"].household.member_count == 2
    assert reviews["XB4"].household.area == commune_a.area  # blank "Khu vực": the commune's area
    assert ReviewEvent.objects.filter(action=ReviewAction.IMPORTED).count() == 4
    assert HistoryEntry.objects.filter(household=xb1.household, comment__contains="xuan-bai-2024.xlsx, dòng 5").exists()
    assert signals_sent == [{"signal": reviews_changed, "commune_ids": {commune_a.pk}, "years": {2024}}]


def test_headers_match_ignoring_case_spacing_diacritics_and_order(tmp_path, commune_a, commune_a_user):
    # given: headers as a person might type them, shuffled, with extra columns and title rows
    def mangle(text):
        import unicodedata

        bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        return "  " + bare.replace("đ", "d").replace("Đ", "D").upper().replace(" ", "   ") + " "

    header = ["STT", *reversed([mangle(h) for h in HEADER]), "Ghi chú"]
    path = write_xlsx(tmp_path / "lon-xon.xlsx", [
        {**row(code="XB7", income=1_000_000, deprived=(1, 2, 4)), "STT": 1, "Ghi chú": "hộ mới"},
    ], header=header, title_rows=6)

    # when
    result = import_reviews(path, acting_user=commune_a_user)

    # then
    review = Review.objects.get(household__code="XB7")
    assert review.category == Category.POOR and review.deprivation_count == 3
    assert result.ignored_columns == ["STT", "Ghi chú"]


def test_commune_option_fills_rows_without_commune_column(tmp_path, commune_a, district_staff):
    header = [h for h in HEADER if h != "Xã"]
    path = write_xlsx(tmp_path / "khong-cot-xa.xlsx", [row(code="XB8")], header=header)

    import_reviews(path, acting_user=district_staff, commune=commune_a)

    assert Household.objects.get(code="XB8").commune == commune_a


def test_multi_year_file_keeps_one_household_with_the_latest_details(tmp_path, commune_a, district_staff):
    path = write_xlsx(tmp_path / "hai-nam.xlsx", [
        row(code="XB9", head="Tên mới 2024", year=2024, income=2_000_000),
        row(code="XB9", head="Tên cũ 2023", year=2023, income=1_000_000, deprived=(0, 1, 2)),
    ])

    result = import_reviews(path, acting_user=district_staff, approve=True)

    household = Household.objects.get(code="XB9")
    assert result.households_created == 1 and household.reviews.count() == 2
    assert household.head_name == "Tên mới 2024"
    assert (household.current_category, household.current_year) == (Category.AVERAGE, 2024)


# --------------------------------------------------------------------------- bad rows


BAD_ROWS = [
    ("missing head", {"head": None}, "Họ và tên chủ hộ", "Thiếu họ và tên chủ hộ"),
    ("missing code", {"code": "  "}, "Mã hộ", "Thiếu mã hộ"),
    ("missing year", {"year": None}, "Năm rà soát", "Thiếu năm rà soát"),
    ("year without standard", {"year": 1999}, "Năm rà soát", "Không có chuẩn nghèo"),
    ("missing income", {"income": None}, "Thu nhập bình quân đầu người (đồng/tháng)", "Thiếu thu nhập"),
    ("negative income", {"income": -5}, "Thu nhập bình quân đầu người (đồng/tháng)", "không được âm"),
    ("income not a number", {"income": "một triệu"}, "Thu nhập bình quân đầu người (đồng/tháng)", "số nguyên"),
    ("unknown commune", {"commune": "Xã Không Có"}, "Xã", "Không tìm thấy đơn vị"),
    ("commune outside scope", {"commune": "15541"}, "Xã", "không thuộc địa bàn của bạn"),
    ("unknown cause", {"causes": "Thiếu vốn sản xuất; Do số phận"}, "Nguyên nhân nghèo",
     "Không có nguyên nhân nghèo “Do số phận”"),
    ("indicator mark unknown", {"Việc làm": "có lẽ"}, "Việc làm", "chỉ ghi x, 1, 0, Có, Không hoặc để trống"),
    ("flag not x/1/0", {"no_labour": 2}, "Không có khả năng lao động", "chỉ ghi x, 1, 0, Có, Không hoặc để trống"),
    ("unknown area", {"area": "Miền núi"}, "Khu vực", "Nông thôn"),
    ("member count zero", {"members": 0}, "Số nhân khẩu", "từ 1 đến 50"),
    ("duplicate household-year", {"code": "XB001"}, "Mã hộ", "hai dòng cho năm 2024"),
]


@pytest.mark.parametrize(("case", "bad", "column", "reason"), BAD_ROWS, ids=[c[0] for c in BAD_ROWS])
def test_each_kind_of_bad_row_rejects_the_file_with_its_row_and_leaves_data_unchanged(
        tmp_path, commune_a, commune_b, commune_a_user, household_a, case, bad, column, reason):
    # given: an existing draft the file would update, and a file whose third data row is bad
    make_review(household_a, year=2024, income=1_000_000, deprived=3)
    before = db_state()
    path = write_xlsx(tmp_path / "loi.xlsx", [
        row(code="XB001", head="Lê Văn Bái đổi tên", income=3_000_000),
        row(code="XB200"),
        row(**{"code": "XB201", **bad}),
    ])

    # when
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user)

    # then: the fault names the Excel row, the column and the reason; nothing was written
    faults = rejected.value.faults
    assert len(faults) == 1, rejected.value.messages
    fault = faults[0]
    assert (fault.row, fault.column) == (FIRST + 2, column)
    assert reason in fault.message
    assert f"Dòng {FIRST + 2}, cột" in str(fault)
    assert db_state() == before


def test_every_fault_of_every_row_is_listed(tmp_path, commune_a, commune_a_user):
    path = write_xlsx(tmp_path / "nhieu-loi.xlsx", [
        row(code="A1", income=-1),
        row(code="A2"),
        row(code="A3", head=None, causes="Không rõ"),
        row(code="A2"),
    ])

    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user)

    assert [(f.row, f.column) for f in rejected.value.faults] == [
        (FIRST, "Thu nhập bình quân đầu người (đồng/tháng)"),
        (FIRST + 2, "Họ và tên chủ hộ"),
        (FIRST + 2, "Nguyên nhân nghèo"),
        (FIRST + 3, "Mã hộ"),
    ]
    assert Household.objects.count() == 0


def test_missing_columns_are_faults_of_the_file(tmp_path, commune_a, commune_a_user):
    header = [h for h in HEADER if h not in ("Năm rà soát", "Dinh dưỡng")]
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(write_xlsx(tmp_path / "thieu-cot.xlsx", [row()], header=header), acting_user=commune_a_user)
    assert rejected.value.messages == ["cột “Năm rà soát”: Thiếu cột bắt buộc “Năm rà soát”."]

    header = [h for h in HEADER if h != "Dinh dưỡng"]
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(write_xlsx(tmp_path / "thieu-chi-so.xlsx", [row()], header=header), acting_user=commune_a_user)
    assert len(rejected.value.faults) == 1
    assert "Thiếu cột chỉ số thiếu hụt “Dinh dưỡng”" in rejected.value.messages[0]


def test_indicator_of_another_standard_is_a_fault(tmp_path, commune_a, commune_a_user):
    # "Tiếp cận các dịch vụ y tế" belongs to the 2016–2020 standard only
    header = [*HEADER, "Tiếp cận các dịch vụ y tế"]
    path = write_xlsx(tmp_path / "chi-so-cu.xlsx", [row(**{"Tiếp cận các dịch vụ y tế": "x"})], header=header)
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user)
    assert "không phải chỉ số của chuẩn nghèo năm 2024" in rejected.value.messages[0]


def test_only_xlsx_within_the_size_limit(tmp_path, settings, commune_a, commune_a_user):
    csv = tmp_path / "ds.csv"
    csv.write_text("Mã hộ\n")
    with pytest.raises(ImportRejected, match="1 lỗi") as rejected:
        import_reviews(csv, acting_user=commune_a_user)
    assert "không phải tệp Excel .xlsx" in rejected.value.messages[0]

    fake = tmp_path / "gia.xlsx"
    fake.write_text("không phải zip")
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(fake, acting_user=commune_a_user)
    assert "không phải bảng tính .xlsx hợp lệ" in rejected.value.messages[0]

    settings.IMPORT_MAX_FILE_SIZE = 1000
    big = write_xlsx(tmp_path / "lon.xlsx", [row()])
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(big, acting_user=commune_a_user)
    assert "vượt giới hạn" in rejected.value.messages[0]


def test_file_without_header_row(tmp_path, commune_a_user):
    path = write_xlsx(tmp_path / "khong-tieu-de.xlsx", [], header=["Số", "Tên"])
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user)
    assert "không có ô “Mã hộ”" in rejected.value.messages[0]


# --------------------------------------------------------------------------- re-import, approval, locks


def test_reimport_updates_a_draft_and_records_old_and_new_values(tmp_path, commune_a, commune_a_user):
    import_reviews(write_xlsx(tmp_path / "v1.xlsx", [row(code="XB300", income=1_000_000, deprived=(0, 1, 2))]),
                   acting_user=commune_a_user)
    review = Review.objects.get()
    assert review.category == Category.POOR

    result = import_reviews(write_xlsx(tmp_path / "v2.xlsx", [
        row(code="XB300", income=1_800_000, deprived=(0,), village="Thôn 9")]), acting_user=commune_a_user)

    review.refresh_from_db()
    assert (result.reviews_created, result.reviews_updated, result.households_updated) == (0, 1, 1)
    assert (review.category, review.income_per_capita, review.deprivation_count) == (Category.AVERAGE, 1_800_000, 1)
    assert review.version == 2 and review.status == ReviewStatus.DRAFT
    changes = {h.field: (h.old_value, h.new_value) for h in HistoryEntry.objects.filter(action="update")}
    assert changes["income_per_capita"] == ("1.000.000", "1.800.000")
    assert changes["category"] == ("Hộ nghèo", "Hộ có mức sống trung bình")
    assert changes["village"] == ("Thôn 1", "Thôn 9")
    assert list(review.deprived_indicators.values_list("name", flat=True)) == ["Việc làm"]


def test_approve_records_approved_reviews_and_the_households_current_category(tmp_path, commune_a, district_staff):
    path = write_xlsx(tmp_path / "chinh-thuc.xlsx", [row(code="XB400", income=900_000, deprived=(0, 1, 2, 3))])

    result = import_reviews(path, acting_user=district_staff, approve=True)

    review = Review.objects.get()
    assert result.approved and review.status == ReviewStatus.APPROVED
    assert review.approved_by == district_staff and review.approved_at is not None
    assert review.household.current_category == Category.POOR and review.household.current_year == 2024


def test_approve_needs_the_communes_approver(tmp_path, commune_a, commune_a_user):
    path = write_xlsx(tmp_path / "chinh-thuc.xlsx", [row(code="XB401")])
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user, approve=True)
    assert "không phải cấp phê duyệt" in rejected.value.messages[0]
    assert not Review.objects.exists()


def test_approved_review_is_locked_unless_the_row_is_identical(tmp_path, commune_a, district_staff):
    import_reviews(write_xlsx(tmp_path / "v1.xlsx", [row(code="XB500", income=1_000_000, deprived=(0, 1, 2))]),
                   acting_user=district_staff, approve=True)
    before = db_state()

    same = import_reviews(write_xlsx(tmp_path / "v1-lai.xlsx", [
        row(code="XB500", income=1_000_000, deprived=(0, 1, 2))]), acting_user=district_staff)
    assert same.unchanged == 1 and db_state() == before

    with pytest.raises(ImportRejected) as rejected:
        import_reviews(write_xlsx(tmp_path / "v2.xlsx", [row(code="XB500", income=1_600_000)]),
                       acting_user=district_staff, approve=True)
    assert rejected.value.faults[0].row == FIRST
    assert "đã được phê duyệt nên bị khóa" in rejected.value.messages[0]
    assert db_state() == before


def test_submitted_review_waits_for_the_approver(tmp_path, commune_a, commune_a_user, district_staff, household_a):
    make_review(household_a, year=2024, income=1_000_000, status=ReviewStatus.SUBMITTED)
    path = write_xlsx(tmp_path / "de.xlsx", [row(code="XB001", income=1_300_000)])

    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user)
    assert "đang chờ phê duyệt" in rejected.value.messages[0]

    result = import_reviews(path, acting_user=district_staff, approve=True)
    assert result.reviews_updated == 1
    assert Review.objects.get().status == ReviewStatus.APPROVED


def test_older_list_does_not_overwrite_household_details_of_a_later_review(tmp_path, commune_a, district_staff,
                                                                          household_a):
    make_review(household_a, year=2024, income=3_000_000, status=ReviewStatus.APPROVED)
    path = write_xlsx(tmp_path / "2023.xlsx", [row(code="XB001", head="Tên năm 2023", year=2023)])

    import_reviews(path, acting_user=district_staff, approve=True)

    household_a.refresh_from_db()
    assert household_a.head_name == "Lê Văn Bái"
    assert household_a.current_year == 2024  # the 2024 review is still the latest


# --------------------------------------------------------------------------- export and the round trip


@pytest.fixture
def xuan_bai_lists(commune_a, commune_b, district_staff):
    """Xuân Bái: approved 2023 and 2024 lists with an escape, plus a 2024 draft; Thọ Lâm: one household."""
    poor = HouseholdFactory(code="XB010", commune=commune_a, head_name="=HYPERLINK(\"http://x\")", village="Thôn 2",
                            is_ethnic_minority=True, member_count=5)
    stays = HouseholdFactory(code="XB011", commune=commune_a, head_name="Trịnh Thị Hai", village="Thôn 3",
                             has_labour_capacity=False)
    draft = HouseholdFactory(code="XB012", commune=commune_a, head_name="Hoàng Văn Ba", village="-Thôn 4")
    other = HouseholdFactory(code="TL010", commune=commune_b, head_name="Phạm Văn Lâm")
    cause = PovertyCause.objects.get(code="thieu_von")
    make_review(poor, year=2023, income=1_000_000, deprived=4, status=ReviewStatus.APPROVED, causes=[cause])
    make_review(poor, year=2024, income=1_400_000, deprived=1, status=ReviewStatus.APPROVED, causes=[cause])
    make_review(stays, year=2023, income=1_100_000, deprived=3, status=ReviewStatus.APPROVED,
                has_labour_capacity=False)
    make_review(stays, year=2024, income=1_200_000, deprived=3, status=ReviewStatus.APPROVED,
                has_labour_capacity=False)
    make_review(draft, year=2024, income=2_600_000, deprived=0)
    make_review(other, year=2024, income=900_000, deprived=5, status=ReviewStatus.APPROVED)
    return poor, stays, draft, other


def test_export_has_the_import_columns_plus_category_status_and_movement(tmp_path, xuan_bai_lists, commune_a):
    output = tmp_path / "xuat.xlsx"

    count = export_reviews(unit=commune_a, year=2024, output=output)

    rows = read_xlsx(output)
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "Mã hộ")
    header = list(rows[header_at])
    assert header == [*HEADER, "Phân loại", "Trạng thái", "Biến động"]
    data = [dict(zip(header, r, strict=True)) for r in rows[header_at + 1:header_at + 1 + count]]
    assert count == 3 and [d["Mã hộ"] for d in data] == ["XB010", "XB011", "XB012"]
    assert rows[header_at + 1 + count] == (None,) * len(header)  # a blank line, then the signature block
    sheet = openpyxl.load_workbook(output).active
    assert_print_ready(sheet, landscape=True)
    assert sheet.print_title_rows == f"${header_at + 1}:${header_at + 1}"
    assert_number_formats(sheet, first_row=header_at + 2, formats={"F": COUNT, "H": MONEY})
    poor, stays, draft = data
    assert poor["Họ và tên chủ hộ"] == "'=HYPERLINK(\"http://x\")"  # neutralised: text, not a formula
    assert draft["Thôn"] == "'-Thôn 4"
    assert (poor["Xã"], poor["Khu vực"], poor["Năm rà soát"]) == ("Thọ Xuân/Xuân Bái", "Nông thôn", 2024)
    assert poor["Thu nhập bình quân đầu người (đồng/tháng)"] == 1_400_000
    assert (poor["Dân tộc thiểu số"], poor["Nguyên nhân nghèo"]) == ("x", "Thiếu vốn sản xuất")
    assert (poor["Phân loại"], poor["Trạng thái"], poor["Biến động"]) == ("Hộ cận nghèo", "Đã phê duyệt",
                                                                          "Thoát nghèo")
    assert [poor[name] for name in INDICATORS].count("x") == 1
    assert (stays["Phân loại"], stays["Biến động"], stays["Không có khả năng lao động"]) == ("Hộ nghèo", None, "x")
    assert (draft["Phân loại"], draft["Trạng thái"]) == ("Hộ không nghèo", "Nháp")
    cell = openpyxl.load_workbook(output).active.cell(row=header_at + 2, column=2)
    assert cell.data_type == "s"


def test_exported_file_imports_again_unchanged(tmp_path, xuan_bai_lists, commune_a, commune_a_user):
    output = tmp_path / "xuat.xlsx"
    export_reviews(unit=commune_a, year=2024, output=output, user=commune_a_user)
    before, content = db_state(), review_snapshot(commune_a)

    result = import_reviews(output, acting_user=commune_a_user)

    assert (result.rows, result.unchanged, result.reviews_updated, result.households_updated) == (3, 3, 0, 0)
    assert db_state() == before and review_snapshot(commune_a) == content


def test_exported_lists_load_into_an_empty_database_identically(tmp_path, xuan_bai_lists, commune_a, district_staff):
    # given: both years exported, then every household of the commune removed
    files = []
    for year in (2023, 2024):
        files.append(tmp_path / f"xuat-{year}.xlsx")
        export_reviews(unit=commune_a, year=year, output=files[-1], user=district_staff)
    expected = review_snapshot(commune_a)
    Household.objects.filter(commune=commune_a).delete()

    # when: loaded back as official (approved) lists, oldest first
    for path in files:
        import_reviews(path, acting_user=district_staff, approve=True)

    # then: same content; only the 2024 draft is now approved like the rest of the official list
    actual = review_snapshot(commune_a)
    assert actual.keys() == expected.keys()
    for key, values in expected.items():
        if values[9] == ReviewStatus.DRAFT:
            values = (*values[:9], ReviewStatus.APPROVED, *values[10:])
        assert actual[key] == values, key
    poor = Household.objects.get(commune=commune_a, code="XB010")
    assert poor.head_name == "=HYPERLINK(\"http://x\")"
    assert (poor.current_category, poor.current_year) == (Category.NEAR_POOR, 2024)


# --------------------------------------------------------------------------- scoping


def test_commune_official_cannot_import_into_another_commune(tmp_path, commune_a, commune_b, commune_a_user):
    path = write_xlsx(tmp_path / "tho-lam.xlsx", [row(code="TL1", commune="Thọ Xuân/Thọ Lâm")])
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=commune_a_user)
    assert rejected.value.messages == [f"Dòng {FIRST}, cột C “Xã”: Xã Thọ Lâm (mã 15541) không thuộc địa bàn của bạn."]

    header = [h for h in HEADER if h != "Xã"]
    with pytest.raises(ImportRejected, match="1 lỗi") as rejected:
        import_reviews(write_xlsx(tmp_path / "tl.xlsx", [row()], header=header), acting_user=commune_a_user,
                       commune=commune_b)
    assert "không thuộc địa bàn" in rejected.value.messages[0]
    assert not Household.objects.exists()


def test_export_reads_only_the_users_scope(tmp_path, xuan_bai_lists, district, commune_a_user, district_staff):
    mine = reviews_for_export(unit=district, year=2024, user=commune_a_user)
    assert set(mine.values_list("household__code", flat=True)) == {"XB010", "XB011", "XB012"}
    everyone = reviews_for_export(unit=district, year=2024, user=district_staff)
    assert "TL010" in set(everyone.values_list("household__code", flat=True))


# --------------------------------------------------------------------------- commands


def run_command(*argv):
    """Run a command as ``manage.py`` does; returns its exit code (CommandError → 1).

    ``run_from_argv`` closes every database connection when it finishes; inside the
    test's transaction that would close PostgreSQL's connection under the test, so
    the close is skipped here (SQLite's in-memory database ignores it anyway).
    """
    with mock.patch("django.core.management.base.connections.close_all"):
        try:
            ManagementUtility(["manage.py", *argv]).execute()
        except SystemExit as exc:
            return exc.code
    return 0


def test_import_command_succeeds_and_prints_a_summary(tmp_path, commune_a, capsys):
    header = [h for h in HEADER if h != "Xã"]
    path = write_xlsx(tmp_path / "lenh.xlsx", [row(code="C1"), row(code="C2", income=5_000_000)], header=header)

    code = run_command("import_households", str(path), "--commune", "Thọ Xuân/Xuân Bái", "--approve")

    out = capsys.readouterr().out
    assert code == 0
    assert "Đã nhập 2 dòng: 2 hộ mới" in out and "đã phê duyệt" in out
    assert Review.objects.filter(status=ReviewStatus.APPROVED, commune=commune_a).count() == 2


def test_import_command_prints_every_fault_and_exits_1(tmp_path, commune_a, capsys):
    path = write_xlsx(tmp_path / "loi.xlsx", [row(code="C1", income=-1), row(code="C2", causes="Không rõ")])

    code = run_command("import_households", str(path))

    err = capsys.readouterr().err
    assert code == 1
    assert f"Dòng {FIRST}, cột H “Thu nhập bình quân đầu người (đồng/tháng)”" in err
    assert f"Dòng {FIRST + 1}, cột W “Nguyên nhân nghèo”: Không có nguyên nhân nghèo “Không rõ”" in err
    assert "Tệp bị từ chối: 2 lỗi" in err
    assert not Household.objects.exists()


def test_import_command_with_a_user_is_limited_to_their_scope(tmp_path, commune_a, commune_b, commune_a_user,
                                                              capsys):
    path = write_xlsx(tmp_path / "tl.xlsx", [row(code="TL1", commune="15541")])
    assert run_command("import_households", str(path), "--user", "xa_a") == 1
    assert "không thuộc địa bàn của bạn" in capsys.readouterr().err
    assert run_command("import_households", str(tmp_path / "khong-co.xlsx")) == 1
    assert run_command("import_households", str(path), "--commune", "Không Có Xã") == 1


def test_export_command_writes_a_file_that_imports_back(tmp_path, xuan_bai_lists, commune_a, capsys):
    output = tmp_path / "lenh-xuat.xlsx"

    code = run_command("export_households", "--commune", "15547", "--year", "2024", "--output", str(output))

    assert code == 0 and "Đã xuất 3 hộ" in capsys.readouterr().out
    assert import_reviews(output).unchanged == 3
    assert run_command("export_households", "--commune", "Không Có", "--year", "2024", "--output",
                       str(output)) == 1
    assert run_command("export_households", "--commune", "15547", "--year", "1990", "--output", str(output)) == 1
    assert "Không có chuẩn nghèo" in capsys.readouterr().err
    assert run_command("export_households", "--commune", "15541", "--year", "2024", "--output", str(output),
                       "--user", "xa_a") == 1


def test_commands_through_call_command(tmp_path, xuan_bai_lists, commune_a):
    output = tmp_path / "cc.xlsx"
    call_command("export_households", commune="15547", year=2024, output=str(output), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_households", str(output), stdout=out)
    assert "3 dòng không thay đổi" in out.getvalue()


# --------------------------------------------------------------------------- web page


def upload(client, path, **data):
    with open(path, "rb") as handle:
        return client.post(reverse("households:excel"), {"file": handle, **data})


def test_page_for_a_commune_official(client_for, commune_a_user, django_assert_max_num_queries):
    client = client_for(commune_a_user)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("households:excel"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tải lên danh sách" in content and "Tải xuống danh sách" in content
    assert "Ghi là đã phê duyệt" not in content  # the commune official is not the approver


def test_upload_imports_and_redirects_with_a_summary(tmp_path, client_for, commune_a, commune_a_user):
    client = client_for(commune_a_user)
    response = upload(client, write_xlsx(tmp_path / "web.xlsx", [row(code="W1")]))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Đã nhập 1 dòng: 1 hộ mới" in page
    assert Household.objects.get(code="W1").created_by == commune_a_user


def test_upload_with_faults_lists_them_and_writes_nothing(tmp_path, client_for, commune_a, commune_b,
                                                          commune_a_user):
    client = client_for(commune_a_user)
    path = write_xlsx(tmp_path / "web-loi.xlsx", [row(code="W1", commune="15541"), row(code="W2", income=-3)])

    response = upload(client, path)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Tệp bị từ chối: 2 lỗi" in content
    assert f"Dòng {FIRST}, cột C “Xã”: Xã Thọ Lâm (mã 15541) không thuộc địa bàn của bạn." in content
    assert f"Dòng {FIRST + 1}" in content
    assert not Household.objects.exists()


def test_upload_refuses_other_files(tmp_path, client_for, commune_a_user):
    client = client_for(commune_a_user)
    path = tmp_path / "ds.csv"
    path.write_text("Mã hộ;Họ và tên chủ hộ\n")
    response = upload(client, path)
    assert response.status_code == 200
    assert "không phải tệp Excel .xlsx" in response.content.decode()


def test_approver_can_upload_an_official_list(tmp_path, client_for, commune_a, district_staff):
    client = client_for(district_staff)
    assert "Ghi là đã phê duyệt" in client.get(reverse("households:excel")).content.decode()
    response = upload(client, write_xlsx(tmp_path / "ct.xlsx", [row(code="W5")]), approve="on")
    assert response.status_code == 302
    assert Review.objects.get().status == ReviewStatus.APPROVED


def test_read_only_role_can_download_but_not_upload(tmp_path, client_for, xuan_bai_lists, commune_a, leadership):
    client = client_for(leadership)
    page = client.get(reverse("households:excel")).content.decode()
    assert "Tải lên danh sách" not in page
    assert upload(client, write_xlsx(tmp_path / "ld.xlsx", [row(code="L1")])).status_code == 403
    response = client.get(reverse("households:excel_export"), {"commune": commune_a.pk, "year": 2024})
    assert response.status_code == 200
    assert not Household.objects.filter(code="L1").exists()


def test_download_of_own_commune(client_for, xuan_bai_lists, commune_a, commune_a_user,
                                 django_assert_max_num_queries):
    client = client_for(commune_a_user)
    # session, user, scope, commune, standard, indicators, 2 ancestors, reviews (their indicators and causes
    # in it), movements, cause names, the audit log's export line: none per row or per chunk of rows
    with django_assert_max_num_queries(13):
        response = client.get(reverse("households:excel_export"), {"commune": commune_a.pk, "year": 2024})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ra-soat-2024-15547.xlsx"'
    codes = [r[0] for r in read_xlsx(io.BytesIO(response.content))]
    assert {"XB010", "XB011", "XB012"} <= set(codes) and "TL010" not in codes


def test_download_for_a_year_without_standard(client_for, commune_a, commune_a_user):
    client = client_for(commune_a_user)
    response = client.get(reverse("households:excel_export"), {"commune": commune_a.pk, "year": 1990}, follow=True)
    assert "Không có chuẩn nghèo áp dụng cho rà soát định kỳ năm 1990" in response.content.decode()


def test_outsider_gets_404_for_another_communes_download(client_for, xuan_bai_lists, commune_a, commune_b_user):
    client = client_for(commune_b_user)
    response = client.get(reverse("households:excel_export"), {"commune": commune_a.pk, "year": 2024})
    assert response.status_code == 404


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("households:excel"))
    assert response.status_code == 302 and "dang-nhap" in response.url


# --------------------------------------------------------------------------- speed by design (no timing)


def test_reimport_of_many_changed_rows_uses_a_bounded_number_of_queries(tmp_path, commune_a, commune_a_user,
                                                                         django_assert_max_num_queries):
    import_reviews(write_xlsx(tmp_path / "v1.xlsx", [row(code=f"N{n:03d}", income=1_000_000 + n) for n in range(60)]),
                   acting_user=commune_a_user)
    path = write_xlsx(tmp_path / "v2.xlsx", [row(code=f"N{n:03d}", income=2_000_000 + n, deprived=(0,))
                                             for n in range(60)])
    with django_assert_max_num_queries(30):  # 23 today; one per row would be 60+
        result = import_reviews(path, acting_user=commune_a_user)
    assert result.reviews_updated == 60
    assert set(Review.objects.values_list("category", flat=True)) == {Category.AVERAGE}


def test_grouped_status_refresh_matches_the_services_rule(commune_a):
    from households.importing import refresh_current_status
    from households.services import household_refresh_status

    households = [HouseholdFactory(commune=commune_a) for _ in range(4)]
    make_review(households[0], year=2023, income=900_000, deprived=4, status=ReviewStatus.APPROVED)
    make_review(households[0], year=2024, income=1_400_000, deprived=0, status=ReviewStatus.APPROVED)
    make_review(households[1], year=2024, income=900_000, deprived=3, status=ReviewStatus.APPROVED)
    make_review(households[1], year=2024, round="regular", review_date=__import__("datetime").date(2025, 3, 1),
                income=3_000_000, status=ReviewStatus.APPROVED)
    make_review(households[2], year=2024, income=900_000, deprived=3)  # a draft: no current status
    ids = [h.pk for h in households]
    Household.objects.filter(pk__in=ids).update(current_category="", current_year=None)
    refresh_current_status(ids)
    ours = dict(Household.objects.filter(pk__in=ids).values_list("pk", "current_category"))
    Household.objects.filter(pk__in=ids).update(current_category="", current_year=None)
    household_refresh_status(ids)
    theirs = dict(Household.objects.filter(pk__in=ids).values_list("pk", "current_category"))
    assert ours == theirs
    assert [ours[pk] for pk in ids] == [Category.NEAR_POOR, Category.NOT_POOR, "", ""]


def test_multi_row_insert_path_used_by_other_databases(tmp_path, commune_a, commune_a_user, monkeypatch):
    # The import uses executemany on SQLite and multi-row VALUES elsewhere (PostgreSQL in CI):
    # run the second path here too, with statements small enough to need several of them.
    from households import importing

    original = importing._Inserter.__init__

    def multi_row_init(self, *args, **kwargs):
        original(self, *args, multi_row=True, **kwargs)
        self.rows_per_statement = 7

    monkeypatch.setattr(importing._Inserter, "__init__", multi_row_init)
    rows = [row(code=f"M{n:02d}", income=1_000_000, deprived=(0, 1, 2), causes="Thiếu vốn sản xuất")
            for n in range(20)]

    result = import_reviews(write_xlsx(tmp_path / "nhieu-dong.xlsx", rows), acting_user=commune_a_user)

    assert (result.households_created, result.reviews_created) == (20, 20)
    assert Review.objects.filter(category=Category.POOR, deprivation_count=3).count() == 20
    assert Review.deprived_indicators.through.objects.count() == 60
    assert Review.causes.through.objects.count() == 20
    assert HistoryEntry.objects.count() == 40 and ReviewEvent.objects.count() == 20


def test_a_blank_area_takes_the_communes_area_on_the_review_date(tmp_path, commune_a, commune_a_user):
    # given Xuân Bái is a phường here (urban); one row leaves "Khu vực" blank, another names it
    commune_a.kind = "phuong"
    commune_a.save()
    path = write_xlsx(tmp_path / "khu-vuc.xlsx", [row(code="XB201", area=None, income=1_900_000, deprived=(0, 1, 2)),
                                                   row(code="XB202", area="Nông thôn", income=1_900_000,
                                                       deprived=(0, 1, 2))])
    import_reviews(path, acting_user=commune_a_user)
    blank = Review.objects.get(household__code="XB201")
    named = Review.objects.get(household__code="XB202")
    assert (blank.area, blank.category) == ("urban", "poor")  # 1.900.000 ≤ 2.000.000 urban line
    assert (named.area, named.category) == ("rural", "average")


def test_a_2026_list_uses_decree_351_indicator_headers_both_ways(tmp_path, commune_a, commune_a_user):
    """The file's year implies the standard: the 2026 periodic list (lists of 2027) is Decree 351's."""
    from households.classification import standard_for_list_year

    names = list(standard_for_list_year(2027).indicators.order_by("order").values_list("name", flat=True))
    header = ["Mã hộ", "Họ và tên chủ hộ", "Xã", "Thôn", "Khu vực", "Số nhân khẩu", "Năm rà soát",
              "Thu nhập bình quân đầu người (đồng/tháng)", *names, "Không có khả năng lao động", "Dân tộc thiểu số",
              "Nguyên nhân nghèo"]
    values = row(code="XB351", year=2026, income=2_100_000, area="Nông thôn")
    values.update({names[i]: "x" for i in (0, 9, 12)})  # employment, digital services, household waste
    path = write_xlsx(tmp_path / "ra-soat-2026.xlsx", [values], header=header)
    import_reviews(path, acting_user=commune_a_user)
    review = Review.objects.get(household__code="XB351", year=2026)
    assert review.standard.code == "nd351-2025" and review.category == "poor"
    assert set(review.deprived_indicators.values_list("code", flat=True)) == {"viec_lam", "dich_vu_so", "rac_thai"}
    # a 2026 file with the Decree 07 headers lacks the new columns: refused, naming them
    old = write_xlsx(tmp_path / "cu.xlsx", [row(code="XB352", year=2026)])
    with pytest.raises(ImportRejected) as error:
        import_reviews(old, acting_user=commune_a_user)
    assert "Sử dụng dịch vụ số, internet" in " ".join(f.message for f in error.value.faults)
    # and the export heads its columns with the same names
    output = tmp_path / "xuat-2026.xlsx"
    export_reviews(unit=commune_a, year=2026, output=output, user=commune_a_user)
    assert import_reviews(output, acting_user=commune_a_user).unchanged == 1
