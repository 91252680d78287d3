"""Per-commune yearly household totals (the denominator of the poverty rate): fill, import, demo fill."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count

from directory.lineage import year_end
from directory.lookup import UnitLookupError, UnitResolver
from directory.models import AdministrativeUnit
from directory.scoping import scope_for
from households.models import Household

from .. import policy
from ..models import HouseholdTotal


@dataclass(frozen=True)
class TotalError:
    row: int | None
    column: str
    message: str

    def __str__(self):
        where = f"Dòng {self.row}" if self.row else "Tệp"
        return f"{where}, cột “{self.column}”: {self.message}" if self.column else f"{where}: {self.message}"


def _check(acting_user, unit) -> None:
    """Staff in scope only; ``acting_user=None`` is the system itself (a management command)."""
    if acting_user is None:
        return
    if not policy.is_overseer(acting_user) or not scope_for(acting_user).contains_unit_id(unit.pk):
        raise PermissionDenied("Chỉ cán bộ quản lý trong địa bàn được nhập tổng số hộ.")


@transaction.atomic
def household_totals_save(*, unit: AdministrativeUnit, year: int, totals: dict[int, int | None], acting_user,
                          source: str = "") -> int:
    """Set the totals of ``year`` for communes under ``unit``: a number saves, None deletes. Returns rows changed."""
    _check(acting_user, unit)
    allowed = set(AdministrativeUnit.objects.communes().descendants_of(unit).values_list("pk", flat=True))
    outside = [pk for pk in totals if pk not in allowed]
    if outside:
        raise ValidationError(f"{len(outside)} đơn vị không thuộc {unit.name}.")
    existing = {t.commune_id: t for t in HouseholdTotal.objects.filter(year=year, commune_id__in=totals)}
    changed = 0
    for commune_id, value in totals.items():
        row = existing.get(commune_id)
        if value is None:
            if row is not None:
                row.delete()
                changed += 1
            continue
        if value < 0:
            raise ValidationError(f"Tổng số hộ không được âm (đơn vị mã {commune_id}).")
        if row is None:
            row = HouseholdTotal(commune_id=commune_id, year=year)
        elif row.total == value:
            continue
        row.total, row.updated_by = value, acting_user
        row.source = source or row.source
        row.full_clean()
        row.save()
        changed += 1
    return changed


def _norm(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())


def parse_totals_workbook(path_or_file, *, unit: AdministrativeUnit, year: int) -> tuple[dict[int, int],
                                                                                      list[TotalError]]:
    """Read an .xlsx with a header row holding “Mã đơn vị” and/or “Đơn vị” and “Tổng số hộ” (optional “Năm”).

    Units are named by code or name (``UnitResolver`` within ``unit``). Returns (totals, errors); any error
    means the file must not be applied.
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path_or_file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return {}, [TotalError(None, "", f"Không đọc được tệp Excel (.xlsx): {exc}")]
    ws = wb.worksheets[0]
    header_row, columns = None, {}
    rows = list(ws.iter_rows(values_only=True))
    for index, values in enumerate(rows, start=1):
        names = {_norm(v): col for col, v in enumerate(values) if v is not None}
        if "tổng số hộ" in names and ("đơn vị" in names or "mã đơn vị" in names):
            header_row, columns = index, names
            break
    if header_row is None:
        return {}, [TotalError(None, "", "Không tìm thấy dòng tiêu đề có cột “Đơn vị” (hoặc “Mã đơn vị”) và "
                                         "“Tổng số hộ”.")]
    # the communes of the year's map: 31/12 of the year (or the unit's last day, for a district)
    resolver = UnitResolver(AdministrativeUnit.objects.communes(), within=unit, on=year_end(year))
    totals: dict[int, int] = {}
    errors: list[TotalError] = []
    seen: dict[int, int] = {}
    for index, values in enumerate(rows[header_row:], start=header_row + 1):
        def get(name, values=values):
            col = columns.get(name)
            return values[col] if col is not None and col < len(values) else None

        code, name, total, row_year = get("mã đơn vị"), get("đơn vị"), get("tổng số hộ"), get("năm")
        if all(v in (None, "") for v in (code, name, total)):
            continue
        if _norm(name) in ("tổng cộng", "cộng") or (_norm(name).startswith("cộng ") and not code):
            continue
        label = str(code or name)
        try:
            commune = resolver.resolve(code if code not in (None, "") else name)
        except UnitLookupError as exc:
            errors.append(TotalError(index, "Mã đơn vị" if code else "Đơn vị", str(exc)))
            continue
        if row_year not in (None, "") and str(row_year).strip().split(".")[0] != str(year):
            errors.append(TotalError(index, "Năm", f"năm {row_year} khác năm đang nhập ({year})."))
            continue
        if isinstance(total, float) and total.is_integer():
            total = int(total)
        if isinstance(total, str) and total.strip().replace(".", "").isdigit():
            total = int(total.strip().replace(".", ""))
        if not isinstance(total, int) or isinstance(total, bool) or total < 0:
            errors.append(TotalError(index, "Tổng số hộ", f"“{total}” của {label} không phải số hộ (số nguyên ≥ 0)."))
            continue
        if commune.pk in seen:
            errors.append(TotalError(index, "Đơn vị", f"{commune.display_name} đã có ở dòng {seen[commune.pk]}."))
            continue
        seen[commune.pk] = index
        totals[commune.pk] = total
    return totals, errors


@transaction.atomic
def household_totals_import(*, upload, unit: AdministrativeUnit, year: int, acting_user) -> tuple[int,
                                                                                               list[TotalError]]:
    """All or nothing: a file with any fault changes nothing and every fault is returned with its row."""
    _check(acting_user, unit)
    name = getattr(upload, "name", str(upload))
    if os.path.splitext(name)[1].lower() != ".xlsx":
        return 0, [TotalError(None, "", f"Tệp “{os.path.basename(name)}” không phải .xlsx.")]
    size = getattr(upload, "size", None) or (os.path.getsize(upload) if isinstance(upload, str) else 0)
    if size > settings.IMPORT_MAX_FILE_SIZE:
        return 0, [TotalError(None, "", f"Tệp quá giới hạn {settings.IMPORT_MAX_FILE_SIZE // (1024 * 1024)} MB.")]
    totals, errors = parse_totals_workbook(upload, unit=unit, year=year)
    if errors:
        return 0, errors
    return household_totals_save(unit=unit, year=year, totals=totals, acting_user=acting_user,
                                 source=f"Nhập từ tệp {os.path.basename(name)}"), []


@transaction.atomic
def household_totals_fill_from_households(*, unit: AdministrativeUnit, years: list[int]) -> int:
    """Demo data only: where a commune has no total for a year, use the households registered in it
    (the demo households are the commune's whole list). Existing totals are never overwritten."""
    counts = dict(Household.objects.filter(commune__path__startswith=unit.path).values("commune_id")
                  .annotate(n=Count("pk")).values_list("commune_id", "n"))
    created = 0
    for year in years:
        have = set(HouseholdTotal.objects.filter(year=year, commune_id__in=counts).values_list("commune_id", flat=True))
        new = [HouseholdTotal(commune_id=pk, year=year, total=n, source="Demo: số hộ có trong hệ thống")
               for pk, n in counts.items() if pk not in have and n]
        HouseholdTotal.objects.bulk_create(new, ignore_conflicts=True)
        created += len(new)
    return created
