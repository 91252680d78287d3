"""``import_reviews``: the five stages in order, each timed into ``ImportResult.timings``."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, OperationalError, transaction

from directory.models import AdministrativeUnit
from directory.permissions import Cap, can_approve_reviews_of, user_can
from directory.scoping import scope_for

from ..services import notify_reviews_changed
from .columns import COL_COMMUNE, map_header, missing_column_faults
from .faults import ImportFault, ImportRejected, file_fault
from .matching import fetch_existing, lock_faults
from .planning import plan_changes
from .progress import Progress
from .reading import check_upload, read_rows
from .reference import Reference
from .validating import validate_rows
from .writing import refresh_current_status, write_plan


@dataclass
class ImportResult:
    rows: int = 0
    households_created: int = 0
    households_updated: int = 0
    reviews_created: int = 0
    reviews_updated: int = 0
    unchanged: int = 0
    approved: bool = False
    commune_ids: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    ignored_columns: list[str] = field(default_factory=list)
    # seconds per stage: read, validate, match, plan, write (+ refresh with approve), and total
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        status = "đã phê duyệt" if self.approved else "nháp (chưa nộp)"
        text = (f"Đã nhập {self.rows} dòng: {self.households_created} hộ mới, {self.households_updated} hộ cập nhật; "
                f"{self.reviews_created} phiếu rà soát mới, {self.reviews_updated} phiếu cập nhật "
                f"(trạng thái phiếu mới: {status}); {self.unchanged} dòng không thay đổi.")
        if self.ignored_columns:
            text += " Bỏ qua các cột: " + ", ".join(self.ignored_columns) + "."
        return text


class _Clock:
    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.mark = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.mark
        self.mark = now


def check_permission(acting_user, commune: AdministrativeUnit | None) -> None:
    if acting_user is not None:
        if not (user_can(acting_user, Cap.HOUSEHOLD_EDIT) and user_can(acting_user, Cap.REVIEW_SUBMIT)):
            raise PermissionDenied("Vai trò của bạn không được nhập danh sách rà soát.")
        if commune is not None and not scope_for(acting_user).contains_unit_id(commune.pk):
            raise file_fault(f"Xã {commune.display_name} không thuộc địa bàn của bạn.", COL_COMMUNE)
    if commune is not None and not commune.is_commune:
        raise file_fault(f"{commune} không phải đơn vị cấp xã.", COL_COMMUNE)


def approval_faults(rows, acting_user) -> list[ImportFault]:
    faults = []
    if acting_user is not None:
        for unit in {r.commune.pk: r.commune for r in rows}.values():
            if not can_approve_reviews_of(acting_user, unit):
                faults.append(ImportFault(None, COL_COMMUNE, "", "Bạn không phải cấp phê duyệt kết quả rà soát của "
                                          f"{unit.display_name}: không nhập kèm phê duyệt được."))
    return faults


def import_reviews(source, *, name: str = "", size: int | None = None, acting_user=None,
                   commune: AdministrativeUnit | None = None, approve: bool = False,
                   progress: Progress | None = None) -> ImportResult:
    """Import a review list (.xlsx path or file object). Raises ``ImportRejected`` listing every fault.

    ``acting_user`` None is the system (management command without --user): no scope limit.
    ``approve`` records the reviews as approved (loading an official list).
    ``progress`` (a background job's) has its counters bumped as rows are read, checked and written.
    """
    try:
        return _import_reviews(source, name=name, size=size, acting_user=acting_user, commune=commune,
                               approve=approve, progress=progress)
    except (IntegrityError, OperationalError) as exc:
        # Only when another import wrote the same households between our match and our write, or holds the
        # tables (SQLite, where the commune lock is a no-op): refuse cleanly, the other import won.
        if isinstance(exc, OperationalError) and "locked" not in str(exc):
            raise
        raise file_fault("Một lần nhập khác vừa ghi cùng các hộ này trong lúc tệp của bạn đang được nhập; "
                         "không có gì từ tệp của bạn được ghi. Hãy nhập lại tệp: các hộ đã có sẽ được cập nhật."
                         ) from exc


def _import_reviews(source, *, name, size, acting_user, commune, approve, progress) -> ImportResult:
    started = time.perf_counter()
    result = ImportResult(approved=approve)
    clock = _Clock(result.timings)
    name = name or (Path(source).name if isinstance(source, str | Path) else getattr(source, "name", "") or "")
    if size is None and isinstance(source, str | Path):
        size = Path(source).stat().st_size
    check_upload(name=name, size=size)
    check_permission(acting_user, commune)

    # 1. read
    sheet = read_rows(source, progress)
    clock.lap("read")

    # 2. validate
    reference = Reference.load()
    columns, faults = map_header(sheet.header_cells, reference.indicators)
    missing = missing_column_faults(columns, commune_given=commune is not None)
    if missing:
        raise ImportRejected(faults + missing)
    rows, row_faults = validate_rows(sheet.rows, columns, reference, user=acting_user, commune=commune,
                                     progress=progress)
    more_faults = row_faults.more
    faults += row_faults
    result.rows, result.ignored_columns = len(rows), columns.ignored
    if approve:
        faults += approval_faults(rows, acting_user)
    clock.lap("validate")
    if faults:
        raise ImportRejected(faults, more=more_faults)
    if not rows:
        raise file_fault("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")

    # All or nothing: from here on, one transaction; a fault found while matching writes nothing.
    with transaction.atomic():
        _write_all(rows, columns, reference, result, clock, acting_user=acting_user, approve=approve, name=name,
                   progress=progress)
    result.timings["total"] = time.perf_counter() - started
    return result


def lock_communes(rows) -> None:
    """Serialise imports into the same communes: the second waits here until the first commits, then
    matches against what the first wrote (PostgreSQL row locks; SQLite has one writer anyway)."""
    ids = sorted({r.commune.pk for r in rows})
    list(AdministrativeUnit.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))


def _write_all(rows, columns, reference, result, clock, *, acting_user, approve, name, progress=None) -> None:
    """Stages 3-5 inside the import's transaction (the caller opens it)."""
    if progress is not None:
        progress.start_writing()
    lock_communes(rows)
    # 3. match
    existing = fetch_existing(rows)
    faults = lock_faults(rows, existing, columns, approve=approve)
    clock.lap("match")
    if faults:
        raise ImportRejected(faults)
    # 4. plan
    plan = plan_changes(rows, existing, reference, acting_user=acting_user, approve=approve, file_name=name)
    clock.lap("plan")
    # 5. write
    written = write_plan(plan, actor_id=acting_user.pk if acting_user is not None else None, progress=progress)
    clock.lap("write")
    if approve:
        refresh_current_status(written)
        clock.lap("refresh")
    result.households_created = len(plan.new_households)
    result.households_updated = len(plan.changed_households)
    result.reviews_created = len(plan.new_reviews)
    result.reviews_updated = len(plan.changed_reviews)
    result.unchanged = plan.unchanged
    result.commune_ids = ({n.commune_id for n in plan.new_reviews}
                          | {c.review.commune_id for c in plan.changed_reviews})
    result.years = {n.year for n in plan.new_reviews} | {c.review.year for c in plan.changed_reviews}
    notify_reviews_changed(commune_ids=result.commune_ids, years=result.years)
    if progress is not None:
        progress.written = len(rows)
