"""Excel export of a year's review list: the import's columns plus Phân loại, Trạng thái, Biến động.

The file imports again unchanged (``importing.import_reviews`` ignores the three extra
columns and recomputes the category). Rows are streamed with openpyxl's write-only mode
and read from the database in chunks, so a district's list does not sit in memory.
Text that starts with = + - @ is prefixed with an apostrophe so that a name can never
become a formula; the import strips that apostrophe again.
"""

from __future__ import annotations

from django.db.models import QuerySet

from directory.models import AdministrativeUnit

from .classification import standard_for_year
from .importing import (
    AREA_LABELS,
    COL_AREA,
    COL_CATEGORY,
    COL_CAUSES,
    COL_CODE,
    COL_COMMUNE,
    COL_ETHNIC,
    COL_HEAD,
    COL_INCOME,
    COL_MEMBERS,
    COL_MOVEMENT,
    COL_NO_LABOUR,
    COL_STATUS,
    COL_VILLAGE,
    COL_YEAR,
    FORMULA_PREFIXES,
    MARK,
)
from .models import Category, Review, ReviewRound, ReviewStatus
from .movements import movement_between

CHUNK = 2000
WIDTHS = {COL_CODE: 14, COL_HEAD: 28, COL_COMMUNE: 24, COL_VILLAGE: 16, COL_AREA: 12, COL_MEMBERS: 10,
          COL_YEAR: 10, COL_INCOME: 18, COL_NO_LABOUR: 14, COL_ETHNIC: 12, COL_CAUSES: 40, COL_CATEGORY: 24,
          COL_STATUS: 14, COL_MOVEMENT: 18}
INDICATOR_WIDTH = 12


def neutralise(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def commune_label(commune: AdministrativeUnit) -> str:
    """"Thọ Xuân/Xuân Bái": a name path the unit lookup resolves back, readable by people."""
    return f"{commune.parent.name}/{commune.name}" if commune.parent_id else commune.name


def reviews_for_export(*, unit: AdministrativeUnit, year: int, user=None) -> QuerySet:
    """The periodic reviews of ``year`` in ``unit`` and below, limited to the user's scope."""
    qs = Review.objects.for_user(user) if user is not None else Review.objects.all()
    return qs.filter(commune__path__startswith=unit.path, year=year, round=ReviewRound.PERIODIC)


def export_columns(year: int) -> tuple[list[str], list[tuple[int, str]]]:
    """The header of a year's file and the (indicator id, name) pairs of its standard, in order."""
    standard = standard_for_year(year)
    indicators = list(standard.indicators.order_by("order").values_list("pk", "name"))
    header = [COL_CODE, COL_HEAD, COL_COMMUNE, COL_VILLAGE, COL_AREA, COL_MEMBERS, COL_YEAR, COL_INCOME]
    header += [name for _, name in indicators]
    header += [COL_NO_LABOUR, COL_ETHNIC, COL_CAUSES, COL_CATEGORY, COL_STATUS, COL_MOVEMENT]
    return header, indicators


def export_reviews(*, unit: AdministrativeUnit, year: int, output, user=None) -> int:
    """Write the year's review list of ``unit`` (a commune, or a district: all its communes) to ``output``.

    ``output`` is a path or a binary file object. Returns the number of households written.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    standard = standard_for_year(year)
    header, indicators = export_columns(year)
    scoped = reviews_for_export(unit=unit, year=year, user=user)
    previous = dict(
        reviews_for_export(unit=unit, year=year - 1, user=user).filter(status=ReviewStatus.APPROVED)
        .values_list("household_id", "category")
    )
    base = Review.objects.for_user(user) if user is not None else Review.objects.all()
    ever_poor = set(
        base.filter(commune__path__startswith=unit.path, year__lt=year, status=ReviewStatus.APPROVED,
                    category=Category.POOR).values_list("household_id", flat=True).distinct()
    )
    reviews = (scoped.select_related("household", "commune", "commune__parent")
               .prefetch_related("deprived_indicators", "causes")
               .order_by("commune__path", "household__code", "pk"))

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(f"Rà soát {year}")
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, INDICATOR_WIDTH)
    sheet.freeze_panes = "C5"
    bold = Font(bold=True)
    title = WriteOnlyCell(sheet, f"DANH SÁCH KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {year}")
    title.font = Font(bold=True, size=13)
    sheet.append([title])
    sheet.append([f"Đơn vị: {unit.full_name} · "
                  f"{standard.name} ({standard.legal_basis}) · Phân loại do hệ thống tính, không nhập."])
    sheet.append([])
    header_cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, name)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header_cells.append(cell)
    sheet.append(header_cells)

    written = 0
    for review in reviews.iterator(chunk_size=CHUNK):
        household = review.household
        deprived = {i.pk for i in review.deprived_indicators.all()}
        movement = movement_between(previous.get(household.pk), review.category,
                                    ever_poor_before=household.pk in ever_poor)
        row = [
            neutralise(household.code), neutralise(household.head_name), commune_label(review.commune),
            neutralise(household.village), AREA_LABELS.get(review.area, review.area), household.member_count,
            review.year, review.income_per_capita,
        ]
        row += [MARK if pk in deprived else None for pk, _ in indicators]
        row += [
            None if review.has_labour_capacity else MARK,
            MARK if household.is_ethnic_minority else None,
            neutralise("; ".join(sorted(c.name for c in review.causes.all()))) or None,
            review.get_category_display(), review.get_status_display(), movement.label if movement else None,
        ]
        sheet.append(row)
        written += 1
    workbook.save(output)
    return written
