import random

import pytest

from plans.services.allocation import (
    NoHouseholdData,
    allocate_largest_remainder,
    poor_household_counts,
    quota_allocation_propose,
)


def test_sums_exactly_on_random_inputs():
    rng = random.Random(20240320)
    for _ in range(500):
        weights = {f"x{i}": rng.randint(0, 400) for i in range(rng.randint(1, 35))}
        if not any(weights.values()):
            continue
        total = rng.randint(0, 600)
        shares = allocate_largest_remainder(total, weights)
        assert sum(shares.values()) == total
        assert set(shares) == set(weights)
        weight_sum = sum(weights.values())
        for key, weight in weights.items():
            exact = total * weight / weight_sum
            # Hamilton's method: every share is the floor or the ceiling of its exact quota.
            assert int(exact) <= shares[key] <= int(exact) + 1


def test_largest_remainders_get_the_leftover():
    # 10 split 1:1:1 -> 3.33 each; one left over goes to the first (all remainders equal)
    assert allocate_largest_remainder(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    # 7 split 5:3:2 -> 3.5, 2.1, 1.4: floors 3+2+1=6, one left for "a" (remainder .5)
    assert allocate_largest_remainder(7, {"a": 5, "b": 3, "c": 2}) == {"a": 4, "b": 2, "c": 1}


def test_ties_break_by_weight_then_order():
    # 3 split 2:1:1:2 -> 1, .5, .5, 1: q and r tie on remainder and weight -> the earlier key
    assert allocate_largest_remainder(3, {"p": 2, "q": 1, "r": 1, "s": 2}) == {"p": 1, "q": 1, "r": 0, "s": 1}
    assert allocate_largest_remainder(3, {"p": 2, "r": 1, "q": 1, "s": 2}) == {"p": 1, "r": 1, "q": 0, "s": 1}
    # 3 split 1:3:2 -> .5, 1.5, 1: a and b tie on remainder .5, the larger weight (b) wins
    assert allocate_largest_remainder(3, {"a": 1, "b": 3, "c": 2}) == {"a": 0, "b": 2, "c": 1}
    # the larger remainder wins regardless of order: 2 split 1:4 -> .4 and 1.6
    assert allocate_largest_remainder(2, {"a": 1, "b": 4}) == {"a": 0, "b": 2}
    # same input, same answer
    weights = {i: (i * 7) % 5 + 1 for i in range(30)}
    assert allocate_largest_remainder(50, weights) == allocate_largest_remainder(50, dict(weights))


def test_zero_weights_get_zero():
    assert allocate_largest_remainder(5, {"a": 0, "b": 3, "c": 0, "d": 2}) == {"a": 0, "b": 3, "c": 0, "d": 2}
    assert allocate_largest_remainder(0, {"a": 0, "b": 0}) == {"a": 0, "b": 0}
    assert allocate_largest_remainder(0, {"a": 4, "b": 9}) == {"a": 0, "b": 0}


def test_nothing_to_be_proportional_to():
    with pytest.raises(ValueError):
        allocate_largest_remainder(3, {"a": 0, "b": 0})
    with pytest.raises(ValueError):
        allocate_largest_remainder(-1, {"a": 1})
    with pytest.raises(ValueError):
        allocate_largest_remainder(1, {"a": -1, "b": 2})


def test_proposal_splits_each_kind_by_its_own_counts(household_counts):
    household_counts.update({1: (10, 30), 2: (10, 10), 3: (0, 60)})
    proposal = quota_allocation_propose(commune_ids=[1, 2, 3], without_labour=4, with_labour=10)
    assert proposal.shares == {1: (2, 3), 2: (2, 1), 3: (0, 6)}
    assert sum(a for a, _ in proposal.shares.values()) == 4
    assert sum(b for _, b in proposal.shares.values()) == 10
    assert proposal.warnings == []


def test_proposal_warns_when_target_exceeds_households(household_counts):
    household_counts.update({1: (1, 5), 2: (0, 5)})
    proposal = quota_allocation_propose(commune_ids=[1, 2], without_labour=3, with_labour=4, names={1: "Xã A"})
    assert proposal.shares[1][0] == 3
    assert any("lớn hơn số hộ nghèo" in w for w in proposal.warnings)
    assert any(w.startswith("Xã A") for w in proposal.warnings)


def test_no_household_data_when_all_counts_zero(household_counts):
    household_counts.update({1: (0, 0)})
    with pytest.raises(NoHouseholdData):
        poor_household_counts([1, 2])


def test_no_household_data_when_provider_missing(settings):
    settings.POOR_HOUSEHOLD_COUNTS = "tests.plans.no_such_module.poor_household_counts"
    with pytest.raises(NoHouseholdData):
        poor_household_counts([1])
