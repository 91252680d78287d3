"""Agency staff (coquan): open “Nhiệm vụ của tôi”, post progress on one of their agency's tasks."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plans.models import PlanEvent, TaskProgress, TaskStatus
from tests.factories import AgencyFactory
from tests.plans.factories import PlanFactory, TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_agency_staff_post_progress_on_their_task(page, login, agency_user, agency, district):
    # given a plan with one task for the officer's agency and one for another agency
    plan = PlanFactory(code="thoxuan-2024", number="15/KH-UBND", unit=district)
    own = TaskFactory(plan=plan, agency=agency, text="Hướng dẫn các xã tiếp cận dịch vụ y tế cho hộ nghèo")
    other = TaskFactory(plan=plan, agency=AgencyFactory(name="Phòng Nội vụ", unit=district),
                        text="Rà soát cán bộ làm công tác giảm nghèo")

    # when the officer opens their tasks from the menu
    login("coquan")
    page.locator("nav.mainnav").get_by_role("link", name="Nhiệm vụ của tôi").click()
    expect(page.get_by_role("heading", name="Nhiệm vụ của tôi")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Các nhiệm vụ giao cho Văn phòng HĐND-UBND (Y tế)")
    tasks = page.locator("table tbody tr")
    expect(tasks).to_have_count(1)
    expect(page.locator("table")).not_to_contain_text(other.text)
    expect(tasks.first).to_contain_text("Chưa thực hiện")

    # and opens the task
    page.get_by_role("link", name=own.text).click()
    page.wait_for_url(f"**/ke-hoach/nhiem-vu/{own.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhiệm vụ của Văn phòng HĐND-UBND (Y tế)")
    expect(page.get_by_text("Chưa có cập nhật tiến độ.")).to_be_visible()

    # then sending without the text is refused, in Vietnamese, and nothing is saved
    form = page.locator("form", has_text="Cập nhật tiến độ")
    today = timezone.localdate()
    expect(form.get_by_label("Ngày báo cáo")).to_have_value(today.strftime("%d/%m/%Y"))
    form.get_by_role("button", name="Gửi cập nhật").click()
    expect(form.locator(".errorlist")).to_contain_text("Trường này là bắt buộc.")
    assert not TaskProgress.objects.exists()

    # with the text and the new status it is recorded
    form.get_by_label("Trạng thái sau cập nhật").select_option(label="Hoàn thành")
    text = "Đã tổ chức 3 buổi hướng dẫn tại Xuân Bái, Thọ Lâm; 120 hộ nghèo được cấp thẻ BHYT."
    form.get_by_label("Nội dung tiến độ").fill(text)
    form.get_by_role("button", name="Gửi cập nhật").click()
    expect(page.locator("ul.messages")).to_have_text("Đã ghi tiến độ nhiệm vụ.")
    progress = page.locator("section", has_text="Tiến độ").locator("tbody tr")
    expect(progress).to_have_count(1)
    expect(progress.first.locator("td")).to_have_text([today.strftime("%d/%m/%Y"), str(agency_user), "Hoàn thành",
                                                       text])

    # and the task list shows the new status
    page.get_by_role("link", name="Nhiệm vụ của tôi").first.click()
    expect(tasks.first).to_contain_text("Hoàn thành")

    entry = TaskProgress.objects.get()
    assert (entry.task, entry.author, entry.status, entry.text, entry.reported_on) == (
        own, agency_user, TaskStatus.DONE, text, today)
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == TaskStatus.DONE and other.status == TaskStatus.NOT_STARTED
    assert PlanEvent.objects.filter(plan=plan, action="task_progress", actor=agency_user).count() == 1
