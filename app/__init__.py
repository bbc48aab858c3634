"""Quietroom core: vault, cases, interview engine, statements, audit and CLI (no Qt)."""

__version__ = "0.1.0"
