"""A plain-language passphrase strength hint: the estimator and the label that shows it.

The estimate is a hint for the person choosing a passphrase, not a policy: the core
alone decides what it accepts (at least 8 characters). It looks at length, character
variety, repeated or sequential patterns and a short list of very common passwords.
The words are calm ("Weak: add more words") and the label is never red. A screen
reader hears the hint when its verdict changes (too short, weak, fair, strong), never
at every keystroke.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.announce import announce

MIN_CHARS = 8  # mirrors the core's rule, only to choose the words of the hint
WEAK_BELOW_BITS = 45.0
STRONG_FROM_BITS = 70.0
# A predictable character (a repeat, the next step of a sequence) adds little.
PREDICTABLE_WEIGHT = 0.2

COMMON = frozenset(
    {
        "password",
        "passw0rd",
        "pa55word",
        "password1",
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "1234567890",
        "11111111",
        "00000000",
        "87654321",
        "qwerty",
        "qwerty123",
        "qwertyuiop",
        "1q2w3e4r",
        "1qaz2wsx",
        "abc123",
        "abcd1234",
        "letmein",
        "welcome",
        "iloveyou",
        "admin",
        "administrator",
        "monkey",
        "dragon",
        "football",
        "baseball",
        "sunshine",
        "princess",
        "master",
        "shadow",
        "trustno1",
        "superman",
        "starwars",
        "whatever",
        "freedom",
        "changeme",
        "secret",
        "login",
        "default",
        "access",
        "computer",
        "internet",
        "hello",
        "summer",
        "winter",
        "spring",
        "autumn",
        "london",
        "liverpool",
        "chelsea",
        "arsenal",
        "michael",
        "jennifer",
        "charlie",
        "police",
        "quietroom",
        "letmein123",
        "welcome1",
    }
)
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_EDGE = string.digits + string.punctuation + " "


class Level(IntEnum):
    EMPTY = 0
    TOO_SHORT = 1
    WEAK = 2
    FAIR = 3
    STRONG = 4


@dataclass(frozen=True)
class Estimate:
    level: Level
    bits: float
    common: bool = False
    patterned: bool = False


def _pool(text: str) -> int:
    """How many characters an attacker would have to try at each position."""
    pool = 0
    if any(c.islower() and c.isascii() for c in text):
        pool += 26
    if any(c.isupper() and c.isascii() for c in text):
        pool += 26
    if any(c.isdigit() and c.isascii() for c in text):
        pool += 10
    if " " in text:
        pool += 1
    if any(c in string.punctuation for c in text):
        pool += 33
    if any(not c.isascii() for c in text):
        pool += 60  # accented letters (Welsh ŵ, ŷ…) and other scripts
    return max(pool, 1)


def _keyboard_runs(lowered: str) -> set[int]:
    """Positions inside a run of 4+ neighbouring keys ("qwer", "7654"), bar the first."""
    marked: set[int] = set()
    for row in KEYBOARD_ROWS:
        for line in (row, row[::-1]):
            for start in range(len(lowered) - 3):
                end = start + 4
                if lowered[start:end] not in line:
                    continue
                while end < len(lowered) and lowered[start : end + 1] in line:
                    end += 1
                marked.update(range(start + 1, end))
    return marked


def _predictable(text: str) -> set[int]:
    """Positions a guesser would get for free: repeats, steps of a sequence, key runs."""
    marked = _keyboard_runs(text.lower())
    for i in range(1, len(text)):
        if text[i] == text[i - 1]:
            marked.add(i)
        elif i >= 2:
            step = ord(text[i]) - ord(text[i - 1])
            if abs(step) == 1 and step == ord(text[i - 1]) - ord(text[i - 2]):
                marked.add(i)
    return marked


def _effective_length(text: str) -> float:
    # "abcabcabc" is no stronger than "abc" typed three times.
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text == text[:size] * (len(text) // size):
            return _effective_length(text[:size]) + math.log2(len(text) // size)
    marked = _predictable(text)
    return len(text) - len(marked) * (1 - PREDICTABLE_WEIGHT)


def is_common(text: str) -> bool:
    lowered = text.lower()
    core = lowered.strip(_EDGE)
    return lowered in COMMON or core in COMMON or core.replace(" ", "") in COMMON


def estimate(passphrase: str) -> Estimate:
    """A rough strength estimate in bits, and the level shown to the person typing."""
    text = passphrase.strip()
    if not text:
        return Estimate(Level.EMPTY, 0.0)
    effective = _effective_length(text)
    bits = effective * math.log2(_pool(text))
    common = is_common(text)
    patterned = effective < len(text) * 0.75
    if len(text) < MIN_CHARS:
        level = Level.TOO_SHORT
    elif common or bits < WEAK_BELOW_BITS:
        level = Level.WEAK
    elif bits < STRONG_FROM_BITS:
        level = Level.FAIR
    else:
        level = Level.STRONG
    return Estimate(level, round(bits, 1), common, patterned)


class PassphraseStrengthHint(QLabel):
    """A calm label under the passphrase field; call `update_for(text)` as they type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hint")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.level = Level.EMPTY
        self.update_for("")

    def update_for(self, passphrase: str) -> Estimate:
        result = estimate(passphrase)
        verdict_changed = result.level != self.level
        self.level = result.level
        self.setText(self.describe(result))
        if verdict_changed and result.level != Level.EMPTY:
            announce(self, self.text())
        return result

    def describe(self, result: Estimate) -> str:
        if result.level == Level.EMPTY:
            return self.tr(
                "A few unrelated words make a good passphrase: easy to remember, hard to guess."
            )
        if result.level == Level.TOO_SHORT:
            return self.tr("Too short: use at least 8 characters. A few unrelated words work well.")
        if result.level == Level.WEAK:
            if result.common:
                return self.tr("Weak: this is a very common password. Add more words.")
            if result.patterned:
                return self.tr(
                    "Weak: add more words. Repeated or sequential characters are easy to guess."
                )
            return self.tr("Weak: add more words.")
        if result.level == Level.FAIR:
            return self.tr("Fair: one or two more words would make it stronger.")
        return self.tr("Strong.")
