"""The pages of the new-case flow: labelled fields that hold values, never rules (the
consents step is new_case_consents.py's).

Each step lays its fields out top to bottom in reading order (label above field, inside
a scroll area, so nothing clips at 200% text size), clears itself, and hands its values
to NewCaseScreen, which asks the worker to save them (the core checks them). A refusal
is the step's problem summary, which takes the focus, with the same words beside the
field and tied to it (ui/widgets/problems.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.desktop.types import MAX_INTERVIEWER, MAX_REFERENCE, MAX_SHORT_CHARS, ROLES, Participant
from ui.screens.base import accessible, plain_label
from ui.widgets.accessible_roles import Group
from ui.widgets.notice import ERROR, say
from ui.widgets.problems import clear_summary, show_summary, tie_beside, untie_beside
from ui.widgets.range_spin import RangeSpinBox, range_note

# The core's limits, so longer input is cut while typing rather than refused at Finish.
MAX_LINE = MAX_SHORT_CHARS
MAX_ABE_REFERENCE = 100


class FormStep(QWidget):
    """A page of labelled fields in reading order, with a calm message at the top."""

    focusables_changed = Signal()  # rows were added or removed: the tab order needs redoing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.fields: dict[str, QWidget] = {}
        self._defaults: dict[str, Any] = {}
        self._tied: tuple[QWidget, QLabel | None] | None = None  # the field in error
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.message = plain_label(name="message")
        self.message.hide()
        outer.addWidget(self.message)
        # Not `self.scroll`: that would shadow QWidget.scroll().
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget(scroll)
        body.setObjectName("screen")
        column = QVBoxLayout(body)
        self.form = QVBoxLayout()
        self.form.setSpacing(12)
        column.addLayout(self.form)
        column.addStretch(1)  # fields stay together at the top however tall the window
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    # --- building -------------------------------------------------------------------

    def note(self, text: str, name: str = "hint") -> None:
        self.form.addWidget(plain_label(text, name=name))

    def _add(self, key: str, label: str, widget: QWidget, hint: str = "") -> Any:
        group = QVBoxLayout()  # a label sits close to its own field, apart from the next
        group.setSpacing(2)
        if isinstance(widget, QCheckBox):  # a check box carries its own label, hint below
            group.addWidget(widget)
            if hint:
                group.addWidget(plain_label(hint, name="hint"))
        else:
            caption = plain_label(label)
            caption.setBuddy(widget)
            group.addWidget(caption)
            if hint:
                group.addWidget(plain_label(hint, name="hint"))
            group.addWidget(widget)
        self.form.addLayout(group)
        accessible(widget, label, hint)
        self.fields[key] = widget
        return widget

    def line(
        self, key: str, label: str, hint: str = "", *, placeholder: str = "", limit: int = MAX_LINE
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(limit)
        edit.setPlaceholderText(placeholder)
        return self._add(key, label, edit, hint)

    def text(self, key: str, label: str, hint: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        return self._add(key, label, edit, hint)

    def choice(
        self, key: str, label: str, options: list[tuple[str, Any]], hint: str = ""
    ) -> QComboBox:
        combo = QComboBox()
        for text, data in options:
            combo.addItem(text, data)
        return self._add(key, label, combo, hint)

    def spin(
        self,
        key: str,
        label: str,
        low: int,
        high: int,
        default: int,
        *,
        special: str = "",
        suffix: str = "",
        hint: str = "",
    ) -> QSpinBox:
        spin = RangeSpinBox(low, high, default)
        spin.setSpecialValueText(special)
        spin.setSuffix(suffix)
        self._defaults[key] = default
        self._add(key, label, spin, hint)
        for inner in spin.findChildren(QLineEdit):  # the editor inside takes the focus
            accessible(inner, label, hint)
        # The range under the field, and why a typed value was refused.
        shown_low = low + 1 if special else low  # the lowest is "not given" when special
        self.form.addWidget(
            range_note(
                spin,
                self.tr("From %1 to %2").replace("%1", str(shown_low)).replace("%2", str(high)),
            )
        )
        return spin

    def check(self, key: str, label: str, hint: str = "") -> QCheckBox:
        return self._add(key, label, QCheckBox(label), hint)

    # --- values ---------------------------------------------------------------------

    def value(self, key: str) -> Any:
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise KeyError(key)

    def texts(self, keys: tuple[str, ...]) -> dict[str, Any]:
        """The non-empty values among keys (empty means "not given": nothing is sent)."""
        return {key: value for key in keys if (value := self.value(key)) not in ("", None)}

    def widget_for(self, key: str | None) -> QWidget | None:
        return self.fields.get(key or "")

    def focusables(self) -> list[QWidget]:
        return list(self.fields.values())

    def show_message(self, text: str, field: QWidget | None = None) -> None:
        """A refusal. With the field it is about: the message at the top takes the focus
        (Tab, or typing, leads on to the field), and the same words stand beside the
        field, tied to it. Without (the worker failed): the message alone, announced."""
        if self._tied is not None:
            untie_beside(*self._tied)
            self._tied = None
        if field is None or not text:
            clear_summary(self.message)
            say(self.message, text, ERROR)
            return
        self.scroll_area.ensureWidgetVisible(field)
        show_summary(self.message, text, field)
        self._tied = (field, tie_beside(field, self.message.text()))

    def has_content(self) -> bool:
        """Has anything been entered here (a value other than the field's default)?"""
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit) and widget.text().strip():
                return True
            if isinstance(widget, QPlainTextEdit) and widget.toPlainText().strip():
                return True
            if isinstance(widget, QComboBox) and widget.currentIndex() > 0:
                return True
            if isinstance(widget, QSpinBox) and widget.value() != self._defaults.get(
                key, widget.minimum()
            ):
                return True
            if isinstance(widget, QCheckBox) and widget.isChecked():
                return True
        return False

    def clear(self) -> None:
        self.show_message("")
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.clear()
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QSpinBox):
                widget.setValue(self._defaults.get(key, widget.minimum()))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)


