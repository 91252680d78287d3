from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat


@shared_task(name="ops.tasks.worker_heartbeat_task", ignore_result=True, expires=120)
def worker_heartbeat_task():
    """Beat queues this every minute; whichever worker runs it writes its name and the time."""
    hostname = getattr(worker_heartbeat_task.request, "hostname", None) or "eager"
    WorkerHeartbeat.objects.update_or_create(worker=hostname, defaults={"seen_at": timezone.now()})
