"""A vault on a completely full disk (reliability §1, hardening §6): not "damaged" (which
would send someone to an old backup, throwing away newer statements) but "the disk
holding the vault is full", exit 6; what is stored can still be read, listed and backed
up to another disk; a save fails with "disk full" and changes nothing; once space is
freed everything works. On a real small file system made by the test: tmpfs, and a
loop-mounted ext4 (where a failed save once left later commands dying of SIGBUS)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import missing, run_cli, write_secret

pytestmark = pytest.mark.cli

FULL = "the disk holding the vault is full: free some space; nothing stored is lost"


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=60)


def mount(*args: str) -> None:
    """Mount, or skip when the kernel refuses (a container without CAP_SYS_ADMIN): a full
    disk cannot be made any other way without faking the file system."""
    done = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        pytest.skip(f"this machine refuses to mount a small file system: {done.stderr.strip()}")


@contextlib.contextmanager
def small_disk(kind: str, where: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        missing("mounting a small file system needs root (make test runs as root in CI)")
    mount_point = where / "mnt"
    mount_point.mkdir()
    if kind == "tmpfs":
        mount("-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount_point))
    else:
        if shutil.which("mkfs.ext4") is None:
            missing("mkfs.ext4 is not installed (make test installs e2fsprogs)")
        image = where / "disk.img"
        with open(image, "wb") as fh:
            fh.truncate(8 * 1024 * 1024)
        run("mkfs.ext4", "-q", "-F", "-m", "0", str(image))
        mount("-o", "loop", str(image), str(mount_point))
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=60)


def fill(mount: Path) -> list[Path]:
    """Every free byte taken, as `dd if=/dev/zero` would: big blocks, then single bytes."""
    made = []
    for name, block in (("fill-big", 64 * 1024), ("fill-small", 512), ("fill-byte", 1)):
        path = mount / name
        made.append(path)
        with open(path, "wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * block)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return made


@pytest.mark.parametrize("kind", ["tmpfs", "ext4"])
def test_a_full_disk_is_not_damage_and_nothing_is_lost(tmp_path: Path, kind: str) -> None:
    secret = write_secret(tmp_path, "pass.txt", "a calm and quiet room 2026")
    with small_disk(kind, tmp_path) as mount:
        vault = ["--vault", str(mount / "vault"), "--passphrase-file", str(secret)]

        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            done = run_cli(*vault, *args)
            assert done.returncode != -7, "SIGBUS"  # the ext4 failure seen once
            assert "Traceback" not in done.stderr
            return done

        assert cli("init", "--no-keyring").returncode == 0
        assert cli("case", "create", "--category", "csa", "--reference", "R1").returncode == 0
        fillers = fill(mount)
        stored = (mount / "vault" / "vault.db").read_bytes()

        checked = cli("--json", "status", "--check")
        assert checked.returncode == 6, checked.stderr
        assert checked.stderr == f"quietroom-cli: {FULL}\n"
        report = json.loads(checked.stdout)
        assert report["disk_full"] is True and report["integrity"] == "ok"
        assert report["error"]["code"] == "vault.vault_disk_full"

        listed = cli("case", "list")
        assert listed.returncode == 0 and "R1" in listed.stdout, listed.stderr
        backup = tmp_path / "backup.qrv"  # another disk
        done = cli("backup", "--out", str(backup))
        assert done.returncode == 0, done.stderr
        assert backup.stat().st_size > 0

        for attempt in range(3):  # a save fails, and again: never a crash, never damage
            refused = cli("case", "create", "--category", "csa", "--reference", f"R{attempt + 2}")
            assert refused.returncode == 6, refused.stderr
            assert "full" in refused.stderr and refused.stderr.count("\n") == 1
            assert "damaged" not in refused.stderr
        assert (mount / "vault" / "vault.db").read_bytes() == stored

        for path in fillers:
            path.unlink()
        assert cli("status", "--check").returncode == 0
        assert cli("case", "create", "--category", "csa", "--reference", "R9").returncode == 0
        listed = cli("case", "list")
        assert "R1" in listed.stdout and "R9" in listed.stdout

    # The backup taken while the disk was full restores, with the case in it.
    restored = ["--vault", str(tmp_path / "restored"), "--passphrase-file", str(secret)]
    done = run_cli(*restored, "restore", "--from", str(backup))
    assert done.returncode == 0, done.stderr
    assert "R1" in run_cli(*restored, "case", "list").stdout
