"""Fuzzy dates in Welsh: the words, with their mutated forms, and what each means in the
English grammar's own wording.

This module owns the vocabulary tables only; the rewording that uses them (and why it
reads Welsh by rewording it into the English grammar) is in ``fuzzydate_welsh``. Every
Welsh form here is folded: lower case, circumflexes and other accents dropped ("ar ôl"
is "ar ol", "gŵyl" is "gwyl") and straight apostrophes, as ``fuzzydate_welsh.fold``
leaves a wording. Welsh mutates a word's first letter after certain words ("ym mis
Mehefin" but "o Fehefin", "yng Ngorffennaf", "a Thachwedd"), so each word is listed
with every form a survivor may write: radical, soft, nasal and aspirate.

"Hydref" is both October and autumn, so it is in neither table below: the rewording
decides from the words around it (see ``fuzzydate_welsh``).
"""

from __future__ import annotations

# --- months ------------------------------------------------------------------------------

MONTHS: dict[str, str] = {
    "ionawr": "january",
    "chwefror": "february",
    "mawrth": "march",
    "fawrth": "march",
    "ebrill": "april",
    "mai": "may",
    "fai": "may",
    "mehefin": "june",
    "fehefin": "june",
    "gorffennaf": "july",
    "orffennaf": "july",
    "ngorffennaf": "july",
    "gorffenaf": "july",  # a common spelling slip
    "orffenaf": "july",
    "ngorffenaf": "july",
    "awst": "august",
    "medi": "september",
    "fedi": "september",
    "tachwedd": "november",
    "dachwedd": "november",
    "nhachwedd": "november",
    "thachwedd": "november",
    "rhagfyr": "december",
    "ragfyr": "december",
}
# The abbreviations the app itself shows ("4 Rhag 2026"); "hyd" (October) only after a
# day, since alone it means "until".
MONTH_ABBREVIATIONS: dict[str, str] = {
    "ion": "january",
    "chwef": "february",
    "maw": "march",
    "ebr": "april",
    "meh": "june",
    "gorff": "july",
    "tach": "november",
    "rhag": "december",
}

# --- seasons, holidays and named days -----------------------------------------------------

SEASONS: dict[str, str] = {
    "gwanwyn": "spring",
    "wanwyn": "spring",
    "ngwanwyn": "spring",
    "haf": "summer",
    "gaeaf": "winter",
    "aeaf": "winter",
    "ngaeaf": "winter",
}

_THE = r"(?:(?:y|yr) )?"
_DAY = r"(?:dydd|ddydd|diwrnod|ddiwrnod)"
_PASG = r"(?:pasg|basg|phasg|mhasg)"
_HALF_TERM = r"hanner tymor"
# Regular expressions over folded words -> the English grammar's name for the period
# (a key or alias of PERIOD_ALIASES in fuzzydate_calendar).
PERIODS: list[tuple[str, str]] = [
    (rf"{_HALF_TERM} (?:(?:mis|fis) )?hydref", "october half term"),
    (rf"{_HALF_TERM} yr hydref", "october half term"),
    (rf"{_HALF_TERM} (?:(?:mis|fis) )?chwefror", "february half term"),
    (rf"{_HALF_TERM} {_THE}(?:gwanwyn|wanwyn)", "february half term"),
    (rf"{_HALF_TERM} (?:(?:mis|fis) )?(?:mai|fai)", "may half term"),
    (rf"{_HALF_TERM} {_THE}(?:sulgwyn|haf)", "may half term"),
    (_HALF_TERM, "half term"),
    (rf"gwyliau {_THE}{_PASG}", "easter holidays"),
    (rf"gwyliau {_THE}nadolig", "christmas holidays"),
    (rf"gwyliau {_THE}haf(?: {_THE}ysgol)?", "summer holidays"),
    (rf"gwyliau {_THE}ysgol(?: {_THE}haf)?", "summer holidays"),
    (rf"penwythnos {_THE}{_PASG}", "easter weekend"),
    (rf"{_DAY} {_THE}nadolig", "christmas day"),
    (rf"(?:noswyl|nos) {_THE}nadolig", "christmas eve"),
    (rf"(?:gwyl|wyl|{_DAY}|dygwyl) san steffan", "boxing day"),
    (r"(?:calan|galan) gaeaf", "halloween"),
    (rf"noson {_THE}(?:tan gwyllt|guto ffowc|guto fawkes|guy fawkes)", "bonfire night"),
    (r"nos galan", "new year's eve"),
    (rf"{_DAY} {_THE}calan", "new year's day"),
    (rf"(?:{_DAY} )?(?:gwyl|wyl|dygwyl) (?:dewi|ddewi)(?: sant)?", "st david's day"),
    (r"nadolig|dolig", "christmas"),
    (_PASG, "easter"),
]

