"""`quietroom-cli verify` prints its report in the same words, character for character:
the text and the `--json` are a public interface (scripts read them), whatever the
desktop app does to show the report in its own language (ui/report_messages.py).

Pinned for a good bundle and for three forgeries: a record about another case (most
checks fail), a manifest of the wrong shape (a reason inside the sentence), and two
files changed after signing (two problems in one line, and a log that no longer reads).
Only the times of day (and the audit log's length, which grows with the engine) are left
out of the comparison.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.interop.bundle_forge import World, make_world, reseal, run_cli, tar_of

TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
ENTRIES = re.compile(r"\d+ entries, hash chain intact")

GOOD = """\
ok    decryption: the bundle opened with your identity
ok    contents: every expected file is present
ok    manifest: format quietroom-bundle, version 2
ok    manifest signature: signed by Jo, certificate issued by the organisation's CA, checked at <time> UTC, the signing time it states
ok    author's role: signed by Jo, an interviewer in the organisation's trust file
ok    file hashes: all 6 files match the signed manifest
ok    recipients: you are among the recipients the author signed for
ok    statement PDF signature: valid: PAdES B-B, not time-stamped: checked at its signing time, <time> UTC; covering the whole document; signed by Organizational Unit: interviewer, Organization: Example Oversight Body, Common Name: Jo
ok    record schema: valid against record-v2.schema.json
ok    statement time-stamp: the record says PAdES B-B, as the statement is: no time-stamp
ok    statement binding: the signed PDF names this record's case, statement and text
ok    history: every read-back correction, with the text confirmed before it
ok    exhibits: the statement produces no exhibits
ok    pages confirmed by the witness: all 1 page(s) are the pages the witness confirmed on screen
ok    restricted details binding: restricted.pdf names this bundle's case
ok    restricted details: valid against restricted-v2.schema.json, for the manifest's case
ok    audit chain: <n> entries, hash chain intact
"""  # noqa: E501

OTHER_CASE = """\
ok    decryption: the bundle opened with your identity
ok    contents: every expected file is present
ok    manifest: format quietroom-bundle, version 2
ok    manifest signature: signed by Jo, certificate issued by the organisation's CA, checked at <time> UTC, the signing time it states
ok    author's role: signed by Jo, an interviewer in the organisation's trust file
ok    file hashes: all 6 files match the signed manifest
ok    recipients: you are among the recipients the author signed for
ok    statement PDF signature: valid: PAdES B-B, not time-stamped: checked at its signing time, <time> UTC; covering the whole document; signed by Organizational Unit: interviewer, Organization: Example Oversight Body, Common Name: Jo
FAIL  record schema: record.json describes another case than the manifest
FAIL  statement time-stamp: there is no valid record to check it against
FAIL  statement binding: there is no valid record to check it against
ok    history: every read-back correction, with the text confirmed before it
FAIL  exhibits: there is no valid record to check them against
FAIL  pages confirmed by the witness: there is no valid record to check them against
ok    restricted details binding: restricted.pdf names this bundle's case
ok    restricted details: valid against restricted-v2.schema.json, for the manifest's case
ok    audit chain: <n> entries, hash chain intact
"""  # noqa: E501

BAD_MANIFEST = """\
ok    decryption: the bundle opened with your identity
ok    contents: every expected file is present
FAIL  manifest: manifest.json is not a Quietroom manifest: 'sequence' and 'statement' must be whole numbers
"""  # noqa: E501

CHANGED_FILES = """\
ok    decryption: the bundle opened with your identity
ok    contents: every expected file is present
ok    manifest: format quietroom-bundle, version 2
ok    manifest signature: signed by Jo, certificate issued by the organisation's CA, checked at <time> UTC, the signing time it states
ok    author's role: signed by Jo, an interviewer in the organisation's trust file
FAIL  file hashes: audit.jsonl does not match its SHA-256 in the manifest; restricted.json does not match its SHA-256 in the manifest
ok    recipients: you are among the recipients the author signed for
ok    statement PDF signature: valid: PAdES B-B, not time-stamped: checked at its signing time, <time> UTC; covering the whole document; signed by Organizational Unit: interviewer, Organization: Example Oversight Body, Common Name: Jo
ok    record schema: valid against record-v2.schema.json
ok    statement time-stamp: the record says PAdES B-B, as the statement is: no time-stamp
ok    statement binding: the signed PDF names this record's case, statement and text
ok    history: every read-back correction, with the text confirmed before it
ok    exhibits: the statement produces no exhibits
ok    pages confirmed by the witness: all 1 page(s) are the pages the witness confirmed on screen
ok    restricted details binding: restricted.pdf names this bundle's case
ok    restricted details: valid against restricted-v2.schema.json, for the manifest's case
FAIL  audit chain: audit.jsonl is not a readable audit log
"""  # noqa: E501


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("report-text"))
    yield made
    made.engine.vault.close()


def other_case(world: World) -> bytes:
    files = world.files()
    record = json.loads(files["record.json"])
    record["case"]["id"] = "0" * 32
    return reseal(files, world.jo, {"record.json": json.dumps(record).encode()})


def bad_manifest(world: World) -> bytes:
    def change(doc: dict[str, Any]) -> None:
        doc["sequence"] = "one"

    return reseal(world.files(), world.jo, manifest=change)


def changed_files(world: World) -> bytes:
    """Two files changed after signing (the log no longer reads), the manifest and its
    signature left as they were."""
    files = world.files()
    files["audit.jsonl"] += b"\n"
    files["restricted.json"] += b" "
    return tar_of(files)


def verify(world: World, bundle: Path, *extra: str) -> tuple[int, str]:
    result = run_cli(
        "verify",
        bundle,
        "--identity",
        world.supervisor / "age-identity.txt",
        "--trust",
        world.trust,
        *extra,
    )
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout


def normal(text: str) -> str:
    return ENTRIES.sub("<n> entries, hash chain intact", TIME.sub("<time>", text))


def failures(expected: str) -> str:
    """The one-line summary the command line ends a failed report with."""
    return "; ".join(
        line[len("FAIL  ") :] for line in expected.splitlines() if line.startswith("FAIL")
    )


@pytest.mark.parametrize(
    ("forge", "expected"),
    [
        (None, GOOD),
        (other_case, OTHER_CASE),
        (bad_manifest, BAD_MANIFEST),
        (changed_files, CHANGED_FILES),
    ],
    ids=["good", "another case", "bad manifest", "changed files"],
)
def test_the_report_text_and_json_are_unchanged(
    world: World, tmp_path: Path, forge: Any, expected: str
) -> None:
    bundle = world.bundle if forge is None else world.forged(tmp_path / "f.qrb", forge(world))
    code, text = verify(world, bundle)
    assert (code, normal(text)) == (0 if forge is None else 4, expected)

    code, out = verify(world, bundle, "--json")
    data = json.loads(out)
    lines = [
        f"{'ok  ' if c['ok'] else 'FAIL'}  {c['check']}: {c['detail']}" for c in data["checks"]
    ]
    assert normal("\n".join(lines) + "\n") == expected
    assert [set(c) for c in data["checks"]] == [{"check", "ok", "detail"}] * len(lines)
    assert data["ok"] is (forge is None)
    keys = {"ok", "checks", "bundle_id", "case", "author", "created", "sequence"}
    if forge is None:
        assert set(data) == keys
    else:
        assert set(data) == keys | {"error"}
        assert data["error"]["code"] == "verify.failed"
        message = normal(data["error"]["message"])
        assert message == "the bundle did not verify: " + failures(expected)
