"""Asking the OS to keep windows with case content out of screen capture (best effort).

Windows: SetWindowDisplayAffinity(WDA_EXCLUDEFROMCAPTURE). macOS: NSWindow
sharingType = NSWindowSharingNone. Linux (X11/Wayland) offers no such request, so
nothing is done there; docs/threat-model.md says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import sys

from PySide6.QtWidgets import QWidget

LOG = logging.getLogger("quietroom.ui")

WDA_EXCLUDEFROMCAPTURE = 0x11


def exclude_from_capture(window: QWidget) -> bool:
    """Apply the exclusion to the window's current native handle; True if applied."""
    handle = int(window.winId())
    with contextlib.suppress(Exception):
        if sys.platform == "win32":  # pragma: no cover - Windows only
            user32 = ctypes.windll.user32  # type: ignore[attr-defined]
            return bool(user32.SetWindowDisplayAffinity(handle, WDA_EXCLUDEFROMCAPTURE))
        if sys.platform == "darwin":  # pragma: no cover - macOS only
            objc = ctypes.cdll.LoadLibrary("/usr/lib/libobjc.A.dylib")
            objc.sel_registerName.restype = ctypes.c_void_p
            objc.objc_msgSend.restype = ctypes.c_void_p
            objc.objc_msgSend.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
            ns_window = objc.objc_msgSend(handle, objc.sel_registerName(b"window"))
            if ns_window:
                set_type = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long)(
                    ("objc_msgSend", objc)
                )
                set_type(ns_window, objc.sel_registerName(b"setSharingType:"), 0)
                return True
    return False
