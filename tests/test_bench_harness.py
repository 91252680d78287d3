"""The scale benchmark's load harness reads its figures right (bench.run): statuses from gunicorn's access log,
the CPU shares in the printed table. No timing is asserted (make bench prints figures only)."""

from bench import run
from bench.run import statuses


def test_statuses_counts_the_access_log_from_the_offset(tmp_path):
    log = tmp_path / "access.log"
    before = '127.0.0.1 "GET /dang-nhap/ HTTP/1.1" 200 5120 12ms "python-urllib/3.11"\n'
    log.write_text(before + (
        '127.0.0.1 "GET /ho-gia-dinh/?q=L%C3%AA+V%C4%83n HTTP/1.1" 200 28067 229ms "python/gevent-http-client-2.6.1"\n'
        '127.0.0.1 "GET /tong-quan/?don_vi=1 HTTP/1.1" 200 269356 1263ms "python/gevent-http-client-2.6.1"\n'
        '127.0.0.1 "GET /ho-gia-dinh/12/ HTTP/1.1" 302 0 8ms "python/gevent-http-client-2.6.1"\n'
        '127.0.0.1 "GET /ho-gia-dinh/13/ HTTP/1.1" 500 145 30ms "a \\"quoted\\" agent"\n'
    ), encoding="utf-8")
    assert statuses(log, len(before.encode())) == {"200": 2, "302": 1, "500": 1}
    assert statuses(log, 0)["200"] == 3


def test_table_shows_where_the_cpu_went():
    load = {"users": 50, "seconds": 60, "think_time": "0", "requests": 3000, "failures": 0, "p50_ms": 800.0,
            "p95_ms": 1200.0, "p99_ms": 1500.0, "rps": 50.0, "pages": {},
            "cpu": {"requests": 2500, "locust": {"cpu_s": 3.0, "ms_per_request": 1.2},
                    "gunicorn": {"cpu_s": 70.0, "ms_per_request": 28.0},
                    "postgresql": {"cpu_s": 15.0, "ms_per_request": 6.0},
                    "redis": {"cpu_s": 0.5, "ms_per_request": 0.2},
                    "rest of the machine": {"cpu_s": 2.5, "ms_per_request": 1.0}}}
    text = run.table({"dataset": {"households": 1000}, "machine": {"cpus": 2}, "load": [load]})
    assert "| 50 người dùng, nghỉ 0, 60 s | 50.0 |" in text
    assert ("CPU mỗi yêu cầu, nghỉ 0 (2500 yêu cầu, cùng 2 lõi): locust (máy khách) 1.2 ms · gunicorn 28.0 ms · "
            "PostgreSQL 6.0 ms · Redis 0.2 ms · phần còn lại của máy 1.0 ms") in text


def test_table_shows_a_list_pages_own_work_beside_the_room_its_ratio_goal_leaves():
    floor = {"huyện": {"request_ms": 2.0, "layout_ms": 2.5, "layout_sql_ms": 0.5}}
    pages = [
        {"page": "list", "label": "danh sách hộ, trang đầu", "scope": "huyện", "app_ms": 15.0, "raw_sql_ms": 3.0,
         "admin_ms": 44.0, "queries": 10, "orm_compile_ms": 1.8, "goal_ms": 60},
        {"page": "search", "label": "danh sách hộ, tìm", "scope": "huyện", "app_ms": 35.0, "raw_sql_ms": 21.0,
         "admin_ms": 84.0, "queries": 9, "goal_ms": None},
    ]
    text = run.table({"dataset": {"households": 1000}, "machine": {"cpus": 2}, "pages": pages, "floor": floor})
    # own work: 15 − 3 − (2,5 − 0,5) = 10; room under ≤ 3× SQL: 2 × 3 − 2 = 4
    assert ("≤ 60 ms: đạt; ≤ 3× SQL: CHƯA ĐẠT (việc riêng 10.0 ms, ORM biên dịch SQL 1.8 ms trong đó; "
            "chỗ cho nó 4.0 ms) |") in text
    assert "| 9 | ≤ 3× SQL: đạt |" in text  # a met goal needs no detail
    assert "huyện 2.0 ms, với bố cục 2.5 ms (SQL 0.5)" in text


def test_the_floor_urls_answer_a_signed_in_user_only(client, django_user_model):
    from django.test import override_settings

    with override_settings(ROOT_URLCONF="bench.floor_urls"):
        assert client.get("/__bench/floor/").status_code == 302  # to the login page
        client.force_login(django_user_model.objects.create_user("floor.xa", password="x"))
        assert client.get("/__bench/floor/").status_code == 200
        layout = client.get("/__bench/layout/")
        assert layout.status_code == 200 and b"</html>" in layout.content


def test_the_table_names_the_machines_speed_for_plain_python():
    assert run.python_loop_ms(rounds=1) > 0
    text = run.table({"dataset": {"households": 1000}, "machine": {"cpus": 2, "cpu": "X", "python_loop_ms": 131.4}})
    assert text.startswith("Bộ dữ liệu: 1.000 hộ · máy: 2 lõi, X · PostgreSQL  · vòng lặp Python chuẩn 131 ms")


def test_the_orm_compile_clock_times_outermost_compilations_and_puts_django_back(db, django_user_model):
    from django.db.models.sql import compiler

    before = (compiler.SQLCompiler.as_sql, compiler.SQLAggregateCompiler.as_sql)
    with run.orm_compile_clock() as spent:
        assert spent == [0.0]
        # a count over a sliced queryset: an aggregate query compiling a subquery inside it
        django_user_model.objects.filter(username__startswith="x")[:10].count()
        once = spent[0]
        assert once > 0
        str(django_user_model.objects.filter(pk__in=django_user_model.objects.values("pk")).query)
        assert spent[0] > once
    assert (compiler.SQLCompiler.as_sql, compiler.SQLAggregateCompiler.as_sql) == before
