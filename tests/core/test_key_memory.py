"""Issue #20 §7 (memory): after lock, no text of the SQLCipher key is left in the process.

The database key once reached SQLCipher as `PRAGMA key = "x'HEX'"`: the hex `str` and the
SQL text (also kept in sqlcipher3's statement cache and copied by SQLite's parser) were
never wiped, and three copies of the hex were still in memory after lock. Now the key is
handed to `sqlite3_key` as a buffer that is wiped, and SQLCipher's memory security
overwrites what SQLite frees.

The real check runs in a fresh interpreter that creates a vault, unlocks it, writes,
locks it, and then reads its own memory (/proc/self/maps and /proc/self/mem, which a
process may read even when it is not dumpable) for the key, as hex text and as raw
bytes. What to look for comes from the parent through a pipe, straight into a buffer the
scan skips, so the search itself puts no copy of the key where it looks.

The raw key is looked for and reported but not asserted: cryptography's HKDF builds its
output block as an immutable `bytes` internally (even `derive_into`), so one copy of the
raw database key is usually left in freed memory (docs/threat-model.md, "What stays in
memory after lock").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from app.vault.database import (
    KEY_LEN,
    PAGE_SIZE,
    apply_key,
    open_database,
)
from crypto.secret import SecretKey, raw_key_spec
from tests.conftest import REPO

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mem (Linux)"),
    pytest.mark.cli,  # fresh processes: make test runs them, make check leaves them out
]

# The child: create a vault and tell the parent its database key (written from the
# key's own buffer, which is then wiped), lock; unlock, write, lock; then scan.
CHILD = r"""
import ctypes, gc, json, mmap, os, sys
from pathlib import Path

from app.vault import keys
from app.vault.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

root = Path(sys.argv[1])
vault = Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
with keys.database_key(vault.master_key) as dbkey:
    os.write(1, dbkey.value)
vault.close()

vault = Vault.open(root, PASSPHRASE)
with vault.transaction() as conn:
    conn.execute("CREATE TABLE scratch (body TEXT)")
    conn.execute("INSERT INTO scratch VALUES ('after lock, nothing of the key')")
vault.close()  # lock
del vault, conn
gc.collect()

# What to look for: the key as hex, the raw key, and a control that is copied onto the
# heap below, so a scan that sees nothing cannot pass. Read straight from the pipe into
# an anonymous mapping (no userspace copy) that the scan skips, like its own buffer.
sizes = [int(n) for n in sys.argv[2].split(",")]
needles = mmap.mmap(-1, mmap.PAGESIZE)
want = sum(sizes)
got = 0
while got < want:
    n = os.readv(0, [memoryview(needles)[got:want]])
    if n == 0:
        raise SystemExit("short read")
    got += n
views, at = {}, 0
for name, size in zip(("hex", "raw", "control"), sizes):
    views[name] = memoryview(needles)[at:at + size]
    at += size
control_copy = bytes(views["control"])  # on the heap: the scan must find it

CHUNK = 8 << 20
buf = mmap.mmap(-1, CHUNK)
skip = []
for m in (needles, buf):
    start = ctypes.addressof(ctypes.c_char.from_buffer(m))
    skip.append((start, start + len(m)))

SPECIAL = ("[vvar]", "[vvar_vclock]", "[vsyscall]")  # not readable through /proc/self/mem

def ranges():  # readable mappings, less the two buffers above
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split()
            if fields[1][0] != "r" or (len(fields) > 5 and fields[5] in SPECIAL):
                continue
            pieces = [tuple(int(x, 16) for x in fields[0].split("-"))]
            for s_lo, s_hi in skip:
                pieces = [
                    p for lo, hi in pieces for p in ((lo, min(hi, s_lo)), (max(lo, s_hi), hi))
                    if p[0] < p[1]
                ]
            yield from pieces

