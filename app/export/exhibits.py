"""Exhibits in a bundle (format 2): their files, their record entries and their check.

An exhibit with a file travels in the bundle as `exhibits/<number>-<safe file name>`,
listed in the signed manifest with its SHA-256 like every other file; the record's
`exhibits` array lists every exhibit the statement produces (with or without a file)
and where its file is; the statement PDF lists references and descriptions. Verifying
checks that every file the record lists is present with its hash and that nothing else
is under `exhibits/`. This module owns those names (what the unpacker accepts beyond
the bundle's fixed files, and each one's size limit), the record entries, the lines the
statement lists, and the named check.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from typing import Any

from app.engine.engine import Engine
from app.engine.exhibits import MAX_EXHIBIT_BYTES, MIB, Exhibit, safe_filename
from app.errors import Phrase, UsageError, VaultError
from app.export.report import NO_RECORD_FOR_THEM, Report, clipped, joined
from app.render.document import ExhibitLine

FOLDER = "exhibits/"
CHECK = "exhibits"
# The first version of a bundle that may hold exhibits.
FIRST_VERSION = 2
_NAME = re.compile(r"exhibits/([1-9][0-9]{0,2})-([A-Za-z0-9._-]{1,100})")


def bundle_path(exhibit: Exhibit) -> str | None:
    """Where the exhibit's file is in the bundle; None when it has no file."""
    if not exhibit.has_file or exhibit.filename is None:
        return None
    return f"{FOLDER}{exhibit.number}-{exhibit.filename}"


def is_exhibit_name(name: str) -> bool:
    """Whether `name` is an exhibit's place in a bundle: the folder, a number from 1 to
    999 and a name that is already safe (so extracting it can go nowhere else)."""
    match = _NAME.fullmatch(name)
    return match is not None and safe_filename(match.group(2)) == match.group(2)


def exhibit_names(files: Mapping[str, bytes] | frozenset[str], version: int) -> frozenset[str]:
    """The exhibits' names among a bundle's files (none before FIRST_VERSION)."""
    if version < FIRST_VERSION:
        return frozenset()
    return frozenset(name for name in files if is_exhibit_name(name))


class BundleNames(frozenset[str]):
    """The names a bundle may hold: its fixed files, and any exhibit's place."""

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or (isinstance(name, str) and is_exhibit_name(name))


class BundleLimits(Mapping[str, int]):
    """The largest size of each file a bundle may hold, exhibits included."""

    def __init__(self, fixed: Mapping[str, int]) -> None:
        self._fixed = dict(fixed)

    def __getitem__(self, name: str) -> int:
        if name in self._fixed:
            return self._fixed[name]
        if is_exhibit_name(name):
            return MAX_EXHIBIT_BYTES
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._fixed)

    def __len__(self) -> int:
        return len(self._fixed)


# --- exporting ----------------------------------------------------------------------------


def document_lines(exhibits: tuple[Exhibit, ...] | list[Exhibit]) -> tuple[ExhibitLine, ...]:
    """What the statement lists: each exhibit it produces, by reference."""
    return tuple(ExhibitLine(e.reference, e.description) for e in exhibits)


def record_entries(exhibits: tuple[Exhibit, ...] | list[Exhibit]) -> list[dict[str, Any]]:
    """The record's `exhibits` array (record-v2.schema.json)."""
    return [
        {
            "number": e.number,
            "reference": e.reference,
            "description": e.description,
            "filename": e.filename,
            "media_type": e.media_type,
            "size": e.size,
            "sha256": e.sha256,
            "path": bundle_path(e),
        }
        for e in exhibits
    ]


def bundle_files(
    engine: Engine, ref: str, exhibits: tuple[Exhibit, ...] | list[Exhibit]
) -> dict[str, bytes]:
    """The exhibits' files by their place in the bundle, each checked against the
    SHA-256 stored when it was added (what the record will promise)."""
    files = {}
    for exhibit in exhibits:
        path = bundle_path(exhibit)
        if path is None:
            continue
        data = engine.exhibit_file(ref, exhibit.reference)
        if hashlib.sha256(data).hexdigest() != exhibit.sha256:
            raise VaultError(
                "exhibit.file_damaged",
                "the file of the exhibit {reference} no longer matches the SHA-256 stored "
                "with it; restore the vault from a backup",
                reference=exhibit.reference,
            )
        files[path] = data
    return files


def check_totals(files: Mapping[str, bytes], max_entries: int, max_bytes: int) -> None:
    """Refuse a bundle the verifier would refuse as a whole: more files than its archive
    may hold, or more bytes than a bundle may be (exhibits are what can make it so)."""
    if len(files) > max_entries:
        raise UsageError(
            "export.too_many_files",
            "the bundle would hold {count} files, more than the {limit} a bundle may hold, "
            "so nobody could verify it; nothing was exported",
            count=len(files),
            limit=max_entries,
        )
    check_bundle_size(sum(len(data) for data in files.values()), max_bytes)


def check_bundle_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise UsageError(
            "export.bundle_too_large",
            "the bundle would be larger than the {limit} MiB a bundle may be, so nobody "
            "could verify it; nothing was exported (its exhibits' files take the most room)",
            limit=max_bytes // MIB,
        )


# --- verifying ----------------------------------------------------------------------------


def check_exhibits(
    report: Report, files: Mapping[str, bytes], record: dict[str, Any] | None
) -> None:
    """Every exhibit file the record lists is in the bundle with its SHA-256 and size,
    in the place its number and file name give, and nothing else is under exhibits/
    (one line of the report, named CHECK)."""
    present = exhibit_names(files, FIRST_VERSION)
    if record is None:
        report.add(CHECK, False, NO_RECORD_FOR_THEM)
        return
    listed = record.get("exhibits") or []
    problems = []
    references = [entry["reference"] for entry in listed]
    if len(set(references)) != len(references):
        problems.append(Phrase("report.exhibit_twice", "the record lists a reference twice"))
    expected = set()
    for entry in listed:
        path = entry["path"]
        if path is None:
            if entry["sha256"] is not None:
                problems.append(
                    Phrase(
                        "report.exhibit_absent",
                        "{reference}'s file is not in the bundle",
                        reference=entry["reference"],
                    )
                )
            continue
        expected.add(path)
        if path != f"{FOLDER}{entry['number']}-{entry['filename']}":
            problems.append(
                Phrase(
                    "report.exhibit_misplaced",
                    "{reference}'s file is not where the record says",
                    reference=entry["reference"],
                )
            )
        elif path not in files:
            problems.append(Phrase("report.exhibit_missing", "{path} is missing", path=path))
        elif (
            hashlib.sha256(files[path]).hexdigest() != entry["sha256"]
            or len(files[path]) != entry["size"]
        ):
            problems.append(
                Phrase(
                    "report.exhibit_not_as_record",
                    "{path} does not match its SHA-256 in the record",
                    path=path,
                )
            )
    extra = sorted(present - expected)
    if extra:
        problems.append(
            Phrase(
                "report.exhibits_unlisted",
                "not listed in the record: {names}",
                names=", ".join(extra),
            )
        )
    with_files = len(expected)
    report.add(
        CHECK,
        not problems,
        clipped(joined(problems), 400)
        if problems
        else Phrase("report.exhibits_none", "the statement produces no exhibits")
        if not listed
        else Phrase(
            "report.exhibits",
            "{count} exhibit(s), {with_file} with a file, each as the record lists it",
            count=len(listed),
            with_file=with_files,
        ),
    )
