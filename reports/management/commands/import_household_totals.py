from django.core.management.base import BaseCommand, CommandError

from directory.lineage import year_end
from directory.lookup import UnitLookupError, resolve_unit
from reports.services.totals import household_totals_import


class Command(BaseCommand):
    help = ("Nhập tổng số hộ của các xã trong một năm từ tệp .xlsx (cột “Mã đơn vị” hoặc “Đơn vị”, và “Tổng số hộ”). "
            "Tệp có lỗi thì không nhập dòng nào.")

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--unit", required=True, help="Huyện hoặc tỉnh chứa các xã (mã hoặc tên).")
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, path, unit, year, **options):
        try:
            the_unit = resolve_unit(unit, on=year_end(year))
        except UnitLookupError as exc:
            raise CommandError(str(exc)) from exc
        changed, errors = household_totals_import(upload=path, unit=the_unit, year=year, acting_user=None)
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(f"Không nhập tệp: {len(errors)} lỗi.")
        self.stdout.write(f"Đã nhập: {changed} xã thay đổi tổng số hộ năm {year}.")
