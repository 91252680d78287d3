"""View-side helpers: require a capability, fetch scoped objects.

Thin wrappers over ``permissions.user_can`` and ``scoping`` so that views never
repeat the rules.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from .permissions import Cap, user_can
from .scoping import get_for_user_or_404, get_readable_or_404, scope_for

__all__ = ["CapabilityRequiredMixin", "Cap", "get_for_user_or_404", "get_readable_or_404", "require_cap", "scope_for"]


def require_cap(user, cap: Cap) -> None:
    if not user_can(user, cap):
        raise PermissionDenied("Vai trò của bạn không được thực hiện thao tác này.")


class CapabilityRequiredMixin(LoginRequiredMixin):
    """``required_cap`` for every method; ``write_cap`` additionally for POST/PUT/DELETE."""

    required_cap: Cap = Cap.VIEW
    write_cap: Cap | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.required_cap is None:
            raise ImproperlyConfigured(f"{type(self).__name__} thiếu required_cap.")
        require_cap(request.user, self.required_cap)
        if request.method not in ("GET", "HEAD", "OPTIONS") and self.write_cap is not None:
            require_cap(request.user, self.write_cap)
        return super().dispatch(request, *args, **kwargs)
