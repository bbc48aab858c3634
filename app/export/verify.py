"""Verifying a bundle without a vault: decrypt, then check everything that can be checked.

Each check reports a line; the bundle passes only when every check passes. Nothing is
written anywhere unless the caller asks to extract, and then only after every check
passed, only the expected file names, and only inside the chosen folder. Each line's
detail is kept as a `Phrase` too (app/export/report.py), or, for a check that failed with
one of the core's errors, that error's; so an interface can say it in its own language.

The file is opened through app/export/agefile.py (its age header read within limits
before pyrage sees it), the tar unpacked by safetar with a size limit per file and
nothing allowed after the archive's end, and the contents checked by app/export/checks.py
and record_checks.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import Phrase, UsageError, VerificationError
from app.export import agefile, safetar
from app.export.bundle import (
    ALL_FILES,
    FILE_LIMITS,
    HISTORY,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    VERSION,
    VERSIONS,
    files_of_version,
)
from app.export.checks import (
    MALFORMED,
    check_author,
    check_files,
    check_manifest,
    check_pdf,
    check_recipients,
    check_signature,
    check_timestamp_record,
)
from app.export.exhibits import BundleLimits, BundleNames, check_exhibits, exhibit_names
from app.export.page_text import check_pages
from app.export.receipt_check import RECEIPT_CHECK, Receipted, check_receipted
from app.export.record_checks import (
    check_audit,
    check_binding,
    check_history,
    check_record,
    check_restricted,
    check_restricted_binding,
)
from app.export.report import Check, Report, joined
from app.fsutil import cannot_read, ensure_private_dir, read_limited, write_new_file
from app.org import Trust, load_ca_or_trust
from app.org.organisation import identity_file_unreadable, not_an_age_identity_file
from crypto.recovery import RecoveryError, parse_identities

__all__ = [
    "Check",
    "Report",
    "check_extract_target",
    "extract",
    "read_bundle",
    "read_inputs",
    "verify_bundle",
    "verify_data",
    "verify_in_vault",
]

# Every name a bundle may hold: the fixed files of every version, and exhibits' files.
BUNDLE_NAMES = BundleNames(ALL_FILES)
MAX_IDENTITY_BYTES = 64 * 1024
AGE_MAGIC = agefile.AGE_MAGIC


def _decrypt(data: bytes, identities: list[Any]) -> bytes:
    """The bundle's tar, through the one gate every age file from outside passes
    (app/export/agefile.py), its refusals in a bundle's words."""
    try:
        return agefile.decrypt(data, identities)
    except agefile.Refused as refused:
        raise _refusal(refused) from None


def _refusal(refused: agefile.Refused) -> VerificationError:
    if refused.reason == agefile.NOT_AGE:
        return VerificationError(
            "bundle.not_age_encrypted",
            "this is not a Quietroom bundle (it is not an age-encrypted file)",
        )
    if refused.reason == agefile.TOO_MANY_STANZAS:
        return VerificationError(
            "bundle.too_many_recipients",
            "the bundle is encrypted to more than {limit} recipients, more than any "
            "Quietroom bundle; it was not opened",
            limit=refused.limit,
        )
    if refused.reason == agefile.HEADER_TOO_LARGE:
        return VerificationError(
            "bundle.header_too_large",
            "the bundle's encryption header is larger than {limit} KiB, larger than any "
            "Quietroom bundle's; it was not opened",
            limit=refused.limit // 1024,
        )
    if refused.reason == agefile.NOT_A_RECIPIENT:
        return VerificationError("bundle.not_a_recipient", "you are not a recipient of this bundle")
    return VerificationError(
        "bundle.does_not_decrypt",
        "the bundle is damaged or has been altered: it does not decrypt",
    )


def read_inputs(bundle: Path, identity_file: Path) -> tuple[bytes, list[Any]]:
    # The small identity file first: a wrong one is refused before a large bundle is read.
    try:
        raw = read_limited(identity_file, MAX_IDENTITY_BYTES)
    except OSError as exc:
        raise identity_file_unreadable(identity_file, exc.strerror) from None
    except ValueError:  # far larger than any identity file (or endless, like /dev/zero)
        raise not_an_age_identity_file(identity_file) from None
    try:
        identities = parse_identities(raw.decode("utf-8"))
    except (UnicodeDecodeError, RecoveryError):
        raise not_an_age_identity_file(identity_file) from None
    return read_bundle(bundle), identities


