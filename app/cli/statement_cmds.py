"""CLI commands for the statement: sections, writing, read-back, signing, history."""

from __future__ import annotations

import argparse
import re
from typing import Any

from app.cli.context import Context, case_command, read_binary_file, read_text_file, whole_number
from app.cli.from_file import allow_from_file
from app.engine.pages import MAX_PAGES
from app.engine.statements import MAX_SIGNATURE_BYTES
from app.errors import UsageError
from app.export.pages import confirm_shown_page, render_pages, sign_confirmed

_HEADER = re.compile(r"^\[([a-z][a-z0-9_]*)\]\s*$")


def parse_corrections(text: str) -> dict[str, str]:
    """A corrections file: '[section_id]' lines, each followed by that section's new text."""
    corrections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        match = _HEADER.match(line)
        if match:
            current = corrections.setdefault(match.group(1), [])
        elif current is None:
            if line.strip():
                raise UsageError(
                    "cli.correction_no_header",
                    "the correction file must start with a '[section]' line, or give --section",
                )
        else:
            current.append(line)
    if not corrections:
        raise UsageError("cli.correction_no_section", "the correction file names no section")
    return {k: "\n".join(v).strip("\n") for k, v in corrections.items()}


def cmd_sections(ctx: Context) -> int:
    with ctx.engine() as engine:
        sections = engine.sections(ctx.args.id)
    data = [
        {"id": s.id, "title": s.title, "words": len(s.text.split()), "revision": s.revision}
        for s in sections
    ]
    ctx.emit(
        data, lambda: "\n".join(f"{d['id']:<16} {d['title']} ({d['words']} words)" for d in data)
    )
    return 0


def cmd_write(ctx: Context, append: bool = False) -> int:
    text = read_text_file(ctx.args.file)
    with ctx.engine() as engine:
        if append:
            result = engine.append_section(ctx.args.id, ctx.args.section, text)
        else:
            result = engine.save_section(ctx.args.id, ctx.args.section, text, coalesce=False)
    ctx.emit(
        {
            "section": ctx.args.section,
            "revision": result.seq,
            "sha256": result.sha256,
            "changed": result.changed,
        },
        "Saved." if result.changed else "No change.",
    )
    return 0


def cmd_show(ctx: Context) -> int:
    with ctx.engine() as engine:
        text = engine.statement_text(ctx.args.id)
        sections = engine.sections(ctx.args.id)
        statement = engine.statement(ctx.args.id)
    ctx.emit(
        {
            "statement": statement.number,
            "status": statement.status,
            "text": text,
            "sections": [{"id": s.id, "title": s.title, "text": s.text} for s in sections],
        },
        text,
    )
    return 0


def cmd_readback(ctx: Context) -> int:
    corrections: dict[str, str] = {}
    if ctx.args.correction_file:
        text = read_text_file(ctx.args.correction_file, "correction")
        corrections = {ctx.args.section: text} if ctx.args.section else parse_corrections(text)
    elif ctx.args.section:
        raise UsageError(
            "cli.section_without_file", "--section only applies with --correction-file"
        )
    with ctx.engine() as engine:
        if not ctx.args.confirmed:
            if corrections:
                raise UsageError(
                    "cli.corrections_need_confirmed",
                    "corrections are recorded when the witness confirms: add --confirmed",
                )
            statement = engine.start_readback(ctx.args.id)
            ctx.emit({"status": statement.status}, "Read-back started.")
            return 0
        result = engine.confirm_readback(ctx.args.id, corrections, reader=ctx.args.read_by)
    ctx.emit(result, f"Read-back confirmed with {len(result['corrections'])} correction(s).")
    return 0


def cmd_sign(ctx: Context) -> int:
    data = read_binary_file(ctx.args.witness_signature, "signature", MAX_SIGNATURE_BYTES)
    consents = ctx.args.consent_signature
    consent = read_binary_file(consents, "signature", MAX_SIGNATURE_BYTES) if consents else None
    with ctx.engine() as engine:
        result = sign_confirmed(
            engine,
            ctx.args.id,
            data,
            confirm_all=ctx.args.pages_confirmed,
            end_sitting=ctx.args.end_sitting,
            consent_signature=consent,
        )
    ctx.emit(result, "The statement is signed; its text can no longer change.")
    return 0


