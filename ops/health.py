"""Health checks for monitoring (django-health-check): database, broker, worker heartbeat, disk.

``GET /health/`` answers 200 when everything is fine and 500 otherwise; ``?format=json`` or
``Accept: application/json`` gives one line per check, for a monitoring system.
"""

import dataclasses
import datetime

from asgiref.sync import sync_to_async
from django.conf import settings
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from povertyapp.celery import app as celery_app


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (Redis in production, the folder transport locally)."""

    timeout = datetime.timedelta(seconds=3)

    def run(self):
        try:
            with celery_app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=self.timeout.total_seconds())
                # Redis clients connect lazily: ask the server for real (the folder transport has no client).
                client = getattr(connection.default_channel, "client", None)
                if client is not None and hasattr(client, "ping"):
                    client.ping()
        except Exception as exc:  # noqa: BLE001 - any failure to connect is "broker down"
            raise ServiceUnavailable(f"Không kết nối được hàng đợi Celery ({type(exc).__name__}).") from exc


@dataclasses.dataclass
class WorkerHeartbeatCheck(HealthCheck):
    """A worker ran the heartbeat task within ``HEALTH_WORKER_MAX_AGE`` seconds (beat queues it every minute)."""

    async def run(self):
        # thread_sensitive: the ORM runs on the request's own thread and connection.
        await sync_to_async(self._check, thread_sensitive=True)()

    def _check(self):
        from ops.models import WorkerHeartbeat

        max_age = datetime.timedelta(seconds=settings.HEALTH_WORKER_MAX_AGE)
        last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
        if last is None:
            raise ServiceUnavailable("Chưa có worker Celery nào chạy (chưa có nhịp).")
        age = timezone.now() - last
        if age > max_age:
            minutes = int(age.total_seconds() // 60)
            raise ServiceUnavailable(f"Không có worker Celery nào chạy trong {minutes} phút qua.")


def disk_check():
    from health_check.contrib.psutil import Disk

    return Disk(path=str(settings.MEDIA_ROOT), max_disk_usage_percent=settings.HEALTH_DISK_MAX_PERCENT)


class SystemHealthView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "ops.health.Broker",
        "ops.health.WorkerHeartbeatCheck",
        "ops.health.disk_check",
    )
