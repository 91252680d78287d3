"""50 logged-in users with a realistic mix, for ``bench.run`` (locust, headless, 127.0.0.1 only).

Each user is signed in as one of the bench users (commune, district, province), then browses: the household
list, a name search, a household's page, the review form, the dashboard, the approval queue. With
BENCH_THINK=1 a user waits 2–8 s between clicks (an office at work); with 0 it never waits (capacity).

The client is locust's FastHttpUser (geventhttpclient), not HttpUser (python-requests): it runs on the same
cores as gunicorn, PostgreSQL and Redis, so every millisecond of CPU it spends on a request is taken from the
server being measured. bench.run records how much CPU each of them took during the run (``CpuShares``).
"""

import itertools
import json
import os
import random
from urllib.parse import urlsplit

from locust import FastHttpUser, between, constant, task
from requests.cookies import create_cookie

SETUP = json.loads(open(os.environ["BENCH_USERS_FILE"], encoding="utf-8").read())  # noqa: SIM115
NAMES = ["Lê Văn Hùng", "nguyen thi", "Trịnh Xuân", "hoang van nam", "Phạm Thị Lan"]
_next = itertools.count()


class Official(FastHttpUser):
    wait_time = between(2, 8) if os.environ.get("BENCH_THINK", "1") == "1" else constant(0)

    def on_start(self):
        # A session signed in beforehand by bench.run (a password check is deliberately slow, and signing in
        # is not part of the mix being measured).
        person = SETUP["users"][next(_next) % len(SETUP["users"])]
        self.username = person["username"]
        self.household_ids = SETUP["households"][self.username]
        # host-only, for the server's host: the cookie the browser would hold (a Set-Cookie of the server for
        # the same session replaces it rather than adding a second one)
        self.client.cookiejar.set_cookie(create_cookie(SETUP["cookie"], person["session"],
                                                       domain=urlsplit(self.host).hostname))

    @task(4)
    def household_list(self):
        self.client.get("/ho-gia-dinh/", name="danh sách hộ")

    @task(2)
    def search(self):
        self.client.get("/ho-gia-dinh/", params={"q": random.choice(NAMES)}, name="tìm hộ")

    @task(1)
    def filter_poor(self):
        self.client.get("/ho-gia-dinh/", params={"current_category": "poor"}, name="lọc hộ nghèo")

    @task(4)
    def household(self):
        self.client.get(f"/ho-gia-dinh/{random.choice(self.household_ids)}/", name="trang hộ")

    @task(1)
    def review_form(self):
        if self.username == "bench.xa":
            self.client.get(f"/ho-gia-dinh/{random.choice(self.household_ids)}/ra-soat/them/",
                            name="phiếu rà soát (form)")

    @task(2)
    def dashboard(self):
        # the province account's dashboard is its province's (it starts on a unit picker otherwise)
        params = {"don_vi": SETUP["province"]} if self.username == "bench.tinh" else None
        self.client.get("/tong-quan/", params=params, name="tổng quan")

    @task(1)
    def queue(self):
        if self.username == "bench.huyen":
            self.client.get("/ho-gia-dinh/phe-duyet/", name="hàng chờ phê duyệt")
