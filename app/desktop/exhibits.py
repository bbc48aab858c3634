"""The exhibits register from the desktop's side: the list a case shows beside the
statement, adding an exhibit (its file read here, on the worker thread, from the place
the interviewer chose) and removing one before signing.

Each task takes the Session first (ui/backend.py's `Backend.run` calls it on the worker
thread) and returns the register as it now stands, so the panel always shows what the
vault holds. The engine decides what is allowed (a reference in the MG11 habit, unique
in the case; nothing once the statement is signed); its refusal reaches the panel as
the task's error. A file is read into memory only and stored encrypted in the vault:
nothing of it is written anywhere else.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from app.desktop.session import Session
from app.engine.exhibits import (
    MAX_DESCRIPTION,
    MAX_EXHIBIT_BYTES,
    MAX_NUMBER,
    Exhibit,
    reference_problem,
)
from app.fsutil import cannot_read

__all__ = [
    "MAX_DESCRIPTION",
    "MAX_EXHIBIT_BYTES",
    "MAX_NUMBER",
    "Exhibit",
    "Register",
    "add_exhibit",
    "load_register",
    "reference_problem",
    "remove_exhibit",
]


@dataclass(frozen=True)
class Register:
    """What the exhibits panel shows: the current statement's exhibits, the reference
    suggested for the next one, and whether the register can still change."""

    exhibits: list[Exhibit]
    next_reference: str | None
    signed: bool


def load_register(session: Session, ref: str) -> Register:
    engine = session.engine
    return Register(
        exhibits=engine.exhibits(ref),
        next_reference=engine.next_exhibit_reference(ref),
        signed=engine.statement(ref).status == "signed",
    )


def read_exhibit_file(path: str) -> bytes:
    """The chosen file, read whole; one byte more than an exhibit may hold is enough for
    the engine to refuse it clearly (and an endless file is never read whole)."""
    try:
        # A pipe or device would block the worker (even opening a pipe waits for a
        # writer) or never end: ordinary files only.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise cannot_read(path, "it is not an ordinary file")
        with open(path, "rb") as fh:
            return fh.read(MAX_EXHIBIT_BYTES + 1)
    except OSError as exc:
        raise cannot_read(path, exc.strerror) from None


def add_exhibit(
    session: Session, ref: str, reference: str, description: str, path: str | None = None
) -> Register:
    """Add an exhibit (with the file at `path`, when one was chosen); the register."""
    data = read_exhibit_file(path) if path else None
    session.engine.add_exhibit(
        ref,
        reference,
        description,
        data=data,
        filename=Path(path).name if path else None,
    )
    return load_register(session, ref)


def remove_exhibit(session: Session, ref: str, reference: str) -> Register:
    """Take an exhibit off the register before signing; the register."""
    session.engine.remove_exhibit(ref, reference)
    return load_register(session, ref)
