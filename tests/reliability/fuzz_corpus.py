"""The fuzzing campaign's world and seed corpus, built at run time (no binary committed).

`build_world(base)` makes, under `base`: a real organisation (org_init), an interviewer's
vault with a signed case exported as a real bundle, a supervisor's decision files about
it (signed by the organisation's supervisor, encrypted to them and the interviewer),
the intake's receipts for the bundle (version 1, and version 2 with a real time-stamp
token by the intake's own TSA), a time-stamp query, and copies of the shipped guide
files. `samples/` holds each as a file; `corpus/<target>/` holds the seeds for each
target of tests/reliability/fuzz_targets.py (a mode byte, then a sample: see there).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import shutil
import tarfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from asn1crypto import algos, tsp
from pyrage import x25519

from app.engine.engine import Engine
from app.export import safetar
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.org import load_trust, org_init
from app.resources import resource_path
from app.review.decision import DECISION, SIGNATURE, STATEMENT
from app.vault.vault import Vault
from crypto import cms, pki
from intake.receipts import receipt_bytes
from intake.tsa import POLICY_OID, TimeStampingAuthority
from tests.conftest import FAST_KDF, PASSPHRASE

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)
REF = "CSA-FUZZ-1"


def _vault(root: Path, member: Path, trust: Path) -> Engine:
    vault = Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    engine = Engine(vault)
    engine.import_identity(
        member / "cert.pem", member / "key.pem", member / "age-identity.txt", trust
    )
    return engine


def _signed_case(engine: Engine) -> None:
    engine.create_case("csa", REF, interviewer="Jo")
    engine.set_witness(REF, name="Morgan Ŷwen", date_of_birth="1984-02-29")
    engine.set_restricted(REF, address="12 Rowan Terrace", phone="07700 900555")
    engine.start_sitting(REF, location="Cardiff interview suite")
    engine.save_section(REF, "account", "I remember the lane by the chapel.")
    engine.end_sitting(REF)
    engine.confirm_readback(REF)
    confirm_all_pages(engine, REF)
    engine.sign_statement(REF, SVG)


def age_identity(member: Path) -> x25519.Identity:
    text = (member / "age-identity.txt").read_text()
    return x25519.Identity.from_str(next(ln for ln in text.splitlines() if ln.startswith("AGE-")))


def age_recipient(member: Path) -> x25519.Recipient:
    return x25519.Recipient.from_str((member / "age-recipient.txt").read_text().strip())


def tar_files(tar: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        return {m.name: archive.extractfile(m).read() for m in archive}  # type: ignore[union-attr]


def sign_as(member: Path, data: bytes) -> bytes:
    cert, key = pki.load_pem_pair(
        (member / "cert.pem").read_bytes(), (member / "key.pem").read_bytes()
    )
    return cms.sign_detached(data, cert, key)


def decision_doc(manifest: bytes, supervisor: Path, trust: Path, pdf: bytes | None) -> dict:
    cert = pki.load_certificate((supervisor / "cert.pem").read_bytes())
    member = load_trust(trust).member_for_certificate(cert)
    assert member is not None
    return {
        "format": "quietroom-decision",
        "version": 1,
        "decision_id": uuid.uuid4().hex,
        "bundle_id": json.loads(manifest)["bundle_id"],
        "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "case": {"reference": REF, "category": "csa"},
        "decision": "approved" if pdf is not None else "returned",
        "decided": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "reviewer": {
            "name": member.name,
            "certificate_fingerprint": pki.fingerprint(cert),
            "member_id": member.member_id,
        },
        "comments": "Please ask about the date of the second incident.",
        "checklist": {"guide": "csa", "guide_version": 2, "items": {}},
        "statement_pdf_sha256": hashlib.sha256(pdf).hexdigest() if pdf is not None else None,
    }


def decision_tar(doc: dict, supervisor: Path, pdf: bytes | None) -> bytes:
    data = (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    files = [(DECISION, data), (SIGNATURE, sign_as(supervisor, data))]
    if pdf is not None:
        files.append((STATEMENT, pdf))
    return safetar.pack(files, 1_700_000_000)


def tsa_query(digest: bytes) -> bytes:
    return tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "hashed_message": digest,
            },
            "req_policy": POLICY_OID,
            "nonce": 12345,
            "cert_req": True,
        }
    ).dump()


def receipt_doc(bundle: bytes, manifest: bytes, org: Path, stamp: dict | None) -> dict:
    trust = load_trust(org / "trust.json")
    jo = pki.load_certificate((org / "interviewer" / "cert.pem").read_bytes())
    intake = pki.load_certificate((org / "intake" / "cert.pem").read_bytes())
    sender = trust.member_for_certificate(jo)
    assert sender is not None
    doc = {
        "format": "quietroom-receipt",
        "version": 2 if stamp is not None else 1,
        "kind": "bundle",
        "id": json.loads(manifest)["bundle_id"],
        "sha256": hashlib.sha256(bundle).hexdigest(),
        "size": len(bundle),
        "sender": {
            "name": sender.name,
            "certificate_fingerprint": sender.fingerprint,
            "member_id": sender.member_id,
        },
        "received": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "verification": "passed",
        "intake": {"name": "Intake", "certificate_fingerprint": pki.fingerprint(intake)},
    }
    if stamp is not None:
        doc["timestamp"] = stamp
    return doc


def intake_stamp(org: Path, sha256_hex: str) -> dict:
    cert, key = pki.load_pem_pair(
        (org / "intake" / "timestamp-cert.pem").read_bytes(),
        (org / "intake" / "timestamp-key.pem").read_bytes(),
    )
    return asyncio.run(TimeStampingAuthority(cert, key).stamp_sha256(sha256_hex)).to_json()


# Each target's seeds: (mode byte, sample file name); see fuzz_targets.py for the modes.
SEEDS: dict[str, list[tuple[int, str]]] = {
    "bundle": [(0, "bundle.tar"), (1, "bundle.qrb"), (2, "manifest.json")],
    "tar": [(0, "bundle.tar"), (0, "decision-approved.tar")],
    "manifest": [(0, "manifest.json")],
    "record": [(0, "record.json"), (1, "history.json"), (2, "restricted.json")],
    "audit": [(0, "audit.jsonl")],
    "decision": [
        (0, "decision-returned.tar"),
        (0, "decision-approved.tar"),
        (1, "decision-returned.qrr"),
        (2, "decision.json"),
    ],
    "receipt": [(0, "receipt-v1.json"), (0, "receipt-v2.json"), (1, "receipt-v2.p7s")],
    "trust": [(0, "trust.json"), (1, "trust.json"), (2, "trust.json.p7s")],
    "guide": [(0, "csa.toml"), (0, "general-v1.toml"), (1, "csa.cy.toml")],
    "header": [(0, "vault.header")],
    "agefile": [(0, "bundle.qrb"), (0, "decision-returned.qrr")],
    "intake": [
        (0, "tsa-query.der"),
        (1, "content-range.txt"),
        (2, "page-query.txt"),
        (3, "item-id.txt"),
        (4, "stamp.json"),
    ],
}


def build_world(base: Path) -> Path:
    """Build the world under `base` (which must not exist); returns `base`."""
    org = base / "org"
    org_init(org)
    trust = org / "trust.json"
    jo, supervisor = org / "interviewer", org / "supervisor"
    engine = _vault(base / "vault", jo, trust)
    try:
        _signed_case(engine)
        export_case(engine, REF, base / "bundle.qrb")
    finally:
        engine.close()
    samples = base / "samples"
    samples.mkdir()
    bundle = (base / "bundle.qrb").read_bytes()
    tar = pyrage.decrypt(bundle, [age_identity(supervisor)])
    put = {"bundle.qrb": bundle, "bundle.tar": tar, **tar_files(tar)}
    manifest, pdf = put["manifest.json"], put["statement.pdf"]
    recipients = [age_recipient(supervisor), age_recipient(jo)]
    returned = decision_doc(manifest, supervisor, trust, None)
    put["decision.json"] = json.dumps(returned, indent=2, sort_keys=True).encode() + b"\n"
    put["decision-returned.tar"] = decision_tar(returned, supervisor, None)
    put["decision-returned.qrr"] = pyrage.encrypt(put["decision-returned.tar"], recipients)
    approved = decision_doc(manifest, supervisor, trust, pdf)
    put["decision-approved.tar"] = decision_tar(approved, supervisor, pdf)
    stamp = intake_stamp(org, hashlib.sha256(manifest).hexdigest())
    for version, st in ((1, None), (2, stamp)):
        data = receipt_bytes(receipt_doc(bundle, manifest, org, st))
        put[f"receipt-v{version}.json"] = data
        put[f"receipt-v{version}.p7s"] = sign_as(org / "intake", data)
    put["stamp.json"] = json.dumps(stamp).encode()
    put["trust.json"] = trust.read_bytes()
    put["trust.json.p7s"] = (org / "trust.json.p7s").read_bytes()
    guides = resource_path("guides")
    put["csa.toml"] = (guides / "csa.toml").read_bytes()
    put["general-v1.toml"] = (guides / "archive" / "general-v1.toml").read_bytes()
    put["csa.cy.toml"] = (guides / "cy" / "csa.toml").read_bytes()
    put["vault.header"] = (base / "vault" / "vault.header").read_bytes()
    put["tsa-query.der"] = tsa_query(hashlib.sha256(b"fuzz").digest())
    put["content-range.txt"] = b"bytes 0-1023/4096"
    put["page-query.txt"] = b"limit=20&after=2026-12-07T10:00:00.000000Z," + b"a" * 32
    put["item-id.txt"] = json.loads(manifest)["bundle_id"].encode()
    for name, data in put.items():
        (samples / name).write_bytes(data)
    corpus = base / "corpus"
    for target, seeds in SEEDS.items():
        folder = corpus / target
        folder.mkdir(parents=True)
        for number, (mode, name) in enumerate(seeds):
            (folder / f"seed-{number}").write_bytes(bytes([mode]) + put[name])
    shutil.rmtree(base / "vault")  # the header was the vault's only sample
    return base
