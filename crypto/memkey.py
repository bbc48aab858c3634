"""A certificate and its private key handed to OpenSSL without touching a disk.

Python's `ssl` loads a certificate chain only from a file. `load_chain_in_memory` writes
the certificate and the key, encrypted (PKCS#8, PBES2) under a random password that
exists only in this process's memory, into an anonymous memory file (`memfd_create`),
passes `/proc/self/fd/N` and the password to `load_cert_chain`, and closes it. Neither
the key nor its password is ever in a file a disk holds. The intake uses it for its TLS
server key, the sync client for the member's authentication key.
"""

from __future__ import annotations

import os
import secrets
import ssl

from cryptography import x509

from crypto import pki


class NoMemoryFile(RuntimeError):
    """This system has no memfd_create (the intake and sync run on Linux)."""


def load_chain_in_memory(
    ctx: ssl.SSLContext, cert: x509.Certificate, key: pki.PrivateKey, name: str
) -> None:
    """Load `cert` and `key` into `ctx` through a memfd named `name`."""
    if not hasattr(os, "memfd_create"):
        raise NoMemoryFile("this system cannot keep a TLS key in memory (no memfd_create)")
    password = secrets.token_urlsafe(32).encode("ascii")
    pem = pki.certificate_pem(cert) + pki.private_key_pem(key, password)
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    try:
        view = memoryview(pem)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        ctx.load_cert_chain(f"/proc/self/fd/{fd}", password=password)
    finally:
        os.close(fd)
