"""The demo plans transcribed from the five seed documents (``load_seed_plans``)."""

import datetime
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from directory.models import AdministrativeUnit, UnitLevel
from plans.models import (
    CommuneSupportAssignment,
    IndicatorTarget,
    LegalBasis,
    Plan,
    PlanEvent,
    Project,
    ProjectKind,
    QuotaRow,
    QuotaTable,
    TargetPeriod,
    TargetProgress,
    Task,
    TaskRecurrence,
    TaskRole,
    TaskStatus,
)
from plans.seed_data import PLANS
from plans.services.quotas import QuotaRowInput, quota_table_validate
from tests.plans.assets.make_assets import PHU_LUC_01

pytestmark = pytest.mark.django_db

def _seeds_dir() -> Path:
    """``../shared/seeds`` of the checkout, also from a worktree one level deeper (/work/wt/NAME)."""
    for parent in Path(__file__).resolve().parents[2:]:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared" / "seeds"
    return Path(__file__).resolve().parents[3] / "shared" / "seeds"


SEEDS_DIR = _seeds_dir()

# Section III.2 of the Thọ Xuân plan: the 14 offices and bodies given tasks (2.3 to 2.15).
THO_XUAN_BODIES = [
    "Phòng Lao động - Thương binh và Xã hội", "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Văn hóa - Thông tin", "Phòng Tài chính - Kế hoạch", "Phòng Giáo dục và Đào tạo",
    "Văn phòng HĐND-UBND (Y tế)", "Phòng Kinh tế - Hạ tầng", "Phòng Tư pháp", "Phòng Tài nguyên và Môi trường",
    "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch", "Ngân hàng Chính sách xã hội huyện", "Bảo hiểm xã hội huyện",
    "Các phòng, ban, ngành khác", "Ủy ban nhân dân các xã, thị trấn",
]

# Section VI of the Yên Bái plan: 20 items, two of which name two bodies each.
YEN_BAI_BODIES = [
    "Sở Lao động - Thương binh và Xã hội", "Sở Kế hoạch và Đầu tư", "Sở Tài chính",
    "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    "Sở Giao thông vận tải", "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương", "Sở Nội vụ",
    "Sở Thông tin và Truyền thông", "Sở Xây dựng", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Cục Thống kê",
    "Bảo hiểm xã hội tỉnh", "Báo Yên Bái", "Đài Phát thanh và Truyền hình tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái", "Các tổ chức chính trị - xã hội tỉnh",
    "Ủy ban nhân dân các huyện, thị xã, thành phố",
]

MODELS = [Plan, LegalBasis, IndicatorTarget, TargetProgress, Project, Task, QuotaTable, QuotaRow,
          CommuneSupportAssignment, PlanEvent]


@pytest.fixture
def seeded(db):
    call_command("loaddata", "units", verbosity=0)
    call_command("load_seed_plans", verbosity=0)


def test_the_five_documents_and_the_two_parent_plans_exist(seeded):
    codes = set(Plan.objects.values_list("code", flat=True))
    assert codes == {"thoxuan-2024", "yenbai-81-2022", "tayhoa-2022", "angiang-72-2017", "hue-2023",
                     "phuyen-62-2022", "tayhoa-hu-108-2022"}

    tho_xuan = Plan.objects.get(code="thoxuan-2024")
    assert (tho_xuan.number, tho_xuan.unit.code, tho_xuan.signer_name) == ("", "395", "Nguyễn Xuân Hải")
    assert (tho_xuan.first_year, tho_xuan.last_year, tho_xuan.issue_date) == (2024, 2024, None)
    assert tho_xuan.legal_bases.get(document_number="07-QĐ/BCĐ").document_date == datetime.date(2024, 2, 20)

    yen_bai = Plan.objects.get(code="yenbai-81-2022")
    assert (yen_bai.number, yen_bai.unit.code, yen_bai.issue_date) == ("81/KH-UBND", "15", datetime.date(2022, 4, 4))
    assert (yen_bai.first_year, yen_bai.last_year, yen_bai.signer_name) == (2022, 2025, "Vũ Thị Hiền Hạnh")
    assert yen_bai.legal_bases.get(relation="thuc_hien").document_number == "90/QĐ-TTg"

    tay_hoa = Plan.objects.get(code="tayhoa-2022")
    assert (tay_hoa.number, tay_hoa.unit.code, tay_hoa.last_year) == ("", "562", 2030)
    parents = tay_hoa.implemented_plans()
    assert {(p.code, p.number, p.unit.code) for p in parents} == {
        ("phuyen-62-2022", "62/KH-UBND", "54"), ("tayhoa-hu-108-2022", "108-KH/HU", "562")}
    assert Plan.objects.get(code="phuyen-62-2022").issue_date == datetime.date(2022, 3, 16)

    an_giang = Plan.objects.get(code="angiang-72-2017")
    assert (an_giang.number, an_giang.issue_date, an_giang.first_year, an_giang.last_year) == (
        "72/KH-UBND", datetime.date(2017, 2, 17), 2016, 2020)
    hue = Plan.objects.get(code="hue-2023")
    assert (hue.kind, hue.unit.code, hue.issue_date) == ("ket_luan", "46", datetime.date(2023, 3, 3))


