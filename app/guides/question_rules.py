"""Question rules: a quiet check of a question against the ten rules of the guides review.

This module owns the question rules (``RULES``, each with a stable id and a short English
and Welsh explanation) and ``check_question``, which applies them to the words an
interviewer says or writes, sentence by sentence, compared with the survivor's words so
far. It is pure and deterministic: word lists and regular expressions, no I/O, no state.
A finding is a hint for the interviewer, never a block; the id is what a dismissal
records (``app.engine.hints``).

Context rules. ``presupposition``, ``loaded_word`` and ``new_detail`` are not raised when
the survivor's own words (``survivor_words``: the statement so far) contain the key word,
name, place, number or date. Words in quotation marks after "you said" / "you mentioned"
count as the survivor's (an echo of their words), and ``[placeholders]`` are ignored.

Languages. English (``"en"``) is checked by every rule; Welsh (``"cy"``) only by the
three that need no Welsh grammar (``Rule.languages``): ``multiple`` (more than one "?"),
``new_detail`` (a capitalised name or a number not in the survivor's words; a mutated
name, "Nghaerdydd" for "Caerdydd", may be flagged) and ``why_blame`` ("pam", but not
"does dim rhaid i chi ddweud pam"). The other seven would need Welsh grammar or word
lists reviewed by a Welsh-speaking ABE interviewer, as would the Welsh explanations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import dropwhile
from types import MappingProxyType

LANGUAGES = ("en", "cy")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    en: str  # the explanation shown to the interviewer
    cy: str
    languages: tuple[str, ...] = ("en",)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # a Rule.id
    words: str  # the words that matched, as written
    explanation: str  # the rule's explanation in the language checked


_EN = {
    "yes_no": 'A yes/no question can suggest its answer. Ask openly: "Tell me…", "Describe…".',
    "tag": 'A tag question ("…, didn\'t he?") suggests the answer it expects.',
    "forced_choice": 'Either/or with no way out: add "or something else?", or ask openly.',
    "multiple": "Two questions at once: the statement cannot show which was answered. Ask one.",
    "presupposition": 'Presumes what they have not said: ask "if any…", or wait until they do.',
    "loaded_word": "A word the survivor has not used. Use their own words.",
    "new_detail": "A name, place, number or date the survivor has not given.",
    "why_blame": '"Why" or blame can sound as if they are at fault. Ask what happened.',
    "statement_question": "A statement asked as a question suggests the answer. Ask openly.",
    "pressure_to_guess": 'Pressure to guess, or doubt. "I don\'t know" is a good answer.',
}
# A first translation, not yet reviewed by a Welsh-speaking ABE interviewer.
_CY = {
    "yes_no": "Gall cwestiwn ie/na awgrymu'r ateb. Gofynnwch yn agored: “Disgrifiwch…”.",
    "tag": "Mae cwestiwn cynffon (“…, on'd oedd e?”) yn awgrymu'r ateb mae'n ei ddisgwyl.",
    "forced_choice": "Dewis rhwng dau heb ffordd allan: ychwanegwch “neu rywbeth arall?”.",
    "multiple": "Dau gwestiwn ar unwaith: dydy'r datganiad ddim yn dangos pa un a atebwyd.",
    "presupposition": "Mae'n cymryd yn ganiataol rywbeth dydyn nhw ddim wedi'i ddweud.",
    "loaded_word": "Gair dydy'r goroeswr ddim wedi'i ddefnyddio. Defnyddiwch eu geiriau nhw.",
    "new_detail": "Enw, lle, rhif neu ddyddiad dydy'r goroeswr ddim wedi'i roi.",
    "why_blame": "Gall “pam” neu fai swnio fel pe baen nhw ar fai. Gofynnwch beth ddigwyddodd.",
    "statement_question": "Datganiad wedi'i ofyn fel cwestiwn: mae'n awgrymu'r ateb.",
    "pressure_to_guess": "Pwysau i ddyfalu, neu amheuaeth. Mae “Dwi ddim yn gwybod” yn ateb da.",
}
# The rules checked in Welsh too: they need no Welsh grammar (see the module docstring).
_WELSH = frozenset({"multiple", "new_detail", "why_blame"})
RULES: Mapping[str, Rule] = MappingProxyType(
    {k: Rule(k, _EN[k], _CY[k], ("en", "cy") if k in _WELSH else ("en",)) for k in _EN}
)
RULE_IDS: frozenset[str] = frozenset(RULES)

# --- word lists ----------------------------------------------------------------------


def _list(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_AUX = _list(
    "did didn't do does don't doesn't is isn't are aren't am was wasn't were weren't has"
    " hasn't have haven't had hadn't can can't cannot could couldn't will won't would"
    " wouldn't shall should shouldn't may might must"
)
_NEG_AUX = "|".join(re.escape(word) for word in _AUX if word.endswith("n't"))
_POS_AUX = "|".join(word for word in _AUX if "'" not in word)
_QWORDS = frozenset(_list("who whom whose what when where which how why"))
_MARKERS = frozenset(_list("so and but then okay ok right well now also just sorry"))
_REQUEST = re.compile(
    r"(please )?(tell (me|us)|describe|explain|talk me through|walk me through"
    r"|help me understand|say more|give me)\b"
)
_SUBJECT = re.compile(
    r"(he|she|they|you|it|i|we|there|this|that|these|those|the|your|his|her|their|my|our|a|an"
    r"|(any|some|every|no)(one|body|thing))$"
)
# A check of consent or welfare, not of the evidence: "Is it all right with you if we begin?"
_CONSENT = re.compile(
    r"^((is it|would it be) (all right|alright|ok|okay|fine)\b"
    r"|are you (ok|okay|all right|alright|ready|comfortable)\b"
    r"|(would|do) you (like|want|need) (a |some |to take a |to have a |to )?"
    r"(break|pause|rest|drink|minute|moment|stop|carry on|continue|go on)\b"
    r"|(shall|can|could|may) (we|i) (begin|start|stop|pause|carry on|continue|read"
    r"|take a break|have a break)\b)"
)
_PRONOUN = r"(?:he|she|it|they|you|we|i|there|that)"
_TAG = re.compile(
    rf"(?:,\s*|\s)(?:{_NEG_AUX})\s+{_PRONOUN}\s*\?$|,\s*(?:{_POS_AUX})\s+{_PRONOUN}\s*\?$"
    r"|,\s*(?:right|yeah|yes|no|ok|okay|correct|true|eh|surely)\s*\?$"
    r"|\b(?:is it not true|isn't it true|is it true|wouldn't you agree|would you agree"
    r"|don't you think|you'd agree|i put it to you|am i right)\b"
)
_ESCAPE = re.compile(
    r"\bor (something|anything|someone|somebody|somewhere) (else|different)\b|\bor neither\b"
    r"|\bor (do you not|don't you|you don't|are you not|you're not) (know|remember|sure)\b"
)
_QWORD = r"(who|what|when|where|which|how|why|whose)\b"
# Two question words joined by "and" or a comma, or a request and then "and" + a question
# word: "Who did you tell, and when?", "Describe the contact, and what they did."
_QWORD_PAIR = re.compile(
    rf"\b{_QWORD}[^.?!]*?(?:,?\s+and\s+{_QWORD}|,\s*{_QWORD}\s*(?=[,?.]|$))"
    rf"|^(?:please )?(?:tell|describe|explain)\b[^.?!]*?,?\s+and\s+{_QWORD}"
)
_IF_ANY = re.compile(r"\bif (there (is|was|were|are) )?any(thing|one|body)?\b|\bif at all\b")
_REPEATED = (
    r"\b(times|again|more than once|often|always|usually|every|each|whenever|twice|regularly"
    r"|repeatedly|kept|several|sometimes|last time|first time|other time)\b"
)
# A noun that presumes what it names, with the stem that licenses it in the survivor's words.
_PICTURE, _GIFT = "(photo|picture|pic)", "(gift|present)"
_NOUNS = {
    **{"messages": "messag", "texts": "text", "threats": "threat", "calls": "call"},
    **{"letters": "letter", "emails": "e-?mail", "videos": "video", "drugs": "drug"},
    **{"photos": _PICTURE, "photographs": _PICTURE, "pictures": _PICTURE},
    **{"gifts": _GIFT, "presents": _GIFT, "injuries": "injur", "bruises": "bruis"},
}
_OTHERS = r"\b(else|others?|people|someone|somebody|everyone|everybody|friends?|crowd|we|us)\b"
_TOLD = r"\b(told|tell|telling|talked|spoke|reported|report|disclosed|confided|said to)\b"
_SAID = r"\b(said|say|says|saying|told|asked|shouted|spoke|whispered|words)\b"
_REPEAT_Q = (
    r"\b(the|that) (first|last|next|other|second|third) time\b(?! you (met|saw|spoke|heard))"
    r"|\b(every|each) time\b"
    r"|\bhow (many times|often)\b|\bthe other times\b|\banother time\b"
    r"|\b(a|one|the) time (that|which) stands out\b"
)
_TOLD_Q = (
    r"\bwho (did you|you) (tell|told|talk(ed)? to|speak to|spoke to)\b"
    r"|\bwhen (did you tell|did you report|you told|you reported)\b"
)
# (what presumes a fact, what in the survivor's words licenses it; "" = the word itself)
_PRESUPPOSE = tuple(
    (re.compile(pattern), licence)
    for pattern, licence in (
        (r"\bwho else\b", _OTHERS),
        (_REPEAT_Q, _REPEATED),
        (_TOLD_Q, _TOLD),
        (r"\bwhat (was|were) said\b", _SAID),
        (r"\b(the|those|these) (" + "|".join(_NOUNS) + r")\b", ""),
        (r"\bwhen (he|she|they) (\w+ed)\b", ""),
    )
)
_LOADED = (
    *(r"abus(e|ed|es|er|ers|ing|ive)", r"rap(e|ed|es|ing|ist|ists)", r"assault(s|ed|ing)?"),
    *(r"groom(s|ed|ing)?", r"victims?", r"offend(er|ers|ing|ed)", r"forc(ed|ing|ibly)"),
    *(r"threat(s|en|ens|ened|ening)?", r"secre(t|ts|tly|tive|cy)", r"gift(s|ed)?"),
    *(r"alcohol|drunk", r"uniform(s|ed)?", r"(on|off) duty", r"power(s|ful)?", r"misconduct"),
    *(r"molest(ed|ing|er)?", r"perpetrators?", r"suspects?", r"coerc(e|ed|ion|ing|ive)"),
    r"(other people|people|anyone|anybody|someone|somebody|others) (finding|find|found) out",
)
_LOADED_RE = re.compile(r"\b(" + "|".join(f"(?:{word})" for word in _LOADED) + r")\b")
# Services and roles the interviewer names by design: neither a new detail nor a loaded word.
_KNOWN_NAMES = re.compile(
    r"\b(Rape Crisis|NAPAC|Samaritans|Victim Support|ISVA|IDVA|NHS|GP|Registered Intermediary"
    r"|Victim Personal Statement)\b"
)
_MONTHS = _list("january february april june july september october november december")
_DATES = (*_MONTHS, *_list("monday tuesday wednesday thursday friday saturday sunday"))
_NUMBER_WORDS = _list("zero one two three four five six seven eight nine ten eleven twelve")
_NUMBERS = {word: str(value) for value, word in enumerate(_NUMBER_WORDS)}
_DETAIL_WORDS = "|".join([*_NUMBER_WORDS[2:], *_DATES, "twenty|thirty|forty|fifty|hundred"])
_DETAIL = re.compile(rf"\b\d[\d:/.]*(?:am|pm|st|nd|rd|th|s)?\b|\b(?:{_DETAIL_WORDS})\b", re.I)
_CAPITAL_MONTH = re.compile(r"\b(?:in|on|since|until|by|last|early|late|mid) (May|March|August)\b")
_CAPITALS = re.compile(r"(?<![\w'])[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_PRONOUN_I = frozenset({"I", "I'm", "I'd", "I've", "I'll"})
_WHY = {"en": re.compile(r"\bwhy\b"), "cy": re.compile(r"\bpam\b")}
# "You don't have to tell me why", "does dim rhaid i chi ddweud wrtha i pam", "dyna pam".
_WHY_OK = re.compile(
    r"(n't|not|never|no need to|dim rhaid i chi|dim angen i chi|dyna)\s+(have to |need to )?"
    r"(tell( me| us)?|say|explain|ddweud( wrtha i)?)?\s*$"
)
_BLAME = re.compile(
    r"\bhow come\b|\byou (could|should|shouldn't|ought to|might) have\b|\bcouldn't you have\b"
    r"|\bwhat were you doing\b|\bwhat made you\b|\bwhat did you expect\b"
)
_PRESSURE = re.compile(
    r"\bguess\w*|\b(roughly|approximately|at a guess) how (many|much|long|often)\b"
    r"|\byou must (remember|know|have (seen|known|noticed|heard))\b|\bare you (sure|certain)\b"
    r"|\b(think|try) harder\b|\bsurely you\b|\bi'm sure you (remember|know)\b"
    r"|\byou (can't|cannot) have forgotten\b"
)
_NO_GUESS = re.compile(r"(n't|not|never|no need to|without) (have to |need to |want you to )?$")
_ECHO = re.compile(r"\b(you (said|mentioned|told me|called|used the word|described)|your words)\b")
_QUOTED = re.compile(r"\"([^\"]+)\"|(?<!\w)'([^']+?)'(?!\w)")

# --- text -----------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Straight quotes, no [placeholders], one space between words."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "...")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"(?im)^\s*(q|question)\s*[:.)]\s*", "", text)  # a note's "Q: …"
    text = re.sub(r"\b(Mr|Mrs|Ms|Dr|St|e\.g|i\.e)\.", lambda m: m.group(1).replace(".", ""), text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.?!])\s+|\n+", text)
    return [part.strip() for part in parts if part.strip(" .!")]


def _words(text: str) -> list[str]:
    """Lowercased words; digits apart from letters ("10pm" is "10", "pm")."""
    return re.findall(r"\d+|[^\W\d_]+(?:'[^\W\d_]+)*", text.lower())


def _clauses(sentence: str) -> list[list[str]]:
    """The words of each clause (split at , ; : and dashes), discourse markers dropped."""
    parts = re.split(r"[,;:]|\s[-\u2013\u2014]\s", sentence)
    return [list(dropwhile(_MARKERS.__contains__, _words(part))) for part in parts]


def _survivor(survivor_words: str, text: str) -> str:
    """The survivor's words, lowercased, with any echo of them quoted after "you said"."""
    quoted = [m for s in _sentences(text) if _ECHO.search(s.lower()) for m in _QUOTED.finditer(s)]
    echoes = [match.group(match.lastindex or 0) for match in quoted]
    return " ".join([_normalise(survivor_words), *echoes]).lower()


