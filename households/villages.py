"""Villages (thôn) of a split commune and the new commune each went to (issue 10, point 5).

When an old commune was divided among several new ones, the lineage only names a default successor;
a person (province staff, or the staff of one of the new communes) decides village by village, on the
page or with an Excel round-trip. Every save is all or nothing and moves the households at once
(``rehoming.households_rehome``); reviews already made keep their commune.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from directory.models import AdministrativeUnit
from directory.permissions import Cap, user_can
from directory.scoping import scope_for, working_unit

from .excel import safe_cell
from .models import Household, VillageAssignment
from .rehoming import households_rehome, split_successors

COL_OLD_CODE, COL_OLD, COL_VILLAGE, COL_COUNT, COL_NEW_CODE, COL_NEW, COL_STATE = (
    "Mã xã cũ", "Xã cũ", "Thôn", "Số hộ", "Mã xã mới", "Xã mới", "Trạng thái")
HEADERS = [COL_OLD_CODE, COL_OLD, COL_VILLAGE, COL_COUNT, COL_NEW_CODE, COL_NEW, COL_STATE]
SHEET, SUCCESSOR_SHEET = "Phân thôn", "Xã kế thừa"
DEFAULT_STATE, DECIDED_STATE = "Mặc định (chưa quyết định)", "Đã quyết định"
NO_VILLAGE = ""


@dataclass
class VillageRow:
    village: str
    households: int
    new_commune: AdministrativeUnit
    decided: bool
    assigned_by: object = None
    assigned_at: object = None

    @property
    def label(self) -> str:
        return self.village or "(chưa ghi thôn)"


@dataclass
class SplitCommune:
    commune: AdministrativeUnit
    successors: list[AdministrativeUnit]  # the default first
    villages: list[VillageRow]

    @property
    def default(self) -> AdministrativeUnit:
        return self.successors[0]

    @property
    def undecided(self) -> int:
        return sum(1 for v in self.villages if not v.decided)


def split_communes_for(user) -> list[AdministrativeUnit]:
    """Split communes with households that the user may decide on: in scope, or one of whose successors is."""
    registered = AdministrativeUnit.objects.communes().filter(valid_to__isnull=False,
                                                              households__isnull=False).distinct()
    splits = split_successors(registered.values_list("pk", flat=True))
    scope = scope_for(user)
    visible = [pk for pk, successors in splits.items()
               if scope.contains_unit_id(pk) or any(scope.contains_unit_id(s) for s in successors)]
    return list(AdministrativeUnit.objects.filter(pk__in=visible).select_related("parent").order_by("path"))


def split_commune(commune: AdministrativeUnit) -> SplitCommune:
    """The villages of a split commune (from its households), each with the new commune it sits in."""
    successor_ids = split_successors([commune.pk]).get(commune.pk)
    if not successor_ids:
        raise ValidationError(f"{commune.get_kind_display()} {commune.name} không bị chia cho nhiều xã mới.")
    units = AdministrativeUnit.objects.in_bulk(successor_ids)
    successors = [units[pk] for pk in successor_ids]
    decided = {a.village: a for a in VillageAssignment.objects.filter(old_commune=commune)
               .select_related("assigned_by")}
    rows = []
    for village, n in (Household.objects.filter(commune=commune).values_list("village").annotate(n=Count("pk"))
                       .order_by("village")):
        a = decided.get(village)
        rows.append(VillageRow(village, n, units.get(a.new_commune_id, successors[0]) if a else successors[0],
                               a is not None, a.assigned_by if a else None, a.assigned_at if a else None))
    return SplitCommune(commune, successors, rows)


def may_assign(user, split: SplitCommune) -> bool:
    """Province staff and the staff of the new communes decide; an account of a unit that has ended
    (a district after 30/06/2025) keeps its history but decides nothing."""
    if not user_can(user, Cap.HOUSEHOLD_EDIT):
        return False
    unit = working_unit(user)
    if unit is not None and unit.valid_to is not None and unit.valid_to < timezone.localdate():
        return False
    scope = scope_for(user)
    return scope.contains_unit_id(split.commune.pk) or any(scope.contains_unit_id(s.pk) for s in split.successors)


@transaction.atomic
def village_assignments_save(*, split: SplitCommune, choices: dict[str, int], acting_user) -> int:
    """Record ``{village: new commune id}`` for the split commune (all or nothing) and move the households.

    Returns how many villages changed. Raises ``ValidationError`` with one Vietnamese message per bad
    village, and ``PermissionDenied`` for a user who may not decide.
    """
    if not may_assign(acting_user, split):
        raise PermissionDenied("Chỉ cán bộ cấp tỉnh hoặc cán bộ của xã mới được phân thôn của xã bị chia.")
    allowed = {s.pk: s for s in split.successors}
    known = {v.village: v for v in split.villages}
    errors = []
    for village, new_id in choices.items():
        if village not in known:
            errors.append(f"Thôn “{village or '(chưa ghi thôn)'}” không có hộ nào của {split.commune.name}.")
        elif new_id not in allowed:
            errors.append(f"Thôn “{village or '(chưa ghi thôn)'}”: xã mới phải là một trong "
                          f"{', '.join(s.display_name for s in split.successors)}.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    changed = 0
    for village, new_id in sorted(choices.items()):
        row = known[village]
        if row.decided and row.new_commune.pk == new_id:
            continue
        VillageAssignment.objects.update_or_create(
            old_commune=split.commune, village=village,
            defaults={"new_commune_id": new_id, "assigned_by": acting_user, "assigned_at": now})
        changed += 1
    if changed:
        households_rehome(commune_ids=[split.commune.pk])
    return changed


# --------------------------------------------------------------------------- Excel round-trip


def village_workbook(split: SplitCommune) -> bytes:
    """One row per village (the columns the upload reads), and the successors' codes on a second sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([f"PHÂN THÔN CỦA {split.commune.get_kind_display().upper()} {split.commune.name.upper()} "
               "VỀ XÃ MỚI"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"Ghi mã xã mới ở cột “{COL_NEW_CODE}” (xem trang “{SUCCESSOR_SHEET}”) rồi tải tệp lên; "
               "dòng để trống mã xã mới giữ nguyên."])
    ws.append(HEADERS)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for v in split.villages:
        ws.append([split.commune.code, safe_cell(split.commune.name), safe_cell(v.village), v.households,
                   v.new_commune.code, safe_cell(v.new_commune.display_name),
                   DECIDED_STATE if v.decided else DEFAULT_STATE])
    for column, width in zip("ABCDEFG", (10, 20, 24, 8, 10, 22, 26), strict=True):
        ws.column_dimensions[column].width = width
    codes = wb.create_sheet(SUCCESSOR_SHEET)
    codes.append(["Mã xã mới", "Xã mới", "Ghi chú"])
    for i, s in enumerate(split.successors):
        codes.append([s.code, safe_cell(s.display_name), "xã nhận mặc định" if i == 0 else ""])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\u00a0", " ").strip()