class CaseStep(FormStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Case")
        # The three categories in a group named by the line above them: a screen reader
        # says "Category" as the focus enters them, and with each one.
        category = self.tr("Category")
        self.category_group = Group(self)
        accessible(self.category_group, category)
        categories = QVBoxLayout(self.category_group)
        categories.setContentsMargins(0, 0, 0, 0)
        categories.setSpacing(self.form.spacing())
        categories.addWidget(plain_label(category, name="subtitle"))
        self.form.addWidget(self.category_group)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for key, text, explanation in (
            (
                "csa",
                self.tr("CSA (non-recent)"),
                self.tr("Child sexual abuse, usually told years later by an adult survivor."),
            ),
            (
                "apsp",
                self.tr("APSP"),
                self.tr("Abuse of position for a sexual purpose by police officers or staff."),
            ),
            (
                "general",
                self.tr("General"),
                self.tr("Any other statement, with the general interview guide."),
            ),
        ):
            radio = QRadioButton(text)
            accessible(radio, text, explanation)
            self.group.addButton(radio)
            self.radios[key] = radio
            group = QVBoxLayout()
            group.setSpacing(0)
            group.addWidget(radio)
            group.addWidget(plain_label(explanation, name="hint"))
            categories.addLayout(group)
        self.line("reference", self.tr("Case reference (required)"), limit=MAX_REFERENCE)
        self.line("interviewer", self.tr("Interviewer name"), limit=MAX_INTERVIEWER)
        self.choice(
            "statement_language",
            self.tr("Language of the statement"),
            [(self.tr("English"), "en"), (self.tr("Welsh (Cymraeg)"), "cy")],
            self.tr(
                "The statement and its back page are written in this language. A Welsh "
                "statement is signed with the organisation's approved Welsh declaration."
            ),
        )
        self.note(self.tr("Planning"), name="subtitle")
        recorded = self.choice(
            "visually_recorded",
            self.tr("How the account will be taken"),
            [
                (self.tr("Not decided yet"), None),
                (self.tr("A written statement"), False),
                (self.tr("A visually recorded interview (ABE)"), True),
            ],
        )
        reference = self.line(
            "abe_reference",
            self.tr("Reference of the visual recording"),
            self.tr("Needed for a visually recorded interview; printed on the statement."),
            limit=MAX_ABE_REFERENCE,
        )
        reference.setEnabled(False)
        recorded.currentIndexChanged.connect(
            lambda _index: reference.setEnabled(recorded.currentData() is True)
        )

    def recording_values(self) -> dict[str, Any]:
        """The MG11's "visually recorded" and its reference, when decided."""
        recorded = self.value("visually_recorded")
        if recorded is None:
            return {}
        values: dict[str, Any] = {"visually_recorded": recorded}
        if recorded:
            values.update(self.texts(("abe_reference",)))
        return values

    def category(self) -> str | None:
        return next((key for key, radio in self.radios.items() if radio.isChecked()), None)

    def widget_for(self, key: str | None) -> QWidget | None:
        if key == "category":
            return self.radios.get(self.category() or "csa")
        return super().widget_for(key)

    def focusables(self) -> list[QWidget]:
        return [*self.radios.values(), *super().focusables()]

    def has_content(self) -> bool:
        return self.category() is not None or super().has_content()

    def clear(self) -> None:
        super().clear()
        self.fields["abe_reference"].setEnabled(False)
        self.group.setExclusive(False)  # an exclusive group refuses to uncheck its last button
        for radio in self.radios.values():
            radio.setChecked(False)
        self.group.setExclusive(True)


class SurvivorStep(FormStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Survivor")
        self.line("name", self.tr("Name to appear on the statement (required)"))
        self.line(
            "preferred_name",
            self.tr("Preferred name"),
            self.tr("What they would like to be called in the room."),
        )
        self.line("pronouns", self.tr("Pronouns"), placeholder=self.tr("for example she/her"))
        self.spin(
            "age_under_18", self.tr("Age, if under 18"), 0, 17, 0, special=self.tr("Not given")
        )
        self.text("communication_needs", self.tr("Communication needs"))
        self.line("language", self.tr("Language"))
        needed = self.check("interpreter_needed", self.tr("Interpreter needed"))
        language = self.line("interpreter_language", self.tr("Interpreter's language"))
        language.setEnabled(False)
        needed.toggled.connect(language.setEnabled)

    def witness_values(self) -> dict[str, Any]:
        values = self.texts(
            ("name", "preferred_name", "pronouns", "communication_needs", "language")
        )
        if self.value("age_under_18"):
            values["age_under_18"] = self.value("age_under_18")
        values["interpreter_needed"] = self.value("interpreter_needed")
        if values["interpreter_needed"]:
            values.update(self.texts(("interpreter_language",)))
        return values


class PreferencesStep(FormStep):
    """The survivor's own preferences. A break interval is theirs only if they asked for
    one: unticked, nothing is stored and the interview guide's pacing applies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Preferences and needs")
        chosen = self.check(
            "break_chosen",
            self.tr("The survivor would like breaks at a set interval"),
            self.tr(
                "Leave this unticked if they have no preference: the "
                "interview guide's pacing is used. They can ask for a "
                "break at any time either way."
            ),
        )
        every = self.spin(
            "break_every_minutes", self.tr("A break every"), 5, 180, 30, suffix=self.tr(" minutes")
        )
        every.setEnabled(False)
        chosen.toggled.connect(every.setEnabled)
        self.text("avoid", self.tr("Topics or words to avoid"))
        self.text("support_wanted", self.tr("Support wanted"))

    def set_break_default(self, minutes: int) -> None:
        """The interval offered when the survivor asks for one (the app's setting)."""
        self._defaults["break_every_minutes"] = minutes
        self.fields["break_every_minutes"].setValue(minutes)  # type: ignore[attr-defined]

    def witness_values(self) -> dict[str, Any]:
        values = self.texts(("avoid", "support_wanted"))
        if self.value("break_chosen"):
            values["break_every_minutes"] = self.value("break_every_minutes")
        return values


class RestrictedStep(FormStep):
    TEXT_KEYS = (
        "date_of_birth",
        "address",
        "phone",
        "email",
        "safe_contact",
        "safe_times",
        "dates_to_avoid",
        "special_measures",
        "other_needs",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Restricted details")
        self.note(self.tr("Kept apart from the statement; never printed in it."), name="subtitle")
        unknown = [(self.tr("Unknown"), None), (self.tr("Yes"), True), (self.tr("No"), False)]
        self.line(
            "date_of_birth",
            self.tr("Date of birth"),
            self.tr("Day/month/year, for example 21/03/1979. Leave it empty if it is not known."),
            placeholder=self.tr("DD/MM/YYYY"),
            limit=40,
        )
        self.text("address", self.tr("Address"))
        self.line("phone", self.tr("Phone"))
        self.line("email", self.tr("Email"))
        self.text("safe_contact", self.tr("Safe contact instructions"))
        self.line("safe_times", self.tr("Safe times to make contact"))
        self.choice("voicemail_safe", self.tr("Safe to leave a voicemail"), unknown)
        self.choice("letters_safe", self.tr("Safe to send letters"), unknown)
        self.line("dates_to_avoid", self.tr("Dates to avoid"))
        self.text("special_measures", self.tr("Special measures"))
        self.text("other_needs", self.tr("Other needs"))
        self.choice("vps_offered", self.tr("Victim personal statement offered"), unknown)

    def restricted_values(self) -> dict[str, Any]:
        values = self.texts(self.TEXT_KEYS)
        for key in ("voicemail_safe", "letters_safe", "vps_offered"):
            if self.value(key) is not None:
                values[key] = self.value(key)
        return values


class PersonRow(QFrame):
    """One person who will be present: role, name, and the language for an interpreter."""

    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        labels = {
            "interviewer": self.tr("Interviewer"),
            "second_interviewer": self.tr("Second interviewer"),
            "intermediary": self.tr("Registered Intermediary"),
            "isva": self.tr("ISVA"),
            "interpreter": self.tr("Interpreter"),
            "supporter": self.tr("Supporter"),
            "appropriate_adult": self.tr("Appropriate adult"),
        }
        layout = QVBoxLayout(self)
        self.caption = plain_label(name="subtitle")
        self.role = QComboBox()
        for role, fallback in ROLES.items():
            if role != "witness":  # the survivor is always there and never listed
                self.role.addItem(labels.get(role, fallback), role)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_LINE)
        self.language = QLineEdit()
        self.language.setMaxLength(MAX_LINE)
        self.isva_note = plain_label(
            self.tr("An ISVA is there for support and stays outside the evidential chain."),
            name="hint",
        )
        self.remove = QPushButton(self.tr("Remove"))
        self.role_caption = plain_label(self.tr("Role"))
        self.name_caption = plain_label(self.tr("Name"))
        self.language_caption = plain_label(self.tr("Interpreter's language"))
        for caption, field in (
            (self.role_caption, self.role),
            (self.name_caption, self.name),
            (self.language_caption, self.language),
        ):
            caption.setBuddy(field)
        for widget in (
            self.caption,
            self.role_caption,
            self.role,
            self.isva_note,
            self.name_caption,
            self.name,
            self.language_caption,
            self.language,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        self.role.currentIndexChanged.connect(lambda index: self._role_changed())
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._role_changed()

    def set_number(self, number: int) -> None:
        person = self.tr("Person %1").replace("%1", str(number))
        self.caption.setText(person)
        accessible(self.role, self.tr("Role, %1").replace("%1", person))
        accessible(self.name, self.tr("Name, %1").replace("%1", person))
        accessible(self.language, self.tr("Interpreter's language, %1").replace("%1", person))
        accessible(self.remove, self.tr("Remove %1").replace("%1", person))

    def _role_changed(self) -> None:
        role = self.role.currentData()
        self.isva_note.setVisible(role == "isva")
        for widget in (self.language_caption, self.language):
            widget.setVisible(role == "interpreter")

    def participant(self) -> Participant:
        role = str(self.role.currentData())
        language = self.language.text().strip() if role == "interpreter" else ""
        return Participant(role, self.name.text().strip(), language or None)

    def focusables(self) -> list[QWidget]:
        return [self.role, self.name, self.language, self.remove]


class PresentStep(FormStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Who will be present")
        self.note(self.tr("Everyone who will be in the room besides the survivor."))
        self.rows: list[PersonRow] = []
        self.rows_layout = QVBoxLayout()
        self.form.addLayout(self.rows_layout)
        self.add_button = QPushButton(self.tr("&Add person"))
        accessible(self.add_button, self.tr("Add person"))
        self.add_button.clicked.connect(lambda: self.add_row().role.setFocus())
        self.form.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.prefilled = False

    def add_row(self, role: str = "interviewer", name: str = "") -> PersonRow:
        row = PersonRow()
        row.role.setCurrentIndex(max(0, row.role.findData(role)))
        row.name.setText(name)
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        row.show()  # at once (a layout would only show it on the next event loop pass)
        self._renumber()
        return row

    def remove_row(self, row: PersonRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self._discard(row)
        self._renumber()
        following = self.rows[index].role if index < len(self.rows) else self.add_button
        following.setFocus()

    def _discard(self, row: PersonRow) -> None:
        # Emptied and detached at once: deleteLater only frees it on a later event loop pass.
        row.name.clear()
        row.language.clear()
        self.rows_layout.removeWidget(row)
        row.setParent(None)
        row.deleteLater()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)
        self.focusables_changed.emit()

    def participants(self) -> list[Participant]:
        return [row.participant() for row in self.rows]

    def first_unnamed(self) -> QWidget | None:
        return next((row.name for row in self.rows if not row.name.text().strip()), None)

    def focusables(self) -> list[QWidget]:
        return [*(w for row in self.rows for w in row.focusables()), self.add_button]

    def has_content(self) -> bool:
        # The interviewer's row is filled in from the first step: only more counts.
        own = self.rows[1:] if self.prefilled else self.rows
        return any(row.name.text().strip() for row in own) or super().has_content()

    def clear(self) -> None:
        super().clear()
        for row in self.rows:
            self._discard(row)
        self.rows.clear()
        self.prefilled = False
        self.focusables_changed.emit()