def _said_words(said: str) -> str:
    return " ".join(_NUMBERS.get(word, word) for word in _words(said))


def _phrase_in(phrase: str, said_words: str) -> bool:
    words = _said_words(phrase)
    return bool(words) and re.search(rf"(?<!\S){re.escape(words)}(?!\S)", said_words) is not None


# --- the rules, one sentence at a time ----------------------------------------------------

Found = tuple[str, str]  # (rule id, the words that matched)


def _form(sentence: str, low: str) -> Iterator[Found]:
    """yes_no, tag, forced_choice and statement_question: the form of one sentence."""
    clauses = _clauses(sentence)
    first = clauses[0]
    if not first or _CONSENT.search(" ".join(first)):
        return
    question = sentence.endswith("?")
    tag = _TAG.search(low)
    if tag and first[0] not in _QWORDS and (clauses[-1][:1] or [""])[0] not in _QWORDS:
        yield "tag", sentence[tag.start() : tag.end()].strip(" ,")
        return
    # An auxiliary first makes a yes/no question, with or without "?" ("Did he hit you"),
    # but "Should you need a break, tell me." is a condition.
    inverted = len(first) > 1 and _SUBJECT.match(first[1]) is not None
    conditional = first[0] in ("should", "had", "were") and len(clauses) > 1 and not question
    opener = first[0] in _AUX and (question or inverted) and not conditional
    if (opener or (question and first[0] == "which")) and " or " in low and not _ESCAPE.search(low):
        yield "forced_choice", sentence
        return
    if opener:
        yield "yes_no", sentence
        return
    if not question:
        return
    for clause in clauses[1:]:
        if len(clause) > 1 and clause[0] in _AUX and _SUBJECT.match(clause[1]):
            yield "yes_no", sentence  # "When you got home, did he follow you?"
            return
    # A question word opens a clause ("After that, what happened?", "In what way?").
    if any(word in _QWORDS for clause in clauses for word in clause[:2]):
        return
    if _REQUEST.match(" ".join(first)) or " ".join(first) in ("anything else", "anyone else"):
        return
    yield "statement_question", sentence


