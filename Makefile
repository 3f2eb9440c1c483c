# `make run` and `make test` set up .venv on first use; nothing else is needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench pyz clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/schuiftui sessions

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: $(STAMP) pyz
	$(BIN)/python benchmarks/bench.py

# One file with schuiftui and its packages: `python3 dist/schuiftui.pyz`.
pyz: $(STAMP)
	$(BIN)/python tools/build_pyz.py dist/schuiftui.pyz

clean:
	rm -rf $(VENV) build dist src/*.egg-info
