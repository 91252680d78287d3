# Two commands for people: `make run` (demo app, worker and beat) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run serve test venv demo-data lint bench bench-data bench-small clean backup restore print-check

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# Everything `make run` needs, started nothing: venv, database, demo data, demo users.
setup: venv
	$(MANAGE) migrate --noinput
	$(MAKE) --no-print-directory demo-data
	$(MANAGE) collectstatic --noinput --verbosity 0

# Demo data built from the seeds (../shared/seeds): every step is idempotent. The units of Thanh Hóa (38) and
# Yên Bái + Lào Cai (new Lào Cai, 15) on both maps, old and since 01/07/2025; `load_admin_units` alone loads all.
demo-data:
	$(MANAGE) loaddata units agencies_thoxuan
	$(MANAGE) load_admin_units --province 38 --province 15
	$(MANAGE) load_seed_plans
	$(MANAGE) load_demo_funds
	$(MANAGE) create_demo_users
	$(MANAGE) seed_report_duties --demo
	$(MANAGE) open_report_runs
	$(MANAGE) generate_demo_households
	$(MANAGE) rehome_households
	$(MANAGE) fill_household_totals --unit 395
	$(MANAGE) refresh_dashboard

# Web server, Celery worker and Celery beat together; Ctrl-C stops all three.
run: setup
	@echo "Mở http://$(HOST):$(PORT)/ — Ctrl-C để dừng."
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
	$(VENV)/bin/celery -A povertyapp worker --loglevel=INFO --concurrency=2 & \
	$(VENV)/bin/celery -A povertyapp beat --loglevel=INFO & \
	$(MANAGE) runserver $(HOST):$(PORT) --noreload & \
	wait

# SQLite by default; DATABASE_URL=postgres://... and CELERY_BROKER_URL=redis://... switch services.
test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .

# Production settings on this machine: gunicorn (gunicorn.conf.py) and a Celery worker, against PostgreSQL
# and Redis, static files from WhiteNoise's manifest; plain HTTP on $(HOST):$(PORT), so secure cookies and
# the HTTPS redirect are off here (a real server keeps the defaults behind its TLS proxy).
SERVE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/povertyapp
SERVE_BROKER_URL ?= redis://127.0.0.1:6379/0
SERVE_ENV = DJANGO_SETTINGS_MODULE=povertyapp.settings.production \
	DATABASE_URL=$${DATABASE_URL:-$(SERVE_DATABASE_URL)} CELERY_BROKER_URL=$${CELERY_BROKER_URL:-$(SERVE_BROKER_URL)} \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)} DJANGO_ALLOWED_HOSTS=$(HOST),localhost \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_SECURE_HSTS_SECONDS=0 \
	GUNICORN_BIND=$(HOST):$(PORT)
serve: venv
	@mkdir -p var && test -s var/secret_key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Mở http://$(HOST):$(PORT)/ (gunicorn, cấu hình production) — Ctrl-C để dừng."
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
	$(SERVE_ENV) $(VENV)/bin/celery -A povertyapp worker --loglevel=INFO --concurrency=2 & \
	$(SERVE_ENV) $(VENV)/bin/gunicorn -c gunicorn.conf.py povertyapp.wsgi:application & \
	wait

# The scale benchmark (issue 12): builds BENCH_HOUSEHOLDS households in PostgreSQL once (reused), then
# measures pages, reports, export, import and 50 users on gunicorn; prints a table, writes bench/results.json.
# Figures only: it never fails because something is slow.
BENCH_HOUSEHOLDS ?= 1000000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/povertyapp_bench
BENCH_ENV = DJANGO_SETTINGS_MODULE=povertyapp.settings.bench BENCH_HOUSEHOLDS=$(BENCH_HOUSEHOLDS) \
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)}
bench: venv
	@$(BENCH_ENV) $(PY) -m bench.createdb
	$(BENCH_ENV) $(PY) -m bench.run

# The data set alone, into DATABASE_URL's database (for other measuring scripts).
bench-data: venv
	@$(BENCH_ENV) $(PY) -m bench.createdb
	$(BENCH_ENV) $(PY) -m bench.dataset

# The earlier small benchmarks: import speed and dashboard on a fresh SQLite file (or DATABASE_URL).
bench-small: venv
	$(PY) tests/bench/bench_import_households.py
	$(PY) tests/bench/bench_dashboard.py
	$(PY) tests/bench/bench_load_admin_units.py

# PostgreSQL only (DATABASE_URL): the database with pg_dump and the media folder, into BACKUP_DIR.
BACKUP_DIR ?= backups
backup:
	scripts/backup.sh $(BACKUP_DIR)

# Into an EMPTY database: make restore DUMP=backups/giamngheo-....dump MEDIA=backups/media-....tar.gz
restore:
	scripts/restore.sh $(DUMP) $(MEDIA)

# The demo's workbooks printed to PDF by LibreOffice, where installed: page counts per file and sheet (README).
print-check: venv
	mkdir -p var/print
	$(MANAGE) build_report annual --year 2024 --unit 395 --output var/print/bao-cao-nam-2024-395.xlsx
	$(MANAGE) export_households --commune 395 --year 2024 --output var/print/ra-soat-2024-395.xlsx
	$(MANAGE) export_households --commune "Thọ Xuân/Xuân Bái" --year 2024 --output var/print/ra-soat-2024-xuan-bai.xlsx
	$(MANAGE) export_quotas --plan thoxuan-2024 --year 2024 --output var/print/chi-tieu-2024-thoxuan.xlsx
	$(MANAGE) export_funds --plan thoxuan-2024 --year 2024 --output var/print/kinh-phi-2024-thoxuan.xlsx
	$(PY) scripts/pdf_pages.py var/print/*.xlsx

clean:
	rm -rf var .pytest_cache
