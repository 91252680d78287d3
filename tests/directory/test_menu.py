"""The main menu of each role: which entries, in which order, with which links."""

import re

import pytest
from django.test.utils import override_script_prefix
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOME, DASHBOARD, PLANS, TASKS = "Trang chủ", "Tổng quan", "Kế hoạch", "Nhiệm vụ của tôi"
HOUSEHOLDS, QUEUE, FUNDS, REPORTS, ADMIN = "Hộ gia đình", "Phê duyệt rà soát", "Kinh phí", "Báo cáo", "Quản trị"
URLS = {
    HOME: "home", DASHBOARD: "dashboard:index", PLANS: "plans:plan_list", TASKS: "plans:my_tasks",
    HOUSEHOLDS: "households:household_list", QUEUE: "households:approval_queue", FUNDS: "funds:index",
    REPORTS: "reports:calendar", ADMIN: "admin:index",
}


def menu_of(response) -> list[tuple[str, str]]:
    body = response.content.decode()
    nav = re.search(r'<nav class="mainnav"[^>]*>(.*?)</nav>', body, re.S).group(1)
    return [(label, href) for href, label in re.findall(r'<a href="([^"]*)">([^<]*)</a>', nav)]


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("commune_a_user", [HOME, DASHBOARD, PLANS, HOUSEHOLDS, FUNDS, REPORTS]),
        ("leadership", [HOME, DASHBOARD, PLANS, HOUSEHOLDS, FUNDS, REPORTS]),
        ("agency_user", [HOME, DASHBOARD, PLANS, TASKS, FUNDS, REPORTS]),
        ("district_staff", [HOME, DASHBOARD, PLANS, HOUSEHOLDS, QUEUE, FUNDS, REPORTS, ADMIN]),
        ("province_staff", [HOME, DASHBOARD, PLANS, HOUSEHOLDS, QUEUE, FUNDS, REPORTS, ADMIN]),
        ("admin_user_", [HOME, DASHBOARD, PLANS, TASKS, HOUSEHOLDS, QUEUE, FUNDS, REPORTS, ADMIN]),
    ],
)
def test_each_role_sees_its_menu(request, client_for, persona, expected):
    user = request.getfixturevalue(persona)
    menu = menu_of(client_for(user).get(reverse("home")))
    assert menu == [(label, reverse(URLS[label])) for label in expected]


def test_a_commune_official_sees_no_province_entries(client_for, commune_a_user):
    labels = [label for label, _ in menu_of(client_for(commune_a_user).get(reverse("households:household_list")))]
    assert QUEUE not in labels and ADMIN not in labels and TASKS not in labels


def test_a_commune_chairman_approves_reviews(client_for, commune_a_user):
    commune_a_user.is_unit_chairman = True
    commune_a_user.save(update_fields=["is_unit_chairman"])
    labels = [label for label, _ in menu_of(client_for(commune_a_user).get(reverse("home")))]
    assert QUEUE in labels and ADMIN not in labels


def test_the_menu_follows_the_script_prefix(client_for, district_staff):
    """The links are reversed once per process, but under the prefix the application is mounted at."""
    client = client_for(district_staff)
    plain = menu_of(client.get(reverse("home")))
    with override_script_prefix("/giam-ngheo/"):
        mounted = menu_of(client.get(reverse("home")))
    assert all(href.startswith("/giam-ngheo/") for _, href in mounted)
    assert plain == [(label, href.removeprefix("/giam-ngheo")) for label, href in mounted]
    assert menu_of(client.get(reverse("home"))) == plain