found = {name: 0 for name in views}
longest = max(sizes)
scanned = 0
mem = os.open("/proc/self/mem", os.O_RDONLY)
for lo, hi in list(ranges()):
    at = lo
    while at < hi:
        size = min(CHUNK, hi - at)
        try:
            n = os.preadv(mem, [memoryview(buf)[:size]], at)
        except OSError:  # a page that cannot be read: skip it, not the rest
            at = (at // mmap.PAGESIZE + 1) * mmap.PAGESIZE
            continue
        if n <= 0:
            break
        scanned += n
        for name, needle in views.items():
            pos = buf.find(needle, 0, n)
            while pos != -1:
                found[name] += 1
                pos = buf.find(needle, pos + 1, n)
        if at + n >= hi:
            break
        at += n - (longest - 1)  # overlap, so a match across two chunks is seen
os.close(mem)
del control_copy
os.write(1, json.dumps({"found": found, "scanned_mib": scanned >> 20}).encode())
"""


def scan_after_lock(tmp_path: Path) -> dict[str, object]:
    env = dict(os.environ)
    for name in ("state", "config", "cache", "tmp"):
        (tmp_path / name).mkdir()
    env.update(
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        TMPDIR=str(tmp_path / "tmp"),
        PYTHONPATH=str(REPO),
    )
    control = os.urandom(32)
    sizes = f"{2 * KEY_LEN},{KEY_LEN},{len(control)}"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "vault"), sizes],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        raw = child.stdout.read(KEY_LEN)
        if len(raw) == KEY_LEN:
            child.stdin.write(raw.hex().encode() + raw + control)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err.decode(errors="replace")
    assert len(raw) == KEY_LEN
    result: dict[str, object] = json.loads(out)
    return result


def test_no_text_of_the_database_key_is_in_memory_after_lock(tmp_path: Path) -> None:
    result = scan_after_lock(tmp_path)
    found = result["found"]
    assert isinstance(found, dict)
    assert found["control"] >= 1, f"the scan sees nothing, so proves nothing: {result}"
    assert found["hex"] == 0, f"the database key is in memory as hex text: {result}"
    # found["raw"]: see the module's docstring (a copy inside cryptography's HKDF).


# --- the pieces ------------------------------------------------------------------------


def test_the_raw_key_spec_is_sqlciphers_form_and_is_wiped() -> None:
    material = bytes(range(0xE0, 0x100))  # every hex digit, both halves of a byte
    key = SecretKey(material)
    with raw_key_spec(key) as spec:
        assert isinstance(spec, bytearray)
        assert spec == b"x'" + material.hex().encode() + b"'"
        held = spec
    assert held == bytearray(len(held)), "the key text was not wiped"


def test_the_raw_key_spec_is_wiped_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), raw_key_spec(SecretKey(os.urandom(32))) as spec:
        held = spec
        raise RuntimeError("keying failed")
    assert held == bytearray(len(held))


def test_a_key_of_another_size_is_refused(tmp_path: Path) -> None:
    conn = sqlcipher3.connect(str(tmp_path / "x.db"))
    try:
        with pytest.raises(ValueError, match="32 bytes"):
            apply_key(conn, SecretKey(os.urandom(16)))
    finally:
        conn.close()


def test_a_database_keyed_with_the_old_pragma_text_opens(tmp_path: Path) -> None:
    """Vaults made before this change were keyed with `PRAGMA key = "x'HEX'"`: the
    buffer given to sqlite3_key must be the very same key."""
    path = tmp_path / "vault.db"
    material = os.urandom(32)
    old = sqlcipher3.connect(str(path), isolation_level=None)
    old.execute(f"PRAGMA key = \"x'{material.hex()}'\"")
    old.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    old.execute("CREATE TABLE t (body TEXT)")
    old.execute("INSERT INTO t VALUES ('kept')")
    old.close()
    with SecretKey(material) as key:
        conn, _version = open_database(path, key)
    try:
        assert conn.execute("SELECT body FROM t").fetchall() == [("kept",)]
    finally:
        conn.close()
    with SecretKey(os.urandom(32)) as wrong, pytest.raises(Exception, match="damaged"):
        open_database(path, wrong)
