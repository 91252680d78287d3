"""Which role may call an endpoint: the web's capability table (``directory.permissions``), nothing new.

A view names ``required_cap`` (every method, ``Cap.VIEW`` by default) and ``write_cap`` (POST/PUT/PATCH/
DELETE), or ``write_check`` (a callable) where the web decides by something else than a capability (approving:
staff with the capability or a commune chairman). The check runs before any lookup, so a refusal says nothing
about whether an object exists. Which rows: the scoped querysets (``for_user``), in the views."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from directory.permissions import Cap, user_can

REFUSED = "Vai trò của bạn không được thực hiện thao tác này."


class RoleCapability(BasePermission):
    message = REFUSED

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if not user_can(user, getattr(view, "required_cap", Cap.VIEW)):
            return False
        if request.method in SAFE_METHODS:
            return True
        check = getattr(view, "write_check", None)
        if check is not None:
            return bool(check(user))
        cap = getattr(view, "write_cap", None)
        return cap is not None and user_can(user, cap)
