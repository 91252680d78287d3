"""Writes of the dashboard app: refresh the pre-aggregated figures (idempotent).

``figures_refresh`` recounts, for some communes and years, exactly what the annual
poverty report counts (``reports.poverty.poverty_figures`` over the year), plus the
deprivation and cause profile of the households poor at the end of the year. It
replaces those rows in one transaction per year, so running it twice changes nothing
the second time and a reader never sees half a refresh.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from households.models import Household, Review, ReviewStatus
from reports.periods import Period, PeriodKind
from reports.poverty import ReviewSets, poverty_figures

from .models import CommuneYearFigures

logger = logging.getLogger(__name__)

_CHUNK = 2000
#: communes refreshed together by the nightly job (one streamed query per chunk and year)
COMMUNES_PER_BATCH = 100


def review_years(commune_ids: Iterable[int]) -> list[int]:
    """Every year from the first to the last approved review of these communes' households (gaps included:
    a household's status carries over a year without a review)."""
    ids = list(commune_ids)
    bounds = (Review.objects.filter(Q(commune_id__in=ids) | Q(household__current_commune_id__in=ids)
                                    | Q(household__commune_id__in=ids), status=ReviewStatus.APPROVED)
              .aggregate(first=Min("year"), last=Max("year")))
    if bounds["first"] is None:
        return []
    return list(range(bounds["first"], bounds["last"] + 1))


def _profile_counts(through, target_field: str, review_ids: set[int]) -> dict[tuple[int, int], dict[str, int]]:
    """{(commune registered in, commune managing today): {str(indicator or cause id): number of these
    reviews naming it}}, in chunks."""
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    ids = sorted(review_ids)
    for start in range(0, len(ids), _CHUNK):
        rows = (through.objects.filter(review_id__in=ids[start:start + _CHUNK])
                .values_list("review__household__commune_id", "review__household__current_commune_id", target_field)
                .annotate(n=Count("pk")).order_by())
        for commune_id, today_id, target_id, n in rows:
            key, pair = str(target_id), (commune_id, today_id or commune_id)
            counts[pair][key] = counts[pair].get(key, 0) + n
    return counts


def _rows_of(commune_ids: list[int]):
    """The rows a recount of these communes rewrites: households registered in them or managed by them."""
    return CommuneYearFigures.objects.filter(Q(commune_id__in=commune_ids) | Q(current_commune_id__in=commune_ids))


@transaction.atomic
def _refresh_year(commune_ids: list[int], year: int, now) -> int:
    period = Period(PeriodKind.YEAR, year)
    sets = ReviewSets()
    figures = poverty_figures(commune_ids=commune_ids, start=period.start, end=period.end, review_sets=sets,
                              by_pair=True)
    deprivations = _profile_counts(Review.deprived_indicators.through, "indicator_id", sets.poor_end)
    causes = _profile_counts(Review.causes.through, "povertycause_id", sets.poor_end)
    _rows_of(commune_ids).filter(year=year).delete()
    rows = [
        CommuneYearFigures(
            commune_id=pair[0], current_commune_id=pair[1], year=year, poor_start=f.poor_start, escaped=f.escaped,
            new_poor=f.new_poor,
            relapsed=f.relapsed, poor_end=f.poor_end, near_poor_start=f.near_poor_start,
            near_poor_end=f.near_poor_end, poor_end_ethnic=f.poor_end_ethnic,
            poor_start_without_labour=f.poor_start_without_labour,
            poor_end_without_labour=f.poor_end_without_labour,
            deprivations=deprivations.get(pair, {}), causes=causes.get(pair, {}), refreshed_at=now,
        )
        for pair, f in sorted(figures.items())
    ]
    CommuneYearFigures.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def figures_refresh(*, commune_ids: Iterable[int], years: Iterable[int] | None = None) -> int:
    """Recount the figures of ``commune_ids``; returns the number of rows written.

    ``years`` are the review years that changed: since a status carries forward, every
    later year is recounted too. ``None`` recounts every year with approved reviews.
    Rows of years that no longer have any approved review are removed.
    """
    commune_ids = sorted(set(commune_ids))
    if not commune_ids:
        return 0
    all_years = review_years(commune_ids)
    stale = _rows_of(commune_ids)
    if all_years:
        stale = stale.exclude(year__range=(all_years[0], all_years[-1]))
    stale.delete()
    if years is not None:
        years = set(years)
        first_changed = min(years) if years else None
        all_years = [y for y in all_years if first_changed is not None and y >= first_changed]
    now = timezone.now()
    written = 0
    for year in all_years:
        written += _refresh_year(commune_ids, year, now)
    logger.info("dashboard figures: %s rows for %s communes, years %s", written, len(commune_ids), all_years)
    return written


def figures_refresh_all() -> int:
    """The nightly recount: every commune that has households, a batch of communes at a time."""
    commune_ids = sorted(set(Household.objects.values_list("commune_id", flat=True).distinct()))
    CommuneYearFigures.objects.exclude(commune_id__in=commune_ids).delete()
    written = 0
    for start in range(0, len(commune_ids), COMMUNES_PER_BATCH):
        written += figures_refresh(commune_ids=commune_ids[start:start + COMMUNES_PER_BATCH])
    return written
