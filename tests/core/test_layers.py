"""The layer rules.

app/ and crypto/ never load Qt or ui/; crypto/ never imports app/; intake/ never loads Qt,
ui/, the desktop tasks or the CLI. Inside app/, each package may import only the
packages below it (the order is PACKAGE_RANK), and no module takes part in an import
cycle, not even through a function-level import. ui/ imports from app/ only the desktop
side (app.desktop) and the base helpers (UI_MAY_IMPORT), and never crypto/.
"""

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
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
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
    rules = {
        "app": {"PySide6", "shiboken6", "ui", "intake"},
        "crypto": {"PySide6", "shiboken6", "ui", "app", "intake"},
        "intake": {"PySide6", "shiboken6", "ui"},
    }
    for package, forbidden in rules.items():
        for path in package_files(package):
            bad = imported_roots(path) & forbidden
            assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"


# The order inside app/: a package imports only packages of a lower rank (or itself).
# Packages of one rank may use each other, as long as no cycle forms.
PACKAGE_RANK = {
    # base helpers: errors, files, paths, process hygiene, settings, shipped data
    "app.errors": 0,
    "app.fsutil": 0,
    "app.paths": 0,
    "app.hygiene": 0,
    "app.settings": 0,
    "app.resources": 0,
    "app.vault": 1,
    "app.guides": 2,
    "app.render": 2,
    "app.org": 2,
    "app.engine": 3,
    "app.export": 4,
    "app.review": 5,  # reads bundles with export's verifier, signs with its PAdES signer
    "app.sync": 6,  # delivers exports and decisions, opens fetched bundles for review
    "app.desktop": 7,
    "app.cli": 7,
}
# intake/ stands beside the CLI: it may use everything in app/ below the desktop and CLI.
INTAKE_MAY_NOT_USE = ("app.desktop", "app.cli")


def package_files(package: str) -> list[Path]:
    root = REPO / package
    return sorted(root.rglob("*.py")) if root.is_dir() else []


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Every first-party module and the first-party modules it imports, anywhere in it."""
    paths = {
        module_name(p): p for top in ("app", "crypto", "ui", "intake") for p in package_files(top)
    }
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from app.render import mg11` imports a module, `from app.org import X`
                # the package itself.
                targets = [
                    f"{node.module}.{alias.name}"
                    if f"{node.module}.{alias.name}" in paths
                    else node.module
                    for alias in node.names
                ]
            else:
                continue
            edges |= {t for t in targets if t in paths and t != name}
        graph[name] = edges
    return graph


def owner(module: str) -> str | None:
    """The app/ package (or base module) a module belongs to."""
    for prefix in sorted(PACKAGE_RANK, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return prefix
    return None


def test_every_app_module_has_a_place_in_the_order() -> None:
    homeless = [m for m in import_graph() if m.startswith("app.") and owner(m) is None]
    assert not homeless, f"add these to PACKAGE_RANK or move them into a package: {homeless}"


def test_app_packages_import_only_downwards() -> None:
    wrong = []
    for module, imports in import_graph().items():
        mine = owner(module)
        if mine is None:
            continue
        for target in imports:
            theirs = owner(target)
            if theirs is not None and theirs != mine and PACKAGE_RANK[theirs] > PACKAGE_RANK[mine]:
                wrong.append(
                    f"{module} imports {target} (rank {PACKAGE_RANK[theirs]} > "
                    f"{PACKAGE_RANK[mine]})"
                )
    assert not wrong, "\n".join(wrong)


def test_intake_stays_beside_the_cli() -> None:
    wrong = [
        f"{m} imports {t}"
        for m, imports in import_graph().items()
        if m.startswith("intake")
        for t in imports
        if t.startswith(INTAKE_MAY_NOT_USE) or t.startswith("ui")
    ]
    assert not wrong, wrong


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles() -> None:
    cycles = strongly_connected(import_graph())
    assert not cycles, cycles


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]


# What ui/ may import from app/: the desktop side of the core (its tasks and the types
# they hand out, app/desktop/types.py) and the base helpers; never crypto/.
UI_MAY_IMPORT = (
    "app.desktop",
    "app.errors",
    "app.settings",
    "app.paths",
    "app.hygiene",
    "app.resources",
)


def ui_core_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) for every app/ or crypto/ import in `source` that ui/ may not make,
    anywhere in it (inside functions too); `from app import settings` is app.settings."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = (
                [f"{node.module}.{alias.name}" for alias in node.names]
                if node.module in ("app", "crypto")
                else [node.module]
            )
        else:
            continue
        for name in names:
            root = name.split(".")[0]
            allowed = any(name == m or name.startswith(m + ".") for m in UI_MAY_IMPORT)
            if root == "crypto" or (root == "app" and not allowed):
                wrong.append((node.lineno, name))
    return wrong


def test_ui_reaches_the_core_only_through_app_desktop() -> None:
    """ui/ holds screens and widgets; business rules and the engine, the vault, exports,
    the organisation, guides, rendering and crypto stay behind app.desktop."""
    wrong = [
        f"{path.relative_to(REPO)}:{line} imports {name}"
        for path in package_files("ui")
        for line, name in ui_core_imports(path.read_text(encoding="utf-8"))
    ]
    assert not wrong, "\n".join(wrong)
    # The rule sees what a screen might hide inside a function, in every import form.
    sample = (
        "from app import settings, vault\n"
        "from app.desktop.types import Case\n"
        "def work():\n"
        "    from app.engine.models import Case\n"
        "    import crypto.kdf\n"
        "    from crypto import keyring_binding\n"
        "    import app.export.verify\n"
    )
    assert ui_core_imports(sample) == [
        (1, "app.vault"),
        (4, "app.engine.models"),
        (5, "crypto.kdf"),
        (6, "crypto.keyring_binding"),
        (7, "app.export.verify"),
    ]
