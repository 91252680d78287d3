"""``python manage.py generate_demo_households [--per-commune N] [--seed S]``: synthetic Thọ Xuân households."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.lookup import UnitLookupError, resolve_unit
from directory.models import AdministrativeUnit
from households.demo import DEFAULT_SEED, DISTRICT_CODE, generate_demo_households


class Command(BaseCommand):
    help = ("Tạo dữ liệu mẫu: vài trăm hộ mỗi xã của huyện Thọ Xuân, có thành viên, kết quả rà soát 2023 và 2024 "
            "đã phê duyệt (có biến động), nguyên nhân nghèo, phương án thoát nghèo. Chạy lại không tạo thêm gì.")

    def add_arguments(self, parser):
        parser.add_argument("--per-commune", type=int, default=None,
                            help="Số hộ mỗi xã (mặc định 250; Xuân Bái 320).")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Hạt giống ngẫu nhiên (tái lập được).")
        parser.add_argument("--district", default=DISTRICT_CODE, help="Mã hoặc tên huyện (mặc định 395, Thọ Xuân).")
        parser.add_argument("--force", action="store_true", help="Cho phép chạy khi không ở chế độ demo.")

    def handle(self, *args, per_commune=None, seed=DEFAULT_SEED, district=DISTRICT_CODE, force=False, **options):
        if not (settings.DEBUG or settings.DEMO_MODE or force):
            raise CommandError("Chỉ tạo hộ gia đình mẫu ở chế độ demo (DJANGO_DEMO_MODE=True) hoặc với --force.")
        if per_commune is not None and per_commune < 1:
            raise CommandError("--per-commune phải lớn hơn 0.")
        if not AdministrativeUnit.objects.exists():
            raise CommandError(f"Chưa có đơn vị mã {district}: hãy chạy “loaddata units” trước.")
        try:  # a code or a name, by the one rule for unit names (directory.lookup)
            district = resolve_unit(district, follow_successors=False).code
        except UnitLookupError as exc:
            raise CommandError(f"{exc} Hãy chạy “loaddata units” trước nếu chưa nạp đơn vị.") from exc
        started = time.perf_counter()
        result = generate_demo_households(per_commune=per_commune, seed=seed, district_code=district)
        if not result.communes:
            self.stdout.write(f"Hộ gia đình mẫu đã có ở {result.skipped} xã: không tạo thêm.")
            return
        self.stdout.write(self.style.SUCCESS(
            f"Đã tạo {result.households} hộ mẫu ({result.members} nhân khẩu, {result.reviews} phiếu rà soát, "
            f"{result.escape_plans} phương án thoát nghèo) ở {result.communes} xã"
            + (f", bỏ qua {result.skipped} xã đã có" if result.skipped else "")
            + f" trong {time.perf_counter() - started:.1f} s; {result.pending} phiếu năm 2024 còn chờ duyệt hoặc nháp."
        ))