def test_tho_xuan_quota_table_is_phu_luc_01(seeded):
    table = QuotaTable.objects.get(plan__code="thoxuan-2024", year=2024)
    rows = list(table.rows.select_related("commune").order_by("order"))

    assert [(r.commune.display_name, r.total, r.without_labour, r.with_labour) for r in rows] == PHU_LUC_01
    assert table.rows.aggregate(t=Sum("total"), a=Sum("without_labour"), b=Sum("with_labour")) == {
        "t": 180, "a": 50, "b": 130}
    assert (table.target_total, table.target_without_labour, table.target_with_labour) == (180, 50, 130)
    tho_xuan = AdministrativeUnit.objects.get(code="395")
    for row in rows:
        assert row.total == row.without_labour + row.with_labour
        assert row.commune.level == UnitLevel.COMMUNE and row.commune.parent_id == tho_xuan.pk
    # and the shared quota rules accept it as it stands
    inputs = [QuotaRowInput(commune=r.commune, total=r.total, without_labour=r.without_labour,
                            with_labour=r.with_labour) for r in rows]
    assert quota_table_validate(inputs, table=table) == []


def test_tho_xuan_support_assignments_are_the_second_appendix(seeded):
    assignments = {a.commune.display_name: a for a in CommuneSupportAssignment.objects
                   .filter(plan__code="thoxuan-2024").select_related("commune").prefetch_related("agencies")}

    assert len(assignments) == 30
    assert set(assignments) == {name for name, *_ in PHU_LUC_01}
    assert all(a.agencies.all() for a in assignments.values())
    assert assignments["TT Lam Sơn"].steering_member == "Phạm Văn Luận"
    assert assignments["Xuân Giang"].steering_member == "Hà Thị Ngân"
    tho_loc = assignments["Thọ Lộc"]
    assert tho_loc.agencies_as_written == "Phòng Tư Pháp, Bệnh viện Đa khoa huyện"
    assert {a.name for a in tho_loc.agencies.all()} == {"Phòng Tư pháp", "Bệnh viện Đa khoa huyện"}
    assert {a.name for a in assignments["Xuân Lập"].agencies.all()} == {
        "Viện Kiểm sát nhân dân huyện", "Tòa án nhân dân huyện"}
    assert {a.name for a in assignments["TT Sao Vàng"].agencies.all()} == {"Hội Liên hiệp Phụ nữ huyện"}


