"""``python manage.py import_funds PATH --plan PLAN``: estimates, allocations, disbursements from Excel.

All or nothing: on any fault every fault is printed (Excel row, column, reason) and the command exits with
status 1, leaving the database as it was.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from funds.excel import FundsImportError, funds_import
from plans.models import Plan
from plans.selectors import get_plan


class Command(BaseCommand):
    help = "Nhập dự toán, phân bổ và giải ngân kinh phí của một kế hoạch từ tệp Excel .xlsx."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Đường dẫn tệp .xlsx")
        parser.add_argument("--plan", required=True, help="Mã kế hoạch (thoxuan-2024) hoặc số văn bản (81/KH-UBND)")

    def handle(self, *args, path, plan, **options):
        try:
            plan_obj = get_plan(plan)
        except Plan.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Không có tệp {file}.")
        try:
            with file.open("rb") as source:
                result = funds_import(plan=plan_obj, source=source, filename=file.name, size=file.stat().st_size,
                                      acting_user=None)
        except FundsImportError as exc:
            for message in exc.messages:
                self.stderr.write(f"- {message}")
            raise CommandError(f"Không nhập tệp {file.name}: {len(exc.issues)} lỗi ở trên; cơ sở dữ liệu không "
                               "thay đổi.") from exc
        self.stdout.write(self.style.SUCCESS(
            f"Đã nhập {result.rows} dòng kinh phí của kế hoạch {plan_obj.code} "
            f"(năm {', '.join(str(y) for y in sorted(result.years))}; {result.lines_created} dòng dự toán mới)."))
