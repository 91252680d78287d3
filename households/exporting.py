"""Excel export of a year's review list: the import's columns plus Phân loại, Trạng thái, Biến động.

The file imports again unchanged (``importing.import_reviews`` ignores the three extra
columns and recomputes the category). Rows are streamed with openpyxl's write-only mode
and read from the database in chunks, so a district's list does not sit in memory.
Text that starts with = + - @ is prefixed with an apostrophe (``excel.safe_cell``) so that a
name can never become a formula; the import strips that apostrophe again. "Biến động" is
the movement derived from approved reviews (``selectors.movements_by_household``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from directory.models import AdministrativeUnit
from directory.sheets import (
    CODE,
    COUNT,
    MONEY,
    TEXT,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    use_document_font,
)
from directory.sheets import MARK as MARK_COLUMN

from .classification import standard_for_review
from .excel import safe_cell
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
    MARK,
)
from .models import Category, Review, ReviewRound, ReviewStatus
from .selectors import movements_by_household

CHUNK = 2000
# Narrow enough that a district's list prints one page wide (landscape) with every column.
WIDTHS = {COL_CODE: 12, COL_HEAD: 20, COL_COMMUNE: 20, COL_VILLAGE: 15, COL_AREA: 9, COL_MEMBERS: 7,
          COL_YEAR: 7, COL_INCOME: 12, COL_NO_LABOUR: 8, COL_ETHNIC: 7, COL_CAUSES: 24, COL_CATEGORY: 16,
          COL_STATUS: 13, COL_MOVEMENT: 12}
INDICATOR_WIDTH = 8  # the deprivation indicators: an "x" each
KINDS = {COL_CODE: CODE, COL_HEAD: TEXT, COL_COMMUNE: TEXT, COL_VILLAGE: TEXT, COL_AREA: TEXT, COL_MEMBERS: COUNT,
         COL_YEAR: CODE, COL_INCOME: MONEY, COL_CAUSES: TEXT, COL_CATEGORY: TEXT, COL_STATUS: TEXT,
         COL_MOVEMENT: TEXT}  # the rest are "x" marks


@dataclass(slots=True)
class _ExportRow:
    """One review of the list as plain values (no model instances: a district has 60.000 of them)."""

    pk: int
    household_id: int
    code: str
    head_name: str
    village: str
    member_count: int
    is_ethnic_minority: bool
    commune_id: int
    commune_name: str
    district_name: str | None
    area: str
    year: int
    income_per_capita: int
    has_labour_capacity: bool
    category: str
    status: str


EXPORT_VALUES = ("pk", "household_id", "household__code", "household__head_name", "household__village",
                 "household__member_count", "household__is_ethnic_minority", "commune_id", "commune__name",
                 "commune__parent__name", "area", "year",
                 "income_per_capita", "has_labour_capacity", "category", "status")
CATEGORY_LABELS = dict(Category.choices)
STATUS_LABELS = dict(ReviewStatus.choices)


def _row(review: _ExportRow, deprived: set[int], causes: str, indicators, movement) -> list:
    # "Thọ Xuân/Xuân Bái", as commune_label() writes it
    commune = f"{review.district_name}/{review.commune_name}" if review.district_name else review.commune_name
    row = [
        safe_cell(review.code), safe_cell(review.head_name), commune, safe_cell(review.village),
        AREA_LABELS.get(review.area, review.area), review.member_count, review.year, review.income_per_capita,
    ]
    row += [MARK if pk in deprived else None for pk, _ in indicators]
    row += [
        None if review.has_labour_capacity else MARK,
        MARK if review.is_ethnic_minority else None,
        safe_cell(causes) or None,
        CATEGORY_LABELS.get(review.category, review.category), STATUS_LABELS.get(review.status, review.status),
        movement.label if movement else None,
    ]
    return row


def commune_label(commune: AdministrativeUnit) -> str:
    """"Thọ Xuân/Xuân Bái": a name path the unit lookup resolves back, readable by people."""
    return f"{commune.parent.name}/{commune.name}" if commune.parent_id else commune.name


def reviews_for_export(*, unit: AdministrativeUnit, year: int, user=None) -> QuerySet:
    """The periodic reviews of ``year`` in ``unit`` and below, limited to the user's scope."""
    qs = Review.objects.for_user(user) if user is not None else Review.objects.all()
    return qs.filter(commune__path__startswith=unit.path, year=year, round=ReviewRound.PERIODIC)


