"""Translations of the interview guides, for the interviewer's screen only.

A translation is ``app/resources/guides/<language>/<category>.toml`` (e.g.
``cy/csa.toml``): a complete guide, read and validated like the English one by
``app.guides``, whose structure must then match the English guide exactly: the same id
and version, the same pacing numbers and check-in flags, the same sections, fields and
phases in the same order, the same number of prompts in each phase, each a line to say
or a thing to do as in English and with a condition (``only_if``) exactly where English
has one, the same field kinds and choice values (choices are stored values, not display
text). Only the text may differ: the guide title, section titles and descriptions, field
labels and help, phase titles, purposes, prompts and their conditions, and the checklist
(which a translation may leave out until its wording is reviewed: the English checklist
is then shown). Any difference in structure is a one-line ``GuideError`` naming the file
and the field path, e.g. ``broken interview guide translation cy/csa.toml:
pacing.break_every_minutes is 20 where csa.toml has 30; a translation changes only the
text``.

The translated ``Guide`` is built from the English guide with only its text replaced, so
even a check missed here could not let a translation change pacing, ids or structure.

Only the interface uses translations. Statements, exports, the record, the CLI and the
pacing of sittings use the canonical English guide (``Engine.guide`` defaults to it). When
no translation is shipped for a language, the English guide is used.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NoReturn

from app.errors import UsageError
from app.guides.checker import GuideError
from app.guides.model import Guide, Phase, Prompt, guides_dir, load_guide

ENGLISH = "en"
# An ISO 639 language code; anything else could name a path outside the guides directory.
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def _broken(name: str, detail: str) -> GuideError:
    return GuideError(
        "guide.broken_translation",
        "broken interview guide translation {name}: {detail}",
        name=name,
        detail=detail,
    )


def translation_path(category: str, language: str) -> Path:
    """Where the translation of a category's guide into ``language`` would be."""
    return guides_dir() / language / f"{category}.toml"


def translated(english: Guide, language: str, path: Path | None = None) -> Guide:
    """``english`` with its text in ``language``; the English guide itself when no
    translation is shipped. A translation that does not match is a ``GuideError``.
    `path`: where the translation is, for an archived version of a guide (by default,
    the current version's translation)."""
    if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
        raise UsageError(
            "guide.unknown_language",
            "unknown language {language!r}; give a code such as en or cy",
            language=language,
        )
    if language == ENGLISH:
        return english
    if path is None:
        path = translation_path(english.id, language)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return english  # not translated (yet): the interviewer sees the English guide
    except OSError:
        return _load(path, english, language)  # raises the GuideError naming the problem
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size, english, language)


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int, english: Guide, language: str) -> Guide:
    # mtime and size are in the key so an edited file is read again; the English guide is
    # too, so an edited English guide is checked against its translation again.
    return _load(Path(path), english, language)


def _load(path: Path, english: Guide, language: str) -> Guide:
    name = f"{language}/{path.name}"
    try:
        guide = load_guide(path)
    except GuideError as exc:
        # load_guide names the bare file ("csa.toml"): name the translation instead.
        detail = exc.params.get("detail") if exc.code == "guide.broken" else None
        raise _broken(name, str(detail) if detail is not None else str(exc)) from None
    return _merge(english, guide, _Compare(name, Path(english.source).name))


class _Compare:
    """Fails with one line naming the translation, the field path and the English file."""

    def __init__(self, name: str, english_name: str) -> None:
        self.name = name
        self.english = english_name

    def fail(self, message: str) -> NoReturn:
        raise _broken(self.name, message)

    def same(self, path: str, ours: object, theirs: object, why: str) -> None:
        if ours != theirs:
            self.fail(f"{path} is {_show(ours)} where {self.english} has {_show(theirs)}; {why}")

    def same_ids(self, path: str, ours: Sequence[str], theirs: Sequence[str]) -> None:
        """The same ids (unique within each list, as load_guide ensures) in the same order."""
        for index, item in enumerate(ours):
            if item not in theirs:
                self.fail(
                    f"{path}[{index}].id {_show(item)} is not in {self.english}; a"
                    f" translation cannot add {path}"
                )
        missing = [item for item in theirs if item not in ours]
        if missing:
            self.fail(
                f"{path}: {', '.join(missing)} missing; a translation keeps every one"
                f" of {self.english}'s {path}"
            )
        for index, (mine, english) in enumerate(zip(ours, theirs, strict=True)):
            if mine != english:
                self.fail(
                    f"{path}[{index}].id is {_show(mine)} where {self.english} has"
                    f" {_show(english)}; keep {self.english}'s order"
                )


