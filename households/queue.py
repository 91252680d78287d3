"""The approval queue: filters, what changed since last year, and its Excel export.

One queue serves every approver: ``selectors.approval_queue(user)`` already keeps the
submitted reviews whose commune this user approves (district staff on the old map,
the commune chairman after 07/2025), so the filters below only narrow that set.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from openpyxl import Workbook

from directory.models import AdministrativeUnit, User
from directory.sheets import (
    CODE,
    COUNT,
    DATE,
    MONEY,
    ORDER,
    Column,
    DocumentHeader,
    DocumentSheet,
    Signature,
    issuing_body,
    use_document_font,
)
from povertyapp.form_rendering import FastRenderedForm

from .excel import safe_cell
from .models import Category, Member, Review, ReviewRound, ReviewStatus

ALL = "Tất cả"


class ApprovalQueueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Tìm (tên chủ hộ, mã hộ, số CCCD)", method="search",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    # review_commune_status_idx (commune, status)
    commune = django_filters.ChoiceFilter(label="Xã", choices=[], empty_label=ALL, method="filter_commune")
    # hh_commune_village_idx through the household join
    village = django_filters.ChoiceFilter(label="Thôn", choices=[], empty_label=ALL, field_name="household__village")
    round = django_filters.ChoiceFilter(label="Đợt", choices=ReviewRound.choices, empty_label=ALL)
    category = django_filters.ChoiceFilter(label="Phân loại", choices=Category.choices, empty_label=ALL)
    year = django_filters.NumberFilter(label="Năm", widget=forms.NumberInput(attrs={"min": 2000, "max": 2100}))
    submitted_by = django_filters.ChoiceFilter(label="Người nộp", choices=[], empty_label=ALL)

    class Meta:
        model = Review
        form = FastRenderedForm  # the widgets written in Python, byte for byte (povertyapp.form_rendering)
        fields = ["q", "commune", "village", "round", "category", "year", "submitted_by"]

    def __init__(self, data=None, queryset=None, *, user=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Choices come from the queue itself (the submitted reviews this user approves), so a filter never
        # offers a commune, village or submitter with nothing waiting; the value in use stays offered even
        # once its rows are all done, so the reviewer stays on the same filters after a bulk action.
        # One pass over the queue gives the three lists (commune, village, submitter of each waiting review).
        rows = set(queryset.order_by().values_list("commune_id", "household__village", "submitted_by_id").distinct())
        commune_ids = {commune_id for commune_id, _, _ in rows}
        selected_commune = self._selected("commune")
        if selected_commune and user is not None:
            commune_ids |= set(AdministrativeUnit.objects.for_user(user).filter(pk=selected_commune)
                               .values_list("pk", flat=True))
        communes = list(AdministrativeUnit.objects.filter(pk__in=commune_ids).order_by("path"))
        self.filters["commune"].extra["choices"] = [(str(c.pk), c.display_name) for c in communes]
        villages = {village for commune_id, village, _ in rows
                    if not selected_commune or commune_id == selected_commune}
        if (self.data or {}).get("village"):
            villages.add(self.data["village"])
        self.filters["village"].extra["choices"] = [(v, v) for v in sorted(v for v in villages if v)]
        submitter_ids = {submitter_id for _, _, submitter_id in rows} - {None}
        selected_submitter = self._selected("submitted_by")
        if selected_submitter and user is not None:
            submitter_ids |= set(User.objects.for_user(user).filter(pk=selected_submitter)
                                 .values_list("pk", flat=True))
        submitters = User.objects.filter(pk__in=submitter_ids).order_by("last_name", "first_name", "username")
        self.filters["submitted_by"].extra["choices"] = [(str(u.pk), str(u)) for u in submitters]
        if len(communes) <= 1 and not selected_commune:
            del self.filters["commune"]

    def _selected(self, name):
        raw = (self.data or {}).get(name)
        return int(raw) if raw and str(raw).isdigit() else None

    def filter_commune(self, queryset, name, value):
        return queryset.filter(commune_id=value) if value else queryset

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if value.isdigit() and len(value) == 12:
            # citizen ID of any member (member citizen_id index)
            return queryset.filter(Exists(Member.objects.filter(household=OuterRef("household"), citizen_id=value)))
        match = Q(household__code__istartswith=value) | Q(household__head_name__icontains=value)
        if value.isdigit():
            match |= Q(pk=int(value)) | Q(household_id=int(value))  # the review's or household's number
        return queryset.filter(match)


# --------------------------------------------------------------------------- change since last year


@dataclass(frozen=True)
class Change:
    """How a submitted review differs from the household's last approved review of an earlier year."""

    previous_year: int | None
    previous_category: str
    category_changed: bool
    income_delta: int | None
    added: tuple[str, ...]  # indicators deprived now and not before
    removed: tuple[str, ...]  # deprived before and not now

    @property
    def previous_category_label(self) -> str:
        return Category(self.previous_category).label if self.previous_category else ""

    @property
    def is_new(self) -> bool:
        return self.previous_year is None

    def summary(self, current_category: str) -> str:
        """One line for the queue and the Excel sheet."""
        if self.is_new:
            return "Chưa có kết quả được duyệt năm trước"
        parts = []
        if self.category_changed:
            parts.append(f"{self.previous_category_label} → {Category(current_category).label}")
        else:
            parts.append(f"Vẫn {self.previous_category_label.lower()}")
        if self.income_delta:
            sign = "+" if self.income_delta > 0 else "−"
            parts.append(f"thu nhập {sign}{_thousands(abs(self.income_delta))}")
        if self.added:
            parts.append("thêm thiếu hụt: " + ", ".join(self.added))
        if self.removed:
            parts.append("hết thiếu hụt: " + ", ".join(self.removed))
        return "; ".join(parts) + f" (so với {self.previous_year})"


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def change_between(previous: Review | None, current: Review, *,
                   previous_indicators=(), current_indicators=()) -> Change:
    """Pure comparison of two reviews (indicator names passed in so no query happens here)."""
    if previous is None:
        return Change(None, "", False, None, (), ())
    before, now = set(previous_indicators), set(current_indicators)
    return Change(
        previous_year=previous.year,
        previous_category=previous.category,
        category_changed=previous.category != current.category,
        income_delta=current.income_per_capita - previous.income_per_capita,
        added=tuple(sorted(now - before)),
        removed=tuple(sorted(before - now)),
    )


