"""``python manage.py import_households PATH [--commune UNIT] [--approve] [--user USERNAME]``."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from directory.lookup import UnitLookupError, resolve_unit
from households.importing import ImportRejected, import_reviews


class Command(BaseCommand):
    help = ("Nhập danh sách kết quả rà soát hộ gia đình từ tệp Excel (.xlsx). Cả tệp được nhập hoặc không dòng nào: "
            "tệp có lỗi thì in mọi lỗi (dòng, cột, lý do) và không ghi gì.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="Đường dẫn tệp .xlsx")
        parser.add_argument("--commune", help="Xã (mã hoặc tên, ví dụ 15547 hoặc “Thọ Xuân/Xuân Bái”) cho các dòng "
                                              "không ghi cột Xã.")
        parser.add_argument("--approve", action="store_true",
                            help="Ghi các phiếu là đã phê duyệt (nạp danh sách chính thức).")
        parser.add_argument("--user", help="Tên đăng nhập của người nhập (giới hạn theo địa bàn của người đó); "
                                           "bỏ trống: hệ thống.")

    def handle(self, *args, path, commune=None, approve=False, user=None, **options):
        acting_user = None
        if user:
            acting_user = get_user_model().objects.filter(username=user).select_related("unit").first()
            if acting_user is None:
                raise CommandError(f"Không có người dùng “{user}”.")
        unit = None
        if commune:
            try:
                # the commune as named, even one that ended: each row is then placed on its year's map
                unit = resolve_unit(commune, follow_successors=False)
            except UnitLookupError as exc:
                raise CommandError(f"--commune: {exc}") from exc
        try:
            result = import_reviews(path, acting_user=acting_user, commune=unit, approve=approve)
        except FileNotFoundError as exc:
            raise CommandError(f"Không có tệp {path}.") from exc
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        except ImportRejected as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(f"Tệp bị từ chối: {exc.total} lỗi; không có dữ liệu nào được ghi.") from exc
        self.stdout.write(self.style.SUCCESS(result.summary()))
        timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items())
        self.stdout.write(f"Thời gian: {timings}.")
