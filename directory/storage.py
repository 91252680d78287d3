"""Storage for files with personal data: under MEDIA_ROOT/private and never reachable by URL."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/private, read lazily (tests swap MEDIA_ROOT), with no URL: the only way to a
    file is a scoped download view. Never let a web server serve /media/private/."""

    #: what ``url()`` says, naming the page that serves the file
    no_url_message = "Tệp này chỉ tải qua trang có kiểm tra quyền."

    @property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "private")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError(self.no_url_message)
