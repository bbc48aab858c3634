"""One module per screen of the desktop app."""
