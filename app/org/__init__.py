"""The organisation: its certificate authority, its members' identities and the signed
trust file that lists them.

    trust_format.py  the trust file's format: its model, writing it, strict parsing
    trust.py         reading a trust file and checking who signed it
    signer.py        the trust-list signer, which signs the trust file (not the CA)
    organisation.py  creating an organisation and writing its members' files
    membership.py    issuing and removing members, the policy (each publishes the next serial)
    policy.py        the organisation's policy: settings that belong to it, not to a laptop
    revocation.py    the revocation list (crl.der): org revoke
    identity.py      loading a staff member's own identity
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Each name is imported from its module on first use (PEP 562): importing one part of
# the package (app.org.policy, say) does not load the certificate authority, PKCS#12 and
# trust-file code with it, which every command line and the app's start would pay for.
_WHERE = {
    "Identity": "identity",
    "load_identity": "identity",
    **dict.fromkeys(
        ("PolicyChange", "Reissue", "Removal", "org_issue", "org_reissue", "org_remove",
         "org_set_policy"),
        "membership",
    ),
    **dict.fromkeys(
        ("CA_KEY_NAME", "DEFAULT_ORGANISATION", "MemberSummary", "OrgSummary", "org_init"),
        "organisation",
    ),
    **dict.fromkeys(
        ("NEXT_UPDATE_DAYS", "ROLES", "TRUST_NAME", "Member", "Trust", "load_ca_or_trust",
         "load_trust"),
        "trust",
    ),
}  # fmt: skip

if TYPE_CHECKING:
    from app.org.identity import Identity, load_identity
    from app.org.membership import (
        PolicyChange,
        Reissue,
        Removal,
        org_issue,
        org_reissue,
        org_remove,
        org_set_policy,
    )
    from app.org.organisation import (
        CA_KEY_NAME,
        DEFAULT_ORGANISATION,
        MemberSummary,
        OrgSummary,
        org_init,
    )
    from app.org.trust import (
        NEXT_UPDATE_DAYS,
        ROLES,
        TRUST_NAME,
        Member,
        Trust,
        load_ca_or_trust,
        load_trust,
    )


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'app.org' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"app.org.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CA_KEY_NAME",
    "DEFAULT_ORGANISATION",
    "NEXT_UPDATE_DAYS",
    "ROLES",
    "TRUST_NAME",
    "Identity",
    "Member",
    "MemberSummary",
    "OrgSummary",
    "PolicyChange",
    "Reissue",
    "Removal",
    "Trust",
    "load_ca_or_trust",
    "load_identity",
    "load_trust",
    "org_init",
    "org_issue",
    "org_reissue",
    "org_remove",
    "org_set_policy",
]
