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
    assert ReportingDuty.objects.count() == len(DUTIES) == 14
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

    # runs: every Thọ Xuân commune for the 2024 duties; Yên Bái's 9 district-level units for 2022–2025
    runs = ReportRun.objects.filter(duty=escape)
    assert runs.count() == 30 and runs.filter(year=2024).count() == 30
    assert ReportRun.objects.filter(duty=duty["thoxuan-2024-danh-gia-quy"]).count() == 120
    assert ReportRun.objects.filter(duty=duty["yenbai-81-huyen-10-12"]).count() == 9 * 4
    assert ReportRun.objects.filter(duty=duty["yenbai-81-so-nganh-10-12"]).count() == 6 * 4
    # Decision 24 monthly: January–August 2026 (due 5/2–5/9) for 30 communes
    assert ReportRun.objects.filter(duty=duty["qd24-thang-thoxuan"]).count() == 8 * 30
    # the demo has every status on 23/11/2026 and no submission dated in the future
    statuses = set(ReportRun.objects.with_status(D(2026, 11, 23)).values_list("status", flat=True))
    assert {"on_time", "late", "overdue", "not_due"} <= statuses
    assert not ReportRun.objects.filter(submitted_on__gte=D(2026, 11, 23)).exists()

