# Two commands do all set-up: `make run` builds the warehouse from seeds/, `make test` runs the tests.
# Both create .venv and install the project (editable, with test tools) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test ui bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "news-warehouse needs Python 3.11 or newer (set PYTHON=python3.12, say)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/news-warehouse build

test: $(STAMP)
	$(BIN)/pytest -n 2

ui: $(STAMP)
	$(BIN)/news-warehouse ui

bench: $(STAMP)
	$(BIN)/python bench/extract_speed.py

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/*.staging .dagster_home
