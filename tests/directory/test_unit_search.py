"""The unit search box (issue 10, point 7): a few letters with or without diacritics, scoped, at most 20."""

import datetime

import pytest
from django import forms
from django.urls import reverse

from directory.models import AdministrativeUnit
from directory.unit_search import LIMIT, UnitSearchField, search_units, unit_label
from tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db


def _names(units):
    return [u.name for u in units]


def test_letters_with_or_without_diacritics_find_the_unit(reform):
    everything = AdministrativeUnit.objects.all()
    for text in ("Xuân Bái", "xuan bai", "XUAN BAI", "Xã Xuân Bái", "xuân bái", "n ba"):
        assert "Xuân Bái" in _names(search_units(everything, text)), text
    # exact names first (communes, then districts); the period says which unit is which
    found = search_units(everything, "tho xuan")
    assert [unit_label(u) for u in found[:3]] == [
        "Xã Thọ Xuân (Thanh Hóa) · từ 01/07/2025",
        "Thị trấn Thọ Xuân (Thọ Xuân, Thanh Hóa) · đến 30/06/2025",
        "Huyện Thọ Xuân (Thanh Hóa) · đến 30/06/2025",
    ]
    assert _names(search_units(everything, "tho xuan", level="commune", on=datetime.date(2026, 1, 1))) == \
        ["Thọ Xuân"]
    assert search_units(everything, "x") == []  # one letter is not a search
    assert [u.code for u in search_units(everything, "1554")][:2] == ["15541", "15544"]


def test_results_are_scoped_and_bounded(client_for, commune_b_user, commune_a, district):
    for n in range(LIMIT + 5):
        CommuneFactory(code=str(70000 + n), name=f"Xuân Thử {n}", parent=district)
    # Thọ Lâm's official sees only Thọ Lâm
    client = client_for(commune_b_user)
    data = client.get(reverse("unit_search"), {"q": "xuan"}).json()
    assert data == {"results": []}
    data = client.get(reverse("unit_search"), {"q": "tho lam"}).json()
    assert [r["label"] for r in data["results"]] == ["Xã Thọ Lâm (Thọ Xuân, Thanh Hóa)"]


def test_province_staff_get_at_most_twenty(client_for, province_staff, district):
    for n in range(LIMIT + 5):
        CommuneFactory(code=str(70000 + n), name=f"Xuân Thử {n}", parent=district)
    data = client_for(province_staff).get(reverse("unit_search"), {"q": "xuan thu", "level": "commune"}).json()
    assert len(data["results"]) == LIMIT


def test_the_field_renders_a_search_box_and_validates_against_the_scope(commune_a, commune_c):
    class PickForm(forms.Form):
        commune = UnitSearchField(AdministrativeUnit.objects.filter(pk=commune_a.pk), level="commune")

    html = PickForm(initial={"commune": commune_a.pk}).as_p()
    assert f'type="hidden" name="commune" value="{commune_a.pk}"' in html
    assert 'value="Xã Xuân Bái (Thọ Xuân, Thanh Hóa)"' in html and "<select" not in html
    assert PickForm({"commune": commune_a.pk}).is_valid()
    outside = PickForm({"commune": commune_c.pk})
    assert not outside.is_valid()
    assert "chọn trong danh sách" in outside.errors["commune"][0]
