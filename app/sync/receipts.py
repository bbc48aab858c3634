"""Receipts: checking what the intake signs for every item it keeps.

`receipt.json` (see docs/sync-protocol.md) with a detached CMS signature by the intake's
receipt-signing certificate. The intake writes them (intake/receipts.py); laptops check
them here: the signature to the organisation's CA, the signer pinned to the trust file's
intake member, and the receipt's kind, id, SHA-256 and size against the item sent. Only
an item whose receipt passes all of that counts as delivered.

Version 2 adds `timestamp`: an RFC 3161 token from the intake's time-stamping authority
over the SHA-256 of the item's manifest.json (a decision's decision.json), so an export
made offline still gets a trusted time. Its token must verify with the trust file's
intake time-stamping certificate (app/sync/timestamps.py), stamp the imprint the
receipt names, which must be the hash the laptop recorded when it queued the item, and
carry a time within 5 minutes of the receipt's `received`. Version 1 receipts (an
intake without a time-stamping key, or issued before) are still accepted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509

from app.errors import UsageError, VerificationError
from app.export.receipt_check import Receipted
from app.fsutil import cannot_read, ensure_private_dir, read_limited, write_new_file
from app.org.trust_format import Trust
from app.sync.timestamps import MAX_TOKEN, TokenError, TokenTimeError, check_token
from crypto import cms, pki
from crypto.errors import CryptoError
from crypto.pki_errors import PkiError
from crypto.validate import Usage

FORMAT = "quietroom-receipt"
VERSION = 2  # what the intake writes when it can stamp time
VERSIONS = (1, 2)  # what laptops accept
PASSED = "passed"
MAX_SKEW = timedelta(minutes=5)  # between the token's genTime and `received`
RECEIVED_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class CheckedReceipt:
    document: dict[str, Any]
    signer: x509.Certificate


def verify_receipt(
    receipt_json: bytes, signature: bytes, ca_cert: x509.Certificate
) -> CheckedReceipt:
    """The receipt's document and signer, once its signature verifies to the CA (for a
    signing certificate). Raises crypto's CmsError, or ValueError for a document that is
    not a version 1 or 2 receipt. Whether the signer is the trust file's intake member,
    and whether a version 2 receipt's token checks, is `check_receipt`'s to say."""
    signer = cms.verify_detached(signature, receipt_json, ca_cert, usage=Usage.DOCUMENT_SIGNING)
    doc = json.loads(receipt_json.decode("utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a Quietroom receipt")
    if doc.get("version") not in VERSIONS or isinstance(doc.get("version"), bool):
        raise ValueError("not a version 1 or 2 Quietroom receipt")
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


def received_at(doc: dict[str, Any]) -> datetime:
    """The receipt's `received`, as a UTC datetime (ValueError if it is not one)."""
    value = doc.get("received")
    if not isinstance(value, str):
        raise ValueError("no received time")
    return datetime.strptime(value, RECEIVED_FORMAT).replace(tzinfo=UTC)


def token_of(doc: dict[str, Any]) -> tuple[str, bytes]:
    """A version 2 receipt's (imprint_sha256, DER token); ValueError when malformed."""
    stamp = doc.get("timestamp")
    if not isinstance(stamp, dict) or set(stamp) != {"imprint_sha256", "token"}:
        raise ValueError("its timestamp is not {imprint_sha256, token}")
    imprint, token = stamp["imprint_sha256"], stamp["token"]
    if not isinstance(imprint, str) or not _SHA256.fullmatch(imprint):
        raise ValueError("its timestamp's imprint is not a SHA-256")
    if not isinstance(token, str) or len(token) > 2 * MAX_TOKEN:
        raise ValueError("its timestamp's token is not base64")
    try:
        return imprint, base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("its timestamp's token is not base64") from None


def check_timestamp(doc: dict[str, Any], trust: Trust, manifest_sha256: str | None) -> datetime:
    """A version 2 receipt's token: signed by the intake's time-stamping certificate,
    over the receipt's imprint (and that the item's `manifest_sha256` when known), at a
    time within MAX_SKEW of `received`. Raises `sync.bad_receipt`."""
    try:
        imprint, token = token_of(doc)
        received = received_at(doc)
    except ValueError as exc:
        raise bad_receipt(str(exc)) from None
    if manifest_sha256 is not None and imprint != manifest_sha256:
        raise bad_receipt("its timestamp is over another manifest than the one sent")
    try:
        checked = check_token(
            token,
            trust,
            digest=bytes.fromhex(imprint),
            algorithm="sha256",
            within=(received, MAX_SKEW),
        )
    except TokenTimeError:
        raise bad_receipt(
            "its time stamp is more than 5 minutes from when it was received"
        ) from None
    except TokenError as exc:
        raise bad_receipt(f"its time-stamp token: {exc}") from None
    return checked.gen_time


