"""50 logged-in users with a realistic mix, for ``bench.run`` (locust, headless, 127.0.0.1 only).

Each user is signed in as one of the bench users (commune, district, province), then browses: the household
list, a name search, a household's page, the review form, the dashboard, the approval queue. With
BENCH_THINK=1 a user waits 2–8 s between clicks (an office at work); with 0 it never waits (capacity).
"""

import itertools
import json
import os
import random

from locust import HttpUser, between, constant, task

SETUP = json.loads(open(os.environ["BENCH_USERS_FILE"], encoding="utf-8").read())  # noqa: SIM115
NAMES = ["Lê Văn Hùng", "nguyen thi", "Trịnh Xuân", "hoang van nam", "Phạm Thị Lan"]
_next = itertools.count()


class Official(HttpUser):
    wait_time = between(2, 8) if os.environ.get("BENCH_THINK", "1") == "1" else constant(0)

    def on_start(self):
        # A session signed in beforehand by bench.run (a password check is deliberately slow, and signing in
        # is not part of the mix being measured).
        person = SETUP["users"][next(_next) % len(SETUP["users"])]
        self.username = person["username"]
        self.household_ids = SETUP["households"][self.username]
        self.client.cookies.set(SETUP["cookie"], person["session"])

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
