"""The scale benchmark (issue 12): ``make bench``. Prints one table and writes ``bench/results.json``.

Figures, never assertions: nothing here fails because something is slow.

1. The data set (``bench.dataset``: ``BENCH_HOUSEHOLDS`` households, built once with COPY, reused).
2. Pages in-process (Django test client, production-like settings), at commune, district, province and
   superuser scope, medians of ``BENCH_REPEAT`` requests; each beside the raw SQL of the same page (every
   SELECT the page ran, replayed on a bare cursor) and the Django admin changelist of the same rows.
3. The annual poverty report of the district (Thọ Xuân) and of the province, the district's export and a
   50.000-row import (rolled back), each in a fresh process (``bench.measure``): wall time and peak RSS.
4. gunicorn with the production settings (``gunicorn.conf.py``, 4 workers here) and locust, headless:
   50 logged-in users with a realistic mix, once with 2–8 s think time, once with no pause (capacity).

Environment: DATABASE_URL (PostgreSQL), BENCH_HOUSEHOLDS (1000000), BENCH_REPEAT (7), BENCH_LOAD_SECONDS
(60), BENCH_USERS (50), BENCH_IMPORT_ROWS (50000), BENCH_PORT (8140), BENCH_SKIP (comma list of
"pages,jobs,load").
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.dataset import DISTRICT_CODE, PROVINCE_CODE, SHOWCASE_COMMUNE, fmt, setup_django

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
WORK = ROOT / "var" / "bench"

SCOPES = [("xã", "bench.xa"), ("huyện", "bench.huyen"), ("tỉnh", "bench.tinh"), ("quản trị", "bench.quantri")]
# Goals of the table (ms unless said otherwise); None = no goal of its own.
GOALS = {
    ("list", "huyện"): 60, ("list", "tỉnh"): 60, ("search", "tỉnh"): 100, ("dashboard", "tỉnh"): 150,
    ("dashboard", "huyện"): 60, ("household", None): 40,
}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def python_loop_ms(rounds: int = 5) -> float:
    """The machine's speed for plain Python right now: the best wall time (the pages' clock) of a few runs of a
    fixed loop. Virtual machines of the same kind differ, and one machine drifts during a day (seen here: a
    20-million-step loop 1,25 → 1,41 s within an hour), so two runs' figures compare only beside this one."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        total = 0
        for number in range(2_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "python_loop_ms": python_loop_ms()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            names = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
        info["cpu"] = names[0] if names else ""
        with open("/proc/meminfo", encoding="utf-8") as handle:
            info["memory_gb"] = round(int(handle.readline().split()[1]) / 1048576, 1)
        info["load_average_at_start"] = os.getloadavg()
    except OSError:
        pass
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        info["postgresql"] = cursor.fetchone()[0]
    return info


# --------------------------------------------------------------------------- pages


def median_ms(call, repeat: int) -> float:
    call()  # warm: caches, connection, first compilation of templates
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


class PageTimer:
    def __init__(self, repeat: int):
        from django.test import Client

        from directory.models import User

        self.repeat = repeat
        self.clients = {}
        for _, username in SCOPES:
            client = Client()
            client.force_login(User.objects.get(username=username))
            self.clients[username] = client

    def get(self, username: str, url: str, repeat: int | None = None) -> float:
        client = self.clients[username]

        def call():
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} as {username}: HTTP {response.status_code}")
            b"".join(response) if response.streaming else response.content  # noqa: B018

        return median_ms(call, repeat or self.repeat)

    def raw_sql(self, username: str, url: str, repeat: int | None = None) -> tuple[float, int]:
        """Every SELECT the page runs, replayed on a bare cursor: what the page costs the database."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            self.clients[username].get(url)
        statements = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]

        def call():
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
                    cursor.fetchall()

        return median_ms(call, repeat or self.repeat), len(captured.captured_queries)

    def orm_compile(self, username: str, url: str, repeat: int | None = None) -> float:
        """Median ms per request that Django's ORM spends compiling the page's queries to SQL: work that any
        page reading through the ORM does before its first row, however lean the rest of it is."""
        client, samples = self.clients[username], []
        with orm_compile_clock() as spent:
            client.get(url)
            for _ in range(repeat or self.repeat):
                spent[0] = 0.0
                client.get(url)
                samples.append(spent[0] * 1000)
        return statistics.median(samples)


@contextlib.contextmanager
def orm_compile_clock():
    """Seconds Django's ORM spends compiling queries to SQL (``SQLCompiler.as_sql``, outermost calls only: a
    subquery's compilation is inside its query's) while the block runs, accumulated in the list it yields."""
    from django.db.models.sql import compiler

    spent, depth = [0.0], [0]

    def timed(original):
        @functools.wraps(original)
        def as_sql(self, *args, **kwargs):
            if depth[0]:
                return original(self, *args, **kwargs)
            depth[0] += 1
            started = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started
                depth[0] -= 1
        return as_sql

    # SQLAggregateCompiler (a bounded count) has its own as_sql; the other SELECTs use SQLCompiler's.
    originals = {cls: cls.__dict__["as_sql"] for cls in (compiler.SQLCompiler, compiler.SQLAggregateCompiler)}
    for cls, original in originals.items():
        cls.as_sql = timed(original)
    try:
        yield spent
    finally:
        for cls, original in originals.items():
            cls.as_sql = original


def measure_floor(timer: PageTimer) -> dict[str, dict]:
    """What a signed-in page costs before any work of its own, at each scope (``bench.floor_urls``): an empty
    answer through every middleware, and the layout (``base.html``) alone; each beside its own SQL (the session
    and the user). A list page's own work is what it takes beyond the layout's floor and its SQL."""
    from django.test import override_settings

    floor = {}
    with override_settings(ROOT_URLCONF="bench.floor_urls"):
        for scope, username in SCOPES:
            request_ms = timer.get(username, "/__bench/floor/", repeat=5 * timer.repeat)
            layout_ms = timer.get(username, "/__bench/layout/", repeat=5 * timer.repeat)
            layout_sql_ms, _ = timer.raw_sql(username, "/__bench/layout/", repeat=5 * timer.repeat)
            floor[scope] = {"request_ms": request_ms, "layout_ms": layout_ms, "layout_sql_ms": layout_sql_ms}
            print(f"  khung · {scope}: {request_ms:.1f} ms, với bố cục {layout_ms:.1f} ms "
                  f"(SQL {layout_sql_ms:.1f} ms)", flush=True)
    return floor


def own_work_ms(row: dict, floor: dict | None) -> tuple[float, float] | None:
    """A list page's own work (its time less its SQL and less the layout's floor without the floor's SQL) and
    the room the goal "≤ 3× its raw SQL" leaves that work (3× SQL less the SQL less the same floor)."""
    if not floor or row["scope"] not in floor:
        return None
    base = floor[row["scope"]]["layout_ms"] - floor[row["scope"]]["layout_sql_ms"]
    return row["app_ms"] - row["raw_sql_ms"] - base, 2 * row["raw_sql_ms"] - base


def some_household(username: str):
    from directory.models import User
    from households.models import Household

    user = User.objects.get(username=username)
    households = Household.objects.for_user(user).order_by("commune_id", "code")
    # a poor household (its page has the most to show), the 8th when the set is large enough
    return (list(households.filter(current_category="poor")[:8]) or list(households[:1]))[-1]


def province_pk() -> int:
    from directory.models import AdministrativeUnit

    return AdministrativeUnit.objects.get(code=PROVINCE_CODE).pk


def measure_pages(repeat: int) -> tuple[list[dict], dict[str, dict]]:
    """The pages' rows of the table, and the floor of a signed-in page at each scope (``measure_floor``)."""
    from django.urls import reverse

    from households.models import Household

    timer = PageTimer(repeat)
    floor = measure_floor(timer)
    name = Household.objects.filter(commune__code=SHOWCASE_COMMUNE).order_by("code").values_list(
        "head_name", flat=True)[3]
    rows = []
    lists = [
        ("list", "danh sách hộ, trang đầu", "", ""),
        ("search", f"danh sách hộ, tìm “{name}”", f"?q={name}", f"?q={name}"),
        ("filter", "danh sách hộ, lọc hộ nghèo", "?current_category=poor", "?current_category__exact=poor"),
    ]
    list_url, admin_url = reverse("households:household_list"), reverse("admin:households_household_changelist")
    for key, label, query, admin_query in lists:
        for scope, username in SCOPES:
            app = timer.get(username, list_url + query)
            raw, queries = timer.raw_sql(username, list_url + query)
            admin = timer.get(username, admin_url + admin_query)
            compiling = timer.orm_compile(username, list_url + query)
            rows.append({"page": key, "label": label, "scope": scope, "app_ms": app, "raw_sql_ms": raw,
                         "admin_ms": admin, "queries": queries, "orm_compile_ms": compiling,
                         "goal_ms": GOALS.get((key, scope))})
            print(f"  {label} · {scope}: {app:.0f} ms (SQL {raw:.0f} ms, admin {admin:.0f} ms)", flush=True)
    # A province account or an administrator starts on a unit picker (dashboard.views.starts_on_picker):
    # what is measured for them is the province's dashboard itself, one click on.
    dashboard = reverse("dashboard:index")
    province = f"{dashboard}?don_vi={province_pk()}"
    others = [("dashboard", "tổng quan", dashboard, SCOPES[:2]),
              ("dashboard", "tổng quan", province, SCOPES[2:])]
    for scope, username in SCOPES[:3]:
        household = some_household(username)
        others.append(("household", f"trang hộ ({scope})", reverse("households:household_detail", args=[household.pk]),
                       [(scope, username)]))
    household = some_household("bench.xa")
    others.append(("review_form", "phiếu rà soát (mở form)",
                   reverse("households:review_create", args=[household.pk]), [("xã", "bench.xa")]))
    others.append(("queue", "hàng chờ phê duyệt", reverse("households:approval_queue"), [("huyện", "bench.huyen")]))
    for key, label, url, scopes in others:
        for scope, username in scopes:
            app = timer.get(username, url)
            raw, queries = timer.raw_sql(username, url)
            rows.append({"page": key, "label": label, "scope": scope, "app_ms": app, "raw_sql_ms": raw,
                         "admin_ms": None, "queries": queries,
                         "goal_ms": GOALS.get((key, scope), GOALS.get((key, None)))})
            print(f"  {label} · {scope}: {app:.0f} ms (SQL {raw:.0f} ms, {queries} truy vấn)", flush=True)
    return rows, floor