def _presupposes(sentence: str, low: str, said: str) -> Iterator[Found]:
    if _IF_ANY.search(low):
        return
    for pattern, licence in _PRESUPPOSE:
        for match in pattern.finditer(low):
            key = licence
            if not key:  # the noun or the verb itself must be in their words
                word = match.group(2)
                verb = re.sub(r"(\w)\1$", r"\1", word[:-2]) if word.endswith("ed") else word
                key = r"\b" + _NOUNS.get(word, re.escape(verb))
            if re.search(key, said) is None:
                yield "presupposition", sentence[match.start() : match.end()]


def _loaded(sentence: str, said: str) -> Iterator[Found]:
    for match in _LOADED_RE.finditer(_KNOWN_NAMES.sub(" ", sentence).lower()):
        family = next(w for w in _LOADED if re.fullmatch(w, match.group()))
        if re.search(rf"\b({family})\b", said) is None:
            yield "loaded_word", match.group()


def _new_details(sentence: str, said_words: str) -> Iterator[Found]:
    """A name (capitalised words after a sentence's first), a number, month or weekday."""
    bare = _KNOWN_NAMES.sub(" ", sentence)
    for match in _CAPITALS.finditer(bare):
        words = match.group().split()
        before = bare[: match.start()].rstrip(" (")
        if not before or before[-1] in ':;"':  # a sentence's or a quotation's first word
            words = words[1:]
        words = [w for w in words if w not in _PRONOUN_I and w.lower() not in _DATES]
        if words and not _phrase_in(" ".join(words), said_words):
            yield "new_detail", " ".join(words)
    for match in [*_DETAIL.finditer(sentence), *_CAPITAL_MONTH.finditer(sentence)]:
        detail = match.group(match.lastindex or 0)
        number = re.match(r"\d+", detail)
        if not _phrase_in(number.group() if number else detail, said_words):
            yield "new_detail", detail