def export_columns(standard) -> tuple[list[str], list[tuple[int, str]]]:
    """The header of a file for ``standard`` and the (indicator id, name) pairs of its indicators, in order."""
    indicators = list(standard.indicators.order_by("order").values_list("pk", "name"))
    header = [COL_CODE, COL_HEAD, COL_COMMUNE, COL_VILLAGE, COL_AREA, COL_MEMBERS, COL_YEAR, COL_INCOME]
    header += [name for _, name in indicators]
    header += [COL_NO_LABOUR, COL_ETHNIC, COL_CAUSES, COL_CATEGORY, COL_STATUS, COL_MOVEMENT]
    return header, indicators


def export_reviews(*, unit: AdministrativeUnit, year: int, output, user=None) -> int:
    """Write the year's review list of ``unit`` (a commune, or a district: all its communes) to ``output``.

    ``output`` is a path or a binary file object. Returns the number of households written. The sheet is a
    print-ready document (``directory.sheets``); its one header row is the import's, so it imports again.
    """
    from openpyxl import Workbook

    standard = standard_for_review(ReviewRound.PERIODIC, year)
    header, indicators = export_columns(standard)
    reviews = (reviews_for_export(unit=unit, year=year, user=user)
               .order_by("commune__path", "household__code", "pk").values_list(*EXPORT_VALUES))
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through

    workbook = Workbook(write_only=True)
    use_document_font(workbook)
    columns = [Column(name, WIDTHS.get(name, INDICATOR_WIDTH), KINDS.get(name, MARK_COLUMN)) for name in header]
    sheet = DocumentSheet(workbook.create_sheet(f"Rà soát {year}"), columns=columns, landscape=True,
                          freeze_columns=2, header=DocumentHeader(
        title=f"DANH SÁCH KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {year}", issuer=issuing_body(unit),
        period=f"Năm rà soát {year}", unit=safe_cell(f"Đơn vị: {unit.full_name}"),
        standard=safe_cell(f"Chuẩn nghèo áp dụng: {standard.label}. Phân loại do hệ thống tính, không nhập.")))
    sheet.start()

    written = 0
    batch: list[_ExportRow] = []

    def flush():
        if not batch:
            return
        # Per batch of rows: its indicators, causes and movements, one query each (never one per row).
        ids = [r.pk for r in batch]
        deprived, causes = defaultdict(set), defaultdict(list)
        for review_id, indicator_id in through_i.objects.filter(review_id__in=ids).values_list(
                "review_id", "indicator_id"):
            deprived[review_id].add(indicator_id)
        for review_id, name in through_c.objects.filter(review_id__in=ids).values_list(
                "review_id", "povertycause__name"):
            causes[review_id].append(name)
        movements = movements_by_household([r.household_id for r in batch], year=year)
        for review in batch:
            sheet.row(_row(review, deprived.get(review.pk, set()), "; ".join(sorted(causes.get(review.pk, ()))),
                           indicators, movements.get(review.household_id)))
        batch.clear()

    for values in reviews.iterator(chunk_size=CHUNK):
        batch.append(_ExportRow(*values))
        written += 1
        if len(batch) >= CHUNK:
            flush()
    flush()
    # The import stops at the signature block (``directory.sheets.is_signature_row``).
    sheet.finish(signature=Signature(place=unit.name))
    workbook.save(output)
    return written
