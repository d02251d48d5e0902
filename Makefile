# The README's two commands: `make run` (serve the app) and `make test` (the whole suite).
# Each creates or reuses the virtualenv in .venv and installs the locked versions first:
# `make run` the runtime lock (requirements.lock), `make test` and `make lint` the development
# lock (requirements-dev.lock: runtime + test and lint tools). `make lock` rebuilds both locks
# from the ranges in requirements.txt / requirements-dev.txt (docs/dependencies.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
PIP_COMPILE := $(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
export FLASK_APP := app:create_app

.PHONY: setup setup-dev run test lint lock translations bench

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	@touch $@

$(DEV_STAMP): requirements-dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	@touch $@ $(RUNTIME_STAMP)

translations:
	$(BIN)/pybabel -q compile -d app/translations

setup: $(RUNTIME_STAMP)
	@$(MAKE) --no-print-directory translations

setup-dev: $(DEV_STAMP)
	@$(MAKE) --no-print-directory translations

run: setup
	$(BIN)/flask db upgrade
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: setup-dev
	$(BIN)/pytest

# Lint, format check, types (strict on the pure packages) and the import contracts.
lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

lock: setup-dev
	$(PIP_COMPILE) -o requirements.lock requirements.txt
	$(PIP_COMPILE) -o requirements-dev.lock requirements-dev.txt

bench: setup-dev
	$(BIN)/python bench/bench_dockersim.py
	$(BIN)/python bench/bench_storage.py
	$(BIN)/python bench/bench_lines.py
	$(BIN)/python bench/bench_web.py
	$(BIN)/python bench/bench_gunicorn.py
	$(BIN)/python bench/bench_assignments.py
	$(BIN)/python bench/bench_gradebook.py
