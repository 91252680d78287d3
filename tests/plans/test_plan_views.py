"""Plan list and plan page: scoped, filterable, bounded queries, no edit buttons for read-only roles."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from plans.models import CommuneSupportAssignment, LegalBasis, Project, TargetPeriod, TargetProgress

from .factories import (
    IndicatorTargetFactory,
    PlanFactory,
    ProjectFactory,
    QuotaRowFactory,
    QuotaTableFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def test_list_shows_plans_in_scope_only(client_for, district_staff, plan, other_plan):
    body = client_for(district_staff).get(reverse("plans:plan_list")).content.decode()
    assert plan.code in body and other_plan.code not in body


def test_province_staff_see_both_and_filter(client_for, province_staff, plan, other_plan, province):
    old = PlanFactory(code="tinh-2017", unit=province, first_year=2016, last_year=2020, kind="chi_thi")
    client = client_for(province_staff)
    body = client.get(reverse("plans:plan_list")).content.decode()
    assert all(p.code in body for p in (plan, other_plan, old))
    body = client.get(reverse("plans:plan_list"), {"year": 2018}).content.decode()
    assert old.code in body and plan.code not in body
    body = client.get(reverse("plans:plan_list"), {"unit": plan.unit_id}).content.decode()
    assert plan.code in body and other_plan.code not in body and old.code not in body
    body = client.get(reverse("plans:plan_list"), {"kind": "ke_hoach"}).content.decode()
    assert plan.code in body and old.code not in body


def test_commune_user_sees_no_district_plan(client_for, commune_a_user, plan):
    body = client_for(commune_a_user).get(reverse("plans:plan_list")).content.decode()
    assert plan.code not in body
    assert client_for(commune_a_user).get(plan.get_absolute_url()).status_code == 404


def test_outsider_gets_404_on_detail(client_for, district_staff, other_plan):
    assert client_for(district_staff).get(other_plan.get_absolute_url()).status_code == 404


def _fill(plan, district, commune_a, commune_b, agency, n):
    """A plan with n of everything, to show the page's query count does not grow with it."""
    for i in range(n):
        target = IndicatorTargetFactory(plan=plan, order=i)
        TargetProgress.objects.create(target=target, period_label="2024", as_of=datetime.date(2024, 6, 30),
                                      actual_value=i)
        project = ProjectFactory(plan=plan, number=i + 1, lead_agency=agency)
        project.coordinating_agencies.add(agency)
        sub = Project.objects.create(plan=plan, parent=project, kind="tieu_du_an", number=1, name=f"TDA {i}")
        sub.coordinating_agencies.add(agency)
        TaskFactory(plan=plan, agency=agency, project=project)
        LegalBasis.objects.create(plan=plan, document_number=f"{i}/QĐ-TTg")
    table = QuotaTableFactory(plan=plan, year=2024)
    for commune in (commune_a, commune_b):
        QuotaRowFactory(table=table, commune=commune)
        assignment = CommuneSupportAssignment.objects.create(plan=plan, commune=commune, steering_member="Ông A")
        assignment.agencies.add(agency)


def test_detail_query_count_is_bounded(client_for, district_staff, plan, district, commune_a, commune_b, agency,
                                       django_assert_max_num_queries):
    _fill(plan, district, commune_a, commune_b, agency, 8)
    client = client_for(district_staff)
    # 20, plus the funds summary's two (the sources the plan names, the years with funds; then three grouped
    # queries per year with funds, never one per row: tests/funds)
    with django_assert_max_num_queries(22):
        response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("TDA ") == 8


def test_list_query_count_is_bounded(client_for, province_staff, province, django_assert_max_num_queries):
    for i in range(30):
        PlanFactory(code=f"p-{i}", unit=province)
    client = client_for(province_staff)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:plan_list"))
    assert response.status_code == 200 and "p-29" in response.content.decode()


def test_detail_sections(client_for, district_staff, plan, quota_table, agency, commune_a, own_task):
    target = IndicatorTargetFactory(plan=plan, name="Giảm hộ nghèo", value_min=180, measure_unit="hộ",
                                    period=TargetPeriod.IN_YEAR, year=2024)
    TargetProgress.objects.create(target=target, period_label="6 tháng đầu năm 2024", as_of=datetime.date(2024, 6, 30),
                                  actual_value=Decimal("95"))
    IndicatorTargetFactory(plan=plan, name="Tỷ lệ hộ nghèo", value_min=Decimal("0.31"), measure_unit="%")
    support = CommuneSupportAssignment.objects.create(plan=plan, commune=commune_a, order=3,
                                                      agencies_as_written="Phòng Kinh tế - Hạ tầng",
                                                      steering_member="Lê Đình Hảo")
    support.agencies.add(agency)
    body = client_for(district_staff).get(plan.get_absolute_url()).content.decode()
    assert "dự thảo, chưa có số" in body
    assert "≥ 180 hộ" in body and "(năm 2024)" in body and "95 hộ" in body and "chưa đạt" in body
    assert "≥ 0,31 %" in body
    assert own_task.text in body
    assert "TỔNG CỘNG" in body and "Năm 2024" in body
    assert "Lê Đình Hảo" in body and agency.name in body
    assert reverse("plans:quota_grid", kwargs={"code": plan.code, "year": 2024}) in body
    assert "Chế độ báo cáo" in body


def test_leadership_sees_no_edit_buttons(client_for, leadership, plan, quota_table):
    IndicatorTargetFactory(plan=plan)
    body = client_for(leadership).get(plan.get_absolute_url()).content.decode()
    assert "Xem bảng" in body
    for hidden in ("Sửa bảng", "Thêm bảng chỉ tiêu", "Giao nhiệm vụ", "Ghi kết quả"):
        assert hidden not in body


def test_staff_record_a_target_actual(client_for, district_staff, leadership, plan):
    target = IndicatorTargetFactory(plan=plan, value_min=Decimal("2.2"), measure_unit="%", comparison="at_most")
    url = reverse("plans:target_progress_add", kwargs={"pk": target.pk})
    assert client_for(leadership).post(url, {}).status_code == 403
    response = client_for(district_staff).post(url, {"period_label": "Năm 2024", "as_of": "31/12/2024",
                                                     "actual_value": "2,15", "source": "Kết quả rà soát"})
    assert response.status_code == 302
    entry = TargetProgress.objects.get()
    assert entry.actual_value == Decimal("2.15") and entry.recorded_by == district_staff
    body = client_for(district_staff).get(plan.get_absolute_url()).content.decode()
    assert "2,15 %" in body and "badge-green" in body


def test_a_sub_target_reads_trong_do_once(client_for, district_staff, plan):
    parent = IndicatorTargetFactory(plan=plan, name="Giảm số hộ nghèo toàn huyện", value_min=180)
    # as the Thọ Xuân plan writes it, and as other plans do (no prefix)
    IndicatorTargetFactory(plan=plan, parent=parent, name="Trong đó: hộ nghèo không có khả năng lao động",
                           value_min=50)
    IndicatorTargetFactory(plan=plan, parent=parent, name="hộ nghèo có khả năng lao động", value_min=130)
    body = client_for(district_staff).get(plan.get_absolute_url()).content.decode()
    assert body.count('<span class="muted">trong đó:</span>') == 1
    assert '<span class="muted">trong đó:</span> hộ nghèo có khả năng lao động' in body
    assert "Trong đó: hộ nghèo không có khả năng lao động" in body
    assert "trong đó:</span> Trong đó:" not in body
