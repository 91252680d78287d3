from .permissions import ROLE_CAPABILITIES, Cap


def navigation(request):
    """Which capabilities the signed-in user has, for the menu and the home page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"caps": frozenset()}
    caps = frozenset(Cap) if user.is_superuser else ROLE_CAPABILITIES.get(user.role, frozenset())
    return {"caps": frozenset(c.value for c in caps)}
