# Two commands do all set-up: `make run` builds the warehouse from seeds/, `make test` runs the tests.
# Both create .venv and install the project (editable, with test tools) on first use.
# The interpreter the venv is made from: PYTHON if set, else the system's /usr/bin/python3 when it
# is 3.11+ and can make a venv, else python3 from PATH. A distribution's CPython is built with PGO
# and LTO and links libpython statically: the extractors run about 5% faster on Debian's than on
# pyenv's default build (a shared libpython, no PGO), which is often first on PATH.
ifndef PYTHON
PYTHON := $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' \
            >/dev/null 2>&1 && echo /usr/bin/python3 || echo python3)
endif
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test ui bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("news-warehouse needs Python 3.11 or newer (set PYTHON=python3.12, say)") \
	    if sys.version_info < (3, 11) else print("making $(VENV) from", sys.executable, sys.version.split()[0], "(set PYTHON= to choose another)")'
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
