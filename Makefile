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

# Four workers on two cores: the tests that drive the app in a pty (-m pty)
# spend most of their time waiting for it. The wall time is printed last.
test: $(STAMP) lint
	@start=$$(date +%s); $(BIN)/python -m pytest -n 4; status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s wall for the tests"; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: $(STAMP) pyz
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/serve_load.py

# One file with schuiftui and its packages: `python3 dist/schuiftui.pyz`.
pyz: $(STAMP)
	$(BIN)/python tools/build_pyz.py dist/schuiftui.pyz

clean:
	rm -rf $(VENV) build dist src/*.egg-info
