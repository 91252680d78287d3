"""Files attached to a task progress report: PDF, Word, Excel or images, bounded in size, checked by content."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ValidationError

# extension → the first bytes a real file of that type starts with
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".odt": (b"PK\x03\x04",), ".ods": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",), ".xls": (b"\xd0\xcf\x11\xe0",),
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG",),
}
ALLOWED_LABEL = "PDF, Word (.doc, .docx, .odt), Excel (.xls, .xlsx, .ods), ảnh (.jpg, .png)"


def max_size() -> int:
    return getattr(settings, "TASK_ATTACHMENT_MAX_SIZE", 10 * 1024 * 1024)


def check_attachment(upload) -> None:
    """Refuse a file of another type, one whose content is not what its name says, or one over the limit."""
    name = upload.name or ""
    extension = os.path.splitext(name)[1].lower()
    if extension not in SIGNATURES:
        raise ValidationError(f"Không nhận tệp “{name}”: chỉ nhận {ALLOWED_LABEL}.")
    limit = max_size()
    if upload.size is not None and upload.size > limit:
        size = f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")
        raise ValidationError(f"Tệp “{name}” nặng {size} MB, quá giới hạn {limit // (1024 * 1024)} MB.")
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError(f"Tệp “{name}” không đúng định dạng {extension[1:].upper()} "
                              "(nội dung không khớp tên tệp).")
