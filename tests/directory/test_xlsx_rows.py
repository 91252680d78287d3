"""The streaming .xlsx reader (``directory.xlsx_rows``) gives the values openpyxl's read-only mode gives.

Each file is read both ways and compared row by row (a row's trailing empty cells and the sheet's trailing
empty rows aside: openpyxl pads rows to the sheet's dimension), and against the values written down here.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import Workbook, load_workbook

from directory.xlsx_rows import XlsxRows, column_index

ASSETS = Path(__file__).parent / "assets"
PLANS_FILE = Path(__file__).parents[1] / "plans" / "assets" / "thoxuan_2024_phuluc01.xlsx"


def trimmed(rows) -> list[tuple]:
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        out.append(tuple(row))
    while out and not out[-1]:
        out.pop()
    return out


def ours(source, *, fast: bool = True, fallbacks: int | None = None) -> list[list[tuple]]:
    """Our reading; with ``fast`` also the parser's alone, which must be the same."""
    if fast:
        parsed = ours(source.getvalue() if isinstance(source, io.BytesIO) else source, fast=False)
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    with XlsxRows(source, fast=fast) as workbook:
        rows = [trimmed(workbook.rows(sheet)) for sheet in workbook.sheets]
        if fast:
            assert rows == parsed
            if fallbacks is not None:
                assert workbook.fallbacks == fallbacks
    return rows


def openpyxls(source) -> list[list[tuple]]:
    workbook = load_workbook(source, read_only=True, data_only=True)
    try:
        return [trimmed(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def test_column_index():
    assert [column_index(r) for r in ("A1", "Z9", "AA10", "AB12", "XFD1048576")] == [1, 26, 27, 28, 16384]
    for bad in ("1", "A-1", "XFE1"):
        with pytest.raises(ValueError):
            column_index(bad)


def test_a_workbook_written_by_openpyxl(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH KẾT QUẢ RÀ SOÁT"])
    sheet.append([])
    sheet.append(["Mã hộ", "Họ và tên chủ hộ", "Ngày", "Giờ", "Thời lượng", "Số", "Đúng/sai", "Tiền"])
    sheet.append(["XB001", "Lê Văn Bái", datetime.date(2024, 12, 14), datetime.time(8, 30),
                  datetime.timedelta(hours=30), 4, True, 1_500_000])
    sheet.append(["xb002", "  Trần   Thị Ánh ", datetime.datetime(2025, 1, 2, 8, 30), None, None, 2.5, False,
                  "1.500.000"])
    sheet.append([None, None, None])
    sheet["B9"] = "chỉ một ô giữa hàng"
    sheet["A10"] = "'=SUM(A1:A2)"
    sheet["C10"] = "=1+1"  # a formula written by openpyxl has no cached value: None both ways
    sheet["D10"] = -0.0
    sheet["E10"] = 1e21
    sheet["F10"] = "x005F_chữ"
    other = workbook.create_sheet("Trang 2")
    other["C3"] = "Mã hộ"
    path = tmp_path / "openpyxl.xlsx"
    workbook.save(path)

    rows = ours(path, fallbacks=0)  # openpyxl's XML is plain: the pattern reader reads it all
    assert rows == openpyxls(path)
    assert len(rows) == 2
    first = rows[0]
    assert first[3] == ("XB001", "Lê Văn Bái", datetime.datetime(2024, 12, 14), datetime.time(8, 30),
                        datetime.timedelta(hours=30), 4, True, 1_500_000)
    assert first[4][5:] == (2.5, False, "1.500.000")
    assert first[5] == first[6] == ()
    assert first[8] == (None, "chỉ một ô giữa hàng")
    assert rows[1] == [(), (), (None, None, "Mã hộ")]


def test_a_workbook_in_the_1904_calendar(tmp_path):
    workbook = Workbook()
    workbook.epoch = datetime.datetime(1904, 1, 1)
    workbook.active["A1"] = datetime.date(2024, 12, 14)
    path = tmp_path / "1904.xlsx"
    workbook.save(path)
    assert ours(path) == openpyxls(path) == [[(datetime.datetime(2024, 12, 14),)]]


def test_a_file_saved_by_libreoffice():
    """Written by LibreOffice Calc 7 (convert-to xlsx): its own styles, t="n" written out, a formula's
    cached boolean, empty rows left out of the XML."""
    path = ASSETS / "libreoffice.xlsx"
    rows = ours(path, fallbacks=0)
    assert rows == openpyxls(path)
    assert rows[0][2:] == [
        ("Mã hộ", "Họ và tên chủ hộ", "Ngày", "Số", "Chữ số", "Đánh dấu", "Tiền"),
        ("XB001", "Lê Văn Bái", datetime.datetime(2024, 12, 14), 4, "1.500.000", "x", 1500000),
        (),
        ("XB002", "Nguyễn Thị Ánh", datetime.datetime(2025, 1, 2, 8, 30), 2.5, "0042", None, True),
        (),
        ("XB003", "  khoảng trắng  ", None, -7, "'=1+1", "X", 0),
        (None, None, None, None, None, "cuối"),
    ]


def test_a_real_world_workbook():
    """The district's appendix (merged cells, many styles, formulas with cached values)."""
    assert ours(PLANS_FILE) == openpyxls(PLANS_FILE)


# A workbook written by hand, the way other programs write one: inline strings, rows and cells without
# their "r", rich text and phonetic runs in the shared strings, formula strings, errors, ISO dates.
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        '<sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/></Relationships>'),
    "xl/styles.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
    "xl/sharedStrings.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="4" uniqueCount="4">'
        '<si><t>Mã hộ</t></si>'
        '<si><r><rPr><b/></rPr><t>Lê </t></r><r><t xml:space="preserve">Văn Bái </t></r></si>'
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>'
        '<si><t/></si></sst>'),
    "xl/worksheets/sheet1.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>'
        # no "r" on the row nor its cells: row 2, columns A, B, C...
        '<row><c t="inlineStr"><is><t>XB001</t></is></c><c t="s"><v>1</v></c><c><v>12</v></c>'
        '<c t="str"><f>A1&amp;"!"</f><v>Mã hộ!</v></c><c t="e"><v>#N/A</v></c><c t="b"><v>0</v></c></row>'
        '<row r="4" spans="1:8"><c r="A4" t="inlineStr"><is><r><t>Nguyễn </t></r><r><t>Ánh</t></r></is></c>'
        '<c r="C4" s="1"><v>45640</v></c><c r="D4" s="2" t="s"><v>2</v></c><c r="E4"><v/></c>'
        '<c r="F4" t="s"><v>3</v></c><c r="G4"><v>1.5E3</v></c><c r="H4" t="d"><v>2024-12-14T08:30:00</v></c>'
        '</row>'
        # cells without "r" after one with it: they follow it
        '<row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c><c s="1"><v>9999999</v></c></row>'
        '<row r="7"/>'
        '<row r="8"><c r="B8"><f>1+1</f><v>2</v></c></row>'
        '</sheetData></worksheet>'),
}


