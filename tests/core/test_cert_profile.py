"""The certificate profile of docs/keys.md as `org init` and `org issue` write it, and
trust file version 3 that carries it (Python level, no third-party tools):

- each role's certificates have their own key usages: a signing certificate
  (digitalSignature + nonRepudiation, emailProtection), an authentication certificate
  (clientAuth only) for interviewers and supervisors, and for the intake a TLS server
  certificate (serverAuth, the intake's hosts as subject alternative names) and a
  time-stamping certificate (critical EKU timeStamping only);
- every certificate names the intake's /v1/crl as its CRL distribution point;
- `check_chain` accepts each certificate for its own use and refuses it for another;
- trust v3: stable random member ids, the extra certificates only on the right roles
  and each for its own use, an https intake address, names in Unicode NFC.

tests/interop/test_cert_profile_openssl.py checks the same files with openssl and a real
mutual-TLS handshake.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from app.errors import UsageError, VerificationError
from app.org import load_trust, org_init, org_issue, org_remove
from crypto import cms, pki
from crypto.pki_errors import ChainError
from crypto.validate import NotAllowedError, Usage, check_chain

ORG = "Example Oversight Body"
DEFAULT_CRL = "https://localhost:8443/v1/crl"
OTHER_URL = "https://intake.example.org:9443"
ROLES = ("interviewer", "supervisor", "intake")
# Each member's certificate files, by role (the evaluation layout of member_files.py).
CERT_FILES = {
    "interviewer": ("cert.pem", "auth-cert.pem"),
    "supervisor": ("cert.pem", "auth-cert.pem"),
    "intake": ("cert.pem", "tls-cert.pem", "timestamp-cert.pem"),
}
# What each kind of certificate is for: its file, and the one usage it must pass.
OWN_USAGE = {
    "signing": ("interviewer/cert.pem", Usage.DOCUMENT_SIGNING),
    "receipts": ("intake/cert.pem", Usage.DOCUMENT_SIGNING),
    "authentication": ("interviewer/auth-cert.pem", Usage.CLIENT_AUTH),
    "tls": ("intake/tls-cert.pem", Usage.SERVER_AUTH),
    "timestamp": ("intake/timestamp-cert.pem", Usage.TIMESTAMPING),
}


@pytest.fixture
def org(tmp_path: Path) -> Path:
    out = tmp_path / "org"
    org_init(out, ORG)
    return out


def cert(path: Path) -> x509.Certificate:
    return pki.load_certificate(path.read_bytes())


def key_usage(c: x509.Certificate) -> tuple[bool, x509.KeyUsage]:
    ext = c.extensions.get_extension_for_class(x509.KeyUsage)
    return ext.critical, ext.value


def purposes(c: x509.Certificate) -> tuple[bool, list[x509.ObjectIdentifier]]:
    ext = c.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    return ext.critical, list(ext.value)


def usage_bits(c: x509.Certificate) -> set[str]:
    """The KeyUsage bits that are set (only the ones that are not about encipherment)."""
    ku = key_usage(c)[1]
    names = ("digital_signature", "content_commitment", "key_encipherment")
    names += ("data_encipherment", "key_agreement", "key_cert_sign", "crl_sign")
    return {n for n in names if getattr(ku, n)}


def alt_names(c: x509.Certificate) -> tuple[list[str], list[str]]:
    san = c.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    dns = san.get_values_for_type(x509.DNSName)
    ips = [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    return dns, ips


def every_certificate(org: Path) -> dict[str, x509.Certificate]:
    found = {"ca.pem": cert(org / "ca.pem"), "trust-signer": cert(org / "trust-signer/cert.pem")}
    for role, names in CERT_FILES.items():
        found |= {f"{role}/{n}": cert(org / role / n) for n in names}
    return found


def resign(org: Path, doc: Any) -> None:
    """Write a changed trust file signed properly by the trust-list signer, so only
    parsing can refuse it (as `_resign` in test_org_trust.py)."""
    data = json.dumps(doc, ensure_ascii=False).encode()
    signer = pki.load_pem_pair(
        (org / "trust-signer" / "cert.pem").read_bytes(),
        (org / "trust-signer" / "key.pem").read_bytes(),
    )
    (org / "trust.json").write_bytes(data)
    (org / "trust.json.p7s").write_bytes(cms.sign_detached(data, *signer))


def trust_doc(org: Path) -> Any:
    return json.loads((org / "trust.json").read_text(encoding="utf-8"))


# --- key usages, extended key usages, names ------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_signing_certificate_profile(org: Path, role: str) -> None:
    c = cert(org / role / "cert.pem")
    assert key_usage(c)[0] is True
    assert usage_bits(c) == {"digital_signature", "content_commitment"}
    assert purposes(c) == (False, [ExtendedKeyUsageOID.EMAIL_PROTECTION])
    assert c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False


@pytest.mark.parametrize("role", ["interviewer", "supervisor"])
def test_authentication_certificate_is_client_auth_only(org: Path, role: str) -> None:
    auth, signing = cert(org / role / "auth-cert.pem"), cert(org / role / "cert.pem")
    assert usage_bits(auth) == {"digital_signature"}
    assert purposes(auth)[1] == [ExtendedKeyUsageOID.CLIENT_AUTH]
    assert auth.subject == signing.subject
    assert not pki.same_public_key(auth, signing)
    assert not (org / "intake" / "auth-cert.pem").exists()


def test_intake_tls_and_timestamp_certificates(org: Path) -> None:
    tls = cert(org / "intake" / "tls-cert.pem")
    assert usage_bits(tls) == {"digital_signature"}
    assert purposes(tls)[1] == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert alt_names(tls) == (["localhost"], ["127.0.0.1"])
    stamp = cert(org / "intake" / "timestamp-cert.pem")
    assert purposes(stamp) == (True, [ExtendedKeyUsageOID.TIME_STAMPING])
    assert usage_bits(stamp) <= {"digital_signature", "content_commitment"}
    for role in ("interviewer", "supervisor"):
        assert not (org / role / "tls-cert.pem").exists()
        assert not (org / role / "timestamp-cert.pem").exists()


def test_every_certificate_names_the_crl(org: Path) -> None:
    for where, c in every_certificate(org).items():
        assert pki.crl_url_of(c) == DEFAULT_CRL, where


def test_another_intake_url(tmp_path: Path) -> None:
    out = tmp_path / "org"
    org_init(out, ORG, intake_url=OTHER_URL)
    assert alt_names(cert(out / "intake" / "tls-cert.pem")) == (["intake.example.org"], [])
    for where, c in every_certificate(out).items():
        assert pki.crl_url_of(c) == f"{OTHER_URL}/v1/crl", where
    assert load_trust(out / "trust.json").intake_url == OTHER_URL
    # A member issued later names the same list.
    new = org_issue(out, "intake", "Desk B")
    assert alt_names(cert(new / "tls-cert.pem")) == (["intake.example.org"], [])
    assert pki.crl_url_of(cert(new / "timestamp-cert.pem")) == f"{OTHER_URL}/v1/crl"


def test_an_ip_intake_url_gets_an_ip_alt_name(tmp_path: Path) -> None:
    out = tmp_path / "org"
    org_init(out, ORG, intake_url="https://192.0.2.7:8443")
    assert alt_names(cert(out / "intake" / "tls-cert.pem")) == ([], ["192.0.2.7"])


# --- the one validator: each certificate for its own use only ------------------------


@pytest.mark.parametrize("kind", list(OWN_USAGE))
def test_check_chain_accepts_own_usage_only(org: Path, kind: str) -> None:
    ca = cert(org / "ca.pem")
    path, own = OWN_USAGE[kind]
    c = cert(org / path)
    check_chain(c, ca, usage=own)
    for usage in Usage:
        if usage is own:
            continue
        with pytest.raises(NotAllowedError):
            check_chain(c, ca, usage=usage)


@pytest.mark.parametrize(
    ("path", "usage"),
    [
        ("interviewer/auth-cert.pem", Usage.DOCUMENT_SIGNING),
        ("interviewer/cert.pem", Usage.CLIENT_AUTH),
        ("intake/tls-cert.pem", Usage.TIMESTAMPING),
        ("intake/timestamp-cert.pem", Usage.DOCUMENT_SIGNING),
        ("intake/cert.pem", Usage.SERVER_AUTH),
    ],
)
def test_check_chain_names_what_is_missing(org: Path, path: str, usage: Usage) -> None:
    with pytest.raises(ChainError, match="not allowed for this use"):
        check_chain(cert(org / path), cert(org / "ca.pem"), usage=usage)


def test_trust_list_signer_signs_only_the_list(org: Path) -> None:
    ca, signer = cert(org / "ca.pem"), cert(org / "trust-signer" / "cert.pem")
    check_chain(signer, ca, usage=Usage.TRUST_LIST)
    for usage in (Usage.CLIENT_AUTH, Usage.SERVER_AUTH, Usage.TIMESTAMPING):
        with pytest.raises(NotAllowedError):
            check_chain(signer, ca, usage=usage)
    # It carries emailProtection (for openssl cms), yet signs no document.
    with pytest.raises(ChainError, match="signs only the list"):
        check_chain(signer, ca, usage=Usage.DOCUMENT_SIGNING)


# --- trust file version 3 ------------------------------------------------------------


def ids(org: Path) -> dict[str, str]:
    trust = load_trust(org / "trust.json")
    return {m.name: m.member_id for m in trust.members if m.member_id is not None}


def test_members_have_random_ids(org: Path) -> None:
    trust = load_trust(org / "trust.json")
    assert trust.version == 4 and len(trust.members) == 3
    found = [m.member_id for m in trust.members]
    for member_id in found:
        assert member_id is not None and uuid.UUID(member_id).version == 4
        assert member_id == str(uuid.UUID(member_id))  # lowercase, canonical
    assert len(set(found)) == 3
    assert [m["member_id"] for m in trust_doc(org)["members"]] == found
    first = trust.members[0]
    assert first.member_id is not None and trust.by_member_id(first.member_id) == first


def test_member_ids_survive_issue_and_remove(org: Path) -> None:
    before = ids(org)
    org_issue(org, "interviewer", "Ann Lee")
    after_issue = ids(org)
    assert {k: after_issue[k] for k in before} == before
    assert after_issue["Ann Lee"] not in before.values()
    org_remove(org, "Supervisor One")
    after_remove = ids(org)
    assert "Supervisor One" not in after_remove
    assert after_remove == {k: v for k, v in after_issue.items() if k != "Supervisor One"}
    org_issue(org, "supervisor", "Supervisor One")  # the same name again: a new person
    assert ids(org)["Supervisor One"] not in after_issue.values()


def _move(key: str, src: int, dst: int, *, to: str | None = None) -> Any:
    def mutate(doc: Any) -> None:
        doc["members"][dst][to or key] = doc["members"][src].pop(key)

    return mutate


def _set(index: int, key: str, value: Any) -> Any:
    return lambda doc: doc["members"][index].update({key: value})


@pytest.mark.parametrize(
    ("message", "mutate"),
    [
        (
            "member id of another member",
            lambda d: d["members"][1].update(member_id=d["members"][0]["member_id"]),
        ),
        ("'member_id' is not a lowercase random UUID", _set(0, "member_id", "not-a-uuid")),
        ("'member_id' is not a lowercase random UUID", _set(0, "member_id", str(uuid.uuid1()))),
        (
            "'member_id' is not a lowercase random UUID",
            lambda d: d["members"][0].update(member_id=d["members"][0]["member_id"].upper()),
        ),
        ("lacks the key 'member_id'", lambda d: d["members"][0].pop("member_id")),
        # Interviewer's authentication certificate on the intake member.
        (
            "role 'intake' has no 'authentication_certificate'",
            _move("authentication_certificate", 0, 2),
        ),
        # The intake's TLS certificate on an interviewer.
        ("role 'interviewer' has no 'tls_certificate'", _move("tls_certificate", 2, 0)),
        ("role 'supervisor' has no 'timestamp_certificate'", _move("timestamp_certificate", 2, 1)),
        (
            "'intake_url' is not usable: it must start with https://",
            lambda d: d.update(intake_url="http://localhost:8443"),
        ),
        (
            "'intake_url' is not usable: it must be only",
            lambda d: d.update(intake_url="https://localhost:8443/v1"),
        ),
        ("'intake_url' is not usable", lambda d: d.update(intake_url="https://user:pw@localhost")),
        ("not in Unicode normal form C", _set(0, "name", "Zoe\u0308 Evans")),
        ("'tls_certificate' is not a PEM certificate", _set(2, "tls_certificate", "hello")),
    ],
)
def test_trust_v3_is_parsed_strictly(org: Path, message: str, mutate: Any) -> None:
    doc = trust_doc(org)
    mutate(doc)
    resign(org, doc)
    with pytest.raises(VerificationError, match=message) as caught:
        load_trust(org / "trust.json")
    assert caught.value.code == "trust.malformed"


@pytest.mark.parametrize(
    "mutate",
    [
        # The interviewer's authentication certificate offered as the intake's TLS one.
        _move("authentication_certificate", 0, 2, to="tls_certificate"),
        # The intake's TLS certificate offered as the interviewer's authentication one.
        _move("tls_certificate", 2, 0, to="authentication_certificate"),
        # The intake's signing certificate as its time-stamping one.
        lambda d: d["members"][2].update(timestamp_certificate=d["members"][2]["certificate"]),
    ],
)
def test_trust_v3_checks_each_certificate_for_its_use(org: Path, mutate: Any) -> None:
    doc = trust_doc(org)
    mutate(doc)
    resign(org, doc)
    with pytest.raises(VerificationError, match="not allowed for this use") as caught:
        load_trust(org / "trust.json")
    assert caught.value.code == "trust.member_certificate_invalid"


def test_trust_v3_refuses_a_certificate_held_twice(org: Path) -> None:
    doc = trust_doc(org)
    # The same certificates under another name and id.
    doc["members"].append(
        {**doc["members"][0], "name": "Someone Else", "member_id": str(uuid.uuid4())}
    )
    resign(org, doc)
    with pytest.raises(VerificationError, match="certificate of another member"):
        load_trust(org / "trust.json")
    # Another member's authentication certificate names them, not this member.
    doc = trust_doc(org)
    doc["members"][1]["authentication_certificate"] = doc["members"][0][
        "authentication_certificate"
    ]
    resign(org, doc)
    with pytest.raises(VerificationError, match="names someone else"):
        load_trust(org / "trust.json")


def test_trust_v3_extra_certificates_are_optional(org: Path) -> None:
    doc = trust_doc(org)
    for member in doc["members"]:
        for key in ("authentication_certificate", "tls_certificate", "timestamp_certificate"):
            member.pop(key, None)
    doc.pop("intake_url")
    resign(org, doc)
    trust = load_trust(org / "trust.json")
    assert trust.intake_url is None
    assert all(m.extra_certificates() == {} for m in trust.members)


def test_trust_file_lists_every_certificate(org: Path) -> None:
    trust = load_trust(org / "trust.json")
    for member, role in zip(trust.members, ROLES, strict=True):
        assert member.role == role
        listed = [pki.fingerprint(c) for c in member.certificates()]
        on_disk = [pki.fingerprint(cert(org / role / n)) for n in CERT_FILES[role]]
        assert listed == on_disk


# --- names ---------------------------------------------------------------------------


def test_names_are_stored_nfc(org: Path) -> None:
    directory = org_issue(org, "supervisor", "Zoe\u0308 Evans")
    raw = (org / "trust.json").read_bytes()
    assert "Zo\u00eb Evans".encode() in raw
    assert "Zoe\u0308".encode() not in raw
    assert [m["name"] for m in trust_doc(org)["members"]][-1] == "Zo\u00eb Evans"
    member = load_trust(org / "trust.json").by_name("Zoe\u0308 Evans")
    assert member is not None and member.name == "Zo\u00eb Evans"
    assert pki.common_name(cert(directory / "cert.pem")) == "Zo\u00eb Evans"
    assert pki.common_name(cert(directory / "auth-cert.pem")) == "Zo\u00eb Evans"
    for spelling in ("Zo\u00eb Evans", "zoe\u0308  EVANS"):
        with pytest.raises(UsageError) as caught:
            org_issue(org, "intake", spelling)
        assert caught.value.code == "org.member_exists"
    # The name as the person types it removes them.
    assert org_remove(org, "Zoe\u0308 Evans").member.name == "Zo\u00eb Evans"


# --- finding a member by certificate -------------------------------------------------


def test_member_for_any_certificate(org: Path) -> None:
    trust = load_trust(org / "trust.json")
    auth = cert(org / "interviewer" / "auth-cert.pem")
    found = trust.member_for_any_certificate(auth)
    assert found is not None and found.name == "Interviewer One"
    assert trust.member_for_certificate(auth) is None  # only a signing certificate signs
    tls = cert(org / "intake" / "tls-cert.pem")
    intake = trust.member_for_any_certificate(tls)
    assert intake is not None and intake.role == "intake"
    assert trust.member_for_certificate(tls) is None
    signing = cert(org / "supervisor" / "cert.pem")
    assert trust.member_for_certificate(signing) == trust.member_for_any_certificate(signing)
    assert trust.member_for_any_certificate(trust.ca_cert) is None
    assert trust.member_for_any_certificate(cert(org / "trust-signer" / "cert.pem")) is None
