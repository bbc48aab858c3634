"""Keys §7: a member's name cannot be mistaken for another's. Names are stored in NFC and
compared by their Unicode confusables skeleton (UTS #39): "Supervisor Оne" with a
Cyrillic "О" is refused beside "Supervisor One", when issued and in a trust file."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from app.errors import UsageError, VerificationError
from app.org import load_trust, org_init, org_issue
from app.org.trust_format import name_skeleton
from tests.core.test_cert_profile import resign, trust_doc

ORG = "Example Oversight Body"
CYRILLIC_O = "\u041e"  # looks like the Latin capital O


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out, ORG)  # members: Interviewer One, Supervisor One, the intake
    return out


def test_skeletons() -> None:
    assert name_skeleton("Supervisor One") == name_skeleton(f"Supervisor {CYRILLIC_O}ne")
    assert name_skeleton("Ann  Lee") == name_skeleton("ann lee")
    nfd = "Zoe\u0308 Evans"  # "Zoë" decomposed
    assert name_skeleton(nfd) == name_skeleton("Zoë Evans")
    assert name_skeleton("Zoë Evans") != name_skeleton("Zoe Evans")  # a different name
    assert name_skeleton("Ann Lee") != name_skeleton("Anne Lee")


def test_a_lookalike_name_is_not_issued(org: Path) -> None:
    before = (org / "trust.json").read_bytes()
    lookalike = f"Supervisor {CYRILLIC_O}ne"
    with pytest.raises(UsageError) as caught:
        org_issue(org, "supervisor", lookalike)
    assert caught.value.code == "org.name_confusable"
    assert "reads the same as the member 'Supervisor One'" in str(caught.value)
    assert (org / "trust.json").read_bytes() == before
    # A plainly different name is issued, and stored in NFC.
    org_issue(org, "interviewer", "Zoe\u0308 Evans")
    names = [m["name"] for m in trust_doc(org)["members"]]
    assert "Zoë Evans" in names and "Zoe\u0308 Evans" not in names


def test_a_trust_file_with_lookalike_members_is_refused(org: Path) -> None:
    doc = trust_doc(org)
    twin = json.loads(json.dumps(doc["members"][1]))
    twin["name"] = doc["members"][1]["name"].replace("O", CYRILLIC_O)
    twin["member_id"] = str(uuid.uuid4())
    doc["members"].append(twin)
    resign(org, doc)
    with pytest.raises(VerificationError, match="reads the same as"):
        load_trust(org / "trust.json", org / "ca.pem")
