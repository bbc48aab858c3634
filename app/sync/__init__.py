"""Sync with the organisation's intake: deliver the outbox exactly once, with verified
receipts, and fetch what is addressed to this member (bundles to review, decisions).

Plain Python over httpx; the desktop app runs it on its own network thread, the CLI in
`sync run`. The vault is touched only in short transactions between network calls.
"""
