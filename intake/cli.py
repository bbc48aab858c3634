"""`quietroom-intake`: the intake service's command line.

It owns the argument parsing (one argparse subcommand per verb, each registered by a
function here, so `dev` and `serve` join as siblings of `migrate`), the exit codes and
the one-line errors:

    quietroom-intake migrate --dsn DSN     # bring the database to the latest schema
    quietroom-intake dev --org DIR [--port N] [--password-file F]
                                           # the organisation's intake on 127.0.0.1, over
                                           # a throwaway PostgreSQL cluster
    quietroom-intake serve --config FILE   # the production form (intake/config.py)

`dev` and `serve` run until Ctrl+C or SIGTERM and then stop cleanly (exit 0).

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


# --- dev and serve ---------------------------------------------------------------------


def register_dev(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser(
        "dev",
        help="run the organisation's intake on this machine, over a throwaway database",
        description=(
            "Start a throwaway PostgreSQL cluster, migrate it and serve the intake on "
            "127.0.0.1 with the intake identity that 'quietroom-cli org init' wrote. "
            "Ctrl+C stops the server and removes the cluster. For development only."
        ),
    )
    p.add_argument("--org", required=True, metavar="DIR", help="the organisation folder")
    p.add_argument(
        "--port",
        type=_port,
        metavar="N",
        help="the port (default: the trust file's intake address on this machine, else 8443)",
    )
    p.add_argument(
        "--password-file",
        metavar="F",
        help="the password of the intake's identity.p12 (org init --password-file)",
    )
    p.set_defaults(handler=cmd_dev)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text[:6]) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a port number (1 to 65535)")
    return int(text)


def cmd_dev(args: argparse.Namespace) -> int:
    from pathlib import Path

    from intake.launch import run_dev

    password_file = Path(args.password_file) if args.password_file else None
    return run_dev(Path(args.org), args.port, password_file)


def register_serve(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser(
        "serve",
        help="run the intake service (production)",
        description=(
            "Serve the intake with the settings of a TOML configuration file: the "
            "database, the address to listen on, the trust file and CA, and the intake's "
            "identity. The database must be migrated first ('quietroom-intake migrate')."
        ),
    )
    p.add_argument("--config", required=True, metavar="FILE", help="the configuration (TOML)")
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from pathlib import Path

    from intake.config import load_config
    from intake.launch import run_serve

    return run_serve(load_config(Path(args.config)))


# --- the program -----------------------------------------------------------------------


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description="Quietroom's central intake service.")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback for an unexpected failure"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    register_migrate(sub)
    register_dev(sub)
    register_serve(sub)
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
