"""Issue 14, point 5: a commune official reads the plans, targets and quota rows that name their commune
(read-only) instead of a 404; only their own rows; never a write. Across the reform a new xã reads the rows
naming its predecessor communes (``directory.scoping``: ``readable_by``)."""

import pytest
from django.urls import reverse

from directory.models import Role
from plans.models import IndicatorTarget, Plan, QuotaRow, QuotaTable, TargetProgress
from tests.factories import CommuneFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import IndicatorTargetFactory, PlanFactory, QuotaRowFactory, QuotaTableFactory
from tests.reform import build_reform

pytestmark = pytest.mark.django_db


@pytest.fixture
def named():
    province = ProvinceFactory(code="38", name="Thanh Hóa")
    district = DistrictFactory(code="395", name="Thọ Xuân", parent=province)
    mine = CommuneFactory(code="15547", name="Xuân Bái", parent=district)
    other = CommuneFactory(code="15541", name="Thọ Lâm", parent=district)
    plan = PlanFactory(code="thoxuan-2024", unit=district)
    table = QuotaTableFactory(plan=plan, year=2024)
    QuotaRowFactory(table=table, commune=mine, total=7, without_labour=2, with_labour=5, order=1)
    QuotaRowFactory(table=table, commune=other, total=913, without_labour=900, with_labour=13, order=2)
    IndicatorTargetFactory(plan=plan, name="Giảm hộ nghèo Xuân Bái", applies_to_unit=mine)
    IndicatorTargetFactory(plan=plan, name="Giảm hộ nghèo Thọ Lâm", applies_to_unit=other)
    unrelated = PlanFactory(code="khac-2024", unit=district)  # names no commune
    official = UserFactory(username="xa_doc", role=Role.COMMUNE_OFFICIAL, unit=mine, is_unit_chairman=True)
    return plan, table, unrelated, official


def test_the_official_reads_the_plan_its_targets_and_its_own_quota_row_only(client, named):
    plan, table, unrelated, official = named
    client.force_login(official)
    listing = client.get(reverse("plans:plan_list")).content.decode()
    assert "thoxuan-2024" in listing and "khac-2024" not in listing
    page = client.get(reverse("plans:plan_detail", kwargs={"code": plan.code}))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Giảm hộ nghèo Xuân Bái" in text and "Giảm hộ nghèo Thọ Lâm" not in text
    assert "<td>Xuân Bái</td>" in text and "Thọ Lâm" not in text and "913" not in text
    assert "Ghi kết quả" not in text and "Sửa bảng" not in text and "Thêm bảng chỉ tiêu" not in text
    grid = client.get(reverse("plans:quota_grid", kwargs={"code": plan.code, "year": 2024}))
    assert grid.status_code == 200
    grid_text = grid.content.decode()
    assert "Xuân Bái" in grid_text and "Thọ Lâm" not in grid_text and "Lưu bảng" not in grid_text
    export = client.get(reverse("plans:quota_export", kwargs={"code": plan.code, "year": 2024}))
    assert export.status_code == 200
    assert client.get(reverse("plans:plan_detail", kwargs={"code": unrelated.code})).status_code == 404


def test_the_official_cannot_write_anything_it_reads(client, named):
    plan, table, _, official = named
    client.force_login(official)
    rows_before = list(QuotaRow.objects.values_list("pk", "total", "note"))
    version = table.version
    target = IndicatorTarget.objects.get(applies_to_unit=official.unit)
    for name, kwargs in [("plans:quota_grid", {"code": plan.code, "year": 2024}),
                         ("plans:quota_allocate", {"code": plan.code, "year": 2024}),
                         ("plans:quota_table_create", {"code": plan.code}),
                         ("plans:quota_import", {"code": plan.code}),
                         ("plans:task_create", {"code": plan.code}),
                         ("plans:target_progress_add", {"pk": target.pk})]:
        answer = client.post(reverse(name, kwargs=kwargs), {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0",
                                                             "form-0-commune": official.unit_id, "form-0-total": "1",
                                                             "version": str(version), "actual_value": "1"})
        assert answer.status_code in (403, 404), (name, answer.status_code)
    assert list(QuotaRow.objects.values_list("pk", "total", "note")) == rows_before
    assert QuotaTable.objects.get(pk=table.pk).version == version
    assert not TargetProgress.objects.filter(target=target).exists()


