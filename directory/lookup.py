"""The one lookup for a unit named by a person or a file, always as of a date.

Accepts an official code (``15547``) or a name path (``Thanh Hóa/Thọ Xuân/Xuân Bái``,
``Thọ Xuân/Xuân Bái``, ``Xuân Bái``), ignoring case, extra spaces, the Unicode
normal form (NFC/NFD), the old/new placement of tone marks (Hoà/Hòa) and the
prefixes Xã/Phường/Thị trấn/TT/Huyện/Tỉnh/Thị xã/Quận/Thành phố/Đặc khu.

Codes and names are reused across periods (15499 was Thị trấn Thọ Xuân, since
01/07/2025 it is Xã Thọ Xuân), so every lookup is made as of a day (today unless
told; a command about a year uses 31/12 of that year). Rules, in order:

* earlier parts of a path name the parent chain in order: first as the direct
  parents ("Thanh Hóa/Thọ Xuân" is the district), then skipping levels
  ("Thanh Hóa/Xuân Bái");
* the exact name before the name without diacritics ("Xuan Bai");
* a unit valid on the day before one that had ended: a unit named for a day after
  it ended resolves to its (default) successor on that day, with a note ("Thọ Lâm đã
  sáp nhập vào Xã Sao Vàng từ 01/07/2025"), or to itself, with a note, when it ended
  without one (a district);
* several units left is an error listing them (code, kind, parent, period); nothing
  is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from .lenient import fold

# Longest first, so "thị trấn" wins over "thị" and "thành phố" over "tp". Each prefix
# also says which kinds of unit it can name, to tell "Huyện Thọ Xuân" from "TT Thọ Xuân".
_PREFIX_KINDS = {
    "thành phố": {"tp_tinh", "tp_tw"}, "thị trấn": {"thi_tran"}, "thị xã": {"thi_xa"}, "đặc khu": {"dac_khu"},
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


def unaccented(text: str) -> str:
    """ "thọ xuân" -> "tho xuan" (đ -> d): for names typed without diacritics."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The indexed search key of a unit name: no prefix, case or diacritics ("Xã Xuân Bái" -> "xuan bai")."""
    return unaccented(normalize_name(text))


def split_path(text: str) -> list[str]:
    return [part for part in _SEPARATORS.split(str(text).strip()) if part.strip()]


class UnitLookupError(ValueError):
    """Raised with a Vietnamese message that says what was not found or what was ambiguous."""

    def __init__(self, message: str, candidates: list | None = None):
        super().__init__(message)
        self.candidates = candidates or []


_LISTED = 15  # units named in an "ambiguous prefix" message

_FIELDS = ("pk", "code", "name", "kind", "parent_id", "path", "level", "valid_from", "valid_to")


def _fmt(day) -> str:
    return day.strftime("%d/%m/%Y")


