"""``python manage.py export_households --commune UNIT --year YEAR --output PATH [--user USERNAME]``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.audit import actor_name, record
from accounts.models import AuditAction
from directory.lineage import year_end
from directory.lookup import UnitLookupError, resolve_unit
from directory.management.output import xlsx_output_path
from directory.scoping import scope_for
from households.classification import NoStandardError
from households.exporting import export_reviews


class Command(BaseCommand):
    help = ("Xuất danh sách kết quả rà soát của một xã (hoặc mọi xã của một huyện) trong một năm ra tệp Excel; "
            "tệp này nhập lại được bằng import_households.")

    def add_arguments(self, parser):
        parser.add_argument("--commune", required=True, help="Xã hoặc huyện (mã hoặc tên).")
        parser.add_argument("--year", required=True, type=int, help="Năm rà soát.")
        parser.add_argument("--output", required=True, help="Đường dẫn tệp .xlsx cần ghi.")
        parser.add_argument("--user", help="Chỉ xuất phần thuộc địa bàn của người dùng này.")

    def handle(self, *args, commune, year, output, user=None, **options):
        xlsx_output_path(output)
        acting_user = None
        if user:
            acting_user = get_user_model().objects.filter(username=user).select_related("unit").first()
            if acting_user is None:
                raise CommandError(f"Không có người dùng “{user}”.")
        try:
            unit = resolve_unit(commune, on=year_end(year))  # the map of that year
        except UnitLookupError as exc:
            raise CommandError(f"--commune: {exc}") from exc
        if acting_user is not None and not scope_for(acting_user).contains_unit_id(unit.pk):
            raise CommandError(f"{unit.name} không thuộc địa bàn của {acting_user.username}.")
        try:
            count = export_reviews(unit=unit, year=year, output=output, user=acting_user)
        except NoStandardError as exc:
            raise CommandError(str(exc)) from exc
        record(AuditAction.EXPORT, user=acting_user, actor=actor_name(), path="manage.py export_households",
               detail=f"Xuất {count} hộ ({unit.name}, năm {year}) ra tệp {output}.")
        self.stdout.write(self.style.SUCCESS(f"Đã xuất {count} hộ ({unit.name}, năm {year}) ra {output}."))