def read_village_workbook(upload, *, split: SplitCommune) -> dict[str, int]:
    """{village: new commune id} from an uploaded workbook; ``ValidationError`` listing every bad row.

    Rows whose "Mã xã mới" is blank are left as they are. Nothing is saved here.
    """
    name = getattr(upload, "name", "tệp")
    size = getattr(upload, "size", None)
    if not str(name).lower().endswith(".xlsx"):
        raise ValidationError(f"Tệp “{name}” không phải tệp Excel .xlsx.")
    if size is not None and size > settings.IMPORT_MAX_FILE_SIZE:
        raise ValidationError(f"Tệp “{name}” vượt giới hạn {settings.IMPORT_MAX_FILE_SIZE // 1048576} MB.")
    try:
        wb = load_workbook(upload, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(f"Không đọc được tệp “{name}”: không phải bảng tính .xlsx hợp lệ.") from exc
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        header_row, columns = None, {}
        by_code = {s.code: s.pk for s in split.successors}
        known = {v.village for v in split.villages}
        choices: dict[str, int] = {}
        seen: dict[str, int] = {}
        errors: list[str] = []
        for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > 10_000:
                errors.append("Tệp có quá 10.000 dòng: một xã không có nhiều thôn như vậy.")
                break
            texts = [_text(c) for c in cells]
            if header_row is None:
                if COL_VILLAGE in texts and COL_NEW_CODE in texts:
                    header_row = number
                    columns = {h: texts.index(h) for h in HEADERS if h in texts}
                continue
            if not any(texts):
                continue

            def cell(header, texts=texts, columns=columns):
                index = columns.get(header)
                return texts[index] if index is not None and index < len(texts) else ""

            old_code = cell(COL_OLD_CODE)
            if old_code and old_code != split.commune.code:
                errors.append(f"Dòng {number}, cột “{COL_OLD_CODE}”: {old_code} không phải mã của "
                              f"{split.commune.name} ({split.commune.code}).")
                continue
            village, code = cell(COL_VILLAGE), cell(COL_NEW_CODE)
            if village.startswith("'") and len(village) > 1:
                village = village[1:]
            if not code:
                continue
            if village not in known:
                errors.append(f"Dòng {number}, cột “{COL_VILLAGE}”: thôn “{village}” không có hộ nào của "
                              f"{split.commune.name}.")
            elif code not in by_code:
                errors.append(f"Dòng {number}, cột “{COL_NEW_CODE}”: {code} không phải xã kế thừa của "
                              f"{split.commune.name}; chọn một trong "
                              f"{', '.join(f'{s.code} ({s.display_name})' for s in split.successors)}.")
            elif village in seen:
                errors.append(f"Dòng {number}, cột “{COL_VILLAGE}”: thôn “{village}” đã có ở dòng {seen[village]}.")
            else:
                seen[village] = number
                choices[village] = by_code[code]
        if header_row is None:
            errors.insert(0, f"Không thấy dòng tiêu đề có cột “{COL_VILLAGE}” và “{COL_NEW_CODE}”: hãy dùng tệp "
                             "tải về từ trang này.")
    finally:
        wb.close()
    if errors:
        raise ValidationError(errors)
    return choices
