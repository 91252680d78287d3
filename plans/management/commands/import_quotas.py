"""``python manage.py import_quotas PATH --plan PLAN [--year YEAR] [--replace]``: Phụ lục 01 from Excel.

All or nothing: on any fault every fault is printed (Excel row, cell, reason) and the
command exits with status 1, leaving the database as it was.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plans.excel import QuotaImportError, quota_table_import
from plans.models import Plan
from plans.selectors import get_plan, quota_table_with_rows


class Command(BaseCommand):
    help = "Nhập bảng chỉ tiêu giảm hộ nghèo của các xã (Phụ lục 01) từ tệp Excel .xlsx."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Đường dẫn tệp .xlsx")
        parser.add_argument("--plan", required=True, help="Mã kế hoạch (thoxuan-2024) hoặc số văn bản (81/KH-UBND)")
        parser.add_argument("--year", type=int, help="Năm của bảng chỉ tiêu (mặc định: năm ghi trong tiêu đề cột)")
        parser.add_argument("--replace", action="store_true", help="Thay bảng chỉ tiêu đã có của năm đó")

    def handle(self, *args, path, plan, year=None, replace=False, **options):
        try:
            plan_obj = get_plan(plan)
        except Plan.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Không có tệp {file}.")
        try:
            with file.open("rb") as source:
                table = quota_table_import(plan=plan_obj, source=source, filename=file.name,
                                           size=file.stat().st_size, year=year, replace=replace, acting_user=None)
        except QuotaImportError as exc:
            for message in exc.messages:
                self.stderr.write(f"- {message}")
            raise CommandError(f"Không nhập tệp {file.name}: {len(exc.issues)} lỗi ở trên; cơ sở dữ liệu không "
                               "thay đổi.") from exc
        rows, totals = quota_table_with_rows(table)
        self.stdout.write(self.style.SUCCESS(
            f"Đã nhập bảng chỉ tiêu năm {table.year} của kế hoạch {plan_obj.code}: {len(rows)} xã, tổng "
            f"{totals.total} hộ ({totals.without_labour} không có KNLĐ + {totals.with_labour} có KNLĐ)."))