def check_receipt(
    receipt_json: bytes,
    signature: bytes,
    trust: Trust,
    *,
    kind: str,
    item_id: str,
    sha256: str,
    size: int,
    manifest_sha256: str | None = None,
) -> dict[str, Any]:
    """The receipt's document if it proves the intake keeps exactly this item (and, for
    a version 2 receipt, its time stamp checks; against `manifest_sha256`, the SHA-256
    of the item's manifest.json or decision.json, when the caller knows it); raises
    VerificationError `sync.bad_receipt` otherwise."""
    try:
        checked = verify_receipt(receipt_json, signature, trust.ca_cert)
    except (CryptoError, PkiError, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise bad_receipt(str(exc) or type(exc).__name__) from None
    member = trust.member_for_certificate(checked.signer)
    if member is None or member.role != "intake":
        raise bad_receipt("it is not signed by the trust file's intake service")
    doc = checked.document
    expected = {"kind": kind, "id": item_id, "sha256": sha256, "size": size, "verification": PASSED}
    for key, value in expected.items():
        if doc.get(key) != value:
            raise bad_receipt(f"its {key} is not the item's")
    if doc["version"] >= 2:
        check_timestamp(doc, trust, manifest_sha256)
    return doc


RECEIPT_FILES = ("receipt.json", "receipt.p7s")
MAX_RECEIPT = 256 * 1024  # a receipt and its signature are a few kilobytes


def bundle_receipt(folder: Path) -> Callable[[bytes, Trust | None], Receipted]:
    """`verify --receipt FOLDER`: read the intake's receipt for a bundle (receipt.json and
    receipt.p7s, as its answer gives them; UsageError when they cannot be read) and
    return the check verify runs on the bundle file's bytes: the receipt proves the
    intake keeps exactly those bytes (kind bundle, SHA-256, size), its signer is the
    trust file's intake, and a version 2 receipt's token checks. Raises
    `sync.bad_receipt` when it does not."""
    receipt_json, signature = (_read_receipt_file(folder / name) for name in RECEIPT_FILES)

    def check(data: bytes, trust: Trust | None) -> Receipted:
        if trust is None:
            raise receipt_not_checked(
                "it is checked against the trust file's intake: give "
                "the trust file, not only the CA certificate"
            )
        try:
            said = json.loads(receipt_json.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):  # nesting past the parser's
            said = None
        item_id = said.get("id") if isinstance(said, dict) else None
        try:
            doc = check_receipt(
                receipt_json,
                signature,
                trust,
                kind="bundle",
                item_id=item_id if isinstance(item_id, str) else "",
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
            )
            stamped, imprint = None, None
            if doc["version"] >= 2:
                stamped = check_timestamp(doc, trust, None)
                imprint = doc["timestamp"]["imprint_sha256"]
            received = received_at(doc)  # a version 1 receipt's is not checked before
        except ValueError as exc:  # its received time is not one
            raise receipt_not_checked(str(exc)) from None
        except VerificationError as exc:  # sync's words speak of the outbox: not here
            detail = str(exc.params.get("detail", exc))
            if detail.endswith(" is not the item's"):
                detail = f"it is for another file than this bundle ({detail[:-18]} differs)"
            raise receipt_not_checked(detail) from None
        return Receipted(doc["id"], received, stamped, imprint)

    return check


def write_receipt(folder: Path, receipt_json: bytes, signature: bytes) -> list[Path]:
    """receipt.json and receipt.p7s in `folder` (made 0700 if missing), each 0600 and
    new: an existing receipt is never overwritten (UsageError), and nothing is left
    half-written."""
    paths = [folder / name for name in RECEIPT_FILES]
    taken = [p for p in paths if p.exists() or p.is_symlink()]
    if taken:
        raise UsageError(
            "sync.receipt_exists", "{path} already exists; nothing was written", path=taken[0]
        )
    written: list[Path] = []
    try:
        if not folder.is_dir():  # a folder of the user's own keeps its permissions
            ensure_private_dir(folder)
        for path, data in zip(paths, (receipt_json, signature), strict=True):
            write_new_file(path, data)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise UsageError(
            "sync.receipt_not_written",
            "could not write the receipt into {folder}: {reason}",
            folder=folder,
            reason=exc.strerror,
        ) from None
    return written


def receipt_not_checked(detail: str) -> VerificationError:
    return VerificationError(
        "verify.bad_receipt", "the intake's receipt does not check ({detail})", detail=detail
    )


def _read_receipt_file(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_RECEIPT)
    except OSError as exc:
        raise cannot_read(path, exc.strerror) from None
    except ValueError:
        raise UsageError(
            "sync.receipt_too_large", "{path} is too large to be a receipt", path=path
        ) from None
