# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run run-rq test test-clocks install bench lint check messages scale-data browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# The site with demo data, the web server and the background worker together.
# Links in messages and feeds point at the port served, unless BASE_URL says otherwise.
run run-rq: export BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	@echo "Ensemble: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker --interval 2 & \
	$(BIN)/python manage.py dispatch_outbox --loop 30 & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The same with the production task queue: RQ on Redis (RQ_REDIS_URL, default
# redis://127.0.0.1:6379/0) instead of the database queue (docs/notifications.md).
run-rq: export TASKS_BACKEND = django_tasks_rq.RQBackend
run-rq: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	@echo "Ensemble: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py rqworker --job-class django_tasks_rq.backend.Job $(sort default $(ENSEMBLE_OUTBOX_QUEUE)) & \
	$(BIN)/python manage.py dispatch_outbox --loop 30 & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL).
test: install
	$(BIN)/python -m pytest

# The date-sensitive tests again, each run starting at an instant that has broken
# dates before: the last Saturday of a month (its Sunday in the next month), New
# Year's Eve, the Sundays of the spring and autumn clock changes in Québec, and the
# digest's Thursday 15:00. Two runs at a time; each log in artifacts/clocks/.
CLOCKS ?= 2027-07-31T22:00 2026-12-31T23:30 2027-03-14T01:30 2027-11-07T01:30 2026-12-10T15:00
CLOCK_TESTS ?= tests/notifications tests/digest tests/calendars \
	tests/events/test_discovery.py tests/forwarding/test_weekend_flyer.py \
	tests/rsvp/test_rsvp_retention.py tests/rsvp/test_schedule.py \
	tests/core/test_formatting.py tests/reports tests/partner_feeds

test-clocks: install
	@mkdir -p artifacts/clocks
	@printf '%s\n' $(CLOCKS) | xargs -P 2 -I{} sh -c \
		'log=artifacts/clocks/{}.log; \
		if $(BIN)/python -m pytest -q --clock {} $(CLOCK_TESTS) >$$log 2>&1; \
		then echo "clock {}: $$(tail -n 1 $$log)"; \
		else cat $$log; echo "clock {}: FAILED (log: $$log)"; exit 255; fi'

bench: install
	$(BIN)/python -m bench

scale-data: install
	$(BIN)/python manage.py load_scale_data

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Refresh locale/*/django.po from the code (see locale/README.md).
messages: install
	$(BIN)/python manage.py makemessages -l fr -l es -l en --add-location file --no-obsolete \
		--ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*" --ignore "bench/*"
	$(BIN)/python manage.py compile_translations

# Optional parts of the test suite: ical.js under Node, and Debian's Chromium.
browser-deps:
	@command -v npm >/dev/null && npm ci --silent --prefix tests/calendars/icaljs || \
		echo "npm not found: the ical.js calendar checks will be skipped"
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: browser tests will be skipped"; }

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm
