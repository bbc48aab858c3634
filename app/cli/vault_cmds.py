"""CLI commands that manage the vault itself: init, status, passphrase, backup, restore,
recover."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import Context, read_passphrase_file
from app.errors import QuietroomError, UsageError, VaultError
from app.fsutil import read_limited
from app.org.organisation import identity_file_unreadable, not_an_age_identity_file
from app.vault import backup
from app.vault.database import vault_disk_full
from app.vault.recover import recover
from app.vault.vault import Vault

WITHHELD_NOTE = (
    "the member's signing identity was not restored (the recovery identity never opens "
    "it): they import it again with 'identity import' before they can sign or export"
)
POLICY_TRUST_VERSION = 4  # as app/engine/identity.py: trust files that carry the policy


def cmd_init(ctx: Context) -> int:
    passphrase = ctx.passphrase(confirm=True)
    with Vault.create(
        ctx.vault_dir,
        passphrase,
        use_keyring=not ctx.args.no_keyring,
        recovery_recipient=ctx.args.recovery_recipient,
    ) as vault:
        info = vault.status()
    if not info["recovery"]:
        ctx.note(
            "this vault has no recovery recipient: if the passphrase is forgotten, "
            "nothing can recover it"
        )
    if not info["keyring"]:
        ctx.note("this vault is protected by the passphrase only (no OS keyring)")
    ctx.emit(info, f"Created a vault at {info['vault']}.")
    return 0


def _status_text(info: dict[str, object]) -> str:
    kdf = info["kdf"]
    assert isinstance(kdf, dict)
    lines = [
        f"vault:          {info['vault']}",
        f"cipher:         SQLCipher {info['cipher_version']}",
        f"key derivation: Argon2id, {kdf['memory_kib'] // 1024} MiB, "
        f"{kdf['iterations']} iterations, {kdf['lanes']} lanes",
        "keyring:        "
        + (
            f"bound ({info['keyring_backend']})"
            if info["keyring"]
            else "none: this vault is passphrase-only"
        ),
        "recovery:       "
        + (
            f"yes ({info['recovery_recipient']})"
            if info["recovery"]
            else "none: a forgotten passphrase cannot be recovered"
        ),
        f"schema version: {info['schema_version']}",
    ]
    if "integrity" in info:
        lines.append(f"integrity:      {info['integrity']}")
    if info.get("disk_full"):
        lines.append("disk:           full: nothing can be saved until there is space")
    return "\n".join(lines)


def cmd_status(ctx: Context) -> int:
    with ctx.open_vault() as vault:
        info = vault.status(check=ctx.args.check)
    error: QuietroomError | None = (
        None
        if info.get("integrity") != "damaged"
        else VaultError(
            "vault.integrity_problems",
            "the vault database is damaged ({count} problems found "
            "by the integrity check); restore it from a backup",
            count=info["integrity_problems"],
        )
    )
    if error is None and info.get("disk_full"):
        error = vault_disk_full()
    ctx.emit(info, lambda: _status_text(info), error=error)
    if error is not None:
        raise error
    return 0


def cmd_passphrase_change(ctx: Context) -> int:
    new = read_passphrase_file(ctx.args.new_passphrase_file, "new passphrase")
    with ctx.open_vault() as vault:
        if ctx.args.rekey:
            from app.vault.rekey import rekey

            rekey(vault, new)
        else:
            vault.change_passphrase(new)
    if ctx.args.rekey:
        ctx.emit(
            {"changed": True, "rekeyed": True},
            "The passphrase has been changed and the vault re-keyed: a copy of the old "
            "header and the old passphrase no longer open anything.",
        )
    else:
        ctx.emit({"changed": True, "rekeyed": False}, "The passphrase has been changed.")
    return 0


def cmd_backup(ctx: Context) -> int:
    out = Path(ctx.args.out)
    with ctx.open_vault() as vault:
        size = backup.write_backup(vault, out)
    ctx.emit({"backup": str(out), "bytes": size}, f"Wrote the backup to {out}.")
    return 0


def _read_identity(name: str) -> str:
    try:
        return read_limited(Path(name), 64 * 1024).decode("utf-8")
    except OSError as exc:
        raise identity_file_unreadable(name, exc.strerror) from None
    except ValueError:  # too large, or not UTF-8 text (UnicodeDecodeError)
        raise not_an_age_identity_file(name) from None


def cmd_restore(ctx: Context) -> int:
    identity_file = getattr(ctx.args, "identity", None)
    new_file = getattr(ctx.args, "new_passphrase_file", None)
    if identity_file is None:
        if new_file is not None:
            raise UsageError(
                "cli.new_passphrase_without_identity",
                "--new-passphrase-file is "
                "only used with --identity (restore --from FILE keeps the "
                "backup's passphrase)",
            )
        backup.restore(ctx.vault_dir, Path(ctx.args.source), ctx.passphrase())
        ctx.emit(
            {"restored": True, "vault": str(ctx.vault_dir)},
            f"Restored the vault at {ctx.vault_dir}.",
        )
        return 0
    if new_file is None:
        raise UsageError(
            "cli.identity_without_new_passphrase",
            "restore --identity also "
            "needs --new-passphrase-file FILE: the restored vault will open with "
            "that new passphrase",
        )
    identity = _read_identity(identity_file)
    new = read_passphrase_file(new_file, "new passphrase")
    restored = backup.restore_with_identity(ctx.vault_dir, Path(ctx.args.source), identity, new)
    header = restored.header
    if not header.keyring_bound:
        ctx.note("no OS keyring was available: the restored vault is passphrase-only")
    if restored.identity_withheld:
        ctx.note(WITHHELD_NOTE)
    ctx.emit(
        {
            "restored": True,
            "vault": str(ctx.vault_dir),
            "keyring": header.keyring_bound,
            "keyring_backend": header.keyring_backend,
            "recovery": True,
            "identity_withheld": restored.identity_withheld,
        },
        f"Restored the vault at {ctx.vault_dir}; it now opens with the new passphrase.",
    )
    return 0


def cmd_recover(ctx: Context) -> int:
    identity = _read_identity(ctx.args.identity)
    new = read_passphrase_file(ctx.args.new_passphrase_file, "new passphrase")
    with recover(ctx.vault_dir, identity, new) as vault:
        info = vault.status()
        withheld = vault.identity_withheld
    if not info["keyring"]:
        ctx.note("no OS keyring was available: the recovered vault is passphrase-only")
    if withheld:
        ctx.note(WITHHELD_NOTE)
    ctx.emit(
        {"recovered": True, "identity_withheld": withheld, **info},
        "Access restored; the vault now opens with the new passphrase.",
    )
    return 0


def cmd_recovery_reseal(ctx: Context) -> int:
    with ctx.engine() as engine:
        trust = engine.trust()
        if trust is None:
            raise UsageError(
                "recovery.no_trust_file",
                "this vault has no trust file, which names the organisation's recovery "
                "recipient; import one with 'identity import --trust FILE'",
            )
        if trust.version < POLICY_TRUST_VERSION or trust.policy.recovery_recipient is None:
            raise UsageError(
                "recovery.not_in_trust_file",
                "the organisation's trust file names no recovery recipient (its "
                "administrator sets one with 'org policy --recovery-recipient'); nothing "
                "was changed",
            )
        changed = engine.apply_recovery_policy()
        info = engine.vault.status()
    recipient = info["recovery_recipient"]
    text = f"The recovery envelope is sealed to the organisation's recovery recipient {recipient}."
    ctx.emit(
        {"resealed": changed, "recovery": info["recovery"], "recovery_recipient": recipient},
        text if changed else f"Nothing to change. {text}",
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create a new vault")
    p.add_argument(
        "--no-keyring", action="store_true", help="protect the vault with the passphrase only"
    )
    p.add_argument(
        "--recovery-recipient",
        metavar="AGE_RECIPIENT",
        help="also wrap the key to the organisation's recovery key (age1…)",
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("status", parents=[common], help="show how the vault is protected")
    p.add_argument("--check", action="store_true", help="also run the full integrity check")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("passphrase", parents=[common], help="change the passphrase")
    psub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    pc = psub.add_parser("change", parents=[common], help="change the vault passphrase")
    pc.add_argument("--new-passphrase-file", required=True, metavar="FILE")
    pc.add_argument(
        "--rekey",
        action="store_true",
        help="also re-key the vault (a new master key, the database re-encrypted): use it "
        "when the old passphrase may have been seen; a plain change revokes nothing",
    )
    pc.set_defaults(handler=cmd_passphrase_change)

    p = sub.add_parser("backup", parents=[common], help="write an encrypted backup file")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="replace the vault with a backup")
    p.add_argument("--from", dest="source", required=True, metavar="FILE")
    p.add_argument(
        "--identity",
        metavar="AGE_IDENTITY_FILE",
        help="restore with the organisation's recovery identity instead of the "
        "backup's passphrase and device secret (e.g. on another machine)",
    )
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="with --identity: the passphrase the restored vault will open with",
    )
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser(
        "recover", parents=[common], help="restore access with the organisation's recovery identity"
    )
    p.add_argument("--identity", required=True, metavar="AGE_IDENTITY_FILE")
    p.add_argument("--new-passphrase-file", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser(
        "recovery", parents=[common], help="the vault's recovery envelope (organisation's key)"
    )
    rsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    rp = rsub.add_parser(
        "reseal",
        parents=[common],
        help="seal the recovery envelope to the recipient the trust file names",
    )
    rp.set_defaults(handler=cmd_recovery_reseal)
