"""The layer rule: app/ and crypto/ never load Qt or ui/; crypto/ never imports app/."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def modules_of(package: str) -> list[str]:
    root = REPO / package
    names = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(REPO).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True)
    return set(json.loads(out.stdout))


def test_core_and_crypto_load_without_qt_or_ui() -> None:
    modules = modules_of("app") + modules_of("crypto")
    assert "app.vault.vault" in modules and "crypto.kdf" in modules
    loaded = loaded_after_importing(modules)
    offenders = {m for m in loaded if m.split(".")[0] in {"PySide6", "shiboken6", "ui"}}
    assert not offenders, offenders


def test_crypto_never_loads_app() -> None:
    loaded = loaded_after_importing(modules_of("crypto"))
    assert not {m for m in loaded if m == "app" or m.startswith("app.")}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_forbidden_import_statements_anywhere() -> None:
    """Also catches imports hidden inside functions, which loading alone would miss."""
    rules = {"app": {"PySide6", "shiboken6", "ui"}, "crypto": {"PySide6", "shiboken6", "ui",
                                                                "app"}}
    for package, forbidden in rules.items():
        for path in (REPO / package).rglob("*.py"):
            bad = imported_roots(path) & forbidden
            assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"
