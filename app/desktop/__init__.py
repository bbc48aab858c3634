"""The desktop app's side of the core, with no Qt: the session (vault and engine,
unlocked and locked) and the tasks the interface runs on its worker thread. ui/ calls
these; it never touches the engine or the vault itself.

    session.py    Session: one person's vault and engine, unlocked and locked
    types.py      the core's data and limits the screens show or enforce (re-exported)
    vault.py      exists, keyring, create, unlock, lock; the identity kept in the vault
    cases.py      the case list, a reference in use, creating a case in one transaction
    workspace.py  opening a case, the screen's guide, autosave, place, timeline, notes
    sittings.py   start, pause (and who asked, why), resume, end, the pacing heartbeat
    statement.py  read-back, corrections, the witness's confirmation, signing
    bundles.py    export recipients, export then verify, checking a bundle received

A task is `fn(session, *args)`: ui/backend.py's `Backend.run(fn, *args, done=…,
failed=…)` calls it on the worker thread and hands its plain-data result (or the core's
error) back to the GUI thread.
"""
