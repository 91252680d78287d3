#!/usr/bin/env python3
"""Print Excel files to PDF with LibreOffice and report the page count of each file and of each sheet.

    python scripts/pdf_pages.py var/print/*.xlsx [--keep DIR]

Needs LibreOffice (`soffice`, e.g. `apt-get install libreoffice-calc-nogui`); without it the script says so and
exits 0, so nothing depends on it. A sheet's count comes from printing a copy of the workbook with that sheet
alone (openpyxl keeps its page setup). The project's expected counts are in the README ("Printing").
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def pdf_pages(pdf: Path) -> int:
    """Pages of a PDF (LibreOffice writes one /Type /Page object per page)."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(_PAGE.findall(pdf.read_bytes()))


def to_pdf(soffice: str, xlsx: Path, outdir: Path) -> Path:
    subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), str(xlsx)],
                   check=True, capture_output=True, timeout=600)
    return outdir / (xlsx.stem + ".pdf")


def sheet_copies(xlsx: Path, workdir: Path) -> list[tuple[str, Path]]:
    from openpyxl import load_workbook

    names = load_workbook(xlsx, read_only=True).sheetnames
    if len(names) == 1:
        return []
    copies = []
    for index, name in enumerate(names):
        wb = load_workbook(xlsx)
        for other in [ws for ws in wb.worksheets if ws.title != name]:
            wb.remove(other)
        path = workdir / f"{xlsx.stem}--{index + 1}.xlsx"
        wb.save(path)
        copies.append((name, path))
    return copies


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--keep", type=Path, help="Keep the PDF files in this folder.")
    args = parser.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) chưa được cài: bỏ qua việc đếm trang.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        outdir = args.keep or workdir
        outdir.mkdir(parents=True, exist_ok=True)
        for xlsx in args.files:
            total = pdf_pages(to_pdf(soffice, xlsx, outdir))
            print(f"{xlsx.name}: {total} trang")
            for name, copy in sheet_copies(xlsx, workdir):
                print(f"    {name}: {pdf_pages(to_pdf(soffice, copy, workdir))} trang")
    return 0


if __name__ == "__main__":
    sys.exit(main())
