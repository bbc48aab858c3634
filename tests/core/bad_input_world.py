"""The vault, files and checks that the bad-input tests of quietroom-cli share.

`make_world` builds one vault for a test module (cases in each state a command can meet,
an identity, a signed and exported case) beside the organisation that issued its
identity, and every kind of bad file a command may be handed: missing, empty, binary,
endless, oversized, not UTF-8. `cli` runs `quietroom-cli` on that vault in a fresh
interpreter; `assert_refused` checks a refusal is one clear line on stderr with the
documented exit code and no traceback. Used by test_cli_refusal_sweep, test_cli_bad_files
and test_cli_process_errors.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from app import org
from app.cli.main import one_line
from app.engine.engine import Engine
from app.export.bundle import export_case
from app.export.pages import confirm_all_pages
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli

ERROR_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    b'<path d="M4 15 L30 4 L56 14" stroke="black" fill="none"/></svg>'
)
HUGE = 200 * 1024 * 1024  # sparse: costs no disk, but reading it whole costs 200 MB
XDG = ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")


def make_world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The paths a module's bad-input tests use, by name: made afresh for each module."""
    base = tmp_path_factory.mktemp("bad-input")
    with pytest.MonkeyPatch.context() as mp:
        for name in XDG:
            (base / name).mkdir()
            mp.setenv(name, str(base / name))
        org_dir = base / "org"
        org.org_init(org_dir)
        member = org_dir / "interviewer"
        root = base / "vault"
        with (
            Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF) as vault,
            Engine(vault) as engine,
        ):
            engine.import_identity(
                member / "cert.pem",
                member / "key.pem",
                member / "age-identity.txt",
                org_dir / "trust.json",
            )
            for ref in ("RUN-1", "READY-1", "SIGNED-1", "CJK-1", "LONG-1"):
                engine.create_case("csa", ref)
                engine.set_witness(ref, name="Alex Morgan", age_status="over_18")
                engine.save_section(ref, "account", "It happened in the summer.")
            engine.start_sitting("RUN-1")
            engine.pause_sitting("RUN-1", "witness")
            # Taken by this vault's interviewer (present at its sitting), ended before signing.
            engine.start_sitting("SIGNED-1")
            engine.end_sitting("SIGNED-1")
            engine.save_section("CJK-1", "account", "She said 中文 to me.")
            engine.save_section("LONG-1", "account", "word " * 600_000)
            for ref in ("READY-1", "SIGNED-1", "CJK-1"):
                engine.confirm_readback(ref)
            confirm_all_pages(engine, "SIGNED-1")  # the witness confirmed each page
            engine.sign_statement("SIGNED-1", SVG)
            export_case(engine, "SIGNED-1", base / "ok.qrb")
    files = base / "files"
    files.mkdir()

    def put(name: str, data: bytes) -> Path:
        (files / name).write_bytes(data)
        (files / name).chmod(0o600)  # passphrase files must be private; all may be
        return files / name

    huge = files / "huge.bin"
    with open(huge, "wb") as fh:
        fh.truncate(HUGE)
    huge.chmod(0o600)  # private, so a passphrase option reaches the size check
    os.mkfifo(files / "fifo")
    paths: dict[str, Path | str] = {
        "vault": root,
        "base": base,
        "org": org_dir,
        "bundle": base / "ok.qrb",
        "pp": put("passphrase.txt", (PASSPHRASE + "\n").encode()),
        "wrong": put("wrong.txt", b"not the passphrase at all\n"),
        "blank_first": put("blank-first.txt", ("\n" + PASSPHRASE + "\n").encode()),
        "text": put("text.txt", b"More words.\n"),
        "empty": put("empty.txt", b""),
        "garbage": put("garbage.bin", bytes(range(256)) * 4),
        "latin1": put("latin1.txt", "caf\xe9 cr\xe8me\n".encode("latin-1")),
        "nul": put("nul.txt", b"hello\x00world\n"),
        "big_text": put("big.txt", b"w" * 2_500_000),  # fine alone, too much appended
        "bigsig": put("big.svg", b"<svg " + b" " * (3 * 1024 * 1024) + b"/>"),
        "strokes": put("strokes.json", b'{"strokes": "\xff"}'),
        "huge": huge,
        "zero": "/dev/zero",
        "fifo": files / "fifo",
        "dir": files,
        "missing": files / "no-such-file",
        "file": put("plain-file", b"a file where a folder should be\n"),
        "identity": org_dir / "supervisor" / "age-identity.txt",
        "trust": org_dir / "trust.json",
        "svg": put("sig.svg", SVG),
        **{name: base / name for name in XDG},
    }
    return {k: str(v) for k, v in paths.items()}


def cli(
    world: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    # The module's own XDG directories: the sweep's batch runs before any test's private
    # ones exist, and a wrong passphrase must never count against a real user's state.
    env = {name: world[name] for name in XDG}
    return run_cli(
        "--vault", world["vault"], "--passphrase-file", world["pp"], *args, timeout=timeout, env=env
    )


def assert_refused(
    result: subprocess.CompletedProcess[str], code: int, message: str, *, report: bool = False
) -> None:
    """One line on stderr, the documented exit code, the message. Without --json, stdout
    empty unless the command reports (verify); with --json, stdout is one JSON object
    holding the same error as {"error": {"code", "message"}}, and nothing else unless the
    command reports."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("quietroom-cli: ")
    assert message in result.stderr, result.stderr
    if "--json" in result.args:
        data = json.loads(result.stdout)
        error = data["error"]
        assert set(error) == {"code", "message"}, error
        assert ERROR_CODE.fullmatch(error["code"]), error
        assert result.stderr == f"quietroom-cli: {one_line(error['message'])}\n"
        if not report:
            assert set(data) == {"error"}, data
    elif not report:
        assert result.stdout == ""
