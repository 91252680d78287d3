from django.core.management.base import BaseCommand, CommandError

from directory.loading import DATA_FILE, UnknownProvince, load_admin_units, read_data


class Command(BaseCommand):
    help = ("Nạp danh mục đơn vị hành chính cả nước: bản đồ đến 30/06/2025 (63 tỉnh, 696 huyện, 10.035 xã), "
            "bản đồ từ 01/07/2025 (34 tỉnh, 3.321 xã) và quan hệ kế thừa giữa hai bản đồ. Chạy lại không thay đổi gì; "
            "giữ nguyên các thuộc tính đã đặt (huyện nghèo, xã ĐBKK...) và mọi liên kết tới đơn vị. "
            "Ví dụ: load_admin_units --province 38 --province 15")

    def add_arguments(self, parser):
        parser.add_argument("--province", action="append", default=[], metavar="MÃ_HOẶC_TÊN",
                            help="Chỉ nạp tỉnh này (mã hoặc tên, cũ hoặc mới) cùng các tỉnh hợp nhất với nó; "
                                 "lặp lại để nạp nhiều tỉnh. Mặc định: cả nước.")
        parser.add_argument("--file", default=str(DATA_FILE), help="Tệp dữ liệu (mặc định: tệp kèm theo ứng dụng).")

    def handle(self, *args, province, file, **options):
        provinces = [p.strip() for item in province for p in item.split(",") if p.strip()]
        try:
            data = read_data(file)
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp dữ liệu {file}: {exc}") from exc
        try:
            result = load_admin_units(provinces or None, data=data)
        except UnknownProvince as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.summary())
