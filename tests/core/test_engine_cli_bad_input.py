"""The interview engine's command-line contract (issue 3): bad input never changes anything.

Every command runs `quietroom-cli` in a fresh interpreter (`run_cli`), exactly as a script
would. Bad input must exit 1 with one line on stderr that says what was wrong, leak no
canary, and leave the case's statement, sittings, audit log and the case list as they
were; a damaged or missing guide must be named and create nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.engine.engine import Engine
from app.engine.models import Participant
from app.export.pages import confirm_all_pages
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, REPO
from tests.core.engine_cli_harness import (
    ADDRESS_CANARY,
    NOTE_CANARY,
    Cli,
    assert_one_line_error,
    make_vault,
    png_signature,
    write,
)

pytestmark = pytest.mark.cli


def assert_unchanged(before: dict[str, Any], after: dict[str, Any]) -> None:
    assert after["statement"] == before["statement"]
    assert after["sittings"] == before["sittings"]
    if after["cases"] is not None and before["cases"] is not None:
        assert after["cases"] == before["cases"]
    # The only new audit entries are the views recorded by the first state read:
    # 'statement show', then 'sitting list'.
    assert after["audit"][:-2] == before["audit"]
    assert [(e["action"], e["detail"]["what"]) for e in after["audit"][-2:]] == [
        ("view", "statement"),
        ("view", "sittings"),
    ]


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return make_vault(tmp_path)


@pytest.fixture
def cli(vault_dir: Path, passphrase_file: Path) -> Cli:
    return Cli(vault_dir, passphrase_file)


# --- bad input never changes anything -----------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Cases in each state, made in-process (quick), and the files bad input refers to.

    Shared by the bad-input tests, which change nothing: each test's state after its
    command is the next test's state before (kept in "states"), saving CLI runs.
    """
    base = tmp_path_factory.mktemp("world")
    png = png_signature()
    with pytest.MonkeyPatch.context() as mp:
        for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            (base / name).mkdir()
            mp.setenv(name, str(base / name))
        root = base / "vault"
        with (
            Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
            Engine(vault) as engine,
        ):
            for ref in ("RUN-1", "PAUSED-1", "READY-1", "SIGNED-1"):
                engine.create_case("csa", ref)
                engine.set_witness(ref, name="Alex Morgan", age_status="over_18")
                engine.save_section(ref, "account", "It happened in the summer.")
                engine.add_note(ref, NOTE_CANARY)
                engine.set_restricted(ref, address=ADDRESS_CANARY)
            engine.start_sitting("RUN-1", [Participant("interviewer", "Jo Bloggs")])
            engine.start_sitting("PAUSED-1")
            engine.pause_sitting("PAUSED-1", "witness", "tired")
            for ref in ("READY-1", "SIGNED-1"):
                engine.confirm_readback(ref)
            confirm_all_pages(engine, "SIGNED-1")  # the witness confirmed each page
            engine.sign_statement("SIGNED-1", png)
    files = {
        "text": write(base, "text.txt", "New words.\n"),
        "bad": write(base, "latin1.txt", "caf\xe9 cr\xe8me".encode("latin-1")),
        "missing": base / "no-such-file.txt",
        "garbage": write(base, "garbage.sig", b"GIF89a\x00\x01 not a signature"),
        "corr": write(base, "fix.txt", "[account]\nCorrected.\n"),
        "png": write(base, "sig.png", png),
    }
    yield {
        "cli": Cli(root, write(base, "passphrase.txt", PASSPHRASE + "\n")),
        "files": files,
        "states": {},
    }


