"""Stage 2, validate: each data row → a ``ParsedRow`` of checked values, or its row-numbered faults.

Nothing here touches households or reviews: a row is checked on its own against the
reference (indicators, causes, standards) and the communes the user may import into.
Then the whole file: two rows for one household-year, and the indicator columns each year needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from directory.lenient import LenientChoices, NoMatch
from directory.models import AdministrativeUnit

from ..models import Household, PovertyCause
from .cells import cell_flag, cell_int, cell_text
from .columns import (
    AREA_LABELS,
    CAUSE_SEPARATOR,
    COL_AREA,
    COL_CAUSES,
    COL_CODE,
    COL_COMMUNE,
    COL_ETHNIC,
    COL_HEAD,
    COL_INCOME,
    COL_MEMBERS,
    COL_NO_LABOUR,
    COL_VILLAGE,
    COL_YEAR,
    HEAD_COLUMNS,
    TAIL_COLUMNS,
    Columns,
    column_letter,
    header_key,
)
from .faults import CellError, ImportFault
from .progress import EVERY
from .reference import CommuneLookup, Reference


@dataclass(slots=True)
class ParsedRow:
    row: int
    code: str
    head_name: str
    commune: AdministrativeUnit
    year: int
    income: int
    indicator_ids: frozenset[int]
    village: str | None = None  # None: the column is absent (keep what is stored)
    area: str | None = None  # None: blank or absent (the stored area, else the commune's)
    member_count: int | None = None
    no_labour: bool | None = None
    ethnic: bool | None = None
    cause_ids: frozenset[int] | None = None


MAX_INCOME = settings.MAX_INCOME_PER_CAPITA
MAX_HOUSEHOLD_MEMBERS = settings.MAX_HOUSEHOLD_MEMBERS


def _money(value: int) -> str:
    text = f"{value:,}".replace(",", ".")
    return text if len(text) <= 30 else text[:27] + "…"


class RowValidator:
    """Checks one row at a time; built once per file from its columns."""

    def __init__(self, columns: Columns, reference: Reference, communes: CommuneLookup,
                 default_commune: AdministrativeUnit | None):
        width = columns.width
        self.reference = reference
        self.communes = communes
        self.default_commune = default_commune
        # A missing column reads the always-empty cell just past the row (index ``width``).
        self.at = {name: columns.index.get(name, width) for name in HEAD_COLUMNS + TAIL_COLUMNS}
        self.letters = {name: column_letter(i) if i < width else "" for name, i in self.at.items()}
        self.has = {name: name in columns.index for name in (COL_VILLAGE, COL_NO_LABOUR, COL_ETHNIC, COL_CAUSES)}
        self.indicator_columns = [(i, reference.indicators[key], columns.headers[i], column_letter(i))
                                  for key, i in columns.indicators.items()]
        self.max_code, self.max_head, self.max_village = (Household._meta.get_field(f).max_length
                                                          for f in ("code", "head_name", "village"))
        self.years_needing: dict[int, int] = {}  # year → first row, to report missing indicator columns once
        self._causes: dict[tuple[str, int | None], tuple[frozenset[int], list[str]]] = {}

    def validate(self, number: int, cells: tuple) -> tuple[ParsedRow | None, list[ImportFault]]:
        at, letters, has = self.at, self.letters, self.has
        faults: list[ImportFault] = []

        def fault(name, message):
            faults.append(ImportFault(number, name, letters[name], message))

        code = cell_text(cells[at[COL_CODE]])
        if not code:
            fault(COL_CODE, "Thiếu mã hộ.")
        elif len(code) > self.max_code:
            fault(COL_CODE, f"Mã hộ dài quá {self.max_code} ký tự.")
        head_name = cell_text(cells[at[COL_HEAD]])
        if not head_name:
            fault(COL_HEAD, "Thiếu họ và tên chủ hộ.")
        elif len(head_name) > self.max_head:
            fault(COL_HEAD, f"Họ và tên chủ hộ dài quá {self.max_head} ký tự.")

        unit = None
        # A commune is named on the map of the row's review year (the year cell is checked below).
        try:
            map_year = cell_int(cells[at[COL_YEAR]], what="Năm rà soát")
        except CellError:
            map_year = None
        map_year = map_year if map_year and 2000 <= map_year <= 2100 else None
        commune_text = cell_text(cells[at[COL_COMMUNE]])
        if commune_text:
            try:
                unit = self.communes.resolve(commune_text, map_year)
            except CellError as exc:
                fault(COL_COMMUNE, str(exc))
        elif self.default_commune is not None:
            try:
                unit = self.communes.default_for(map_year)
            except CellError as exc:
                fault(COL_COMMUNE, str(exc))
        else:
            fault(COL_COMMUNE, "Thiếu xã.")

        village = None
        if has[COL_VILLAGE]:
            village = cell_text(cells[at[COL_VILLAGE]])
            if len(village) > self.max_village:
                fault(COL_VILLAGE, f"Tên thôn dài quá {self.max_village} ký tự.")
        area = None
        area_text = cell_text(cells[at[COL_AREA]])
        if area_text:
            try:
                area = AREA_CHOICES.match(area_text)
            except NoMatch as exc:
                fault(COL_AREA, str(exc))

        member_count = None
        try:
            member_count = cell_int(cells[at[COL_MEMBERS]], what="Số nhân khẩu")
            if member_count is not None and not 1 <= member_count <= MAX_HOUSEHOLD_MEMBERS:
                fault(COL_MEMBERS, f"Số nhân khẩu phải từ 1 đến {MAX_HOUSEHOLD_MEMBERS}, không phải {member_count}.")
        except CellError as exc:
            fault(COL_MEMBERS, str(exc))

        year = snapshot = None
        try:
            year = cell_int(cells[at[COL_YEAR]], what="Năm rà soát")
            if year is None:
                fault(COL_YEAR, "Thiếu năm rà soát.")
            else:
                snapshot = self.reference.snapshot(year) if 2000 <= year <= 2100 else None
                if snapshot is None:
                    fault(COL_YEAR, f"Không có chuẩn nghèo áp dụng cho năm rà soát {year}.")
        except CellError as exc:
            fault(COL_YEAR, str(exc))

        income = None
        try:
            income = cell_int(cells[at[COL_INCOME]], what="Thu nhập bình quân đầu người")
            if income is None:
                fault(COL_INCOME, "Thiếu thu nhập bình quân đầu người.")
            elif income < 0:
                fault(COL_INCOME, f"Thu nhập bình quân đầu người không được âm ({income}).")
            elif income > MAX_INCOME:
                fault(COL_INCOME, f"Thu nhập bình quân đầu người {_money(income)} đồng/người/tháng vượt mức tối đa "
                                  f"{_money(MAX_INCOME)} đồng: kiểm tra lại (thừa chữ số?).")
        except CellError as exc:
            fault(COL_INCOME, str(exc))

        indicator_ids = set()
        for i, by_standard, header, letter in self.indicator_columns:
            raw = cells[i]
            if raw is None:
                continue
            try:
                deprived = cell_flag(raw)
            except CellError as exc:
                faults.append(ImportFault(number, header, letter, str(exc)))
                continue
            if not deprived or snapshot is None:
                continue
            indicator_id = by_standard.get(snapshot.standard_id)
            if indicator_id is None:
                faults.append(ImportFault(number, header, letter,
                                          f"“{header}” không phải chỉ số của chuẩn nghèo năm {year}."))
            else:
                indicator_ids.add(indicator_id)
        if snapshot is not None and year not in self.years_needing:
            self.years_needing[year] = number

        no_labour = ethnic = None
        try:
            no_labour = cell_flag(cells[at[COL_NO_LABOUR]]) if has[COL_NO_LABOUR] else None
        except CellError as exc:
            fault(COL_NO_LABOUR, str(exc))
        try:
            ethnic = cell_flag(cells[at[COL_ETHNIC]]) if has[COL_ETHNIC] else None
        except CellError as exc:
            fault(COL_ETHNIC, str(exc))

        cause_ids = None
        if has[COL_CAUSES]:
            text = cell_text(cells[at[COL_CAUSES]])
            key = (text, year)
            if key not in self._causes:
                self._causes[key] = parse_causes(text, year, self.reference)
            cause_ids, messages = self._causes[key]
            for message in messages:
                fault(COL_CAUSES, message)

        if faults:
            return None, faults
        return ParsedRow(
            row=number, code=code, head_name=head_name, commune=unit, year=year, income=income,
            indicator_ids=frozenset(indicator_ids), village=village, area=area, member_count=member_count,
            no_labour=no_labour, ethnic=ethnic, cause_ids=cause_ids,
        ), faults

    def missing_indicator_faults(self, columns: Columns) -> list[ImportFault]:
        """Every indicator of a year's standard needs its column: a blank cell means "not deprived",
        a missing column would silently mean the same."""
        faults = []
        for year, first_row in sorted(self.years_needing.items()):
            snapshot = self.reference.snapshot(year)
            for name in sorted(snapshot.indicator_names.values()):
                if header_key(name) not in columns.indicators:
                    faults.append(ImportFault(None, name, "", f"Thiếu cột chỉ số thiếu hụt “{name}” của chuẩn nghèo "
                                                              f"năm {year} (cần cho dòng {first_row} và các dòng năm "
                                                              f"{year})."))
        return faults


def validate_rows(rows, columns: Columns, reference: Reference, *, user,
                  commune: AdministrativeUnit | None, progress=None) -> tuple[list[ParsedRow], list[ImportFault]]:
    """Every data row checked; returns the good rows and the first faults (of rows and of the whole file);
    the faults' ``more`` counts those found past ``IMPORT_MAX_FAULTS`` and not kept."""
    validator = RowValidator(columns, reference, CommuneLookup(user, commune), commune)
    parsed, faults = [], []
    cap, more = settings.IMPORT_MAX_FAULTS, 0
    for checked, (number, cells) in enumerate(rows, start=1):
        if progress is not None and checked % EVERY == 0:
            progress.checked = checked
        row, row_faults = validator.validate(number, cells)
        if row_faults:
            # Past the first faults only a count is kept: a broken file must not cost memory per fault.
            if len(faults) < cap:
                faults.extend(row_faults)
            else:
                more += len(row_faults)
        else:
            parsed.append(row)
    if progress is not None:
        progress.checked = len(rows)
    faults += validator.missing_indicator_faults(columns)
    faults += duplicate_faults(parsed, columns)
    return parsed, FaultList(faults, more=more)