# --- schooling -----------------------------------------------------------------------------

# Regular expressions -> the English school grammar's words (fuzzydate_school).
SCHOOL: list[tuple[str, str]] = [
    (r"tymor (?:y |yr )?(?:hydref|nadolig)", "autumn term"),
    (r"tymor (?:y )?(?:gwanwyn|wanwyn)", "spring term"),
    (r"tymor (?:yr )?haf", "summer term"),
    (r"tymor cyntaf|tymor 1af", "first term"),
    (r"ail dymor", "second term"),
    (r"trydydd tymor|trydedd tymor", "third term"),
    (r"(?:y )?dosbarth derbyn", "reception"),
    (r"(?:ysgol|adran) (?:y )?fabanod|babanod", "infants"),
    (r"(?:ysgol|adran) iau", "juniors"),
    (r"(?:ysgol )?gynradd|cynradd", "primary school"),
    (r"(?:ysgol )?(?:uwchradd|gyfun)|gyfun|cyfun", "secondary school"),
    (r"coleg (?:y )?chweched dosbarth", "sixth form college"),
    (r"chweched (?:dosbarth )?isaf", "lower sixth"),
    (r"chweched (?:dosbarth )?uchaf", "upper sixth"),
    (r"(?:y )?chweched dosbarth|chweched", "sixth form"),
    (r"pan (?:ddechreuais|ddechreues|gychwynnais)(?: i)?(?: yn| i)?", "when i started"),
    (r"(?:mi|fi) (?:ddechrau|gychwyn)(?: yn)?", "i started"),
    (r"pan (?:es|aethum|euthum)(?: i)? i", "when i went to"),
    (r"(?:mi|fi) fynd i", "i went to"),
    (r"pan (?:symudais|symudes)(?: i)? i", "when i moved to"),
    (r"(?:mi|fi) symud i", "i moved to"),
]

# --- parts of a period, decades, stages of life -------------------------------------------

# Which part of a period: the English grammar's "start of", "middle of", "end of"; for a
# stage of life or a decade written after it ("yr wythdegau cynnar"): early, mid, late.
PART_FORMS: dict[str, str] = {
    "dechrau": "start of",
    "ddechrau": "start of",
    "nechrau": "start of",
    "canol": "middle of",
    "ganol": "middle of",
    "nghanol": "middle of",
    "diwedd": "end of",
    "ddiwedd": "end of",
    "niwedd": "end of",
}
THIRD_WORDS = {"start of": "early", "middle of": "mid", "end of": "late"}
AFTER_WORDS = {"cynnar": "early", "gynnar": "early", "hwyr": "late"}

DECADES: dict[str, str] = {
    "ugeiniau": "twenties",
    "tridegau": "thirties",
    "pedwardegau": "forties",
    "pumdegau": "fifties",
    "chwedegau": "sixties",
    "saithdegau": "seventies",
    "wythdegau": "eighties",
    "nawdegau": "nineties",
}
# After "fy" (my), with its nasal mutation: "yn fy arddegau", "yn fy nhridegau".
LIFE_DECADES: dict[str, str] = {
    "arddegau": "teens",
    "ugeiniau": "twenties",
    "tridegau": "thirties",
    "nhridegau": "thirties",
    "pedwardegau": "forties",
    "mhedwardegau": "forties",
    "pumdegau": "fifties",
    "mhumdegau": "fifties",
}

