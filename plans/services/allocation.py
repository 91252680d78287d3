"""Proposing a per-commune quota split proportional to current poor households.

``allocate_largest_remainder`` is pure and exact (it always adds up); the
household counts come from the households app through the dotted path in
``settings.POOR_HOUSEHOLD_COUNTS``: plans never imports households.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def allocate_largest_remainder(total: int, weights: dict[Hashable, int]) -> dict[Hashable, int]:
    """Split ``total`` in proportion to ``weights`` so that the parts add up exactly.

    Each key first gets the whole part of ``total * w / W``; the units left over go
    to the largest remainders (Hamilton's method). Ties are broken by the larger
    weight, then by the order of ``weights``, so the same input always gives the
    same answer. Keys with weight 0 get 0. All arithmetic is on integers.
    Raises ``ValueError`` for a negative total or weight, and when there is
    something to split but every weight is 0 (nothing to be proportional to).
    """
    if total < 0:
        raise ValueError("Tổng cần phân bổ không được âm.")
    if any(w < 0 for w in weights.values()):
        raise ValueError("Trọng số không được âm.")
    weight_sum = sum(weights.values())
    if weight_sum == 0:
        if total == 0:
            return dict.fromkeys(weights, 0)
        raise ValueError("Không thể phân bổ theo tỷ lệ khi mọi trọng số bằng 0.")

    shares: dict[Hashable, int] = {}
    remainders: list[tuple[int, int, int, Hashable]] = []
    for position, (key, weight) in enumerate(weights.items()):
        whole, remainder = divmod(total * weight, weight_sum)
        shares[key] = whole
        # sort key: larger remainder, then larger weight, then earlier position
        remainders.append((-remainder, -weight, position, key))
    left = total - sum(shares.values())
    for _, _, _, key in sorted(remainders)[:left]:
        shares[key] += 1
    return shares


@dataclass(frozen=True)
class AllocationProposal:
    """Per commune: (without labour capacity, with labour capacity), plus the counts it was based on."""

    shares: dict[int, tuple[int, int]]
    poor_counts: dict[int, tuple[int, int]]
    warnings: list[str]


class NoHouseholdData(Exception):
    """There are no poor-household counts to split by (households app absent or no data yet)."""


def poor_household_counts(commune_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Current (poor without labour capacity, poor with) per commune, 0 where unknown.

    Raises ``NoHouseholdData`` when the households app does not provide the counts
    or every count is zero: the page then says so instead of guessing.
    """
    commune_ids = list(commune_ids)
    try:
        provider = import_string(settings.POOR_HOUSEHOLD_COUNTS)
    except (ImportError, AttributeError) as exc:
        logger.info("POOR_HOUSEHOLD_COUNTS unavailable: %s", exc)
        raise NoHouseholdData("Chưa có dữ liệu hộ nghèo (phân hệ hộ gia đình chưa sẵn sàng).") from exc
    raw = provider(commune_ids=commune_ids) or {}
    counts = {cid: tuple(int(v or 0) for v in raw.get(cid, (0, 0))) for cid in commune_ids}
    if not any(a or b for a, b in counts.values()):
        raise NoHouseholdData("Chưa có dữ liệu hộ nghèo của các xã để phân bổ.")
    return counts


def quota_allocation_propose(*, commune_ids: list[int], without_labour: int, with_labour: int,
                             names: dict[int, str] | None = None) -> AllocationProposal:
    """Split the unit's two targets across communes by their current poor households of each kind."""
    counts = poor_household_counts(commune_ids)
    names = names or {}
    warnings: list[str] = []
    results: dict[str, dict[int, int]] = {}
    for index, label, target in ((0, "không có KNLĐ", without_labour), (1, "có KNLĐ", with_labour)):
        weights = {cid: counts[cid][index] for cid in commune_ids}
        available = sum(weights.values())
        if target and not available:
            warnings.append(f"Không có hộ nghèo {label} nào trong dữ liệu hiện tại: chưa thể phân bổ {target} hộ "
                            f"{label}, hãy nhập tay.")
            results[label] = dict.fromkeys(commune_ids, 0)
            continue
        if target > available:
            warnings.append(f"Chỉ tiêu hộ {label} ({target}) lớn hơn số hộ nghèo {label} hiện có ({available}).")
        results[label] = allocate_largest_remainder(target, weights)
    shares = {cid: (results["không có KNLĐ"][cid], results["có KNLĐ"][cid]) for cid in commune_ids}
    for cid, (a, b) in shares.items():
        poor_a, poor_b = counts[cid]
        if a > poor_a or b > poor_b:
            warnings.append(f"{names.get(cid, cid)}: đề xuất vượt số hộ nghèo hiện có ({poor_a} + {poor_b}).")
    return AllocationProposal(shares=shares, poor_counts=counts, warnings=warnings)
