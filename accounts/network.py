"""The client's IP address, for login throttling (AXES_CLIENT_IP_CALLABLE) and the audit log."""

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind ``TRUSTED_PROXY_COUNT`` reverse proxies the address the outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with N trusted proxies
    the N-th entry from the right is the client; entries further left were written by the client and are not
    trusted (else anyone could dodge the per-IP lockout by sending a made-up header).
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR") or None
