"""`quietroom-intake`: the intake service's command line.

It owns the argument parsing (one argparse subcommand per verb, each registered by a
function here, so `dev` and `serve` join as siblings of `migrate`), the exit codes and
the one-line errors. Today it has one command:

    quietroom-intake migrate --dsn DSN     # bring the database to the latest schema

Exit codes follow the organisation's table (app/errors.py): 0 success, 1 usage or
other error. A database that cannot be reached is exit 1 with the code
`intake.db_unreachable`, not 5: exit 5 means "the intake could not be reached" to the
sync client's one-shot commands, and here the caller is the intake's operator, for whom
an unreachable database is one more failure of the service's own (DECISIONS, exit codes).
Errors are one line on stderr, never a traceback (`--debug` shows one for a failure
nobody foresaw).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from app.errors import QuietroomError, UsageError, unexpected

# Only light imports above: psycopg and the rest load inside the commands, so that
# Ctrl+C while Python is still loading is one quiet line too.

PROG = "quietroom-intake"
LOG = logging.getLogger("quietroom.intake")

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 1 (as quietroom-cli)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            "intake.usage", "{message} (see '{prog} --help')", message=message, prog=self.prog
        )


def one_line(message: str) -> str:
    return "".join(c if c.isprintable() else " " for c in message)


def say(message: str) -> None:
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)


# --- migrate ---------------------------------------------------------------------------


def register_migrate(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser(
        "migrate",
        help="bring the intake's database to the latest schema",
        description=(
            "Apply the schema migrations the database is missing, in order. Safe to run "
            "while other intake processes run or migrate the same database."
        ),
    )
    p.add_argument(
        "--dsn",
        required=True,
        metavar="DSN",
        help=(
            "the database, as postgresql://USER@HOST:PORT/DATABASE; leave the password "
            "out (other users can see a command line) and keep it in ~/.pgpass or "
            "PGPASSFILE, which libpq reads"
        ),
    )
    p.set_defaults(handler=cmd_migrate)


def cmd_migrate(args: argparse.Namespace) -> int:
    from intake.migrations import migrate

    before, after = migrate(args.dsn)
    if before == after:
        print(f"the intake database is at schema version {after}; nothing to do")
    else:
        print(f"migrated the intake database: schema version {before} -> {after}")
    return 0


# --- the program -----------------------------------------------------------------------


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description="Quietroom's central intake service.")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback for an unexpected failure"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    register_migrate(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_seen = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args_seen
    try:
        return run(argv, debug)
    except KeyboardInterrupt:
        say("interrupted")
        return 130


def run(argv: Sequence[str] | None, debug: bool) -> int:
    from app import hygiene

    hygiene.harden_process()
    hygiene.configure_logging(debug)
    try:
        args = build_parser().parse_args(argv)
        handler: Handler = args.handler
        code = handler(args)
        sys.stdout.flush()
        return code
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except QuietroomError as error:
        say(str(error))
        return error.exit_code
    except Exception:
        if debug:
            raise
        LOG.debug("unexpected failure", exc_info=True)
        calm = unexpected()
        say(str(calm))
        return calm.exit_code


if __name__ == "__main__":
    sys.exit(main())
