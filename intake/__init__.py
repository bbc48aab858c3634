"""The central intake service the organisation runs (server side).

It receives the bundles and review decisions that laptops send, verifies them with the
very code `quietroom-cli verify` uses, keeps them (ciphertext only) in PostgreSQL with a
signed receipt for each, and hands them to their recipients. Layers: it may import app/
(never app.desktop or app.cli) and crypto/, never PySide6 or ui/; app/ never imports it.

- intake/errors.py: the intake's error types and their stable codes.
- intake/cluster.py: a throwaway PostgreSQL cluster for development and tests.
- intake/db.py: the connection pool and its error mapping.
- intake/migrations.py: the versioned schema and `migrate`.
- intake/store.py: every read and write the server makes (bundles, decisions, receipts,
  resumable uploads).
- intake/cli.py: `quietroom-intake`.
"""