def attach_changes(reviews: list[Review]) -> list[Review]:
    """Set ``review.change`` on each review of a page: three queries whatever the page size."""
    if not reviews:
        return reviews
    household_ids = {r.household_id for r in reviews}
    earliest = min(r.year for r in reviews)
    max_year = max(r.year for r in reviews)
    previous_rows = (Review.objects.filter(household_id__in=household_ids, status=ReviewStatus.APPROVED,
                                           year__lt=max_year, year__gte=earliest - 10)
                     .only("pk", "household_id", "year", "category", "income_per_capita", "effective_date")
                     .order_by("household_id", "year", "effective_date", "pk"))
    by_household: dict[int, list[Review]] = {}
    for row in previous_rows:
        by_household.setdefault(row.household_id, []).append(row)
    previous_of = {}
    for review in reviews:
        earlier = [p for p in by_household.get(review.household_id, []) if p.year < review.year]
        previous_of[review.pk] = earlier[-1] if earlier else None
    wanted = {r.pk for r in reviews} | {p.pk for p in previous_of.values() if p}
    names: dict[int, list[str]] = {pk: [] for pk in wanted}
    # plain (review, name) rows: a page's few hundred links as model instances (link and indicator) cost more
    # Python than the rest of this function
    links = (Review.deprived_indicators.through.objects.filter(review_id__in=wanted)
             .values_list("review_id", "indicator__name"))
    for review_id, name in links:
        names[review_id].append(name)
    for review in reviews:
        previous = previous_of[review.pk]
        before = names.get(previous.pk, ()) if previous else ()
        review.change = change_between(previous, review, previous_indicators=before,
                                       current_indicators=names[review.pk])
    return reviews


# --------------------------------------------------------------------------- Excel

QUEUE_COLUMNS = [
    Column("STT", 6, ORDER), Column("Mã phiếu", 9, CODE), Column("Xã", 16), Column("Thôn", 14),
    Column("Mã hộ", 12, CODE), Column("Họ và tên chủ hộ", 22), Column("Năm", 7, CODE), Column("Đợt", 12),
    Column("Thu nhập bình quân (đồng/tháng)", 14, MONEY), Column("Số chỉ số thiếu hụt", 9, COUNT),
    Column("Phân loại", 16), Column("Thay đổi so với năm trước", 40), Column("Nguyên nhân nghèo", 26),
    Column("Người nộp", 18), Column("Ngày nộp", 12, DATE),
]
QUEUE_HEADERS = [(c.header, c.width) for c in QUEUE_COLUMNS]


def build_queue_workbook(reviews, *, title: str, unit=None) -> Workbook:
    """The filtered queue as one print-ready sheet (directory.sheets); ``reviews`` is iterated in chunks by the
    caller's queryset. ``unit`` (the approver's) names the issuing body and the place of signature."""
    wb = Workbook()
    use_document_font(wb)
    ws = wb.active
    ws.title = "Chờ phê duyệt"
    today = timezone.localdate()
    sheet = DocumentSheet(ws, columns=QUEUE_COLUMNS, landscape=True, header=DocumentHeader(
        title=title, issuer=issuing_body(unit), period=f"Lập ngày {today:%d/%m/%Y}",
        unit=safe_cell(f"Đơn vị: {unit.full_name}") if unit is not None else ""))
    sheet.start()
    number = 0
    for chunk in _chunks(reviews, 500):
        attach_changes(chunk)
        for review in chunk:
            number += 1
            household = review.household
            sheet.row([
                number, review.pk, safe_cell(review.commune.display_name), safe_cell(household.village),
                safe_cell(household.code), safe_cell(household.head_name), review.year, review.get_round_display(),
                review.income_per_capita, review.deprivation_count, review.get_category_display(),
                review.change.summary(review.category),
                "; ".join(c.name for c in review.causes.all()),
                safe_cell(str(review.submitted_by) if review.submitted_by else ""),
                timezone.localdate(review.submitted_at) if review.submitted_at else None,
            ])
    sheet.note(f"Tổng số: {number} phiếu", italic=False, size=11)
    sheet.finish(signature=Signature(place=unit.name if unit is not None else "", day=today))
    return wb


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
