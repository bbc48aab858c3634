"""`verify --receipt`: the intake's receipt for a bundle, as a line of the verify report.

The receipt itself (its CMS signature, the intake member, its time-stamp token) is
checked by the sync layer (app/sync/receipts.py, `bundle_receipt`), which hands over a
`Receipted`. What is checked here needs the decrypted bundle: the receipt is for this
bundle (its id) and its time stamp is over this bundle's manifest.json. When both hold,
the stamp is a trusted time at which the manifest existed, and the manifest's signature
is checked at that time (DECISIONS: "at the signature's time (the timestamp, else the
signing time)").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from app.errors import Phrase
from app.export.report import joined

if TYPE_CHECKING:  # the sync client imports Receipted; it need not load every check
    from app.export.report import Report

RECEIPT_CHECK = "receipt"


@dataclass(frozen=True)
class Receipted:
    """A receipt whose signature, signer and token checked, for the bundle file's bytes."""

    item_id: str
    received: datetime
    stamped: datetime | None  # the token's time (version 2 receipts)
    imprint_sha256: str | None  # what the token stamps: the manifest's SHA-256


def check_receipted(
    report: Report,
    receipt: Receipted,
    manifest: dict[str, Any],
    manifest_raw: bytes,
) -> datetime | None:
    """Add the "receipt" line for a receipt that checked (one that did not is refused
    before the bundle is opened); the trusted time it gives the manifest, or None."""
    problems = []
    if receipt.item_id != manifest.get("bundle_id"):
        problems.append(
            Phrase("report.receipt_other_bundle", "the receipt is for another bundle than this one")
        )
    if (
        receipt.imprint_sha256 is not None
        and receipt.imprint_sha256 != hashlib.sha256(manifest_raw).hexdigest()
    ):
        problems.append(
            Phrase(
                "report.receipt_other_manifest",
                "the receipt's time stamp is over another manifest than this bundle's",
            )
        )
    if problems:
        report.add(RECEIPT_CHECK, False, joined(problems))
        return None
    received = f"{receipt.received.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"
    if receipt.stamped is None:
        report.add(
            RECEIPT_CHECK,
            True,
            Phrase(
                "report.receipt_v1",
                "the intake received this bundle at {received} (a version 1 receipt: no time "
                "stamp, so the manifest is checked at the signing time it states)",
                received=received,
            ),
        )
        return None
    report.add(
        RECEIPT_CHECK,
        True,
        Phrase(
            "report.receipt_stamped",
            "the intake received this bundle at {received} and time-stamped its manifest at "
            "{stamped} UTC",
            received=received,
            stamped=f"{receipt.stamped.astimezone(UTC):%Y-%m-%d %H:%M:%S}",
        ),
    )
    return receipt.stamped
