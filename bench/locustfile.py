"""50 logged-in users with a realistic mix, for ``bench.run`` (locust, headless, 127.0.0.1 only).

Each user logs in as one of the bench users (commune, district, province), then browses: the household
list, a name search, a household's page, the review form, the dashboard, the approval queue. With
BENCH_THINK=1 a user waits 2–8 s between clicks (an office at work); with 0 it never waits (capacity).
"""

import json
import os
import random
import re

from locust import HttpUser, between, constant, task

IDS = json.loads(open(os.environ["BENCH_IDS"], encoding="utf-8").read())  # noqa: SIM115
USERS = ["bench.xa", "bench.huyen", "bench.tinh"]
NAMES = ["Lê Văn Hùng", "nguyen thi", "Trịnh Xuân", "hoang van nam", "Phạm Thị Lan"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Official(HttpUser):
    wait_time = between(2, 8) if os.environ.get("BENCH_THINK", "1") == "1" else constant(0)

    def on_start(self):
        self.username = random.choice(USERS)
        self.household_ids = IDS[self.username]
        page = self.client.get("/dang-nhap/", name="đăng nhập (form)")
        token = CSRF.search(page.text).group(1)
        response = self.client.post("/dang-nhap/", {"username": self.username,
                                                    "password": os.environ["BENCH_PASSWORD"],
                                                    "csrfmiddlewaretoken": token},
                                    headers={"Referer": f"{self.host}/dang-nhap/"}, name="đăng nhập")
        if "/dang-nhap/" in response.url:
            raise RuntimeError(f"login failed for {self.username}")

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
        self.client.get("/tong-quan/", name="tổng quan")

    @task(1)
    def queue(self):
        if self.username == "bench.huyen":
            self.client.get("/ho-gia-dinh/phe-duyet/", name="hàng chờ phê duyệt")
