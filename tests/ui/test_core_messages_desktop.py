"""The app's words for the core's messages never name a command to type (the room,
§10): where the core's English says "('statement further')", the app says what to press
(ui/core_messages_desktop.py). Walks every code the core can raise where the app runs."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest

from app.errors import Phrase
from tests.error_catalogue import APP, catalogue, placeholders
from tests.ui.test_core_messages import sample, welsh, welsh_entries  # noqa: F401 (fixture)
from ui import core_messages, i18n
from ui.core_messages import CORE_MESSAGES, translate
from ui.core_messages_desktop import DESKTOP_MESSAGES

COMMANDS = (
    "init|status|passphrase|backup|restore|recover|recovery|case|witness|note|timeline|field"
    "|audit|sitting|statement|exhibit|org|identity|export|verify|review|sync"
)
# A command in quotes ('statement further'), an option (--name) or the program's name.
NAMES_A_COMMAND = re.compile(rf"'(?:quietroom-cli )?(?:{COMMANDS})\b[^']*'|--[a-z]|quietroom-cli")
# Raised where the app never goes: the app always gives an export or a decision a place,
# and always checks a bundle or a decision with its trust file (never with --ca-only).
COMMAND_LINE_ONLY = {
    "export.no_destination",
    "review.no_destination",
    "report.author_not_checked",
    "report.author_not_checked_accepted",
    "report.reviewer_not_checked",
    "report.reviewer_not_checked_accepted",
}
# Quotes the manifest's field 'statement', not the command of that name.
NOT_A_COMMAND = {"report.manifest_numbers"}


@functools.cache
def core_templates() -> dict[str, str]:
    return {code: next(iter(found)) for code, found in catalogue().items()}


@functools.cache
def raised_where_the_app_runs() -> dict[str, str]:
    """code -> the core's template, for codes raised outside the command line's own
    modules (app/cli) and the administrator's organisation tools (app/org)."""
    found = {}
    for code, templates in catalogue().items():
        template, sites = next(iter(templates.items()))
        packages = {site.path.relative_to(APP).parts[0] for site in sites}
        if packages - {"cli", "org"} and code not in COMMAND_LINE_ONLY | NOT_A_COMMAND:
            found[code] = template
    return found


def shown(code: str, template: str) -> str:
    """The English the app shows for a code."""
    entry = DESKTOP_MESSAGES.get(code) or CORE_MESSAGES.get(code)
    return entry() if entry is not None else template


def test_nothing_the_app_shows_names_a_command(qapp: Any) -> None:
    naming = {
        code: shown(code, template)
        for code, template in raised_where_the_app_runs().items()
        if NAMES_A_COMMAND.search(shown(code, template))
    }
    assert naming == {}


def test_the_walk_would_see_a_command() -> None:
    """The control: the core's own words for these do name commands."""
    core = raised_where_the_app_runs()
    assert NAMES_A_COMMAND.search(core["statement.signed"])
    assert NAMES_A_COMMAND.search(core["identity.none"])
    assert not NAMES_A_COMMAND.search("the role 'interviewer' may export")


@pytest.mark.parametrize("code", sorted(DESKTOP_MESSAGES))
def test_each_wording_fits_its_code(code: str, qapp: Any) -> None:
    core = core_templates()
    assert code in core, f"{code} is not a code the core raises"
    assert placeholders(DESKTOP_MESSAGES[code]()) == placeholders(core[code])


@pytest.mark.parametrize("code", sorted(DESKTOP_MESSAGES))
def test_each_wording_reads_in_welsh(code: str, welsh: None) -> None:  # noqa: F811
    core = core_templates()
    values = sample(core[code])
    i18n.install("en")  # the English source, as Qt's catalogue keys it
    source = DESKTOP_MESSAGES[code]()
    assert i18n.install("cy")
    translated = translate(Phrase(code, core[code], **values))
    assert translated != source.format(**values) and "{" not in translated
    for value in values.values():
        assert str(value) in translated
    assert welsh_entries()[source][1] == "unfinished"  # no Welsh speaker has reviewed it yet


def test_the_app_shows_its_own_wording(qapp: Any) -> None:
    core = core_templates()
    message = translate(Phrase("statement.signed", core["statement.signed"]))
    assert "Further statement" in message and "'statement further'" not in message
    assert core_messages.sentence(message).startswith("This statement is signed")
