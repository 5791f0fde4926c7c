# Find Your Place: `make run` runs the product, `make test` passes every test.
# Each target sets itself up and is quick the second time (stamp files).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RASA_VENV := .venv-rasa
RASA_PY := $(RASA_VENV)/bin/python
export DIRECTORY_DATABASE_URL ?= sqlite:///$(CURDIR)/var/directory.db

.PHONY: run test test-directory lint bench-search migrate seed clean help

help:
	@echo "make run          - set up and run the product (directory on http://127.0.0.1:8000)"
	@echo "make test         - set up and run every test suite"
	@echo "make bench-search - search latency and memory at 1k/10k/100k services"

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

venv: $(VENV)/.installed

migrate: $(VENV)/.installed
	$(PY) -m directory migrate

seed: migrate
	$(PY) -m directory seed --if-empty

lint: $(VENV)/.installed
	$(PY) -m ruff check directory tests/directory scripts

test-directory: $(VENV)/.installed
	$(PY) -m pytest tests/directory -q

test: lint test-directory

run: seed
	@echo "Directory API: http://127.0.0.1:8000/services  (docs: http://127.0.0.1:8000/docs)"
	$(PY) -m directory serve --host 127.0.0.1 --port 8000

bench-search: $(VENV)/.installed
	$(PY) -m bench.search

clean:
	rm -rf var models results .pytest_cache
