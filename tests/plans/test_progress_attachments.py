"""Task progress reports carry a file (PDF, Word, Excel, images; size-limited, content checked); only people who
may see the task download it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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
