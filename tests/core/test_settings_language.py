"""Until a language is saved, the interface follows the system locale (app/settings.py):
Welsh for a Welsh locale, English for anything else, with POSIX's precedence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import settings
from app.settings import Settings, defaults, load, locale_language, save


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),  # nothing set: the C locale
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "cy_GB.UTF-8"}, "cy"),
        ({"LANG": "cy_GB.utf8"}, "cy"),
        ({"LANG": "cy_GB@euro"}, "cy"),
        ({"LANG": "cy"}, "cy"),
        ({"LANG": "CY_gb"}, "cy"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "cyber"}, "en"),  # not a Welsh locale name, only one starting alike
        ({"LANG": "\u2603 ;;; garbage"}, "en"),
        ({"LANG": ""}, "en"),
        ({"LANG": "   "}, "en"),
    ],
)
def test_the_locale_decides(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        # LC_ALL outranks LC_MESSAGES, which outranks LANG.
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "cy_GB.UTF-8", "LANG": "cy_GB.UTF-8"}, "en"),
        ({"LC_ALL": "cy_GB.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "en_GB.UTF-8"}, "cy"),
        ({"LC_MESSAGES": "cy_GB.UTF-8", "LANG": "en_GB.UTF-8"}, "cy"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "cy_GB.UTF-8"}, "en"),
        # An empty one counts as not set (POSIX).
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "cy_GB.UTF-8"}, "cy"),
        # Other categories say nothing about messages.
        ({"LC_TIME": "cy_GB.UTF-8", "LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "cy_GB.UTF-8"}, "en"),
    ],
)
def test_posix_precedence(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        # GNU gettext's LANGUAGE list comes first: its first Welsh or English entry.
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "cy:en_GB"}, "cy"),
        ({"LANG": "cy_GB.UTF-8", "LANGUAGE": "en_GB:cy"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "fr:de:cy_GB"}, "cy"),
        # Nothing in it Quietroom speaks, or empty: the locale decides.
        ({"LANG": "cy_GB.UTF-8", "LANGUAGE": "fr:de"}, "cy"),
        ({"LANG": "cy_GB.UTF-8", "LANGUAGE": ""}, "cy"),
        ({"LANG": "cy_GB.UTF-8", "LANGUAGE": "::"}, "cy"),
        # In the C or POSIX locale (or none) gettext ignores LANGUAGE; so does Quietroom.
        ({"LANG": "C.UTF-8", "LANGUAGE": "cy"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "cy_GB.UTF-8", "LANGUAGE": "cy"}, "en"),
        ({"LANGUAGE": "cy"}, "en"),
    ],
)
def test_the_language_list(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


def test_the_process_environment_is_read_when_none_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert locale_language() == "cy"
    assert defaults() == Settings(language="cy")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert locale_language() == "en"


def test_no_settings_file_means_the_locale_language(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load(path, {"LANG": "cy_GB.UTF-8"}) == Settings(language="cy")
    assert load(path, {"LANG": "en_GB.UTF-8"}) == Settings(language="en")
    assert not path.exists()  # reading writes nothing


def test_a_saved_language_outranks_the_locale(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"  # its folder made on saving
    save(Settings(language="en", text_scale=150), path)
    assert load(path, {"LANG": "cy_GB.UTF-8"}) == Settings(language="en", text_scale=150)
    save(Settings(language="cy"), path)
    assert load(path, {"LANG": "en_GB.UTF-8"}).language == "cy"
    assert json.loads(path.read_text("utf-8"))["language"] == "cy"
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[1, 2]",
        json.dumps({"text_scale": 125}).encode(),  # no language saved
        json.dumps({"language": "fr", "text_scale": 125}).encode(),  # none Quietroom has
        json.dumps({"language": 7}).encode(),
    ],
)
def test_a_file_without_a_usable_language_falls_back_to_the_locale(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert load(path, {"LANG": "cy_GB.UTF-8"}).language == "cy"
    assert load(path, {"LANG": "C"}).language == "en"


def test_the_default_path_is_the_config_folder() -> None:
    assert settings.settings_path().name == "settings.json"
    assert settings.settings_path().parent.name == "quietroom"
