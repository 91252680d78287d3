"""The duties seeded from the seed plans and Decision 24/2021, and the demo runs built on them."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from freezegun import freeze_time

from reports.models import ReportingDuty, ReportRun
from reports.periods import Period
from reports.seed_duties import DUTIES

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def seeded_plans():
    call_command("loaddata", "units", verbosity=0)
    call_command("load_seed_plans", verbosity=0)


def test_missing_plan_fails_clearly():
    call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
    with pytest.raises(CommandError, match="thoxuan-2024"):
        call_command("seed_report_duties", verbosity=0)
    assert not ReportingDuty.objects.exists()


@freeze_time("2026-11-23 08:00+07:00")
def test_seed_duties_as_the_documents_say_and_idempotent(seeded_plans):
    # when: seeded twice, with the demo runs and submissions twice
    for _ in range(2):
        call_command("seed_report_duties", "--demo", verbosity=0)
        call_command("open_report_runs", verbosity=0)
    # then
    assert ReportingDuty.objects.count() == len(DUTIES) == 18
    duty = {d.code: d for d in ReportingDuty.objects.select_related("plan", "owner_unit", "recipient_agency")}
    escape = duty["thoxuan-2024-danh-sach-thoat-ngheo"]
    assert (escape.plan.code, escape.reporter_level, escape.kind) == ("thoxuan-2024", "commune", "escape_list")
    assert escape.recipient_agency.name == "Phòng Lao động - Thương binh và Xã hội"
    deadlines = {code: d.due_date_for(p) for code, d, p in [
        ("escape", escape, Period("year", 2024)),
        ("six", duty["thoxuan-2024-bao-cao-6-thang"], Period("half", 2024, 1)),
        ("annual", duty["thoxuan-2024-bao-cao-nam"], Period("year", 2024)),
        ("departments", duty["yenbai-81-so-nganh-10-12"], Period("year", 2023)),
        ("districts", duty["yenbai-81-huyen-10-12"], Period("year", 2023)),
        ("dolisa", duty["yenbai-81-sldtbxh-25-12"], Period("year", 2023)),
        ("monthly", duty["qd24-thang-thoxuan"], Period("month", 2026, 3)),
        ("preliminary", duty["qd24-so-bo-yenbai"], Period("year", 2026)),
        ("official", duty["qd24-chinh-thuc-yenbai"], Period("year", 2026)),
    ]}
    assert deadlines == {
        "escape": D(2024, 3, 20), "six": D(2024, 6, 20), "annual": D(2024, 10, 30), "departments": D(2023, 12, 10),
        "districts": D(2023, 12, 10), "dolisa": D(2023, 12, 25), "monthly": D(2026, 4, 5),
        "preliminary": D(2026, 11, 15), "official": D(2026, 12, 20),
    }
    assert duty["thoxuan-2024-bao-cao-6-thang"].due_date_for(Period("half", 2024, 2)) is None
    assert {a.name for a in duty["yenbai-81-so-nganh-10-12"].reporter_agencies.all()} == {
        "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh", "Sở Y tế", "Sở Thông tin và Truyền thông",
        "Sở Xây dựng", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"}
    assert duty["qd24-thang-thoxuan"].plan is None and duty["qd24-thang-thoxuan"].first_year == 2026
    assert duty["qd24-thang-thoxuan"].valid_to == D(2025, 6, 30)
    assert duty["qd24-so-bo-yenbai"].recipient.name == "Bộ Lao động - Thương binh và Xã hội"
    assert duty["qd24-so-bo-yenbai"].recipient.valid_to == D(2025, 2, 28)
    assert duty["qd24-so-bo-thanhhoa-bnnmt"].recipient.valid_from == D(2025, 3, 1)
    # dates the post-reform texts may have changed are marked as such, in the data
    assert duty["qd24-thang-thanhhoa-xa"].dates_may_have_changed
    assert "chưa đối chiếu" in duty["qd24-thang-thanhhoa-xa"].dates_note
    assert not duty["thoxuan-2024-bao-cao-nam"].dates_may_have_changed

    # runs: every Thọ Xuân commune for the 2024 duties; Yên Bái's 9 district-level units for 2022–2024 (the
    # 2025 report, due 10/12/2025, would go to a Sở LĐTBXH that no longer exists)
    runs = ReportRun.objects.filter(duty=escape)
    assert runs.count() == 30 and runs.filter(year=2024).count() == 30
    assert ReportRun.objects.filter(duty=duty["thoxuan-2024-danh-gia-quy"]).count() == 120
    assert ReportRun.objects.filter(duty=duty["yenbai-81-huyen-10-12"]).count() == 9 * 3
    assert ReportRun.objects.filter(duty=duty["yenbai-81-so-nganh-10-12"]).count() == 6 * 3
    # Decision 24 monthly through the district: ended on 30/06/2025, so nothing in 2026
    assert not ReportRun.objects.filter(duty=duty["qd24-thang-thoxuan"]).exists()
    # after the reform the province sends its results to the Ministry of Agriculture and Environment
    assert {r.year for r in ReportRun.objects.filter(duty=duty["qd24-chinh-thuc-thanhhoa-bnnmt"])} == {2025, 2026}
    assert not ReportRun.objects.filter(duty__recipient__code="bo-ldtbxh", due_date__gt=D(2025, 2, 28)).exists()
    # the demo has every status on 23/11/2026 and no submission dated in the future
    statuses = set(ReportRun.objects.with_status(D(2026, 11, 23)).values_list("status", flat=True))
    assert {"on_time", "late", "overdue", "not_due"} <= statuses
    assert not ReportRun.objects.filter(submitted_on__gte=D(2026, 11, 23)).exists()



def _end_tho_xuan(day=None):
    """What the map data says after the reform: district 395 and its 30 communes end on 30/06/2025."""
    from directory.models import AdministrativeUnit

    district = AdministrativeUnit.objects.get(code="395")
    AdministrativeUnit.objects.filter(path__startswith=district.path).update(valid_to=day or D(2025, 6, 30))


@freeze_time("2026-11-23 08:00+07:00")
def test_no_run_for_a_unit_or_recipient_that_does_not_exist_on_its_due_date(seeded_plans):
    _end_tho_xuan()
    call_command("seed_report_duties", "--demo", verbosity=0)
    call_command("open_report_runs", verbosity=0)
    runs = ReportRun.objects.select_related("reporting_unit", "duty__recipient")
    after_districts = runs.filter(due_date__gt=D(2025, 6, 30))
    assert not after_districts.filter(reporting_unit__level="district").exists()
    assert not after_districts.filter(reporting_unit__path__startswith="38/395/").exists()
    assert not runs.filter(duty__recipient__code="bo-ldtbxh", due_date__gt=D(2025, 2, 28)).exists()
    for run in runs:
        assert run.duty.is_valid_on(run.due_date), run
        unit = run.reporting_unit
        assert (unit.valid_from is None or unit.valid_from <= run.due_date) and (
            unit.valid_to is None or run.due_date <= unit.valid_to), run


def test_the_migration_step_removes_the_demos_impossible_runs(seeded_plans, capsys):
    """An old demo database: runs of 2026 for the old communes and to the dissolved ministry are removed
    (with a log), real submissions are kept and logged."""
    import importlib

    from django.apps import apps as django_apps

    from reports.models import ReportRecipient

    call_command("seed_report_duties", verbosity=0)
    _end_tho_xuan()
    monthly = ReportingDuty.objects.get(code="qd24-thang-thoxuan")
    ministry = ReportingDuty.objects.get(code="qd24-so-bo-thanhhoa")
    # given the runs the old code opened, before duties had dates and recipients
    ReportingDuty.objects.filter(pk__in=[monthly.pk, ministry.pk]).update(recipient=None, valid_to=None)
    commune = monthly.owner_unit.children.order_by("code").first()
    stale = ReportRun.objects.create(duty=monthly, period_type="month", year=2026, period_number=3,
                                     period_start=D(2026, 3, 1), period_end=D(2026, 3, 31), due_date=D(2026, 4, 5),
                                     reporting_unit=commune)
    to_molisa = ReportRun.objects.create(duty=ministry, period_type="year", year=2026, period_number=1,
                                         period_start=D(2026, 1, 1), period_end=D(2026, 12, 31),
                                         due_date=D(2026, 11, 15), reporting_unit=ministry.reporter_units.first(),
                                         submission_note="Dữ liệu demo.")
    ok = ReportRun.objects.create(duty=monthly, period_type="month", year=2025, period_number=3,
                                  period_start=D(2025, 3, 1), period_end=D(2025, 3, 31), due_date=D(2025, 4, 5),
                                  reporting_unit=commune)
    # when the data step of the migration runs
    migration = importlib.import_module("reports.migrations.0002_dated_duties_recipients")
    migration.forwards(django_apps, None)
    # then
    assert not ReportRun.objects.filter(pk__in=[stale.pk, to_molisa.pk]).exists()
    assert ReportRun.objects.filter(pk=ok.pk).exists()
    log = capsys.readouterr().out
    assert "Đã xóa kỳ báo cáo qd24-thang-thoxuan · kỳ 3/2026" in log
    assert "Bộ Lao động - Thương binh và Xã hội không còn tồn tại" in log
    assert ReportRecipient.objects.filter(code="bo-nnmt").exists()
