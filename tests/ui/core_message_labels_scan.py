"""Every label the core passes into its messages, read from app/'s source (app/cli, the
command line's own modules, left out) without running it; for
tests/ui/test_core_message_labels.py.

The scan starts at each construction of an error or a Phrase (app/errors.py) that gives
a label parameter (`what=…`) and follows the value back: a literal is a label; a
parameter of the function it is in makes that function a label-taking helper
(short_text, long_text, refuse_missing_glyphs, write_output_file…), whose every call is
followed the same way, helper by helper; a module's Phrase constant is translated by its
own code. Anything else (an f-string, `spec.label`, `running[2]`) is reported as it is
written, for the test to account for. Each label comes with the codes it can reach.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO
from tests.error_catalogue import error_classes

APP = REPO / "app"
NOT_SCANNED = APP / "cli"


@dataclass(frozen=True)
class Passed:
    """One value passed as a label: a literal, or the expression as written."""

    where: str  # app/engine/base.py:98
    literal: str | None  # the label, when a literal
    written: str  # the expression, as ast.unparse gives it
    kind: str  # "literal" | "phrase" | "expression"


@dataclass(frozen=True)
class Scan:
    passed: dict[Passed, frozenset[str]]  # each value -> the codes it can reach
    helpers: dict[str, frozenset[str]]  # a label-taking function's name -> its codes


@dataclass(frozen=True)
class _Function:
    path: Path
    node: ast.FunctionDef | ast.AsyncFunctionDef

    @property
    def params(self) -> list[str]:
        args = self.node.args
        return [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]

    @property
    def is_method(self) -> bool:
        return bool(self.params) and self.params[0] in ("self", "cls")


def _modules() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(APP.rglob("*.py"))
        if NOT_SCANNED not in path.parents
    }


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _phrase_constants(tree: ast.Module) -> set[str]:
    """The module's NAME = Phrase(…) constants."""
    return {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and _called(node.value) == "Phrase"
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _imported_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


class _Scanner:
    def __init__(self, params: frozenset[str]) -> None:
        self.params = params
        self.modules = _modules()
        self.kinds = error_classes(self.modules) | {"Phrase"}
        self.enclosing: dict[ast.AST, _Function | None] = {}
        self.functions: dict[str, list[_Function]] = defaultdict(list)
        self.calls: dict[str, list[tuple[Path, ast.Call]]] = defaultdict(list)
        self.phrases: dict[Path, set[str]] = {}
        self.passed: dict[Passed, set[str]] = defaultdict(set)
        self.helpers: dict[str, set[str]] = defaultdict(set)
        own = {path: _phrase_constants(tree) for path, tree in self.modules.items()}
        anywhere = set().union(*own.values())
        for path, tree in self.modules.items():
            self.phrases[path] = own[path] | (_imported_names(tree) & anywhere)
            self._index(path, tree, None)

    def _index(self, path: Path, node: ast.AST, function: _Function | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = _Function(path, child)
                self.functions[child.name].append(inner)
            if isinstance(child, ast.Call) and (name := _called(child)):
                self.calls[name].append((path, child))
            self.enclosing[child] = inner
            self._index(path, child, inner)

    def run(self) -> Scan:
        for name in self.kinds:
            for path, call in self.calls.get(name, []):
                first = call.args[0] if call.args else None
                code = first.value if isinstance(first, ast.Constant) else None
                if not isinstance(code, str):
                    continue  # a code that is no literal: test_core_messages.py fails it
                for keyword in call.keywords:
                    if keyword.arg in self.params:
                        self._follow(path, keyword.value, frozenset({code}), set())
        return Scan(
            {p: frozenset(c) for p, c in self.passed.items()},
            {h: frozenset(c) for h, c in self.helpers.items()},
        )

    def _follow(
        self, path: Path, value: ast.expr, codes: frozenset[str], seen: set[tuple[str, int]]
    ) -> None:
        where = f"{path.relative_to(REPO)}:{value.lineno}"
        written = ast.unparse(value)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            self.passed[Passed(where, value.value, written, "literal")] |= codes
            return
        function = self.enclosing.get(value)
        if isinstance(value, ast.Name) and function is not None and value.id in function.params:
            self._helper(function, value.id, codes, seen)
            return
        if isinstance(value, ast.Name) and value.id in self.phrases[path]:
            self.passed[Passed(where, None, written, "phrase")] |= codes
            return
        self.passed[Passed(where, None, written, "expression")] |= codes

    def _helper(
        self, function: _Function, param: str, codes: frozenset[str], seen: set[tuple[str, int]]
    ) -> None:
        """Follow every call of `function` to the argument it passes as `param`."""
        name = function.node.name
        index = function.params.index(param)
        if (name, index) in seen:
            return
        self.helpers[name] |= codes
        positional = index - 1 if function.is_method else index
        for path, call in self.calls.get(name, []):
            given = [k.value for k in call.keywords if k.arg == param]
            if not given and 0 <= positional < len(call.args):
                given = [call.args[positional]]
            for value in given:
                self._follow(path, value, codes, seen | {(name, index)})


def scan(params: frozenset[str]) -> Scan:
    """Every value passed as one of `params` to an error, with the codes it reaches."""
    return _Scanner(params).run()
