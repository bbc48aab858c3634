"""The organisation's policy: settings that belong to the organisation, never to a laptop.

They travel inside the signed trust file (version 4, key `policy`), so they carry its
serial, its signature and its next update, and reach laptops by file import or from the
intake (`GET /v1/trust`, taken only with a higher serial):

    "policy": {
      "protective_marking": "OFFICIAL-SENSITIVE",
      "welsh_declaration": {"text": "…", "sha256": "…"} | null,
      "recovery_recipient": "age1…" | null,
      "initials_each_page": false
    }

- `protective_marking`: printed on every page of the statement and the restricted
  details (a Government Security Classification; OFFICIAL-SENSITIVE by default).
- `welsh_declaration`: the organisation's approved Welsh wording of the s.9 declaration,
  pinned by the SHA-256 of its UTF-8 text; a Welsh statement cannot be signed without it.
- `recovery_recipient`: the organisation's age recipient that new vaults seal their
  recovery part to.
- `initials_each_page`: the witness initials each page they confirm before signing
  (besides the one signature reproduced on every page).

Every key must be present in a version 4 file (explicit, so nobody mistakes a missing
key for a choice), except `initials_each_page`, which came later: files written before it
read as false. Unknown keys are refused.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

from crypto.errors import RecoveryError
from crypto.recovery import parse_recipient

MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET")
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
MAX_DECLARATION = 2000
KEYS = ("protective_marking", "welsh_declaration", "recovery_recipient")
OPTIONAL_KEYS = ("initials_each_page",)  # added to version 4 later: absent reads as False


class PolicyError(ValueError):
    """Why a policy is not usable (one sentence, no case content)."""


@dataclass(frozen=True)
class WelshDeclaration:
    text: str
    sha256: str

    @classmethod
    def of(cls, text: object) -> WelshDeclaration:
        clean = check_declaration(text)
        return cls(clean, hashlib.sha256(clean.encode("utf-8")).hexdigest())


@dataclass(frozen=True)
class Policy:
    protective_marking: str = DEFAULT_MARKING
    welsh_declaration: WelshDeclaration | None = None
    recovery_recipient: str | None = None
    initials_each_page: bool = False

    def to_json(self) -> dict[str, Any]:
        declaration = self.welsh_declaration
        return {
            "protective_marking": self.protective_marking,
            "welsh_declaration": (
                {"text": declaration.text, "sha256": declaration.sha256} if declaration else None
            ),
            "recovery_recipient": self.recovery_recipient,
            "initials_each_page": self.initials_each_page,
        }


def check_marking(value: object) -> str:
    if not isinstance(value, str) or value not in MARKINGS:
        raise PolicyError(f"the protective marking must be one of {', '.join(MARKINGS)}")
    return value


def check_declaration(text: object) -> str:
    """The declaration as pinned: NFC, without surrounding space, one paragraph of
    printable text of at most 2,000 characters."""
    if not isinstance(text, str):
        raise PolicyError("the Welsh declaration must be text")
    clean = unicodedata.normalize("NFC", text).strip()
    if not clean:
        raise PolicyError("the Welsh declaration is empty")
    if len(clean) > MAX_DECLARATION:
        raise PolicyError(f"the Welsh declaration is longer than {MAX_DECLARATION} characters")
    if any(not c.isprintable() for c in clean):
        raise PolicyError("the Welsh declaration must be one paragraph of printable text")
    return clean


def check_new_declaration(text: object) -> WelshDeclaration:
    """A Welsh declaration an organisation is setting: as check_declaration, and with
    "{n}" exactly once, where the statement's page count is printed (a file already
    published without it still loads; the statement refuses to sign with it)."""
    declaration = WelshDeclaration.of(text)
    if declaration.text.count("{n}") != 1:
        raise PolicyError('the Welsh declaration must hold "{n}" once, where the page count goes')
    return declaration


def check_recovery_recipient(value: object) -> str:
    if not isinstance(value, str):
        raise PolicyError("the recovery recipient must be an age1… key")
    try:
        parse_recipient(value)
    except RecoveryError:
        raise PolicyError("the recovery recipient is not a valid age1… key") from None
    return value


def parse_policy(obj: object) -> Policy:
    """A policy object as the trust file holds it; PolicyError for anything else."""
    if not isinstance(obj, dict):
        raise PolicyError("'policy' is not a JSON object")
    unknown = sorted(set(obj) - set(KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise PolicyError(f"'policy' has an unknown key {unknown[0]!r}")
    missing = [k for k in KEYS if k not in obj]
    if missing:
        raise PolicyError(f"'policy' lacks the key {missing[0]!r}")
    declaration = None
    raw = obj["welsh_declaration"]
    if raw is not None:
        if not isinstance(raw, dict) or set(raw) != {"text", "sha256"}:
            raise PolicyError('\'welsh_declaration\' must be {"text", "sha256"} or null')
        declaration = WelshDeclaration.of(raw["text"])
        if raw["text"] != declaration.text or raw["sha256"] != declaration.sha256:
            raise PolicyError("the Welsh declaration's SHA-256 is not that of its text")
    recipient = obj["recovery_recipient"]
    initials = obj.get("initials_each_page", False)
    if type(initials) is not bool:
        raise PolicyError("'initials_each_page' must be true or false")
    return Policy(
        protective_marking=check_marking(obj["protective_marking"]),
        welsh_declaration=declaration,
        recovery_recipient=check_recovery_recipient(recipient) if recipient is not None else None,
        initials_each_page=initials,
    )
