from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Tài khoản và nhật ký truy cập"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit, middleware  # noqa: F401  (connect the login, lockout, role-change receivers)
