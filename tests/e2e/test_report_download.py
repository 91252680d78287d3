"""District staff (huyen): generate the district's 2024 poverty report on its run page and download the workbook."""

import datetime

import openpyxl
import pytest
from playwright.sync_api import expect

from reports.models import JobStatus, ReportKind, ReportRun, RunAction
from tests.reports.factories import NOT_POOR, POOR, DutyFactory, HouseholdFactory, RunFactory, approved_review, total

pytestmark = pytest.mark.django_db(transaction=True)

# The summary sheet's columns as the district sends them up (under the document header).
SUMMARY_HEADERS = [
    "Mã đơn vị", "Đơn vị", "Tổng số hộ", "Hộ nghèo đầu kỳ", "Hộ thoát nghèo", "Hộ nghèo phát sinh", "Hộ tái nghèo",
    "Hộ nghèo cuối kỳ", "Tỷ lệ hộ nghèo cuối kỳ (%)", "Hộ cận nghèo đầu kỳ", "Hộ cận nghèo cuối kỳ",
    "Hộ nghèo DTTS cuối kỳ", "Chỉ tiêu giảm hộ nghèo", "Số hộ nghèo giảm", "Số hộ nghèo giảm - không có KNLĐ",
    "Số hộ nghèo giảm - có KNLĐ", "Tỷ lệ hoàn thành chỉ tiêu (%)",
]


def test_district_staff_generate_the_report_and_download_the_workbook(page, login, standards, district_staff,
                                                                      province, commune_a, commune_b, tmp_path):
    # given Xuân Bái with two poor households at the end of 2023, one of which escaped poverty in 2024
    escaped = HouseholdFactory(commune=commune_a, code="XB-0001")
    stayed = HouseholdFactory(commune=commune_a, code="XB-0002")
    for household in (escaped, stayed):
        approved_review(household, year=2023, category=POOR)
    approved_review(escaped, year=2024, category=NOT_POOR)
    approved_review(stayed, year=2024, category=POOR)
    total(commune_a, 2024, 200)
    # and the district's yearly report owed to the province
    duty = DutyFactory(code="bc-giam-ngheo-nam", title="Báo cáo kết quả giảm nghèo năm", owner_unit=province,
                       kind=ReportKind.POVERTY, reporter_level="district", due_day=15, due_month=12)
    run = RunFactory(duty=duty, reporting_unit=district_staff.unit)

    # when the district officer finds it in the report calendar
    login("huyen")
    page.get_by_role("link", name="Lịch báo cáo").click()
    expect(page.get_by_role("heading", name="Lịch báo cáo")).to_be_visible()
    page.get_by_label("Năm").select_option("2024")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**year=2024**")
    row = page.locator("tbody tr", has_text="Báo cáo kết quả giảm nghèo năm")
    expect(row).to_contain_text("15/12/2024")
    expect(row).to_contain_text("Thọ Xuân")
    row.get_by_role("link", name="Báo cáo kết quả giảm nghèo năm").click()
    page.wait_for_url(f"**/bao-cao/ky/{run.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Báo cáo kết quả giảm nghèo năm")
    job = page.locator("#job-status")
    expect(job).to_have_text("Chưa tạo")

    # and asks for the report (the Celery task runs eagerly in the tests)
    page.get_by_role("button", name="Tạo báo cáo").click()
    expect(page.locator("ul.messages")).to_have_text("Đã xếp hàng tạo báo cáo; trang sẽ tự cập nhật khi xong.")
    expect(job).to_have_text("Đã tạo xong")
    expect(page.get_by_role("button", name="Tạo lại báo cáo")).to_be_visible()
    expect(page.locator("#lich-su")).to_contain_text("Yêu cầu tạo báo cáo")
    expect(page.locator("#lich-su")).to_contain_text("Đã tạo báo cáo")

    # then the workbook downloads
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải báo cáo đã tạo (.xlsx)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    assert download.suggested_filename.startswith("bc-giam-ngheo-nam-2024-")

    # and its first sheet is the summary with the expected columns and Xuân Bái's figures
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    workbook = openpyxl.load_workbook(saved)  # not read-only: every row as wide as the sheet
    assert workbook.sheetnames[0] == "Tổng hợp"
    rows = list(workbook["Tổng hợp"].iter_rows(values_only=True))
    workbook.close()
    # the print-ready document header: the issuing body above the title, then the column headers in two rows
    # (a grouped column's own header is in the second one)
    top = next(i for i, row in enumerate(rows) if row[0] == "Mã đơn vị")
    document_header = [cell for row in rows[:top] for cell in row if cell]
    assert rows[0][0] == "UBND HUYỆN THỌ XUÂN"
    assert "BÁO CÁO KẾT QUẢ GIẢM NGHÈO – NĂM 2024" in document_header
    header = [below if below is not None else above for above, below in zip(rows[top], rows[top + 1], strict=True)]
    assert header[:len(SUMMARY_HEADERS)] == SUMMARY_HEADERS
    by_code = {r[0]: dict(zip(SUMMARY_HEADERS, r, strict=False)) for r in rows[top + 2:] if r and r[0]}
    xuan_bai = by_code["15547"]
    assert xuan_bai["Đơn vị"] == "Xuân Bái"
    assert (xuan_bai["Tổng số hộ"], xuan_bai["Hộ nghèo đầu kỳ"], xuan_bai["Hộ thoát nghèo"],
            xuan_bai["Hộ nghèo cuối kỳ"], xuan_bai["Số hộ nghèo giảm"]) == (200, 2, 1, 1, 1)
    assert xuan_bai["Tỷ lệ hộ nghèo cuối kỳ (%)"] == 0.005  # 1 of 200: a rate cell holds the fraction, shown as 0.50%
    assert by_code["15541"]["Hộ nghèo đầu kỳ"] == 0  # Thọ Lâm: no household
    totals = next(r for r in rows[top + 2:] if r and r[1] == "Tổng cộng")
    assert totals[3:5] == (2, 1)

    # the database: the run holds the file it served, and the events say who asked for it
    run.refresh_from_db()
    assert run.job_status == JobStatus.SUCCESS and run.generated_file.name.endswith(download.suggested_filename)
    assert run.job_finished_at is not None and run.job_finished_at <= datetime.datetime.now(datetime.UTC)
    assert list(run.events.order_by("pk").values_list("action", "actor")) == [
        (RunAction.GENERATE_REQUESTED, district_staff.pk), (RunAction.GENERATED, None)]
    assert ReportRun.objects.get(pk=run.pk).submitted_at is None  # generating is not submitting
