"""The central intake service the organisation runs (server side).

It receives the bundles and review decisions that laptops send, verifies them with the
very code `quietroom-cli verify` uses, keeps them (ciphertext only) in PostgreSQL with a
signed, time-stamped receipt for each, and hands them to their recipients; it is also the
organisation's time-stamping authority. Layers: it may import app/ (never app.desktop or
app.cli) and crypto/, never PySide6 or ui/; app/ never imports it.

- intake/errors.py: the intake's error types and their stable codes.
- intake/cluster.py: a throwaway PostgreSQL cluster for development and tests.
- intake/db.py: the connection pool and its error mapping.
- intake/migrations.py: the versioned schema and `migrate`.
- intake/store.py: every read and write the server makes (bundles, decisions, receipts,
  resumable uploads).
- intake/identity.py: the intake's own keys (receipt signing, TLS, age) from its folder.
- intake/trust_source.py: the trust file being served, reloaded when it changes.
- intake/tls.py: the mutual-TLS server context (the key through a memfd) and who calls.
- intake/receipts.py: receipt.json and its detached CMS signature.
- intake/tsa.py: the RFC 3161 time-stamping authority (`POST /v1/timestamp`, receipts'
  time stamps).
- intake/refusals.py: JSON errors and their HTTP statuses.
- intake/server.py: the HTTP API on aiohttp's server (docs/sync-protocol.md).
- intake/serving.py: running it (in the foreground, or in a thread for tests).
- intake/config.py, intake/launch.py: `serve`'s configuration, and starting `dev`/`serve`.
- intake/cli.py: `quietroom-intake`.
"""
