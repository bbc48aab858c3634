# Quietroom: `make run` starts the app, `make test` installs what the tests need and
# runs them all. Both are idempotent and quick when everything is already installed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# pytest-xdist workers for make test and make check (the machines have 2 cores);
# TEST_WORKERS=0 runs everything in one process, for debugging a single test.
TEST_WORKERS ?= 2

# Debian packages the tests use (interop tools, the Secret Service, Qt's xcb platform,
# PostgreSQL for the intake's throwaway clusters).
APT_PACKAGES := tzdata gnome-keyring dbus dbus-x11 poppler-utils age qpdf xvfb xauth postgresql \
	libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-xinerama0 libxcb-image0 libxcb-render-util0 libxcb-randr0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 fonts-dejavu-core mount e2fsprogs at-spi2-core python3-pyatspi

QM     := app/resources/i18n/quietroom_cy.qm app/resources/i18n/qt_cy.qm

.PHONY: run test check lint format wheel bench screenshots translations system-deps venv clean

venv: $(STAMP)

# Welsh translations: the .ts sources are committed, the .qm files are built: the app's
# own strings, and Qt's own that the app shows (Qt ships no Welsh). Unfinished entries
# are kept (no -nounfinished): the Welsh applies before its review.
translations: $(QM)

$(QM): app/resources/i18n/%.qm: app/resources/i18n/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

$(PY):
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || $(MAKE) --no-print-directory system-deps APT_PACKAGES=python3-venv
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,intake]'
	@touch $@

# Installs missing Debian packages when running as root with apt; otherwise says what
# is missing and carries on (tests needing a missing tool fail under CI=true).
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing:$$missing"; \
			(DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null 2>&1 || \
			 (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null)); \
		else \
			echo "not installed (run as root or install them):$$missing"; \
		fi; \
	fi

test: system-deps $(STAMP) $(QM)
	tests/run-with-keyring.sh $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The code that ships is type-checked and formatted; tests and benchmarks are linted.
LINTED := app crypto ui tests bench scripts $(wildcard intake)
TYPED  := app crypto ui $(wildcard intake)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy $(TYPED)

format: $(STAMP)
	$(VENV)/bin/ruff format $(LINTED)
	$(VENV)/bin/ruff check --fix $(LINTED)

# The edit loop: lint, then the tests that take seconds (no crash loops, no UI, no
# third-party tools); `make test` before every commit that is meant to land.
check: lint $(QM)
	tests/run-with-keyring.sh $(PY) -m pytest -q -x -n $(TEST_WORKERS) -m "not slow and not cli" tests/core $(PYTEST_ARGS)

# A wheel with everything the app needs at run time (the Welsh .qm built first).
wheel: $(STAMP) $(QM)
	$(PY) -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	@ls dist/quietroom-*.whl

bench: $(STAMP)
	$(PY) bench/vault.py
	$(PY) bench/engine.py
	$(PY) bench/fuzzydate.py
	$(PY) bench/export.py
	$(PY) bench/keys.py
	$(PY) bench/rekey.py
	$(PY) bench/review.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/ui_responsiveness.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/pause_switch.py
	$(PY) bench/sync.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/sync_gui.py
	tests/run-with-keyring.sh $(PY) bench/startup.py

# The sync client's fault campaign at full size: 1,000 real bundles through random network
# and database faults until every one is delivered (make test runs it with 40). About 15
# to 20 minutes; the figures go to stdout and bench/results/reliability.json.
.PHONY: reliability
reliability: system-deps $(STAMP)
	QUIETROOM_RELIABILITY_N=1000 QUIETROOM_RELIABILITY_OUT=bench/results/reliability.json \
		$(PY) -m pytest -q -s -m slow -k campaign tests/intake/test_sync_campaign.py $(PYTEST_ARGS)

# Renders every main screen (English and Welsh, 100 % and 200 % text) to
# build/screenshots/ on a 1366x768 screen (offscreen), and lists what does not fit.
screenshots: $(STAMP) $(QM)
	$(PY) scripts/screenshots.py build/screenshots --size 1366x768 \
		--report build/screenshots/layout.json

# The Welsh review sheet (build/welsh-review.csv): every Welsh wording not yet signed off,
# for the organisation's Welsh-speaking reviewer (docs/translation.md, "Signing off the
# Welsh"). A sheet already holding the reviewer's answers is never overwritten.
.PHONY: welsh-sheet
welsh-sheet: $(STAMP)
	$(PY) scripts/welsh_signoff.py sheet build/welsh-review.csv

run: $(STAMP) $(QM)
	$(VENV)/bin/quietroom

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis
