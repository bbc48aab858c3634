# The frozen build (included by the Makefile): `make package` builds the one-folder
# PyInstaller bundle and packs it reproducibly into dist/; `make package-test` unpacks that
# archive somewhere else and runs it with no Python and no checkout (scripts/package_smoke.py).
# Uses the Makefile's PY, VENV, STAMP, QM and system-deps. See packaging/README.md.

PKG_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
PKG_NAME    := quietroom-$(PKG_VERSION)-linux-x86_64
PKG_ARCHIVE := dist/$(PKG_NAME).tar.gz
PKG_VENV    := build/package-venv
PKG_STAMP   := $(PKG_VENV)/.installed-stamp
PKG_WORK    := build/package
# Debian packages the build needs beyond the Makefile's: PyInstaller reads binaries with
# objdump (binutils) and needs the interpreter's shared libpython (Debian's python3 is
# linked statically; pyenv and python.org builds with --enable-shared have their own).
PKG_APT     := binutils libpython3.11
# Reproducible: every file in the archive carries the last commit's time, and Python's
# hash seed is fixed while PyInstaller writes its archives.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: package package-test package-venv

package-venv: $(PKG_STAMP)

# The build venv is separate from .venv (PyInstaller never lands in the development
# environment) and made only from the hashed pins, with the interpreter .venv was made
# from (its libpython goes into the bundle).
$(PKG_STAMP): packaging/requirements-build.txt | $(STAMP)
	rm -rf $(PKG_VENV)
	$$($(PY) -c 'import sys; print(sys._base_executable)') -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install --quiet --no-deps --require-hashes \
		-r packaging/requirements-build.txt
	@touch $@

package: $(STAMP) $(QM) $(PKG_STAMP)
	@$(MAKE) --no-print-directory system-deps APT_PACKAGES="$(PKG_APT)"
	@start=$$(date +%s); \
	rm -rf $(PKG_WORK) $(PKG_ARCHIVE) $(PKG_ARCHIVE).sha256 && mkdir -p $(PKG_WORK) dist && \
	PYTHONHASHSEED=0 $(PKG_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath $(PKG_WORK)/dist --workpath $(PKG_WORK)/work \
		packaging/pyinstaller/quietroom.spec && \
	sh packaging/linux/stage.sh $(PKG_WORK)/dist/quietroom $(PKG_WORK)/stage/quietroom-$(PKG_VERSION) && \
	tar --sort=name --mtime=@$(SOURCE_DATE_EPOCH) --owner=0 --group=0 --numeric-owner \
		--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
		--mode=go-w -C $(PKG_WORK)/stage -cf - quietroom-$(PKG_VERSION) | gzip -9 -n > $(PKG_ARCHIVE).part && \
	mv $(PKG_ARCHIVE).part $(PKG_ARCHIVE) && \
	(cd dist && sha256sum $(PKG_NAME).tar.gz > $(PKG_NAME).tar.gz.sha256) && \
	echo "package: $(PKG_ARCHIVE) in $$(( $$(date +%s) - start )) s," \
		"folder $$(du -sm $(PKG_WORK)/stage | cut -f1) MB, archive $$(du -m $(PKG_ARCHIVE) | cut -f1) MB" && \
	echo "SHA-256 $$(cut -d' ' -f1 dist/$(PKG_NAME).tar.gz.sha256)  $(PKG_ARCHIVE)"

# The smoke test of the archive that `make package` made (built first if dist/ has none;
# `make package package-test` tests a fresh one): a D-Bus session with gnome-keyring, Xvfb
# for the window, xwininfo and xprop from x11-utils, dbus-send to ask the Secret Service.
package-test: $(if $(wildcard $(PKG_ARCHIVE)),,package)
	@$(MAKE) --no-print-directory system-deps APT_PACKAGES="x11-utils xvfb xauth gnome-keyring dbus"
	tests/run-with-keyring.sh /usr/bin/python3 -I scripts/package_smoke.py $(PKG_ARCHIVE)
