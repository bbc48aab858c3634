"""What every CLI command shares: global options, passphrases, output, opening the vault.

With --json, stdout holds one JSON object. A failure adds {"error": {"code", "message"}}:
main() prints it alone, or, for a command that reports before it fails (verify, audit
verify, status --check), the command passes the error to `emit` to go in its report.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app import paths
from app.engine.engine import Engine
from app.errors import QuietroomError, UsageError
from app.vault.vault import Vault

MAX_PASSPHRASE_FILE = 64 * 1024
MAX_TEXT_FILE = 8 * 1024 * 1024


def _cannot_read(name: str, what: str, exc: OSError) -> UsageError:
    return UsageError(
        "cli.file_unreadable",
        "cannot read the {what} file {name}: {reason}",
        what=what,
        name=name,
        reason=exc.strerror,
    )


def _read_utf8(name: str, what: str, limit: int, too_large: str) -> str:
    """A file (or standard input for '-') of at most `limit` bytes, as UTF-8 text."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with open(name, "rb") as fh:
                raw = fh.read(limit + 1)
    except OSError as exc:
        raise _cannot_read(name, what, exc) from None
    if len(raw) > limit:
        raise UsageError(
            "cli.file_too_large",
            "the {what} file {name} is too large {detail}",
            what=what,
            name=name,
            detail=too_large,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            "cli.file_not_utf8", "the {what} file {name} is not UTF-8 text", what=what, name=name
        ) from None


def check_private_file(name: str, what: str) -> None:
    """Refuse a secret's file that other users may read or change, as ssh refuses a
    private key with loose permissions: the fix is one chmod, and a passphrase other
    users have read is no longer a secret. Pipes and standard input have no such mode."""
    if name == "-":
        return
    try:
        st = os.stat(name)
    except OSError:
        return  # reading it says why, in the same words as for any file
    if stat.S_ISREG(st.st_mode) and st.st_mode & 0o077:
        raise UsageError(
            "cli.secret_file_open",
            "the {what} file {name} can be read or changed by other users of this computer "
            "(its mode is {mode:04o}): run 'chmod 600 {name}' and try again",
            what=what,
            name=name,
            mode=stat.S_IMODE(st.st_mode),
        )


def read_passphrase_file(name: str, what: str = "passphrase") -> str:
    """The first line of FILE (or of standard input for '-'), without its line ending.
    The file must be private to its owner (`check_private_file`)."""
    check_private_file(name, what)
    text = _read_utf8(name, what, MAX_PASSPHRASE_FILE, "to hold a passphrase")
    line = text.splitlines()[0] if text else ""
    if not line:
        source = "standard input" if name == "-" else f"the {what} file {name}"
        if text.strip():
            raise UsageError(
                "cli.first_line_empty",
                "the first line of {source} is empty; the {what} must be on the first line",
                source=source,
                what=what,
            )
        if name == "-":
            raise UsageError("cli.stdin_empty", "standard input is empty")
        raise UsageError("cli.file_empty", "the {what} file {name} is empty", what=what, name=name)
    return line


def read_text_file(name: str, what: str = "text") -> str:
    """A UTF-8 text file (or standard input for '-'), for statement text and notes."""
    return _read_utf8(name, what, MAX_TEXT_FILE, "(at most 8 MB)").replace("\r\n", "\n")


def read_binary_file(name: str, what: str, limit: int) -> bytes:
    try:
        with open(name, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise _cannot_read(name, what, exc) from None
    if len(data) > limit:
        raise UsageError(
            "cli.binary_file_too_large",
            "the {what} file {name} is too large (at most {megabytes:g} MB)",
            what=what,
            name=name,
            megabytes=limit / 1024 / 1024,
        )
    return data


def write_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from `low` to `high` (SQLite holds 64-bit integers,
    so a number typed with thirty digits must be refused here, clearly)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"give a number from {low} to {high:,}")
        return value

    return parse


def case_command(
    group: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    name: str,
    handler: Callable[[Context], int],
    help_text: str,
) -> argparse.ArgumentParser:
    """A subcommand that acts on one case, named by its id or reference."""
    p = group.add_parser(name, parents=[common], help=help_text)
    p.add_argument("id", metavar="ID", help="the case id or reference")
    p.set_defaults(handler=handler)
    return p


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json: bool = bool(getattr(args, "json", False))
        self.vault_dir: Path = paths.vault_dir(getattr(args, "vault", None))
        self.emitted = False  # with --json: whether stdout already holds the JSON object

    def passphrase(self, *, confirm: bool = False) -> str:
        name = getattr(self.args, "passphrase_file", None)
        if name:
            return read_passphrase_file(name)
        if not sys.stdin.isatty():
            raise UsageError(
                "cli.passphrase_needed",
                "a passphrase is needed: give it with "
                "--passphrase-file FILE ('-' reads standard input)",
            )
        first = getpass.getpass("Vault passphrase: ")
        if confirm and getpass.getpass("Repeat the passphrase: ") != first:
            raise UsageError(
                "cli.passphrases_differ", "the two passphrases differ; nothing was changed"
            )
        return first

    def open_vault(self) -> Vault:
        return Vault.open(self.vault_dir, self.passphrase())

    @contextlib.contextmanager
    def engine(self) -> Iterator[Engine]:
        """An unlocked vault with the interview engine over it, closed afterwards."""
        with self.open_vault() as vault, Engine(vault) as engine:
            yield engine

    def emit(
        self,
        data: Any,
        text: str | Callable[[], str] | None = None,
        *,
        error: QuietroomError | None = None,
    ) -> None:
        """The command's result: JSON on stdout with --json, else `text`. `error` is the
        failure the command raises next, after reporting (it goes into the JSON)."""
        if self.json:
            if error is not None:
                failure = {"error": error.to_json()}
                data = (
                    {**data, **failure} if isinstance(data, dict) else {"result": data, **failure}
                )
            write_json(data)
            self.emitted = True
        elif text is not None:
            print(text() if callable(text) else text)

    @staticmethod
    def note(message: str) -> None:
        """Advice for the person at the keyboard: stderr, so --json output stays clean."""
        print(f"quietroom-cli: {message}", file=sys.stderr)
