"""Packing and unpacking the bundle's uncompressed POSIX tar, defensively.

Unpacking never touches the filesystem: entries are read into memory after checking
that each is a regular file with an expected plain name (no absolute path, no '..', no
link or device), appears once, and stays within its size limit (checked from its header,
before it is read). After the last entry comes the end-of-archive marker (two zero
blocks) and at most one record of zero padding: nothing else, so nothing can ride along
unseen after the archive's end.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterable, Mapping

from app.errors import VerificationError

MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 64
END_OF_ARCHIVE = 2 * tarfile.BLOCKSIZE  # two zero blocks


def pack(files: Iterable[tuple[str, bytes]], mtime: int) -> bytes:
    """A deterministic POSIX (pax) tar: fixed owner, mode 0600, the given time."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = mtime
            info.mode = 0o600
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _bad(detail: str) -> VerificationError:
    return VerificationError(
        "bundle.archive_unacceptable",
        "the bundle's archive is not acceptable: {detail}",
        detail=detail,
    )


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MiB"
    return f"{limit // 1024} KiB" if limit >= 1024 else f"{limit} bytes"


def unpack(
    data: bytes, allowed: frozenset[str], limits: Mapping[str, int] | None = None
) -> dict[str, bytes]:
    """The archive's files by name; anything unexpected is refused with a clear reason.
    `limits` gives a name's largest size (else MAX_ENTRY_BYTES)."""
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
            for count, member in enumerate(tar, start=1):
                if count > MAX_ENTRIES:
                    raise _bad("it has too many entries")
                name = member.name
                if name.startswith("/") or "\\" in name or ".." in name.split("/"):
                    raise _bad(f"the entry '{name[:80]}' points outside the bundle")
                if member.issym() or member.islnk():
                    raise _bad(f"the entry '{name[:80]}' is a link")
                if not member.isreg():
                    raise _bad(f"the entry '{name[:80]}' is not a regular file")
                if name not in allowed:
                    raise _bad(f"the entry '{name[:80]}' is not part of a Quietroom bundle")
                if name in files:
                    raise _bad(f"the entry '{name}' appears twice")
                limit = min(MAX_ENTRY_BYTES, (limits or {}).get(name, MAX_ENTRY_BYTES))
                if member.size > limit or member.size > len(data):
                    raise _bad(
                        f"the entry '{name}' is larger than any real bundle holds "
                        f"(at most {_size(limit)})"
                    )
                handle = tar.extractfile(member)
                content = handle.read(member.size + 1) if handle else b""
                if len(content) != member.size:
                    raise _bad(f"the entry '{name}' is truncated")
                files[name] = content
            end = tar.offset  # where the entry after the last would have begun
    except VerificationError:
        raise
    except (tarfile.TarError, EOFError, OSError, ValueError, UnicodeError) as exc:
        raise _bad(f"it is damaged ({type(exc).__name__})") from None
    _check_end(data, end)
    return files


def _check_end(data: bytes, end: int) -> None:
    """After the last entry: the end-of-archive marker, then at most one record of zero
    padding (tar pads an archive to a whole record), and nothing else."""
    extra = len(data) - end
    if extra > END_OF_ARCHIVE + tarfile.RECORDSIZE:  # checked first: no large copy below
        raise _bad("it has data after the end of the archive, more than a record of padding")
    if data[end:].strip(b"\0"):
        raise _bad("it has data after the end of the archive")
    if extra < END_OF_ARCHIVE or len(data) % tarfile.BLOCKSIZE:
        raise _bad("it does not end as a tar archive does (it may be truncated)")
