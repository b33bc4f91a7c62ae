# Pokjanal Desk — the two commands are `make run` and `make test`; everything else is optional.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
PIP   := $(PY) -m pip

.PHONY: run test build bench selftest i18n clean-venv screenshots lint

$(VENV)/.runtime: requirements.txt
	@test -x $(PY) || "$$(tools/find-python312)" -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

run: $(VENV)/.runtime
	@$(PY) -m compileall -q main.py cli db ui widgets reports resources >/dev/null
	$(PY) main.py $(ARGS)

# Screenshots of every page on a real X server (kept in tests/screenshots/ for a person to look
# at), then the whole suite offscreen.
test: $(VENV)/.dev
	@if command -v xvfb-run >/dev/null; then tools/xvfb-run-tests tests/ui/test_screenshots.py; \
	else echo "xvfb-run tidak ada: tangkapan layar xcb dilewati (pasang xvfb xauth)"; fi
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

screenshots: $(VENV)/.dev
	tools/xvfb-run-tests tests/ui/test_screenshots.py

selftest: $(VENV)/.runtime
	QT_QPA_PLATFORM=offscreen $(PY) main.py --selftest

build: $(VENV)/.dev
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen dist/PokjanalDesk/pokjanal-cli --selftest
	QT_QPA_PLATFORM=offscreen dist/PokjanalDesk/PokjanalDesk --selftest
	@du -sh dist/PokjanalDesk

$(VENV)/.bench: $(VENV)/.dev requirements-bench.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements-bench.txt
	@touch $@

bench: $(VENV)/.bench
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

i18n: $(VENV)/.dev
	$(VENV)/bin/pyside6-lrelease -silent resources/i18n/qtbase_id.ts -qm resources/i18n/qtbase_id.qm

clean-venv:
	rm -rf $(VENV)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
