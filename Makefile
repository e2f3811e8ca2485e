# piiguard — `make run` to start the service, `make test` to prove it works. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# reinstall (and rebuild the scanner's compiled module) when any of these change
INSTALL_INPUTS := pyproject.toml setup.py $(wildcard src/piiguard/scanner/*.c src/piiguard/scanner/*.h)
INSTALL_HASH := $(shell cat $(INSTALL_INPUTS) | sha1sum | cut -c1-12)
# two stamps: `make run` needs the runtime only; `make test` adds the dev tools on top
RUNTIME_STAMP := $(VENV)/.installed-runtime-$(INSTALL_HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(INSTALL_HASH)
PIP := $(BIN)/python -m pip --disable-pip-version-check
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test coverage lint typecheck contracts unit bench trace requirements clean

help: ## show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-12s %s\n", $$1, $$2}'

$(RUNTIME_STAMP): $(INSTALL_INPUTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing piiguard into $(VENV) (first time takes a minute) ..."
	@$(PIP) install --quiet --upgrade pip
	@$(PIP) install --quiet -e .
	@# bytecode for piiguard's own modules now (pip compiles the dependencies' at install): the
	@# CLI then starts from .pyc even where PYTHONDONTWRITEBYTECODE is set (docs/benchmarks.md)
	@$(BIN)/python -m compileall -q -j 0 src > /dev/null
	@# the scanner's detectors compiled now into the user's cache folder (docs/scanner.md, "Using
	@# piiguard scan"): the first `piiguard scan` then starts at once, not after 3-10 s of compiling
	@$(BIN)/piiguard scan --prepare || echo "(not prepared now: the first scan will prepare them)"
	@rm -f $(VENV)/.installed-* && touch $@

# the dev extras (with the runtime's own requirements, so pip keeps both satisfied) without
# reinstalling piiguard itself
$(DEV_STAMP): $(RUNTIME_STAMP)
	@echo "Adding the dev tools (pytest, ruff, mypy, playwright, ...) to $(VENV) ..."
	@$(BIN)/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
		print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' \
		> $(VENV)/dev-requirements.txt
	@$(PIP) install --quiet -r $(VENV)/dev-requirements.txt
	@touch $@

install: $(RUNTIME_STAMP) ## create .venv and install piiguard (what it needs to run, nothing more)

install-dev: $(DEV_STAMP) ## install, then the dev tools make test uses (pytest, ruff, mypy, ...)

run: install ## initialise ./var (database, keys, reference data) and start the service
	@$(BIN)/piiguard serve

lint: install-dev ## ruff check and ruff format --check (run `.venv/bin/ruff format src tests bench` to fix the latter)
	@$(BIN)/ruff check src tests bench
	@$(BIN)/ruff format --check src tests bench

typecheck: install-dev ## mypy --strict on src/
	@$(BIN)/mypy --strict src

contracts: install-dev ## import-linter: the layering of docs/architecture.md
	@$(BIN)/lint-imports

test: install-dev lint typecheck contracts ## lint, types, layering, the whole test suite
	@$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal --durations=15 $(PYTEST_ARGS)

# coverage's tracer costs about a fifth more CPU on Python 3.11: measured apart, so that the
# suite everyone runs stays under ten minutes (docs/benchmarks.md "Test suite time")
coverage: install-dev ## the whole test suite under branch coverage, with the summary per package
	@$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal --cov --cov-report= $(PYTEST_ARGS); status=$$?; \
		$(BIN)/python -m tests.coverage_summary; exit $$status

unit: install-dev ## only the fast unit tests
	@$(BIN)/pytest -n $(PYTEST_WORKERS) tests/unit

bench: install ## benchmarks (not part of the tests); figures go to docs/benchmarks.md
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	@# bytecode for what changed since the install, as an installation has it: where
	@# PYTHONDONTWRITEBYTECODE is set, each timed `piiguard scan` would compile it again
	@$(BIN)/python -m compileall -q -j 0 src > /dev/null
	@$(BIN)/python -m bench $(BENCH)

trace: install-dev ## docs/traceability.md and the copy the package ships: which tests prove each requirement (from @pytest.mark.req)
	@$(BIN)/pytest tests --collect-only -q -p no:xdist --req-report docs/traceability.md \
		--req-json src/piiguard/data/traceability.json > /dev/null
	@echo "wrote docs/traceability.md and src/piiguard/data/traceability.json"

requirements: ## refresh docs/requirements.md from ../shared/REQUIREMENTS.md (the list tests cite)
	@{ head -n 2 docs/requirements.md; cat ../shared/REQUIREMENTS.md; } > docs/requirements.md.new
	@mv docs/requirements.md.new docs/requirements.md && echo "wrote docs/requirements.md"

clean: ## remove the virtualenv and caches (keeps ./var, which holds your data and keys)
	rm -rf $(VENV) .mypy_cache .ruff_cache build src/*.egg-info