# --- counting ------------------------------------------------------------------------------

# One to ten, each with its mutated forms and the forms used before a noun ("pum mlynedd",
# "chwe mis", "deng mlynedd"), masculine and feminine ("dau", "dwy").
_UNITS: dict[int, tuple[str, ...]] = {
    1: ("un",),
    2: ("dau", "ddau", "dwy", "ddwy"),
    3: ("tri", "dri", "thri", "tair", "dair", "thair"),
    4: ("pedwar", "bedwar", "phedwar", "pedair", "bedair", "phedair"),
    5: ("pump", "bump", "phump", "pum", "bum", "phum"),
    6: ("chwech", "chwe"),
    7: ("saith",),
    8: ("wyth",),
    9: ("naw",),
    10: ("deg", "ddeg", "deng", "ddeng"),
}

# Every single word for a number: one to ten above, and the other words of their own.
SIMPLE_NUMBERS: dict[str, int] = {
    **{form: value for value, forms in _UNITS.items() for form in forms},
    **dict.fromkeys(("deuddeg", "ddeuddeg", "deuddeng", "ddeuddeng"), 12),
    **dict.fromkeys(("pymtheg", "bymtheg", "phymtheg", "pymtheng", "bymtheng"), 15),
    **dict.fromkeys(("deunaw", "ddeunaw"), 18),
    **dict.fromkeys(("ugain", "hugain"), 20),
}
_DIGITS = [form for form, value in SIMPLE_NUMBERS.items() if value < 10]
_ADDED = {"ar ddeg": 10, "ar bymtheg": 15, "ar hugain": 20}


def _words(forms: list[str] | dict[str, int]) -> str:
    return "|".join(sorted(forms, key=len, reverse=True))


# A number in words, the decimal way up to ninety-nine ("un deg chwech", "dau ddeg pump":
# tens, then units) or the traditional way up to thirty-nine ("un ar bymtheg", "deuddeg",
# "pump ar hugain": a word, then what is added to it).
NUMBER = (
    rf"(?:{_words(_DIGITS)}) d?deg(?: (?:{_words(_DIGITS)}))?"
    rf"|(?:{_words(SIMPLE_NUMBERS)})(?: ar (?:ddeg|bymtheg))?(?: ar hugain)?"
)


def number_value(words: str) -> int:
    """The value of words NUMBER matched."""
    first, *rest = words.split()
    if rest and rest[0] in ("deg", "ddeg") and first in _DIGITS:  # the decimal way
        return 10 * SIMPLE_NUMBERS[first] + (SIMPLE_NUMBERS[rest[1]] if len(rest) > 1 else 0)
    added = " ".join(rest)
    return SIMPLE_NUMBERS[first] + sum(n for words, n in _ADDED.items() if words in added)


# A count in a wording relative to another event -> the English grammar's words.
QUANTITIES: dict[str, str] = {
    "ychydig o": "a few",
    "cwpl o": "a couple of",
    "cwpwl o": "a couple of",
    "cwpl": "a couple of",
    "sawl": "several",
    "nifer o": "several",
    "rhai": "some",
    "deuddydd": "2 days",
    "pythefnos": "2 weeks",
}
# Closeness without a count ("yn fuan ar ôl" is "soon after").
NEAR: dict[str, str] = {
    "yn fuan iawn": "very soon",
    "yn fuan": "soon",
    "fuan": "soon",
    "toc": "soon",
    "yn syth": "straight",
    "yn union": "right",
    "ddim yn hir": "not long",
    "heb fod yn hir": "not long",
    "beth amser": "a while",
    "peth amser": "a while",
    "sbel": "a while",
    "ymhell": "long",
}
UNITS: dict[str, str] = {
    "diwrnod": "day",
    "ddiwrnod": "day",
    "niwrnod": "day",
    "dydd": "day",
    "ddydd": "day",
    "diwrnodau": "days",
    "ddiwrnodau": "days",
    "dyddiau": "days",
    "ddyddiau": "days",
    "wythnos": "week",
    "wythnosau": "weeks",
    "mis": "month",
    "fis": "month",
    "misoedd": "months",
    "fisoedd": "months",
    "blwyddyn": "year",
    "flwyddyn": "year",
    "mlwyddyn": "year",
    "blynedd": "years",
    "flynedd": "years",
    "mlynedd": "years",
    "blynyddoedd": "years",
    "flynyddoedd": "years",
    "mlynyddoedd": "years",
}

