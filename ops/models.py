from django.db import models


class WorkerHeartbeat(models.Model):
    """The last time each Celery worker ran the heartbeat task (queued by beat every minute).

    A recent row proves the whole chain works: beat schedules, the broker delivers, a worker runs, the
    database is written. The health check reads the newest one."""

    worker = models.CharField("worker", max_length=200, unique=True)
    seen_at = models.DateTimeField("lần cuối", db_index=True)

    class Meta:
        verbose_name = "nhịp worker"
        verbose_name_plural = "nhịp worker"

    def __str__(self):
        return f"{self.worker} {self.seen_at:%d/%m/%Y %H:%M:%S}"
