"""Bad input to quietroom-cli: one clear line on stderr, the documented exit code, no
traceback, and the vault exactly as it was.

Every command runs `quietroom-cli` in a fresh interpreter (`run_cli`) against one vault
made once for the module (cases in each state a command can meet, an identity, a signed
and exported case). The first part pins each problem this review found and fixed; the
sweep at the end throws missing, empty, binary, endless and oversized files, invalid
UTF-8 and invisible characters at every command of the README's CLI section.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from app import org
from app.cli.main import main, one_line
from app.engine.engine import Engine
from app.export.bundle import export_case
from app.vault.database import not_damage
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, REPO, run_cli, snapshot
from tests.core.cli_sweep_cases import JSON_SAMPLE, NOT_UTF8, SWEEP

pytestmark = pytest.mark.cli

ERROR_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    b'<path d="M4 15 L30 4 L56 14" stroke="black" fill="none"/></svg>'
)
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
HUGE = 200 * 1024 * 1024  # sparse: costs no disk, but reading it whole costs 200 MB
MAX_RSS_KB = 160 * 1024  # the CLI's peak when it refuses a huge file without reading it
XDG = ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
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
                engine.set_witness(ref, name="Alex Morgan")
                engine.save_section(ref, "account", "It happened in the summer.")
            engine.start_sitting("RUN-1")
            engine.pause_sitting("RUN-1", "witness")
            engine.save_section("CJK-1", "account", "She said 中文 to me.")
            engine.save_section("LONG-1", "account", "word " * 600_000)
            for ref in ("READY-1", "SIGNED-1", "CJK-1"):
                engine.confirm_readback(ref)
            engine.sign_statement("SIGNED-1", SVG)
            export_case(engine, "SIGNED-1", base / "ok.qrb")
    files = base / "files"
    files.mkdir()

    def put(name: str, data: bytes) -> Path:
        (files / name).write_bytes(data)
        return files / name

    huge = files / "huge.bin"
    with open(huge, "wb") as fh:
        fh.truncate(HUGE)
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
    yield {k: str(v) for k, v in paths.items()}


def cli(
    world: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    # The module's own XDG directories: the batch below runs before any test's private
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


# The CLI's own peak memory: VmHWM, which starts afresh at exec (ru_maxrss would still
# count the copy of this pytest process the child began as).
MEASURED = (
    "import os, re, sys\n"
    "from app.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "with open('/proc/self/status', encoding='ascii') as fh:\n"
    "    peak = re.search(r'VmHWM:\\s*(\\d+) kB', fh.read()).group(1)\n"
    "with open(os.environ['QUIETROOM_TEST_RSS'], 'w', encoding='ascii') as fh:\n"
    "    fh.write(peak)\n"
    "sys.exit(code)\n"
)


def run_measured(
    args: list[str], rss_file: Path, timeout: float = 60
) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run the CLI; return the result and its peak resident memory in KB."""
    if not Path("/proc/self/status").exists():
        pytest.skip("measuring a process's peak memory needs Linux's /proc")
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QUIETROOM_TEST_RSS": str(rss_file)},
    )
    return result, int(rss_file.read_text(encoding="ascii"))


@pytest.fixture
def unchanged(world: dict[str, str]) -> Iterator[None]:
    """The vault, byte for byte, is the same after the test as before it."""
    before = snapshot(Path(world["vault"]))
    yield
    assert snapshot(Path(world["vault"])) == before


# --- each problem found, pinned ---------------------------------------------------------

