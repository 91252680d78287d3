"""What a refused import reports: every fault with its Excel row, column and reason (in Vietnamese)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportFault:
    row: int | None  # Excel row number; None for a fault of the whole file
    column: str  # header text, "" when the fault is not about one column
    letter: str  # Excel column letter, "" when unknown
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Dòng {self.row}")
        if self.column:
            where.append(f"cột {self.letter} “{self.column}”" if self.letter else f"cột “{self.column}”")
        return (", ".join(where) + ": " if where else "") + self.message


class ImportRejected(Exception):
    """The file was refused. Nothing was written.

    ``faults`` lists the first ``IMPORT_MAX_FAULTS`` problems (file-level first, then by row);
    ``more`` counts the ones found beyond that, which are not listed.
    """

    def __init__(self, faults: list[ImportFault], more: int = 0):
        from django.conf import settings

        cap = settings.IMPORT_MAX_FAULTS
        ordered = sorted(faults, key=lambda f: (f.row is not None, f.row or 0, f.letter))
        self.faults = ordered[:cap]
        self.more = more + max(0, len(ordered) - cap)
        super().__init__(f"Tệp bị từ chối: {self.total} lỗi.")

    @property
    def total(self) -> int:
        return len(self.faults) + self.more

    @property
    def messages(self) -> list[str]:
        listed = [str(f) for f in self.faults]
        if self.more:
            listed.append(f"… và {self.more:,} lỗi khác (chỉ liệt kê {len(self.faults):,} lỗi đầu tiên; sửa các lỗi "
                          "trên rồi nhập lại để xem tiếp).".replace(",", "."))
        return listed


def file_fault(message: str, column: str = "") -> ImportRejected:
    """A refusal of the whole file (no row)."""
    return ImportRejected([ImportFault(None, column, "", message)])


class CellError(ValueError):
    """A cell's value is not usable; the message says why (the caller adds row and column)."""
