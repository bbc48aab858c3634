"""Process hygiene applied once at start-up by both entry points.

umask 077 so that nothing we create is readable by others, core dumps off so that a
crash never writes key material to disk, and logging configured exactly once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import warnings

_configured = False

LOG = logging.getLogger("quietroom")


def harden_process() -> None:
    os.umask(0o077)
    # A core file would hold the master key and decrypted case text.
    with contextlib.suppress(Exception):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def configure_logging(debug: bool = False) -> None:
    """Configure stdlib logging once: stderr only, never a file.

    Log calls in Quietroom carry event names and identifiers, never case content,
    passphrases or keys; keeping logs off disk is a second line of defence.
    """
    global _configured
    level = logging.DEBUG if debug else logging.WARNING
    quiet_library_warnings(debug)
    if _configured:
        logging.getLogger("quietroom").setLevel(level)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("quietroom: %(levelname)s: %(name)s: %(message)s"))
    root = logging.getLogger("quietroom")
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    _configured = True


def quiet_library_warnings(debug: bool) -> None:
    """Keep library warnings (a dependency's deprecation notice, say) off the person's
    screen: an error is one line, and a newer library must not add a second. With
    --debug they go to the log like everything else diagnostic."""
    if debug:
        logging.captureWarnings(True)
        logging.getLogger("py.warnings").addHandler(logging.StreamHandler(sys.stderr))
    else:
        warnings.simplefilter("ignore")


def startup(debug: bool = False) -> None:
    harden_process()
    configure_logging(debug)
