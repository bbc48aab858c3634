"""CLI commands for the exhibits a statement produces: add, list, remove and extract.

    exhibit add ID [--reference RP/1] --description TEXT [--file PATH]
    exhibit list ID
    exhibit remove ID --reference RP/1
    exhibit extract ID --reference RP/1 --out PATH

Without --reference, `add` gives the exhibit the next reference from the witness's
initials. `extract` writes the exhibit's file as a new file readable by its owner only,
never over an existing one, and logs that it was written out.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
from pathlib import Path
from typing import Any

from app.cli.context import Context, case_command, read_binary_file
from app.cli.from_file import allow_from_file
from app.engine.exhibits import MAX_EXHIBIT_BYTES, Exhibit
from app.errors import DiskFullError, UsageError
from app.fsutil import check_output_file, no_such_folder, write_new_file


def _size(size: int | None) -> str:
    if size is None:
        return "no file"
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    return f"{size / 1024:.1f} KiB" if size >= 1024 else f"{size} bytes"


def _line(e: Exhibit) -> str:
    file = f"{e.filename}, {_size(e.size)}" if e.filename else "no file"
    return f"{e.reference:<9} {e.description}  ({file})"


def cmd_add(ctx: Context) -> int:
    a = ctx.args
    data = read_binary_file(a.file, "exhibit", MAX_EXHIBIT_BYTES) if a.file else None
    with ctx.engine() as engine:
        reference = a.reference
        if reference is None:
            reference = engine.next_exhibit_reference(a.id)
            if reference is None:
                raise UsageError(
                    "exhibit.reference_needed",
                    "no reference can be suggested from the witness's name; give one with "
                    "--reference, such as RP/1",
                )
        exhibit = engine.add_exhibit(
            a.id,
            reference,
            a.description,
            data=data,
            filename=Path(a.file).name if a.file else None,
        )
    ctx.emit(exhibit.to_json(), f"Added exhibit {exhibit.reference} ({_size(exhibit.size)}).")
    return 0


def cmd_list(ctx: Context) -> int:
    with ctx.engine() as engine:
        exhibits = engine.exhibits(ctx.args.id)
        suggested = engine.next_exhibit_reference(ctx.args.id)

    def text() -> str:
        lines = [_line(e) for e in exhibits] or ["The statement produces no exhibits yet."]
        if suggested:
            lines.append(f"Next reference: {suggested}")
        return "\n".join(lines)

    ctx.emit([e.to_json() for e in exhibits], text)
    return 0


def cmd_remove(ctx: Context) -> int:
    with ctx.engine() as engine:
        exhibit = engine.remove_exhibit(ctx.args.id, ctx.args.reference)
    ctx.emit(
        {"removed": exhibit.reference},
        f"Removed exhibit {exhibit.reference}; its reference is not used again.",
    )
    return 0


def _check_new_file(out: Path, vault_root: Path) -> None:
    """Refuse, before anything is read, a place the file could not be written to new."""
    check_output_file(out, "exhibit", vault_root=vault_root)
    if out.exists() or out.is_symlink():
        raise UsageError(
            "exhibit.out_exists",
            "{path} already exists; give a new file name (nothing is ever overwritten)",
            path=out,
        )
    if not out.parent.is_dir():
        raise no_such_folder(out.parent)


def _write_new(out: Path, data: bytes) -> None:
    """The file, 0600, created new; nothing of it is left behind if writing fails."""
    try:
        write_new_file(out, data)
    except FileExistsError:
        raise UsageError(
            "exhibit.out_exists",
            "{path} already exists; give a new file name (nothing is ever overwritten)",
            path=out,
        ) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(out)
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(
                "file.disk_full",
                "cannot write the {what} to {path}: {reason}",
                what="exhibit",
                path=out,
                reason=exc.strerror,
            ) from None
        raise UsageError(
            "file.cannot_write",
            "cannot write the {what} to {path}: {reason}",
            what="exhibit",
            path=out,
            reason=exc.strerror,
        ) from None


def cmd_extract(ctx: Context) -> int:
    out = Path(ctx.args.out)
    _check_new_file(out, ctx.vault_dir)
    with ctx.engine() as engine:
        data = engine.exhibit_file(ctx.args.id, ctx.args.reference, audit_view=True)
    _write_new(out, data)
    ctx.emit(
        {"reference": ctx.args.reference.strip(), "out": str(out), "size": len(data)},
        f"Wrote exhibit {ctx.args.reference.strip()} to {out} (readable by you only).",
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("exhibit", parents=[common], help="the exhibits the statement produces")
    group = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return case_command(group, common, name, handler, help_text)

    p = command("add", cmd_add, "add an exhibit to the current statement's register")
    p.add_argument(
        "--reference",
        metavar="REF",
        help="the producer's initials and a number, such as RP/1 (default: the next "
        "one from the witness's initials)",
    )
    p.add_argument("--description", required=True, metavar="TEXT", help="what it is, one line")
    p.add_argument(
        "--file",
        metavar="PATH",
        help=f"the exhibit's file (at most {MAX_EXHIBIT_BYTES // (1024 * 1024)} MiB), "
        "kept encrypted in the vault",
    )
    allow_from_file(p, sensitive=("--description",))
    command("list", cmd_list, "list the current statement's exhibits")
    p = command("remove", cmd_remove, "remove an exhibit before signing")
    p.add_argument("--reference", required=True, metavar="REF")
    p = command("extract", cmd_extract, "write an exhibit's file to a new file")
    p.add_argument("--reference", required=True, metavar="REF")
    p.add_argument("--out", required=True, metavar="PATH", help="a new file (never overwritten)")