def test_district_staff_still_edit_their_own_plan_and_only_read_a_province_plan_naming_them(client, named):
    plan, table, _, official = named
    district = plan.unit
    staff = UserFactory(username="huyen_sua", role=Role.DISTRICT_STAFF, unit=district, is_staff=True)
    province_plan = PlanFactory(code="thanhhoa-2024", unit=district.parent)
    province_table = QuotaTableFactory(plan=province_plan, year=2024)
    QuotaRowFactory(table=province_table, commune=official.unit, total=3, without_labour=1, with_labour=2)
    client.force_login(staff)
    own = client.get(reverse("plans:plan_detail", kwargs={"code": plan.code})).content.decode()
    assert "Sửa bảng" in own and "913" in own
    read = client.get(reverse("plans:plan_detail", kwargs={"code": province_plan.code}))
    assert read.status_code == 200 and "Sửa bảng" not in read.content.decode()
    url = reverse("plans:quota_grid", kwargs={"code": province_plan.code, "year": 2024})
    assert "Lưu bảng" not in client.get(url).content.decode()
    assert client.post(url, {"version": "1"}).status_code == 404  # writes go through for_user: not theirs
    assert client.get(reverse("plans:quota_allocate", kwargs={"code": province_plan.code, "year": 2024})
                      ).status_code == 404


def test_a_new_xa_reads_the_rows_naming_its_predecessors_and_so_does_an_old_communes_account():
    """Decision: the named unit is matched against the user's scope with its history (lineage), so Xã Lam Sơn
    (from 01/07/2025) reads the Thọ Xuân 2024 rows of Xuân Bái, Thọ Xương and TT Lam Sơn, not Thọ Lâm's; the
    old Xuân Bái account works in Xã Lam Sơn today (it follows its unit's lineage) and reads what Xã Lam Sơn
    reads (it used to read Xuân Bái's rows only: the old rule, changed)."""
    reform = build_reform()
    plan = PlanFactory(code="thoxuan-2024", unit=reform.tho_xuan_district)
    table = QuotaTableFactory(plan=plan, year=2024)
    for order, name in enumerate(["Xuân Bái", "Thọ Xương", "TT Lam Sơn", "Thọ Lâm"]):
        QuotaRowFactory(table=table, commune=reform.old[name], total=1, without_labour=1, with_labour=0, order=order)
    later = PlanFactory(code="thanhhoa-2026", unit=reform.thanh_hoa)
    QuotaRowFactory(table=QuotaTableFactory(plan=later, year=2026), commune=reform.new["Lam Sơn"], total=2,
                    without_labour=1, with_labour=1)
    lamson = UserFactory(username="lamson_doc", role=Role.COMMUNE_OFFICIAL, unit=reform.new["Lam Sơn"])
    xuanbai = UserFactory(username="xuanbai_doc", role=Role.COMMUNE_OFFICIAL, unit=reform.old["Xuân Bái"])
    rows = QuotaRow.objects.readable_by(lamson).filter(table=table)
    assert sorted(r.commune.name for r in rows) == ["Lam Sơn", "Thọ Xương", "Xuân Bái"]
    assert set(Plan.objects.readable_by(lamson).values_list("code", flat=True)) == {"thoxuan-2024", "thanhhoa-2026"}
    assert set(QuotaRow.objects.readable_by(xuanbai)) == set(QuotaRow.objects.readable_by(lamson))
    assert "Thọ Lâm" not in {r.commune.name for r in QuotaRow.objects.readable_by(xuanbai)}
    assert set(Plan.objects.readable_by(xuanbai).values_list("code", flat=True)) == {"thoxuan-2024", "thanhhoa-2026"}
    assert not Plan.objects.for_user(lamson).exists() and not QuotaRow.objects.for_user(lamson).exists()
