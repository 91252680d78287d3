"""``python manage.py export_quotas --plan PLAN [--year YEAR] --output PATH``: Phụ lục 01 as Excel."""


from django.core.management.base import BaseCommand, CommandError

from directory.management.output import xlsx_output_path
from plans.excel import quota_workbook_bytes
from plans.models import Plan
from plans.selectors import get_plan


class Command(BaseCommand):
    help = "Xuất bảng chỉ tiêu giảm hộ nghèo của các xã (Phụ lục 01) ra tệp Excel .xlsx, sẵn để in."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help="Mã kế hoạch hoặc số văn bản")
        parser.add_argument("--year", type=int, help="Năm của bảng (bắt buộc khi kế hoạch có nhiều bảng)")
        parser.add_argument("--output", required=True, help="Tệp .xlsx sẽ ghi")

    def handle(self, *args, plan, output, year=None, **options):
        path = xlsx_output_path(output)
        try:
            plan_obj = get_plan(plan)
        except Plan.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        tables = plan_obj.quota_tables.order_by("year")
        if year is not None:
            tables = tables.filter(year=year)
        tables = list(tables)
        if not tables:
            which = f" năm {year}" if year is not None else ""
            raise CommandError(f"Kế hoạch {plan_obj.code} chưa có bảng chỉ tiêu{which}.")
        if len(tables) > 1:
            years = ", ".join(str(t.year) for t in tables)
            raise CommandError(f"Kế hoạch {plan_obj.code} có bảng chỉ tiêu các năm {years}: hãy chọn --year.")
        path.write_bytes(quota_workbook_bytes(tables[0]))
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {path} (bảng chỉ tiêu năm {tables[0].year}, "
                                             f"kế hoạch {plan_obj.code})."))
