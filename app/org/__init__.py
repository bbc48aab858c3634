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
