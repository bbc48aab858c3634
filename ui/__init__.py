"""Quietroom's PySide6 desktop interface: thin screens over the core in app/."""
