"""Storage for files with personal data: under MEDIA_ROOT/private and never reachable by URL."""

import os
from contextlib import contextmanager

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


@contextmanager
def removed_if_unsaved(storage):
    """Files written inside the block (``written(name)``) are deleted again when the block raises.

    A file is not part of the database transaction: when the row that names it is refused or rolled back, the
    file would stay behind, unnamed by any row. Wrap the transaction in this block (the transaction ends
    first, then the files go)."""
    names: list[str] = []
    try:
        yield names.append
    except BaseException:
        for name in names:
            storage.delete(name)
        raise
