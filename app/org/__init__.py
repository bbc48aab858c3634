"""The organisation: its certificate authority, its members' identities and the signed
trust file that lists them.

    trust.py         the trust file: its format, signature check and members
    organisation.py  creating an organisation, issuing members, loading an identity
"""

from app.org.organisation import (
    CA_KEY_NAME,
    DEFAULT_ORGANISATION,
    Identity,
    MemberSummary,
    OrgSummary,
    load_identity,
    org_init,
    org_issue,
)
from app.org.trust import (
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
    "ROLES",
    "TRUST_NAME",
    "Identity",
    "Member",
    "MemberSummary",
    "OrgSummary",
    "Trust",
    "load_ca_or_trust",
    "load_identity",
    "load_trust",
    "org_init",
    "org_issue",
]
