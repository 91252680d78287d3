"""Stand-in for ``households.selectors.poor_household_counts`` (plans never imports households)."""

COUNTS: dict[int, tuple[int, int]] = {}
CALLS: list[list[int]] = []


def poor_household_counts(*, commune_ids):
    CALLS.append(list(commune_ids))
    return {pk: COUNTS[pk] for pk in commune_ids if pk in COUNTS}
