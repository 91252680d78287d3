from django.apps import AppConfig


class DashboardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboard"
    verbose_name = "Bảng tổng quan"

    def ready(self):
        from households.signals import households_rehomed, reviews_changed

        from .signals import queue_refresh, queue_refresh_after_rehoming

        reviews_changed.connect(queue_refresh, dispatch_uid="dashboard.queue_refresh")
        households_rehomed.connect(queue_refresh_after_rehoming, dispatch_uid="dashboard.queue_refresh_rehomed")
