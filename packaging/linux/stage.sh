#!/bin/sh
# Lays out the release folder from PyInstaller's output (called by packaging/package.mk):
#   quietroom-VERSION/quietroom, quietroom-cli, _internal/   the frozen programs
#   quietroom-VERSION/share/…                                 menu entry, metainfo, icons
#   quietroom-VERSION/install-desktop-entry.sh                adds or removes the menu entry
set -eu
frozen=$1
stage=$2
here=$(cd "$(dirname "$0")" && pwd)
id=org.quietroom.Quietroom
rm -rf "$stage"
mkdir -p "$(dirname "$stage")"
cp -a "$frozen" "$stage"
install -D -m 644 "$here/$id.desktop" "$stage/share/applications/$id.desktop"
install -D -m 644 "$here/$id.metainfo.xml" "$stage/share/metainfo/$id.metainfo.xml"
install -D -m 644 "$here/../icons/$id.svg" "$stage/share/icons/hicolor/scalable/apps/$id.svg"
for png in "$here"/../icons/png/*/"$id.png"; do
	size=$(basename "$(dirname "$png")")
	install -D -m 644 "$png" "$stage/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
install -m 755 "$here/install-desktop-entry.sh" "$stage/install-desktop-entry.sh"
