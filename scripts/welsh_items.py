"""The Welsh translation's items to sign off, their priorities, and the sign-off ledger.

This module owns what an item is (`Item`: one Welsh wording, its English, where it is,
its review priority and a note for the reviewer), how its priority is decided, and the
ledger of sign-offs (app/resources/i18n/cy_signoff.json), which records who signed what
and when, since a .ts file can only say "finished". scripts/welsh_sources.py reads the
items from the files; scripts/welsh_signoff.py is the command.

Priorities (docs/translation.md says why): 1, what the person giving the statement hears
or reads (the guides' `say` lines, the screens they may see, the words printed on a Welsh
statement); 2, legal terms (the declaration, special measures, the VPS…); 3, the guides'
phase titles; 4, the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

I18N = Path("app/resources/i18n")
CATALOGUES = (I18N / "quietroom_cy.ts", I18N / "qt_cy.ts")  # the first is required
GUIDES = Path("app/resources/guides")
WORDING = Path("app/render/wording.py")  # the words printed on the statement
LEDGER = I18N / "cy_signoff.json"
BANNER = "FIRST TRANSLATION, NOT YET REVIEWED"


class Problem(Exception):
    """Bad input or a file that cannot be used: one line for the person running the script."""


# --- priorities ----------------------------------------------------------------------

# Qt contexts of the screens the person giving the statement may see (docs/wording.md):
# the pause screen, read-back and its full-screen and second-screen windows, corrections,
# the signing sequence (declaration, pages, end of sitting, signature pad).
SURVIVOR_CONTEXTS = frozenset(
    {
        "PauseScreen",
        "ReadBackScreen",
        "FullScreenReadBack",
        "SecondScreenWindow",
        "CorrectionPanel",
        "StepIndicator",
        "SittingStep",
        "DeclarationStep",
        "DeclarationView",
        "PageConfirm",
        "OnePage",
        "PdfPages",
        "SignatureScreen",
        "SignaturePad",
    }
)
# The same screens' modules (tests/ui/test_wording_rule.py), so a new context there is
# still priority 1 before anyone adds it above.
SURVIVOR_MODULES = frozenset(
    {
        "ui/screens/pause.py",
        "ui/screens/readback.py",
        "ui/widgets/readback_view.py",
        "ui/widgets/readback_displays.py",
        "ui/screens/signature.py",
        "ui/widgets/signed_summary.py",
        "ui/widgets/page_confirm.py",
        "ui/widgets/signature_pad.py",
        "ui/widgets/pdf_pages.py",
    }
)
# Legal terms, in English or in Welsh: the s.9 declaration and what it says, what happens
# to the statement, special measures, appropriate adult, the VPS, chain of evidence, CPIA.
LEGAL = re.compile(
    r"\bdeclaration|\bs\.\s?9\b|section 9|criminal justice act|\bprosecut|used in evidence"
    r"|what happens (?:with|to) the statement|who will read (?:it|the statement)"
    r"|criminal proceedings|\bthe defence\b|give evidence|special measures|appropriate adult"
    r"|victim personal statement|\bVPS\b|chain of evidence|\bCPIA\b"
    r"|criminal procedure and investigations|\banonym"
    r"|ardystiad|datganiad a\.\s?9|\ba\.\s?9\b|\berlyn|mesurau arbennig|oedolyn priodol"
    r"|datganiad personol y dioddefwr|cadwyn (?:d|t)ystiolaeth|\bamddiffyniad\b"
    r"|rhoi tystiolaeth|\bdienw",
    re.IGNORECASE,
)


def is_legal(*texts: str) -> bool:
    return any(LEGAL.search(text) for text in texts)


# --- items ---------------------------------------------------------------------------


@dataclass
class Item:
    """One Welsh wording: where it is, its English and Welsh, and how to find it again."""

    where: str
    english: str
    welsh: str
    priority: int
    note: str
    file: Path  # relative to the root
    kind: str = "catalogue"  # or "guide", or "statement" (app/render/wording.py)
    finished: bool = False  # catalogue: no type="unfinished"
    span: tuple[int, int] = (0, 0)  # catalogue: the <translation> element in the text
    numerus: bool = False  # catalogue: plural forms, one a line in `welsh`
    keypath: tuple[str | int, ...] = ()  # guide: the value's path in the TOML document
    category: str = ""  # guide: csa, apsp or general

    @property
    def in_catalogue(self) -> bool:
        return self.kind == "catalogue"

    @property
    def key(self) -> str:
        """The item's key in the ledger: its `where`, and for a catalogue entry (many
        share a context) its English too."""
        return f"{self.where}|{self.english}" if self.in_catalogue else self.where


def digest(english: str, welsh: str) -> str:
    """What a sign-off records: the SHA-256 of the English, a newline and the Welsh."""
    return hashlib.sha256(f"{english}\n{welsh}".encode()).hexdigest()


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise Problem(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise Problem(f"{path} is not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise Problem(f"cannot read {path} ({exc.strerror or type(exc).__name__})") from None


# --- the ledger ----------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    digest: str
    reviewer: str
    date: str


def read_ledger(root: Path) -> list[dict[str, Any]]:
    """The ledger's reviews, oldest first; [] when nothing has been signed off yet."""
    path = root / LEDGER
    if not path.exists():
        return []
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise Problem(f"{LEDGER} is damaged (not JSON: {exc}); restore it from git") from None
    reviews = data.get("reviews") if isinstance(data, dict) else None
    if not isinstance(reviews, list):
        raise Problem(f'{LEDGER} is damaged (no "reviews" list); restore it from git')
    for number, review in enumerate(reviews):
        if not (
            isinstance(review, dict)
            and isinstance(review.get("reviewer"), str)
            and review["reviewer"].strip()
            and valid_date(review.get("date"))
            and isinstance(review.get("items"), dict)
            and all(
                isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value)
                for value in review["items"].values()
            )
        ):
            raise Problem(f"{LEDGER} is damaged (review {number + 1}); restore it from git")
    return reviews


def valid_date(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def latest_records(reviews: list[dict[str, Any]]) -> dict[str, Record]:
    """Each item's most recent sign-off: a later review of an item replaces an earlier."""
    latest: dict[str, Record] = {}
    for review in reviews:
        for key, value in review["items"].items():
            latest[key] = Record(value, review["reviewer"], review["date"])
    return latest


def signed_off(item: Item, latest: dict[str, Record]) -> bool:
    """Signed off, for this very wording: a catalogue entry must also be marked finished."""
    record = latest.get(item.key)
    matches = record is not None and record.digest == digest(item.english, item.welsh)
    return matches and (item.finished or not item.in_catalogue)
