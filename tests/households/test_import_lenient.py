"""Lenient where people are inexact: "Thiếu vốn" is "Thiếu vốn sản xuất"; "Thieu" is refused with the causes
that start with it; an unknown value lists what is accepted (directory.lenient, used by the review import)."""

import pytest

from directory.lenient import LenientChoices, NoMatch, fold
from households.importing import ImportRejected, import_reviews
from households.models import Review

from .test_import_export import FIRST, row, write_xlsx

CAUSES = [("thieu_von", "Thiếu vốn sản xuất"), ("thieu_dat", "Thiếu đất sản xuất"),
          ("thieu_lao_dong", "Thiếu lao động"), ("om_dau", "Có người ốm đau, bệnh nặng")]
CHOICES = LenientChoices(CAUSES, name=lambda c: c[1], codes=lambda c: [c[0]], what="nguyên nhân nghèo")


@pytest.mark.parametrize("text", ["thieu_von", "Thiếu vốn sản xuất", "thiếu  VỐN sản xuất", "thieu von san xuat",
                                  "Thiếu vốn", "thieu v"])
def test_code_name_folded_name_or_unique_prefix(text):
    assert CHOICES.match(text) == CAUSES[0]


def test_an_ambiguous_prefix_lists_the_items_starting_with_it():
    with pytest.raises(NoMatch) as refused:
        CHOICES.match("Thieu")
    message = str(refused.value)
    assert "“Thieu” chưa đủ rõ: có 3 nguyên nhân nghèo bắt đầu như vậy" in message
    assert "Thiếu đất sản xuất; Thiếu lao động; Thiếu vốn sản xuất" in message and "ốm đau" not in message


def test_an_unknown_value_lists_every_accepted_value():
    with pytest.raises(NoMatch) as refused:
        CHOICES.match("Do số phận")
    assert str(refused.value) == ("Không có nguyên nhân nghèo “Do số phận”. Giá trị được nhận: Có người ốm đau, "
                                  "bệnh nặng; Thiếu đất sản xuất; Thiếu lao động; Thiếu vốn sản xuất.")


def test_fold():
    assert fold("  Đất  Sản xuất ") == "datsanxuat"


@pytest.mark.django_db
def test_importing_thieu_von_works_and_thieu_is_refused_with_row_value_and_choices(tmp_path, commune_a,
                                                                                   commune_a_user):
    good = write_xlsx(tmp_path / "dung.xlsx", [row(code="XB300", causes="Thiếu vốn; thieu dat"),
                                               row(code="XB301", area="thanh")])
    import_reviews(good, acting_user=commune_a_user)
    review = Review.objects.get(household__code="XB300")
    assert sorted(c.code for c in review.causes.all()) == ["thieu_dat", "thieu_von"]
    assert Review.objects.get(household__code="XB301").area == "urban"

    bad = write_xlsx(tmp_path / "sai.xlsx", [row(code="XB302"), row(code="XB303", causes="Thieu")])
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(bad, acting_user=commune_a_user)
    fault = rejected.value.faults[0]
    assert (fault.row, fault.column) == (FIRST + 1, "Nguyên nhân nghèo")
    assert "“Thieu” chưa đủ rõ" in fault.message
    assert "Thiếu vốn sản xuất" in fault.message and "Thiếu đất sản xuất" in fault.message
    assert not Review.objects.filter(household__code="XB302").exists()


@pytest.mark.parametrize(("text", "flag"), [("x", True), ("X", True), ("1", True), ("Có", True), ("co", True),
                                            ("c", True), ("0", False), ("Không", False), ("khong", False),
                                            ("k", False), ("", False)])
def test_an_indicator_value_by_code_name_or_unique_prefix(text, flag):
    from households.importing.cells import cell_flag

    assert cell_flag(text) is flag


@pytest.mark.parametrize("text", ["có lẽ", "2", "thiếu"])
def test_an_unknown_indicator_value_lists_the_accepted_values(text):
    from households.importing.cells import cell_flag
    from households.importing.faults import CellError

    with pytest.raises(CellError, match=f"Giá trị “{text}” không hợp lệ: chỉ ghi x, 1, 0, Có, Không hoặc để trống."):
        cell_flag(text)
