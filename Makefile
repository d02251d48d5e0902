# The README's two commands: `make run` (serve the app) and `make test` (the whole suite).
# Each creates or reuses the virtualenv in .venv and installs requirements.txt first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed
export FLASK_APP := app:create_app

.PHONY: setup run test translations bench

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

translations: $(STAMP)
	$(BIN)/pybabel -q compile -d app/translations

setup: $(STAMP) translations

run: setup
	$(BIN)/flask db upgrade
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: setup
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/bench_dockersim.py
	$(BIN)/python bench/bench_storage.py
	$(BIN)/python bench/bench_web.py
	$(BIN)/python bench/bench_gunicorn.py
