#!/bin/sh
# Run a command inside a private D-Bus session with gnome-keyring's Secret Service
# started and unlocked, so keyring tests use the real thing and never the user's own
# keyrings (XDG_DATA_HOME points at a scratch directory for the daemon's files).
set -u
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
	echo "run-with-keyring: dbus-run-session or gnome-keyring-daemon is missing;" \
	     "keyring tests will fail under CI=true" >&2
	"$@"
	exit $?
fi
scratch=$(mktemp -d)
mkdir -p "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"
XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" \
dbus-run-session -- sh -c '
	printf "%s" "quietroom-test-keyring" |
		gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
	QUIETROOM_KEYRING_SESSION=1 "$@"' sh "$@"
rc=$?
rm -rf "$scratch"
exit $rc