# Each is (id, arguments, part of the message); all exit 1. They run with the sweep.
TEXT_AND_NUMBERS = [
    # Bytes that are not UTF-8 in an argument were stored (and then broke the signed
    # statement's export for ever) or crashed with UnicodeEncodeError.
    (
        "reference-not-utf8",
        ["case", "create", "--category", "csa", "--reference", NOT_UTF8],
        "not valid text",
    ),
    (
        "interviewer-not-utf8",
        ["case", "create", "--category", "csa", "--reference", "NEW-1", "--interviewer", NOT_UTF8],
        "not valid text",
    ),
    ("name-not-utf8", ["witness", "set", "RUN-1", "--name", NOT_UTF8], "not valid text"),
    (
        "what-not-utf8",
        ["timeline", "add", "RUN-1", "--when", "1990", "--what", NOT_UTF8],
        "not valid text",
    ),
    ("reason-not-utf8", ["sitting", "reason", "RUN-1", "--reason", NOT_UTF8], "not valid text"),
    ("id-not-utf8", ["statement", "show", NOT_UTF8], "no case has that id or reference"),
    # Invisible characters that make one reference or name look like another.
    (
        "reference-rlo",
        ["case", "create", "--category", "csa", "--reference", f"RUN{RLO}-2"],
        "override",
    ),
    (
        "reference-zero-width",
        ["case", "create", "--category", "csa", "--reference", "RUN\u200b-1"],
        "invisible",
    ),
    ("name-rlo", ["witness", "set", "RUN-1", "--name", f"Alex{RLO} Morgan"], "override"),
    ("name-line-separator", ["witness", "set", "RUN-1", "--name", "Alex\u2028Morgan"], "one line"),
    ("name-c1-control", ["witness", "set", "RUN-1", "--name", "Alex\x85Morgan"], "one line"),
    (
        "reader-newline",
        ["statement", "readback", "READY-1", "--confirmed", "--read-by", "Jo\nBloggs"],
        "one line",
    ),
    # Thirty-digit numbers overflowed SQLite's integers.
    (
        "pause-number-overflow",
        ["sitting", "reason", "RUN-1", "--reason", "x", "--pause", "9" * 30],
        "give a number from 1",
    ),
    (
        "position-overflow",
        ["sitting", "place", "RUN-1", "--position", "9" * 30],
        "give a number from 0",
    ),
    # An empty --vault silently meant the default vault.
    ("empty-vault-before", ["--vault", "", "status"], "--vault needs a file or folder name"),
    ("empty-vault-after", ["case", "list", "--vault", ""], "--vault needs a file or folder"),
    # A blank first line of the passphrase file was called an empty file.
    (
        "passphrase-first-line",
        ["--passphrase-file", "{blank_first}", "status"],
        "the first line of the passphrase file",
    ),
]


@pytest.mark.parametrize(
    ("key", "message"), [pytest.param(i, m, id=i) for i, _, m in TEXT_AND_NUMBERS]
)
def test_text_and_numbers_that_could_not_be_stored(
    refusals: dict[str, Any], key: str, message: str
) -> None:
    assert_refused(refusals[key], 1, message)


