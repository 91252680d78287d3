"""The one lookup for a unit named by a person or a file.

Accepts an official code (``15547``) or a name path (``Thanh Hóa/Thọ Xuân/Xuân Bái``,
``Thọ Xuân/Xuân Bái``, ``Xuân Bái``), ignoring case, extra spaces, the Unicode
normal form (NFC/NFD), the old/new placement of tone marks (Hoà/Hòa) and the
prefixes Xã/Phường/Thị trấn/TT/Huyện/Tỉnh/Thị xã/Quận/Thành phố. A name that fits
several units is an error listing them all; nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

# Longest first, so "thị trấn" wins over "thị" and "thành phố" over "tp". Each prefix
# also says which kinds of unit it can name, to tell "Huyện Thọ Xuân" from "TT Thọ Xuân".
_PREFIX_KINDS = {
    "thành phố": {"tp_tinh", "tp_tw"}, "thị trấn": {"thi_tran"}, "thị xã": {"thi_xa"},
    "phường": {"phuong"}, "huyện": {"huyen"}, "tỉnh": {"tinh"}, "quận": {"quan"}, "xã": {"xa"},
    "tp.": {"tp_tinh", "tp_tw"}, "tt.": {"thi_tran"}, "tp": {"tp_tinh", "tp_tw"}, "tt": {"thi_tran"},
}
_PREFIXES = tuple(_PREFIX_KINDS)
# Old-style tone placement (hoà, thuý) -> the style used by the statistics office (hòa, thúy).
_TONE_FIXES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_SEPARATORS = re.compile(r"\s*[/>|]\s*|\s*,\s*")
_SPACES = re.compile(r"\s+")


def split_prefix(text: str) -> tuple[str | None, str]:
    """``"Huyện  Thọ Xuân"`` -> ``("huyện", "thọ xuân")``: the prefix (if any) and the bare name."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    text = text.replace("\u00a0", " ").replace("–", "-").replace("—", "-")
    text = _SPACES.sub(" ", text).strip()
    for old, new in _TONE_FIXES.items():
        text = text.replace(old, new)
    for prefix in _PREFIXES:
        if text.startswith(prefix + " ") or (prefix.endswith(".") and text.startswith(prefix)):
            return prefix, text[len(prefix):].strip()
    return None, text


def normalize_name(text: str) -> str:
    """Canonical form of a unit name for comparison: no prefix, case, spacing or NFD differences."""
    return split_prefix(text)[1]


def split_path(text: str) -> list[str]:
    return [part for part in _SEPARATORS.split(str(text).strip()) if part.strip()]


class UnitLookupError(ValueError):
    """Raised with a Vietnamese message that says what was not found or what was ambiguous."""

    def __init__(self, message: str, candidates: list | None = None):
        super().__init__(message)
        self.candidates = candidates or []


@dataclass(frozen=True)
class _Entry:
    pk: int
    code: str
    name: str
    full_key: str
    parent_pk: int | None


class UnitResolver:
    """Resolves many names against one set of units with a single query.

    Build one per request or per import file; ``within`` restricts the candidates
    to a unit and everything under it (a plan's district, a user's scope).
    """

    def __init__(self, queryset=None, *, within=None):
        from .models import AdministrativeUnit

        qs = queryset if queryset is not None else AdministrativeUnit.objects.all()
        if within is not None:
            qs = qs.filter(path__startswith=within.path)
        self._units = {u.pk: u for u in qs.only("pk", "code", "name", "kind", "parent_id", "path", "level")}
        # Ancestors outside ``within`` are still needed to match a longer path.
        missing = {u.parent_id for u in self._units.values() if u.parent_id and u.parent_id not in self._units}
        self._parents = dict(self._units)
        while missing:
            fetched = {u.pk: u for u in AdministrativeUnit.objects.filter(pk__in=missing)
                       .only("pk", "code", "name", "kind", "parent_id", "path", "level")}
            self._parents.update(fetched)
            missing = {u.parent_id for u in fetched.values() if u.parent_id and u.parent_id not in self._parents}
        self._by_code = {u.code: u for u in self._units.values()}
        self._by_name: dict[str, list] = defaultdict(list)
        for unit in self._units.values():
            self._by_name[normalize_name(unit.name)].append(unit)

    @staticmethod
    def _matches(unit, wanted: tuple[str | None, str]) -> bool:
        prefix, name = wanted
        return normalize_name(unit.name) == name and (prefix is None or unit.kind in _PREFIX_KINDS[prefix])

    def _ancestors(self, unit):
        node = self._parents.get(unit.parent_id) if unit.parent_id else None
        while node is not None:
            yield node
            node = self._parents.get(node.parent_id) if node.parent_id else None

    def resolve(self, text):
        """Return the one unit that ``text`` names, or raise ``UnitLookupError``."""
        raw = "" if text is None else str(text).strip()
        if not raw:
            raise UnitLookupError("Chưa ghi tên hoặc mã đơn vị.")
        code = raw.split(".")[0] if re.fullmatch(r"\d+(\.0)?", raw) else None
        if code is not None:
            unit = self._by_code.get(code) or self._by_code.get(code.zfill(5)) or self._by_code.get(code.lstrip("0"))
            if unit is None:
                raise UnitLookupError(f"Không có đơn vị nào mang mã {code}.")
            return unit

        parts = split_path(raw)
        prefix, last = split_prefix(parts[-1])
        candidates = [u for u in self._by_name.get(last, []) if self._matches(u, (prefix, last))]
        # Each earlier part must name an ancestor.
        for wanted in (split_prefix(p) for p in parts[:-1]):
            candidates = [u for u in candidates if any(self._matches(a, wanted) for a in self._ancestors(u))]
        if not candidates:
            raise UnitLookupError(f"Không tìm thấy đơn vị “{raw}”.")
        if len(candidates) > 1:
            names = "; ".join(f"{self.describe(u)} (mã {u.code})" for u in candidates)
            raise UnitLookupError(
                f"Tên “{raw}” khớp nhiều đơn vị: {names}. Hãy ghi mã hoặc thêm tên cấp trên, ví dụ “Huyện/Xã”.",
                candidates,
            )
        return candidates[0]

    def describe(self, unit) -> str:
        return "/".join([a.name for a in reversed(list(self._ancestors(unit)))] + [unit.name])


def resolve_unit(text, *, within=None, queryset=None):
    """Resolve one unit name or code. For many names, build a ``UnitResolver`` once."""
    return UnitResolver(queryset, within=within).resolve(text)