class UnitResolver:
    """Resolves many names against one set of units, as of one day, with few queries.

    Build one per request or per import file; ``within`` restricts the candidates to a
    unit and everything under it (a plan's district, a user's unit; for a unit that
    exists after the reform, its predecessors' trees too). When ``within`` ended
    before ``on`` (Thọ Xuân district, a 2021–2025 plan), the day becomes its last day:
    its communes are looked up on the map they belonged to.

    ``resolve(text, on=None)`` may name another day for one lookup (an import row's
    year). After each ``resolve`` ``last_note`` holds the note (or ""), and ``notes``
    collects every note given, for a command or an import to print.
    """

    def __init__(self, queryset=None, *, within=None, on=None, follow_successors=True, _only=None):
        from .lineage import historic_paths, is_post_reform, today
        from .models import AdministrativeUnit

        self.on = on or today()
        self.within = within
        # False: a unit named after it ended stays itself (with a note), e.g. an import's default commune
        # whose rows are of earlier years
        self.follow_successors = follow_successors
        if within is not None and within.valid_to is not None and within.valid_to < self.on:
            self.on = within.valid_to
        qs = queryset if queryset is not None else AdministrativeUnit.objects.all()
        if within is not None:
            qs = qs.under_paths(historic_paths(within) if is_post_reform(within) else [within.path]) \
                if hasattr(qs, "under_paths") else qs.filter(path__startswith=within.path)
        self._base = qs
        self._in_base: dict[int, bool] = {}
        if _only is not None:
            qs = qs.filter(_only)
        self._units = {u.pk: u for u in qs.only(*_FIELDS)}
        # Ancestors outside ``within`` are still needed to match a longer path.
        self._parents = dict(self._units)
        self._fetch_parents(self._units.values())
        self._by_code: dict[str, list] = defaultdict(list)
        self._by_name: dict[str, list] = defaultdict(list)
        self._by_plain: dict[str, list] = defaultdict(list)
        for unit in self._units.values():
            self._by_code[unit.code].append(unit)
            name = normalize_name(unit.name)
            self._by_name[name].append(unit)
            self._by_plain[unaccented(name)].append(unit)
        self.notes: list[str] = []
        self.last_note = ""

    def _fetch_parents(self, units):
        from .models import AdministrativeUnit

        missing = {u.parent_id for u in units if u.parent_id and u.parent_id not in self._parents}
        while missing:
            fetched = {u.pk: u for u in AdministrativeUnit.objects.filter(pk__in=missing).only(*_FIELDS)}
            self._parents.update(fetched)
            missing = {u.parent_id for u in fetched.values() if u.parent_id and u.parent_id not in self._parents}

    # ------------------------------------------------------------------ matching

    @staticmethod
    def _matches(unit, wanted: tuple[str | None, str], *, plain: bool = False) -> bool:
        prefix, name = wanted
        own = normalize_name(unit.name)
        same = unaccented(own) == unaccented(name) if plain else own == name
        return same and (prefix is None or unit.kind in _PREFIX_KINDS[prefix])

    def _ancestors(self, unit):
        node = self._parents.get(unit.parent_id) if unit.parent_id else None
        while node is not None:
            yield node
            node = self._parents.get(node.parent_id) if node.parent_id else None

    def _chain_matches(self, unit, wanted_parents, *, direct: bool, plain: bool) -> bool:
        """Do the earlier parts name ``unit``'s ancestors in order (``direct``: with no level skipped)?"""
        ancestors = list(self._ancestors(unit))
        if direct:
            return len(ancestors) >= len(wanted_parents) and all(
                self._matches(a, w, plain=plain) for a, w in zip(ancestors, reversed(wanted_parents), strict=False))
        position = 0
        for wanted in reversed(wanted_parents):  # nearest first
            while position < len(ancestors) and not self._matches(ancestors[position], wanted, plain=plain):
                position += 1
            if position == len(ancestors):
                return False
            position += 1
        return True

    # ------------------------------------------------------------------ resolving

    def resolve(self, text, on=None):
        """Return the one unit that ``text`` names on ``on`` (the resolver's day by default)."""
        unit, note = self.resolve_with_note(text, on=on)
        return unit

    def resolve_with_note(self, text, on=None):
        """``(unit, note)``; the note is "" unless the named unit had ended (see the module doc)."""
        day = on or self.on
        if on is not None and self.within is not None and self.within.valid_to and self.within.valid_to < day:
            day = self.within.valid_to
        raw = "" if text is None else str(text).strip()
        if not raw:
            raise UnitLookupError("Chưa ghi tên hoặc mã đơn vị.")
        code = raw.split(".")[0] if re.fullmatch(r"\d+(\.0)?", raw) else None
        if code is not None:
            candidates = []
            for variant in dict.fromkeys((code, code.zfill(5), code.lstrip("0") or "0")):
                candidates += self._by_code.get(variant, [])
            if not candidates:
                raise UnitLookupError(f"Không có đơn vị nào mang mã {code}.")
            unit, note = self._on_day(candidates, day, raw)
        else:
            unit, note = self._resolve_name(raw, day)
        self.last_note = note
        if note:
            self.notes.append(note)
        return unit, note

    def _resolve_name(self, raw: str, day):
        parts = split_path(raw)
        prefix, last = split_prefix(parts[-1])
        wanted_parents = [split_prefix(p) for p in parts[:-1]]
        for plain in (False, True):
            pool = self._by_plain.get(unaccented(last), []) if plain else self._by_name.get(last, [])
            named = [u for u in pool if self._matches(u, (prefix, last), plain=plain)]
            for direct in (True, False):
                candidates = [u for u in named if not wanted_parents
                              or self._chain_matches(u, wanted_parents, direct=direct, plain=plain)]
                if candidates:
                    return self._on_day(candidates, day, raw)
                if not wanted_parents:
                    break
        return self._by_unique_prefix(raw, prefix, last, wanted_parents, day)

    def _by_unique_prefix(self, raw: str, prefix, last: str, wanted_parents, day):
        """The one rule of ``directory.lenient`` for names: a prefix only one unit (valid on ``day``) starts
        with ("Xuân B" is Xuân Bái), ignoring case, diacritics and spaces; several are listed, none is refused."""
        key = fold(last)
        named = [u for u in self._units.values() if key and fold(normalize_name(u.name)).startswith(key)
                 and (prefix is None or u.kind in _PREFIX_KINDS[prefix])
                 and (not wanted_parents or self._chain_matches(u, wanted_parents, direct=False, plain=True))]
        current = [u for u in named if u.is_valid_on(day)]
        if len(current) == 1:
            return current[0], ""
        if not current and named:
            return self._on_day(named, day, raw)
        if current:
            names = sorted({f"{u.get_kind_display()} {u.name}" for u in current}, key=fold)
            shown = "; ".join(names[:_LISTED]) + ("; …" if len(names) > _LISTED else "")
            raise UnitLookupError(f"“{raw}” chưa đủ rõ: có {len(current)} đơn vị bắt đầu như vậy ({shown}). "
                                  "Ghi đầy đủ tên hoặc ghi mã.", current)
        raise UnitLookupError(f"Không tìm thấy đơn vị “{raw}”.")

    def _on_day(self, candidates: list, day, raw: str):
        """Pick among units matching ``raw``: the one valid on ``day``, else what an ended one became."""
        from .lineage import lineage_note, successor_on

        valid = [u for u in candidates if u.is_valid_on(day)]
        if len(valid) == 1:
            return valid[0], ""
        if len(valid) > 1:
            self._ambiguous(raw, valid)
        ended = sorted((u for u in candidates if u.valid_to is not None and u.valid_to < day),
                       key=lambda u: u.valid_to, reverse=True)
        if ended:
            outcomes = {}
            for unit in ended:
                successor = successor_on(unit, day) if self.follow_successors else None
                if successor is not None and not self._in_set(successor):
                    successor = None  # outside the set asked for (another level, outside ``within``)
                target = successor or unit
                outcomes.setdefault(target.pk, (target, lineage_note(unit, successor, day)))
            if len(outcomes) == 1:
                target, note = next(iter(outcomes.values()))
                self._parents.setdefault(target.pk, target)
                return target, note
            self._ambiguous(raw, [u for u, _ in outcomes.values()])
        starts = sorted({u.valid_from for u in candidates if u.valid_from})
        first = f" (hiệu lực từ {_fmt(starts[0])})" if starts else ""
        raise UnitLookupError(f"“{raw}” chưa có vào ngày {_fmt(day)}{first}.", candidates)

    def _in_set(self, unit) -> bool:
        if unit.pk in self._units:
            return True
        if unit.pk not in self._in_base:
            self._in_base[unit.pk] = self._base.filter(pk=unit.pk).exists()
        return self._in_base[unit.pk]

    def _ambiguous(self, raw: str, units: list):
        names = "; ".join(self.describe_candidate(u) for u in units)
        raise UnitLookupError(
            f"Tên “{raw}” khớp nhiều đơn vị: {names}. Hãy ghi mã hoặc thêm tên cấp trên, ví dụ “Huyện/Xã”.",
            units,
        )

    def describe(self, unit) -> str:
        return "/".join([a.name for a in reversed(list(self._ancestors(unit)))] + [unit.name])

    def describe_candidate(self, unit) -> str:
        """ "Xã Xuân Phú, Thọ Xuân/Xuân Phú (mã 15550, thuộc Huyện Thọ Xuân, đến 30/06/2025)"."""
        parent = self._parents.get(unit.parent_id) if unit.parent_id else None
        parts = [f"mã {unit.code}"]
        if parent is not None:
            parts.append(f"thuộc {parent.get_kind_display()} {parent.name}")
        parts.append(unit.period_label)
        return f"{unit.get_kind_display()} {self.describe(unit)} ({', '.join(parts)})"