def test_names_in_other_scripts_are_still_welcome(world: dict[str, str]) -> None:
    # Persian with a zero-width non-joiner, Welsh with a circumflex: not "invisible".
    result = cli(
        world,
        "--json",
        "witness",
        "set",
        "RUN-1",
        "--name",
        "Bahram\u200cnia",
        "--preferred-name",
        "Siân Ŵyn",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Bahram\u200cnia"


@pytest.mark.usefixtures("unchanged")
def test_append_cannot_grow_a_section_past_the_limit(world: dict[str, str]) -> None:
    result = cli(
        world, "statement", "append", "LONG-1", "--section", "account", "--file", world["big_text"]
    )
    assert_refused(result, 1, "too long (at most 5,000,000 characters)")


@pytest.mark.usefixtures("unchanged")
def test_text_the_pdf_cannot_show_is_refused_before_signing(world: dict[str, str]) -> None:
    """Once signed, the text can never change: signing it would make a statement that can
    never be exported."""
    result = cli(world, "statement", "sign", "CJK-1", "--witness-signature", world["svg"])
    assert_refused(result, 1, "cannot show (U+4E2D, U+6587)")
    assert "nothing was signed" in result.stderr


# More refusals this review pinned: (id, arguments, exit code, part of the message).
# They run with the sweep; a verify that exits 4 prints its report of checks first.
PINNED = [
    # Outputs replaced whatever had the name: vault.db itself (the vault was destroyed),
    # or a device (/dev/full became a file); an unwritable place was "unexpected".
    ("backup-over-vault-db", ["backup", "--out", "{vault}/vault.db"], 1, "inside the vault folder"),
    (
        "backup-over-header",
        ["backup", "--out", "{vault}/vault.header"],
        1,
        "inside the vault folder",
    ),
    (
        "backup-in-vault",
        ["backup", "--out", "{vault}/../vault/elsewhere.bak"],
        1,
        "inside the vault folder",
    ),
    ("backup-to-fifo", ["backup", "--out", "{fifo}"], 1, "not an ordinary file"),
    (
        "export-over-vault-db",
        ["export", "SIGNED-1", "--out", "{vault}/vault.db"],
        1,
        "inside the vault folder",
    ),
    ("export-to-fifo", ["export", "SIGNED-1", "--out", "{fifo}"], 1, "not an ordinary file"),
    # Endless inputs were read for ever (restore was killed for want of memory).
    ("restore-endless", ["restore", "--from", "{zero}"], 3, "not a Quietroom vault backup"),
    (
        "verify-endless",
        ["verify", "{zero}", "--identity", "{identity}", "--trust", "{trust}"],
        4,
        "not an age-encrypted file",
    ),
    (
        "verify-identity-endless",
        ["verify", "{bundle}", "--identity", "{zero}", "--trust", "{trust}"],
        1,
        "not an age identity file",
    ),
    (
        "recover-identity-endless",
        ["recover", "--identity", "{zero}", "--new-passphrase-file", "{pp}"],
        1,
        "not an age identity file",
    ),
    # A folder that could not be made was an "unexpected error (NotADirectoryError)".
    (
        "extract-under-a-file",
        [
            "verify",
            "{bundle}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "{file}/sub",
        ],
        1,
        "is not a folder",
    ),
    (
        "extract-unwritable",
        [
            "verify",
            "{bundle}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "/proc/quietroom-no-such-folder",
        ],
        1,
        "cannot create the folder",
    ),
    (
        "init-under-a-file",
        ["--vault", "{file}/vault", "init", "--no-keyring"],
        1,
        "is a file, not a folder",
    ),
    ("org-init-under-a-file", ["org", "init", "--out", "{file}/org"], 1, "is a file, not a folder"),
    (
        "org-init-unwritable",
        ["org", "init", "--out", "/proc/quietroom-no-such-org"],
        1,
        "cannot write in the folder",
    ),
    # Names on certificates: bytes that were not UTF-8 crashed, overrides were accepted.
    (
        "org-name-rlo",
        ["org", "init", "--out", "{base}/org-rlo", "--name", f"Org{RLO}X"],
        1,
        "printable",
    ),
    (
        "member-not-utf8",
        ["org", "issue", "--org", "{org}", "--role", "supervisor", "--name", NOT_UTF8],
        1,
        "printable",
    ),
    (
        "member-rlo",
        ["org", "issue", "--org", "{org}", "--role", "supervisor", "--name", f"Ann{RLO}X"],
        1,
        "printable",
    ),
    # "nothing was extracted" was a second line on stderr.
    (
        "verify-extract-fails",
        [
            "verify",
            "{garbage}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "{base}/never-made",
        ],
        4,
        "did not verify (nothing was extracted)",
    ),
]


@pytest.mark.parametrize(
    ("key", "args", "code", "message"), [pytest.param(i, a, c, m, id=i) for i, a, c, m in PINNED]
)
def test_pinned_refusals(
    refusals: dict[str, Any],
    world: dict[str, str],
    key: str,
    args: list[str],
    code: int,
    message: str,
) -> None:
    assert_refused(refusals[key], code, message, report=args[0] == "verify")
    assert Path(world["fifo"]).is_fifo()
    assert not Path(world["base"], "org-rlo").exists()
    assert not Path(world["base"], "never-made").exists()


@pytest.mark.usefixtures("unchanged")
def test_a_backup_that_cannot_be_written_says_so(world: dict[str, str]) -> None:
    # Not with the others: a backup waits for a quiet moment in the vault to copy it.
    assert_refused(
        cli(world, "backup", "--out", "/proc/quietroom-no-such.bak"),
        1,
        "cannot write the backup to /proc/quietroom-no-such.bak",
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["restore", "--from", "{huge}"], 3, "not a Quietroom vault backup"),
        (
            ["verify", "{huge}", "--identity", "{identity}", "--trust", "{trust}"],
            4,
            "not an age-encrypted file",
        ),
        (
            ["verify", "{bundle}", "--identity", "{huge}", "--trust", "{trust}"],
            1,
            "not an age identity file",
        ),
        (
            ["verify", "{bundle}", "--identity", "{identity}", "--trust", "{huge}"],
            1,
            "cannot read the trust file or CA certificate",
        ),
        (
            ["recover", "--identity", "{huge}", "--new-passphrase-file", "{pp}"],
            1,
            "not an age identity file",
        ),
        (
            ["identity", "import", "--cert", "{huge}", "--key", "{pp}"],
            1,
            "cannot read the certificate file",
        ),
        (
            ["statement", "write", "RUN-1", "--section", "account", "--file", "{huge}"],
            1,
            "too large (at most 8 MB)",
        ),
        (["status", "--passphrase-file", "{huge}"], 1, "too large to hold a passphrase"),
    ],
    ids=[
        "restore",
        "verify-bundle",
        "verify-identity",
        "verify-trust",
        "recover-identity",
        "identity-cert",
        "statement-file",
        "passphrase-file",
    ],
)
def test_huge_files_are_refused_without_being_read(
    world: dict[str, str], args: list[str], code: int, message: str, tmp_path: Path
) -> None:
    before = snapshot(Path(world["vault"]))
    full = [
        "--vault",
        world["vault"],
        "--passphrase-file",
        world["pp"],
        *(a.format(**world) for a in args),
    ]
    result, peak = run_measured(full, tmp_path / "rss")
    assert_refused(result, code, message, report=args[0] == "verify" and code == 4)
    assert peak < MAX_RSS_KB, f"peak RSS {peak} KB: the {HUGE >> 20} MB file was read"
    assert snapshot(Path(world["vault"])) == before