_ONLY_TEXT = "a translation changes only the text"


def _merge(english: Guide, ours: Guide, check: _Compare) -> Guide:
    """Check that ``ours`` has ``english``'s structure; return ``english`` with our text."""
    check.same("id", ours.id, english.id, "it must translate that guide")
    check.same(
        "version",
        ours.version,
        english.version,
        "translate that version of the guide (its text may have changed)",
    )
    for key in (field.name for field in dataclasses.fields(english.pacing)):
        check.same(
            f"pacing.{key}", getattr(ours.pacing, key), getattr(english.pacing, key), _ONLY_TEXT
        )

    check.same_ids("sections", [s.id for s in ours.sections], [s.id for s in english.sections])
    sections = tuple(
        dataclasses.replace(theirs, title=mine.title, description=mine.description)
        for mine, theirs in zip(ours.sections, english.sections, strict=True)
    )

    check.same_ids("fields", [f.id for f in ours.fields], [f.id for f in english.fields])
    fields = []
    for index, (mine, theirs) in enumerate(zip(ours.fields, english.fields, strict=True)):
        path = f"fields[{index}]"
        check.same(f"{path}.kind", mine.kind, theirs.kind, _ONLY_TEXT)
        check.same(
            f"{path}.choices",
            list(mine.choices),
            list(theirs.choices),
            "choices are the values stored for the case, so they stay as they are",
        )
        if bool(mine.help) != bool(theirs.help):
            check.fail(
                f"{path}.help is missing; {check.english} has help to translate"
                if theirs.help
                else f"{path}.help is not in {check.english}; a translation adds no help"
            )
        fields.append(dataclasses.replace(theirs, label=mine.label, help=mine.help))

    check.same_ids("phases", [p.id for p in ours.phases], [p.id for p in english.phases])
    phases: list[Phase] = []
    for index, (phase, english_phase) in enumerate(zip(ours.phases, english.phases, strict=True)):
        path = f"phases[{index}]"
        check.same(
            f"{path}.sections", list(phase.sections), list(english_phase.sections), _ONLY_TEXT
        )
        check.same(f"{path}.checkin", phase.checkin, english_phase.checkin, _ONLY_TEXT)
        if len(phase.prompts) != len(english_phase.prompts):
            check.fail(
                f"{path}.prompts has {len(phase.prompts)} prompts where {check.english}"
                f" has {len(english_phase.prompts)}; translate each prompt, in the same "
                "order"
            )
        prompts = tuple(
            _merge_prompt(f"{path}.prompts[{number}]", mine, theirs, check)
            for number, (mine, theirs) in enumerate(
                zip(phase.prompts, english_phase.prompts, strict=True)
            )
        )
        phases.append(
            dataclasses.replace(
                english_phase, title=phase.title, purpose=phase.purpose, prompts=prompts
            )
        )

    # The checklist is the supervisor's: until a translation of it has been reviewed, a
    # translated guide may leave it out and the English checklist is shown.
    checklist = english.checklist
    if ours.checklist:
        check.same_ids(
            "checklist", [c.id for c in ours.checklist], [c.id for c in english.checklist]
        )
        checklist = tuple(
            dataclasses.replace(theirs, text=mine.text)
            for mine, theirs in zip(ours.checklist, english.checklist, strict=True)
        )

    return dataclasses.replace(
        english,
        title=ours.title,
        sections=sections,
        fields=tuple(fields),
        phases=tuple(phases),
        source=ours.source,
        checklist=checklist,
    )


def _merge_prompt(path: str, mine: Prompt, theirs: Prompt, check: _Compare) -> Prompt:
    """The English prompt with our words: whether it is said or done, and whether it has a
    condition, are the guide's structure and stay as they are."""
    check.same(f"{path} (say or do)", mine.kind, theirs.kind, _ONLY_TEXT)
    if (mine.only_if is None) != (theirs.only_if is None):
        check.fail(
            f"{path}.only_if is missing; {check.english} has a condition to translate"
            if theirs.only_if
            else f"{path}.only_if is not in {check.english}; a translation adds no condition"
        )
    return dataclasses.replace(theirs, text=mine.text, only_if=mine.only_if)


def _show(value: object) -> str:
    """A short, single-line rendering for an error message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # of section ids or choices: short, so shown whole
        text, limit = "[" + ", ".join(_show(item) for item in value) + "]", 200
    else:
        text, limit = repr(value), 62
    return text if len(text) <= limit else text[: limit - 2] + "…"
