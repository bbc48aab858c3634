"""The built wheel is the whole program: installed into a fresh environment, with no
source checkout in sight, it creates a vault and a case (guides, schemas and fonts come
from the package data) and finds its styles and the Welsh translation.

The fresh environment gets the dependencies by pointing at this environment's
site-packages (a .pth line), because downloading PySide6 and friends again would make
the test slow and dependent on the network; Quietroom itself comes only from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, REPO

SHIPPED = (
    "app/resources/guides/csa.toml",
    "app/resources/guides/cy/csa.toml",
    "app/resources/fonts/DejaVuSans.ttf",
    "app/resources/fonts/LICENSE-DejaVu.txt",
    "app/resources/schemas/record-v1.schema.json",
    "app/resources/schemas/restricted-v1.schema.json",
    "app/resources/styles/light.qss",
    "app/resources/styles/arrow-down-dark.svg",
    "app/resources/i18n/quietroom_cy.ts",
)


# built, not tracked: the app's Welsh and Qt's own words in Welsh
QM = (Path("app/resources/i18n/quietroom_cy.qm"), Path("app/resources/i18n/qt_cy.qm"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the tracked files (plus the built .qm files), as a fresh clone
    would build it: no stale build/ or egg-info of this checkout can fill a gap."""
    source = tmp_path_factory.mktemp("source")
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True)
        .stdout.decode()
        .split("\0")
    )
    for name in [n for n in tracked if n] + [str(qm) for qm in QM if (REPO / qm).exists()]:
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("quietroom-*.whl")
    return built


def test_the_wheel_carries_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert not missing, missing
    assert not [str(qm) for qm in QM if (REPO / qm).exists() and str(qm) not in names]
    assert not any(name.startswith(("tests/", "bench/")) for name in names)


def test_the_installed_wheel_creates_a_vault_and_a_case(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "quietroom-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )

    work = tmp_path / "elsewhere"  # not the checkout: nothing may come from it
    work.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "QUIETROOM_VAULT", "QUIETROOM_GUIDES_DIR")
    }
    passphrase = work / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    passphrase.chmod(0o600)
    passphrase.chmod(0o600)
    cli = venv / "bin" / "quietroom-cli"
    vault = ["--vault", str(work / "vault"), "--passphrase-file", str(passphrase)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(cli), *args], cwd=work, env=env, capture_output=True, text=True, timeout=180
        )
        assert result.returncode == 0, (args, result.stderr)
        return result

    located = subprocess.run(
        [
            python,
            "-c",
            "import app.resources as r, ui.i18n as i; "
            "print(r.resource_path('guides', 'csa.toml')); "
            "print(r.resource_path('fonts', 'DejaVuSans.ttf')); "
            "print(r.resource_path('schemas', 'record-v1.schema.json')); print(i.qm_path('cy'))",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in located), located
    assert all(Path(p).is_file() for p in located[:3]), located

    run("init", "--no-keyring", *vault)
    run("case", "create", "--category", "csa", "--reference", "WHEEL-1", *vault)
    listed = run("case", "list", "--json", *vault).stdout
    assert "WHEEL-1" in listed