@pytest.mark.usefixtures("keyring_session")
def test_init_under_a_file_with_the_keyring_stores_no_secret(world: dict[str, str]) -> None:
    result = run_cli(
        "--vault", Path(world["file"]) / "vault", "--passphrase-file", world["pp"], "init"
    )
    assert_refused(result, 1, "is a file, not a folder")


def test_a_header_that_is_a_pipe_is_damage_not_a_hang(
    tmp_path: Path, passphrase_file: Path
) -> None:
    (tmp_path / "v").mkdir()
    os.mkfifo(tmp_path / "v" / "vault.header")
    result = run_cli(
        "--vault", tmp_path / "v", "--passphrase-file", passphrase_file, "status", timeout=60
    )
    assert_refused(result, 3, "the vault header is damaged (it is not a file)")


def test_a_busy_vault_is_not_called_damaged(world: dict[str, str]) -> None:
    """Another writer holding the vault longer than the busy timeout (5 s) used to be
    reported as damage, exit 3, with advice to restore a backup."""
    before = snapshot(Path(world["vault"]))
    with Vault.open(Path(world["vault"]), PASSPHRASE) as vault, vault.transaction():
        result = cli(
            world, "statement", "append", "RUN-1", "--section", "account", "--file", world["text"]
        )
    assert_refused(result, 1, "the vault is busy")
    assert "backup" not in result.stderr
    assert snapshot(Path(world["vault"])) == before


def test_json_errors_carry_the_cores_code(world: dict[str, str]) -> None:
    """With --json a script reads the stable code, not the sentence."""
    env = {name: world[name] for name in XDG}
    cases = [
        (
            ["--passphrase-file", world["wrong"], "--json", "case", "list"],
            2,
            "vault.wrong_passphrase",
        ),
        (
            ["--passphrase-file", world["pp"], "--json", "case", "show", "NOBODY-1"],
            1,
            "case.not_found",
        ),
        (["--passphrase-file", world["pp"], "--json", "case", "show"], 1, "cli.usage"),
        (
            ["--passphrase-file", world["pp"], "--json", "--no-such-option", "case", "list"],
            1,
            "cli.usage",
        ),
    ]
    for args, exit_code, code in cases:
        result = run_cli("--vault", world["vault"], *args, env=env)
        assert_refused(result, exit_code, "")
        assert json.loads(result.stdout)["error"]["code"] == code, result.stdout


def test_a_report_that_fails_holds_its_error(world: dict[str, str]) -> None:
    """verify reports every check, then fails: one JSON object with both."""
    result = run_cli(
        "verify",
        world["garbage"],
        "--identity",
        world["identity"],
        "--trust",
        world["trust"],
        "--json",
    )
    assert_refused(result, 4, "did not verify", report=True)
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["checks"]
    assert report["error"]["code"] == "verify.failed"


def test_what_database_errors_mean() -> None:
    import sqlcipher3

    assert "busy" in (not_damage(sqlcipher3.OperationalError("database is locked")) or "")
    assert "disk is full" in (
        not_damage(sqlcipher3.OperationalError("database or disk is full")) or ""
    )
    assert "read-only" in (
        not_damage(sqlcipher3.OperationalError("attempt to write a readonly database")) or ""
    )
    assert not_damage(sqlcipher3.DatabaseError("file is not a database")) is None


