"""``python manage.py export_funds --plan PLAN --year YEAR [--output PATH]``: the finance offices' sheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from funds.excel import funds_filename, funds_workbook
from plans.models import Plan
from plans.selectors import get_plan


class Command(BaseCommand):
    help = "Xuất dự toán, phân bổ và giải ngân kinh phí của một kế hoạch trong một năm ra tệp Excel .xlsx."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="Mã kế hoạch (thoxuan-2024) hoặc số văn bản")
        parser.add_argument("--year", type=int, required=True, help="Năm")
        parser.add_argument("--output", help="Tệp ghi ra (mặc định: kinh-phi-<mã>-<năm>.xlsx ở thư mục hiện tại)")

    def handle(self, *args, plan, year, output=None, **options):
        try:
            plan_obj = get_plan(plan)
        except Plan.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        path = Path(output or funds_filename(plan_obj, year))
        funds_workbook(plan=plan_obj, year=year).save(path)
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {path}."))
