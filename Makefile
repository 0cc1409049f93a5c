# Two commands for users: `make run` (the main job on the bundled samples) and `make test`.
# Everything runs from .venv/ and keeps its state under .data/; `make stop` stops the private PostgreSQL.

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help install run test db stop up down logs bench lock clean reliability fuzz

help:
	@echo "make run    the main job: set up, ingest samples/ through Airflow into PostgreSQL, print a report"
	@echo "make test   the whole test suite (same set-up first)"
	@echo "make up     start the local Airflow stack (UI, scheduler, dag-processor, triggerer)"
	@echo "make down   stop the local Airflow stack"
	@echo "make logs   where each Airflow component logs"
	@echo "make stop   stop the Airflow stack and the private PostgreSQL cluster"
	@echo "make lock   recompile requirements.lock from requirements.in"
	@echo "make clean  stop and delete .data/ (all local state)"

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required (python3.11, python3.12 …)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# uv installs the lock in seconds; fall back to pip when uv cannot be had.
	@if $(VENV)/bin/pip install -q uv >/dev/null 2>&1 && $(VENV)/bin/uv --version >/dev/null 2>&1; then \
		$(VENV)/bin/uv pip install -q --python $(PY) -r requirements.lock && \
		$(VENV)/bin/uv pip install -q --python $(PY) --no-deps -e . ; \
	else \
		$(VENV)/bin/pip install -q -r requirements.lock && $(VENV)/bin/pip install -q --no-deps -e . ; \
	fi
	@touch $(STAMP)

# The text stage compiled with mypyc (issue #8; pure Python runs the same code, slower): built in place beside the
# sources when mypy (from the lock) and a C compiler are there, rebuilt when a compiled source changes; else pure
# Python with a one-line notice. `make install MYPYC=0` removes the build; NEWS_PURE_PYTHON=1 ignores it at run time,
# and pipeline/_mypyc.py ignores it on its own once any compiled source is edited.
MYPYC ?= 1
# The modules are listed once, as COMPILED in setup.py.
COMPILED_SOURCES := $(patsubst %,pipeline/%.py,$(shell sed -n 's/^COMPILED = \[\(.*\)\]/\1/p' setup.py | tr -d '",'))
COMPILED_STAMP := $(VENV)/.compiled-$(MYPYC)
COMPILED_FILES := pipeline/*.cpython-*.so pipeline/_compiled.txt

$(COMPILED_STAMP): $(STAMP) setup.py $(COMPILED_SOURCES)
	@rm -f $(COMPILED_FILES) $(VENV)/.compiled-*
	@if [ "$(MYPYC)" != 1 ]; then echo "MYPYC=$(MYPYC): the text stage runs as pure Python"; \
	elif ! command -v $${CC:-cc} >/dev/null 2>&1; then echo "no C compiler: the text stage runs as pure Python"; \
	elif ! $(PY) -c "import mypyc.build" >/dev/null 2>&1; then echo "no mypyc: the text stage runs as pure Python"; \
	elif NEWS_MYPYC=1 $(PY) setup.py build_ext --inplace >$(VENV)/mypyc.log 2>&1; then \
		echo "text stage compiled with mypyc (NEWS_PURE_PYTHON=1 runs the sources)"; \
	else rm -f $(COMPILED_FILES); echo "mypyc build failed ($(VENV)/mypyc.log): the text stage runs as pure Python"; fi
	@touch $@

install: $(STAMP) $(COMPILED_STAMP)

db: install
	@$(PY) -m pipeline db migrate

run: db
	@$(PY) -m pipeline run

test: db
	@$(PY) -m pipeline airflow version >/dev/null
	$(PY) -m pytest -q --durations=15 $(PYTEST_ARGS)

up: db
	@$(PY) -m pipeline stack up

down:
	@test -x $(PY) && $(PY) -m pipeline stack down || true

logs:
	@$(PY) -m pipeline stack logs

stop: down
	@test -x $(PY) && $(PY) -m pipeline db stop || true

# The hostile-input corpus and the fault scenarios; the last line is the verdict (non-zero exit on a crash, a lost row
# or a duplicate).
reliability: db
	@$(PY) -m pipeline reliability

# A long property-based campaign (FUZZ_EXAMPLES per target; `make test` runs a small profile of the same tests).
FUZZ_EXAMPLES ?= 10000
fuzz: install
	NEWS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -p no:cacheprovider --hypothesis-show-statistics \
		--timeout=0 tests/unit/test_fuzz_pipeline.py

bench: db
	@$(PY) -m pipeline bench $(BENCH_ARGS)

lock:
	@$(VENV)/bin/uv pip compile -q requirements.in --python-version 3.11 -o requirements.lock

clean: stop
	rm -rf .data build $(COMPILED_FILES) $(VENV)/.compiled-*
