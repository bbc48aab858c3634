"""What the verifier's hardening says in the desktop app: the refusals an interviewer meets
when exporting (the role, too many recipients) and the first failed check when opening a
hostile bundle, raised by real core calls, come out as the core's English sentence and,
with Welsh installed, as Welsh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from app.engine.engine import Engine
from app.export import bundle as bundle_module
from app.export.bundle import export_case
from app.org import org_init
from tests.interop.bundle_forge import age_identity, member_engine, recipient, signed_case
from tests.ui.core_messages_helpers import refusal
from tests.ui.test_core_messages_real_errors import assert_is, first_problem


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_init(tmp_path / "org")
    return tmp_path / "org"


@pytest.fixture
def interviewer(org: Path, tmp_path: Path) -> Iterator[Engine]:
    engine = member_engine(tmp_path / "interviewer", org / "interviewer", org / "trust.json")
    yield engine
    engine.vault.close()


def test_exporting_as_another_role(org: Path, tmp_path: Path, qapp: Any) -> None:
    engine = member_engine(tmp_path / "supervisor", org / "supervisor", org / "trust.json")
    try:
        signed_case(engine, "CSA-M-1")
        error = refusal(lambda: export_case(engine, "CSA-M-1", tmp_path / "x.qrb"))
        assert_is("export.not_an_interviewer", error)
        assert error.params == {"role": "supervisor"}
    finally:
        engine.vault.close()


def test_exporting_without_a_trust_file(org: Path, tmp_path: Path, qapp: Any) -> None:
    engine = member_engine(tmp_path / "lonely", org / "interviewer", None)
    try:
        signed_case(engine, "CSA-M-2")
        to = [recipient(org / "supervisor")]
        error = refusal(lambda: export_case(engine, "CSA-M-2", tmp_path / "x.qrb", to))
        assert_is("export.trust_needed_for_role", error)
    finally:
        engine.vault.close()


def test_exporting_to_too_many(interviewer: Engine, tmp_path: Path, qapp: Any) -> None:
    signed_case(interviewer, "CSA-M-3")
    many = [str(x25519.Identity.generate().to_public()) for _ in range(40)]
    error = refusal(lambda: export_case(interviewer, "CSA-M-3", tmp_path / "x.qrb", many))
    assert_is("export.too_many_recipients", error)
    assert error.params == {"limit": 32, "count": 41}


def test_opening_a_bundle_sent_to_too_many(
    interviewer: Engine, org: Path, tmp_path: Path, qapp: Any
) -> None:
    mine = age_identity(org / "interviewer").to_public()
    others = [x25519.Identity.generate().to_public() for _ in range(64)]
    bundle = tmp_path / "many.qrb"
    bundle.write_bytes(pyrage.encrypt(b"anything", [*others, mine]))
    assert_is("bundle.too_many_recipients", first_problem(interviewer, bundle))
    data = pyrage.encrypt(b"anything", [mine])
    cut = data.index(b"\n---") + 1
    body = b"A" * 64 + b"\n"
    bundle.write_bytes(
        data[:cut] + b"-> X25519 " + b"B" * 43 + b"\n" + body * 1100 + b"\n" + data[cut:]
    )
    assert_is("bundle.header_too_large", first_problem(interviewer, bundle))


def test_opening_a_bundle_a_supervisor_authored(
    interviewer: Engine, org: Path, tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = member_engine(tmp_path / "supervisor", org / "supervisor", org / "trust.json")
    try:
        signed_case(engine, "CSA-M-4")
        # A client with its export checks taken out: what a forger with that key can do.
        monkeypatch.setattr(bundle_module, "check_author", lambda *a: None)
        monkeypatch.setattr(bundle_module, "check_statement_taker", lambda *a: None)
        out = tmp_path / "forged.qrb"
        export_case(engine, "CSA-M-4", out, [recipient(org / "interviewer")])
    finally:
        engine.vault.close()
    problem = first_problem(interviewer, out)
    assert_is("bundle.author_not_interviewer", problem)
    assert problem.params == {"role": "supervisor"}
