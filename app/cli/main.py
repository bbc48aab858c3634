"""`quietroom-cli`: the command line, which doubles as the core's test harness.

Exit codes: 0 success; 1 usage or other error; 2 authentication failed; 3 vault missing,
damaged or of an unknown format; 4 verification failed; 6 disk full (nothing stored was
lost). Errors are one line on stderr; with --json, stdout also carries them as
{"error": {"code": …, "message": …}} (inside the command's report when it made one).
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from app.errors import QuietroomError, UsageError

if TYPE_CHECKING:
    from app.cli.context import Context

# Only light imports above: everything else is imported inside main(), so that Ctrl+C
# while Python is still loading the program is one quiet line too, never a traceback.

LOG = logging.getLogger("quietroom.cli")
PROG = "quietroom-cli"

# Options naming a file or folder: an empty name (an unset shell variable, say) must be
# refused, never taken as the current folder or, for --vault, as the default vault.
FILE_OPTIONS = {
    "vault": "--vault",
    "passphrase_file": "--passphrase-file",
    "out": "--out",
    "file": "--file",
    "source": "--from",
    "identity": "--identity",
    "new_passphrase_file": "--new-passphrase-file",
    "correction_file": "--correction-file",
    "witness_signature": "--witness-signature",
    "cert": "--cert",
    "key": "--key",
    "age_identity": "--age-identity",
    "trust": "--trust",
    "password_file": "--password-file",
    "extract": "--extract",
    "org": "--org",
    "bundle": "FILE.qrb",
}


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 1 (2 means authentication)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            "cli.usage", "{message} (see '{prog} --help')", message=message, prog=self.prog
        )


def one_line(message: str) -> str:
    """Errors may echo what was typed; a newline in it must not make a second line."""
    return "".join(c if c.isprintable() else " " for c in message)


def common_options() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subcommand's copy of an option from overwriting the value given
    # before the command name, so global options work on either side of it.
    common = Parser(add_help=False)
    common.add_argument(
        "--vault",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the vault directory (default: $QUIETROOM_VAULT or the user data directory)",
    )
    common.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the passphrase from the first line of FILE ('-': stdin)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="machine-readable output on stdout",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show diagnostic logging and tracebacks",
    )
    return common


# The module that registers each command. Only the modules a command line names are
# imported (each brings what its commands need: pyHanko, reportlab, the sync client…), so
# `status` or `case create` starts in a fraction of the time `export` needs. A test checks
# this table against what each module registers.
COMMAND_MODULES = {
    **dict.fromkeys(
        ("init", "status", "passphrase", "backup", "restore", "recover", "recovery"), "vault"
    ),
    **dict.fromkeys(("case", "witness", "note", "timeline", "field", "audit"), "case"),
    "sitting": "sitting",
    "statement": "statement",
    "exhibit": "exhibit",
    "org": "org",
    **dict.fromkeys(("identity", "export", "verify"), "export"),
    "review": "review",
    "sync": "sync",
}
MODULE_ORDER = (
    "vault", "case", "sitting", "statement", "exhibit", "org", "export", "review", "sync",
)  # fmt: skip


def build_parser(words: Sequence[str] | None = None) -> Parser:
    """The whole command line, or (given the words of one) only the commands it names:
    every module whose command names appear among the words (all when none do, so an
    unknown command lists every one)."""
    import importlib

    named = {COMMAND_MODULES[w] for w in words or () if w in COMMAND_MODULES}
    common = common_options()
    parser = Parser(
        prog=PROG,
        parents=[common],
        description="Quietroom: encrypted, trauma-informed statement taking.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for module in MODULE_ORDER:
        if not named or module in named:
            importlib.import_module(f"app.cli.{module}_cmds").register(sub, common)
    return parser


def check_file_names(args: argparse.Namespace) -> None:
    for dest, flag in FILE_OPTIONS.items():
        if getattr(args, dest, None) == "":
            raise UsageError(
                "cli.empty_file_name",
                "{flag} needs a file or folder name, not an empty string",
                flag=flag,
            )


def say(message: str) -> None:
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        code = run(argv, debug)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
        return code
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped early (`| head`): nothing to say, and nothing
        # more may go to the closed pipe, not even Python's flush at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def run(argv: Sequence[str] | None, debug: bool) -> int:
    from app import hygiene
    from app.cli.context import Context
    from app.cli.from_file import apply_from_file

    hygiene.harden_process()
    hygiene.configure_logging(debug)
    # Until the arguments are parsed, --json is known only from the command line itself.
    wants_json = "--json" in (sys.argv[1:] if argv is None else argv)
    ctx: Context | None = None
    try:
        words = sys.argv[1:] if argv is None else list(argv)
        args = build_parser(words).parse_args(words)
        wants_json = bool(getattr(args, "json", False))
        check_file_names(args)
        warning = apply_from_file(args)
        ctx = Context(args)
        code = int(args.handler(ctx) or 0)
        if warning:  # after the work, and only then: a refusal stays one line
            ctx.note(warning)
        return code
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    except BrokenPipeError:
        raise
    except Exception as exc:
        error = as_error(exc, debug)
        say(str(error))
        if wants_json and not (ctx is not None and ctx.emitted):
            from app.cli.context import write_json

            write_json({"error": error.to_json()})
        return error.exit_code


def as_error(exc: Exception, debug: bool) -> QuietroomError:
    """Any failure as one of the core's errors (a code, one sentence, an exit code)."""
    from app.vault.database import DatabaseError, damaged, database_error, disk_full

    if isinstance(exc, QuietroomError):
        return exc
    if isinstance(exc, DatabaseError):
        # The vault turns these into typed errors itself; this is the fallback for a
        # database error met anywhere else. A busy, full or read-only vault is not a
        # damaged one: never send anyone to their backups for that.
        LOG.debug("database error", exc_info=True)
        return database_error(exc) or damaged()
    if isinstance(exc, OSError) and not debug:
        LOG.debug("file system error", exc_info=True)
        if exc.errno == errno.ENOSPC:
            return disk_full()
        reason = exc.strerror or type(exc).__name__
        if exc.filename:
            return UsageError(
                "cli.os_error", "cannot use {path}: {reason}", path=exc.filename, reason=reason
            )
        return UsageError("cli.os_error_no_path", "{reason}", reason=reason)
    if debug:
        raise exc
    # Never a traceback: it could carry case content in local variables' reprs.
    LOG.debug("unexpected error", exc_info=True)
    return QuietroomError(
        "cli.unexpected",
        "unexpected error ({kind}); nothing further was "
        "changed. Run again with --debug for details.",
        kind=type(exc).__name__,
    )


if __name__ == "__main__":
    sys.exit(main())
