"""Every data table on every page a demo user reaches has a caption (it may be visually hidden) and header
cells, so a screen reader names the table and reads each cell with its column (WCAG 2.1: 1.3.1).

The same crawl as ``test_vietnamese_everywhere`` (every link each demo user reaches, one page per URL shape),
through the real views and templates on the demo data. The Django admin is left out."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

import pytest
from django.test import Client

from directory.demo import DEMO_USERS
from directory.models import User
from tests.test_vietnamese_everywhere import MAX_PAGES, PER_PATTERN, SKIP, demo, links, pattern  # noqa: F401

# The Django admin is Django's own (its change lists have no caption), left out as in the axe-core test.
ADMIN = "/quan-tri/"


class Tables(HTMLParser):
    """The tables of a page: for each, its caption text and how many header cells it has."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self.open: list[dict] = []
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            table = {"id": dict(attrs).get("id") or dict(attrs).get("class") or "", "caption": None, "th": 0,
                     "first_child": None}
            self.tables.append(table)
            self.open.append(table)
        elif self.open:
            table = self.open[-1]
            if table["first_child"] is None:
                table["first_child"] = tag
            if tag == "caption":
                table["caption"] = ""
                self.in_caption = True
            elif tag == "th":
                table["th"] += 1

    def handle_endtag(self, tag):
        if tag == "table" and self.open:
            self.open.pop()
        elif tag == "caption":
            self.in_caption = False

    def handle_data(self, data):
        if self.in_caption and self.open:
            self.open[-1]["caption"] += data


def table_problems(body: str) -> list[str]:
    parser = Tables()
    parser.feed(body)
    problems = []
    for table in parser.tables:
        name = f"<table {table['id']}>".replace(" >", ">")
        if table["caption"] is None or not table["caption"].strip():
            problems.append(f"{name} không có <caption>")
        elif table["first_child"] != "caption":
            problems.append(f"{name}: <caption> phải là phần tử đầu tiên của bảng")
        if table["th"] == 0:
            problems.append(f"{name} không có ô tiêu đề <th>")
    return problems


def test_the_check_finds_a_table_without_caption_or_headers():
    assert table_problems("<table><caption>Hộ</caption><tr><th>Mã</th></tr></table>") == []
    assert table_problems("<table class='x'><tr><td>1</td></tr></table>") == [
        "<table x> không có <caption>", "<table x> không có ô tiêu đề <th>"]
    assert table_problems("<table><caption> </caption><tr><th>Mã</th></tr></table>") == [
        "<table> không có <caption>"]


def crawl_tables(client: Client) -> tuple[int, int, list[str]]:
    seen, queue, per_pattern = set(), ["/"], defaultdict(int)
    pages = tables = 0
    problems: list[str] = []
    while queue and pages < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or SKIP.search(url.split("?")[0]) or url.startswith(ADMIN):
            continue
        seen.add(url)
        key = pattern(url)
        if per_pattern[key] >= PER_PATTERN:
            continue
        per_pattern[key] += 1
        response = client.get(url)
        pages += 1
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        body = response.content.decode()
        tables += body.count("<table")
        problems.extend(f"{url}: {problem}" for problem in table_problems(body))
        queue.extend(u for u in links(body, url) if u not in seen)
    return pages, tables, problems


@pytest.mark.django_db
@pytest.mark.parametrize("username", [u.username for u in DEMO_USERS])
def test_every_table_a_demo_user_reaches_has_a_caption_and_header_cells(demo, username):  # noqa: F811
    client = Client()
    client.force_login(User.objects.get(username=username))
    pages, tables, problems = crawl_tables(client)
    assert pages > 5, f"{username}: chỉ mở được {pages} trang"
    print(f"{username}: {pages} trang, {tables} bảng")
    assert not problems, f"{username}: {len(problems)} bảng thiếu trong {pages} trang:\n" + "\n".join(problems)
