"""The core's error catalogue, read from app/'s source without running it.

Every construction of a QuietroomError subclass (and of a `Phrase`) in app/ is found by
walking each module's syntax tree. `catalogue()` gives, for every code, the templates it
is raised with and where; `site_problems()` and `code_problems()` list what breaks the
rules of app/errors.py:

- the code is a literal, lowercase dotted text (`area.name`);
- the template is a literal (or a module-level string constant of the same module, or
  one it imports from another app/ module);
- the keyword arguments are exactly the template's placeholders, all named;
- one code has one template (one template may have several codes).
"""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

APP = REPO / "app"
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
# The module that defines the types also rebuilds errors from values it was given (a
# copy, a Phrase of an error): only its constructions with a literal code are sites.
DEFINITIONS = APP / "errors.py"


@dataclass(frozen=True)
class Site:
    path: Path
    line: int
    kind: str  # the class constructed: UsageError, Phrase…
    code: str | None  # None when not a literal
    template: str | None
    keywords: tuple[str, ...] | None  # None when some are passed as **mapping

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def placeholders(template: str) -> set[str]:
    """The names a str.format template needs ({name}, {name!r}, {name:,} → name)."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


def _modules() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(APP.rglob("*.py"))
    }


def error_classes(modules: dict[Path, ast.Module]) -> set[str]:
    """QuietroomError and every class in app/ derived from it, by name."""
    classes: dict[str, set[str]] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {
                    b.id if isinstance(b, ast.Name) else b.attr
                    for b in node.bases
                    if isinstance(b, ast.Name | ast.Attribute)
                }
                classes.setdefault(node.name, set()).update(bases)
    found = {"QuietroomError"}
    while True:
        more = {name for name, bases in classes.items() if bases & found} - found
        if not more:
            return found
        found |= more


def _module_path(dotted: str) -> Path:
    base = REPO.joinpath(*dotted.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _constants(modules: dict[Path, ast.Module]) -> dict[Path, dict[str, str]]:
    """Per module: its NAME = "literal" assignments, and those it imports from app/."""
    own: dict[Path, dict[str, str]] = {}
    for path, tree in modules.items():
        own[path] = {
            node.targets[0].id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        }
    visible = {path: dict(names) for path, names in own.items()}
    for path, tree in modules.items():
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app"):
                source = own.get(_module_path(node.module or ""), {})
                for alias in node.names:
                    if alias.name in source:
                        visible[path][alias.asname or alias.name] = source[alias.name]
    return visible


def _text(node: ast.expr | None, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def sites() -> list[Site]:
    modules = _modules()
    kinds = error_classes(modules) | {"Phrase"}
    constants = _constants(modules)
    found: list[Site] = []
    for path, tree in modules.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else None
            )
            if name not in kinds:
                continue
            args = [*node.args, None, None]
            code = args[0].value if isinstance(args[0], ast.Constant) else None
            if path == DEFINITIONS and code is None:
                continue
            keywords = (
                None
                if any(k.arg is None for k in node.keywords)
                else tuple(k.arg for k in node.keywords if k.arg is not None)
            )
            found.append(
                Site(
                    path,
                    node.lineno,
                    name,
                    code if isinstance(code, str) else None,
                    _text(args[1], constants[path]),
                    keywords,
                )
            )
    return found


def site_problems(found: list[Site]) -> list[str]:
    """Sites without a literal code and template, or whose parameters do not fit."""
    wrong: list[str] = []
    for site in found:
        if site.code is None or not CODE.fullmatch(site.code):
            wrong.append(f"{site.where}: {site.kind} needs a literal code like 'area.name'")
        if site.template is None:
            wrong.append(f"{site.where}: {site.kind} needs a literal template (or constant)")
        elif site.keywords is None:
            wrong.append(f"{site.where}: name every parameter (no **mapping)")
        elif placeholders(site.template) != set(site.keywords):
            wrong.append(
                f"{site.where}: the parameters {sorted(site.keywords)} do not match "
                f"the template's {sorted(placeholders(site.template))}"
            )
    return wrong


def code_problems(found: list[Site]) -> list[str]:
    """Codes raised with more than one template."""
    wrong: list[str] = []
    for code, templates in catalogue(found).items():
        if len(templates) > 1:
            wrong.append(
                f"{code} has {len(templates)} templates: "
                + "; ".join(
                    f"{t!r} at {', '.join(s.where for s in where)}"
                    for t, where in templates.items()
                )
            )
    return wrong


def catalogue(found: list[Site] | None = None) -> dict[str, dict[str, list[Site]]]:
    """code -> template -> the sites that raise it."""
    table: dict[str, dict[str, list[Site]]] = defaultdict(lambda: defaultdict(list))
    for site in sites() if found is None else found:
        if site.code is not None and site.template is not None:
            table[site.code][site.template].append(site)
    return {code: dict(templates) for code, templates in table.items()}


def templates() -> dict[str, str]:
    """code -> its one template (the first, should a code wrongly have several)."""
    return {code: next(iter(found)) for code, found in catalogue().items()}
