"""Shared by the commands that write a workbook (export_quotas, export_households, build_report)."""

from pathlib import Path

from django.core.management.base import CommandError


def xlsx_output_path(output: str) -> Path:
    """The --output path, checked before any work: an .xlsx file in a folder that exists."""
    path = Path(output)
    if path.suffix.lower() != ".xlsx":
        raise CommandError(f"--output {output}: tệp xuất phải có đuôi .xlsx.")
    if not path.parent.is_dir():
        raise CommandError(f"--output {output}: không có thư mục {path.parent}.")
    return path
