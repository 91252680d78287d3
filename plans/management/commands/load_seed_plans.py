"""``python manage.py load_seed_plans``: the five seed documents as demo plans (idempotent)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from plans.seed_data import AGENCY_FIXTURES
from plans.seed_data.loader import SeedDataError, seed_plans_load


class Command(BaseCommand):
    help = ("Nạp các kế hoạch mẫu chép từ năm văn bản trong ../shared/seeds (chạy lại không tạo trùng). "
            "Cần nạp fixture “units” trước.")

    def add_arguments(self, parser):
        parser.add_argument("--skip-agencies", action="store_true",
                            help="Không nạp lại các fixture cơ quan (agencies_*).")

    def handle(self, *args, skip_agencies=False, **options):
        if not skip_agencies:
            call_command("loaddata", *AGENCY_FIXTURES, verbosity=0)
        try:
            created = seed_plans_load()
        except SeedDataError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] < 1:
            return
        if created:
            summary = ", ".join(f"{count} {label}" for label, count in created.items())
            self.stdout.write(self.style.SUCCESS(f"Đã nạp kế hoạch mẫu: {summary}."))
        else:
            self.stdout.write("Kế hoạch mẫu đã có đủ; không có gì mới.")
