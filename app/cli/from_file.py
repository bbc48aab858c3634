"""`--from-file FILE`: personal and statement content kept off the command line.

A command's arguments are readable by every local user (`ps`, /proc/PID/cmdline) and are
kept in shell history. Every command that takes a survivor's details or statement
content also takes them from a file (or standard input, '-'): a JSON object whose keys
are the command's long option names without the dashes, e.g. `{"address": "…"}`.

- Unknown keys and values of the wrong type are one usage error (exit 1), naming the
  key; nothing is changed.
- A value given both ways: the file's is used, and one line says so.
- Such a value given as an argument is still accepted, with one warning line on stderr
  that it is visible to other users of this computer and kept in the shell history,
  printed once the command has succeeded (a refusal stays one line).

`allow_from_file(parser, sensitive=…)` is called once a command's options are added; the
command-line front end calls `apply_from_file(args)` before the command runs.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from typing import Any

from app.cli.context import read_text_file
from app.errors import UsageError

SPEC = "_from_file_spec"
FROM_FILE = "from_file"


@dataclass(frozen=True)
class FileOption:
    """One option a --from-file object may give."""

    key: str  # the long option without its dashes: the JSON key
    flag: str
    dest: str
    convert: Any  # argparse's `type`, or None for text
    choices: tuple[str, ...] | None
    many: bool  # nargs "+" or an appending option: several words
    required: bool
    default: Any
    sensitive: bool  # personal or statement content: warn when given as an argument


def allow_from_file(parser: argparse.ArgumentParser, *, sensitive: tuple[str, ...] = ()) -> None:
    """Let every value-taking long option of `parser` come from --from-file too. The
    options in `sensitive` (flags, e.g. "--address") warn when given as arguments. A
    required option may then be given either way (checked after the file is read)."""
    spec: dict[str, FileOption] = {}
    for action in parser._actions:  # argparse keeps no public list of a parser's options
        flags = [f for f in action.option_strings if f.startswith("--")]
        if not flags or action.nargs == 0 or flags[0] in ("--help", "--json"):
            continue
        if action.dest in _COMMON_DESTS:
            continue
        flag = flags[0]
        spec[flag[2:]] = FileOption(
            key=flag[2:],
            flag=flag,
            dest=action.dest,
            convert=action.type,
            choices=tuple(action.choices) if action.choices else None,
            many=action.nargs in ("+", "*") or isinstance(action, argparse._AppendAction),
            required=action.required,
            default=action.default,
            sensitive=flag in sensitive,
        )
        action.required = False  # it may come from the file instead
    unknown = set(sensitive) - {o.flag for o in spec.values()}
    if unknown:  # a typo here would silently leave a value unprotected
        raise ValueError(f"not options of {parser.prog}: {sorted(unknown)}")
    parser.add_argument(
        "--from-file",
        metavar="FILE",
        help="take the values from a JSON object (keys: the long option names without "
        f"the dashes: {', '.join(sorted(spec))}); '-' for stdin. Keeps them out of "
        "the process list and the shell history",
    )
    parser.set_defaults(**{SPEC: spec})


# Options every command has (the vault, the passphrase file…): never part of --from-file.
_COMMON_DESTS = frozenset({"vault", "passphrase_file", "debug", "json", "from_file"})


def apply_from_file(args: argparse.Namespace) -> str | None:
    """Fill `args` from --from-file; the one warning line to print once the command has
    done its work, about content given as arguments (None when there is none). Raises
    UsageError for a bad file or a missing value."""
    spec: dict[str, FileOption] | None = getattr(args, SPEC, None)
    if not spec:
        return None
    on_line = {k: o for k, o in spec.items() if getattr(args, o.dest, None) != o.default}
    from_file: dict[str, Any] = {}
    name = getattr(args, FROM_FILE, None)
    if name is not None:
        if name == "-" and getattr(args, "passphrase_file", None) == "-":
            raise UsageError(
                "cli.stdin_twice",
                "only one option can read standard input ('-'); give the other as a file",
            )
        from_file = _read_values(name, spec)
        for key, value in from_file.items():
            setattr(args, spec[key].dest, value)
    missing = [o.flag for o in spec.values() if o.required and getattr(args, o.dest) is None]
    if missing:
        raise UsageError(
            "cli.value_missing",
            '{flag} is needed: give it in the --from-file object (as "{key}") or as an argument',
            flag=missing[0],
            key=missing[0][2:],
        )
    exposed = [o.flag for k, o in on_line.items() if o.sensitive]
    both = [o.flag for k, o in on_line.items() if k in from_file]
    return _warning(exposed, both) if exposed or both else None


def _warning(exposed: list[str], both: list[str]) -> str:
    parts = []
    if exposed:
        parts.append(
            f"warning: {', '.join(exposed)} on the command line "
            f"{'is' if len(exposed) == 1 else 'are'} visible to other users of this "
            "computer and kept in your shell history; give personal details with "
            "--from-file FILE"
        )
    if both:
        parts.append(f"given both ways, the file's value is used for {', '.join(both)}")
    return "; ".join(parts)


def _read_values(name: str, spec: dict[str, FileOption]) -> dict[str, Any]:
    text = read_text_file(name, "values")
    source = "standard input" if name == "-" else name
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise _bad(source, "is not valid JSON") from None
    if not isinstance(doc, dict):
        raise _bad(source, 'is not a JSON object ({"option": "value", …})')
    unknown = sorted(set(doc) - set(spec))
    if unknown:
        raise UsageError(
            "cli.from_file_unknown_key",
            '{source}: "{key}" is not an option of this command (it takes: {known})',
            source=source,
            key=unknown[0][:60],
            known=", ".join(sorted(spec)),
        )
    return {key: _value(spec[key], value, source) for key, value in doc.items()}


def _value(option: FileOption, value: Any, source: str) -> Any:
    """The value as argparse would have made it from the same words on the line."""
    if option.many:
        words = value if isinstance(value, list) else [value]
        if not words or not all(isinstance(w, str) for w in words):
            raise _wrong_type(source, option, "a string or a list of strings")
        return [_convert(option, w, source) for w in words]
    if isinstance(value, bool):
        if option.convert is None or option.choices is not None:
            raise _wrong_type(source, option, "a string")
        value = "yes" if value else "no"
    elif isinstance(value, int) and option.convert is not None:
        value = str(value)
    if not isinstance(value, str):
        raise _wrong_type(source, option, "a string")
    return _convert(option, value, source)


def _convert(option: FileOption, text: str, source: str) -> Any:
    try:
        value = option.convert(text) if option.convert is not None else text
    except (argparse.ArgumentTypeError, ValueError, TypeError) as exc:
        why = "a whole number is needed" if option.convert is int else str(exc)
        raise UsageError(
            "cli.from_file_bad_value",
            '{source}: "{key}" is not valid ({why})',
            source=source,
            key=option.key,
            why=why or "wrong form",
        ) from None
    if option.choices is not None and value not in option.choices:
        raise UsageError(
            "cli.from_file_bad_choice",
            '{source}: "{key}" must be one of {choices}',
            source=source,
            key=option.key,
            choices=", ".join(option.choices),
        )
    return value


def _wrong_type(source: str, option: FileOption, expected: str) -> UsageError:
    return UsageError(
        "cli.from_file_wrong_type",
        '{source}: "{key}" must be {expected}',
        source=source,
        key=option.key,
        expected=expected,
    )


def _bad(source: str, what: str) -> UsageError:
    return UsageError("cli.from_file_not_json", "{source} {what}", source=source, what=what)
