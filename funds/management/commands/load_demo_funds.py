"""``python manage.py load_demo_funds``: demo sample figures of the Thọ Xuân 2024 plan (marked as demo data)."""

from django.core.management.base import BaseCommand

from funds.demo import load_demo_funds


class Command(BaseCommand):
    help = ("Nạp số liệu kinh phí MẪU (không có trong văn bản mẫu) cho kế hoạch thoxuan-2024 để trình diễn; "
            "chạy lại không tạo trùng. Cần chạy load_seed_plans trước.")

    def handle(self, *args, **options):
        created = load_demo_funds()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Số liệu kinh phí mẫu: thêm {created} dòng." if created
                              else "Số liệu kinh phí mẫu đã có; không có gì mới.")
