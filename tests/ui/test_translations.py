"""Every source string of the interface has a Welsh entry (unreviewed ones are marked
unfinished, never left out), placeholders survive translation, and the .qm builds."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import REPO

TS = REPO / "app" / "resources" / "i18n" / "quietroom_cy.ts"


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.find("translation") is not None and message.find("translation").get(
                "type"
            ) in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = message.findtext("translation")
    return found


def tool(name: str) -> str:
    path = REPO / ".venv" / "bin" / name
    return str(path) if path.exists() else (shutil.which(name) or name)


def test_every_source_string_has_a_welsh_entry(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    committed = messages(TS)
    missing = [
        f"{ctx}: {src!r}"
        for (ctx, src) in messages(fresh)
        if not (committed.get((ctx, src)) or "").strip()
    ]
    assert not missing, "no Welsh for:\n" + "\n".join(missing[:40])


def test_placeholders_and_mnemonics_survive() -> None:
    for (ctx, source), welsh in messages(TS).items():
        assert welsh, f"{ctx}: {source!r} is empty"
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", welsh)), (
            f"{ctx}: placeholders differ in {welsh!r}"
        )
        count = lambda s: len(re.findall(r"(?<!&)&(?!&)", s))  # noqa: E731
        assert count(source) == count(welsh), f"{ctx}: mnemonic lost in {welsh!r}"


def test_the_welsh_catalogue_builds(tmp_path: Path) -> None:
    out = tmp_path / "cy.qm"
    result = subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0 and out.stat().st_size > 1000, result.stdout
