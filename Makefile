# Everything a fresh machine needs, from Python 3.11+ and make alone.
PYTHON ?= python3
VENV := .venv
GEN_VENV := .venv-gen
BIN := $(VENV)/bin

.PHONY: help install generate check-generated demo test lint typecheck pytest bench clean

help:
	@echo "make demo             run the main job against the local sandbox"
	@echo "make test             format check, lint, mypy, check-generated, pytest"
	@echo "make generate         regenerate generated/ from openapi.yaml"
	@echo "make check-generated  fail if generated/ is stale"
	@echo "make bench            benchmarks against raw httpx, into docs/benchmarks.md"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(GEN_VENV)/bin/.installed: requirements-generator.txt
	$(PYTHON) -m venv $(GEN_VENV)
	$(GEN_VENV)/bin/python -m pip install --quiet -r requirements-generator.txt
	touch $@

install: $(BIN)/.installed

generate: $(GEN_VENV)/bin/.installed
	scripts/generate.sh

check-generated: $(GEN_VENV)/bin/.installed
	scripts/generate.sh --check

demo: $(BIN)/.installed
	$(BIN)/python scripts/demo.py

lint: $(BIN)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(BIN)/.installed
	$(BIN)/mypy

pytest: $(BIN)/.installed $(GEN_VENV)/bin/.installed
	scripts/install-prism.sh
	$(BIN)/pytest

test: lint typecheck check-generated pytest

bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) $(GEN_VENV) .prism .pytest_cache .mypy_cache .ruff_cache
