"""Checking a decision file (.qrr) from outside, and importing one into the interviewer's
vault.

Verifying needs no vault: an age identity the file is addressed to and the
organisation's trust file (or its CA certificate alone, which cannot say who is a
supervisor: then the decision fails unless `ca_only`). Each check is a line of a report,
as for bundles: decryption (the age header capped by app/export/agefile.py), contents
(only the three expected names, each within a size limit), decision.json against its
schema, the CMS signature by a certificate the CA issued for signing, the signer named
in decision.json, the signer a supervisor in the trust file, and, for an approval, the
countersigned statement PDF (its hash, two valid signatures, nothing changed between).

Importing also checks that the decision is about a bundle this vault exported (by its
bundle id and manifest hash) and, for an approval, that the first signature on the PDF
is this vault's own; only then is the decision stored. Anything else changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from app.engine.engine import Engine
from app.engine.reviews import CaseDecision
from app.errors import Phrase, UsageError, VerificationError
from app.export import agefile, safetar
from app.export.checks import Report, checked_at_phrase, schema, signed_when
from app.export.report import clipped, joined
from app.export.verify import missing_files, read_bundle, read_inputs
from app.org import Trust, load_ca_or_trust
from app.review.countersign import CountersignCheck, check_countersigned
from app.review.decision import DECISION, SIGNATURE, STATEMENT
from crypto import cms, pki
from crypto.pki_errors import PkiError

FILES = frozenset({DECISION, SIGNATURE, STATEMENT})
LIMITS = {DECISION: 1024 * 1024, SIGNATURE: cms.MAX_SIGNATURE, STATEMENT: 256 * 1024 * 1024}
REVIEWER_ROLE = "supervisor"


@dataclass
class DecisionReport(Report):
    """A verification report whose `manifest` slot holds decision.json once it parsed."""

    decision: dict[str, Any] | None = None
    signer: Any = field(default=None, repr=False)
    countersign: CountersignCheck | None = None  # the PDF's check, for an approval

    def to_json(self) -> dict[str, Any]:
        d = self.decision or {}
        return {
            "ok": self.ok,
            "checks": [{"check": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
            "decision_id": d.get("decision_id"),
            "bundle_id": d.get("bundle_id"),
            "decision": d.get("decision"),
            "reviewer": (d.get("reviewer") or {}).get("name"),
            "decided": d.get("decided"),
            "case": d.get("case"),
        }


def verify_decision(
    path: Path, identity_file: Path, trust_path: Path, *, ca_only: bool = False
) -> DecisionReport:
    """A report for any decision file; only unusable arguments raise (UsageError)."""
    ca_cert, trust = load_ca_or_trust(trust_path)
    try:
        data, identities = read_inputs(path, identity_file)
    except VerificationError as exc:
        report = DecisionReport()
        report.refuse("decision file", exc)
        return report
    return verify_decision_data(data, identities, ca_cert, trust, ca_only=ca_only)


def verify_decision_data(
    data: bytes, identities: list[Any], ca_cert: Any, trust: Trust | None, *, ca_only: bool
) -> DecisionReport:
    report = DecisionReport()
    try:
        payload = agefile.decrypt(data, identities)
    except agefile.Refused as refused:
        report.refuse("decryption", _refusal(refused))
        return report
    report.add(
        "decryption",
        True,
        Phrase("report.decision_decrypted", "the decision file opened with your identity"),
    )
    try:
        files = safetar.unpack(payload, FILES, LIMITS)
    except VerificationError as exc:
        report.refuse("contents", exc)
        return report
    missing = sorted({DECISION, SIGNATURE} - files.keys())
    if not report.add(
        "contents",
        not missing,
        Phrase("report.decision_contents", "the decision and its signature are present")
        if not missing
        else missing_files(missing),
    ):
        return report
    report.files = files
    doc = _check_schema(report, files[DECISION])
    if doc is None:
        return report
    report.decision = doc
    signer = _check_signature(report, files, doc, ca_cert)
    _check_reviewer(report, signer, trust, ca_only)
    _check_statement(report, files, doc, ca_cert, signer, trust)
    return report


def _refusal(refused: agefile.Refused) -> VerificationError:
    """agefile's refusals in a decision file's words."""
    if refused.reason == agefile.NOT_AGE:
        return VerificationError(
            "decision.not_age_encrypted",
            "this is not a Quietroom decision file (it is not an age-encrypted file)",
        )
    if refused.reason in (agefile.TOO_MANY_STANZAS, agefile.HEADER_TOO_LARGE):
        return VerificationError(
            "decision.header_too_large",
            "the decision file's encryption header is larger than any Quietroom decision "
            "file's; it was not opened",
        )
    if refused.reason == agefile.NOT_A_RECIPIENT:
        return VerificationError(
            "decision.not_a_recipient", "you are not a recipient of this decision file"
        )
    return VerificationError(
        "decision.does_not_decrypt",
        "the decision file is damaged or has been altered: it does not decrypt",
    )


def _check_schema(report: DecisionReport, raw: bytes) -> dict[str, Any] | None:
    try:
        doc = json.loads(raw.decode("utf-8"))
        jsonschema.Draft202012Validator(schema("decision-v1.schema.json")).validate(doc)
    except RecursionError:
        report.add(
            "decision schema",
            False,
            Phrase("report.decision_too_deep", "decision.json is nested too deeply"),
        )
        return None
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        mismatch = Phrase(
            "report.decision_schema", "decision.json does not match at {where}", where=where
        )
        report.add("decision schema", False, clipped(mismatch, 200))
        return None
    except ValueError:
        report.add(
            "decision schema",
            False,
            Phrase("report.decision_not_json", "decision.json is not UTF-8 JSON"),
        )
        return None
    report.add(
        "decision schema",
        True,
        Phrase("report.decision_valid", "valid against decision-v1.schema.json"),
    )
    return doc if isinstance(doc, dict) else None


def _check_signature(
    report: DecisionReport, files: dict[str, bytes], doc: dict[str, Any], ca_cert: Any
) -> Any:
    moment, how = signed_when(files[SIGNATURE])
    try:
        signer = cms.verify_detached(files[SIGNATURE], files[DECISION], ca_cert, at=moment)
    except PkiError as exc:
        report.add("decision signature", False, f"{exc} ({checked_at_phrase(moment, how)})")
        return None
    named = pki.fingerprint(signer) == doc["reviewer"]["certificate_fingerprint"]
    report.add(
        "decision signature",
        named,
        Phrase(
            "report.decision_signed",
            "signed by {name}, certificate issued by the CA, {checked}",
            name=pki.common_name(signer) or "?",
            checked=checked_at_phrase(moment, how),
        )
        if named
        else Phrase(
            "report.not_the_reviewer", "the signer is not the reviewer named in the decision"
        ),
    )
    report.signer = signer if named else None
    return report.signer


def _check_reviewer(
    report: DecisionReport, signer: Any, trust: Trust | None, ca_only: bool
) -> None:
    if signer is None:
        return
    if trust is None:
        report.add(
            "reviewer",
            ca_only,
            Phrase(
                "report.reviewer_not_checked_accepted",
                "not checked: only the CA certificate was given; give the trust file to check "
                "that the signer is a supervisor (accepted with --ca-only)",
            )
            if ca_only
            else Phrase(
                "report.reviewer_not_checked",
                "not checked: only the CA certificate was given; give the trust file to check "
                "that the signer is a supervisor, or --ca-only to accept this",
            ),
        )
        return
    member = trust.member_for_certificate(signer)
    if member is None:
        report.add(
            "reviewer",
            False,
            Phrase("report.reviewer_not_member", "the signer is not a member of the organisation"),
        )
    elif member.role != REVIEWER_ROLE:
        report.add(
            "reviewer",
            False,
            Phrase(
                "report.reviewer_role",
                "the decision was signed by a member with the role {role}; only a supervisor "
                "may decide",
                role=member.role,
            ),
        )
    else:
        report.add(
            "reviewer",
            True,
            Phrase("report.reviewer", "{name}, a supervisor in the trust file", name=member.name),
        )


def _check_statement(
    report: DecisionReport,
    files: dict[str, bytes],
    doc: dict[str, Any],
    ca_cert: Any,
    signer: Any,
    trust: Trust | None,
) -> None:
    approved = doc["decision"] == "approved"
    pdf = files.get(STATEMENT)
    if not approved:
        report.add(
            "countersigned statement",
            pdf is None and doc["statement_pdf_sha256"] is None,
            Phrase("report.returned", "none, as the statement was returned")
            if pdf is None
            else Phrase(
                "report.returned_with_pdf",
                "a returned statement must not carry a countersigned PDF",
            ),
        )
        return
    if pdf is None or doc["statement_pdf_sha256"] != hashlib.sha256(pdf).hexdigest():
        report.add(
            "countersigned statement",
            False,
            Phrase(
                "report.countersigned_other",
                "the countersigned PDF is missing or is not the one the decision names",
            ),
        )
        return
    check = check_countersigned(pdf, pki.certificate_pem(ca_cert))
    report.countersign = check
    problems: list[Phrase | str] = list(check.problems)  # the PDF check's own English
    if signer is not None and check.countersigner_fingerprint != pki.fingerprint(signer):
        problems.append(
            Phrase(
                "report.countersigned_by_other",
                "the PDF was countersigned by someone other than the reviewer",
            )
        )
    if check.ok and trust is not None:
        author = next(
            (m for m in trust.members if m.fingerprint == check.statement_signer_fingerprint),
            None,
        )
        if author is None or author.role != "interviewer":
            problems.append(
                Phrase(
                    "report.not_by_interviewer",
                    "the statement was not signed by an interviewer of the organisation",
                )
            )
    report.add(
        "countersigned statement",
        check.ok and not problems,
        Phrase(
            "report.countersigned",
            "two valid signatures: the interviewer's over the statement as signed, the "
            "supervisor's over the whole file",
        )
        if check.ok and not problems
        else joined(problems),
    )


# --- the interviewer's side ----------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    decision: CaseDecision
    created: bool
    report: DecisionReport

    def to_json(self) -> dict[str, Any]:
        return {**self.decision.to_json(), "created": self.created}


def import_decision(engine: Engine, path: Path) -> Imported:
    """Verify a decision file with this vault's identity and trust file and keep it on
    the case whose bundle it decides. Refused, with nothing changed, unless every check
    passes and the decision is about a bundle this vault exported."""
    return import_decision_data(engine, read_bundle(path))


def import_decision_data(engine: Engine, data: bytes) -> Imported:
    """`import_decision` for a decision file's bytes (one fetched from the intake)."""
    identity = engine.identity()
    trust = engine.trust()
    if identity.age_identity is None:
        raise UsageError(
            "identity.no_age_identity",
            "this vault has no age identity to open bundles with; import it with your identity",
        )
    if trust is None:
        raise UsageError("identity.no_trust_file", "import the organisation's trust file first")
    report = verify_decision_data(
        data, [identity.age_identity], trust.ca_cert, trust, ca_only=False
    )
    if not report.ok or report.decision is None:
        failed = "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)
        raise VerificationError(
            "decision.failed", "the decision did not verify: {problems}", problems=failed
        )
    doc = report.decision
    exported = engine.exported_bundle(doc["bundle_id"])
    if exported is None:
        raise UsageError(
            "decision.not_our_bundle",
            "this decision is about a bundle this vault never exported; nothing was changed",
        )
    case_id, manifest_sha256, statement_sha256 = exported
    if (
        manifest_sha256 != doc["manifest_sha256"]
        or engine.case(case_id).reference != doc["case"]["reference"]
    ):
        raise VerificationError(
            "decision.other_bundle",
            "this decision names one of this vault's bundles but not its contents; "
            "nothing was changed",
        )
    pdf = report.files.get(STATEMENT)
    if pdf is not None:
        checked = report.countersign
        if checked is None or checked.statement_signer_fingerprint != identity.fingerprint:
            raise VerificationError(
                "decision.not_our_statement",
                "the countersigned statement was not signed by you; nothing was changed",
            )
        # The very statement exported in that bundle (kept since reviews began; an older
        # export has only the checks above).
        if statement_sha256 is not None and checked.signed_statement_sha256 != statement_sha256:
            raise VerificationError(
                "decision.other_statement",
                "the countersigned statement is not the one exported in that bundle; "
                "nothing was changed",
            )
    decision, created = engine.store_decision(
        decision_id=doc["decision_id"],
        bundle_id=doc["bundle_id"],
        decision=doc["decision"],
        reviewer=doc["reviewer"]["name"],
        decided=doc["decided"],
        comments=doc["comments"],
        checklist=doc["checklist"],
        decision_json=report.files[DECISION],
        decision_sig=report.files[SIGNATURE],
        countersigned_pdf=pdf,
    )
    return Imported(decision, created, report)
