"""The new-case flow's consents step: the MG11 back page's consents and items.

The four consents the MG11 lists, each given, withdrawn or not asked, with any limit the
survivor puts on it; the organisation's own two; then whether the criminal justice
process was explained, the leaflet given, whether they would attend court (and what
would help), and the Witness Service referral. Values only: the core checks them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.desktop.cases import MG11_CONSENTS
from ui.screens.base import accessible
from ui.screens.new_case_steps import FormStep

# The organisation's own consents, stored as written (the record must not depend on the
# interface language).
OTHER_CONSENTS = ("contact by the supervisor", "referral to an ISVA")
LIMIT_LENGTH = 500  # the core's limit for a consent's limit
COURT_NOTE_LENGTH = 500  # and for the note about attending court
ITEM_KEYS = (
    "process_explained",
    "leaflet_given",
    "willing_to_attend_court",
    "witness_service_referral",
)


def limit_key(kind: str) -> str:
    return f"{kind}.limit"


class ConsentsStep(FormStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Consents")
        self.note(
            self.tr("Record what the survivor has said about each; leave the rest as not asked.")
        )
        states = [
            (self.tr("Not asked"), None),
            (self.tr("Given"), "given"),
            (self.tr("Withdrawn"), "withdrawn"),
        ]
        labels = {
            "medical_records_access": self.tr(
                "The police having access to their medical records in relation to this matter"
            ),
            "medical_records_defence": self.tr(
                "Their medical records being disclosed to the defence"
            ),
            "civil_proceedings": self.tr(
                "The statement being disclosed for civil proceedings (for example, child "
                "care proceedings)"
            ),
            "share_with_agencies": self.tr(
                "Their details being shared with agencies that support victims"
            ),
        }
        for kind in MG11_CONSENTS:
            combo = self.choice(kind, labels[kind], states)
            limit = self.line(
                limit_key(kind),
                self.tr("Limit on this consent, if any"),
                placeholder=self.tr("for example, GP records 1990–1995 only"),
                limit=LIMIT_LENGTH,
            )
            accessible(limit, self.tr("Limit on: %1").replace("%1", labels[kind]))
            limit.setEnabled(False)  # a limit belongs to an answer
            combo.currentIndexChanged.connect(
                lambda _index, c=combo, edit=limit: edit.setEnabled(c.currentData() is not None)
            )
        self.choice(OTHER_CONSENTS[0], self.tr("Contact by the supervisor"), states)
        self.choice(OTHER_CONSENTS[1], self.tr("Referral to an ISVA"), states)
        self.note(self.tr("After the statement"), name="subtitle")
        unknown = [(self.tr("Not asked"), None), (self.tr("Yes"), True), (self.tr("No"), False)]
        self.choice(
            "process_explained",
            self.tr(
                "The criminal justice process and the Victim Personal Statement scheme explained"
            ),
            unknown,
        )
        self.choice(
            "leaflet_given",
            self.tr(
                "Leaflet given: “Giving a witness statement to the police – what happens next?”"
            ),
            unknown,
        )
        self.choice(
            "willing_to_attend_court",
            self.tr("Willing to attend court"),
            [
                (self.tr("Not asked"), None),
                (self.tr("Yes"), "yes"),
                (self.tr("No"), "no"),
                (self.tr("Not sure"), "not_sure"),
            ],
        )
        self.line(
            "court_note",
            self.tr("What would help them attend court, or why not"),
            limit=COURT_NOTE_LENGTH,
        )
        self.choice(
            "witness_service_referral",
            self.tr("Consents to their details going to the Witness Service"),
            unknown,
        )

    def consents(self) -> list[tuple[str, str, str]]:
        """(kind, state, limit) for every consent the survivor answered."""
        answered = []
        for kind in (*MG11_CONSENTS, *OTHER_CONSENTS):
            state = self.value(kind)
            if state:
                limit = self.value(limit_key(kind)) if kind in MG11_CONSENTS else ""
                answered.append((kind, state, limit))
        return answered

    def restricted_values(self) -> dict[str, Any]:
        """The back page's items that were answered (kept with the restricted details)."""
        values: dict[str, Any] = {k: self.value(k) for k in ITEM_KEYS if self.value(k) is not None}
        values.update(self.texts(("court_note",)))
        return values

    def clear(self) -> None:
        super().clear()
        for kind in MG11_CONSENTS:  # back to "not asked": the limit waits for an answer
            self.fields[limit_key(kind)].setEnabled(False)
