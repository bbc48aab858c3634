"""The desktop integration files under packaging/ (issue #12): they pass the freedesktop
validators, name the one application id everywhere, and the icon set is complete.

Owns: packaging/linux/*.desktop and *.metainfo.xml (desktop-file-validate, appstreamcli
validate --no-net, as CI runs them), the Flatpak manifest's id and permissions (it cannot
be built here, so it is checked as far as a linter can), the id in ui/main.py's
setDesktopFileName, the icon PNGs' sizes, the PyInstaller spec's platform plugins, and
the hashed build pins. The frozen build itself is tested by `make package-test`.
"""

from __future__ import annotations

import ast
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, require_tool

APP_ID = "org.quietroom.Quietroom"
PACKAGING = REPO / "packaging"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.yml"
ICONS = PACKAGING / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The Flatpak's whole permission set: the window, the GPU, and the Secret Service.
# Anything more (a home folder, the network, the whole session bus) must be argued here.
ALLOWED_FINISH_ARGS = {
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--device=dri",
    "--talk-name=org.freedesktop.secrets",
}


def desktop_entry(path: Path) -> dict[str, str]:
    entry: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            entry[key.strip()] = value.strip()
    return entry


def test_desktop_file_is_valid_and_bilingual() -> None:
    validator = require_tool("desktop-file-validate")
    done = subprocess.run([validator, DESKTOP], capture_output=True, text=True)
    # desktop-file-validate prints hints too; it exits non-zero only on errors
    assert done.returncode == 0 and "error" not in done.stdout.lower(), done.stdout
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "quietroom"
    for key in ("Name", "Comment"):
        assert entry.get(key) and entry.get(f"{key}[cy]"), f"{key} needs English and Welsh"
    assert entry["Comment[cy]"] != entry["Comment"]


def test_metainfo_passes_appstream_without_the_network() -> None:
    appstreamcli = require_tool("appstreamcli")
    done = subprocess.run(
        [appstreamcli, "validate", "--no-net", METAINFO], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not re.search(r"^[EW]:", done.stdout, re.MULTILINE), done.stdout


def test_metainfo_says_what_the_issue_asks_and_invents_no_address() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") and root.findtext("project_license")
    assert root.findtext("summary") and root.find("description") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    binaries = {b.text for b in root.iterfind("provides/binary")}
    assert binaries == {"quietroom", "quietroom-cli"}
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    version = re.search(r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(), re.M)
    assert version is not None
    releases = [r.get("version") for r in root.iterfind("releases/release")]
    assert version.group(1) in releases, "release notes for this version are missing"
    release = root.find(f"releases/release[@version='{version.group(1)}']")
    assert release is not None and release.find("description") is not None
    # DECISIONS: no screenshots and no web addresses until the project has one
    assert root.find("screenshots") is None
    assert root.find("url") is None
    assert "http" not in METAINFO.read_text(encoding="utf-8")


def test_one_application_id_everywhere() -> None:
    assert DESKTOP.is_file() and METAINFO.is_file() and FLATPAK.is_file()
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID
    assert ET.parse(METAINFO).getroot().findtext("icon") == APP_ID
    # the id the running app gives Wayland and the desktop (setDesktopFileName)
    tree = ast.parse((REPO / "ui" / "main.py").read_text(encoding="utf-8"))
    constants = {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }
    assert constants.get("APP_ID") == APP_ID
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setDesktopFileName"
    ]
    assert calls, "ui/main.py never calls setDesktopFileName"
    assert all(isinstance(c.args[0], ast.Name) and c.args[0].id == "APP_ID" for c in calls), (
        "setDesktopFileName is given something other than APP_ID"
    )
    spec = (PACKAGING / "pyinstaller" / "quietroom.spec").read_text(encoding="utf-8")
    assert f'bundle_identifier="{APP_ID}"' in spec
    # no file under packaging/ still names the launcher by its old name
    stale = [
        str(p.relative_to(REPO))
        for p in PACKAGING.rglob("*")
        if p.is_file() and p.suffix in {".md", ".yml", ".sh", ".iss", ".ps1", ".spec", ".mk"}
        and re.search(r"(?<![\w.])quietroom\.desktop", p.read_text(errors="replace"))
    ]  # fmt: skip
    assert not stale, f"the old launcher name in {stale}"


def test_flatpak_manifest_has_the_least_permissions() -> None:
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    args = set(manifest["finish-args"])
    assert args <= ALLOWED_FINISH_ARGS, (
        f"permissions beyond the minimum: {args - ALLOWED_FINISH_ARGS}"
    )
    assert "--talk-name=org.freedesktop.secrets" in args
    assert "--socket=wayland" in args and "--socket=fallback-x11" in args
    assert not any(a.startswith(("--filesystem", "--share=network", "--socket=session-bus"))
                   for a in args)  # fmt: skip
    assert manifest["command"] == "quietroom"
    assert manifest["runtime"] and manifest["sdk"] and manifest["modules"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_set_is_complete() -> None:
    svg = ICONS / f"{APP_ID}.svg"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 512 512"
    assert not list(root.iter("{http://www.w3.org/2000/svg}text")), "the icon has no text"
    for size in SIZES:
        png = ICONS / "png" / str(size) / f"{APP_ID}.png"
        assert png.is_file(), f"no {size}px icon"
        assert png_size(png) == (size, size)
    assert (ICONS / f"{APP_ID}.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ICONS / f"{APP_ID}.icns").read_bytes()[:4] == b"icns"


def test_build_pins_are_exact_and_hashed() -> None:
    lines = (PACKAGING / "requirements-build.txt").read_text(encoding="utf-8")
    requirements = [r for r in re.split(r"(?<!\\)\n", lines) if r and not r.startswith("#")]
    names = set()
    for requirement in requirements:
        assert re.match(
            r"^[A-Za-z0-9_.\-]+==[^ ]+ \\\n\s+--hash=sha256:[0-9a-f]{64}", requirement
        ), requirement
        names.add(requirement.split("==")[0].lower().replace("_", "-"))
    for needed in (
        "pyinstaller", "pyinstaller-hooks-contrib", "pyside6-essentials", "keyring",
        "secretstorage", "sqlcipher3", "pyrage", "pyhanko", "fonttools", "uharfbuzz", "reportlab",
    ):  # fmt: skip
        assert needed in names, f"{needed} is not pinned"


@pytest.mark.parametrize("plugin", ["libqxcb.so", "libqoffscreen.so"])
def test_spec_keeps_the_platform_plugins(plugin: str) -> None:
    spec = (PACKAGING / "pyinstaller" / "quietroom.spec").read_text(encoding="utf-8")
    keep = re.search(r"KEEP_PLATFORMS = \{([^}]*)\}", spec)
    assert keep is not None and f'"{plugin}"' in keep.group(1)
