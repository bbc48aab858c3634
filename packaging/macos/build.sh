#!/bin/sh
# Builds, signs and notarises Quietroom.app in a .dmg on macOS (Apple silicon or Intel:
# the build is for the machine's own architecture). NOT RUN HERE: the project's build
# machines are Linux; see README.md in this folder.
#
#   QUIETROOM_CODESIGN_IDENTITY="Developer ID Application: ORG (TEAMID)" \
#   QUIETROOM_NOTARY_PROFILE=quietroom-notary  packaging/macos/build.sh
#
# The notary profile is stored once with:
#   xcrun notarytool store-credentials quietroom-notary --apple-id ID --team-id TEAMID
set -eu
cd "$(dirname "$0")/../.."
: "${QUIETROOM_CODESIGN_IDENTITY:?the Developer ID Application identity}"
: "${QUIETROOM_NOTARY_PROFILE:?the notarytool keychain profile}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
export PYTHONHASHSEED=0

# python.org's Python 3.11 (universal2 installer), a venv from the macOS pins
python3.11 -m venv build/package-venv
build/package-venv/bin/python -m pip install --no-deps --require-hashes \
	-r packaging/requirements-build-macos.txt
build/package-venv/bin/python -m pip install --no-deps .  # for pyside6-lrelease's .ts -> .qm
for ts in app/resources/i18n/*.ts; do
	build/package-venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done

# PyInstaller signs every binary with the hardened runtime and the entitlements
# (the spec reads QUIETROOM_CODESIGN_IDENTITY) and builds dist/Quietroom.app.
build/package-venv/bin/pyinstaller --noconfirm --clean \
	--distpath build/package/dist --workpath build/package/work packaging/pyinstaller/quietroom.spec
app=build/package/dist/Quietroom.app
codesign --force --options runtime --timestamp \
	--entitlements packaging/macos/entitlements.plist \
	--sign "$QUIETROOM_CODESIGN_IDENTITY" "$app"
codesign --verify --strict --deep --verbose=2 "$app"

mkdir -p dist
dmg=dist/Quietroom-$version-macos-$(uname -m).dmg
rm -f "$dmg"
hdiutil create -volname Quietroom -srcfolder "$app" -ov -format UDZO "$dmg"
codesign --force --timestamp --sign "$QUIETROOM_CODESIGN_IDENTITY" "$dmg"
xcrun notarytool submit "$dmg" --keychain-profile "$QUIETROOM_NOTARY_PROFILE" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"
shasum -a 256 "$dmg" | tee "$dmg.sha256"