# --------------------------------------------------------------------------- jobs in their own process


def job(*args: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "povertyapp.settings.bench"}
    done = subprocess.run([sys.executable, "-m", "bench.measure", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_import_file(path: Path, rows: int, year: int = 2025) -> None:
    """Next year's list for households already in the set (Thọ Xuân first), as Excel saves it."""
    from openpyxl import Workbook

    from households.classification import snapshot_for_review
    from households.importing import HEAD_COLUMNS, TAIL_COLUMNS
    from households.models import Household

    snapshot = snapshot_for_review("periodic", year)
    indicators = [snapshot.indicator_names[i] for i in sorted(snapshot.indicator_ids)]
    rng = random.Random(year)
    households = (Household.objects.filter(commune__path__startswith=f"{PROVINCE_CODE}/{DISTRICT_CODE}/")
                  .order_by("commune_id", "code").values_list("code", "commune__code", "village", "head_name",
                                                                "member_count")[:rows])
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([f"DANH SÁCH KẾT QUẢ RÀ SOÁT NĂM {year} (đo tải)"])
    sheet.append([])
    sheet.append(list(HEAD_COLUMNS) + indicators + list(TAIL_COLUMNS))
    for code, commune, village, head, members in households:
        poor = rng.random() < 0.06
        deprived = set(rng.sample(range(len(indicators)), rng.choice([3, 4] if poor else [0, 0, 1])))
        income = rng.randrange(600_000, 1_400_000, 10_000) if poor else rng.randrange(2_000_000, 8_000_000, 10_000)
        sheet.append([code, head, commune, village, None, members, year, income]
                     + ["x" if i in deprived else None for i in range(len(indicators))] + [None, None, None])
    workbook.save(path)


def measure_jobs(import_rows: int) -> list[dict]:
    from directory.models import AdministrativeUnit

    rows = []
    for label, args, goal_s, goal_mb in (
        ("báo cáo năm, huyện", ("report", DISTRICT_CODE, "2024"), 3, 300),
        ("báo cáo năm, tỉnh", ("report", PROVINCE_CODE, "2024"), 30, 300),
        ("xuất Excel, huyện", ("export", DISTRICT_CODE, "2024"), 10, None),
    ):
        result = job(*args)
        unit = AdministrativeUnit.objects.get(code=args[1])
        rows.append({"job": args[0], "label": f"{label} ({unit.name})", **result, "goal_s": goal_s,
                     "goal_mb": goal_mb})
        print(f"  {label}: {result['seconds']:.1f} s, {result['peak_rss_mb']:.0f} MB", flush=True)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"nhap-{import_rows}.xlsx"
    if not path.exists():
        write_import_file(path, import_rows)
    result = job("import", str(path))
    result["rows_per_s"] = result["rows"] / result["seconds"]
    rows.append({"job": "import", "label": f"nhập danh sách rà soát ({fmt(result['rows'])} dòng)", **result,
                 "goal_rows_per_s": 5000})
    print(f"  nhập: {result['rows']} dòng, {result['rows_per_s']:.0f} dòng/s {result['timings']}", flush=True)
    return rows


# --------------------------------------------------------------------------- load: gunicorn + locust


def load_users_file(users: int) -> Path:
    """For each simulated user: a signed-in session (made here, so the measured run holds no logins: a
    password check is a deliberate 0,5 s of CPU) and households of its scope to open."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from directory.models import User
    from households.models import Household

    # The backend that loads users (django-axes' comes first in the list and only checks logins).
    backend = next(path for path in settings.AUTHENTICATION_BACKENDS if path.endswith("ModelBackend"))
    households, people = {}, []
    for _, username in SCOPES[:3]:
        user = User.objects.get(username=username)
        households[username] = list(Household.objects.for_user(user).order_by("commune_id", "code")
                                    .values_list("pk", flat=True)[:2000:20])
    for number in range(users):
        user = User.objects.get(username=SCOPES[number % 3][1])
        session = SessionStore()
        session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        people.append({"username": user.username, "session": session.session_key})
    path = WORK / "load-users.json"
    path.write_text(json.dumps({"cookie": settings.SESSION_COOKIE_NAME, "users": people,
                                "households": households, "province": province_pk()}))
    return path


def start_gunicorn(port: int) -> subprocess.Popen:
    env = {**os.environ, **serve_env(), "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_ACCESS_LOG": str(WORK / "access.log"), "GUNICORN_WORKERS": os.environ.get("BENCH_WORKERS", "4")}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT,
                   env=env, check=True)
    process = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py",
                                "povertyapp.wsgi:application"], cwd=ROOT, env=env,
                               stdout=open(WORK / "gunicorn.log", "w"), stderr=subprocess.STDOUT)  # noqa: SIM115
    import urllib.request

    for _ in range(60):
        time.sleep(1)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=5)
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: see {WORK / 'gunicorn.log'}") from None
    raise RuntimeError("gunicorn did not answer within 60 s")


def serve_env() -> dict:
    """What ``make serve`` sets for the production settings on one machine, over plain HTTP."""
    from django.conf import settings

    return {
        "DJANGO_SETTINGS_MODULE": "povertyapp.settings.production",
        # the key povertyapp.settings.bench signs the pre-made sessions with
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SECURE_COOKIES": "0", "DJANGO_SECURE_HSTS_SECONDS": "0",
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/4"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


class CpuShares:
    """Where the CPU goes during a load run: the client (locust), gunicorn (master and workers), the PostgreSQL
    backends serving gunicorn's connections, Redis, and the rest of the machine (this process, other
    PostgreSQL sessions, anything else running). All share the same cores, so the client's CPU is taken from
    the server's.

    Sampled with psutil every second or so over a window that starts once locust has started and spawned
    its users (``start``), so its start-up is left out; CPU per request divides by the requests gunicorn
    answered in the same window (lines of its access log)."""

    def __init__(self, locust_pid: int, gunicorn_pid: int, access_log: Path, access_from: int):
        import psutil

        self.psutil, self.access_log = psutil, access_log
        self.roots = {"locust": locust_pid, "gunicorn": gunicorn_pid}
        self.started_at: float | None = None
        self.first: dict[int, float] = {}  # CPU already spent by the processes alive at the start of the window
        self.last: dict[tuple[str, int], float] = {}
        self.machine_first = self.machine_last = 0.0
        self.lines_first = self.lines_last = 0
        self._offset, self._lines = access_from, 0

    def _machine(self) -> float:
        times = self.psutil.cpu_times()
        return sum(getattr(times, key, 0.0) for key in ("user", "nice", "system", "irq", "softirq"))

    def _answered(self) -> int:
        with open(self.access_log, "rb") as handle:  # noqa: PTH123
            handle.seek(self._offset)
            chunk = handle.read()
        complete = chunk.rfind(b"\n") + 1
        self._offset += complete
        self._lines += chunk.count(b"\n", 0, complete)
        return self._lines

    def _tree(self, pid: int) -> list:
        try:
            root = self.psutil.Process(pid)
            return [root, *root.children(recursive=True)]
        except self.psutil.NoSuchProcess:
            return []

    def _groups(self) -> dict[str, list]:
        from django.db import connection

        groups = {name: self._tree(pid) for name, pid in self.roots.items()}
        ports, database_port = set(), int(connection.settings_dict.get("PORT") or 5432)
        for worker in groups["gunicorn"]:
            with contextlib.suppress(self.psutil.Error):
                ports.update(c.laddr.port for c in worker.net_connections("tcp")
                             if c.raddr and c.raddr.port == database_port)
        groups["postgresql"] = []
        if ports:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pid FROM pg_stat_activity WHERE client_port = ANY(%s)", [sorted(ports)])
                for (pid,) in cursor.fetchall():
                    with contextlib.suppress(self.psutil.NoSuchProcess):
                        groups["postgresql"].append(self.psutil.Process(pid))
        groups["redis"] = [p for p in self.psutil.process_iter(["name"]) if p.info["name"] == "redis-server"]
        return groups

    def start(self) -> None:
        self.started_at = time.time()
        self.lines_first, self.machine_first = self._answered(), self._machine()
        self.sample(first=True)

    def sample(self, first: bool = False) -> None:
        lines, machine = self._answered(), self._machine()
        for name, processes in self._groups().items():
            for process in processes:
                try:
                    times, born = process.cpu_times(), process.create_time()
                except self.psutil.Error:
                    continue
                spent = times.user + times.system
                if first:
                    self.first[process.pid] = spent
                elif process.pid not in self.first and born < self.started_at:
                    continue  # alive before the window but first seen now: its CPU in the window is unknown
                self.last[(name, process.pid)] = spent
        self.lines_last, self.machine_last = lines, machine

    def result(self) -> dict:
        requests = self.lines_last - self.lines_first
        seconds = {}
        for (name, pid), spent in self.last.items():
            seconds[name] = seconds.get(name, 0.0) + spent - self.first.get(pid, 0.0)
        seconds["rest of the machine"] = max(0.0, self.machine_last - self.machine_first - sum(seconds.values()))
        return {"requests": requests, **{
            name: {"cpu_s": round(value, 1), "ms_per_request": round(1000 * value / requests, 1) if requests else None}
            for name, value in seconds.items()}}


def locust(port: int, ids: Path, *, users: int, seconds: int, think: bool, name: str,
           server: subprocess.Popen | None = None) -> dict:
    csv = WORK / name
    env = {**os.environ, "BENCH_THINK": "1" if think else "0", "BENCH_USERS_FILE": str(ids)}
    access_log = WORK / "access.log"
    access_from = access_log.stat().st_size if access_log.exists() else 0
    rate = max(1, users // 5)
    with open(WORK / f"{name}.log", "w") as log:  # noqa: PTH123
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
             "--headless", "-u", str(users), "-r", str(rate), "-t", f"{seconds}s",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(csv), "--only-summary",
             "--stop-timeout", "10", "--loglevel", "WARNING"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        shares = None
        if server is not None and access_log.exists():
            shares = CpuShares(process.pid, server.pid, access_log, access_from)
        # the CPU window: from when every user runs (locust's start-up and ramp left out) to the end
        window_at = time.monotonic() + min(seconds / 3, 2 + users / rate)
        deadline = time.monotonic() + seconds + 120
        while process.poll() is None:
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                break
            time.sleep(1)
            if shares and process.poll() is None:
                if shares.started_at is not None:
                    shares.sample()
                elif time.monotonic() >= window_at:
                    shares.start()
    import csv as csvmodule

    with open(f"{csv}_stats.csv", encoding="utf-8") as handle:
        stats = list(csvmodule.DictReader(handle))
    def figures(row):
        number = lambda key: float(row[key]) if row[key] not in ("", "N/A") else 0.0  # noqa: E731
        return {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                "p50_ms": number("50%"), "p95_ms": number("95%"), "p99_ms": number("99%"),
                "rps": number("Requests/s")}

    pages = {row["Name"]: figures(row) for row in stats if row["Name"] != "Aggregated"}
    total = next(row for row in stats if row["Name"] == "Aggregated")
    result = {"users": users, "seconds": seconds, "think_time": "2–8 s" if think else "0", **figures(total),
              "pages": pages}
    if shares and shares.started_at is not None:
        result["cpu"] = shares.result()
    if access_log.exists():
        result["statuses"] = statuses(access_log, access_from)
    return result


# gunicorn.conf.py's access_log_format: '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"' (status after the request line)
ACCESS_LOG_STATUS = re.compile(rb'" (\d{3}) \S+ \d+ms "')


def statuses(access_log: Path, offset: int) -> dict[str, int]:
    """HTTP statuses in gunicorn's access log from ``offset`` on: a page that answered with a redirect (the
    session not accepted: the login page) or an error is visible here even where locust counts it a success."""
    counts: dict[str, int] = {}
    with open(access_log, "rb") as handle:  # noqa: PTH123
        handle.seek(offset)
        for line in handle:
            found = ACCESS_LOG_STATUS.search(line)
            if found:
                counts[found[1].decode()] = counts.get(found[1].decode(), 0) + 1
    return dict(sorted(counts.items()))


def measure_load(users: int, seconds: int, port: int) -> list[dict]:
    WORK.mkdir(parents=True, exist_ok=True)
    ids = load_users_file(users)
    server = start_gunicorn(port)
    try:
        runs = []
        for think, name in ((True, "locust-think"), (False, "locust-nopause")):
            result = locust(port, ids, users=users, seconds=seconds, think=think, name=name, server=server)
            runs.append(result)
            print(f"  {users} người dùng, nghỉ {result['think_time']}: {result['rps']:.1f} req/s, "
                  f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms, "
                  f"{result['failures']} lỗi", flush=True)
            if set(result.get("statuses", {})) - {"200"}:
                print(f"    CẢNH BÁO: mã trả lời khác 200 trong access log: {result['statuses']}", flush=True)
            if result.get("cpu"):
                cpu = result["cpu"]
                print(f"    CPU ({cpu['requests']} req): " + ", ".join(
                    f"{part} {figure['cpu_s']:.1f} s = {figure['ms_per_request'] or 0:.1f} ms/req"
                    for part, figure in cpu.items() if part != "requests"), flush=True)
        return runs
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --------------------------------------------------------------------------- the table


def ratio(a, b) -> str:
    return f"{a / b:.1f}×" if a and b else "–"


def verdict(value, goal) -> str:
    if goal is None or value is None:
        return ""
    return "đạt" if value <= goal else "CHƯA ĐẠT"


def table(results: dict) -> str:
    lines = [f"Bộ dữ liệu: {fmt(results['dataset']['households'])} hộ · máy: {results['machine'].get('cpus')} lõi, "
             f"{results['machine'].get('cpu', '')} · PostgreSQL {results['machine'].get('postgresql', '')}"
             + (f" · vòng lặp Python chuẩn {results['machine']['python_loop_ms']:.0f} ms"
                if results["machine"].get("python_loop_ms") else ""), "",
             "| trang | phạm vi | app (ms) | SQL thô (ms) | app/SQL | admin (ms) | app/admin | truy vấn | mục tiêu |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in results.get("pages", []):
        goal = row["goal_ms"]
        target = f"≤ {goal} ms: {verdict(row['app_ms'], goal)}" if goal else ""
        if row["page"] in ("list", "search", "filter"):
            met = verdict(row["app_ms"], 3 * row["raw_sql_ms"])
            own = own_work_ms(row, results.get("floor"))
            if own and met != "đạt":
                compiling = row.get("orm_compile_ms")
                of_which = f", ORM biên dịch SQL {compiling:.1f} ms trong đó" if compiling is not None else ""
                met += f" (việc riêng {own[0]:.1f} ms{of_which}; chỗ cho nó {own[1]:.1f} ms)"
            target = (target + "; " if target else "") + f"≤ 3× SQL: {met}"
        admin = "" if row["admin_ms"] is None else f"{row['admin_ms']:.0f}"
        lines.append(f"| {row['label']} | {row['scope']} | {row['app_ms']:.0f} | {row['raw_sql_ms']:.1f} | "
                     f"{ratio(row['app_ms'], row['raw_sql_ms'])} | {admin} | "
                     f"{ratio(row['app_ms'], row['admin_ms'])} | {row['queries']} | {target} |")
    if results.get("floor"):
        floors = " · ".join(f"{scope} {f['request_ms']:.1f} ms, với bố cục {f['layout_ms']:.1f} ms "
                            f"(SQL {f['layout_sql_ms']:.1f})" for scope, f in results["floor"].items())
        lines += ["", "Khung của một trang đã đăng nhập, trước mọi việc riêng của trang (mọi middleware, phiên, người "
                  f"dùng; `bench.floor_urls`): {floors}. Việc riêng của một trang danh sách = app − SQL thô − "
                  "(bố cục − SQL của nó); mục tiêu ≤ 3× SQL chỉ để cho việc ấy 2× SQL − (bố cục − SQL của nó). "
                  "“ORM biên dịch SQL” là phần việc riêng mà ORM của Django tốn để dịch các truy vấn của trang "
                  "thành SQL (`SQLCompiler.as_sql`), trước khi có dòng nào: một trang đọc qua ORM không thể nhanh "
                  "hơn bố cục + SQL thô + phần ấy."]
    if results.get("jobs"):
        lines += ["", "| việc | thời gian | bộ nhớ đỉnh (RSS) | mục tiêu |", "|---|---:|---:|---|"]
        for row in results["jobs"]:
            if row["job"] == "import":
                goal = f"≥ 5.000 dòng/s: {'đạt' if row['rows_per_s'] >= 5000 else 'CHƯA ĐẠT'}"
                lines.append(f"| {row['label']} | {row['seconds']:.1f} s = {fmt(round(row['rows_per_s']))} dòng/s | "
                             f"{row['peak_rss_mb']:.0f} MB | {goal} |")
                continue
            goal = f"≤ {row['goal_s']} s: {verdict(row['seconds'], row['goal_s'])}"
            if row.get("goal_mb"):
                goal += f", ≤ {row['goal_mb']} MB: {verdict(row['peak_rss_mb'], row['goal_mb'])}"
            lines.append(f"| {row['label']} | {row['seconds']:.1f} s | {row['peak_rss_mb']:.0f} MB | {goal} |")
    if results.get("load"):
        lines += ["", "| tải (gunicorn, locust) | req/s | p50 | p95 | p99 | lỗi | mục tiêu |",
                  "|---|---:|---:|---:|---:|---:|---|"]
        for run in results["load"]:
            if run["think_time"] == "0":
                goal = f"≥ 60 req/s: {'đạt' if run['rps'] >= 60 else 'CHƯA ĐẠT'}"
            else:
                goal = f"p95 ≤ 300 ms, 0 lỗi: {'đạt' if run['p95_ms'] <= 300 and not run['failures'] else 'CHƯA ĐẠT'}"
            lines.append(f"| {run['users']} người dùng, nghỉ {run['think_time']}, {run['seconds']} s | "
                         f"{run['rps']:.1f} | {run['p50_ms']:.0f} ms | {run['p95_ms']:.0f} ms | "
                         f"{run['p99_ms']:.0f} ms | {run['failures']} | {goal} |")
        parts = {"locust": "locust (máy khách)", "gunicorn": "gunicorn", "postgresql": "PostgreSQL", "redis": "Redis",
                 "rest of the machine": "phần còn lại của máy"}
        for run in results["load"]:
            if run.get("cpu", {}).get("requests"):
                lines.append("")
                lines.append(f"CPU mỗi yêu cầu, nghỉ {run['think_time']} ({run['cpu']['requests']} yêu cầu, cùng "
                             f"{results['machine'].get('cpus')} lõi): " + " · ".join(
                                 f"{label} {run['cpu'][key]['ms_per_request']:.1f} ms"
                                 for key, label in parts.items() if key in run["cpu"]))
    return "\n".join(lines)


def main():
    setup_django()
    from bench.dataset import build

    households = env_int("BENCH_HOUSEHOLDS", 1_000_000)
    skip = set(filter(None, os.environ.get("BENCH_SKIP", "").split(",")))
    started = time.perf_counter()
    print(f"== Bộ dữ liệu ({fmt(households)} hộ)", flush=True)
    results = {"dataset": build(households), "machine": machine(),
               "started_at": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    if "pages" not in skip:
        print("== Trang (trung vị, trong tiến trình)", flush=True)
        results["pages"], results["floor"] = measure_pages(env_int("BENCH_REPEAT", 7))
    if "jobs" not in skip:
        print("== Báo cáo, xuất, nhập (mỗi việc một tiến trình)", flush=True)
        results["jobs"] = measure_jobs(min(env_int("BENCH_IMPORT_ROWS", 50_000), households))
    if "load" not in skip:
        print("== Tải: gunicorn + locust", flush=True)
        results["load"] = measure_load(env_int("BENCH_USERS", 50), env_int("BENCH_LOAD_SECONDS", 60),
                                       env_int("BENCH_PORT", 8140))
    results["seconds"] = time.perf_counter() - started
    text = table(results)
    results["table"] = text
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    print()
    print(text)
    print(f"\nĐã ghi {RESULTS.relative_to(ROOT)} ({results['seconds']:.0f} s).")


if __name__ == "__main__":
    main()
