"""Excel export of a year's review list: the import's columns plus Phân loại, Trạng thái, Biến động.

The file imports again unchanged (``importing.import_reviews`` ignores the three extra
columns and recomputes the category). Rows are streamed with openpyxl's write-only mode
and read from the database in chunks, so a district's list does not sit in memory.
Text that starts with = + - @ is prefixed with an apostrophe (``excel.safe_cell``) so that a
name can never become a formula; the import strips that apostrophe again. "Biến động" is
the movement derived from approved reviews (``selectors.iter_movements``).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Aggregate, OuterRef, QuerySet, Subquery, TextField

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
    save_workbook,
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
from .models import Category, PovertyCause, Review, ReviewRound, ReviewStatus
from .selectors import iter_movements

CHUNK = 2000
# Narrow enough that a district's list prints one page wide (landscape) with every column.
WIDTHS = {COL_CODE: 12, COL_HEAD: 20, COL_COMMUNE: 20, COL_VILLAGE: 15, COL_AREA: 9, COL_MEMBERS: 7,
          COL_YEAR: 7, COL_INCOME: 12, COL_NO_LABOUR: 8, COL_ETHNIC: 7, COL_CAUSES: 24, COL_CATEGORY: 16,
          COL_STATUS: 13, COL_MOVEMENT: 12}
INDICATOR_WIDTH = 8  # the deprivation indicators: an "x" each
KINDS = {COL_CODE: CODE, COL_HEAD: TEXT, COL_COMMUNE: TEXT, COL_VILLAGE: TEXT, COL_AREA: TEXT, COL_MEMBERS: COUNT,
         COL_YEAR: CODE, COL_INCOME: MONEY, COL_CAUSES: TEXT, COL_CATEGORY: TEXT, COL_STATUS: TEXT,
         COL_MOVEMENT: TEXT}  # the rest are "x" marks


EXPORT_VALUES = ("household_id", "household__code", "household__head_name", "household__village",
                 "household__member_count", "household__is_ethnic_minority", "commune__name",
                 "commune__parent__name", "area", "year", "income_per_capita", "has_labour_capacity", "category",
                 "status", "deprived_ids", "cause_ids")
CATEGORY_LABELS = dict(Category.choices)
STATUS_LABELS = dict(ReviewStatus.choices)


class _IdList(Aggregate):
    """The ids of a group as one text "3,7,12" (string_agg on PostgreSQL, group_concat on SQLite)."""

    function = "STRING_AGG"
    template = "%(function)s(CAST(%(expressions)s AS text), ',')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="GROUP_CONCAT",
                           template="%(function)s(%(expressions)s, ',')", **extra_context)


def _ids_of(through, field: str) -> Subquery:
    """A review's rows of an M2M table as one text of ids, beside the review in the export's one query (no
    query per chunk with 2.000 literal review ids: building those cost more than the rows)."""
    return Subquery(through.objects.filter(review_id=OuterRef("pk")).order_by().values("review_id")
                    .annotate(ids=_IdList(field)).values("ids"))


class _RowMaker:
    """A review's values (``EXPORT_VALUES``) as the row of the file. The deprived indicators and the causes
    come as id lists ("3,7"), of which a list has few distinct ones: each is turned into cells once."""

    def __init__(self, indicators, movements: dict):
        self.indicator_ids = [pk for pk, _ in indicators]
        self.no_marks = [None] * len(self.indicator_ids)
        self.cause_names: dict[int, str] | None = None  # read with the first cause
        self.movements = movements
        self._marks: dict[str, list] = {}
        self._causes: dict[str, str | None] = {}
        self._communes: dict[tuple, str] = {}

    def marks(self, ids: str | None) -> list:
        if not ids:
            return self.no_marks
        marks = self._marks.get(ids)
        if marks is None:
            deprived = {int(pk) for pk in ids.split(",")}
            marks = self._marks[ids] = [MARK if pk in deprived else None for pk in self.indicator_ids]
        return marks

    def causes(self, ids: str | None) -> str | None:
        if not ids:
            return None
        causes = self._causes.get(ids)
        if causes is None and ids not in self._causes:
            if self.cause_names is None:
                self.cause_names = dict(PovertyCause.objects.values_list("pk", "name"))
            names = "; ".join(sorted(self.cause_names[int(pk)] for pk in ids.split(",")))
            causes = self._causes[ids] = safe_cell(names) or None
        return causes

    def commune(self, district: str | None, commune: str) -> str:
        # "Thọ Xuân/Xuân Bái", as commune_label() writes it
        key = (district, commune)
        label = self._communes.get(key)
        if label is None:
            label = self._communes[key] = f"{district}/{commune}" if district else commune
        return label

    def row(self, values) -> list:
        (household_id, code, head_name, village, member_count, is_ethnic_minority, commune_name, district_name,
         area, year, income, has_labour_capacity, category, status, deprived_ids, cause_ids) = values
        movement = self.movements.get(household_id)
        return [
            safe_cell(code), safe_cell(head_name), self.commune(district_name, commune_name), safe_cell(village),
            AREA_LABELS.get(area, area), member_count, year, income,
            *self.marks(deprived_ids),
            None if has_labour_capacity else MARK,
            MARK if is_ethnic_minority else None,
            self.causes(cause_ids),
            CATEGORY_LABELS.get(category, category), STATUS_LABELS.get(status, status),
            movement.label if movement else None,
        ]


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
    through_i, through_c = Review.deprived_indicators.through, Review.causes.through
    reviews = (reviews_for_export(unit=unit, year=year, user=user)
               .annotate(deprived_ids=_ids_of(through_i, "indicator_id"),
                         cause_ids=_ids_of(through_c, "povertycause_id"))
               .order_by("commune__path", "household__code", "pk").values_list(*EXPORT_VALUES))

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
    # In a transaction the cursors stream (outside, Django's cursors WITH HOLD copy the whole result first).
    # Only reads: no savepoint inside a caller's transaction.
    # (JIT, which spent 2,7 of this query's 5,4 s compiling at load 11, is off for the app's sessions:
    # povertyapp.database.)
    with transaction.atomic(savepoint=False):
        # The movements of the whole list in one query before the rows (not one per chunk of ids); only the
        # households that moved are kept.
        movements = {household_id: movement for household_id, movement in iter_movements(
            reviews_for_export(unit=unit, year=year, user=user).values("household_id"), year=year) if movement}
        maker = _RowMaker(indicators, movements)
        for values in reviews.iterator(chunk_size=CHUNK):
            sheet.row(maker.row(values))
            written += 1
    # The import stops at the signature block (``directory.sheets.is_signature_row``).
    sheet.finish(signature=Signature(place=unit.name))
    save_workbook(workbook, output)
    return written
