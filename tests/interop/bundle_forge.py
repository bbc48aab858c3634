"""Real bundles, and forged ones, for the verifier's hardening tests.

A forger here has what a real attacker could have: a bundle they can open (they are a
recipient), a member's own signing key (their own, or one they stole), and the public
tools. `reseal` rebuilds a bundle from its files after a change, re-hashing the files in
the manifest and re-signing it, so the one change under test is the only thing wrong.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519

from app.engine.engine import Engine
from app.export.bundle import CONTENT_FILES, MANIFEST, SIGNATURE, manifest_bytes
from app.export.pages import confirm_all_pages
from app.vault.vault import Vault
from crypto import cms, pki
from tests.conftest import FAST_KDF, PASSPHRASE, require_tool, run_cli

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    b'<path d="M10 40 L60 10 L90 45 L150 20"/></svg>'
)


def issue(org: Path, role: str, name: str) -> Path:
    """A new member issued with `quietroom-cli org issue`; their directory."""
    result = run_cli("org", "issue", "--org", org, "--role", role, "--name", name, "--json")
    assert result.returncode == 0, result.stderr
    return Path(json.loads(result.stdout)["dir"])


def member_engine(root: Path, member: Path, trust: Path | None) -> Engine:
    """A new vault holding this member's identity (and the trust file, if given)."""
    vault = Vault.create(root, PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    engine = Engine(vault)
    engine.import_identity(
        member / "cert.pem", member / "key.pem", member / "age-identity.txt", trust
    )
    return engine


def signed_case(engine: Engine, ref: str) -> str:
    """A small case, read back and signed, ready to export."""
    engine.create_case("csa", ref, interviewer="Jo")
    engine.set_witness(ref, name="Morgan Ŷwen", date_of_birth="1984-02-29")
    engine.set_restricted(ref, address="12 Rowan Terrace", phone="07700 900555")
    engine.record_consent(ref, "medical-records", "given")
    engine.start_sitting(ref, location="Cardiff interview suite")
    engine.save_section(ref, "account", "I remember the lane by the chapel.")
    engine.end_sitting(ref)
    engine.confirm_readback(ref)
    confirm_all_pages(engine, ref)  # the witness confirmed each page
    engine.sign_statement(ref, SVG)
    return ref


def age_identity(member: Path) -> x25519.Identity:
    text = (member / "age-identity.txt").read_text()
    return x25519.Identity.from_str(next(ln for ln in text.splitlines() if ln.startswith("AGE-")))


def recipient(member: Path) -> str:
    return (member / "age-recipient.txt").read_text().strip()


def payload(bundle: Path, member: Path) -> bytes:
    """The bundle's tar, decrypted by the real `age` CLI."""
    age = require_tool("age")
    return subprocess.run(
        [age, "-d", "-i", member / "age-identity.txt", bundle], check=True, capture_output=True
    ).stdout


def files_of(tar: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        return {m.name: archive.extractfile(m).read() for m in archive}  # type: ignore[union-attr]


def tar_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:", format=tarfile.PAX_FORMAT) as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def sign_manifest(manifest: bytes, signer: Path) -> bytes:
    cert, key = pki.load_pem_pair(
        (signer / "cert.pem").read_bytes(), (signer / "key.pem").read_bytes()
    )
    return cms.sign_detached(manifest, cert, key)


def reseal(
    files: dict[str, bytes],
    signer: Path,
    changes: dict[str, bytes] | None = None,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    raw_manifest: bytes | None = None,
) -> bytes:
    """The bundle's tar after `changes` (file name -> new bytes), with the manifest
    re-hashed (then changed by `manifest(doc)`, or replaced whole by `raw_manifest`) and
    re-signed by `signer`."""
    out = {**files, **(changes or {})}
    doc = json.loads(out[MANIFEST])
    doc["files"] = {
        name: {"sha256": hashlib.sha256(out[name]).hexdigest(), "size": len(out[name])}
        for name in CONTENT_FILES
    }
    if manifest is not None:
        manifest(doc)
    out[MANIFEST] = raw_manifest if raw_manifest is not None else manifest_bytes(doc)
    out[SIGNATURE] = sign_manifest(out[MANIFEST], signer)
    return tar_of(out)


def seal(tar: bytes, *members: Path) -> bytes:
    """The tar encrypted by the real `age` CLI to these members."""
    age = require_tool("age")
    args = [a for m in members for a in ("-r", recipient(m))]
    return subprocess.run([age, *args], input=tar, check=True, capture_output=True).stdout


def verify(bundle: Path, member: Path, trust: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    """`quietroom-cli verify --json`: (exit code, report, stderr)."""
    result = run_cli(
        "verify",
        bundle,
        "--identity",
        member / "age-identity.txt",
        "--trust",
        trust,
        "--json",
        *extra,
    )
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, report, result.stderr


def failed(report: dict[str, Any]) -> dict[str, str]:
    """check name -> detail, for the checks that failed."""
    return {c["check"]: c["detail"] for c in report.get("checks", []) if not c["ok"]}


def encrypt_with_pyrage(tar: bytes, *members: Path) -> bytes:
    return pyrage.encrypt(tar, [x25519.Recipient.from_str(recipient(m)) for m in members])


@dataclass
class World:
    """An organisation, an interviewer "Jo" with an open vault, and Jo's real bundle."""

    org: Path
    trust: Path
    jo: Path
    supervisor: Path
    intake: Path
    engine: Engine
    ref: str
    bundle: Path

    def files(self) -> dict[str, bytes]:
        return files_of(payload(self.bundle, self.supervisor))

    def forged(self, out: Path, tar: bytes) -> Path:
        """`tar` encrypted to the supervisor (and Jo) by the real `age` CLI."""
        out.write_bytes(seal(tar, self.supervisor, self.jo))
        return out


def make_world(base: Path) -> World:
    from app.export.bundle import export_case
    from app.org import org_init

    org = base / "org"
    org_init(org)
    jo = issue(org, "interviewer", "Jo")
    trust = org / "trust.json"
    engine = member_engine(base / "vault", jo, trust)
    ref = signed_case(engine, "CSA-H-1")
    bundle = base / "jo.qrb"
    export_case(engine, ref, bundle)
    return World(org, trust, jo, org / "supervisor", org / "intake", engine, ref, bundle)
