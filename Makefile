# mlnotes — two commands do everything on a fresh machine:
#   make serve   set up, build both languages, serve at http://127.0.0.1:8000/ with live reload
#   make test    set up and run the whole test suite
# and more for maintainers:
#   make build   build both languages into site/ with --strict
#   make bench   run the speed benchmarks (ratios against the reference libraries)
#   make pdf     build the site, then the whole book as one PDF per language (site/<lang>/downloads/)
#   make screenshots  build the site, then every page at 1280 and 390 px in both languages, to look at

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0

.PHONY: setup serve build pdf screenshots test test-lib test-site bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "mlnotes needs Python >= 3.11, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

serve: setup
	@tools/system_deps.sh font
	$(BIN)/python tools/site.py serve

build: setup
	@tools/system_deps.sh font
	$(BIN)/python tools/site.py build

# Not part of `make build`: printing both books takes longer than the 20 s budget (see README).
pdf: build
	@tools/system_deps.sh chromium poppler
	$(BIN)/python tools/pdf.py

# Full-page PNGs in test-output/screenshots/pages/ (PAGES="ch4/convolution api/nn" for some pages only).
screenshots: build
	@tools/system_deps.sh chromium
	$(BIN)/python tools/screenshots.py $(PAGES)

test: setup
	@tools/system_deps.sh font chromium poppler
	$(MAKE) --no-print-directory test-lib test-site

# Library tests and doctests in two processes; then the site and browser tests, also in two
# processes (a test file stays in one, so its fixtures are made once) that share one cold build
# (tests/conftest.py: the first process builds, the other waits for it). Measured on two cores
# from clean: test-lib 37-42 s, test-site 223-252 s. Three site processes (284 s and 338 s against
# 308 s and 328 s with two, before the browser tests were made lighter) were no faster; four, or
# the library tests in the same run, were slower: the builds, Chromium and the tests already use
# both cores.
test-lib:
	$(BIN)/python -m pytest -n 2 -m "not site and not browser" -q

test-site:
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "site or browser" -q --durations=12

bench: setup
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf site test-output .pytest_cache
