"""Who may export a statement and to whom: the author's role, the interviewer who took
the statement, and the age recipients a bundle (or a decision sent to the intake) is
encrypted to. Checked before anything of an export is read or written; the names are
importable from app/export/bundle.py too."""

from __future__ import annotations

from app.engine.engine import Engine
from app.errors import UsageError
from app.org import Identity, Member, Trust
from app.org.trust import name_key
from crypto.recovery import parse_recipient

DEFAULT_ROLES = ("supervisor", "intake")
# Only a member of the trust file with this role authors a statement (checked on export
# and again on verification).
AUTHOR_ROLE = "interviewer"
# An export never names more recipients than this (the verifier refuses an age header
# with more than 64 stanzas, app/export/agefile.py).
MAX_RECIPIENTS = 32


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits of a certificate's SHA-256, in groups of four, upper case:
    enough for a person to tell two members apart at a glance ("3F2A 9C41 0B7E 55D2")."""
    head = fingerprint[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def recipient_members(chosen: tuple[str, ...], trust: Trust | None) -> list[dict[str, str]]:
    """Who each age recipient is, as a person choosing recipients should see them: the
    member's name, role and signing certificate's fingerprint; an age key no member of
    the trust file holds is given as itself."""
    members = {m.age_recipient: m for m in trust.members} if trust is not None else {}
    out: list[dict[str, str]] = []
    for recipient in chosen:
        member = members.get(recipient)
        if member is None:
            out.append({"age_recipient": recipient})
        else:
            out.append({"name": member.name, "role": member.role,
                        "fingerprint": member.fingerprint})  # fmt: skip
    return out


def resolve_recipients(
    names: list[str] | None, trust: Trust | None, identity: Identity
) -> tuple[str, ...]:
    """age recipients from explicit names/keys, else the trust file's supervisors and
    intake; the author is always added so they can open what they sent."""
    if identity.age_recipient is None:
        raise UsageError(
            "export.no_own_age_identity",
            "your identity has no age identity, "
            "so you could not open your own export; import it with 'identity "
            "import --age-identity FILE'",
        )
    chosen: list[str] = []
    if names:
        for name in names:
            if name.startswith("age1"):
                try:
                    parse_recipient(name)
                except Exception:
                    raise UsageError(
                        "export.bad_age_recipient",
                        "'{start}…' is not a valid age recipient",
                        start=name[:20],
                    ) from None
                chosen.append(name)
                continue
            member = trust.by_name(name) if trust else None
            if member is None:
                if trust is None:
                    raise UsageError(
                        "export.trust_needed_for_names",
                        "import the "
                        "organisation's trust file to name recipients "
                        "('identity import --trust')",
                    )
                raise UsageError(
                    "export.not_a_member",
                    "'{name}' is not a member of the organisation's trust file",
                    name=name,
                )
            chosen.append(member.age_recipient)
    else:
        if trust is None:
            raise UsageError(
                "export.no_recipients",
                "import the organisation's trust file "
                "('identity import --trust') or name the recipients with "
                "--recipient",
            )
        chosen += [m.age_recipient for role in DEFAULT_ROLES for m in trust.by_role(role)]
        if not chosen:
            raise UsageError(
                "export.trust_lists_no_recipients",
                "the trust file lists no "
                "supervisor or intake service; name the recipients with "
                "--recipient",
            )
    chosen.append(identity.age_recipient)
    unique = tuple(sorted(set(chosen)))
    if len(unique) > MAX_RECIPIENTS:
        raise UsageError(
            "export.too_many_recipients",
            "a bundle can go to at most {limit} recipients, you included; "
            "{count} were chosen, so choose fewer",
            limit=MAX_RECIPIENTS,
            count=len(unique),
        )
    return unique


def check_author(identity: Identity, trust: Trust | None) -> None:
    """Only a member of the trust file with the role interviewer exports a statement:
    refused before anything is written (the vault's audit log included)."""
    if trust is None:
        raise UsageError(
            "export.trust_needed_for_role",
            "import the organisation's trust file first ('identity import --trust'): only "
            "a member with the role 'interviewer' may export a statement",
        )
    member = trust.member_for_certificate(identity.cert)
    if member is None:
        raise UsageError(
            "export.author_not_member",
            "your certificate is not in the organisation's trust file; only a member with "
            "the role 'interviewer' may export a statement",
        )
    if member.role != AUTHOR_ROLE:
        raise UsageError(
            "export.not_an_interviewer",
            "only a member with the role 'interviewer' may export a statement; the "
            "organisation's trust file gives you the role '{role}'",
            role=member.role,
        )


def check_statement_taker(engine: Engine, ref: str, identity: Identity, trust: Trust) -> Member:
    """Only the interviewer who took the statement (present at its sittings, by their
    member id, so a re-issued certificate still counts) may sign and export it. Sittings
    recorded before member ids are matched by name (or the case's interviewer)."""
    member = trust.member_for_certificate(identity.cert)
    assert member is not None  # check_author came first
    case = engine.case(ref)
    takers = [p for s in engine.sittings(ref) for p in s.present if p.role == AUTHOR_ROLE]
    with_ids = [p for p in takers if p.member_id]
    if with_ids:
        ok = member.member_id is not None and any(p.member_id == member.member_id for p in with_ids)
        names = sorted({p.name for p in with_ids})
    else:
        names = sorted({p.name for p in takers}) or ([case.interviewer] if case.interviewer else [])
        ok = name_key(member.name) in {name_key(n) for n in names}
    if not ok:
        raise UsageError(
            "export.not_statement_taker",
            "{signer} did not take this statement: the interviewer present at its sittings "
            "was {takers}; only they may sign and export it",
            signer=member.name,
            takers=", ".join(names) or "not recorded",
        )
    return member


def intake_recipients(trust: Trust | None) -> tuple[str, ...]:
    """The trust file's intake members' age recipients: a bundle or decision sent to the
    intake must be addressed to it."""
    found = tuple(m.age_recipient for m in trust.by_role("intake")) if trust else ()
    if not found:
        raise UsageError(
            "sync.no_intake",
            "the organisation's trust file lists no intake service, so nothing can be sent "
            "to it; ask your administrator",
        )
    return found
