"""Receipts: checking what the intake signs for every item it keeps.

`receipt.json` (see docs/sync-protocol.md) with a detached CMS signature by the intake's
receipt-signing certificate. The intake writes them (intake/receipts.py); laptops check
them here: the signature to the organisation's CA, the signer pinned to the trust file's
intake member, and the receipt's kind, id, SHA-256 and size against the item sent. Only
an item whose receipt passes all of that counts as delivered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from app.errors import VerificationError
from app.org.trust_format import Trust
from crypto import cms, pki
from crypto.errors import CryptoError
from crypto.pki_errors import PkiError
from crypto.validate import Usage

FORMAT = "quietroom-receipt"
VERSION = 1
PASSED = "passed"


@dataclass(frozen=True)
class CheckedReceipt:
    document: dict[str, Any]
    signer: x509.Certificate


def verify_receipt(
    receipt_json: bytes, signature: bytes, ca_cert: x509.Certificate
) -> CheckedReceipt:
    """The receipt's document and signer, once its signature verifies to the CA (for a
    signing certificate). Raises crypto's CmsError, or ValueError for a document that is
    not a version 1 receipt. Whether the signer is the trust file's intake member is
    `check_receipt`'s to say."""
    signer = cms.verify_detached(signature, receipt_json, ca_cert, usage=Usage.DOCUMENT_SIGNING)
    doc = json.loads(receipt_json.decode("utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise ValueError("not a version 1 Quietroom receipt")
    intake = doc.get("intake")
    if not isinstance(intake, dict) or intake.get("certificate_fingerprint") != pki.fingerprint(
        signer
    ):
        raise ValueError("the receipt was not signed by the intake it names")
    return CheckedReceipt(doc, signer)


def bad_receipt(detail: str) -> VerificationError:
    return VerificationError(
        "sync.bad_receipt",
        "the intake's receipt did not check ({detail}); the item stays in the outbox",
        detail=detail,
    )


def check_receipt(
    receipt_json: bytes,
    signature: bytes,
    trust: Trust,
    *,
    kind: str,
    item_id: str,
    sha256: str,
    size: int,
) -> dict[str, Any]:
    """The receipt's document if it proves the intake keeps exactly this item; raises
    VerificationError `sync.bad_receipt` otherwise."""
    try:
        checked = verify_receipt(receipt_json, signature, trust.ca_cert)
    except (CryptoError, PkiError, ValueError, UnicodeDecodeError) as exc:
        raise bad_receipt(str(exc) or type(exc).__name__) from None
    member = trust.member_for_certificate(checked.signer)
    if member is None or member.role != "intake":
        raise bad_receipt("it is not signed by the trust file's intake service")
    doc = checked.document
    expected = {"kind": kind, "id": item_id, "sha256": sha256, "size": size, "verification": PASSED}
    for key, value in expected.items():
        if doc.get(key) != value:
            raise bad_receipt(f"its {key} is not the item's")
    return doc
