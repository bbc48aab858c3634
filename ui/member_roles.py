"""The roles of the organisation's members (app/org: interviewer, supervisor, intake) as
words in the interface language.

The trust file stores a role as a fixed English identifier; every screen that names one
(the export's recipients, the identity screen) shows it through `role_name`, so a Welsh
interviewer never reads the identifier. A role this table does not know (a newer trust
file) is shown as it is, as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(role: str) -> str:
    """The member's role as the interface says it ("intake" is the service, in Welsh
    "gwasanaeth derbyn", never a team)."""
    names = {
        "interviewer": QCoreApplication.translate("MemberRoles", "interviewer"),
        "supervisor": QCoreApplication.translate("MemberRoles", "supervisor"),
        "intake": QCoreApplication.translate("MemberRoles", "intake service"),
    }
    return names.get(role, role)
