"""Recovering a vault whose passphrase (or device secret) is lost, with the
organisation's recovery identity."""

from __future__ import annotations

import logging
from pathlib import Path

from app.errors import UsageError, VaultError
from app.vault import keys, personal, restore_journal
from app.vault.database import open_database, typed_errors
from app.vault.migrations import migrate
from app.vault.recovery_mark import check_recovery, mark_recovery
from app.vault.throttle import Throttle
from app.vault.vault import Vault, database_path, read_header, vault_exists
from crypto import kdf

LOG = logging.getLogger("quietroom.vault")


def stronger_params(stored: kdf.KdfParams, fresh: kdf.KdfParams) -> kdf.KdfParams:
    """The stronger of a header's KDF parameters and freshly chosen ones, field by field:
    a header that could not be authenticated (recovery has no passphrase) may have been
    edited to make guessing cheaper, and must never lower the cost."""
    return kdf.KdfParams(
        memory_kib=max(stored.memory_kib, fresh.memory_kib),
        iterations=max(stored.iterations, fresh.iterations),
        lanes=max(stored.lanes, fresh.lanes),
    )


def recover(
    root: Path,
    identity_text: str,
    new_passphrase: str,
    *,
    kdf_params: kdf.KdfParams | None = None,
) -> Vault:
    """Restore access with the organisation's recovery identity and a new passphrase.

    The master key is opened from the recovery envelope, proven against the database
    (and the header's recovery part against its digest there), then bound to a fresh
    device secret in this machine's keyring (when one is available) and wrapped under
    the new passphrase with KDF parameters never weaker than freshly calibrated ones
    (`kdf_params` stands in for the calibration), whatever the unauthenticated header
    says. The member's own secrets are withheld: the recovery identity never opens
    them, so the member imports their identity again. Running it again after a crash
    is safe: the recovery envelope itself never changes.
    """
    keys.check_new_passphrase(new_passphrase)
    restore_journal.finish_pending(root)
    if not vault_exists(root):
        # The usual way here is a new machine with only a backup: say how to restore it.
        raise VaultError(
            "recovery.no_vault",
            "there is no vault at {path} to recover; to "
            "restore a backup with the recovery identity, use 'quietroom-cli "
            "restore --from FILE --identity AGE_IDENTITY_FILE "
            "--new-passphrase-file F'",
            path=root,
        )
    header = read_header(root)
    master = keys.open_recovery(header, identity_text)
    try:
        with keys.database_key(master) as dbkey, typed_errors():
            conn, version = open_database(database_path(root), dbkey)
        vault = Vault(root, header, conn, master, version)
    except BaseException:
        master.close()
        raise
    try:
        with typed_errors():
            migrate(conn)
        with vault.transaction() as tx:
            if check_recovery(tx, header):
                mark_recovery(tx, header.recovery)
            vault.identity_withheld = personal.withhold(tx)
        params = stronger_params(header.kdf, kdf_params or kdf.calibrate())
        personal_key = keys.new_personal_key()
        vault._personal = personal_key
        try:
            # Under a new item name: a restored copy shares its original's secret (the
            # live vault beside it may be bound to it), so that one is never replaced.
            binding = keys.new_binding(True, header.vault_id, keys.new_secret_item(header.vault_id))
        except UsageError:
            LOG.warning("no OS keyring available: the recovered vault is passphrase-only")
            binding = keys.Binding(None, None)
        try:
            new_header = keys.wrap_master(
                master,
                personal_key,
                new_passphrase,
                vault_id=header.vault_id,
                params=params,
                binding=binding,
                recovery_part=header.recovery,
            )
        finally:
            binding.close()
        vault._write_header(new_header)
        Throttle(header.vault_id).record_success()
    except BaseException:
        vault.close()
        raise
    return vault
