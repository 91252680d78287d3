"""The scale data set: one province of ``BENCH_HOUSEHOLDS`` households in the shapes of the demo data.

    DATABASE_URL=postgres://… .venv/bin/python -m bench.dataset        (make bench-data)

Thanh Hóa (38) with Thọ Xuân (395) holding 6 % of the households (60.000 of a million) in
its 30 communes, and synthetic districts ("Huyện đo tải 01"…) of about 1.800 households per
commune for the rest. Each household has members (heads first, 12-digit citizen IDs),
approved periodic reviews for 2023 and 2024 classified by the real standard (``classify``),
with deprived indicators and causes; some 2024 reviews are left submitted or as drafts so
the approval queue is full; review events (submitted, approved) and a history row; its
current category. Users for each scope: ``bench.xa`` (commune official of Xuân Bái),
``bench.huyen`` (Thọ Xuân district staff), ``bench.tinh`` (province staff of Thanh Hóa),
``bench.quantri`` (superuser), password ``giamngheo2024``.

Rows are generated in a thread and written with PostgreSQL COPY (never the ORM), one
commune at a time, so the Python work and the server's work overlap. The set is marked in
a small table ``bench_dataset``: a second run with the same size and seed reuses it.
A database that holds other households is refused (use a database of its own).
"""

from __future__ import annotations

import io
import os
import queue
import random
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVINCE_CODE, DISTRICT_CODE, SHOWCASE_COMMUNE = "38", "395", "15547"
THO_XUAN_SHARE = 0.06  # 60.000 of a million
PER_COMMUNE = 1800  # households per synthetic commune
SYNTHETIC_DISTRICTS = 26
PASSWORD = "giamngheo2024"
BENCH_USERS = (  # username, role, unit code, superuser
    ("bench.xa", "commune_official", SHOWCASE_COMMUNE, False),
    ("bench.huyen", "district_staff", DISTRICT_CODE, False),
    ("bench.tinh", "province_staff", PROVINCE_CODE, False),
    ("bench.quantri", "admin", None, True),
)
YEARS = (2023, 2024)


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "povertyapp.settings.bench")
    import django

    django.setup()


# --------------------------------------------------------------------------- COPY


def fmt(number: int) -> str:
    """1.000.000, as the app writes numbers."""
    return f"{number:,}".replace(",", ".")


