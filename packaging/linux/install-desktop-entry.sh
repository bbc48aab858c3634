#!/bin/sh
# Adds Quietroom to this account's application menu (the .desktop file, the icons and the
# AppStream metainfo under ~/.local/share), pointing at the programs in this folder:
#   ./install-desktop-entry.sh            add (run it again after moving the folder)
#   ./install-desktop-entry.sh --remove   remove the menu entry and icons
# Neither touches a vault, the settings or the keyring: uninstalling never deletes a vault.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=org.quietroom.Quietroom
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--remove" ]; then
	rm -f "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml"
	rm -f "$data"/icons/hicolor/*/apps/$id.png "$data/icons/hicolor/scalable/apps/$id.svg"
	echo "removed the menu entry; the vault and settings are untouched"
	exit 0
fi
mkdir -p "$data/applications" "$data/metainfo"
sed -e "s|^Exec=quietroom\$|Exec=\"$here/quietroom\"|" \
    -e "s|^TryExec=quietroom\$|TryExec=$here/quietroom|" \
    "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
cp "$here/share/metainfo/$id.metainfo.xml" "$data/metainfo/"
(cd "$here/share" && find icons -name "$id.*" | while read -r f; do
	mkdir -p "$data/$(dirname "$f")" && cp "$f" "$data/$f"
done)
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "added Quietroom to the menu ($data/applications/$id.desktop)"
