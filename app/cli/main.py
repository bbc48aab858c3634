"""`quietroom-cli`: the command line, which doubles as the core's test harness.

Exit codes: 0 success; 1 usage or other error; 2 authentication failed; 3 vault missing,
damaged or of an unknown format; 4 verification failed. Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from app import hygiene
from app.cli import (
    case_cmds,
    export_cmds,
    org_cmds,
    sitting_cmds,
    statement_cmds,
    vault_cmds,
)
from app.cli.context import Context
from app.errors import QuietroomError, UsageError
from app.vault.database import DatabaseError, damaged

LOG = logging.getLogger("quietroom.cli")
PROG = "quietroom-cli"


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 1 (2 means authentication)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def one_line(message: str) -> str:
    """Errors may echo what was typed; a newline in it must not make a second line."""
    return "".join(c if c.isprintable() else " " for c in message)


def common_options() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subcommand's copy of an option from overwriting the value given
    # before the command name, so global options work on either side of it.
    common = Parser(add_help=False)
    common.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS,
                        help="the vault directory (default: $QUIETROOM_VAULT or the user "
                             "data directory)")
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                        help="read the passphrase from the first line of FILE ('-': stdin)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="machine-readable output on stdout")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show diagnostic logging and tracebacks")
    return common


def build_parser() -> Parser:
    common = common_options()
    parser = Parser(prog=PROG, parents=[common],
                    description="Quietroom: encrypted, trauma-informed statement taking.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    vault_cmds.register(sub, common)
    case_cmds.register(sub, common)
    sitting_cmds.register(sub, common)
    statement_cmds.register(sub, common)
    org_cmds.register(sub, common)
    export_cmds.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    hygiene.harden_process()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    hygiene.configure_logging(debug)
    try:
        args = build_parser().parse_args(argv)
        return int(args.handler(Context(args)) or 0)
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    except QuietroomError as exc:
        print(f"{PROG}: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except DatabaseError:
        LOG.debug("database error", exc_info=True)
        print(f"{PROG}: {damaged()}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if debug:
            raise
        # Never a traceback: it could carry case content in local variables' reprs.
        LOG.debug("unexpected error", exc_info=True)
        print(f"{PROG}: unexpected error ({type(exc).__name__}); nothing further was changed. "
              "Run again with --debug for details.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
