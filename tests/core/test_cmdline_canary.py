"""Hardening §4: the documented workflow, run as the README gives it (values with
--from-file), while another thread reads /proc/*/cmdline of every process as `ps` would:
no canary from the survivor's details ever appears. A control run with one value as an
argument shows the sampler does see arguments, so the test can fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.core.engine_cli_harness import make_vault

pytestmark = pytest.mark.cli

CANARY = "Qcanary7731"


class Sampler:
    """Every command line seen in /proc while running, for the processes we start."""

    def __init__(self) -> None:
        self.seen: set[bytes] = set()
        self._stop = threading.Event()

    def _sample(self) -> None:
        while not self._stop.is_set():
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                        line = fh.read()
                except OSError:  # gone already
                    continue
                if b"app.cli.main" in line:
                    self.seen.add(line)
            self._stop.wait(0.002)

    @contextmanager
    def running(self) -> Iterator[Sampler]:
        thread = threading.Thread(target=self._sample, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()


def workflow(tmp_path: Path, passphrase: Path) -> list[list[str]]:
    vault = make_vault(tmp_path)

    def values(name: str, doc: dict[str, object]) -> str:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        return str(path)

    statement = tmp_path / "statement.txt"
    statement.write_text(f"I remember {CANARY} from school.\n", encoding="utf-8")
    base = ["--vault", str(vault), "--passphrase-file", str(passphrase)]
    ref = "CSA-PS-1"
    return [
        [*base, "case", "create", "--category", "csa", "--reference", ref,
                "--from-file", values("case", {"interviewer": f"Jo {CANARY}"})],
        [*base, "witness", "set", ref, "--from-file",
                values("witness", {"name": f"Alex {CANARY}", "pronouns": "they"})],
        [*base, "witness", "restricted", ref, "--from-file",
                values("restricted", {"address": f"1 {CANARY} Row", "phone": "0700 900 123"})],
        [*base, "witness", "consent", ref, "--kind", "medical_records_access", "--given",
                "--from-file", values("consent", {"limit": f"GP {CANARY} only"})],
        [*base, "sitting", "start", ref, "--from-file",
                values("sitting", {"present": [f"isva:Sam {CANARY}"], "location": CANARY})],
        [*base, "sitting", "pause", ref, "--requested-by", "witness", "--from-file",
                values("pause", {"reason": f"needed air {CANARY}"})],
        [*base, "sitting", "resume", ref],
        [*base, "timeline", "add", ref, "--from-file",
                values("timeline", {"when": "summer 1987", "what": f"{CANARY} event"})],
        [*base, "field", "set", ref, "--from-file",
                values("field", {"field": "places", "value": f"{CANARY} school"})],
        [*base, "statement", "write", ref, "--section", "account", "--file", str(statement)],
        [*base, "exhibit", "add", ref, "--from-file",
                values("exhibit", {"description": f"A {CANARY} letter"})],
    ]  # fmt: skip


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli.main", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_no_canary_in_any_process_command_line(tmp_path: Path, passphrase_file: Path) -> None:
    passphrase_file.chmod(0o600)
    commands = workflow(tmp_path, passphrase_file)
    with Sampler().running() as sampler:
        for args in commands:
            done = run(args)
            assert done.returncode == 0, (args[4:6], done.stderr)
            assert done.stderr == "", done.stderr  # no warning: nothing was exposed
    # The sampler saw the commands themselves (each runs for a good part of a second).
    ours = [line.split(b"\0") for line in sampler.seen if bytes(tmp_path) in line]
    seen = {tuple(argv[7:9]) for argv in ours if len(argv) > 8}
    assert {(args[4].encode(), args[5].encode()) for args in commands} <= seen, seen
    leaked = [line for line in sampler.seen if CANARY.encode() in line]
    assert leaked == []


def test_the_sampler_sees_a_value_given_as_an_argument(
    tmp_path: Path, passphrase_file: Path
) -> None:
    passphrase_file.chmod(0o600)
    [create, *_] = workflow(tmp_path, passphrase_file)
    with Sampler().running() as sampler:
        done = run([*create[:-2], "--interviewer", f"Jo {CANARY}"])
    assert done.returncode == 0
    assert "visible to other users of this computer" in done.stderr
    assert any(CANARY.encode() in line for line in sampler.seen)