def _phrases(sentence: str, low: str, language: str) -> Iterator[Found]:
    """why_blame ("why", "pam", blame) and, in English, pressure_to_guess."""
    for match in _WHY[language].finditer(low):
        if not _WHY_OK.search(low[: match.start()]):
            yield "why_blame", sentence[match.start() : match.end()]
    for rule_id, pattern in (("why_blame", _BLAME), ("pressure_to_guess", _PRESSURE)):
        for match in pattern.finditer(low) if language == "en" else ():
            if not (match.group().startswith("guess") and _NO_GUESS.search(low[: match.start()])):
                yield rule_id, sentence[match.start() : match.end()]


def _multiple(sentences: list[str], language: str) -> Iterator[Found]:
    """More than one "?"; in English also more than one request ("Tell me…", "Describe…")
    or two question words joined by "and" or a comma ("Who did you tell, and when?")."""
    asks = [
        max(sum(1 for c in _clauses(s) if _REQUEST.match(" ".join(c))), int(s.endswith("?")))
        for s in sentences
    ]
    if sum(s.endswith("?") for s in sentences) > 1 or (language == "en" and sum(asks) > 1):
        yield "multiple", " ".join(s for s, n in zip(sentences, asks, strict=True) if n)
    elif language == "en":
        for sentence in sentences:
            if pair := _QWORD_PAIR.search(sentence.lower()):
                yield "multiple", sentence[pair.start() : pair.end()]


