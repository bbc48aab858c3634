"""Fuzzy dates in Welsh: a survivor's Welsh wording reworded into the English grammar's.

The timeline's *When* field takes the survivor's own words in either language, whatever
the interface's language. Rather than a second grammar that would drift from the first,
a Welsh wording is reworded, phrase by phrase, into the wording the English grammar
already reads ("tua 12 oed" into "about 12 years old", "ym mis Mehefin 1987" into
"in june 1987", "rhwng 1985 a 1987" into "between 1985 and 1987", "dechrau'r haf 1987"
into "start of the summer 1987"), so both languages share one reading of every form and
one uncertainty model. ``app/engine/fuzzydate.py`` tries the rewording only when the
English grammar does not recognise the words, and keeps the survivor's own words as the
text and in every message.

This module owns that rewording (:func:`reword`), the test for a Welsh hedge in a part of
a wording (:func:`hedged`), and the Welsh words that may join two wordings of one moment
(``JOIN_WORDS``). Its vocabulary, with every mutated form, is in
``fuzzydate_welsh_words``. How it reads:

- Every wording is folded first: lower case, circumflexes and other accents dropped, so
  "ar ôl" and "ar ol", "Gŵyl" and "gwyl" read alike, and both apostrophes (’ and ')
  alike; "'r" is the article ("dechrau'r haf" is "dechrau yr haf").
- One pass over the folded words replaces each recognised phrase, the longest and most
  specific first, so no English word put in is read again as Welsh.
- "Hydref" is October after "mis" ("ym mis Hydref"), after a day ("14 Hydref 1987") and
  next to another month in a range ("Medi i Hydref"); otherwise it is autumn, which
  contains October ("yr hydref", and a bare "Hydref 1987").
- In a wording relative to something ("y Nadolig ar ôl i ni symud", "cyn haf 1990") only
  the part before "ar ôl" or "cyn" is reworded. The rest, less a leading "i" or "i'r"
  and any hedge at its end, stays in the survivor's own words: it is either a date
  (which the English grammar reads through :func:`reword` again) or another event's
  wording, matched against what the survivor said of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from app.engine import fuzzydate_welsh_words as words
from app.engine.fuzzydate_model import alternatives, clean

Replacement = str | Callable[[re.Match[str]], str]

# Welsh words before which a wording may split into two wordings of one moment ("1987 pan
# oeddwn i'n 12", "haf 1987 tua 12 oed", "Mehefin 1988 ym mlwyddyn 7").
JOIN_WORDS = r"pan|tra|yn|ym|yng|tua|oddeutu|a [mf]innau"


def fold(text: str) -> str:
    """Lower case, accents dropped, straight apostrophes, "'r" apart, single spaces."""
    text = unicodedata.normalize("NFD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"'r\b", " yr", text)
    return " ".join(text.split())


def _english(table: dict[str, str]) -> Callable[[re.Match[str]], str]:
    return lambda m: table[" ".join(m[0].split())]


_MONTH = alternatives([*words.MONTHS, *words.MONTH_ABBREVIATIONS])
_NUMBER = rf"\d{{1,3}}|{words.NUMBER}"
_SEP = r"i|tan|hyd at|hyd|a|ac|neu|-|to"
_MIS = r"(?:(?:mis|fis) )?"
_PART = alternatives(words.PART_FORMS)
_AFTER = alternatives(words.AFTER_WORDS)
_UNIT = alternatives(words.UNITS)
_HEDGE = rf"{alternatives(words.HEDGES)}|(?:{'|'.join(words.NUMBER_HEDGES)})(?= (?:{_NUMBER})\b)"


def _month(word: str) -> str:
    word = word.rstrip(".")
    return words.MONTHS.get(word) or words.MONTH_ABBREVIATIONS.get(word) or "october"


def _joiner(word: str) -> str:
    return "to" if word in ("-", "to") else words.JOINERS[word]


def _day_month(m: re.Match[str]) -> str:
    return f"{m['day']} {_month(m['month'])}"


def _month_to_october(m: re.Match[str]) -> str:
    return f"{_month(m['month'])} {_joiner(m['sep'])} october"


def _october_to_month(m: re.Match[str]) -> str:
    return f"october {_joiner(m['sep'])}"


def _life_decade(m: re.Match[str]) -> str:
    part = m["part"] and words.THIRD_WORDS[words.PART_FORMS[m["part"]]]
    third = part or (m["after"] and words.AFTER_WORDS[m["after"]])
    return " ".join(["my", *([third] if third else []), words.LIFE_DECADES[m["decade"]]])


def _decade(m: re.Match[str]) -> str:
    # "1980au", "'80au", "80'au" are the English grammar's "1980s", "'80s"
    decade = words.DECADES.get(m["decade"]) or re.sub(r"'?au$", "s", m["decade"])
    after = m["after"] and words.AFTER_WORDS[m["after"]]
    return f"{after} {decade}" if after else decade


def _from_or_of(m: re.Match[str]) -> str:
    """Welsh "o" opens a range at the start ("o 1985 i 1987"), goes before a count ("deg o
    flynyddoedd": nothing in English), and is "of" anywhere else."""
    before = m.string[: m.start()]
    if re.fullmatch(rf"(?:\s|(?:{_HEDGE})\b)*", before):
        return "from"
    if re.match(rf" (?:{_UNIT})\b", m.string[m.end() :]):
        return ""
    return "of"


# In priority order: at any point in the words the first rule that matches wins, so a
# longer phrase comes before the shorter ones inside it ("yn fras" before "yn").
_RULES: list[tuple[str, Replacement]] = [
    (_HEDGE, lambda m: words.HEDGES.get(m[0], "about")),
    (words.AGE_LEAD_WHEN, "when i was"),
    (alternatives(words.AGE_LEADS), _english(words.AGE_LEADS)),
    *((pattern, english) for pattern, english in words.SCHOOL),
    *((pattern, english) for pattern, english in words.PERIODS),
    (
        rf"(?:(?P<part>{_PART}) )?fy (?P<decade>{alternatives(words.LIFE_DECADES)})"
        rf"(?: (?P<after>{_AFTER}))?",
        _life_decade,
    ),
    (
        rf"(?P<decade>{alternatives(words.DECADES)}|\d{{3}}0'?au|'?\d0'?au)"
        rf"(?: (?P<after>{_AFTER}))?",
        _decade,
    ),
    (r"hanner cyntaf", "first half of"),
    (r"ail hanner", "second half of"),
    (r"yn gynnar(?: yn| ym| yng)?", "early"),
    (r"yn hwyr(?: yn| ym| yng)?", "late"),
    (_PART, _english(words.PART_FORMS)),
    (
        rf"(?P<day>\d{{1,2}})(?:af|il|ydd|ed|fed|eg|ain|st|nd|rd|th)?(?: o| of)? {_MIS}"
        rf"(?P<month>{_MONTH}|hydref|hyd)\.?",
        _day_month,
    ),
    (rf"{_MIS}(?P<month>{_MONTH})\.? (?P<sep>{_SEP}) {_MIS}hydref", _month_to_october),
    (rf"{_MIS}hydref (?P<sep>{_SEP})(?= {_MIS}(?:{_MONTH}))", _october_to_month),
    (r"(?:mis|fis) hydref", "october"),
    (rf"{_MIS}(?P<month>{_MONTH})\.?", lambda m: _month(m["month"])),
    (alternatives(words.SEASONS), _english(words.SEASONS)),
    (r"hydref", "autumn"),
    (words.NUMBER, lambda m: str(words.number_value(m[0]))),
    (r"(?P<day>\d{1,2})(?:af|il|ydd|ed|fed|eg|ain)", lambda m: m["day"]),
    (words.YEARS_OLD, "years old"),
    (rf"ychydig(?: o)?(?= (?:{_UNIT})\b)", "a few"),
    (r"ychydig", "a little"),
    (alternatives(words.QUANTITIES), _english(words.QUANTITIES)),
    (alternatives(words.NEAR), _english(words.NEAR)),
    (_UNIT, _english(words.UNITS)),
    (r"o", _from_or_of),
    (alternatives(words.JOINERS), _english(words.JOINERS)),
    (alternatives(words.FILLERS), _english(words.FILLERS)),
]
_WORD = r"(?<![\w'])(?:{})(?!\w)"
_COMPILED = [(re.compile(_WORD.format(pattern)), replacement) for pattern, replacement in _RULES]
# All the rules as one pattern, each its own group (their inner groups unnamed, since
# names may not repeat), so the words are read once, left to right.
_ANY = re.compile(
    "|".join(
        f"(?P<r{k}>{_WORD.format(re.sub(r'[(][?]P<[a-z]+>', '(?:', pattern))})"
        for k, (pattern, _) in enumerate(_RULES)
    )
)


def _replace(m: re.Match[str]) -> str:
    pattern, replacement = _COMPILED[int((m.lastgroup or "r0")[1:])]
    if isinstance(replacement, str):
        return replacement
    # The same rule again on its own, where it matched, for its named groups.
    own = pattern.match(m.string, m.start())
    return replacement(own) if own is not None else m[0]


def _reworded(folded: str) -> str:
    return " ".join(_ANY.sub(_replace, folded).split())


# --- relative to something else ----------------------------------------------------------

# The accented forms of each vowel (w and y are vowels in Welsh).
_LETTERS = {
    "a": "aâàáä",
    "e": "eêèéë",
    "i": "iîìíï",
    "o": "oôòóö",
    "u": "uûùúü",
    "w": "wŵẁẃẅ",
    "y": "yŷỳýÿ",
}


def _tolerant(folded: str) -> str:
    """A pattern matching the folded words however they are accented."""
    return "".join(
        f"[{_LETTERS[c]}]\u0302?" if c in _LETTERS else re.escape(c) for c in folded
    ).replace(r"\ ", r"\s+")


_RELATIVE = re.compile(
    rf"(?P<head>.*?)(?<![\w'])(?P<way>{_tolerant('ar ol')}|wedi|cyn)(?![\w-])\s*(?P<event>.*)",
    re.IGNORECASE | re.DOTALL,
)
_EVENT_LEAD = re.compile(r"\A(?:i\s*'\s*r|i|'\s*r)\s+", re.IGNORECASE)
_EVENT_TAIL = re.compile(
    rf"(?:[\s?.!'\"]|(?<![\w'])(?:{'|'.join(_tolerant(h) for h in words.HEDGES)})(?!\w))+$",
    re.IGNORECASE,
)
_BARE_UNIT = re.compile(
    r"(?P<hedge>(?:about|around|roughly) )?(?P<unit>(?:year|month|week|day)(?: or \d+)?)"
)


def _relative(found: re.Match[str]) -> str:
    head = _reworded(fold(found["head"]))
    if bare := _BARE_UNIT.fullmatch(head):  # "blwyddyn (neu ddwy) ar ôl": "a year (or 2) after"
        head = f"{bare['hedge'] or ''}a {bare['unit']}"
    way = "before" if found["way"].lower() == "cyn" else "after"
    event = _EVENT_TAIL.sub("", _EVENT_LEAD.sub("", found["event"], count=1))
    return " ".join(f"{head} {way} {event}".split())


def reword(text: str) -> str | None:
    """The Welsh wording in the English grammar's words, or None if nothing in it is
    Welsh. The English may still be nonsense to the grammar; it then refuses it."""
    cleaned = clean(text)
    found = _RELATIVE.fullmatch(cleaned)
    if found is not None and found["event"].strip():
        return _relative(found)
    folded = fold(cleaned)
    english = _reworded(folded)
    return english if english != folded else None


_HEDGED = re.compile(rf"(?<![\w'])(?:{_HEDGE})(?!\w)")


def hedged(text: str) -> bool:
    """Whether a wording has a Welsh hedge in it ("tua", "efallai", "dw i'n meddwl")."""
    return _HEDGED.search(fold(text)) is not None
