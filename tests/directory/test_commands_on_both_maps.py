"""Every command line that worked before the new map keeps working once both maps are loaded; a year
resolves its units at 31/12 of that year, and the --unit examples of each command's help work as printed."""

from datetime import date

import pytest
from django.core.management import call_command

from directory.loading import load_admin_units
from directory.lookup import resolve_unit
from directory.models import AdministrativeUnit
from households.importing import ImportRejected, import_reviews
from households.models import Household, Review
from tests.households.test_import_export import HEADER, row, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_maps(db):
    """The fixtures' units, then Thanh Hóa and Yên Bái/Lào Cai of both maps, as `make setup` does."""
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    load_admin_units(["38", "15"])


def run_report(capsys, tmp_path, *args):
    call_command("build_report", *args, "--output", str(tmp_path / "bc.xlsx"))
    return capsys.readouterr().out


@pytest.mark.parametrize("unit, expected", [
    ("395", "Thanh Hóa / Thọ Xuân"),
    ("Thanh Hóa/Thọ Xuân", "Thanh Hóa / Thọ Xuân"),  # the help's example: the district, not TT Thọ Xuân
    ("15547", "Thanh Hóa / Thọ Xuân / Xuân Bái"),
    ("15499", "Thanh Hóa / Thọ Xuân / Thọ Xuân"),  # in 2024 the code is Thị trấn Thọ Xuân
])
def test_build_report_for_2024_names_the_units_of_2024(both_maps, dataset, capsys, tmp_path, unit, expected):
    out = run_report(capsys, tmp_path, "annual", "--year", "2024", "--unit", unit)
    assert f"Đã ghi {tmp_path / 'bc.xlsx'}: {expected}, " in out
    assert "Lưu ý" not in out


def test_build_report_today_names_the_new_xa_with_a_note(both_maps, dataset, capsys, tmp_path):
    out = run_report(capsys, tmp_path, "annual", "--year", "2026", "--unit", "Thọ Lâm")
    assert "Lưu ý: Thọ Lâm đã sáp nhập vào Xã Sao Vàng từ 01/07/2025" in out
    assert ": Thanh Hóa / Sao Vàng, " in out


def test_commands_about_the_district_keep_working(both_maps, dataset, capsys):
    call_command("fill_household_totals", "--unit", "395")
    call_command("refresh_dashboard", "--unit", "395")  # the help's example
    out = capsys.readouterr().out
    assert "Thọ Xuân" in out and "Đã cập nhật số liệu tổng quan" in out


def test_refresh_dashboard_of_a_new_xa_recounts_its_predecessors(both_maps, dataset, capsys):
    from dashboard.models import CommuneYearFigures

    call_command("refresh_dashboard", "--unit", "Thanh Hóa/Lam Sơn")
    xuan_bai = resolve_unit("15547", on=date(2024, 12, 31))
    assert CommuneYearFigures.objects.filter(commune=xuan_bai, year=2024).exists()


def test_load_admin_units_help_example_and_a_wrong_province(both_maps):
    call_command("load_admin_units", "--province", "38", "--province", "15", verbosity=0)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có tỉnh"):
        call_command("load_admin_units", "--province", "Atlantis")


def test_import_rows_are_placed_on_their_years_map(both_maps, tmp_path):
    xuan_bai = resolve_unit("15547", on=date(2024, 12, 31))
    lam_son = resolve_unit("Thanh Hóa/Lam Sơn")
    path = write_xlsx(tmp_path / "ds.xlsx", [
        row(code="XB1", commune="Xuân Bái", year=2024),
        row(code="XB2", commune="15547", year=2024),
        row(code="LS1", commune="Xuân Bái", year=2025),  # old name, review of late 2025: the new xã
    ])
    try:
        import_reviews(path, acting_user=None, commune=None)
    except ImportRejected as exc:
        raise AssertionError(exc.messages) from exc
    assert Review.objects.get(household__code="XB1").commune == xuan_bai
    assert Review.objects.get(household__code="XB2").commune == xuan_bai
    assert Review.objects.get(household__code="LS1").commune == lam_son


def test_import_command_commune_option_as_named(both_maps, tmp_path, capsys):
    """`import_households FILE --commune 15547` (the help's example) for 2024 rows: Xuân Bái as it was."""
    header = [h for h in HEADER if h != "Xã"]
    path = write_xlsx(tmp_path / "xb.xlsx", [row(code="XB7", year=2024)], header=header)
    call_command("import_households", str(path), "--commune", "15547")
    xuan_bai = resolve_unit("15547", on=date(2024, 12, 31))
    assert Household.objects.get(code="XB7").commune == xuan_bai
    call_command("import_households", str(path), "--commune", "Thọ Xuân/Xuân Bái")
    # a commune of today's map has no 2024 rows of its own: the row must name its former commune
    with pytest.raises(ImportRejected) as rejected:
        import_reviews(path, acting_user=None, commune=resolve_unit("Thanh Hóa/Lam Sơn"))
    assert "Xã Lam Sơn, từ 01/07/2025) không có vào năm 2024" in rejected.value.messages[0]


def test_export_command_resolves_at_the_end_of_its_year(both_maps, dataset, tmp_path, capsys):
    call_command("export_households", "--commune", "15547", "--year", "2024", "--output", str(tmp_path / "x.xlsx"))
    assert "Xuân Bái, năm 2024" in capsys.readouterr().out


def test_seeds_name_units_of_the_old_map(both_maps):
    assert AdministrativeUnit.objects.filter(code="15").count() == 2
    call_command("load_seed_plans", verbosity=0)
    call_command("seed_report_duties", verbosity=0)
    from plans.models import Plan
    from reports.models import ReportingDuty

    assert Plan.objects.filter(unit__code="15", unit__valid_from__isnull=True).exists()  # Yên Bái's plans
    assert not ReportingDuty.objects.filter(owner_unit__code="15", owner_unit__valid_from__isnull=False).exists()
