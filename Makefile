# piiguard — `make run` to start the service, `make test` to prove it works. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# reinstall (and rebuild the scanner's compiled module) when any of these change
INSTALL_INPUTS := pyproject.toml setup.py $(wildcard src/piiguard/scanner/*.c)
STAMP := $(VENV)/.installed-$(shell cat $(INSTALL_INPUTS) | sha1sum | cut -c1-12)
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help install run test lint typecheck contracts unit bench trace requirements clean

help: ## show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): $(INSTALL_INPUTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing piiguard and its tools into $(VENV) (first time takes a minute) ..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP) ## create .venv and install piiguard with its dev tools

run: install ## initialise ./var (database, keys, reference data) and start the service
	@$(BIN)/piiguard serve

lint: install ## ruff
	@$(BIN)/ruff check src tests bench

typecheck: install ## mypy --strict on src/
	@$(BIN)/mypy --strict src

contracts: install ## import-linter: the layering of docs/architecture.md
	@$(BIN)/lint-imports

test: install lint typecheck contracts ## lint, types, layering, then the whole test suite
	@$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

unit: install ## only the fast unit tests
	@$(BIN)/pytest -n $(PYTEST_WORKERS) tests/unit

bench: install ## benchmarks (not part of the tests); figures go to docs/benchmarks.md
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	@$(BIN)/python -m bench $(BENCH)

trace: install ## docs/traceability.md: which tests prove each requirement (from @pytest.mark.req)
	@$(BIN)/pytest tests --collect-only -q -p no:xdist --req-report docs/traceability.md > /dev/null
	@echo "wrote docs/traceability.md"

requirements: ## refresh docs/requirements.md from ../shared/REQUIREMENTS.md (the list tests cite)
	@{ head -n 2 docs/requirements.md; cat ../shared/REQUIREMENTS.md; } > docs/requirements.md.new
	@mv docs/requirements.md.new docs/requirements.md && echo "wrote docs/requirements.md"

clean: ## remove the virtualenv and caches (keeps ./var, which holds your data and keys)
	rm -rf $(VENV) .mypy_cache .ruff_cache build src/*.egg-info
