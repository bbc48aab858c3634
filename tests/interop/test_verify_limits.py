"""The verifier's limits, against real files made by the `age` CLI: a header naming
thousands of recipients (pyrage's header handling grows quadratically with them), a
header too large, bytes after the archive's end, a member larger than its limit; and an
export refusing more recipients than a bundle may have."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import x25519

from app.errors import UsageError
from app.export.bundle import export_case, manifest_bytes, resolve_recipients
from app.export.verify import verify_bundle
from tests.conftest import require_tool, run_cli
from tests.interop.bundle_forge import (
    World,
    failed,
    make_world,
    payload,
    recipient,
    reseal,
    verify,
)

KIB, MIB = 1024, 1024 * 1024
# The documented limits (docs/verifying.md, "Limits"): a change there changes these.
MAX_STANZAS = 64
MAX_HEADER = 64 * KIB
MAX_EXPORT_RECIPIENTS = 32
MEMBER_LIMITS = {
    "manifest.json": 1 * MIB,
    "restricted.json": 1 * MIB,
    "record.json": 16 * MIB,
    "audit.jsonl": 32 * MIB,
}
FAST = 1.0  # seconds: a refusal must come well inside this


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("limits"))
    yield made
    made.engine.vault.close()


def strangers(count: int) -> list[str]:
    return [str(x25519.Identity.generate().to_public()) for _ in range(count)]


def encrypted_to_many(world: World, tmp_path: Path, others: int) -> Path:
    """Jo's bundle re-encrypted by `age -R` to `others` random recipients plus the real
    supervisor (last, as a forger would put them)."""
    listing = tmp_path / "recipients.txt"
    listing.write_text("\n".join([*strangers(others), recipient(world.supervisor)]) + "\n")
    out = tmp_path / f"many-{others}.qrb"
    subprocess.run(
        [require_tool("age"), "-R", listing, "-o", out],
        input=payload(world.bundle, world.supervisor),
        check=True,
    )
    return out


def header_parts(data: bytes) -> tuple[bytes, bytes, bytes]:
    """(the version line, the stanzas, the MAC line and everything after it)."""
    first = data.index(b"\n") + 1
    mac = data.index(b"\n---") + 1
    return data[:first], data[first:mac], data[mac:]


def refused_quickly(world: World, bundle: Path, code: str) -> float:
    """Refused by the CLI (exit 4, a failed decryption check with this code's words)
    and, in-process, within FAST seconds; returns the in-process time."""
    result = run_cli(
        "verify",
        bundle,
        "--identity",
        world.supervisor / "age-identity.txt",
        "--trust",
        world.trust,
        "--json",
        timeout=30,
    )
    assert result.returncode == 4, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert list(failed(json.loads(result.stdout))) == ["decryption"]
    start = time.perf_counter()
    report = verify_bundle(bundle, world.supervisor / "age-identity.txt", world.trust)
    elapsed = time.perf_counter() - start
    (check,) = report.checks
    assert not check.ok and check.reason is not None and check.reason.code == code, check
    assert elapsed < FAST, elapsed
    return elapsed


@pytest.mark.cli
def test_two_thousand_recipients_are_refused_at_once(world: World, tmp_path: Path) -> None:
    bundle = encrypted_to_many(world, tmp_path, 2000)
    refused_quickly(world, bundle, "bundle.too_many_recipients")


@pytest.mark.cli
def test_a_hundred_thousand_stanzas_are_refused_at_once(world: World, tmp_path: Path) -> None:
    """The 2,000 real stanzas repeated 50 times: the header is refused before its MAC
    could even be checked."""
    real = encrypted_to_many(world, tmp_path, 2000).read_bytes()
    version, stanzas, rest = header_parts(real)
    assert stanzas.count(b"-> X25519 ") == 2001
    bundle = tmp_path / "hundred-thousand.qrb"
    bundle.write_bytes(version + stanzas * 50 + rest)
    assert bundle.read_bytes().count(b"\n-> ") == 100_050
    refused_quickly(world, bundle, "bundle.too_many_recipients")


@pytest.mark.cli
def test_the_limit_itself_is_accepted(world: World, tmp_path: Path) -> None:
    """64 stanzas open; 65 do not."""
    code, report, _ = verify(
        encrypted_to_many(world, tmp_path, MAX_STANZAS - 1), world.supervisor, world.trust
    )
    assert code == 0 and report["ok"], report
    refused_quickly(
        world, encrypted_to_many(world, tmp_path, MAX_STANZAS), "bundle.too_many_recipients"
    )


@pytest.mark.cli
def test_a_header_too_large_is_refused(world: World, tmp_path: Path) -> None:
    """Few stanzas, but one with a body of 70 KiB."""
    version, stanzas, rest = header_parts(world.bundle.read_bytes())
    body = b"".join([b"A" * 64 + b"\n"] * (70 * KIB // 64)) + b"AAAA\n"
    bundle = tmp_path / "large-header.qrb"
    bundle.write_bytes(version + stanzas + b"-> X25519 " + b"B" * 43 + b"\n" + body + rest)
    refused_quickly(world, bundle, "bundle.header_too_large")


@pytest.mark.cli
def test_an_overlong_header_line_is_refused(world: World, tmp_path: Path) -> None:
    version, stanzas, rest = header_parts(world.bundle.read_bytes())
    bundle = tmp_path / "long-line.qrb"
    bundle.write_bytes(version + b"-> unknown " + b"x" * 4000 + b"\n\n" + stanzas + rest)
    refused_quickly(world, bundle, "bundle.does_not_decrypt")


# --- after the archive's end ------------------------------------------------------------


@pytest.mark.cli
@pytest.mark.parametrize("after", ["printf JUNK", "head -c 20480 /dev/zero", "printf '\\0\\0JUNK'"])
def test_bytes_after_the_archive_are_refused(world: World, tmp_path: Path, after: str) -> None:
    """`(age -d … b.qrb; printf JUNK) | age -r SUP > t.qrb`, as the report found it."""
    age = require_tool("age")
    out = tmp_path / "t.qrb"
    subprocess.run(
        f"({age} -d -i {world.supervisor / 'age-identity.txt'} {world.bundle}; {after}) "
        f"| {age} -r {recipient(world.supervisor)} > {out}",
        shell=True,
        check=True,
    )
    code, report, stderr = verify(out, world.supervisor, world.trust)
    assert code == 4, stderr
    problems = failed(report)
    assert list(problems) == ["contents"], problems
    assert "after the end of the archive" in problems["contents"]


@pytest.mark.cli
def test_junk_inside_the_last_record_is_refused(world: World, tmp_path: Path) -> None:
    tar = payload(world.bundle, world.supervisor)
    out = world_forged(world, tmp_path, tar[:-4] + b"JUNK")
    code, report, _ = verify(out, world.supervisor, world.trust)
    assert code == 4 and "after the end of the archive" in failed(report)["contents"]


def world_forged(world: World, tmp_path: Path, tar: bytes) -> Path:
    return world.forged(tmp_path / "forged.qrb", tar)


# --- each member's own limit --------------------------------------------------------------


def padded_json(data: bytes, size: int) -> bytes:
    """The same JSON document, `size` bytes long (trailing spaces are still JSON)."""
    return data + b" " * (size - len(data))


@pytest.mark.cli
@pytest.mark.parametrize("name", sorted(MEMBER_LIMITS))
def test_a_member_over_its_limit_is_refused_before_it_is_read(
    world: World, tmp_path: Path, name: str
) -> None:
    files = world.files()
    limit = MEMBER_LIMITS[name]
    if name == "manifest.json":
        doc = json.loads(files[name])
        tar = reseal(files, world.jo, raw_manifest=padded_json(manifest_bytes(doc), limit + 1))
    elif name == "audit.jsonl":
        tar = reseal(files, world.jo, {name: files[name] + b"\n" * (limit + 1 - len(files[name]))})
    else:
        tar = reseal(files, world.jo, {name: padded_json(files[name], limit + 1)})
    code, report, stderr = verify(world_forged(world, tmp_path, tar), world.supervisor, world.trust)
    assert code == 4, stderr
    problems = failed(report)
    assert list(problems) == ["contents"], problems
    assert f"'{name}' is larger than" in problems["contents"]


@pytest.mark.cli
@pytest.mark.parametrize("name", ["manifest.json", "record.json"])
def test_a_member_at_its_limit_is_accepted(world: World, tmp_path: Path, name: str) -> None:
    files = world.files()
    limit = MEMBER_LIMITS[name]
    if name == "manifest.json":
        tar = reseal(
            files,
            world.jo,
            raw_manifest=padded_json(manifest_bytes(json.loads(files[name])), limit),
        )
    else:
        tar = reseal(files, world.jo, {name: padded_json(files[name], limit)})
    code, report, stderr = verify(world_forged(world, tmp_path, tar), world.supervisor, world.trust)
    assert code == 0 and report["ok"], (stderr, failed(report))


# --- exporting to too many ----------------------------------------------------------------


def test_an_export_names_at_most_32_recipients(world: World, tmp_path: Path) -> None:
    identity, trust = world.engine.identity(), world.engine.trust()
    chosen = resolve_recipients(strangers(MAX_EXPORT_RECIPIENTS - 1), trust, identity)
    assert len(chosen) == MAX_EXPORT_RECIPIENTS  # the author is always one of them
    head = world.engine.audit_head(world.ref)
    out = tmp_path / "too-many.qrb"
    with pytest.raises(UsageError) as caught:
        export_case(world.engine, world.ref, out, strangers(MAX_EXPORT_RECIPIENTS))
    assert caught.value.code == "export.too_many_recipients"
    assert "at most 32 recipients" in str(caught.value) and "33" in str(caught.value)
    assert not out.exists() and world.engine.audit_head(world.ref) == head
