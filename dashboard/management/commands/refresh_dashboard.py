"""``python manage.py refresh_dashboard [--unit UNIT]``: recount the dashboard figures now."""

from django.core.management.base import BaseCommand, CommandError

from dashboard.services import figures_refresh, figures_refresh_all
from directory.lineage import historic_units
from directory.lookup import UnitLookupError, resolve_unit


class Command(BaseCommand):
    help = ("Tính lại số liệu tổng hợp của bảng tổng quan (như tác vụ chạy hằng đêm). "
            "Chạy lại không làm thay đổi gì nếu dữ liệu không đổi.")

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="Chỉ tính cho các xã thuộc đơn vị này (mã hoặc tên, ví dụ 395).")

    def handle(self, *args, unit=None, **options):
        if unit:
            try:
                # the unit as named, even one that ended (a district): its figures are what is recounted
                target = resolve_unit(unit, follow_successors=False)
            except UnitLookupError as exc:
                raise CommandError(f"--unit: {exc}") from exc
            # a unit of today's map recounts its predecessors' communes too (their years are its history)
            ids = historic_units(target).filter(level="commune").values_list("pk", flat=True)
            written = figures_refresh(commune_ids=ids)
        else:
            written = figures_refresh_all()
        self.stdout.write(self.style.SUCCESS(f"Đã cập nhật số liệu tổng quan: {written} dòng (xã × năm)."))
