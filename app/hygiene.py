"""Process hygiene applied once at start-up by both entry points.

umask 077 so that nothing we create is readable by others, core dumps off (and, on
Linux, the process marked not dumpable) so that a crash never writes key material to
disk, and logging configured exactly once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import warnings
from typing import Any

_configured = False

LOG = logging.getLogger("quietroom")


PR_SET_DUMPABLE = 4  # <linux/prctl.h>
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    os.umask(0o077)
    # A core file would hold the master key and decrypted case text.
    with contextlib.suppress(Exception):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # The size limit is ignored where the kernel pipes cores to a program
    # (systemd-coredump, apport); a process that is not dumpable gets no core at all, and
    # other processes of the same user cannot attach to it or read its memory either.
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> bool | None:
    """Whether this process may dump core (Linux; None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return bool(ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a line is logged, not the stream there was
    when logging was configured (which a test harness, or a redirect, may have closed)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


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
    handler = _StderrHandler()
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
