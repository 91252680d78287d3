"""Password rules: Django's validators (settings.AUTH_PASSWORD_VALIDATORS) plus a list of passwords common in
Vietnam (accounts/common_passwords_vi.txt, one a line, compared without case), refused in Vietnamese."""

from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

VIETNAMESE_LIST = Path(__file__).resolve().parent / "common_passwords_vi.txt"


class VietnameseCommonPasswordValidator(CommonPasswordValidator):
    def __init__(self, password_list_path=VIETNAMESE_LIST):
        super().__init__(password_list_path)

    def validate(self, password, user=None):
        if password.lower().strip() in self.passwords:
            raise ValidationError(
                "Mật khẩu này quá phổ biến (có trong danh sách mật khẩu hay dùng ở Việt Nam), "
                "rất dễ bị đoán. Hãy chọn mật khẩu khác.",
                code="password_too_common_vi",
            )

    def get_help_text(self):
        return "Mật khẩu không được là một mật khẩu hay dùng (như “matkhau123”, “anhyeuem”, “123456789”)."
