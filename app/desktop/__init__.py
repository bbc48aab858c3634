"""The desktop app's side of the core, with no Qt: the session (vault and engine,
unlocked and locked) and the tasks the interface runs on its worker thread. ui/ calls
these; it never touches the engine or the vault itself."""