# --- hedges and the words around a date ---------------------------------------------------

# Each becomes an English hedge the English grammar already knows, so a Welsh hedge makes
# a reading uncertain (and widens an age or a count) exactly as an English one does.
HEDGES: dict[str, str] = {
    "dw i'n meddwl mai": "i think",
    "dwi'n meddwl mai": "i think",
    "rwy'n meddwl mai": "i think",
    "dw i'n meddwl": "i think",
    "dwi'n meddwl": "i think",
    "rwy'n meddwl": "i think",
    "rydw i'n meddwl": "i think",
    "dw i'n credu": "i believe",
    "dwi'n credu": "i believe",
    "rwy'n credu": "i believe",
    "rydw i'n credu": "i believe",
    "dybiwn i": "i think",
    "mae'n debyg": "probably",
    "siwr o fod": "probably",
    "efallai": "maybe",
    "falle": "maybe",
    "ella": "maybe",
    "fwy neu lai": "roughly",
    "mwy neu lai": "roughly",
    "yn fras": "roughly",
    "o gwmpas": "around",
    "oddeutu": "about",
    "tua": "about",
    "tuag": "about",
}
# "rhyw" (some) hedges only before a number: "rhyw 12 oed", "rhyw ddwy flynedd".
NUMBER_HEDGES = ("rhyw", "ryw")

# Words that carry no date of their own, as the English grammar's filler words (which it
# drops), and the words that join two dates.
FILLERS: dict[str, str] = {
    "yn ystod": "during",
    "drwy gydol": "during",
    "trwy gydol": "during",
    "dros": "during",
    "rywbryd": "sometime",
    "rhywbryd": "sometime",
    "rhyw bryd": "sometime",
    "rywdro": "sometime",
    "rhywdro": "sometime",
    "ar ryw adeg": "sometime",
    "roedd hi'n": "it was",
    "roedd e'n": "it was",
    "roedd o'n": "it was",
    "oedd hi": "it was",
    "oedd e": "it was",
    "oedd o": "it was",
    "adeg": "",
    "yn": "in",
    "ym": "in",
    "yng": "in",
    "y": "the",
    "yr": "the",
    "ar": "on",
    "fy": "my",
    "pan": "when",
    "tra": "while",
}
JOINERS: dict[str, str] = {
    "rhwng": "between",
    "a": "and",
    "ac": "and",
    "neu": "or",
    "i": "to",
    "tan": "until",
    "hyd at": "until",
    "hyd nes": "until",
    "hyd": "until",
    "nes": "until",
}
# "pan oeddwn i'n 12" is "when I was 12"; "a minnau'n 12" is "aged 12".
AGE_LEADS: dict[str, str] = {
    "a minnau'n": "aged",
    "a finnau'n": "aged",
    "a minnau yn": "aged",
    "a finnau yn": "aged",
    "oedran": "age",
}
AGE_LEAD_WHEN = r"pan (?:r?oeddwn|r?o'n|r?on|r?own)(?: i)?(?:'n| yn)?"
YEARS_OLD = r"(?:(?:blwydd|flwydd|mlwydd) )?oed"
