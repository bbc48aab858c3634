"""CLI commands for identities, exports and verification.

`export` time-stamps the statement's signature with the intake and embeds its validation
data when the intake can be reached (`--timestamp auto|required|off`,
app/sync/export_stamp.py); offline it exports PAdES B-B. `verify` needs no vault: a
supervisor, the intake service or an auditor runs it with their own age identity and the
organisation's trust file (or CA certificate).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import Context, read_passphrase_file
from app.cli.sync_cmds import deliver_now
from app.errors import UnreachableError, UsageError, VerificationError
from app.export.authors import recipient_members, short_fingerprint
from app.export.bundle import MAX_RECIPIENTS, finish_export, prepare_export
from app.export.verify import Report, check_extract_target, extract, verify_bundle
from app.org.identity import private_key_files, remove_key_files
from app.sync.export_stamp import Stamped, remember_crl, stamp_export, stamp_plan
from app.sync.receipts import bundle_receipt


def cmd_identity_import(ctx: Context) -> int:
    a = ctx.args
    password = read_passphrase_file(a.password_file, "key password") if a.password_file else None
    with ctx.engine() as engine:
        summary = engine.import_identity(
            Path(a.cert),
            Path(a.key) if a.key else None,
            Path(a.age_identity) if a.age_identity else None,
            Path(a.trust) if a.trust else None,
            password,
            auth_cert=Path(a.auth_cert) if a.auth_cert else None,
            auth_key=Path(a.auth_key) if a.auth_key else None,
        )
    originals = private_key_files(
        Path(a.cert),
        Path(a.key) if a.key else None,
        Path(a.auth_key) if a.auth_key else None,
        Path(a.age_identity) if a.age_identity else None,
    )
    data: dict[str, Any] = dict(summary.to_json())
    if a.remove_originals:
        removal = remove_key_files(originals)
        data["removed"] = [str(f) for f in removal.removed]
        data["not_removed"] = [str(f) for f in removal.not_removed]
        if removal.not_removed:
            kept = ", ".join(str(f) for f in removal.not_removed)
            ctx.note(f"could not remove {kept}; delete it yourself")
    elif a.key or a.auth_key or a.age_identity:
        ctx.note(
            "the key files you imported are still on disk, unencrypted; delete them, "
            "or import with --remove-originals"
        )
    ctx.emit(
        data,
        f"Imported the identity of {summary.name}"
        + (f", member of {summary.organisation} ({summary.role})" if summary.organisation else "")
        + ".",
    )
    return 0


def cmd_identity_show(ctx: Context) -> int:
    with ctx.engine() as engine:
        summary = engine.identity_summary()
    info = summary.to_json()

    def shown(value: object) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no: import your identity again ('identity import')"
        return str(value or "—")

    ctx.emit(info, lambda: "\n".join(f"{k.replace('_', ' ')}: {shown(v)}" for k, v in info.items()))
    return 0


def cmd_export(ctx: Context) -> int:
    a = ctx.args
    out = Path(a.out) if a.out is not None else None
    if a.crl is not None and a.timestamp == "off":
        raise UsageError(
            "export.crl_without_timestamp",
            "--crl gives the validation data of a time-stamped statement; leave it out with "
            "--timestamp off",
        )
    with ctx.engine() as engine:
        plan = None
        if a.timestamp != "off":
            plan = stamp_plan(engine, crl_file=Path(a.crl) if a.crl else None)
            if plan is None and (a.timestamp == "required" or a.crl is not None):
                raise UsageError(
                    "export.timestamp_not_set_up",
                    "a time-stamp comes from the intake: set its address ('sync configure "
                    "--url'), import your authentication certificate and a trust file that "
                    "lists the intake's time-stamping certificate",
                )
        prepared = prepare_export(
            engine, a.id, out, a.recipient, send=a.send, room_for_timestamp=plan is not None
        )
        stamped = stamp_export(prepared, plan) if plan is not None else None
        note = _stamp_note(stamped, required=a.timestamp == "required")
        if stamped is not None and stamped.fetched_crl is not None:
            remember_crl(engine, stamped.fetched_crl)
        result = finish_export(engine, prepared, stamped.statement if stamped else None)
        data: dict[str, Any] = result.to_json()
        # Who each recipient is (keys §7): name, role and fingerprint, never a bare name.
        data["recipient_members"] = recipient_members(prepared.chosen, engine.trust())
        if a.send and stamped is not None and stamped.unreachable:
            # Just found offline: no second attempt; the outbox keeps it for 'sync run'.
            data["delivery"] = {"state": "queued", "error": stamped.offline}
            note = f"{note}; queued in the outbox: 'sync run' will deliver it"
        elif a.send:
            data["delivery"] = deliver_now(ctx, engine, result.bundle_id)
    if note:
        ctx.note(note)
    where = f"Wrote the bundle to {result.path}" if result.path else "Exported the bundle"
    sent = ""
    if a.send:
        state = data["delivery"]["state"]
        sent = "; delivered to the intake" if state == "delivered" else f"; {state} in the outbox"
    level = f", PAdES {result.pades_level}"
    if result.timestamp is not None:
        level += f" time-stamped {result.timestamp.gen_time:%Y-%m-%d %H:%M:%S} UTC by the intake"
    whom = [
        f"  to {m['name']} ({m['role']}, {short_fingerprint(m['fingerprint'])})"
        if "name" in m
        else f"  to {m['age_recipient']}"
        for m in data["recipient_members"]
    ]
    ctx.emit(
        data,
        "\n".join([f"{where} ({len(result.recipients)} recipients{level}){sent}.", *whom]),
    )
    return 0


def _stamp_note(stamped: Stamped | None, *, required: bool) -> str:
    """One line for stderr when the statement is less than B-LT for a reason the
    interviewer should know; with --timestamp required, the error instead (nothing has
    been written yet)."""
    if stamped is None:
        return ""
    if stamped.offline is not None:
        if required and stamped.unreachable:
            raise UnreachableError(
                "export.timestamp_unreachable",
                "the intake could not be reached for the time-stamp ({reason}); nothing was "
                "exported: try again when the network is back, or export with --timestamp auto",
                reason=stamped.offline,
            )
        if required:
            raise UsageError(
                "export.timestamp_refused",
                "the intake gave no time-stamp that checks ({reason}); nothing was exported",
                reason=stamped.offline,
            )
        return (
            f"the intake could not be reached ({stamped.offline}): the statement is exported "
            "without a time-stamp (PAdES B-B)"
            if stamped.unreachable
            else f"the intake gave no time-stamp that checks ({stamped.offline}): the "
            "statement is exported without one (PAdES B-B)"
        )
    if stamped.no_crl is not None:
        if required:
            raise UsageError(
                "export.no_crl",
                "the intake serves no current revocation list ({reason}); give the "
                "organisation's crl.der with --crl FILE; nothing was exported",
                reason=stamped.no_crl,
            )
        return (
            f"the intake serves no current revocation list ({stamped.no_crl}): the statement "
            "is time-stamped without its validation data (PAdES B-T)"
        )
    return ""


def cmd_verify(ctx: Context) -> int:
    a = ctx.args
    if a.extract:
        check_extract_target(Path(a.extract))
    receipt = bundle_receipt(Path(a.receipt)) if a.receipt else None
    report = verify_bundle(
        Path(a.bundle), Path(a.identity), Path(a.trust), ca_only=a.ca_only, receipt=receipt
    )
    written: list[str] = []
    if report.ok and a.extract:
        written = extract(report, Path(a.extract))
    data: dict[str, Any] = report.to_json()
    if a.extract:
        data["extracted"] = written
    error = None if report.ok else _not_verified(report, bool(a.extract))
    ctx.emit(data, lambda: "\n".join(c.line() for c in report.checks), error=error)
    if error is not None:
        raise error
    return 0


def _not_verified(report: Report, extract: bool) -> VerificationError:
    problems = "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)
    # One line on stderr: saying nothing was extracted is part of it, not a second.
    if extract:
        return VerificationError(
            "verify.failed_not_extracted",
            "the bundle did not verify (nothing was extracted): {problems}",
            problems=problems,
        )
    return VerificationError(
        "verify.failed", "the bundle did not verify: {problems}", problems=problems
    )


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("identity", parents=[common], help="your signing identity")
    group = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = group.add_parser(
        "import", parents=[common], help="import your certificate, key, age identity and trust file"
    )
    p.add_argument("--cert", required=True, metavar="F", help="certificate (PEM) or PKCS#12")
    p.add_argument("--key", metavar="F", help="private key (PEM); not needed for PKCS#12")
    p.add_argument("--age-identity", metavar="F")
    p.add_argument("--trust", metavar="F", help="the organisation's trust.json")
    p.add_argument("--password-file", metavar="F", help="password of the key or PKCS#12")
    p.add_argument(
        "--auth-cert",
        metavar="F",
        help="your authentication (TLS) certificate; not needed for an identity.p12",
    )
    p.add_argument("--auth-key", metavar="F", help="the authentication certificate's key (PEM)")
    p.add_argument(
        "--remove-originals",
        action="store_true",
        help="after importing, overwrite and delete the key files given (best effort: "
        "SSDs and backups may keep copies)",
    )
    p.set_defaults(handler=cmd_identity_import)
    p = group.add_parser("show", parents=[common], help="who this vault belongs to")
    p.set_defaults(handler=cmd_identity_show)

    p = sub.add_parser("export", parents=[common], help="export a signed statement bundle")
    p.add_argument("id", metavar="ID", help="the case id or reference")
    p.add_argument("--out", metavar="FILE.qrb", help="where to write it (needed without --send)")
    p.add_argument(
        "--send",
        action="store_true",
        help="also put it in the outbox for the intake (addressed to it) and try to "
        "deliver it now; without --out the outbox alone keeps it",
    )
    p.add_argument(
        "--recipient",
        action="extend",
        nargs="+",
        metavar="AGE_RECIPIENT|NAME",
        help="default: the trust file's supervisors and intake; always the author; "
        f"at most {MAX_RECIPIENTS} in all",
    )
    p.add_argument(
        "--timestamp",
        choices=("auto", "required", "off"),
        default="auto",
        help="the intake's time-stamp and validation data on the statement's signature "
        "(PAdES B-LT). auto (default): when sync is set up, try the intake; offline, the "
        "statement is exported without (B-B) and one line says so. required: exit 5 and "
        "export nothing when the intake cannot be reached. off: never ask",
    )
    p.add_argument(
        "--crl",
        metavar="FILE",
        help="the organisation's current revocation list (crl.der) for the validation "
        "data, instead of the one the intake serves",
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("verify", parents=[common], help="verify a bundle (no vault needed)")
    p.add_argument("bundle", metavar="FILE.qrb")
    p.add_argument("--identity", required=True, metavar="AGE_IDENTITY_FILE")
    p.add_argument("--trust", required=True, metavar="TRUST_OR_CA")
    p.add_argument("--extract", metavar="DIR", help="write the verified files into DIR")
    p.add_argument(
        "--ca-only",
        action="store_true",
        help="with only the CA's certificate as --trust, accept a bundle whose author's "
        "membership and role cannot be checked (the report still says so)",
    )
    p.add_argument(
        "--receipt",
        metavar="DIR",
        help="a folder holding the intake's receipt for this bundle (receipt.json and "
        "receipt.p7s): checked too, and the manifest's signature is then checked at the "
        "receipt's time stamp (needs the trust file)",
    )
    p.set_defaults(handler=cmd_verify)
