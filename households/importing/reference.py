"""What every row is checked against, loaded once per file: indicators, causes, standards, communes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from directory.lenient import LenientChoices
from directory.lineage import successor_on, today, year_end
from directory.lookup import UnitLookupError, UnitResolver
from directory.models import AdministrativeUnit
from directory.scoping import scope_for, working_unit

from ..classification import NoStandardError, StandardSnapshot, load_snapshot, standard_for_review
from ..models import Indicator, PovertyCause, ReviewRound
from .columns import header_key
from .faults import CellError


@dataclass
class Reference:
    """Indicators, causes and standards, loaded once per file."""

    # header key of an indicator name → {standard id: indicator id}
    indicators: dict[str, dict[int, int]]
    causes: dict[str, PovertyCause]  # header key of name or code → cause
    snapshots: dict[int, StandardSnapshot | None] = field(default_factory=dict)

    @cached_property
    def cause_choices(self) -> LenientChoices:
        """Causes by code, name, folded name or unique prefix (directory.lenient)."""
        unique = {c.pk: c for c in self.causes.values()}.values()
        return LenientChoices(sorted(unique, key=lambda c: (c.order, c.name)), name=lambda c: c.name,
                              codes=lambda c: [c.code], what="nguyên nhân nghèo")

    @classmethod
    def load(cls) -> Reference:
        indicators: dict[str, dict[int, int]] = defaultdict(dict)
        for pk, name, standard_id in Indicator.objects.values_list("pk", "name", "standard_id"):
            indicators[header_key(name)][standard_id] = pk
        causes = {}
        for cause in PovertyCause.objects.all():
            causes[header_key(cause.code)] = cause
            causes[header_key(cause.name)] = cause
        return cls(dict(indicators), causes)

    def snapshot(self, year: int) -> StandardSnapshot | None:
        if year not in self.snapshots:
            try:
                # The file is a periodic review list: the round and the year decide the standard.
                self.snapshots[year] = load_snapshot(standard_for_review(ReviewRound.PERIODIC, year))
            except NoStandardError:
                self.snapshots[year] = None
        return self.snapshots[year]

    def indicator_names(self, indicator_ids, year: int) -> str:
        names = self.snapshot(year).indicator_names
        return "; ".join(sorted(names[i] for i in indicator_ids if i in names))

    def cause_names(self, cause_ids) -> str:
        by_id = {c.pk: c.name for c in self.causes.values()}
        return "; ".join(sorted(by_id[c] for c in cause_ids if c in by_id))


class CommuneLookup:
    """Resolves the "Xã" cells once per distinct value; tells unknown from out-of-scope."""

    def __init__(self, user, default_commune: AdministrativeUnit | None):
        self.scope = scope_for(user) if user is not None else None
        self.default = default_commune
        communes = AdministrativeUnit.objects.communes()
        # The common case is the user's own communes (or the given commune's district), so a bare
        # commune name that exists elsewhere in the country is not ambiguous.
        if self.scope is not None and not self.scope.is_unrestricted and working_unit(user) is not None:
            within = working_unit(user)
        elif default_commune is not None and default_commune.parent_id:
            within = default_commune.parent
        else:
            within = None
        self.primary = UnitResolver(communes, within=within)
        self._everywhere = None if within is not None else self.primary
        self._cache: dict[str, AdministrativeUnit | str] = {}

    def _global(self) -> UnitResolver:
        if self._everywhere is None:
            self._everywhere = UnitResolver(AdministrativeUnit.objects.communes())
        return self._everywhere

    def resolve(self, text: str, year: int | None = None) -> AdministrativeUnit:
        """The commune ``text`` names on the map of ``year`` (31/12; today without a year)."""
        key = (text, year)
        if key not in self._cache:
            self._cache[key] = self._resolve(text, year)
        found = self._cache[key]
        if isinstance(found, str):
            raise CellError(found)
        return found

    def default_for(self, year: int | None) -> AdministrativeUnit | None:
        """The commune chosen for the whole file, on the map of ``year``: itself while it exists, else the
        commune its households went to (Xuân Bái in 2026: Xã Lam Sơn)."""
        if self.default is None:
            return None
        day = year_end(year) if year else today()
        if self.default.is_valid_on(day):
            return self.default
        successor = successor_on(self.default, day)
        if successor is None:
            raise CellError(f"Xã đã chọn khi nhập ({self.default.kind_and_name}, {self.default.period_label}) "
                            f"không có vào năm {year}: hãy ghi cột Xã cho dòng này.")
        return successor

    def _resolve(self, text: str, year: int | None) -> AdministrativeUnit | str:
        day = year_end(year) if year else None
        try:
            unit = self.primary.resolve(text, on=day)
        except UnitLookupError as exc:
            if self._everywhere is self.primary:
                return str(exc)
            try:
                unit = self._global().resolve(text, on=day)
            except UnitLookupError:
                return str(exc)
        if day is not None and not unit.is_valid_on(day):
            # named within a district that ended before the row's year: the commune it became
            unit = successor_on(unit, day) or unit
        try:
            expected = self.default_for(year)
        except CellError as exc:
            expected = None if self.default is None else str(exc)
        if isinstance(expected, str):
            return expected
        if expected is not None and unit.pk != expected.pk:
            return (f"Xã “{text}” khác với xã đã chọn khi nhập ({expected.display_name}, mã {expected.code}); "
                    "hãy sửa cột Xã hoặc chọn đúng xã.")
        if self.scope is not None and not self.scope.contains_unit_id(unit.pk):
            return f"Xã {unit.display_name} (mã {unit.code}) không thuộc địa bàn của bạn."
        return unit