def test_tho_xuan_targets_tasks_and_deadlines(seeded):
    plan = Plan.objects.get(code="thoxuan-2024")
    households = plan.targets.get(parent=None, measure_unit="hộ")
    assert (households.value_min, households.period, households.year) == (Decimal(180), TargetPeriod.IN_YEAR, 2024)
    parts = {t.name: t.value_min for t in households.children.all()}
    assert parts == {"Trong đó: hộ nghèo không có khả năng lao động": 50,
                     "Trong đó: hộ nghèo có khả năng lao động": 130}
    assert plan.targets.get(measure_unit="%").value_min == Decimal("0.31")
    # the dashboard measures these itself from the approved reviews
    assert dict(plan.targets.values_list("name", "measure")) == {
        "Giảm số hộ nghèo toàn huyện": "poor_reduced",
        "Trong đó: hộ nghèo không có khả năng lao động": "poor_reduced_no_labour",
        "Trong đó: hộ nghèo có khả năng lao động": "poor_reduced_labour",
        "Giảm tỷ lệ hộ nghèo so với số hộ tự nhiên": "poor_rate_drop",
    }

    with_tasks = set(plan.tasks.values_list("agency__name", flat=True))
    assert set(THO_XUAN_BODIES) <= with_tasks
    communes = "Ủy ban nhân dân các xã, thị trấn"
    due = set(plan.tasks.filter(agency__name=communes, due_date__isnull=False).values_list("due_date", flat=True))
    assert due == {datetime.date(2024, 3, 20), datetime.date(2024, 6, 20), datetime.date(2024, 10, 30)}
    escape_list = plan.tasks.get(due_date=datetime.date(2024, 3, 20))
    assert "có khả năng thoát nghèo trong năm 2024" in escape_list.text
    # "Phối hợp với ..." duties are coordinating ones, the rest lead
    assert plan.tasks.filter(text__startswith="Phối hợp", role=TaskRole.COORDINATE).count() == 2
    assert not plan.tasks.filter(text__startswith="Phối hợp", role=TaskRole.LEAD).exists()


def test_yen_bai_projects_sub_projects_and_agencies(seeded):
    plan = Plan.objects.get(code="yenbai-81-2022")
    projects = (Project.objects.filter(plan=plan, parent=None, kind=ProjectKind.PROJECT)
                .annotate(n_sub=Count("subprojects")).order_by("number"))

    assert [(p.number, p.n_sub) for p in projects] == [(1, 1), (2, 0), (3, 2), (4, 3), (5, 0), (6, 2), (7, 2)]
    for project in projects:
        for unit in [project, *project.subprojects.all()] if project.n_sub else [project]:
            if unit.kind == ProjectKind.SUBPROJECT or not project.n_sub:
                assert unit.objective and unit.beneficiaries and unit.lead_display, unit
    housing = projects.get(number=5)
    assert housing.lead_agency.name == "Sở Xây dựng"
    assert {a.name for a in housing.coordinating_agencies.all()} == {
        "Sở Lao động - Thương binh và Xã hội", "Ủy ban nhân dân các huyện, thị xã, thành phố"}
    communication = Project.objects.get(parent__plan=plan, parent__number=6, number=2)
    assert {"Sở Thông tin và Truyền thông", "Báo Yên Bái", "Đài Phát thanh và Truyền hình tỉnh"} <= {
        a.name for a in communication.coordinating_agencies.all()}
    infrastructure = Project.objects.get(parent__plan=plan, parent__number=1, number=1)
    assert infrastructure.beneficiaries == "huyện Trạm Tấu, huyện Mù Cang Chải."
    assert {(t.agency.unit.code, t.role) for t in infrastructure.tasks.select_related("agency__unit")} == {
        ("139", TaskRole.LEAD), ("137", TaskRole.LEAD)}
    # section III.2: the policies, with the five deprivation dimensions under the second one
    policies = Project.objects.filter(plan=plan, parent=None, kind=ProjectKind.POLICY)
    assert policies.count() == 3
    assert policies.get(number=1).lead_agency.name == "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"
    assert policies.get(number=2).subprojects.count() == 5


def test_yen_bai_targets(seeded):
    targets = IndicatorTarget.objects.filter(plan__code="yenbai-81-2022").select_related("applies_to_unit")

    def one(**kw):
        return targets.get(**kw)

    rate = one(parent=None, value_min=Decimal("3.3"))
    assert (rate.period, rate.measure_unit, rate.applies_to_unit.code) == (TargetPeriod.PER_YEAR, "%", "15")
    assert {(t.applies_to_unit.code, t.value_min) for t in rate.children.all()} == {
        ("139", Decimal("6.5")), ("137", Decimal("7.67"))}
    assert targets.filter(measure_unit="lần", value_min=Decimal("1.5")).count() == 2
    assert one(measure_unit="xã").value_min == 30
    jobs = one(measure_unit="người", value_min=2500)
    assert (jobs.value_max, jobs.value_label) == (3000, "2.500–3.000 người")
    abroad = one(measure_unit="người", value_min=160)
    assert (abroad.value_max, abroad.parent.value_min) == (200, 2000)
    assert one(measure_unit="mô hình").is_range
    assert one(measure_unit="hộ").value_min == 700
    assert one(value_min=Decimal("47.3")).children.get().value_min == 25
    assert one(value_min=37).comparison == "below"  # "xuống dưới 37%": strictly below
    assert {t.value_min for t in targets.filter(applies_to_group="Chiều thiếu hụt về thông tin")} == {90, 98}
    assert targets.count() == 29


