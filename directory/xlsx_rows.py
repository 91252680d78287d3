"""A streaming reader of an .xlsx's rows as plain value tuples: what openpyxl's read-only
``iter_rows(values_only=True)`` gives, at a fraction of its cost.

openpyxl builds a dict and a cell object per cell and casts each value through several layers
(5 µs a cell: 5,7 s of a 50.000-row import). Here each sheet's XML is walked once with
``lxml.etree.iterparse`` and each ``<c>`` becomes its value directly. The workbook-level parts (which
sheets there are and where, the 1904 epoch, which styles are dates) still come from openpyxl itself,
so the values are openpyxl's:

- numbers: ``int`` when the text has no ``.``/``E``, else ``float``; in a date or time style a
  ``datetime`` (``time``/``timedelta`` for those formats), "#VALUE!" when out of range;
- shared strings (``t="s"``, rich text runs joined, phonetic runs left out, ``x005F_`` removed),
  inline strings (``t="inlineStr"``), formula strings (``t="str"``) and errors (``t="e"``) as text;
  booleans (``t="b"``); ISO dates (``t="d"``); a formula cell's cached value (data only);
- a row is the tuple of its values from column A to its last cell (None in the gaps); a row missing
  from the XML (or with no cells) is ``()``; cells and rows without an ``r`` attribute follow the
  previous one.

Unlike openpyxl's read-only mode, a wrong ``<dimension>`` never truncates the rows read. The caller
bounds the file first (``xlsx_guard.check_xlsx``); entities are never resolved, nothing is fetched.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW, CELL, VALUE, INLINE, TEXT, RUN, SHARED_ITEM = (NS + t for t in ("row", "c", "v", "is", "t", "r", "si"))


@dataclass(frozen=True)
class SheetPart:
    name: str
    path: str  # the worksheet's part inside the zip


def _text_of(node) -> str:
    """A string item's text (``<si>`` or ``<is>``): its ``<t>`` and the ``<t>`` of its runs, not phonetic ones."""
    parts = []
    for child in node:
        tag = child.tag
        if tag == TEXT:
            if child.text:
                parts.append(child.text)
        elif tag == RUN:
            for t in child.iterchildren(TEXT):
                if t.text:
                    parts.append(t.text)
    return "".join(parts)


_COLUMNS: dict[str, int] = {}


def column_index(reference: str) -> int:
    """1-based column of a cell reference ("C7" → 3, "AB12" → 28)."""
    letters = reference.rstrip("0123456789")
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for ch in letters.upper():
            if not "A" <= ch <= "Z":
                raise ValueError(f"not a cell reference: {reference!r}")
            index = index * 26 + ord(ch) - 64
        if not 1 <= index <= 16384:
            raise ValueError(f"not a cell reference: {reference!r}")
        _COLUMNS[letters] = index
    return index


def _cast_number(text: str):
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _parser_options() -> dict:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


