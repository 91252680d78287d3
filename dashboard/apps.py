from django.apps import AppConfig


class DashboardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboard"
    verbose_name = "Bảng tổng quan"

    def ready(self):
        from households.signals import reviews_changed

        from .signals import queue_refresh

        reviews_changed.connect(queue_refresh, dispatch_uid="dashboard.queue_refresh")