class FaultList(list):
    """The faults kept, and ``more``: how many were found past ``IMPORT_MAX_FAULTS`` and only counted."""

    def __init__(self, faults, *, more: int = 0):
        super().__init__(faults)
        self.more = more


def duplicate_faults(rows: list[ParsedRow], columns: Columns) -> list[ImportFault]:
    faults, first = [], {}
    letter = column_letter(columns.index[COL_CODE])
    for r in rows:
        key = (r.commune.pk, r.code.casefold(), r.year)  # codes match whatever their case
        if key in first:
            faults.append(ImportFault(r.row, COL_CODE, letter,
                                      f"Hộ {r.code} ({r.commune.display_name}) có hai dòng cho năm {r.year} "
                                      f"(dòng {first[key]} và dòng {r.row}): mỗi hộ chỉ một dòng mỗi năm."))
        else:
            first[key] = r.row
    return faults


# "Nông thôn"/"Thành thị", their codes, any case or diacritics, or a unique prefix ("Nông", "thanh").
AREA_CHOICES = LenientChoices(list(AREA_LABELS), name=lambda area: AREA_LABELS[area], codes=lambda area: [area.value],
                              what="khu vực")


def parse_causes(text: str, year: int | None, reference: Reference) -> tuple[frozenset[int], list[str]]:
    """The cause ids a "Nguyên nhân nghèo" cell names, and a message for each name that is not usable."""
    ids, messages = set(), []
    for part in text.split(CAUSE_SEPARATOR):
        part = part.strip()
        if not part:
            continue
        try:
            cause = reference.cause_choices.match(part)
        except NoMatch as exc:
            messages.append(str(exc))
            continue
        if year is not None and not cause_active(cause, year):
            messages.append(f"Nguyên nhân nghèo “{cause.name}” không dùng cho năm {year}.")
        else:
            ids.add(cause.pk)
    return frozenset(ids), messages


def cause_active(cause: PovertyCause, year: int) -> bool:
    return (cause.valid_from_year is None or cause.valid_from_year <= year) and (
        cause.valid_to_year is None or cause.valid_to_year >= year)