# --- the check --------------------------------------------------------------------------


def check_question(text: str, *, survivor_words: str = "", language: str = "en") -> list[Finding]:
    """Every rule the question `text` breaks, compared with the survivor's words so far.

    One finding per rule and sentence, in the order of ``RULES``. An empty list means
    no rule is broken, not that the question is good. In Welsh only the rules whose
    ``languages`` include "cy" are checked.
    """
    if not isinstance(text, str) or not isinstance(survivor_words, str):
        raise TypeError("text and survivor_words must be strings")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    clean = _normalise(text)
    sentences = _sentences(clean)
    said = _survivor(survivor_words, clean)
    said_words = _said_words(said)
    found: list[tuple[int, str, str]] = [(-1, *item) for item in _multiple(sentences, language)]
    for index, sentence in enumerate(sentences):
        low = sentence.lower()
        items = [*_phrases(sentence, low, language), *_new_details(sentence, said_words)]
        if language == "en":
            yes_no_too = not any(rule_id == "pressure_to_guess" for rule_id, _ in items)
            items += [f for f in _form(sentence, low) if yes_no_too or f[0] != "yes_no"]
            items += [*_presupposes(sentence, low, said), *_loaded(sentence, said)]
        found += [(index, *item) for item in items]
    # One finding per rule and sentence, in the order of RULES, then of the sentences.
    grouped: dict[tuple[str, int], dict[str, str]] = {}
    for index, rule_id, words in sorted(found, key=lambda item: list(RULES).index(item[1])):
        if language in RULES[rule_id].languages:
            grouped.setdefault((rule_id, index), {}).setdefault(words.lower(), words)
    return [
        Finding(rule_id, ", ".join(words.values()), getattr(RULES[rule_id], language))
        for (rule_id, _), words in grouped.items()
    ]
