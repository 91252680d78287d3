"""Quota tables (chỉ tiêu giao giảm hộ nghèo): the rules, and the one way to write a table.

The web grid and the Excel import both build a list of ``QuotaRowInput`` and
call ``quota_table_validate`` (every fault at once) and then
``quota_table_replace`` (all-or-nothing), so both apply identical rules:

- every figure is a non-negative whole number;
- total = without labour capacity + with labour capacity, on every row;
- one row per commune, and every commune lies within the plan's issuing unit;
- the table's sums equal the plan's own figures for the year where the table
  sets them (``QuotaTable.target_*``: Thọ Xuân 2024 180 = 50 + 130), and the
  file's own total row (TỔNG CỘNG) where the caller passes one.

The database repeats the row-level rules as constraints (see ``QuotaRow.Meta``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F

from directory.concurrency import Change, claim_version
from directory.models import AdministrativeUnit, UnitLevel
from directory.permissions import Cap, user_can

from ..models import Plan, PlanEvent, QuotaRow, QuotaTable

FIELD_LABELS = {
    "commune": "Tên đơn vị",
    "total": "Chỉ tiêu giao giảm hộ nghèo",
    "without_labour": "Hộ không có KNLĐ",
    "with_labour": "Hộ có KNLĐ",
    "note": "Ghi chú",
}
TABLE_LABEL = "Cả bảng"
FIGURES = ("total", "without_labour", "with_labour")
# Same bound as the grid's cells: a commune has thousands of households, never millions; beyond this a
# figure is a typing slip, and (past 2^31) would fail in the database instead of being explained.
MAX_HOUSEHOLDS = 1_000_000


class QuotaFigures(NamedTuple):
    total: int
    without_labour: int
    with_labour: int


@dataclass(frozen=True)
class QuotaRowInput:
    """One row as a person or a file gave it, with the commune already resolved.

    ``label`` is how messages name the row ("Dòng 12 (Xuân Bái)", "Xuân Bái");
    ``key`` is opaque to the service and comes back on each error so the caller
    can put it next to the right cell (a form index, an Excel row number).
    """

    commune: AdministrativeUnit
    total: Any
    without_labour: Any
    with_labour: Any
    note: str = ""
    label: str = ""
    key: Hashable = None


class QuotaError(NamedTuple):
    row_label: str  # the row as the person knows it, or "Cả bảng" / "TỔNG CỘNG"
    field: str  # "total", "without_labour", "with_labour", "commune" or "" (whole row/table)
    message: str  # full Vietnamese sentence naming the row, the column and the reason
    key: Hashable = None  # the caller's key of the row; None for table-level errors


class QuotaValidationError(ValidationError):
    """Raised by ``quota_table_replace``; ``.errors`` lists every fault."""

    def __init__(self, errors: list[QuotaError]):
        self.errors = errors
        super().__init__([e.message for e in errors])


def _is_whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _row_label(row: QuotaRowInput) -> str:
    return row.label or row.commune.display_name


def quota_table_validate(
    rows: Sequence[QuotaRowInput],
    *,
    table: QuotaTable,
    declared_total: QuotaFigures | None = None,
    declared_label: str = "TỔNG CỘNG",
) -> list[QuotaError]:
    """Every fault of a would-be table, in row order then table-level; [] when it can be saved.

    ``table`` may be unsaved (an import creating it): only ``plan`` and ``target_*`` are read.
    ``declared_total`` is the total row the source itself states (the Excel TỔNG CỘNG row).
    """
    plan: Plan = table.plan
    errors: list[QuotaError] = []
    seen: dict[int, str] = {}
    sums = dict.fromkeys(FIGURES, 0)
    sums_complete = True

    for row in rows:
        label = _row_label(row)
        commune = row.commune
        if commune.level != UnitLevel.COMMUNE:
            errors.append(QuotaError(label, "commune", f"{label}: “{commune.name}” không phải là xã, phường, "
                                                        "thị trấn.", row.key))
        elif not commune.path.startswith(plan.unit.path):
            errors.append(QuotaError(label, "commune", f"{label}: {commune.display_name} không thuộc "
                                                        f"{plan.unit.name} (đơn vị ban hành kế hoạch).", row.key))
        if commune.pk in seen:
            errors.append(QuotaError(label, "commune", f"{label}: {commune.display_name} đã có ở {seen[commune.pk]}; "
                                                        "mỗi xã chỉ được một dòng.", row.key))
        else:
            seen[commune.pk] = label

        row_ok = True
        for name in FIGURES:
            value = getattr(row, name)
            if not _is_whole_number(value):
                shown = "trống" if value in (None, "") else f"“{value}”"
                errors.append(QuotaError(label, name, f"{label}, cột “{FIELD_LABELS[name]}”: {shown} không phải là "
                                                      "số nguyên.", row.key))
                row_ok = False
            elif value < 0:
                errors.append(QuotaError(label, name, f"{label}, cột “{FIELD_LABELS[name]}”: {value} là số âm; "
                                                      "chỉ tiêu phải từ 0 trở lên.", row.key))
                row_ok = False
            elif value > MAX_HOUSEHOLDS:
                shown = str(value) if len(str(value)) <= 15 else str(value)[:12] + "…"
                errors.append(QuotaError(label, name, f"{label}, cột “{FIELD_LABELS[name]}”: {shown} hộ là số quá "
                                                      f"lớn (tối đa {MAX_HOUSEHOLDS:,} hộ một xã).".replace(",", "."),
                                         row.key))
                row_ok = False
        if not row_ok:
            sums_complete = False
            continue
        if row.total != row.without_labour + row.with_labour:
            errors.append(QuotaError(
                label, "total",
                f"{label}: cột “{FIELD_LABELS['total']}” là {row.total} nhưng {FIELD_LABELS['without_labour']} "
                f"({row.without_labour}) + {FIELD_LABELS['with_labour']} ({row.with_labour}) = "
                f"{row.without_labour + row.with_labour}.",
                row.key,
            ))
        for name in FIGURES:
            sums[name] += getattr(row, name)

    if sums_complete:
        checks = []
        if declared_total is not None:
            checks.append((declared_label, "dòng " + declared_label, declared_total._asdict()))
        targets = {"total": table.target_total, "without_labour": table.target_without_labour,
                   "with_labour": table.target_with_labour}
        checks.append((TABLE_LABEL, f"chỉ tiêu kế hoạch giao năm {table.year}", targets))
        for row_label, what, expected in checks:
            for name in FIGURES:
                value = expected.get(name)
                if value is not None and value != sums[name]:
                    errors.append(QuotaError(
                        row_label, name,
                        f"{row_label}, cột “{FIELD_LABELS[name]}”: tổng các xã là {sums[name]} nhưng {what} "
                        f"là {value}.",
                    ))
    return errors


def _require(acting_user, cap: Cap) -> None:
    # acting_user=None is a management command run by an operator on the server.
    if acting_user is not None and not user_can(acting_user, cap):
        raise PermissionDenied("Vai trò của bạn không được sửa bảng chỉ tiêu.")


@transaction.atomic
def quota_table_create(*, plan: Plan, year: int, acting_user, title: str = "", appendix_label: str = "Phụ lục 01",
                       target_total: int | None = None, target_without_labour: int | None = None,
                       target_with_labour: int | None = None, note: str = "") -> QuotaTable:
    """An empty quota table for a plan and year (rows come from the grid or an import)."""
    _require(acting_user, Cap.QUOTA_EDIT)
    table = QuotaTable(plan=plan, year=year, title=title, appendix_label=appendix_label, target_total=target_total,
                       target_without_labour=target_without_labour, target_with_labour=target_with_labour, note=note)
    table.full_clean()
    _raise_table_errors(table)
    table.save()
    PlanEvent.objects.create(plan=plan, actor=acting_user, action="quota_table_create",
                             detail=f"Tạo bảng chỉ tiêu giảm hộ nghèo năm {year}.")
    return table


def quota_table_check(table: QuotaTable) -> dict[str, str]:
    """Faults of the table itself (year within the plan's period, targets add up), by field."""
    errors = {}
    plan = table.plan
    if not plan.first_year <= table.year <= max(plan.last_year, plan.vision_year or 0):
        errors["year"] = f"Năm {table.year} nằm ngoài thời kỳ của kế hoạch ({plan.period_label})."
    parts = (table.target_without_labour, table.target_with_labour)
    if table.target_total is not None and None not in parts and table.target_total != sum(parts):
        errors["target_total"] = (f"Tổng chỉ tiêu ({table.target_total}) phải bằng hộ không có KNLĐ "
                                  f"({parts[0]}) + hộ có KNLĐ ({parts[1]}) = {sum(parts)}.")
    for name in ("target_total", "target_without_labour", "target_with_labour"):
        value = getattr(table, name)
        if value is not None and value < 0:
            errors[name] = "Chỉ tiêu không được âm."
    return errors


def _raise_table_errors(table: QuotaTable) -> None:
    errors = quota_table_check(table)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def quota_table_replace(
    *,
    table: QuotaTable,
    rows: Sequence[QuotaRowInput],
    acting_user,
    declared_total: QuotaFigures | None = None,
    source: str = "",
    check_version: bool = False,
    expected_version: int | None = None,
) -> QuotaTable:
    """Replace all rows of ``table`` (saving the table first if it is new); all or nothing.

    Raises ``QuotaValidationError`` listing every fault; nothing is written then.
    Row order is the order given (it becomes the TT column).

    The grid passes ``check_version`` and the version it loaded: when someone saved (or imported) the
    table since, ``ConcurrentEditError`` lists the communes whose saved line differs from the grid's.
    An import replaces the table on purpose and only moves the version on, so open grids go stale.
    """
    _require(acting_user, Cap.QUOTA_EDIT)
    errors = quota_table_validate(rows, table=table, declared_total=declared_total)
    if errors:
        raise QuotaValidationError(errors)
    is_new = table.pk is None
    if is_new:
        table.full_clean()
        _raise_table_errors(table)
        table.save()
    elif check_version:
        claim_version(table, expected_version, what=f"Bảng chỉ tiêu năm {table.year}",
                      changes=lambda saved: quota_row_changes(saved, rows))
    else:
        QuotaTable.objects.filter(pk=table.pk).update(version=F("version") + 1)
        table.refresh_from_db(fields=["version"])
    new_rows = []
    for position, row in enumerate(rows, start=1):
        obj = QuotaRow(table=table, commune=row.commune, order=position, total=row.total,
                       without_labour=row.without_labour, with_labour=row.with_labour, note=(row.note or "").strip())
        # Field checks only: the cross-row rules ran above, the DB constraints back them up.
        obj.full_clean(exclude=["table"], validate_unique=False, validate_constraints=False)
        new_rows.append(obj)
    table.rows.all().delete()
    QuotaRow.objects.bulk_create(new_rows)
    table.save(update_fields=["updated_at"])
    totals = quota_table_totals(new_rows)
    PlanEvent.objects.create(
        plan=table.plan, actor=acting_user, action="quota_table_replace",
        detail=(f"Bảng chỉ tiêu năm {table.year}: {len(new_rows)} xã, tổng {totals.total} "
                f"({totals.without_labour} + {totals.with_labour}){'; nguồn: ' + source if source else ''}."),
    )
    return table


def quota_row_changes(saved: QuotaTable, rows: Sequence[QuotaRowInput]) -> list[Change]:
    """Lines where the saved table differs from the submitted one, per commune and column."""
    def line(total, without, with_, note):
        return f"{total} ({without} + {with_}){'; ' + note if note else ''}"

    saved_lines = {row.commune_id: (row.commune.display_name, line(row.total, row.without_labour, row.with_labour,
                                                                   row.note))
                   for row in saved.rows.select_related("commune")}
    your_lines = {row.commune.pk: (row.commune.display_name, line(row.total, row.without_labour, row.with_labour,
                                                                  (row.note or "").strip()))
                  for row in rows}
    changes = []
    for commune_id in list(saved_lines) + [pk for pk in your_lines if pk not in saved_lines]:
        name, saved_line = saved_lines.get(commune_id, (None, ""))
        your_name, your_line = your_lines.get(commune_id, (None, ""))
        if saved_line != your_line:
            changes.append(Change(name or your_name, saved_line, your_line))
    return changes


def quota_table_totals(rows) -> QuotaFigures:
    """Sums of an iterable of rows (models or inputs)."""
    total = without = with_ = 0
    for row in rows:
        total += row.total
        without += row.without_labour
        with_ += row.with_labour
    return QuotaFigures(total, without, with_)
