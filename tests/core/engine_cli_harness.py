"""What the engine CLI tests share: quietroom-cli bound to one vault, and their checks.

`Cli` runs `quietroom-cli` in a fresh interpreter (`run_cli`) against one vault and
passphrase file, reads `--json` output, and reads back the state bad input must leave
alone. Also the canaries that must never reach the statement or an error, a drawn
signature, and a one-line-error check. Used by test_engine_cli_workflow and
test_engine_cli_bad_input.
"""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import fresh_vault, run_cli

NOTE_CANARY = "CANARY-note-the-interviewer-wonders"
ADDRESS_CANARY = "CANARY-addr-5512-Larkspur-Close"
PHONE_CANARY = "CANARY-phone-07700-900123"
SAFE_CANARY = "CANARY-safe-only-after-6pm"
AVOID_CANARY = "CANARY-avoid-March"


def png_signature() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (60, 20), 255)
    ImageDraw.Draw(image).line((4, 15, 30, 4, 56, 14), fill=0, width=2)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


class Cli:
    """quietroom-cli bound to one vault and passphrase file."""

    def __init__(self, vault: Path, passphrase_file: Path) -> None:
        self.vault, self.passphrase_file = vault, passphrase_file

    def __call__(
        self, *args: str | Path, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(
            "--vault", self.vault, "--passphrase-file", self.passphrase_file, *args, env=env
        )

    def json(self, *args: str | Path) -> Any:
        result = self(*args, "--json")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return json.loads(result.stdout)

    def state(self, ref: str, *, cases: bool = False) -> dict[str, Any]:
        """What bad input must leave alone, read through the CLI itself."""
        state = {
            "audit": self.json("audit", "show", ref),
            "statement": self.json("statement", "show", ref),
            "sittings": self.json("sitting", "list", ref),
            "cases": self.json("case", "list") if cases else None,
        }
        for sitting in state["sittings"]:  # a running sitting's active time moves on
            if sitting["ended"] is None:
                sitting.pop("active_seconds")
        return state


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("quietroom-cli: ")


def make_vault(tmp_path: Path) -> Path:
    """A new, empty vault at tmp_path/vault, made with the fast KDF."""
    root = tmp_path / "vault"
    fresh_vault(root).close()
    return root


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    path.chmod(0o600)  # private, as the CLI requires of passphrase files
    return path
