from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.demo import DEMO_PASSWORD, DEMO_USERS
from directory.models import AdministrativeUnit, Agency, User


class Command(BaseCommand):
    help = "Tạo (hoặc đặt lại) tài khoản demo cho từng vai trò và in tên đăng nhập, mật khẩu."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Cho phép chạy khi không ở chế độ demo.")

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or settings.DEMO_MODE or force):
            raise CommandError("Chỉ tạo tài khoản demo ở chế độ demo (DJANGO_DEMO_MODE=True) hoặc với --force.")
        rows = []
        for demo in DEMO_USERS:
            try:
                unit = (AdministrativeUnit.objects.get_by_natural_key(demo.unit_code, demo.unit_from)
                        if demo.unit_code else None)
            except AdministrativeUnit.DoesNotExist:
                # the accounts of the new map need `load_admin_units` first (make setup runs it)
                self.stderr.write(f"Bỏ qua {demo.username}: chưa có đơn vị mã {demo.unit_code}"
                                  f"{' từ ' + demo.unit_from if demo.unit_from else ''} "
                                  "(chạy load_admin_units --province 38 --province 15 trước).")
                continue
            agency = None
            if demo.agency_name and demo.agency_kind:
                agency, _ = Agency.objects.get_or_create(
                    unit=unit, name=demo.agency_name,
                    defaults={"kind": demo.agency_kind, "is_programme_secretariat": True})
            elif demo.agency_name:
                agency = Agency.objects.get(unit=unit, name=demo.agency_name)
            first, _, last = demo.full_name.rpartition(" ")
            user, _ = User.objects.update_or_create(
                username=demo.username,
                defaults={
                    "first_name": first, "last_name": last, "role": demo.role, "unit": unit, "agency": agency,
                    "position": demo.position, "is_staff": demo.is_staff, "is_superuser": demo.is_superuser,
                    "is_unit_chairman": demo.is_unit_chairman,
                    "email": f"{demo.username}@example.invalid",
                },
            )
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
            where = f"{unit.kind_and_name} ({unit.period_label})" if unit else "toàn quốc"
            rows.append((demo.username, user.role_label, where, demo.agency_name or ""))
        self.stdout.write(f"Tài khoản demo (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, role, unit, agency in rows:
            self.stdout.write(f"  {username:<18} {role:<34} {unit}{' · ' + agency if agency else ''}")
