"""What every page's layout (templates/base.html) needs: the user's capabilities and the main menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from .permissions import ROLE_CAPABILITIES, Cap


def _everyone(user, caps) -> bool:
    return True


class MenuEntry(NamedTuple):
    url_name: str
    label: str
    shown: Callable[..., bool] = _everyone  # shown(user, caps): for whom


# The main menu, in its order. ``caps`` holds the capabilities' values (as ``navigation`` gives them).
MENU: tuple[MenuEntry, ...] = (
    MenuEntry("home", "Trang chủ"),
    MenuEntry("dashboard:index", "Tổng quan"),
    MenuEntry("plans:plan_list", "Kế hoạch"),
    MenuEntry("plans:my_tasks", "Nhiệm vụ của tôi", lambda user, caps: Cap.TASK_PROGRESS in caps),
    MenuEntry("households:household_list", "Hộ gia đình", lambda user, caps: user.role != "agency_staff"),
    MenuEntry("households:approval_queue", "Phê duyệt rà soát",
              lambda user, caps: Cap.REVIEW_APPROVE in caps or user.is_unit_chairman),
    MenuEntry("funds:index", "Kinh phí"),
    MenuEntry("reports:calendar", "Báo cáo"),
    MenuEntry("admin:index", "Quản trị", lambda user, caps: user.is_staff),
)
# the layout's other links (brand, account box), by name: {{ nav_urls.profile }}
LAYOUT_URLS = ("home", "profile", "password_change", "logout")


_ALL_CAPS = frozenset(c.value for c in Cap)
_ROLE_CAPS = {role: frozenset(c.value for c in caps) for role, caps in ROLE_CAPABILITIES.items()}


class MenuLink(NamedTuple):
    url: str
    label: str


# Reversed once per process: the URLs never change while it runs. Keyed by the URLconf and the script prefix,
# which a request (or a test) may set; reverse() itself was a third of the layout's rendering time.
# ((entry, its link or None) for each MENU entry, {name: URL} for LAYOUT_URLS)
_Links = tuple[tuple[tuple[MenuEntry, MenuLink | None], ...], dict[str, str]]
_reversed: dict[tuple, _Links] = {}


def _reverse_or_none(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:  # an app without this page: no entry
        return None


def _links() -> _Links:
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    links = _reversed.get(key)
    if links is None:
        menu = tuple((entry, MenuLink(url, entry.label) if (url := _reverse_or_none(entry.url_name)) else None)
                     for entry in MENU)
        links = _reversed[key] = (menu, {name: reverse(name) for name in LAYOUT_URLS})
    return links


def navigation(request):
    """The signed-in user's capabilities (``caps``, for the menu and other templates), the main menu entries
    they may use (``nav_menu``) and the layout's links (``nav_urls``)."""
    menu, urls = _links()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"caps": frozenset(), "nav_menu": (), "nav_urls": urls}
    caps = _ALL_CAPS if user.is_superuser else _ROLE_CAPS.get(user.role, frozenset())
    # one slot per entry, None where hidden: the menu keeps one line per entry, as the template tags wrote it
    nav_menu = [link if link is not None and entry.shown(user, caps) else None for entry, link in menu]
    return {"caps": caps, "nav_menu": nav_menu, "nav_urls": urls}
