"""Verifying a bundle without a vault: decrypt, then check everything that can be checked.

Each check reports a line; the bundle passes only when every check passes. Nothing is
written anywhere unless the caller asks to extract, and then only after every check
passed, only the expected file names, and only inside the chosen folder. A check that
failed with one of the core's errors keeps it as a `Phrase` (code and parameters), so an
interface can say it in its own language.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pyrage

from app.engine import audit
from app.errors import Phrase, UsageError, VerificationError
from app.export import safetar
from app.export.bundle import ALL_FILES, CONTENT_FILES, FORMAT, MANIFEST, SIGNATURE, VERSION
from app.export.pades import validate_pdf_signature
from app.fsutil import cannot_read, ensure_private_dir, read_limited, write_new_file
from app.org import Trust, load_ca_or_trust
from app.org.organisation import identity_file_unreadable, not_an_age_identity_file
from app.resources import resource_path
from crypto import cms, pki
from crypto.pki_errors import PkiError
from crypto.recovery import RecoveryError, parse_identities

MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_IDENTITY_BYTES = 64 * 1024
AGE_MAGIC = b"age-encryption.org/v1\n"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    reason: Phrase | None = field(default=None, compare=False)  # the error behind detail

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name}: {self.detail}"


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str) -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok

    def refuse(self, name: str, error: VerificationError) -> None:
        """A failed check whose detail is the core's error, kept for translation."""
        self.checks.append(Check(name, False, str(error), error.phrase))

    def to_json(self) -> dict[str, Any]:
        m = self.manifest or {}
        return {
            "ok": self.ok,
            "checks": [{"check": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
            "bundle_id": m.get("bundle_id"),
            "case": m.get("case"),
            "author": m.get("author"),
            "created": m.get("created"),
            "sequence": m.get("sequence"),
        }


def _schema() -> dict[str, Any]:
    path = resource_path("schemas", "record-v1.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _decrypt(data: bytes, identities: list[Any]) -> bytes:
    if not data.startswith(AGE_MAGIC):
        raise VerificationError(
            "bundle.not_age_encrypted",
            "this is not a Quietroom bundle (it is not an age-encrypted file)",
        )
    try:
        return pyrage.decrypt(data, identities)
    except Exception as exc:
        if "no matching keys" in str(exc).lower():
            raise VerificationError(
                "bundle.not_a_recipient", "you are not a recipient of this bundle"
            ) from None
        raise VerificationError(
            "bundle.does_not_decrypt",
            "the bundle is damaged or has been altered: it does not decrypt",
        ) from None


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


def verify_bundle(bundle: Path, identity_file: Path, trust_path: Path) -> Report:
    """A report for any bundle file; only unusable arguments (an unreadable file, an
    identity or trust file that is not one) raise, as UsageError."""
    ca_cert, trust = load_ca_or_trust(trust_path)
    try:
        data, identities = read_inputs(bundle, identity_file)
    except VerificationError as exc:  # far too large to be a bundle
        report = Report()
        report.refuse("bundle", exc)
        return report
    return verify_data(data, identities, ca_cert, trust)


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


def verify_data(data: bytes, identities: list[Any], ca_cert: Any, trust: Trust | None) -> Report:
    """Verify bundle bytes with age identities and the organisation's CA (and trust)."""
    report = Report()
    try:
        payload = _decrypt(data, identities)
    except VerificationError as exc:  # a report still says what failed, in JSON too
        report.refuse("decryption", exc)
        return report
    mine = {str(i.to_public()) for i in identities}
    report.add("decryption", True, "the bundle opened with your identity")
    try:
        files = safetar.unpack(payload, ALL_FILES)
    except VerificationError as exc:
        report.refuse("contents", exc)
        return report
    missing = sorted(ALL_FILES - files.keys())
    if not report.add(
        "contents",
        not missing,
        "every expected file is present" if not missing else f"missing: {', '.join(missing)}",
    ):
        return report
    report.files = files
    manifest = _manifest(report, files[MANIFEST])
    if manifest is None:
        return report
    signer = _check_signature(report, files, manifest, ca_cert, trust)
    _check_files(report, files, manifest)
    recipients = set(manifest.get("recipients", []))
    report.add(
        "recipients",
        bool(mine & recipients),
        "you are among the recipients the author signed for"
        if mine & recipients
        else "you are not among the recipients the author signed for: the bundle was "
        "re-encrypted by someone else",
    )
    _check_pdf(report, files["statement.pdf"], ca_cert, signer)
    record = _check_record(report, files["record.json"], manifest)
    _check_audit(report, files["audit.jsonl"], record, manifest)
    return report


def _manifest(report: Report, raw: bytes) -> dict[str, Any] | None:
    try:
        doc = json.loads(raw.decode("utf-8"))
        ok = (
            isinstance(doc, dict)
            and doc.get("format") == FORMAT
            and doc.get("version") == VERSION
            and isinstance(doc.get("files"), dict)
            and isinstance(doc.get("recipients"), list)
        )
    except (UnicodeDecodeError, ValueError):
        ok, doc = False, None
    report.add(
        "manifest",
        ok,
        "format quietroom-bundle, version 1"
        if ok
        else "manifest.json is not a version 1 Quietroom manifest",
    )
    report.manifest = doc if ok else None
    return report.manifest


def _check_signature(
    report: Report,
    files: dict[str, bytes],
    manifest: dict[str, Any],
    ca_cert: Any,
    trust: Trust | None,
) -> Any:
    try:
        signer = cms.verify_detached(files[SIGNATURE], files[MANIFEST], ca_cert)
    except PkiError as exc:
        report.add("manifest signature", False, str(exc))
        return None
    author = manifest.get("author") or {}
    name = pki.common_name(signer) or "?"
    problems = []
    if pki.fingerprint(signer) != author.get("certificate_fingerprint"):
        problems.append("the signer is not the author named in the manifest")
    if trust is not None and trust.member_for_certificate(signer) is None:
        problems.append("the signer is not a member of the organisation's trust file")
    report.add(
        "manifest signature",
        not problems,
        "; ".join(problems)
        if problems
        else f"signed by {name}, certificate issued by the organisation's CA",
    )
    return signer


def _check_files(report: Report, files: dict[str, bytes], manifest: dict[str, Any]) -> None:
    listed = manifest["files"]
    expected = set(CONTENT_FILES)
    problems = []
    if set(listed) != expected:
        problems.append("the manifest does not list exactly the bundle's files")
    for name in sorted(expected & set(listed)):
        entry = listed[name] if isinstance(listed[name], dict) else {}
        if hashlib.sha256(files[name]).hexdigest() != entry.get("sha256") or len(
            files[name]
        ) != entry.get("size"):
            problems.append(f"{name} does not match its SHA-256 in the manifest")
    report.add(
        "file hashes",
        not problems,
        "; ".join(problems) if problems else f"all {len(expected)} files match the signed manifest",
    )


def _check_pdf(report: Report, pdf: bytes, ca_cert: Any, signer: Any) -> None:
    result = validate_pdf_signature(pdf, pki.certificate_pem(ca_cert))
    problems = list(result.problems)
    if not result.covers_whole_document:
        problems.append("the signature does not cover the whole document")
    if signer is not None:
        # A certificate without a common name cannot be matched by name: not the signer.
        name = pki.common_name(signer)
        if name is None or name not in result.signer_subject:
            problems.append("the PDF was signed by someone other than the manifest's signer")
    ok = result.valid and result.covers_whole_document and not problems
    report.add(
        "statement PDF signature",
        ok,
        f"valid, covering the whole document, signed by {result.signer_subject}"
        if ok
        else "; ".join(problems) or "not valid",
    )


def _check_record(report: Report, raw: bytes, manifest: dict[str, Any]) -> dict[str, Any] | None:
    try:
        record = json.loads(raw.decode("utf-8"))
        jsonschema.Draft202012Validator(_schema()).validate(record)
    except (UnicodeDecodeError, ValueError) as exc:
        report.add("record schema", False, f"record.json is not valid JSON ({exc})"[:200])
        return None
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        report.add("record schema", False, f"record.json does not match schema v1 at {where}")
        return None
    same_case = record["case"]["id"] == (manifest.get("case") or {}).get("id")
    report.add(
        "record schema",
        same_case,
        "valid against record-v1.schema.json"
        if same_case
        else "record.json describes another case than the manifest",
    )
    return record


def _check_audit(
    report: Report, raw: bytes, record: dict[str, Any] | None, manifest: dict[str, Any]
) -> None:
    try:
        entries = []
        for line in raw.decode("utf-8").splitlines():
            d = json.loads(line)
            entries.append(
                audit.Entry(
                    d["case_id"],
                    d["seq"],
                    d["at"],
                    d["actor"],
                    d["action"],
                    d["detail"],
                    d["prev"],
                    d["hash"],
                )
            )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        report.add("audit chain", False, "audit.jsonl is not a readable audit log")
        return
    chain = audit.verify_chain(entries)
    problems = [] if chain.intact else [chain.problem or "broken"]
    if (
        record is not None
        and record["audit_head"] != {"seq": chain.entries, "hash": chain.head}
        and chain.intact
    ):
        problems.append("the record's audit head does not match the log")
    if entries and entries[-1].detail.get("bundle_id") != manifest.get("bundle_id"):
        problems.append("the log does not end with this export")
    report.add(
        "audit chain",
        not problems,
        "; ".join(problems) if problems else f"{chain.entries} entries, hash chain intact",
    )


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


def extract(report: Report, target: Path) -> list[str]:
    """Write the verified files into `target` (created 0700); never overwrite anything.
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
            if name not in ALL_FILES:  # defensive: unpack already allows only these
                continue
            path = target / name
            try:
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
        if created:
            with contextlib.suppress(OSError):
                target.rmdir()
        raise
    return [p.name for p in written]


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
