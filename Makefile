# Two commands for people: `make run` (demo app, worker and beat) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test venv demo-data lint bench clean

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
	$(MANAGE) create_demo_users
	$(MANAGE) seed_report_duties --demo
	$(MANAGE) open_report_runs
	$(MANAGE) generate_demo_households
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

# Benchmarks print figures and never fail on time (a fresh SQLite file unless DATABASE_URL is set).
bench: venv
	$(PY) tests/bench/bench_import_households.py
	$(PY) tests/bench/bench_dashboard.py

clean:
	rm -rf var .pytest_cache
