"""Login throttling with two separate counters (django-axes handler ``AXES_HANDLER``).

django-axes alone compares one limit with the larger of "failures of this account" and "failures from this
address". Behind a shared NAT (a whole commune office on one IP) ten typos spread over ten colleagues then
locked everyone, and the lockout page named an account that had never failed. Here:

- an account is locked after ``AXES_FAILURE_LIMIT`` (10) wrong passwords, from any address: the right password
  does not get in until the cool-off ends (or an administrator unlocks it);
- an address is throttled only after ``AXES_IP_FAILURE_LIMIT`` (higher: 50) wrong passwords from it, over
  all accounts. Below that, one colleague's failures never lock another account behind the same address;
- a successful login clears that account's counter only (not its colleagues' failures from the same address).
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

ACCOUNT = "account"
ADDRESS = "address"


def address_failure_limit() -> int:
    return settings.AXES_IP_FAILURE_LIMIT


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountOrAddressHandler(AxesDatabaseHandler):
    def failure_counts(self, request, credentials=None) -> tuple[int, int]:
        """(wrong passwords of this account, wrong passwords from this address) within the cool-off."""
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        by_account = _failures(recent.filter(username=username)) if username else 0
        address = getattr(request, "axes_ip_address", None)
        by_address = _failures(recent.filter(ip_address=address)) if address else 0
        return by_account, by_address

    def lock_reason(self, request, credentials=None) -> str | None:
        """ACCOUNT when this account is locked, ADDRESS when only the address is throttled, None when free."""
        by_account, by_address = self.failure_counts(request, credentials)
        if by_account >= get_failure_limit(request, credentials):
            return ACCOUNT
        if by_address >= address_failure_limit():
            return ADDRESS
        return None

    def get_failures(self, request, credentials=None) -> int:
        # axes compares this one number with AXES_FAILURE_LIMIT: an address past its own (higher) limit
        # counts as reaching it.
        by_account, by_address = self.failure_counts(request, credentials)
        if by_address >= address_failure_limit():
            return max(by_account, get_failure_limit(request, credentials))
        return by_account

    def filter_user_attempts(self, request, credentials=None):
        # What a successful login resets (AXES_RESET_ON_SUCCESS): its own account's counter, not the failures
        # of others from the same address (else one colleague's login would wipe a guesser's address counter).
        username = get_client_username(request, credentials)
        if username:
            return [AccessAttempt.objects.filter(username=username)]
        return super().filter_user_attempts(request, credentials)


def lock_reason(request, credentials=None) -> str | None:
    from axes.handlers.proxy import AxesProxyHandler

    handler = AxesProxyHandler.get_implementation()
    if isinstance(handler, AccountOrAddressHandler):
        return handler.lock_reason(request, credentials)
    return ACCOUNT
