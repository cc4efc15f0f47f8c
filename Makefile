# legal-kiosk — `make run` starts the kiosk, `make test` runs the whole suite.
# Both set up everything first (Debian packages when root, .venv, translations).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Debian packages the kiosk needs at run time and for its tests.
DEB_PACKAGES := fonts-noto-cjk libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 \
	libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libpulse0 libegl1 libgl1 libfontconfig1 \
	libdbus-1-3 espeak-ng alsa-utils xvfb xauth x11-utils

.PHONY: install system-deps run demo test lint bench screenshots docs translations clean

install: system-deps $(STAMP) translations

system-deps:
	@bash tools/install-system-deps.sh $(DEB_PACKAGES)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

translations: $(STAMP)
	@$(BIN)/python tools/build_translations.py

run: install
	@bash tools/run-kiosk.sh $(ARGS)

demo: install
	@bash tools/run-demo.sh $(ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --config pyproject.toml
	$(BIN)/mypy

test: install lint
	@QT_QPA_PLATFORM=offscreen PYTHONUNBUFFERED=1 $(BIN)/python -m pytest $(PYTEST_ARGS) || { status=$$?; \
		$(BIN)/python tests/stopped_run.py .pytest-hang.log; exit $$status; }

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(ARGS)

screenshots: install
	QT_QPA_PLATFORM=offscreen $(BIN)/legal-kiosk run --screenshots docs/screens

docs: install
	$(BIN)/python -m kiosk.settings --markdown > docs/configuration.md

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

# The Debian packages, one line (used by deploy/install.sh).
print-deb-packages:
	@echo $(DEB_PACKAGES)
