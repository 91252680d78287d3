"""Text as typed into an upload, made safe to store and to compare: one function for every import.

``clean_text`` normalises to NFC (Excel on a Mac may write NFD: "Xuân" in two code points for "â"),
turns control characters (tab, line feed...) into spaces and removes invisible format characters:
zero-width spaces and joiners, the byte-order mark, soft hyphens and the bidirectional overrides
that make "BAI" display as "IAB". A code with a zero-width space would otherwise become a second
household that looks identical on screen. ``match_key`` is what codes and names are compared by:
the cleaned text, case-folded.
"""

from __future__ import annotations

import re
import unicodedata

# Format characters beyond the first plane (musical and shorthand controls, tag characters).
_ASTRAL_FORMAT = "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a" \
                 "\U000e0001\U000e0020-\U000e007f"


def _ranges(categories: set[str]) -> str:
    """A regex class body of the first plane's characters in ``categories`` (computed once, ~50 ms)."""
    parts, start, previous = [], None, None
    for code in range(0x10000):
        if unicodedata.category(chr(code)) in categories:
            if start is None:
                start = code
            previous = code
        elif start is not None:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
            start = None
    return "".join(parts)


_CONTROL = re.compile(f"[{_ranges({'Cc'})}]")
_INVISIBLE = re.compile(f"[{_ranges({'Cf'})}{_ASTRAL_FORMAT}]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}")


def clean_text(value) -> str:
    """NFC, no control or invisible format characters, single spaces inside, no spaces around."""
    if value is None:
        return ""
    text = str(value)
    if not text.isascii() or _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
        text = _INVISIBLE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _SPACES.sub(" ", text.replace("\u00a0", " "))
    return text.strip()


def match_key(value) -> str:
    """How a code or a name is compared: cleaned and case-folded ("xb001" is "XB001")."""
    return clean_text(value).casefold()
