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
	libfontconfig1 libdbus-1-3 fonts-dejavu-core mount e2fsprogs at-spi2-core python3-pyatspi \
	strace desktop-file-utils appstream

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

# The reliability campaign at full size (tests/reliability/, issue #11): SIGKILL during
# every operation that writes (1,000 kills in autosave, 200 in each other), full disks,
# failing writes, 1,000,000 fuzzing iterations, the leak sweep and the keyring's faults;
# then the sync client's 1,000 bundles through network and database faults. `make test`
# runs every campaign in a bounded form. Each prints its figures as JSON and writes them
# to bench/results/reliability/; the README's table is made from them. SEED=N repeats a run
# (the default is today's date); SYNC_N=0 leaves the sync campaign out (it takes 20 min).
SEED   ?= $(shell date +%Y%m%d)
SYNC_N ?= 1000
RELIABILITY_OUT := bench/results/reliability
.PHONY: reliability
reliability: system-deps $(STAMP) $(QM)
	mkdir -p $(RELIABILITY_OUT)
	QUIETROOM_CAMPAIGN=full QUIETROOM_CAMPAIGN_SEED=$(SEED) QUIETROOM_CAMPAIGN_OUT=$(RELIABILITY_OUT) \
		tests/run-with-keyring.sh $(PY) -m pytest -q -s -p no:cacheprovider -n $(TEST_WORKERS) \
		-m campaign tests/reliability $(PYTEST_ARGS)
	if [ "$(SYNC_N)" != 0 ]; then \
		QUIETROOM_RELIABILITY_N=$(SYNC_N) QUIETROOM_RELIABILITY_SEED=$(SEED) \
		QUIETROOM_RELIABILITY_OUT=$(RELIABILITY_OUT)/sync_faults.json \
		$(PY) -m pytest -q -s -p no:cacheprovider -m slow -k campaign tests/intake/test_sync_campaign.py; \
	fi
	$(PY) scripts/reliability_table.py $(RELIABILITY_OUT)

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

# The frozen build and its smoke test (packaging/README.md).
include packaging/package.mk