def test_yen_bai_bodies_and_reporting_duties(seeded):
    tasks = Task.objects.filter(plan__code="yenbai-81-2022")
    assert set(YEN_BAI_BODIES) <= set(tasks.values_list("agency__name", flat=True))
    yearly = tasks.filter(recurrence=TaskRecurrence.YEARLY)
    assert set(yearly.values_list("recurrence_note", flat=True)) == {
        "trước ngày 10/12 hàng năm", "trước ngày 25/12 hàng năm"}
    assert yearly.get(recurrence_note="trước ngày 25/12 hàng năm").agency.name == "Sở Lao động - Thương binh và Xã hội"
    assert yearly.filter(recurrence_note="trước ngày 10/12 hàng năm").count() == 7
    assert tasks.get(agency__name="Cục Thống kê").role == TaskRole.COORDINATE


def test_other_plans_targets_and_tasks(seeded):
    tay_hoa = IndicatorTarget.objects.get(plan__code="tayhoa-2022")
    assert (tay_hoa.value_min, tay_hoa.period, tay_hoa.measure_unit) == (1, TargetPeriod.PER_YEAR, "%")
    assert Task.objects.filter(plan__code="tayhoa-2022", agency__is_programme_secretariat=True).exists()

    hue = {t.year: t for t in IndicatorTarget.objects.filter(plan__code="hue-2023").select_related("applies_to_unit")}
    assert (hue[2024].value_min, hue[2025].value_min) == (Decimal("2.2"), Decimal("1.84"))
    assert hue[2024].comparison == hue[2025].comparison == "at_most"
    assert (hue[2023].applies_to_unit.name, hue[2023].measure_unit) == ("A Lưới", "huyện")
    assert Task.objects.filter(plan__code="hue-2023").count() >= 6

    # An Giang sets no figure for 2016-2020; its 9,28% → 2,5% is a 2011-2015 result (test_seed_facts)
    assert not IndicatorTarget.objects.filter(plan__code="angiang-72-2017").exists()
    assert Task.objects.filter(plan__code="angiang-72-2017").values("agency").distinct().count() >= 14


def test_loading_again_duplicates_nothing_and_keeps_edits(seeded):
    counts = {model: model.objects.count() for model in MODELS}
    task = Task.objects.filter(plan__code="thoxuan-2024").first()
    task.status = TaskStatus.IN_PROGRESS
    task.save(update_fields=["status"])
    row = QuotaRow.objects.get(table__plan__code="thoxuan-2024", commune__code="15547")
    QuotaRow.objects.filter(pk=row.pk).update(note="đã sửa trên trang")

    call_command("load_seed_plans", verbosity=0)

    assert {model: model.objects.count() for model in MODELS} == counts
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS
    assert QuotaRow.objects.get(pk=row.pk).note == "đã sửa trên trang"


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"seed documents not found at {SEEDS_DIR}")
def test_texts_are_copied_from_the_seed_documents():
    """Every text the data modules present as the document's own words appears in that document."""
    missing = []
    for plan in PLANS:
        seed = _norm((SEEDS_DIR / plan.source).read_text(encoding="utf-8"))
        texts = [plan.purpose, plan.requirements, plan.general_objective]
        texts += [b.title for b in plan.legal_bases]
        texts += [t.text for t in plan.tasks]
        stack = list(plan.projects)
        while stack:
            project = stack.pop()
            texts += [project.name, project.objective, project.beneficiaries, project.support_content]
            stack.extend(project.children)
        for item in plan.support_assignments:
            texts += [item.commune, item.agencies_as_written, item.steering_member]
        for table in plan.quota_tables:
            texts += [table.title] + [row.commune for row in table.rows]
        for section in plan.sections:
            texts += [section.title, section.text]
        texts += [result.quote for result in plan.prior_results]
        texts += [item.as_written for item in plan.funding]
        for text in texts:
            for paragraph in filter(None, (text or "").split("\n")):
                if _norm(paragraph).rstrip(".;:") not in seed:
                    missing.append((plan.code, paragraph[:80]))
    assert missing == []
