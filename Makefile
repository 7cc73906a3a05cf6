# Two commands do everything: `make run` starts the whole system, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# Reinstalls only when requirements.txt changed since the last install.
STAMP := $(VENV)/.installed-requirements

.PHONY: help install run test lint bench audit audit-code

help:
	@echo "make run    set up (virtualenv, packages, database, demo data) and start web, worker and beat"
	@echo "make test   run the whole test suite against real PostgreSQL and Redis (ARGS=... passes pytest arguments)"
	@echo "make lint   ruff check"
	@echo "make bench  run the benchmarks in bench/ against real PostgreSQL and Redis"
	@echo "make audit  bandit (medium and up) on the code, then pip-audit of requirements.txt (needs the PyPI advisory API)"

install: $(STAMP)

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --quiet --requirement requirements.txt
	@cp requirements.txt $(STAMP)

run: install
	$(PY) scripts/run_local.py

test: install
	$(PY) scripts/test_services.py $(ARGS)

lint: install
	$(VENV)/bin/ruff check .

bench: install
	$(PY) scripts/test_services.py --exec $(PY) scripts/run_bench.py $(ARGS)


# Security audit. `audit-code` (bandit) runs offline and in CI; pip-audit asks PyPI's vulnerability API and fails
# (--strict) when it cannot audit a package, so a machine without that API cannot pass it silently.
audit-code: install
	$(VENV)/bin/bandit -c pyproject.toml -r . --severity-level medium --confidence-level low -q

audit: audit-code
	$(VENV)/bin/pip-audit --strict --progress-spinner off -r requirements.txt