def test_a_file_system_error_is_one_line_not_unexpected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only vault (say) fails with OSError deep in the core: say what and where."""
    from app import hygiene
    from app.cli import vault_cmds

    def read_only(ctx: Any) -> int:
        raise OSError(30, "Read-only file system", "/media/ro/vault.db")

    # In this process: keep pytest's umask and logging as they are.
    monkeypatch.setattr(hygiene, "harden_process", lambda: None)
    monkeypatch.setattr(hygiene, "configure_logging", lambda debug=False: None)
    monkeypatch.setattr(vault_cmds, "cmd_status", read_only)
    assert main(["--vault", "/media/ro", "status"]) == 1
    err = capsys.readouterr().err
    assert err == "quietroom-cli: cannot use /media/ro/vault.db: Read-only file system\n"


def test_ctrl_c_is_one_quiet_line(world: dict[str, str]) -> None:
    """Interrupted while waiting (here for a passphrase from a pipe): no traceback."""
    fifo = world["fifo"]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "--vault",
            world["vault"],
            "--passphrase-file",
            fifo,
            "status",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl+C reaches the program even when this test runs in the
        # background (where the shell has SIGINT ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    writer = None
    try:
        deadline = time.monotonic() + 60
        while writer is None:  # until the CLI has opened the pipe and waits to read it
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr
                time.sleep(0.05)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if writer is not None:
            os.close(writer)
        proc.kill()
    assert (proc.returncode, out, err) == (130, "", "quietroom-cli: interrupted\n")


def test_a_reader_that_stops_early_gets_no_error(world: dict[str, str]) -> None:
    """`quietroom-cli … | head -1`: no 'unexpected error (BrokenPipeError)' twice."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "--vault",
            world["vault"],
            "--passphrase-file",
            world["pp"],
            "case",
            "list",
        ],
        cwd=REPO,
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (141, "")


def test_parallel_appends_all_land_and_the_chain_holds(
    world: dict[str, str], tmp_path: Path
) -> None:
    cli(world, "case", "create", "--category", "general", "--reference", "PAR-1")
    env = dict(os.environ)
    procs = []
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text(f"line {i}\n", encoding="utf-8")
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app.cli.main",
                    "--vault",
                    world["vault"],
                    "--passphrase-file",
                    world["pp"],
                    "statement",
                    "append",
                    "PAR-1",
                    "--section",
                    "account",
                    "--file",
                    str(tmp_path / f"{i}.txt"),
                ],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert all(rc == 0 and not err for rc, err in results), results
    shown = json.loads(cli(world, "--json", "statement", "show", "PAR-1").stdout)
    assert sorted(shown["text"].splitlines()) == sorted(f"line {i}" for i in range(10))
    verified = json.loads(cli(world, "--json", "audit", "verify", "PAR-1").stdout)
    assert verified["intact"] and verified["entries"] == 12  # create, 10 edits, 1 view


# --- the sweep: every README command, bad input of every kind -----------------------------


def run_all(
    world: dict[str, str], commands: dict[str, list[str]]
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run many refused commands at once (they change nothing, so they may share the vault
    and its time): a module's worth of CLI start-ups in a fraction of the time."""
    workers = (os.cpu_count() or 2) + 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {
            key: pool.submit(cli, world, *args, timeout=120) for key, args in commands.items()
        }
        return {key: future.result() for key, future in futures.items()}


@pytest.fixture(scope="module")
def refusals(world: dict[str, str]) -> dict[str, Any]:
    """Every refusal of TEXT_AND_NUMBERS and SWEEP (and the sample's --json variants),
    run once, with the vault's bytes before and after all of them."""
    commands = {key: [a.format(**world) for a in args] for key, args, _ in TEXT_AND_NUMBERS}
    commands |= {key: [a.format(**world) for a in args] for key, args, _, _ in PINNED}
    for key, args, _, _ in SWEEP:
        commands[key] = [a.format(**world) for a in args]
        if key in JSON_SAMPLE:
            commands[f"{key}-json"] = [*commands[key], "--json"]
    before = {name: snapshot(Path(world[name])) for name in ("vault", "org")}
    results: dict[str, Any] = run_all(world, commands)
    results["unchanged"] = {
        name: snapshot(Path(world[name])) == data for name, data in before.items()
    }
    return results


def test_no_refusal_changed_the_vault_or_the_organisation(refusals: dict[str, Any]) -> None:
    assert refusals["unchanged"] == {"vault": True, "org": True}


@pytest.mark.parametrize(
    ("key", "args", "code", "message"),
    [pytest.param(i, a, c, m, id=i) for i, a, c, m in SWEEP]
    + [
        pytest.param(f"{i}-json", a, c, m, id=f"{i}-json")
        for i, a, c, m in SWEEP
        if i in JSON_SAMPLE
    ],
)
def test_sweep(
    refusals: dict[str, Any], key: str, args: list[str], code: int, message: str
) -> None:
    result = refusals[key]
    assert_refused(result, code, message, report=args[0] == "verify" and code == 4)
    for canary in ("It happened in the summer", "Alex Morgan"):
        assert canary not in result.stderr