class XlsxRows:
    """An open .xlsx (path or binary file); ``sheets`` in the workbook's order, ``rows(sheet)`` streams one.

    Use as a context manager (the zip is closed on exit). Raises what openpyxl raises on a file that
    is not a workbook (``zipfile.BadZipFile``, ``KeyError``, ``ValueError``, ...) and
    ``lxml.etree.XMLSyntaxError`` on broken XML.
    """

    def __init__(self, source, *, fast: bool = True):
        from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        self.fast = fast  # False: the XML parser only (the tests compare both readings)
        self.fallbacks = 0  # sheets the pattern reader handed over to the parser
        reader = ExcelReader(source, read_only=True, data_only=True, keep_links=False)
        self.archive = reader.archive
        try:
            reader.read_manifest()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)  # the date and timedelta styles
            workbook = reader.wb
            self.epoch = workbook.epoch
            self.date_styles = frozenset(workbook._date_formats)
            self.timedelta_styles = frozenset(workbook._timedelta_formats)
            valid = set(reader.valid_files)
            self.sheets = [SheetPart(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()
                           if rel.target in valid and "chartsheet" not in rel.Type]
            strings = reader.package.find(SHARED_STRINGS)
            self._strings_path = strings.PartName[1:] if strings is not None else None
            self._strings: list[str] | None = None
        except BaseException:
            self.archive.close()
            raise

    def __enter__(self) -> XlsxRows:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.archive.close()

    @property
    def shared_strings(self) -> list[str]:
        if self._strings is None:
            strings = []
            if self._strings_path is not None:
                with self.archive.open(self._strings_path) as part:
                    for _, node in etree.iterparse(part, events=("end",), tag=SHARED_ITEM, **_parser_options()):
                        strings.append(_text_of(node).replace("x005F_", ""))
                        node.clear()
            self._strings = strings
        return self._strings

    def rows(self, sheet: SheetPart) -> Iterator[tuple]:
        """Every row of the sheet from row 1, as value tuples; missing rows are ``()``.

        The sheet is first read by the pattern reader (``_plain_rows``), which knows only the plain XML
        that Excel, LibreOffice and openpyxl write; at the first thing it does not know it stops, and the
        XML parser reads the sheet again from the start, past the rows already given."""
        given = 0
        if self.fast:
            try:
                for row in self._plain_rows(sheet):
                    yield row
                    given += 1
                return
            except _NotPlain:
                self.fallbacks += 1
        rows = self._parsed_rows(sheet)
        for _ in range(given):
            next(rows, None)
        yield from rows

    def _parsed_rows(self, sheet: SheetPart) -> Iterator[tuple]:
        """The XML parser's reading of a sheet (lxml, one row element at a time)."""
        shared = self.shared_strings
        cell_value = self._cell_value
        expected = 1  # the next row number
        with self.archive.open(sheet.path) as part:
            for _, row in etree.iterparse(part, events=("end",), tag=ROW, **_parser_options()):
                number = row.get("r")
                number = expected if number is None else _row_number(number)
                while expected < number:
                    expected += 1
                    yield ()
                if number < expected:  # a row out of order (never from a spreadsheet program): skip, as openpyxl does
                    _drop(row)
                    continue
                expected = number + 1
                values: list = []
                column = 0
                for cell in row:
                    if cell.tag != CELL:
                        continue
                    reference = cell.get("r")
                    column = column + 1 if reference is None else column_index(reference)
                    kind = cell.get("t")
                    value = None
                    if kind == "inlineStr":
                        for child in cell:
                            if child.tag == INLINE:
                                value = _text_of(child)
                                break
                    else:
                        for child in cell:
                            if child.tag == VALUE:
                                value = child.text or None
                                break
                        if value is not None:
                            if kind is None or kind == "n":
                                value = cell_value(value, cell.get("s"), reference)
                            elif kind == "s":
                                value = shared[int(value)]
                            elif kind == "b":
                                value = bool(int(value))
                            elif kind == "d":
                                from openpyxl.utils.datetime import from_ISO8601

                                value = from_ISO8601(value)
                            # "str" (a formula's text), "e" (an error such as #N/A): the text itself
                    if column > len(values):
                        values.extend([None] * (column - len(values)))
                    values[column - 1] = value
                _drop(row)
                yield tuple(values)

    def _plain_rows(self, sheet: SheetPart) -> Iterator[tuple]:
        """The pattern reader: each row of plain XML matched by ``_ROW``/``_CELL`` (no Python per XML node,
        4 to 5 times faster than the parser). Raises ``_NotPlain`` before giving a row it cannot read
        exactly as the parser would. The whole part still goes through libxml2 (no callbacks: C speed),
        so a file that is not well-formed XML is refused just the same."""
        shared = self.shared_strings
        cell_value = self._cell_value
        checker = etree.XMLParser(target=_NoTarget(), **_parser_options())
        decoder = codecs.getincrementaldecoder("utf-8")()
        expected = 1
        text, start, state = "", 0, "prolog"
        with self.archive.open(sheet.path) as part:
            while True:
                chunk = part.read(_CHUNK)
                if chunk:
                    checker.feed(chunk)
                if state == "done":
                    if not chunk:
                        break
                    continue
                try:
                    text = text[start:] + decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError:
                    raise _NotPlain from None  # another encoding: the parser reads its declaration
                start = 0
                if state == "prolog":
                    begin = text.find("<sheetData")
                    if begin < 0:
                        if not chunk or len(text) > _PROLOG_LIMIT:
                            raise _NotPlain
                        continue
                    head = text[:begin]
                    if "<!" in head or _MAIN_XMLNS not in head or not _PLAIN_DECLARATION.match(head):
                        raise _NotPlain
                    opened = _SHEET_DATA.match(text, begin)
                    if opened is None:
                        if not chunk:
                            raise _NotPlain
                        continue
                    if opened.group(1):  # <sheetData/>: no rows
                        state = "done"
                        continue
                    start, state = opened.end(), "rows"
                closing = text.find("</sheetData>", start)
                if closing >= 0:
                    limit = closing
                else:
                    last = text.rfind("</row>", start)
                    limit = last + 6 if last >= 0 else -1
                if limit < start:
                    if not chunk:
                        raise _NotPlain  # the sheet's data never closes: the parser says where
                    continue
                if "\r" in text or "&" in text and _UNKNOWN_ENTITY.search(text, start, limit):
                    raise _NotPlain  # line ends and entities the XML rules rewrite: the parser's job
                position = start
                match_row = _ROW.match
                while True:
                    found = match_row(text, position, limit)
                    if found is None:
                        break
                    position = found.end()
                    digits, content = found.groups()
                    number = int(digits)
                    if number < expected:
                        raise _NotPlain  # rows out of order
                    values = _plain_cells(content, digits, shared, cell_value) if content else ()
                    while expected < number:
                        expected += 1
                        yield ()
                    expected = number + 1
                    yield values
                if text[position:limit].strip():
                    raise _NotPlain
                start = limit
                if closing >= 0:
                    state = "done"
                    if not chunk:
                        break
                elif not chunk:
                    raise _NotPlain
        checker.close()

    def _cell_value(self, text: str, style: str | None, reference):
        value = _cast_number(text)
        if style and style != "0":
            style_id = int(style)
            if style_id in self.date_styles:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(value, self.epoch, timedelta=style_id in self.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"  # openpyxl's reading of a date out of range
        return value


class _NotPlain(Exception):
    """The pattern reader met XML it does not read itself (the parser reads the sheet instead)."""


class _NoTarget:
    """A parser target with no callbacks: libxml2 checks the XML at C speed and builds nothing."""

    def close(self) -> None:
        return None


_CHUNK = 1 << 20
_PROLOG_LIMIT = 1 << 20  # what comes before <sheetData> (views, columns) is a few kB
_MAIN_XMLNS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
# Before <sheetData>: an XML declaration in UTF-8 (or none), then the <worksheet> element.
_PLAIN_DECLARATION = re.compile(r'(?:<\?xml(?:\s+(?!encoding)[\w:]+="[^"]*"|\s+encoding="(?i:utf-8)")*\s*\?>)?'
                                r'\s*<worksheet[\s>]')
_SHEET_DATA = re.compile(r"<sheetData\s*(/?)>")
_UNKNOWN_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
# A row: its number, its other attributes (never a second r), its cells. Whitespace may separate rows.
_ROW = re.compile(r'\s*<row r="([0-9]+)"(?: (?!r=|xmlns)[\w:.-]+="[^"<]*")*\s*(?:/>|>(.*?)</row>)', re.S)
# A cell: column letters, row number, style, type (in this order, as every writer puts them; anything else
# is not plain), then an optional formula and value, or an inline string of one plain <t>.
_CELL = re.compile(
    r'<c r="([A-Z]{1,3})([0-9]+)"(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?(?: (?![rst]=|xmlns)[\w:.-]+="[^"<]*")*\s*'
    r'(?:/>'
    r'|>(?:<f(?: [^<>]*)?/>|<f(?: [^<>]*)?>[^<]*</f>)?(?:<v>([^<]*)</v>|<v/>)?</c>'
    r'|>(<is>)<t(?: xml:space="preserve")?>([^<]*)</t></is></c>)')


def _unescape(text: str) -> str:
    """XML's predefined entities and character references (the only ones a plain sheet holds: checked before)."""
    parts = text.split("&")
    for index in range(1, len(parts)):
        part = parts[index]
        end = part.index(";")
        name = part[:end]
        if name[0] == "#":
            code = int(name[2:], 16) if name[1] == "x" else int(name[1:])
            try:
                name = chr(code)
            except (ValueError, OverflowError):
                raise _NotPlain from None
        else:
            name = _NAMED[name]
        parts[index] = name + part[end + 1:]
    return "".join(parts)


def _plain_cells(content: str, number: str, shared: list[str], cell_value) -> tuple:
    """The values of one plain row's cells, as ``XlsxRows._parsed_rows`` reads them."""
    cells = _CELL.findall(content)
    # Every cell matched (none skipped because it holds what the pattern does not know), all in this row.
    if len(cells) != content.count("<c ") or "<c>" in content or "<!" in content or "<?" in content:
        raise _NotPlain
    values: list = []
    for letters, row, style, kind, value, has_inline, inline in cells:
        if row != number:
            raise _NotPlain
        if kind == "inlineStr":  # its <is>, else nothing (a <v> is not read)
            value = (_unescape(inline) if "&" in inline else inline) if has_inline else None
        elif has_inline:
            value = None  # an <is> in a cell not typed inlineStr is not read
        elif value:
            if "&" in value:
                value = _unescape(value)
            if not kind or kind == "n":
                value = cell_value(value, style, letters)
            elif kind == "s":
                value = shared[int(value)]
            elif kind == "b":
                value = bool(int(value))
            elif kind == "d":
                from openpyxl.utils.datetime import from_ISO8601

                value = from_ISO8601(value)
        else:
            value = None
        column = _COLUMNS.get(letters) or column_index(letters)
        if column > len(values):
            values.extend([None] * (column - len(values)))
        values[column - 1] = value
    return tuple(values)

def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(value)


def _drop(row) -> None:
    """Free the row just read and those before it: memory stays at one row whatever the sheet holds."""
    row.clear()
    parent = row.getparent()
    if parent is not None:
        while row.getprevious() is not None:
            del parent[0]