def verify_bundle(
    bundle: Path,
    identity_file: Path,
    trust_path: Path,
    *,
    ca_only: bool = False,
    receipt: Callable[[bytes, Trust | None], Receipted] | None = None,
) -> Report:
    """A report for any bundle file; only unusable arguments (an unreadable file, an
    identity or trust file that is not one) raise, as UsageError. With only the CA's
    certificate (no trust file), membership and role cannot be checked: the bundle then
    fails unless `ca_only` says the caller accepts that. `receipt` checks the intake's
    receipt for the bundle file's bytes (the sync layer's `bundle_receipt`), raising
    VerificationError when it does not check."""
    ca_cert, trust = load_ca_or_trust(trust_path)
    try:
        data, identities = read_inputs(bundle, identity_file)
    except VerificationError as exc:  # far too large to be a bundle
        report = Report()
        report.refuse("bundle", exc)
        return report
    receipted: Receipted | VerificationError | None = None
    if receipt is not None:
        try:
            receipted = receipt(data, trust)
        except VerificationError as exc:  # a failed line of the report, not an abort
            receipted = exc
    return verify_data(data, identities, ca_cert, trust, ca_only=ca_only, receipt=receipted)


def read_bundle(bundle: Path) -> bytes:
    """The bundle's bytes; for a file that does not start as an age file, only that start
    (enough for decryption to say so), so a large or endless file of something else
    (/dev/zero) is never read whole."""
    too_large = VerificationError(
        "bundle.far_too_large", "the file is far larger than any Quietroom bundle"
    )
    try:
        with open(bundle, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISREG(st.st_mode) and st.st_size > MAX_BUNDLE_BYTES:
                raise too_large
            start = fh.read(len(AGE_MAGIC))
            if start != AGE_MAGIC:
                return start
            data = start + fh.read(MAX_BUNDLE_BYTES + 1 - len(start))
    except OSError as exc:
        raise cannot_read(bundle, exc.strerror) from None
    if len(data) > MAX_BUNDLE_BYTES:
        raise too_large
    return data


def verify_data(
    data: bytes,
    identities: list[Any],
    ca_cert: Any,
    trust: Trust | None,
    *,
    ca_only: bool = False,
    receipt: Receipted | VerificationError | None = None,
) -> Report:
    """Verify bundle bytes with age identities and the organisation's CA (and trust);
    with the intake's `receipt` for them (already checked, or why it did not), the
    manifest's signature is checked at the receipt's time stamp."""
    report = Report()
    if isinstance(receipt, VerificationError):  # whatever the bundle holds, it is not that
        report.refuse(RECEIPT_CHECK, receipt)
        receipt = None
    try:
        payload = _decrypt(data, identities)
    except VerificationError as exc:  # a report still says what failed, in JSON too
        report.refuse("decryption", exc)
        return report
    mine = {str(i.to_public()) for i in identities}
    report.add(
        "decryption", True, Phrase("report.decrypted", "the bundle opened with your identity")
    )
    try:
        files = safetar.unpack(payload, BUNDLE_NAMES, BundleLimits(FILE_LIMITS))
    except VerificationError as exc:
        report.refuse("contents", exc)
        return report
    version = _claimed_version(files)
    expected = files_of_version(version) | exhibit_names(files, version)
    missing = sorted(expected - files.keys())
    extra = sorted(files.keys() - expected)
    problems = [missing_files(missing)] if missing else []
    if extra:
        problems.append(
            Phrase(
                "report.not_of_version",
                "not part of this version of a bundle: {names}",
                names=", ".join(extra),
            )
        )
    if not report.add(
        "contents",
        not problems,
        Phrase("report.contents", "every expected file is present")
        if not problems
        else joined(problems),
    ):
        return report
    report.files = files
    try:
        _check_contents(report, files, mine, ca_cert, trust, ca_only, receipt)
    except MALFORMED as exc:  # a shape no check foresaw: still a failed check, named
        report.add(
            "contents",
            False,
            Phrase(
                "report.malformed",
                "the bundle holds malformed data the checks could not read ({kind})",
                kind=type(exc).__name__,
            ),
        )
    if trust is not None and trust.next_update is not None and trust.past_next_update():
        # Not a failure: the bundle is what it was. But membership may have changed since.
        report.add(
            "trust file",
            True,
            Phrase(
                "report.trust_past_update",
                "past its next update ({date}): members may have been removed since; ask your "
                "administrator for the current one",
                date=f"{trust.next_update:%Y-%m-%d}",
            ),
        )
    return report


def missing_files(names: list[str]) -> Phrase:
    """ "missing: manifest.json, record.json" (a decision file's contents too)"""
    return Phrase("report.missing", "missing: {names}", names=", ".join(names))


def _check_contents(
    report: Report,
    files: dict[str, bytes],
    mine: set[str],
    ca_cert: Any,
    trust: Trust | None,
    ca_only: bool,
    receipt: Receipted | None,
) -> None:
    manifest = check_manifest(report, files[MANIFEST])
    if manifest is None:
        return
    trusted = None
    if receipt is not None:
        trusted = check_receipted(report, receipt, manifest, files[MANIFEST])
    signer = check_signature(report, files, manifest, ca_cert, trusted_time=trusted)
    check_author(report, signer, trust, ca_only=ca_only)
    check_files(report, files, manifest)
    check_recipients(report, mine, manifest)
    pdf = check_pdf(report, files["statement.pdf"], ca_cert, signer, trust)
    record = check_record(report, files["record.json"], manifest)
    if manifest["version"] >= 2:
        check_timestamp_record(report, pdf, record, trust)
        check_binding(report, files["statement.pdf"], record)
        check_history(report, files[HISTORY], record, manifest)
        check_exhibits(report, files, record)
        check_pages(report, files["statement.pdf"], record)  # the pages the witness confirmed
        check_restricted_binding(report, files["restricted.pdf"], manifest)
    check_restricted(report, files["restricted.json"], manifest)
    check_audit(report, files["audit.jsonl"], record, manifest)


def _claimed_version(files: dict[str, bytes]) -> int:
    """The version the manifest claims, only to know which files to expect (the manifest
    check then reads it properly); the version written when it cannot be told."""
    try:
        version = json.loads(files[MANIFEST].decode("utf-8")).get("version")
    except (KeyError, ValueError, AttributeError, RecursionError):
        return VERSION
    return version if type(version) is int and version in VERSIONS else VERSION


def check_extract_target(target: Path) -> None:
    """Refuse, before anything is decrypted, a target that is not a new or empty folder:
    extracting beside other files could mix bundles or stop half-way."""
    if not target.exists():
        # It will be made with its parents: refuse now if a file stands in the way.
        blocker = next((p for p in target.parents if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise UsageError(
                "extract.folder_blocked",
                "cannot create the folder {path}: {blocker} is not a folder",
                path=target,
                blocker=blocker,
            )
        return
    if not target.is_dir():
        raise UsageError("extract.not_a_folder", "{path} exists and is not a folder", path=target)
    try:
        empty = next(target.iterdir(), None) is None
    except OSError as exc:
        raise UsageError(
            "extract.folder_unreadable",
            "cannot read the folder {path}: {reason}",
            path=target,
            reason=exc.strerror,
        ) from None
    if not empty:
        raise UsageError(
            "extract.folder_not_empty",
            "{path} is not empty; choose a new or empty folder",
            path=target,
        )


def extract(report: Report, target: Path, *, names: frozenset[str] = BUNDLE_NAMES) -> list[str]:
    """Write the verified files into `target` (created 0700); never overwrite anything.
    Only `names` are written (a bundle's files; a decision file passes its own).
    All or nothing: if one file cannot be written, those already written are removed,
    so no plaintext (the restricted details above all) is left behind by a failure."""
    if not report.ok:
        raise VerificationError(
            "extract.not_verified", "not extracted, because the bundle did not verify"
        )
    check_extract_target(target)
    created = not target.exists()
    try:
        ensure_private_dir(target)
    except OSError as exc:
        raise UsageError(
            "extract.cannot_create_folder",
            "cannot create the folder {path}: {reason}",
            path=target,
            reason=exc.strerror,
        ) from None
    written: list[Path] = []
    try:
        for name in sorted(report.files):
            if name not in names:  # defensive: unpack already allows only these
                continue
            path = target / name
            try:
                if path.parent != target:  # exhibits/…: a private folder of their own
                    ensure_private_dir(path.parent)
                write_new_file(path, report.files[name])
            except FileExistsError:
                raise UsageError(
                    "extract.file_exists",
                    "{path} already exists; choose an empty folder",
                    path=path,
                ) from None
            except OSError as exc:
                raise UsageError(
                    "extract.cannot_write",
                    "cannot write {path}: {reason}",
                    path=path,
                    reason=exc.strerror,
                ) from None
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # the exhibits' folder, if made and now empty
            (target / "exhibits").rmdir()
        if created:
            with contextlib.suppress(OSError):
                target.rmdir()
        raise
    return [p.relative_to(target).as_posix() for p in written]


def verify_in_vault(engine: Any, bundle: Path) -> Report:
    """Verify with this vault's own age identity and stored trust file (the desktop app)."""
    identity = engine.identity()
    trust = engine.trust()
    if identity.age_identity is None:
        raise UsageError(
            "identity.no_age_identity",
            "this vault has no age identity to open bundles with; import it with your identity",
        )
    if trust is None:
        raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
    return verify_data(read_bundle(bundle), [identity.age_identity], trust.ca_cert, trust)
