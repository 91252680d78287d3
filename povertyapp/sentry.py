"""Error reporting to Sentry, only when ``SENTRY_DSN`` is set (off by default: nothing leaves the server).

No personal data is sent (``send_default_pii=False``: no cookies, no user names, no form bodies); each event is
tagged with the request id, so a Sentry issue leads to the server's log lines of the same request.
"""

import os


def init_sentry(dsn: str, *, environment: str) -> bool:
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=os.environ.get("SENTRY_RELEASE") or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        before_send=_tag_request_id,
    )
    return True


def _tag_request_id(event, hint):
    from .request_context import current_request_id

    request_id = current_request_id()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event