def cmd_pages(ctx: Context) -> int:
    with ctx.engine() as engine:
        shown = render_pages(engine, ctx.args.id)
    pages = [
        {"page": p.number, "sha256": p.sha256, "text": "\n".join(p.text.splitlines())}
        for p in shown.pages
    ]
    data = {
        "pages": pages,
        "count": shown.count,
        "declaration": shown.declaration,
        "initials_each_page": shown.initials_each_page,
    }

    def text() -> str:
        blocks = [f"Declaration: {shown.declaration}"]
        blocks += [
            f"--- Page {p['page']} of {shown.count} (SHA-256 {p['sha256']}) ---\n{p['text']}"
            for p in pages
        ]
        return "\n\n".join(blocks)

    ctx.emit(data, text)
    return 0


def cmd_confirm_page(ctx: Context) -> int:
    a = ctx.args
    initials = read_binary_file(a.initials, "initials", MAX_SIGNATURE_BYTES) if a.initials else None
    with ctx.engine() as engine:
        confirmed = confirm_shown_page(engine, a.id, a.page, a.sha256, initials=initials)
    ctx.emit(
        confirmed.to_json(), f"Page {confirmed.page} of {confirmed.pages} confirmed by the witness."
    )
    return 0


def cmd_further(ctx: Context) -> int:
    with ctx.engine() as engine:
        statement = engine.further_statement(ctx.args.id)
    ctx.emit(
        {"statement": statement.number, "status": statement.status},
        f"Started further statement {statement.number}.",
    )
    return 0


def cmd_history(ctx: Context) -> int:
    with ctx.engine() as engine:
        history = engine.section_history(ctx.args.id, ctx.args.section)
    ctx.emit(
        history,
        lambda: (
            "\n".join(
                f"{h['revision']:>5} {h['kind']:<10} {h['updated'][:19]} {h['length']:>8} chars "
                f"{h['saves']:>3} save(s) {h['sha256'][:12]}"
                for h in history
            )
            or "No revisions."
        ),
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("statement", parents=[common], help="the statement text")
    group = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return case_command(group, common, name, handler, help_text)

    command("sections", cmd_sections, "list the statement's sections")
    for name, append in (("write", False), ("append", True)):
        p = command(
            name,
            lambda ctx, a=append: cmd_write(ctx, a),
            "replace a section's text" if not append else "add text to a section",
        )
        p.add_argument("--section", required=True)
        p.add_argument("--file", required=True, metavar="F", help="UTF-8 text; '-' for stdin")
    command("show", cmd_show, "the statement text only (no notes, no prompts)")
    p = command("readback", cmd_readback, "read-back: start it, or record confirmation")
    p.add_argument("--confirmed", action="store_true", help="the witness confirms the text")
    p.add_argument(
        "--correction-file",
        metavar="F",
        help="corrections: '[section]' lines each followed by the corrected text",
    )
    p.add_argument("--section", help="the correction file is this one section's new text")
    p.add_argument(
        "--read-by",
        metavar="NAME",
        help="who read the statement to the witness, if they could not read it",
    )
    allow_from_file(p, sensitive=("--read-by",))
    p = command("sign", cmd_sign, "sign the statement with the witness's signature")
    p.add_argument(
        "--witness-signature",
        required=True,
        metavar="FILE",
        help="PNG, JPEG or SVG of the survivor's signature",
    )
    p.add_argument(
        "--consent-signature",
        metavar="FILE",
        help="the survivor's signature for the consents on the back page (PNG, JPEG, SVG "
        "or pad strokes)",
    )
    p.add_argument(
        "--end-sitting",
        action="store_true",
        help="end the sitting still in progress now, at the signing time (without it, "
        "signing with a sitting in progress is refused)",
    )
    p.add_argument(
        "--pages-confirmed",
        action="store_true",
        help="the witness was shown each page of the statement on screen, as it is now, and "
        "confirmed each one: record every page as confirmed, then sign (without it, each "
        "page must have been confirmed with 'statement confirm-page')",
    )
    command(
        "pages",
        cmd_pages,
        "the statement's pages as they will be signed: number, SHA-256 and text, for the "
        "witness to confirm one by one",
    )
    p = command("confirm-page", cmd_confirm_page, "record that the witness confirmed a page")
    p.add_argument(
        "--page", required=True, type=whole_number(1, MAX_PAGES), metavar="N", help="from 1"
    )
    p.add_argument(
        "--sha256",
        required=True,
        metavar="H",
        help="the page's SHA-256 as 'statement pages' shows it",
    )
    p.add_argument(
        "--initials",
        metavar="FILE",
        help="the witness's initials on the page (pad strokes, PNG, JPEG or SVG), when the "
        "organisation asks for them",
    )
    command("further", cmd_further, "start a further statement after a signed one")
    p = command("history", cmd_history, "the revisions of one section")
    p.add_argument("--section", required=True)