def zipped(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def test_a_workbook_written_by_hand():
    content = zipped(PARTS)
    rows = ours(io.BytesIO(content), fallbacks=1)  # row 2 has no "r": the parser reads the sheet
    with pytest.warns(UserWarning):  # openpyxl warns about the date out of range (9999999)
        assert rows == openpyxls(io.BytesIO(content))
    assert rows == [[
        ("Mã hộ", "Họ và tên"),
        ("XB001", "Lê Văn Bái ", 12, "Mã hộ!", "#N/A", False),
        (),
        ("Nguyễn Ánh", None, datetime.datetime(2024, 12, 14), "東京", None, "", 1500.0,
         datetime.datetime(2024, 12, 14, 8, 30)),
        (None, None, 3, 4, "#VALUE!"),
        (),
        (),
        (None, 2),
    ]]


def test_a_wrong_dimension_truncates_nothing():
    """openpyxl's read-only mode stops at the sheet's ``<dimension>``; a program that writes it wrong
    (here: two rows) would lose the rows past it. Every row is read here."""
    parts = dict(PARTS)
    parts["xl/worksheets/sheet1.xml"] = PARTS["xl/worksheets/sheet1.xml"].replace(
        "<sheetData>", '<dimension ref="A1:B2"/><sheetData>')
    content = zipped(parts)
    assert len(openpyxls(io.BytesIO(content))[0]) == 2
    assert ours(content) == ours(zipped(PARTS))


PLAIN_SHEET = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
    '<dimension ref="A1:C9"/><sheetData>\n'
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Ph&#7841;m &amp; con &lt;b&gt; &#x1EA1;&quot;&apos;</t></is></c>'
    '<c r="B2" s="1"><v>45640</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c></row>'
    '<row r="3"/><row r="4"></row>'
    '<row r="5"><c r="A5" t="inlineStr"><is><t></t></is></c><c r="B5" t="inlineStr"/><c r="C5" t="b"><v>1</v></c>'
    '</row>\n'
    '<row r="6"><c r="A6" t="str"><f>A1&amp;"!"</f><v>Mã hộ!</v></c><c r="B6" t="e"><v>#DIV/0!</v></c>'
    '<c r="C6"><f>1+1</f></c></row>'
    '@ROW7@'
    '<row r="9"><c r="C9" s="2" t="s"><v>1</v></c></row>'
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    '</worksheet>')


