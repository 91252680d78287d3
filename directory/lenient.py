"""Lenient where people are inexact, strict where it matters: one rule for naming a value from a list.

A value is accepted by its code, its exact name, its name ignoring case, diacritics (đ = d) and spaces,
or a prefix of that which only one item starts with ("Thiếu vốn" is "Thiếu vốn sản xuất"). A prefix
several items share, or a value nothing matches, is refused with a message that lists what would have
been accepted (the items starting with it, or the whole list). Pure: no database access.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


def fold(text) -> str:
    """No diacritics (đ → d), no case, no whitespace: "Thiếu  vốn" → "thieuvon"."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", "", text.casefold())


class NoMatch(ValueError):
    """The value names nothing, or several things; ``str()`` is the Vietnamese message."""


@dataclass(frozen=True)
class _Item(Generic[T]):
    value: T
    name: str
    codes: tuple[str, ...]


class LenientChoices(Generic[T]):
    """``LenientChoices(items, name=..., codes=..., what="nguyên nhân nghèo").match(text) -> item``."""

    def __init__(self, items: Iterable[T], *, name: Callable[[T], str], codes: Callable[[T], Iterable[str]] = tuple,
                 what: str):
        self.what = what
        self.items = [_Item(item, str(name(item)), tuple(str(c) for c in codes(item) if c)) for item in items]

    def accepted(self, items=None) -> str:
        return "; ".join(sorted((i.name for i in (items or self.items)), key=fold))

    def match(self, text: str) -> T:
        raw = str(text or "").strip()
        if not raw:
            raise NoMatch(f"Thiếu {self.what}.")
        for item in self.items:  # exact code, then exact name
            if raw in item.codes:
                return item.value
        for item in self.items:
            if raw == item.name:
                return item.value
        key = fold(raw)
        same = self._distinct(i for i in self.items if key == fold(i.name) or key in (fold(c) for c in i.codes))
        if len(same) == 1:
            return same[0].value
        starting = self._distinct(i for i in self.items if fold(i.name).startswith(key))
        if len(starting) == 1:
            return starting[0].value
        if len(starting) > 1:
            raise NoMatch(f"“{raw}” chưa đủ rõ: có {len(starting)} {self.what} bắt đầu như vậy "
                          f"({self.accepted(starting)}). Ghi đầy đủ hơn.")
        raise NoMatch(f"Không có {self.what} “{raw}”. Giá trị được nhận: {self.accepted()}.")

    @staticmethod
    def _distinct(items) -> list[_Item]:
        seen, result = set(), []
        for item in items:
            if id(item.value) not in seen:
                seen.add(id(item.value))
                result.append(item)
        return result
