"""Re-classify stored reviews with the standard their round and year call for.

Until issue 11 the standard was picked by the review's own year, so the 2021
periodic review was classified with Decision 59/2015 (it decides the 2022 lists:
Decree 07/2021) and the 2026 periodic review with Decree 07 (it decides the 2027
lists: Decree 351/2025). ``reclassify_reviews`` moves every review whose standard
is wrong to the right one, carrying its deprived indicators over by code, and
recomputes its category with the same pure ``classify`` the forms use.

Nothing is changed silently: each changed review gets history rows (standard,
indicators, count, category) with the reason, and every household whose category
changes is passed to ``log``. Approved reviews keep their status; the reason says
the change came from the data migration, not from a person.

It takes an ``apps`` registry so the data migration (historical models) and the
tests (live models) run the same code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from .classification import RuleData, StandardSnapshot, classify, list_year_of

# Indicators that carry over under another code (same concept, renamed between standards).
# Anything else without a same-code counterpart is dropped and named in the history.
CARRIED_OVER = {"tai_san_thong_tin": "phuong_tien_thong_tin"}

CATEGORY_LABELS = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "average": "Hộ có mức sống trung bình",
                   "not_poor": "Hộ không nghèo"}
ROUND_LABELS = {"periodic": "định kỳ", "regular": "thường xuyên", "ad_hoc": "đột xuất"}
STATUS_APPROVED = "approved"


@dataclass(frozen=True)
class Change:
    review_id: int
    household_id: int
    household_code: str
    year: int
    round: str
    old_standard: str
    new_standard: str
    old_category: str
    new_category: str
    dropped: tuple[str, ...]
    was_approved: bool

    @property
    def category_changed(self) -> bool:
        return self.old_category != self.new_category


def _label(standard) -> str:
    return f"{standard.name}, {standard.legal_basis}" if standard.legal_basis else standard.name


def _snapshot(apps, standard) -> StandardSnapshot:
    IncomeLine = apps.get_model("households", "IncomeLine")
    Rule = apps.get_model("households", "ClassificationRule")
    lines = {(line.area, line.kind): line.amount for line in IncomeLine.objects.filter(standard=standard)}
    rules = tuple(RuleData(r.order, r.area, r.income_above, r.income_at_most, r.min_deprivations,
                           r.max_deprivations, r.category)
                  for r in Rule.objects.filter(standard=standard).order_by("order"))
    return StandardSnapshot(standard.pk, standard.code, lines, rules)


def reclassify_reviews(apps, *, log: Callable[[str], None] = print, chunk: int = 500) -> list[Change]:
    """Move every review to the standard of its round and year; returns what changed."""
    Standard = apps.get_model("households", "PovertyStandard")
    Review = apps.get_model("households", "Review")
    Indicator = apps.get_model("households", "Indicator")
    Household = apps.get_model("households", "Household")
    HistoryEntry = apps.get_model("households", "HistoryEntry")
    through = Review.deprived_indicators.through

    standards = list(Standard.objects.all())
    if not standards:
        return []

    def standard_for(round_, year):
        list_year = list_year_of(round_, year)
        matching = [s for s in standards if s.first_list_year <= list_year <= s.last_list_year]
        return max(matching, key=lambda s: s.first_list_year) if matching else None

    by_id = {s.pk: s for s in standards}
    indicators = {i.pk: i for i in Indicator.objects.all()}
    by_code = {(i.standard_id, i.code): i for i in indicators.values()}
    snapshots: dict[int, StandardSnapshot] = {}
    changes: list[Change] = []
    now = timezone.now()

    # Only reviews whose standard is wrong: group by (round, year, standard) first, cheap on any size.
    wrong_groups = []
    for round_, year, standard_id in Review.objects.values_list("round", "year", "standard_id").distinct():
        target = standard_for(round_, year)
        if target is not None and target.pk != standard_id:
            wrong_groups.append((round_, year, standard_id, target))

    for round_, year, old_standard_id, target in wrong_groups:
        old_standard = by_id[old_standard_id]
        if target.pk not in snapshots:
            snapshots[target.pk] = _snapshot(apps, target)
        snapshot = snapshots[target.pk]
        ids = list(Review.objects.filter(round=round_, year=year, standard_id=old_standard_id)
                   .order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), chunk):
            batch = ids[start:start + chunk]
            deprived = defaultdict(list)
            for review_id, indicator_id in through.objects.filter(review_id__in=batch).values_list(
                    "review_id", "indicator_id"):
                deprived[review_id].append(indicator_id)
            reviews = Review.objects.filter(pk__in=batch).select_related("household").order_by("pk")
            history, new_links = [], []
            for review in reviews:
                old_ids = deprived.get(review.pk, [])
                new_ids, dropped = [], []
                for indicator_id in old_ids:
                    old = indicators[indicator_id]
                    new = by_code.get((target.pk, CARRIED_OVER.get(old.code, old.code))) or by_code.get(
                        (target.pk, old.code))
                    if new is None:
                        dropped.append(old.name)
                    else:
                        new_ids.append(new.pk)
                new_ids = sorted(set(new_ids))
                # A review imported without its indicator list keeps its typed count.
                count = len(new_ids) if old_ids else review.deprivation_count
                category = classify(snapshot, review.area, review.income_per_capita, count).value
                change = Change(review.pk, review.household_id, review.household.code, review.year, review.round,
                                _label(old_standard), _label(target), review.category, category, tuple(dropped),
                                review.status == STATUS_APPROVED)
                changes.append(change)
                old_names = "; ".join(sorted(indicators[i].name for i in old_ids))
                new_names = "; ".join(sorted(indicators[i].name for i in new_ids))
                Review.objects.filter(pk=review.pk).update(
                    standard_id=target.pk, category=category, deprivation_count=count, updated_at=now,
                    version=review.version + 1)
                through.objects.filter(review_id=review.pk).delete()
                new_links += [through(review_id=review.pk, indicator_id=i) for i in new_ids]

                reason = (
                    f"Chuyển đổi dữ liệu (vấn đề 11): rà soát {ROUND_LABELS.get(review.round, review.round)} "
                    f"năm {review.year} lập danh sách năm {list_year_of(review.round, review.year)} nên áp dụng "
                    f"{_label(target)}, không phải {_label(old_standard)}."
                )
                if dropped:
                    reason += " Chỉ số không có trong chuẩn mới, không tính: " + "; ".join(dropped) + "."
                if change.was_approved:
                    reason += " Phiếu đã phê duyệt vẫn giữ trạng thái phê duyệt; phân loại do hệ thống tính lại."
                label = f"Rà soát {review.year} ({ROUND_LABELS.get(review.round, review.round)})"
                for field, field_label, old_value, new_value in (
                    ("standard", "chuẩn nghèo", _label(old_standard), _label(target)),
                    ("deprived_indicators", "chỉ số thiếu hụt", old_names, new_names),
                    ("deprivation_count", "số chỉ số thiếu hụt", str(review.deprivation_count), str(count)),
                    ("category", "phân loại", CATEGORY_LABELS.get(review.category, review.category),
                     CATEGORY_LABELS.get(category, category)),
                ):
                    if old_value != new_value:
                        history.append(HistoryEntry(
                            household_id=review.household_id, object_type="review", object_id=review.pk,
                            object_label=label, action="update", field=field, field_label=field_label,
                            old_value=old_value, new_value=new_value, comment=reason, at=now))
                if change.category_changed:
                    log(f"Hộ {review.household.code} (mã {review.household_id}), rà soát "
                        f"{ROUND_LABELS.get(review.round, review.round)} năm {review.year}"
                        f"{' (đã phê duyệt)' if change.was_approved else ''}: "
                        f"{CATEGORY_LABELS.get(review.category)} → {CATEGORY_LABELS.get(category)} "
                        f"({_label(old_standard)} → {_label(target)}).")
            through.objects.bulk_create(new_links)
            HistoryEntry.objects.bulk_create(history)

    # The household list filters on the category of the latest approved review: keep it right.
    affected = {c.household_id for c in changes if c.was_approved and c.category_changed}
    for household_id in affected:
        latest = (Review.objects.filter(household_id=household_id, status=STATUS_APPROVED)
                  .order_by("-effective_date", "-year", "-pk").values("category", "year").first())
        Household.objects.filter(pk=household_id).update(
            current_category=latest["category"] if latest else "", current_year=latest["year"] if latest else None)
    if changes:
        changed = sum(1 for c in changes if c.category_changed)
        log(f"Đã chuyển {len(changes)} phiếu rà soát sang đúng chuẩn nghèo; {changed} phiếu đổi phân loại. "
            "Chạy `manage.py refresh_dashboard` để tính lại số liệu tổng quan.")
    return changes
