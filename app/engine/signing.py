"""What signing takes besides the text: signatures checked before anything is frozen, and
the s.9 declaration the statement's language calls for.

A signature (the witness's on the statement, or theirs for the back page's consents) is
checked here exactly as the PDF will draw it, so one that could not be drawn is refused
before a statement is signed. The declaration is the renderer's built-in English wording
for an English statement and, for a Welsh one, the Welsh wording the organisation approved
in its signed policy (the trust file): there is no built-in Welsh wording, so a Welsh
statement cannot be signed until the organisation has set it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.errors import QuietroomError, UsageError
from app.org.policy import Policy
from app.render import signature_art
from app.render.document import SignatureArt
from app.render.wording import DECLARATION
from app.vault.database import Connection
from crypto import pki
from crypto.pki_errors import PkiError

STROKES_TYPE = "application/vnd.quietroom.strokes+json"
SIGNATURE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", STROKES_TYPE)
MAX_SIGNATURE_BYTES = 2 * 1024 * 1024
PLACEHOLDER = "{n}"  # where the page count goes in a declaration


def detect_signature_type(data: bytes) -> str:
    if len(data) > MAX_SIGNATURE_BYTES:
        raise UsageError(
            "signature.file_too_large", "the signature file is too large (at most 2 MB)"
        )
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:65536].lower():
        return "image/svg+xml"
    if head.startswith(b"{") and b'"strokes"' in data[:4096]:
        return "application/vnd.quietroom.strokes+json"
    raise UsageError(
        "signature.unknown_format",
        "the signature must be a PNG or JPEG image, "
        "an SVG drawing, or strokes captured by the signature pad",
    )


def checked_signature(data: bytes, media_type: str | None = None) -> tuple[str, SignatureArt]:
    """The signature's media type and its art, parsed now, so a signature that could not
    be drawn on the PDF is refused before anything is frozen."""
    media_type = media_type or detect_signature_type(data)
    if media_type not in SIGNATURE_TYPES:
        raise UsageError("signature.unsupported_type", "unsupported signature format")
    if len(data) > MAX_SIGNATURE_BYTES:
        raise UsageError("signature.too_large", "the signature is too large (at most 2 MB)")
    if media_type == STROKES_TYPE:
        try:
            art = signature_art.from_json(data.decode("utf-8"))
        except (UnicodeDecodeError, UsageError):
            raise UsageError(
                "signature.strokes_invalid", "the signature strokes are not valid"
            ) from None
    else:
        art = signature_art.signature_from_file(data)
    if not signature_art.has_art(art):
        raise UsageError("signature.empty", "the signature is empty; ask the witness to sign again")
    return media_type, art


def stored_art(data: bytes, media_type: str) -> SignatureArt:
    """A signature as stored (checked when it was stored), drawn again."""
    if media_type == STROKES_TYPE:
        return signature_art.from_json(data.decode("utf-8"))
    return signature_art.signature_from_file(data)


# --- the s.9 declaration ----------------------------------------------------------------


def english_declaration() -> str:
    """The renderer's built-in English wording, with "{n}" where the page count goes."""
    return DECLARATION


@dataclass(frozen=True)
class Declaration:
    """The declaration a statement carries: its language, the text when it is not the
    built-in English wording (None), and the SHA-256 of the UTF-8 text."""

    language: str
    text: str | None
    sha256: str

    def to_json(self) -> dict[str, str]:
        return {"language": self.language, "sha256": self.sha256}


def stored_policy(conn: Connection) -> Policy | None:
    """The organisation's policy from the trust file stored in the vault (re-verified, as
    on every load), or None without a usable one."""
    row = conn.execute("SELECT trust_json, trust_sig, ca_pem FROM trust WHERE id = 1").fetchone()
    if row is None:
        return None
    try:
        # Here, not at the top: reading a trust file loads the PKI, which opening the
        # engine (every command, the app's start) does not otherwise need.
        from app.org.trust import trust_from_bytes

        trust = trust_from_bytes(bytes(row[0]), bytes(row[1]), pki.load_certificate(bytes(row[2])))
    except (QuietroomError, PkiError, ValueError):
        return None
    return trust.policy


def declaration_for(language: str, policy: Policy | None) -> Declaration:
    """The declaration for a statement in `language`; refused for a Welsh statement
    while the organisation's policy holds no usable Welsh declaration."""
    if language != "cy":
        text = english_declaration()
        return Declaration("en", None, hashlib.sha256(text.encode("utf-8")).hexdigest())
    welsh = policy.welsh_declaration if policy is not None else None
    if welsh is None:
        raise UsageError(
            "statement.welsh_declaration_missing",
            "this statement is in Welsh, and the organisation has not yet approved a Welsh "
            "s.9 declaration, so it cannot be signed; the organisation sets it with 'org "
            "policy --welsh-declaration-file', then this vault takes the new trust file",
        )
    if welsh.text.count(PLACEHOLDER) != 1:
        raise UsageError(
            "statement.welsh_declaration_placeholder",
            "the organisation's Welsh s.9 declaration must hold '{placeholder}' exactly "
            "once, where the page count goes, so it cannot be signed with yet; ask the "
            "organisation to correct it",
            placeholder=PLACEHOLDER,
        )
    return Declaration("cy", welsh.text, welsh.sha256)
