"""The demo: the seeds' "Kinh phí thực hiện" parts as written, and the Thọ Xuân 2024 sample figures, marked as
demo data, showing estimates and disbursements for at least two projects and two sources."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.models import Role
from funds.demo import DEMO_NOTE
from funds.models import FundDisbursement, FundLine, PlanFundSource
from plans.models import Plan
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("loaddata", "units", verbosity=0)
    call_command("load_seed_plans", verbosity=0)
    call_command("load_demo_funds", verbosity=0)


def test_sources_are_transcribed_and_demo_figures_marked(demo):
    assert set(PlanFundSource.objects.filter(plan__code="thoxuan-2024").values_list("source", flat=True)) == {
        "ns_trung_uong", "ns_dia_phuong", "huy_dong"}
    assert set(PlanFundSource.objects.filter(plan__code="yenbai-81-2022").values_list("source", flat=True)) == {
        "ns_trung_uong", "ns_dia_phuong", "long_ghep", "huy_dong"}
    assert not PlanFundSource.objects.exclude(plan__code__in=["thoxuan-2024", "yenbai-81-2022"]).exists()
    lines = FundLine.objects.filter(plan__code="thoxuan-2024", year=2024)
    disbursed = FundDisbursement.objects.filter(allocation__line__in=lines)
    assert disbursed.values("allocation__line__project").distinct().count() >= 2
    assert disbursed.values("allocation__line__source").distinct().count() >= 2
    assert all(line.note == DEMO_NOTE for line in lines) and all(d.note == DEMO_NOTE for d in disbursed)
    count = FundDisbursement.objects.count()
    call_command("load_demo_funds", verbosity=0)
    call_command("load_seed_plans", verbosity=0)
    assert FundDisbursement.objects.count() == count  # idempotent


def test_the_plan_page_shows_estimates_and_disbursements(demo, client):
    district = Plan.objects.get(code="thoxuan-2024").unit
    client.force_login(UserFactory(username="ldtbxh", role=Role.DISTRICT_STAFF, unit=district))
    page = client.get(reverse("plans:plan_detail", kwargs={"code": "thoxuan-2024"})).content.decode()
    section = page[page.index('id="kinh-phi"'):]
    for text in ("Dự án 2: Đa dạng hóa sinh kế", "Dự án 4: Phát triển giáo dục nghề nghiệp", "Ngân sách trung ương",
                 "Ngân sách địa phương", "1.200.000.000", "510.000.000", "48,57%"):
        assert text in section, text
