"""The trust file the intake serves under, reloaded when the administrator publishes a
new one.

The intake answers only members of the *current* trust file, so removing a member
(`org remove`) takes effect without restarting it: `TrustSource.current()` looks at the
files' size and modification time at most every `interval` seconds and, when they
changed, verifies and loads the new file. A file that does not verify, or whose serial
is lower than the one being served (a rollback), is not taken: the intake keeps serving
the one it has and logs why. `GET /v1/trust` hands out exactly the bytes loaded (the
file and its signature), so laptops get the trust file the intake itself works with.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from app.errors import QuietroomError
from app.org.crl_file import CRL_NAME
from app.org.trust import TRUST_NAME, read_signed_trust, signature_path, trust_from_bytes
from app.org.trust_format import Trust
from crypto import pki

LOG = logging.getLogger("quietroom.intake")

CHECK_INTERVAL = 5.0  # seconds between looks at the trust file on disk


@dataclass(frozen=True)
class LoadedTrust:
    trust: Trust
    data: bytes  # trust.json as loaded
    signature: bytes  # trust.json.p7s


class TrustSource:
    """The current trust file (see the module)."""

    def __init__(
        self,
        loaded: LoadedTrust,
        *,
        path: Path | None = None,
        ca: Path | None = None,
        interval: float = CHECK_INTERVAL,
    ) -> None:
        self._loaded = loaded
        self._path = path
        self._ca = ca
        self._interval = interval
        self._lock = threading.Lock()
        self._stamp = self._file_stamp()
        self._checked = time.monotonic()

    @classmethod
    def from_files(
        cls, path: Path, ca: Path | None = None, *, interval: float = CHECK_INTERVAL
    ) -> TrustSource:
        """The trust file at `path` (a folder means its trust.json), verified with the CA
        certificate `ca` (default: ca.pem beside it)."""
        if path.is_dir():
            path = path / TRUST_NAME
        return cls(_load(path, ca), path=path, ca=ca, interval=interval)

    @classmethod
    def fixed(cls, data: bytes, signature: bytes, ca_cert: x509.Certificate) -> TrustSource:
        """A trust file given as bytes, never reloaded."""
        return cls(LoadedTrust(trust_from_bytes(data, signature, ca_cert), data, signature))

    @property
    def crl_path(self) -> Path | None:
        """Where the organisation's revocation list is published: `crl.der` beside the
        trust file (None for a trust file given as bytes)."""
        return self._path.parent / CRL_NAME if self._path is not None else None

    @property
    def loaded(self) -> LoadedTrust:
        return self._loaded

    @property
    def trust(self) -> Trust:
        return self._loaded.trust

    @property
    def ca_cert(self) -> x509.Certificate:
        return self._loaded.trust.ca_cert

    def current(self) -> LoadedTrust:
        """The trust file to use now, reloaded first if it changed on disk (checked at
        most once per interval). Blocking: the server calls it from a thread."""
        if self._path is None or time.monotonic() - self._checked < self._interval:
            return self._loaded
        self.reload()
        return self._loaded

    def reload(self, *, force: bool = False) -> bool:
        """Load the trust file again if it changed (or `force`); whether a new one is now
        served."""
        if self._path is None:
            return False
        with self._lock:
            self._checked = time.monotonic()
            stamp = self._file_stamp()
            if stamp == self._stamp and not force:
                return False
            self._stamp = stamp
            try:
                loaded = _load(self._path, self._ca)
            except QuietroomError as exc:
                LOG.warning("the new trust file %s was not taken: %s", self._path, exc)
                return False
            if pki.fingerprint(loaded.trust.ca_cert) != pki.fingerprint(self.ca_cert):
                LOG.warning("the new trust file %s is for another CA: not taken", self._path)
                return False
            if loaded.trust.serial < self.trust.serial:
                LOG.warning(
                    "the trust file %s has serial %d, older than the %d being served: not taken",
                    self._path,
                    loaded.trust.serial,
                    self.trust.serial,
                )
                return False
            changed = loaded.data != self._loaded.data
            self._loaded = loaded
            if changed:
                LOG.info("now serving trust file serial %d", loaded.trust.serial)
            return changed

    def _file_stamp(self) -> tuple[tuple[int, int], ...] | None:
        if self._path is None:
            return None
        stamps = []
        for p in (self._path, signature_path(self._path)):
            try:
                st = p.stat()
            except OSError:
                return None
            stamps.append((st.st_mtime_ns, st.st_size))
        return tuple(stamps)


def _load(path: Path, ca: Path | None) -> LoadedTrust:
    data, signature, ca_cert = read_signed_trust(path, ca)
    return LoadedTrust(trust_from_bytes(data, signature, ca_cert), data, signature)
