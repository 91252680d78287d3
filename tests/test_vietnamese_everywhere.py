"""No English word reaches a user: crawl every link each demo user can reach and look for the strings
Django, its admin and django-tables2 leave in English; years read "2024", never "2.024"; error pages are
Vietnamese under the layout."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command
from django.test import Client

from directory.demo import DEMO_USERS
from directory.models import User

# Whole words (case-sensitive) that only Django/django-tables2 would put on a page here.
ENGLISH = [
    "Show counts", "Hide counts", "previous", "next", "Previous", "Next", "Django administration",
    "Django site admin", "Welcome", "View site", "Log out", "Change password", "Save and add another",
    "Save and continue editing", "Add another", "Delete selected", "Run the selected action", "Search", "Filter",
    "Home", "Recent actions", "My actions", "History", "Select all", "Clear selection", "results", "selected",
    "No results", "None available", "Skip to main content", "Toggle navigation", "Sidebar", "Breadcrumbs",
    "Start typing to filter", "Today", "Currently", "True", "False", "None", "Unknown", "This field is required",
    "Page", "of", "Yes", "No", "All", "Add", "Change", "Delete", "Save", "Close", "Cancel", "Submit",
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])")
YEAR_GROUPED_RE = re.compile(r"(?i)(năm|year)[^<\d]{0,30}\b2\.0\d\d(?![\d.])")
SKIP = re.compile(r"/(dang-xuat|excel|xuat|tai-ve|tai-len|tao|nop|mo-lai|tra-lai|y-kien|phan-bo|logout|password"
                  r"|delete|history|autocomplete|jsi18n)(/|$)|/ma-ho-goi-y/|/phan-loai/")
PER_PATTERN = 1
MAX_PAGES = 100


def visible_text(body: str) -> str:
    body = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", body)
    # <code>: literal identifiers (the API reference's JSON fields "next"/"previous"), not words to translate
    body = re.sub(r"(?is)<code\b.*?</code>", " ", body)
    body = re.sub(r"(?s)<!--.*?-->", " ", body)
    # attribute values people read: title, placeholder, aria-label, alt, value of buttons
    readable = " ".join(re.findall(r'(?:title|placeholder|aria-label|alt)="([^"]*)"', body))
    buttons = " ".join(re.findall(r'<input[^>]+type="(?:submit|button)"[^>]*value="([^"]*)"', body))
    text = re.sub(r"<[^>]+>", " ", body)
    return html.unescape(f"{text} {readable} {buttons}")


def links(body: str, base: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"#]+)', body):
        url = urljoin(base, html.unescape(href))
        parts = urlparse(url)
        if parts.netloc not in ("", "testserver") or parts.path.startswith("/static/"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def pattern(url: str) -> str:
    path, _, query = url.partition("?")
    keys = "&".join(sorted(k.split("=")[0] for k in query.split("&") if k))
    return re.sub(r"\d+", "N", path) + ("?" + keys if keys else "")


def crawl(client: Client, start: str = "/"):
    seen, queue, per_pattern = set(), [start], defaultdict(int)
    problems, pages = [], 0
    while queue and pages < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or SKIP.search(url.split("?")[0]):
            continue
        seen.add(url)
        key = pattern(url)
        if per_pattern[key] >= PER_PATTERN:
            continue
        per_pattern[key] += 1
        response = client.get(url)
        pages += 1
        if response.status_code >= 500:
            problems.append(f"{url}: HTTP {response.status_code}")
            continue
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        body = response.content.decode()
        text = visible_text(body)
        for match in ENGLISH_RE.finditer(text):
            context = text[max(0, match.start() - 40): match.end() + 40].replace("\n", " ")
            problems.append(f"{url}: “{match.group(1)}” in …{' '.join(context.split())}…")
        for match in YEAR_GROUPED_RE.finditer(body):
            problems.append(f"{url}: year with a thousands separator: {match.group(0)!r}")
        queue.extend(u for u in links(body, url) if u not in seen)
    return pages, problems


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data `make setup` loads (fewer households), once for the module."""
    from django.apps import apps
    from django.test.utils import override_settings

    from households.standards_seed import seed_standards

    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True):
        # an earlier module's flush (the table crawl shares this fixture) took the standards the migrations seed
        seed_standards(apps)
        call_command("loaddata", "units", "agencies_thoxuan", verbosity=0)
        call_command("load_admin_units", "--province", "38", "--province", "15", verbosity=0)
        call_command("load_seed_plans", verbosity=0)
        call_command("create_demo_users", verbosity=0)
        call_command("seed_report_duties", "--demo", verbosity=0)
        call_command("open_report_runs", verbosity=0)
        call_command("generate_demo_households", "--per-commune", "3", verbosity=0)
        call_command("refresh_dashboard", verbosity=0)
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command as flush_command

        flush_command("flush", "--noinput", verbosity=0)
        # leave the database as the migrations left it: later modules' tests rely on the seeded standards
        seed_standards(apps)


@pytest.mark.django_db
@pytest.mark.parametrize("username", [u.username for u in DEMO_USERS])
def test_every_page_a_demo_user_reaches_is_in_vietnamese(demo, username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    pages, problems = crawl(client)
    assert pages > 5, f"{username}: only {pages} pages reached"
    assert not problems, f"{username}: {len(problems)} problems in {pages} pages:\n" + "\n".join(problems[:40])