def copy_value(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        if "\\" in value or "\t" in value or "\n" in value:
            value = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class Table:
    """One table's COPY: the columns given, then every other column at its model default (generated columns
    are left to the database)."""

    def __init__(self, model, fields: list[str], *, now):
        from django.db import connection

        meta = model._meta
        given = [meta.get_field(name).column for name in fields]
        rest = []
        for f in meta.concrete_fields:
            if f.column in given or f.primary_key or f.generated:  # generated (head_name_key): by the database
                continue
            stamped = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            # "" for text fields without a default, None for the others
            value = now if stamped else f.get_default()
            if value is None and not f.null:
                raise RuntimeError(f"{meta.db_table}.{f.column}: no default; the bench must set it")
            rest.append((f.column, value))
        quote = connection.ops.quote_name
        self.name = meta.db_table
        self.sql = (f"COPY {quote(meta.db_table)} ({', '.join(quote(c) for c in given + [c for c, _ in rest])}) "
                    "FROM STDIN")
        self.tail = "".join("\t" + copy_value(v) for _, v in rest) + "\n"
        self.buffer: list[str] = []
        self.count = 0

    def add(self, *values) -> None:
        self.buffer.append("\t".join([copy_value(v) for v in values]) + self.tail)
        self.count += 1

    def take(self) -> str:
        text = "".join(self.buffer)
        self.buffer = []
        return text


# --------------------------------------------------------------------------- units and users


@dataclass
class Plan:
    households: int
    tho_xuan: int
    seed: int


def plan_for(households: int, seed: int) -> Plan:
    return Plan(households, round(households * THO_XUAN_SHARE), seed)


def ensure_units(plan: Plan):
    """Thọ Xuân's communes from the fixture plus synthetic districts and communes for the rest."""
    from django.core.management import call_command

    from directory.models import AdministrativeUnit

    if not AdministrativeUnit.objects.filter(code=DISTRICT_CODE).exists():
        call_command("loaddata", "units", verbosity=0)
    province = AdministrativeUnit.objects.get(code=PROVINCE_CODE)
    district = AdministrativeUnit.objects.get(code=DISTRICT_CODE)
    rest = plan.households - plan.tho_xuan
    communes_needed = max(1, round(rest / PER_COMMUNE)) if rest > 0 else 0
    districts = []
    for d in range(1, min(SYNTHETIC_DISTRICTS, communes_needed) + 1):
        code = f"9{d:03d}"
        unit = AdministrativeUnit.objects.filter(code=code).first()
        if unit is None:
            unit = AdministrativeUnit(code=code, name=f"Huyện đo tải {d:02d}", kind="huyen", parent=province)
            unit.save()
        districts.append(unit)
    synthetic = []
    for c in range(communes_needed):
        parent = districts[c % len(districts)]
        code = f"9{c + 1:05d}"
        unit = AdministrativeUnit.objects.filter(code=code).first()
        if unit is None:
            unit = AdministrativeUnit(code=code, name=f"Xã đo tải {c + 1:03d}", kind="xa", parent=parent,
                                      area="urban" if c % 9 == 0 else "rural")
            unit.save()
        synthetic.append(unit)
    tho_xuan = list(AdministrativeUnit.objects.communes().filter(path__startswith=district.path).order_by("code"))
    # (commune, how many households)
    shares = _spread(plan.tho_xuan, len(tho_xuan)) + _spread(rest, len(synthetic))
    return province, district, list(zip(tho_xuan + synthetic, shares, strict=True))


def _spread(total: int, parts: int) -> list[int]:
    if parts == 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def ensure_users(province, district):
    from directory.models import AdministrativeUnit, User

    users = {}
    for username, role, unit_code, superuser in BENCH_USERS:
        unit = AdministrativeUnit.objects.get(code=unit_code) if unit_code else None
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role, user.unit, user.is_superuser, user.is_staff = role, unit, superuser, True
        user.first_name, user.last_name = "Đo tải", username
        user.set_password(PASSWORD)
        user.save()
        users[role] = user
    return users


# --------------------------------------------------------------------------- households


SURNAMES = ["Lê"] * 6 + ["Nguyễn"] * 6 + ["Trịnh"] * 3 + ["Hoàng"] * 2 + ["Phạm"] * 3 + [
    "Đỗ", "Mai", "Hà", "Vũ", "Trần", "Bùi", "Đào", "Cao", "Lương", "Đinh", "Phùng", "Tống", "Quách"]
MALE = [f"{m} {g}" for m in ["Văn", "Văn", "Đình", "Xuân", "Ngọc", "Hữu", "Bá", "Trọng", "Quang", "Minh"]
        for g in ["Hùng", "Dũng", "Tuấn", "Minh", "Thắng", "Hải", "Nam", "Long", "Cường", "Sơn", "Thành", "Toàn",
                  "Bình", "Quý", "Lực", "Tiến", "Hưng", "Đức", "Khánh", "Phúc", "Chiến", "Lâm", "Tùng", "Kiên"]]
FEMALE = [f"{m} {g}" for m in ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Hồng", "Thanh"]
          for g in ["Hoa", "Lan", "Hương", "Mai", "Hằng", "Nga", "Thủy", "Dung", "Liên", "Huyền", "Trang", "Linh",
                    "Yến", "Nhung", "Thảo", "Hạnh", "Loan", "Vân", "Oanh", "Tuyết", "Hiền", "Phương"]]
RELATIONS = ["head", "spouse", "child", "child", "child", "parent", "grandchild"]
# (2023 category, 2024 category, share): the demo's year-on-year movements at scale.
TRANSITIONS = [
    ("poor", "poor", 0.035), ("poor", "near_poor", 0.012), ("poor", "average", 0.004), ("near_poor", "poor", 0.001),
    ("average", "poor", 0.001), ("near_poor", "near_poor", 0.052), ("near_poor", "average", 0.008),
    ("average", "near_poor", 0.002), ("average", "average", 0.095),
]


class Generator:
    """Rows of one commune at a time, from a seeded RNG per commune (the same set every run)."""

    def __init__(self, plan: Plan, users, now):
        from households.classification import classify, snapshot_for_review
        from households.models import (
            HistoryEntry,
            Household,
            LineKind,
            Member,
            PovertyCause,
            Review,
            ReviewEvent,
        )

        self.plan, self.now, self.classify = plan, now, classify
        self.snapshots = {year: snapshot_for_review("periodic", year) for year in YEARS}
        self.indicators = {year: sorted(s.indicator_ids) for year, s in self.snapshots.items()}
        self.lines = {(year, area): (s.line(area, LineKind.POVERTY), s.line(area, LineKind.AVERAGE))
                      for year, s in self.snapshots.items() for area in ("rural", "urban")}
        self.causes = list(PovertyCause.objects.order_by("pk").values_list("pk", flat=True))
        self.official = users["commune_official"].pk
        self.approver = users["district_staff"].pk
        self.tables = {
            "household": Table(Household, ["id", "code", "commune_id", "village", "head_name", "area",
                                           "is_ethnic_minority", "female_head", "has_labour_capacity",
                                           "member_count", "current_category", "current_year"], now=now),
            "member": Table(Member, ["household_id", "full_name", "birth_year", "sex", "citizen_id", "relation",
                                     "has_labour_capacity", "order"], now=now),
            "review": Table(Review, ["id", "household_id", "commune_id", "year", "round", "effective_date",
                                     "standard_id", "area", "income_per_capita", "deprivation_count", "category",
                                     "has_labour_capacity", "status", "created_by_id", "submitted_by_id",
                                     "submitted_at", "approved_by_id", "approved_at"], now=now),
            "indicator": Table(Review.deprived_indicators.through, ["review_id", "indicator_id"], now=now),
            "cause": Table(Review.causes.through, ["review_id", "povertycause_id"], now=now),
            "event": Table(ReviewEvent, ["review_id", "action", "from_status", "to_status", "actor_id", "at"],
                           now=now),
            "history": Table(HistoryEntry, ["household_id", "object_type", "object_id", "object_label", "action",
                                            "comment"], now=now),
        }
        import datetime

        from django.utils import timezone

        self.submitted_at = {y: timezone.make_aware(datetime.datetime(y, 12, 12, 9)) for y in YEARS}
        self.approved_at = {y: timezone.make_aware(datetime.datetime(y, 12, 19, 9)) for y in YEARS}
        self.effective = {y: datetime.date(y, 12, 14) for y in YEARS}
        weights = [share for _, _, share in TRANSITIONS]
        self.transitions = [(a, b) for a, b, _ in TRANSITIONS] + [("not_poor", "not_poor")]
        self.weights = weights + [1 - sum(weights)]

    def income(self, rng, year, area, category) -> int:
        poverty, average = self.lines[(year, area)]
        average = average or poverty * 3 // 2
        if category == "poor":
            low, high = poverty * 45 // 100, poverty
        elif category == "near_poor":
            low, high = poverty * 70 // 100, poverty
        elif category == "average":
            low, high = poverty + 10_000, average
        else:
            low, high = average + 10_000, average * 7 // 2
        return rng.randint(-(-low // 10_000), high // 10_000) * 10_000

    def commune(self, commune, count: int, first_household: int, first_review: int) -> dict[str, str]:
        """COPY text per table for ``count`` households of the commune, with ids from the given starts."""
        t = self.tables
        rng = random.Random(f"{self.plan.seed}-{commune.code}")
        area = commune.area
        villages = [f"Thôn {i}" for i in range(1, rng.randint(6, 14))]
        kinds = rng.choices(self.transitions, self.weights, k=count)
        review_id = first_review
        for n in range(count):
            hid = first_household + n
            cat_2023, cat_2024 = kinds[n]
            female = rng.random() < 0.2
            surname = rng.choice(SURNAMES)
            head = f"{surname} {rng.choice(FEMALE if female else MALE)}"
            labour = rng.random() > (0.35 if cat_2023 == "poor" else 0.06)
            size = rng.choice((1, 2, 2, 3, 3, 4, 4, 4, 5, 6)) if labour else rng.choice((1, 1, 2, 2, 3))
            ethnic = rng.random() < 0.03
            head_year = rng.randint(1950, 1998)
            for order in range(size):
                relation = RELATIONS[min(order, len(RELATIONS) - 1)]
                sex = ("female" if female else "male") if order == 0 else rng.choice(("male", "female"))
                family = surname if relation in ("child", "grandchild") else rng.choice(SURNAMES)
                name = head if order == 0 else f"{family} {rng.choice(FEMALE if sex == 'female' else MALE)}"
                year = head_year if order == 0 else head_year + rng.randint(-5, 40)
                t["member"].add(hid, name, year, sex, f"038{hid:07d}{order:02d}", relation,
                                labour and 18 <= 2024 - year <= 60, order)
            statuses = {2023: "approved", 2024: "approved"}
            if cat_2023 == cat_2024 and cat_2023 != "poor":
                roll = rng.random()
                statuses[2024] = "submitted" if roll < 0.015 else "draft" if roll < 0.02 else "approved"
            current = None
            for year, intended in ((2023, cat_2023), (2024, cat_2024)):
                income = self.income(rng, year, area, intended)
                count_ = rng.choice((3, 3, 4, 4, 5, 6) if intended == "poor" else (0, 0, 1, 1, 2, 2)
                                    if intended == "near_poor" else (0, 0, 0, 1, 2))
                snapshot = self.snapshots[year]
                category = self.classify(snapshot, area, income, count_)
                status = statuses[year]
                approved = status == "approved"
                submitted = status in ("submitted", "approved")
                t["review"].add(review_id, hid, commune.pk, year, "periodic", self.effective[year],
                                snapshot.standard_id, area, income, count_, category, labour, status, self.official,
                                self.official if submitted else None, self.submitted_at[year] if submitted else None,
                                self.approver if approved else None, self.approved_at[year] if approved else None)
                for indicator in rng.sample(self.indicators[year], count_):
                    t["indicator"].add(review_id, indicator)
                if category in ("poor", "near_poor") and self.causes:
                    for cause in rng.sample(self.causes, rng.randint(1, 2)):
                        t["cause"].add(review_id, cause)
                if status == "draft":
                    t["event"].add(review_id, "created", "", "draft", self.official, self.submitted_at[year])
                if submitted:
                    t["event"].add(review_id, "submitted", "draft", "submitted", self.official,
                                   self.submitted_at[year])
                if approved:
                    t["event"].add(review_id, "approved", "submitted", "approved", self.approver,
                                   self.approved_at[year])
                    current = (category, year)
                review_id += 1
            t["household"].add(hid, f"DT{n + 1:06d}", commune.pk, rng.choice(villages), head, area, ethnic, female,
                               labour, size, current[0] if current else "", current[1] if current else None)
            t["history"].add(hid, "household", hid, f"Hộ DT{n + 1:06d}", "create", "Dữ liệu đo tải (bench.dataset)")
        return {name: table.take() for name, table in t.items()}


# --------------------------------------------------------------------------- the build


MARK_TABLE = "bench_dataset"


def existing_mark(cursor):
    cursor.execute("SELECT to_regclass(%s)", [MARK_TABLE])
    if cursor.fetchone()[0] is None:
        return None
    cursor.execute(f"SELECT households, seed, seconds FROM {MARK_TABLE}")
    return cursor.fetchone()


#: the tables a household import writes (and a measured import, rolled back, leaves dead rows in)
IMPORT_TABLES = ("households_household", "households_member", "households_review", "households_review_causes",
                 "households_review_deprived_indicators", "households_reviewevent", "households_historyentry")


def vacuum_dead_rows(*, stdout=sys.stdout) -> None:
    """VACUUM (ANALYZE) the tables a rolled-back import left dead rows in, so that every run starts from the set
    as built. A measured import is rolled back, which leaves its 50.000 reviews, events and history rows as
    dead entries at the end of their indexes; the planner's look at an index's end (the actual range of a
    sorted column) then reads through them: after about twenty such imports the household page spent 27 ms
    planning one 0,3 ms query (11.000 buffers), 1 ms after a vacuum. Autovacuum would clean them in time, but
    not before the next measurement (and this machine's server runs with autovacuum off)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables WHERE relname = ANY(%s)",
                       [list(IMPORT_TABLES)])
        dead = cursor.fetchone()[0]
        if dead < 10_000:
            return
        started = time.perf_counter()
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(IMPORT_TABLES)}")
    print(f"  VACUUM (ANALYZE) sau các lần nhập đã hoàn tác: {fmt(dead)} dòng chết, "
          f"{time.perf_counter() - started:.0f} s", file=stdout, flush=True)


def build(households: int, seed: int = 2026, *, stdout=sys.stdout) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from households.models import Household, Review

    if connection.vendor != "postgresql":
        raise SystemExit("bench.dataset: cần PostgreSQL (DATABASE_URL=postgres://…).")
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        mark = existing_mark(cursor)
    if mark is not None and mark[0] == households and mark[1] == seed and mark[2] is not None:
        print(f"Bộ dữ liệu đo tải có sẵn: {fmt(households)} hộ (dựng mất {mark[2]:.0f} s), dùng lại.", file=stdout)
        vacuum_dead_rows(stdout=stdout)
        return {"households": households, "reused": True, "seconds": mark[2]}
    if mark is not None or Household.objects.exists():
        if mark is None:
            raise SystemExit("bench.dataset: cơ sở dữ liệu này đã có hộ gia đình không phải của bộ đo tải; "
                             "hãy dùng một cơ sở dữ liệu riêng (DATABASE_URL).")
        print(f"Xóa bộ dữ liệu đo tải cũ ({fmt(mark[0])} hộ{'' if mark[2] else ', dựng dở'}) để dựng lại…",
              file=stdout)
        _truncate()
    with connection.cursor() as cursor:  # marked first: an interrupted build is recognised and rebuilt
        cursor.execute(f"CREATE TABLE {MARK_TABLE} (households integer, seed integer, seconds real, "
                       "built_at timestamptz)")
        cursor.execute(f"INSERT INTO {MARK_TABLE} VALUES (%s, %s, NULL, NULL)", [households, seed])

    plan = plan_for(households, seed)
    province, district, communes = ensure_units(plan)
    users = ensure_users(province, district)
    now = timezone.now()
    generator = Generator(plan, users, now)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM households_household")
        first_household = cursor.fetchone()[0] + 1
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM households_review")
        first_review = cursor.fetchone()[0] + 1

    chunks: queue.Queue = queue.Queue(maxsize=3)

    def produce():
        try:
            h, r = first_household, first_review
            for commune, count in communes:
                chunks.put(generator.commune(commune, count, h, r))
                h, r = h + count, r + 2 * count
        except BaseException as exc:  # handed to the writer, which raises it
            chunks.put(exc)
        chunks.put(None)

    copy_started, next_report = time.perf_counter(), 100_000
    thread = threading.Thread(target=produce, name="bench-dataset", daemon=True)
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        # The rows are generated consistent: skip the deferred foreign-key checks (a third of the time)
        # where the role may (a superuser, as in CI and here); otherwise they run at commit.
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")
        raw = cursor.cursor
        thread.start()
        order = ["household", "member", "review", "indicator", "cause", "event", "history"]
        while True:
            item = chunks.get()
            if item is None:
                break
            if isinstance(item, BaseException):
                raise item
            for name in order:
                if item[name]:
                    raw.copy_expert(generator.tables[name].sql, io.StringIO(item[name]), size=1 << 20)
            written += item["household"].count("\n")
            if written >= next_report:
                print(f"  … {fmt(written)} hộ ({time.perf_counter() - started:.0f} s)", file=stdout, flush=True)
                next_report += 100_000
        for table in ("households_household", "households_review"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT MAX(id) FROM {table}))")
    thread.join()
    copy_seconds = time.perf_counter() - copy_started
    with connection.cursor() as cursor:
        # VACUUM too: the visibility map for index-only scans, and the trigram index's pending list merged
        cursor.execute("VACUUM ANALYZE")
    refresh_started = time.perf_counter()
    _refresh_figures([c for c, _ in communes])
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {MARK_TABLE} SET seconds = %s, built_at = now()", [seconds])
    counts = {t.name: t.count for t in generator.tables.values()}
    print(f"Đã dựng {fmt(households)} hộ trong {seconds:.0f} s (COPY {copy_seconds:.0f} s, số liệu tổng hợp "
          f"{time.perf_counter() - refresh_started:.0f} s): "
          + ", ".join(f"{name} {fmt(count)}" for name, count in counts.items()), file=stdout)
    assert Review.objects.count() >= 2 * households
    return {"households": households, "reused": False, "seconds": seconds, "copy_seconds": copy_seconds,
            "rows": counts}


def _truncate():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE households_household, dashboard_communeyearfigures CASCADE")
        cursor.execute(f"DROP TABLE IF EXISTS {MARK_TABLE}")


def _refresh_figures(communes):
    """The dashboard's pre-aggregated figures for every commune of the set."""
    from dashboard.services import figures_refresh

    ids = [c.pk for c in communes]
    for start in range(0, len(ids), 50):
        figures_refresh(commune_ids=ids[start:start + 50])


def main():
    setup_django()
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "1000000"))
    seed = int(os.environ.get("BENCH_SEED", "2026"))
    build(households, seed)


if __name__ == "__main__":
    main()