def _narrowing(text):
    """A filter for a one-off lookup: only the units the last part of ``text`` can name."""
    from django.db.models import Q

    raw = "" if text is None else str(text).strip()
    if not raw:
        return None
    if re.fullmatch(r"\d+(\.0)?", raw):
        code = raw.split(".")[0]
        return Q(code__in={code, code.zfill(5), code.lstrip("0") or "0"})
    parts = split_path(raw)
    # the exact name, or the names it starts (the resolver takes the exact one first, then a unique prefix)
    return Q(name_key__startswith=name_key(parts[-1])) if parts else None


def resolve_unit_with_note(text, *, on=None, within=None, queryset=None, follow_successors=True):
    """``(unit, note)`` for one unit name or code as of ``on`` (today by default)."""
    return UnitResolver(queryset, within=within, on=on, follow_successors=follow_successors,
                        _only=_narrowing(text)).resolve_with_note(text)


def resolve_unit(text, *, on=None, within=None, queryset=None, follow_successors=True):
    """Resolve one unit name or code as of ``on`` (today by default). For many names, build a
    ``UnitResolver`` once; for the note about an ended unit, use ``resolve_unit_with_note``."""
    return resolve_unit_with_note(text, on=on, within=within, queryset=queryset,
                                  follow_successors=follow_successors)[0]
