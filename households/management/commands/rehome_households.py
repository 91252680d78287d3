"""``python manage.py rehome_households``: households of ended communes go to the commune that manages them today."""

from django.core.management.base import BaseCommand

from households.rehoming import households_rehome


class Command(BaseCommand):
    help = ("Chuyển hộ của các xã đã hết hiệu lực (sáp nhập, chia tách) sang xã kế thừa hiện nay: xã nhận mặc "
            "định, hoặc xã mà thôn của hộ đã được phân về. Chạy lại không thay đổi gì thêm; kết quả rà soát và "
            "xã đăng ký của hộ giữ nguyên.")

    def handle(self, *args, **options):
        result = households_rehome()
        self.stdout.write(self.style.SUCCESS(f"Đã xong: {result}."))
