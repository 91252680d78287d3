"""Bounds an uploaded .xlsx before any parser touches it (every Excel import calls ``check_xlsx``).

An .xlsx is a zip of XML parts. A 1 MB upload can hold a 300 MB cell or three million rows, and
openpyxl would hold the cell, or walk the rows, before anyone could say no. So the zip is inspected
first, streaming each part through zlib in small chunks and stopping at the first limit crossed:

- the declared uncompressed size of all parts (``IMPORT_MAX_UNCOMPRESSED_SIZE``; zipfile also stops
  reading a part at its declared size, so a lying header only truncates it);
- the longest text between two XML tags, i.e. the longest cell or shared string
  (``IMPORT_MAX_CELL_LENGTH`` characters, counted as up to 4 bytes each);
- the rows of each worksheet (``<row`` elements; ``IMPORT_MAX_ROWS`` data rows plus room for headers).

Memory stays at a few chunks whatever the file holds; the readers then also count rows while reading.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format

CHUNK = 1 << 20
HEADER_ROOM = 100  # rows above the data (titles, headers) that do not count against the limit
MAX_PARTS = 2000


@dataclass
class XlsxLimitError(Exception):
    """The file crosses a limit; ``message`` says which, in Vietnamese."""

    message: str

    def __str__(self) -> str:
        return self.message


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def _scanned(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml") or name == "xl/sharedStrings.xml"


def check_xlsx(source, *, max_rows: int | None = None) -> None:
    """Raise ``XlsxLimitError`` when the upload crosses a size, cell or row limit; do nothing otherwise.

    ``source`` is a path or a binary file (rewound afterwards). A file that is not a zip at all passes
    through: the reader reports it as not an .xlsx.
    """
    max_rows = settings.IMPORT_MAX_ROWS if max_rows is None else max_rows
    max_total = settings.IMPORT_MAX_UNCOMPRESSED_SIZE
    max_cell = settings.IMPORT_MAX_CELL_LENGTH
    position = source.tell() if hasattr(source, "tell") else None
    try:
        try:
            archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError):
            return
        with archive:
            members = archive.infolist()
            if len(members) > MAX_PARTS:
                raise XlsxLimitError(f"Tệp có {_n(len(members))} phần bên trong: không phải bảng tính Excel "
                                     "bình thường.")
            total = sum(m.file_size for m in members)
            if total > max_total:
                raise XlsxLimitError(
                    f"Tệp giải nén ra {_n(total // 1048576)} MB, vượt giới hạn {_n(max_total // 1048576)} MB "
                    "(tệp nén nhỏ nhưng chứa dữ liệu rất lớn). Hãy chia nhỏ tệp.")
            for member in members:
                if _scanned(member.filename):
                    _scan_part(archive, member, max_cell=max_cell, max_rows=max_rows)
    except zipfile.BadZipFile as exc:
        raise XlsxLimitError(f"Tệp .xlsx bị hỏng ({exc}).") from exc
    finally:
        if position is not None:
            source.seek(position)


def _scan_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, max_cell: int, max_rows: int) -> None:
    is_sheet = member.filename.startswith("xl/worksheets/")
    limit_bytes = max_cell * 4
    run = 0  # bytes since the last "<", carried across chunks
    rows = 0
    sheet = member.filename.rsplit("/", 1)[-1].removesuffix(".xml")
    with archive.open(member) as part:
        while chunk := part.read(CHUNK):
            first_tag = chunk.find(b"<")
            # The longest run without "<" in the chunk: split, not a regex (``[^<]{n,}`` retries at every
            # byte of every short run: 1,3 s for the 20 MB sheet of a 50.000-row list).
            if (run + (len(chunk) if first_tag < 0 else first_tag) > limit_bytes
                    or (first_tag >= 0 and max(map(len, chunk[first_tag:].split(b"<"))) > limit_bytes)):
                where = f"trang tính “{sheet}”" if is_sheet else "phần chữ của tệp"
                raise XlsxLimitError(
                    f"Tệp có một ô dài hơn {_n(max_cell)} ký tự ({where}): không phải danh sách hợp lệ, "
                    "không nhận.")
            run = run + len(chunk) if first_tag < 0 else len(chunk) - chunk.rfind(b"<") - 1
            if is_sheet:
                rows += chunk.count(b"<row ") + chunk.count(b"<row>")
                if rows > max_rows + HEADER_ROOM:
                    raise XlsxLimitError(
                        f"Tệp có hơn {_n(max_rows)} dòng dữ liệu (giới hạn IMPORT_MAX_ROWS); hãy chia thành "
                        "nhiều tệp nhỏ hơn.")