@pytest.mark.parametrize(("row7", "fallbacks"), [
    ('<row r="7"><c r="A7"><v>7</v></c></row>', 0),
    # what the pattern reader does not read, past rows it gave already: the parser reads on from there
    ('<row r="7"><c r="A7" t="inlineStr"><is><r><t>gi</t></r><r><t>àu</t></r></is></c></row>', 1),
    ('<row r="7"><c r="A7" t="s" s="1"><v>1</v></c></row>', 1),  # attributes in another order
    ('<row r="7">\n  <c r="A7"><v>7</v></c>\n</row>', 0),  # indented: the same reading
    ('<row r="7"><c r="A7">\n  <v>7</v>\n</c></row>', 1),  # indented inside a cell
    ('<row r="7"><!-- ghi chú --><c r="A7"><v>7</v></c></row>', 1),
    ('<row r="7"><c r="A8"><v>7</v></c></row>', 1),  # a cell named in another row
    ('<row r="7"><c r="A7"><v>7</v><extLst/></c></row>', 1),
])
def test_plain_xml_is_read_by_patterns_and_the_rest_by_the_parser(row7, fallbacks):
    parts = dict(PARTS)
    parts["xl/worksheets/sheet1.xml"] = PLAIN_SHEET.replace("@ROW7@", row7)
    content = zipped(parts)
    rows = ours(content, fallbacks=fallbacks)
    assert rows == openpyxls(io.BytesIO(content))
    assert rows[0][:6] == [
        ("Mã hộ", "Họ và tên"),
        ("Phạm & con <b> ạ\"'", datetime.datetime(2024, 12, 14), " x "),
        (),
        (),
        ("", None, True),
        ("Mã hộ!", "#DIV/0!"),
    ]
    assert rows[0][8] == (None, None, "Lê Văn Bái ")


def test_rows_are_streamed_not_held():
    """A sheet's rows are read one at a time (the generator yields before the sheet's end)."""
    content = zipped(PARTS)
    with XlsxRows(io.BytesIO(content)) as workbook:
        rows = workbook.rows(workbook.sheets[0])
        assert next(rows) == ("Mã hộ", "Họ và tên")
        rows.close()


def test_broken_xml_and_entities_are_refused():
    broken = dict(PARTS)
    broken["xl/worksheets/sheet1.xml"] = PARTS["xl/worksheets/sheet1.xml"].replace("</sheetData>", "")
    for fast in (True, False):
        with XlsxRows(io.BytesIO(zipped(broken)), fast=fast) as workbook, pytest.raises(etree.XMLSyntaxError):
            list(workbook.rows(workbook.sheets[0]))
    # Past the sheet's data too: the pattern reader has libxml2 check the whole part.
    broken["xl/worksheets/sheet1.xml"] = PLAIN_SHEET.replace("@ROW7@", "").replace("</worksheet>", "")
    with XlsxRows(io.BytesIO(zipped(broken))) as workbook, pytest.raises(etree.XMLSyntaxError):
        list(workbook.rows(workbook.sheets[0]))
    # An external entity is never fetched nor expanded.
    hostile = dict(PARTS)
    hostile["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c t="inlineStr"><is><t>&x;</t></is></c></row>'
        '</sheetData></worksheet>')
    for fast in (True, False):
        with XlsxRows(io.BytesIO(zipped(hostile)), fast=fast) as workbook:
            values = list(workbook.rows(workbook.sheets[0]))
        assert "root:" not in repr(values)
