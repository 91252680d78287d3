import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Min

from directory.lookup import UnitLookupError, resolve_unit
from households.models import Review, ReviewStatus
from reports.services.totals import household_totals_fill_from_households


class Command(BaseCommand):
    help = ("Dữ liệu demo: điền tổng số hộ còn thiếu của các xã bằng số hộ đang có trong hệ thống, cho các năm "
            "từ năm rà soát đầu tiên đến nay. Không ghi đè số đã có.")

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Huyện hoặc tỉnh (mã hoặc tên).")

    def handle(self, *args, unit, **options):
        try:
            the_unit = resolve_unit(unit, follow_successors=False)  # the unit as named (395: the district)
        except UnitLookupError as exc:
            raise CommandError(str(exc)) from exc
        first = (Review.objects.filter(status=ReviewStatus.APPROVED, commune__path__startswith=the_unit.path)
                 .aggregate(first=Min("year"))["first"])
        if first is None:
            self.stdout.write(f"{the_unit.name} chưa có kết quả rà soát đã duyệt: không điền gì.")
            return
        years = list(range(first, datetime.date.today().year + 1))
        created = household_totals_fill_from_households(unit=the_unit, years=years)
        self.stdout.write(f"Đã điền {created} dòng tổng số hộ ({the_unit.name}, {years[0]}–{years[-1]}).")
