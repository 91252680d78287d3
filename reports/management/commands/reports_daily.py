import datetime

from django.core.management.base import BaseCommand, CommandError

from reports.services.daily import daily_job


class Command(BaseCommand):
    help = "Chạy ngay việc hằng ngày của báo cáo (mở kỳ, tạo báo cáo tự động, nhắc hạn) — như Celery beat."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Coi hôm nay là ngày này (dd/mm/yyyy), để thử.")

    def handle(self, *args, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.datetime.strptime(date, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError(f"Ngày “{date}” không đúng dạng dd/mm/yyyy.") from exc
        result = daily_job(today=today)
        self.stdout.write(f"Xong: {result}.")
