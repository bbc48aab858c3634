"""Receipts: what the intake signs for every bundle and decision it keeps.

`receipt.json` (UTF-8 JSON, keys sorted, indented by two spaces, a final newline):

    {
      "format": "quietroom-receipt",
      "version": 2,
      "kind": "bundle" | "decision",
      "id": "the bundle id or decision id (32 hex digits)",
      "sha256": "SHA-256 of the ciphertext received, lowercase hex",
      "size": bytes received,
      "sender": {"name", "certificate_fingerprint", "member_id"},
      "received": "2026-12-07T10:00:00.000000Z",
      "verification": "passed",
      "intake": {"name", "certificate_fingerprint"},
      "timestamp": {"imprint_sha256": "SHA-256 of manifest.json (decision.json)",
                    "token": "base64 of the DER RFC 3161 TimeStampToken over it"}
    }

`sender` is the member who delivered it, as the trust file lists them (their signing
certificate's fingerprint and their member id; the TLS client certificate only says
who they are). `intake` names the intake's receipt-signing certificate, which also
signs `receipt.p7s`: a detached CMS signature (DER, SHA-256, ECDSA, carrying the
certificate and the ESS signing-certificate-v2 attribute) that

    openssl cms -verify -binary -inform DER -in receipt.p7s -content receipt.json \
        -CAfile ca.pem -out /dev/null

accepts with the organisation's CA alone. A receipt is issued once per item and kept, so
the same bytes sent again get the very same receipt (see intake/store.py).

`timestamp` (version 2) is the intake's own RFC 3161 time stamp (intake/tsa.py) over
the SHA-256 of the verified item's manifest.json (a decision's decision.json): made
when the item was verified, just before it was stored, and kept with the stored row so
a receipt issued later still carries it. The token holds the time-stamping certificate;

    openssl ts -verify -digest IMPRINT -in token.der -token_in -CAfile ca.pem \
        -untrusted timestamp-cert.pem

accepts it. An item stored without a token (an intake without a time-stamping key)
gets a version 1 receipt: the same without `timestamp`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from app.org.trust_format import Member
from app.sync.receipts import FORMAT, PASSED, VERSION, CheckedReceipt, verify_receipt
from crypto import cms
from intake.identity import IntakeIdentity
from intake.store import Kind
from intake.tsa import Stamp

RECEIPT_NAME = "receipt.json"
SIGNATURE_NAME = "receipt.p7s"


def timestamp(when: datetime) -> str:
    """UTC, microseconds, a Z: the pattern decision.json uses."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def receipt_document(
    *,
    kind: Kind,
    item_id: str,
    sha256: str,
    size: int,
    sender: Member,
    received: datetime,
    identity: IntakeIdentity,
    stamp: Stamp | None = None,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION if stamp is not None else 1,
        "kind": kind,
        "id": item_id,
        "sha256": sha256,
        "size": size,
        "sender": {
            "name": sender.name,
            "certificate_fingerprint": sender.fingerprint,
            "member_id": sender.member_id,
        },
        "received": timestamp(received),
        "verification": PASSED,
        "intake": {"name": identity.name, "certificate_fingerprint": identity.fingerprint},
    }
    if stamp is not None:
        doc["timestamp"] = stamp.to_json()
    return doc


def receipt_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def issue(
    *,
    kind: Kind,
    item_id: str,
    sha256: str,
    size: int,
    sender: Member,
    received: datetime,
    identity: IntakeIdentity,
    stamp: Stamp | None = None,
) -> tuple[bytes, bytes]:
    """(receipt.json, receipt.p7s) for an item the intake has kept: version 2 with its
    time stamp, version 1 for an item kept without one."""
    data = receipt_bytes(
        receipt_document(
            kind=kind,
            item_id=item_id,
            sha256=sha256,
            size=size,
            sender=sender,
            received=received,
            identity=identity,
            stamp=stamp,
        )
    )
    return data, cms.sign_detached(data, identity.signing_cert, identity.signing_key)


__all__ = [
    "CheckedReceipt",
    "Stamp",
    "issue",
    "receipt_bytes",
    "timestamp",
    "verify_receipt",
]
