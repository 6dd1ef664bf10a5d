# Libertas: `make run` to try the site, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APPS := prisoners sponsorships donations campaign
LANGS := -l fr -l hy
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: review bench soak run test venv check lint format messages extract-messages backup restore clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

run: venv
	DJANGO_DEBUG=1 $(PY) manage.py migrate --no-input
	@echo
	@DJANGO_DEBUG=1 $(PY) manage.py load_demo
	@echo "Admin: http://127.0.0.1:8000/en/admin/"
	@echo "Libertas runs at http://127.0.0.1:8000/"
	@echo
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

# The checks CI runs besides the tests.
check: venv extract-messages
	DJANGO_DEBUG=1 $(PY) manage.py check
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_DEBUG=1 $(PY) manage.py check_translations

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Each app keeps its own catalogue; project-wide strings (templates/, libertas/) and
# the Armenian translation of django-allauth live in locale/. The translations of the
# packages' strings (locale/packages, locale/allauth) are written by hand and never extracted;
# templates/admin/search_form.html is Django's own template (its strings are Django's).
extract-messages: venv
	DJANGO_DEBUG=1 $(PY) manage.py makemessages $(LANGS) --no-obsolete --no-location \
		$(foreach app,$(APPS),--ignore '$(app)/*') --ignore '.venv/*' --ignore 'staticfiles/*' \
		--ignore 'templates/admin/search_form.html'
	@for app in $(APPS); do (cd $$app && mkdir -p locale && \
		env -u DJANGO_SETTINGS_MODULE ../$(VENV)/bin/django-admin makemessages $(LANGS) --no-obsolete --no-location) || exit 1; done

messages: extract-messages
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

# Database (as JSON, any engine) and media files in one archive under backups/.
backup: venv
	$(PY) manage.py backup

# make restore FILE=backups/libertas-20261122-101500.tar.gz
restore: venv
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/<archive>.tar.gz" && exit 2)
	$(PY) manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# The speed budgets (DESIGN.md), measured at 10 and 10,000 detainees: writes BENCHMARKS.md.
# SQLite always; PostgreSQL too when DATABASE_URL points at a server (the bench makes and drops
# its own databases libertas_bench_10 and libertas_bench_10000 there). Not part of `make test`.
bench: venv
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get install -y wrk; \
		else echo "wrk is missing: sudo apt-get install wrk"; exit 1; fi; }
	@test -x .bench/node_modules/.bin/lighthouse || npm install --prefix .bench --no-audit --no-fund lighthouse
	DJANGO_DEBUG=1 $(PY) -m tools.bench
	@# The spike of issue 19: needs Redis (SPIKE_REDIS, default redis://127.0.0.1:6379, DBs 7 and 8).
	DJANGO_DEBUG=1 $(PY) -m tools.spike

# 64 connections for 60 s across home, list, profile, sponsors wall and donate under gunicorn:
# fails on any error or 5xx, prints throughput and p99 latency. Not part of `make test`.
soak: venv
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get install -y wrk; \
		else echo "wrk is missing: sudo apt-get install wrk"; exit 1; fi; }
	DJANGO_DEBUG=1 $(PY) -m tools.soak

# Every page (phone and desktop, three languages), e-mail, PDF, share image and export, rendered
# from a temporary database into review/index.html for a person to look at. Not part of `make test`.
review: venv
	DJANGO_DEBUG=1 $(PY) -m tools.review $(REVIEW_ARGS)
