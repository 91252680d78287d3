"""Issue 11 point 6: the seeds' key figures read back out of the database, line by line, so that a
future edit of the transcriptions cannot silently drop or bend one; corrections reach old databases."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse

from directory.models import Agency
from plans.models import (
    IndicatorTarget,
    LegalBasis,
    Plan,
    PlanEvent,
    PlanSection,
    PriorResult,
    QuotaRow,
    TargetComparison,
    TargetProgress,
    Task,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
STUNTING = "Tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 16 tuổi tại các huyện nghèo"


@pytest.fixture
def seeded(db):
    call_command("loaddata", "units", verbosity=0)
    call_command("load_seed_plans", verbosity=0)


def _target(plan_code, name, **kw):
    return IndicatorTarget.objects.get(plan__code=plan_code, name=name, **kw)


# --------------------------------------------------------------------------- Yên Bái (002)


def test_yen_bai_stunting_is_strictly_below_37(seeded):
    target = _target("yenbai-81-2022", STUNTING)
    assert (target.comparison, target.value_min) == (TargetComparison.BELOW, Decimal("37"))
    assert target.value_label == "< 37 %"
    assert target.is_met_by(Decimal("37")) is False
    assert target.is_met_by(Decimal("36.9")) is True


def test_yen_bai_key_figures(seeded):
    plan = Plan.objects.get(code="yenbai-81-2022")
    rate = plan.targets.get(name__startswith="Giảm tỷ lệ hộ nghèo bình quân", parent=None)
    assert (rate.value_min, rate.period) == (Decimal("3.3"), "per_year")
    assert {(t.applies_to_unit.code, t.value_min) for t in rate.children.all()} >= {
        ("137", Decimal("7.67"))}
    assert plan.targets.filter(value_min=Decimal("100"), measure_unit="%").exists()
    # deadlines: departments and districts before 10/12, DOLISA to the ministry before 25/12, each year
    notes = set(plan.tasks.filter(recurrence="yearly").values_list("recurrence_note", flat=True))
    assert {"trước ngày 10/12 hàng năm", "trước ngày 25/12 hàng năm"} <= notes
    assert plan.tasks.filter(agency__name="Sở Lao động - Thương binh và Xã hội",
                             recurrence_note="trước ngày 25/12 hàng năm").exists()
    # 7 projects, each with its lead agency
    assert plan.projects.filter(parent=None, kind="du_an").count() == 7


def test_yen_bai_part_v_solutions_and_the_documents_they_cite(seeded):
    plan = Plan.objects.get(code="yenbai-81-2022")
    solutions = list(PlanSection.objects.filter(plan=plan, part="V. Các giải pháp chủ yếu").order_by("order"))
    assert [s.number for s in solutions] == ["1", "2", "3", "4", "5"]
    assert solutions[2].title == "Phân bổ nguồn lực ngân sách và huy động, lồng ghép các nguồn lực"
    assert solutions[2].text.count("\n- ") == 2 and solutions[2].text.startswith("- Phân bổ nguồn lực")
    assert solutions[4].text.endswith("thực hiện các chính sách, công tác giảm nghèo.")
    cited = {(b.document_number, b.document_date) for b in plan.legal_bases.filter(relation="dan_chieu")}
    assert cited == {("05-CT/TW", D(2021, 6, 23)), ("", None), ("61-NQ/TU", D(2021, 10, 20)),
                     ("02/2022/QĐ-TTg", D(2022, 1, 18)), ("07/2022/NQ-HĐND", D(2022, 3, 30))}
    assert plan.legal_bases.get(document_number="07/2022/NQ-HĐND").cited_in == "Phần V, giải pháp 3"


# --------------------------------------------------------------------------- An Giang (003)


def test_an_giang_9_28_to_2_5_is_a_2011_2015_result_not_a_target(seeded):
    plan = Plan.objects.get(code="angiang-72-2017")
    assert not plan.targets.filter(year=2015).exists()
    assert not plan.targets.filter(value_min=Decimal("2.5")).exists()
    result = PriorResult.objects.get(plan=plan)
    assert (result.phase, result.start_value, result.start_label, result.end_value, result.end_label) == (
        "2011-2015", Decimal("9.28"), "đầu năm 2011", Decimal("2.5"), "cuối năm 2015")
    assert result.unit.code == "89"


def test_an_giang_steering_committee_duty_is_a_task(seeded):
    task = Task.objects.get(plan__code="angiang-72-2017",
                            agency__name="Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 tỉnh")
    assert "phân công các thành viên theo dõi, giúp đỡ, kiểm tra" in task.text
    assert task.agency.unit.code == "89"
    # the 14 departments and bodies keep their tasks
    assert Task.objects.filter(plan__code="angiang-72-2017").values("agency").distinct().count() >= 15


# --------------------------------------------------------------------------- Thọ Xuân (001)


def test_tho_xuan_key_figures(seeded):
    plan = Plan.objects.get(code="thoxuan-2024")
    assert plan.targets.get(name="Giảm số hộ nghèo toàn huyện").value_min == Decimal("180")
    rows = QuotaRow.objects.filter(table__plan=plan)
    assert rows.aggregate(t=Sum("total"), a=Sum("without_labour"), b=Sum("with_labour")) == {
        "t": 180, "a": 50, "b": 130}
    lam_son = rows.get(commune__code="15547") if rows.filter(commune__code="15547").exists() else None
    assert lam_son is None or lam_son.total == lam_son.without_labour + lam_son.with_labour
    assert set(plan.tasks.exclude(due_date=None).values_list("due_date", flat=True)) == {
        D(2024, 3, 20), D(2024, 6, 20), D(2024, 10, 30)}
    assert plan.tasks.filter(agency__name="Phòng Lao động - Thương binh và Xã hội").count() >= 3


def test_tho_xuan_general_solutions_1_1_to_1_8(seeded):
    sections = PlanSection.objects.filter(plan__code="thoxuan-2024", part="III.1. Giải pháp chung").order_by("order")
    assert [s.number for s in sections] == [f"1.{i}" for i in range(1, 9)]
    by_number = {s.number: s.text for s in sections}
    # paragraphs the document breaks over a page are whole again
    assert "người đứng đầu cấp ủy, tổ chức đảng" in by_number["1.2"]
    assert by_number["1.8"].startswith("Đề nghị Ủy ban Mặt trận Tổ quốc các cấp và các tổ chức chính trị - xã hội")


def test_tho_xuan_part_v_1_bullets_and_appendix_header(seeded):
    plan = Plan.objects.get(code="thoxuan-2024")
    bullets = list(plan.sections.filter(part__startswith="V.1.").order_by("order"))
    assert len(bullets) == 2
    assert bullets[0].text.startswith("Trên cơ sở các chỉ tiêu, nhiệm vụ được giao tại Kế hoạch này")
    assert bullets[1].text.startswith("Tiếp tục phát động phong trào thi đua")
    decision = plan.legal_bases.get(document_number="2611-QĐ/HU")
    assert (decision.document_date, decision.relation) == (D(2024, 2, 5), "dan_chieu")
    header = plan.sections.get(part__startswith="Phụ lục 2")
    assert "QĐ2611-QĐ-HU ngày 05/02/2024" in header.text


# --------------------------------------------------------------------------- agencies and duties


def test_agencies_named_by_the_seeds_exist_with_duties(seeded):
    for plan_code, agency in [
        ("thoxuan-2024", "Phòng Lao động - Thương binh và Xã hội"),
        ("yenbai-81-2022", "Sở Lao động - Thương binh và Xã hội"),
        ("angiang-72-2017", "Sở Lao động - Thương binh và Xã hội"),
        ("angiang-72-2017", "Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 tỉnh"),
    ]:
        assert Task.objects.filter(plan__code=plan_code, agency__name=agency).exists(), (plan_code, agency)


# --------------------------------------------------------------------------- old databases, idempotence


def test_an_old_database_is_corrected_once_and_edits_are_kept(seeded):
    # given a database loaded from the old transcription
    yen_bai = _target("yenbai-81-2022", STUNTING)
    IndicatorTarget.objects.filter(pk=yen_bai.pk).update(comparison=TargetComparison.AT_MOST)
    an_giang = Plan.objects.get(code="angiang-72-2017")
    old = IndicatorTarget.objects.create(plan=an_giang, name="Tỷ lệ hộ nghèo toàn tỉnh", measure_unit="%",
                                         value_min=Decimal("2.5"), comparison="at_most", period="in_year",
                                         year=2015, baseline_value=Decimal("9.28"), baseline_year=2011)
    TargetProgress.objects.create(target=old, period_label="Cuối năm 2015", as_of=D(2015, 12, 31),
                                  actual_value=Decimal("2.5"))
    # when the seeds are loaded again (make setup)
    call_command("load_seed_plans", verbosity=0)
    # then both are corrected, with an event each
    assert _target("yenbai-81-2022", STUNTING).comparison == TargetComparison.BELOW
    assert not IndicatorTarget.objects.filter(pk=old.pk).exists()
    assert PlanEvent.objects.filter(action="seed_fix").count() == 2
    # and a second run changes nothing
    counts = (IndicatorTarget.objects.count(), PlanSection.objects.count(), LegalBasis.objects.count(),
              PriorResult.objects.count(), Task.objects.count(), Agency.objects.count())
    call_command("load_seed_plans", verbosity=0)
    assert (IndicatorTarget.objects.count(), PlanSection.objects.count(), LegalBasis.objects.count(),
            PriorResult.objects.count(), Task.objects.count(), Agency.objects.count()) == counts
    assert PlanEvent.objects.filter(action="seed_fix").count() == 2


def test_a_value_someone_edited_is_not_corrected(seeded):
    target = _target("yenbai-81-2022", STUNTING)
    IndicatorTarget.objects.filter(pk=target.pk).update(comparison=TargetComparison.AT_MOST, value_min=35)
    call_command("load_seed_plans", verbosity=0)
    target.refresh_from_db()
    assert (target.comparison, target.value_min) == (TargetComparison.AT_MOST, Decimal("35"))


# --------------------------------------------------------------------------- plan pages


@pytest.mark.parametrize("code, texts", [
    ("thoxuan-2024", ["III.1. Giải pháp chung", "1.8.", "V.1. Các phòng, ban, ngành cấp huyện",
                      "2611-QĐ/HU", "05/02/2024", "QĐ2611-QĐ-HU ngày 05/02/2024"]),
    ("yenbai-81-2022", ["V. Các giải pháp chủ yếu", "Phân bổ nguồn lực ngân sách và huy động", "05-CT/TW",
                        "07/2022/NQ-HĐND", "&lt; 37 %"]),
    ("angiang-72-2017", ["Kết quả giai đoạn trước", "9,28% (đầu năm 2011)", "2,5% (cuối năm 2015)",
                         "Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 tỉnh"]),
])
def test_items_appear_on_the_plan_pages(seeded, client, code, texts):
    client.force_login(UserFactory(username=f"admin-{code}", is_superuser=True, is_staff=True, role="admin"))
    plan = Plan.objects.get(code=code)
    body = client.get(plan.get_absolute_url()).content.decode()
    for text in texts:
        assert text in body, text
    assert reverse("plans:plan_list")
