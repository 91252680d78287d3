"""Issue 14, point 6: a poverty report is submitted with its figures, prefilled from the household registry;
all zero, or off the registry by more than REPORT_REGISTRY_TOLERANCE_PERCENT, needs a note (form and service)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports.models import ReportKind, RunAction
from reports.services.figures import registry_figures
from reports.services.runs import run_submit

from .factories import NEAR_POOR, NOT_POOR, POOR, DutyFactory, HouseholdFactory, RunFactory, approved_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry_run(district, commune_a):
    """Xuân Bái 2024: 20 poor households at the end, 5 near-poor, 4 escaped during the year (reviews 2023→2024)."""
    for n in range(24):
        household = HouseholdFactory(commune=commune_a, code=f"XB{n:03d}")
        approved_review(household, year=2023, category=POOR if n < 20 else NEAR_POOR)
        approved_review(household, year=2024, category=POOR if n < 16 else (NOT_POOR if n < 20 else NEAR_POOR))
    for n in range(4, 8):  # four more poor households only in 2024
        approved_review(HouseholdFactory(commune=commune_a, code=f"XBM{n}"), year=2024, category=POOR)
    duty = DutyFactory(owner_unit=district, kind=ReportKind.POVERTY)
    return RunFactory(duty=duty, reporting_unit=commune_a)


def figures(poor, near, escaped):
    return {"reported_poor": poor, "reported_near_poor": near, "reported_escaped": escaped}


def test_the_registry_gives_the_prefilled_figures(registry_run, client_for, commune_a_user):
    registry = registry_figures(registry_run)
    assert registry.has_data and registry.values == {"poor_end": 20, "near_poor_end": 4, "escaped": 4}
    page = client_for(commune_a_user).get(reverse("reports:run_detail", kwargs={"pk": registry_run.pk}))
    text = page.content.decode()
    assert 'name="reported_poor" value="20"' in text and 'name="reported_escaped" value="4"' in text


def test_figures_within_the_tolerance_are_submitted_without_a_note(registry_run, client_for, commune_a_user):
    client = client_for(commune_a_user)
    response = client.post(reverse("reports:run_submit", kwargs={"pk": registry_run.pk}), figures(21, 4, 4))
    assert response.status_code == 302
    registry_run.refresh_from_db()
    assert registry_run.is_submitted and registry_run.reported_poor == 21
    assert "Số hộ nghèo cuối kỳ: 21" in registry_run.events.get(action=RunAction.SUBMITTED).text


def test_a_contradiction_is_refused_naming_the_figure_the_registry_value_and_the_tolerance(
        registry_run, client_for, commune_a_user):
    client = client_for(commune_a_user)
    url = reverse("reports:run_submit", kwargs={"pk": registry_run.pk})
    response = client.post(url, figures(30, 4, 4))
    assert response.status_code == 200
    text = response.content.decode()
    assert ("Số hộ nghèo cuối kỳ ghi 30, sổ hộ nghèo có 20: lệch 10 hộ, quá mức cho phép 5% (1 hộ)." in text)
    assert 'name="reported_poor" value="30"' in text  # what was typed stays
    registry_run.refresh_from_db()
    assert not registry_run.is_submitted
    assert client.post(url, {**figures(30, 4, 4), "note": "Sổ chưa cập nhật 10 hộ mới phát sinh tháng 12"}
                       ).status_code == 302
    registry_run.refresh_from_db()
    assert registry_run.is_submitted and registry_run.submission_note.startswith("Sổ chưa cập nhật")


def test_all_zero_needs_a_note_even_without_registry_data(district, commune_a, commune_a_user):
    run = RunFactory(duty=DutyFactory(owner_unit=district), reporting_unit=commune_a)
    with pytest.raises(ValidationError) as refused:
        run_submit(run=run, acting_user=commune_a_user, figures=figures(0, 0, 0))
    assert "Tất cả số liệu của báo cáo đều bằng 0" in " ".join(refused.value.messages)
    run_submit(run=run, acting_user=commune_a_user, figures=figures(0, 0, 0), note="Xã chưa rà soát năm nay")
    run.refresh_from_db()
    assert run.is_submitted


def test_the_service_refuses_what_the_form_refuses(registry_run, commune_a_user, settings):
    settings.REPORT_REGISTRY_TOLERANCE_PERCENT = 50
    run_submit(run=registry_run, acting_user=commune_a_user, figures=figures(29, 4, 4))  # 9 ≤ 10: allowed
    registry_run.refresh_from_db()
    assert registry_run.reported_poor == 29
    other = RunFactory(duty=registry_run.duty, reporting_unit=registry_run.reporting_unit, period_number=2)
    with pytest.raises(ValidationError, match="Số hộ cận nghèo cuối kỳ ghi 9, sổ hộ nghèo có 4"):
        run_submit(run=other, acting_user=commune_a_user, figures=figures(20, 9, 4))
    with pytest.raises(ValidationError, match="Ghi số liệu của báo cáo"):
        run_submit(run=other, acting_user=commune_a_user, figures={})


def test_a_file_only_report_has_no_figures(district, commune_a, commune_a_user):
    run = RunFactory(duty=DutyFactory(owner_unit=district, kind=ReportKind.FREE), reporting_unit=commune_a)
    run_submit(run=run, acting_user=commune_a_user)
    run.refresh_from_db()
    assert run.is_submitted and run.reported_poor is None