BAD_INPUT = [
    # (id, case to watch [+cases: also the case list], arguments, what stderr must say)
    (
        "unknown-category",
        "RUN-1+cases",
        "case create --category xyz --reference NEW-1",
        "invalid choice: 'xyz'",
    ),
    (
        "unknown-section",
        "RUN-1",
        "statement write RUN-1 --section nope --file {text}",
        "unknown section",
    ),
    ("pause-paused", "PAUSED-1", "sitting pause PAUSED-1 --requested-by witness", "already paused"),
    (
        "pause-no-sitting",
        "READY-1",
        "sitting pause READY-1 --requested-by interviewer --reason x",
        "no sitting",
    ),
    (
        "pause-unknown-requester",
        "RUN-1",
        "sitting pause RUN-1 --requested-by system",
        "invalid choice",
    ),
    ("resume-running", "RUN-1", "sitting resume RUN-1", "not paused"),
    ("resume-no-sitting", "READY-1", "sitting resume READY-1", "no sitting"),
    ("start-twice", "RUN-1", "sitting start RUN-1", "already in progress"),
    (
        "write-signed",
        "SIGNED-1",
        "statement write SIGNED-1 --section account --file {text}",
        "signed",
    ),
    (
        "append-signed",
        "SIGNED-1",
        "statement append SIGNED-1 --section account --file {text}",
        "signed",
    ),
    (
        "readback-signed",
        "SIGNED-1",
        "statement readback SIGNED-1 --confirmed --correction-file {corr}",
        "signed",
    ),
    (
        "sign-twice",
        "SIGNED-1",
        "statement sign SIGNED-1 --witness-signature {png}",
        "already signed",
    ),
    (
        "sign-unconfirmed",
        "RUN-1",
        "statement sign RUN-1 --witness-signature {png}",
        "read back and confirmed",
    ),
    (
        "dob-month-13",
        "RUN-1",
        "witness set RUN-1 --name Alex --date-of-birth 1990-13-45",
        "YYYY-MM-DD",
    ),
    (
        "dob-yesterday",
        "RUN-1",
        "witness set RUN-1 --name Alex --date-of-birth yesterday",
        "YYYY-MM-DD",
    ),
    (
        "dob-restricted",
        "RUN-1",
        "witness restricted RUN-1 --address Elsewhere --date-of-birth 1990-13-45",
        "YYYY-MM-DD",
    ),
    ("non-utf8-text", "RUN-1", "statement write RUN-1 --section account --file {bad}", "not UTF-8"),
    (
        "missing-file",
        "RUN-1",
        "statement append RUN-1 --section account --file {missing}",
        "cannot read",
    ),
    ("garbage-signature", "READY-1", "statement sign READY-1 --witness-signature {garbage}", "PNG"),
    ("unknown-case", "RUN-1+cases", "statement show NO-SUCH-CASE", "no case has that id"),
    ("bad-when", "RUN-1", "timeline add RUN-1 --when when_the_moon_turned_green --what x", "date"),
]


ROLE_WITH_NEWLINE = pytest.param(
    "READY-1",
    ["sitting", "start", "READY-1", "--present", "bo\nss:X"],
    "unknown role",
    id="unknown-role-with-newline",
)


@pytest.mark.parametrize(
    ("watch", "command", "message"),
    [pytest.param(w, c.split(), m, id=i) for i, w, c, m in BAD_INPUT] + [ROLE_WITH_NEWLINE],
)
def test_bad_input_says_what_was_wrong_and_changes_nothing(
    world: dict[str, Any], watch: str, command: list[str], message: str
) -> None:
    cli: Cli = world["cli"]
    args = [part.format(**world["files"]) for part in command]
    ref, _, extra = watch.partition("+")
    before = world["states"].pop(ref, None)  # every state read adds a view to ref's log
    if before is None or (extra and before["cases"] is None):
        before = cli.state(ref, cases=bool(extra))
    result = cli(*args)
    assert_one_line_error(result)
    assert message in result.stderr
    for canary in (NOTE_CANARY, ADDRESS_CANARY):
        assert canary not in result.stderr + result.stdout
    after = cli.state(ref, cases=bool(extra))
    assert_unchanged(before, after)
    world["states"][ref] = after


def test_broken_guide_is_named_and_nothing_is_created(cli: Cli, tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    shutil.copytree(REPO / "app" / "resources" / "guides", guides)
    cli.json("case", "create", "--category", "general", "--reference", "GEN-G")
    before = cli.state("GEN-G", cases=True)
    guide = guides / "csa.toml"
    text = guide.read_text(encoding="utf-8")
    assert "break_every_minutes = 30" in text
    for damaged in (
        text + "\nthis is = = not toml\n",
        text.replace("break_every_minutes = 30", "break_every_minutes = 1"),
        None,
    ):
        if damaged is None:
            guide.unlink()
        else:
            guide.write_text(damaged, encoding="utf-8")
        result = cli(
            "case",
            "create",
            "--category",
            "csa",
            "--reference",
            "CSA-G",
            env={"QUIETROOM_GUIDES_DIR": str(guides)},
        )
        assert_one_line_error(result)
        assert "csa.toml" in result.stderr
    assert_unchanged(before, cli.state("GEN-G", cases=True))
