"""The interview engine: cases, the survivor, guides, sittings, statements, timeline, audit.

Plain Python over the vault; the desktop interface and the CLI are thin layers on it.
"""
