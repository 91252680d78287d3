import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.models import ReportingDuty
from reports.services.runs import runs_open


class Command(BaseCommand):
    help = ("Mở các kỳ báo cáo còn thiếu của mọi nghĩa vụ đang áp dụng, đến hôm nay (không trùng lặp; "
            "việc hằng ngày của Celery cũng làm việc này).")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Coi hôm nay là ngày này (dd/mm/yyyy), để thử.")
        parser.add_argument("--duty", help="Chỉ mở cho nghĩa vụ có mã này.")

    def handle(self, *args, date=None, duty=None, **options):
        today = timezone.localdate()
        if date:
            try:
                today = datetime.datetime.strptime(date, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError(f"Ngày “{date}” không đúng dạng dd/mm/yyyy.") from exc
        duties = ReportingDuty.objects.active().select_related("owner_unit")
        if duty:
            duties = duties.filter(code=duty)
            if not duties.exists():
                raise CommandError(f"Không có nghĩa vụ báo cáo đang áp dụng mã “{duty}”.")
        created = runs_open(today=today, duties=duties)
        self.stdout.write(f"Đã mở {created} kỳ báo cáo mới (tính đến {today:%d/%m/%Y}).")
