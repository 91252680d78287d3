"""Task progress reports carry a file (PDF, Word, Excel, images; size-limited, content checked); only people who
may see the task download it."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from plans.models import TaskProgress, TaskStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post(client, task, upload):
    return client.post(reverse("plans:task_detail", kwargs={"pk": task.pk}), {
        "reported_on": "15/03/2024", "status": TaskStatus.IN_PROGRESS, "text": "Đã cấp thẻ BHYT",
        "task_version": task.version, "attachment": upload})


def test_a_pdf_is_attached_and_downloaded_by_those_who_see_the_task(client, client_for, agency_user, own_task,
                                                                    district_staff, other_agency, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = post(client_for(agency_user), own_task, SimpleUploadedFile("bien-ban.pdf", PDF, "application/pdf"))
    assert response.status_code == 302
    entry = TaskProgress.objects.get()
    assert entry.attachment_name == "bien-ban.pdf"
    url = reverse("plans:progress_attachment", args=[entry.pk])
    assert url in client_for(agency_user).get(reverse("plans:task_detail", kwargs={"pk": own_task.pk})
                                              ).content.decode()
    download = client_for(agency_user).get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert 'filename="bien-ban.pdf"' in download["Content-Disposition"]
    assert client_for(district_staff).get(url).status_code == 200  # the district sees the plan's tasks
    stranger = UserFactory(username="coquan_khac", role="agency_staff", unit=other_agency.unit, agency=other_agency)
    assert client_for(stranger).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # sign in first


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("virus.exe", b"MZ...", "chỉ nhận PDF"),
    ("gia.pdf", b"<html>not a pdf", "không đúng định dạng PDF"),
    ("to.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024), "quá giới hạn 1 MB"),
])
def test_other_types_fakes_and_oversized_files_are_refused_in_vietnamese(client_for, agency_user, own_task,
                                                                         settings, tmp_path, name, content, reason):
    settings.MEDIA_ROOT = tmp_path
    settings.TASK_ATTACHMENT_MAX_SIZE = 1024 * 1024
    response = post(client_for(agency_user), own_task, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not TaskProgress.objects.exists()


def _files_under(root):
    return sorted(p.name for p in (root / "private").rglob("*") if p.is_file()) if (root / "private").exists() else []


def test_a_stale_report_with_a_file_is_refused_and_leaves_no_file(client_for, agency_user, own_task, settings,
                                                                  tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(agency_user)
    stale_version = own_task.version
    assert post(client, own_task, SimpleUploadedFile("lan-1.pdf", PDF, "application/pdf")).status_code == 302
    assert len(_files_under(tmp_path)) == 1
    own_task.version = stale_version  # the second tab still shows the version before the first report
    response = post(client, own_task, SimpleUploadedFile("lan-2.pdf", PDF, "application/pdf"))
    assert response.status_code == 200 and "vừa được người khác lưu" in response.content.decode()
    assert TaskProgress.objects.count() == 1
    assert _files_under(tmp_path) == [os.path.basename(TaskProgress.objects.get().attachment.name)]


def test_a_report_whose_save_fails_after_the_file_was_written_leaves_no_file(agency_user, own_task, settings,
                                                                             tmp_path, monkeypatch):
    from plans.models import PlanEvent
    from plans.services.tasks import task_progress_add

    settings.MEDIA_ROOT = tmp_path

    def refuse(*args, **kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(PlanEvent.objects, "create", refuse)
    with pytest.raises(DatabaseError):
        task_progress_add(task=own_task, acting_user=agency_user, reported_on=datetime.date(2024, 3, 15),
                          text="Đã cấp thẻ", status=TaskStatus.IN_PROGRESS, check_version=True,
                          task_version=own_task.version,
                          attachment=SimpleUploadedFile("bien-ban.pdf", PDF, "application/pdf"))
    assert not TaskProgress.objects.exists()
    assert _files_under(tmp_path) == []


def test_the_admin_inline_checks_an_attached_file_like_the_page(client_for, district_staff, own_task, settings,
                                                                tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = {"plan": own_task.plan_id, "agency": own_task.agency_id, "role": own_task.role, "project": "",
            "text": own_task.text, "due_date": "", "recurrence": own_task.recurrence, "recurrence_note": "",
            "status": own_task.status, "order": own_task.order, "version": own_task.version,
            "progress-TOTAL_FORMS": 1, "progress-INITIAL_FORMS": 0, "progress-MIN_NUM_FORMS": 0,
            "progress-MAX_NUM_FORMS": 1000, "progress-0-reported_on": "15/03/2024", "progress-0-text": "x",
            "progress-0-status": TaskStatus.IN_PROGRESS, "progress-0-author": district_staff.pk,
            "progress-0-attachment": SimpleUploadedFile("virus.exe", b"MZ...")}
    response = client_for(district_staff).post(reverse("admin:plans_task_change", args=[own_task.pk]), data)
    assert response.status_code == 200 and "chỉ nhận PDF" in response.content.decode()
    assert not TaskProgress.objects.exists() and _files_under(tmp_path) == []
