"""Keys and primitives: KDF, key wrapping, keyring binding, recovery envelopes.

This package stands below the core: it imports neither app/ nor ui/.
"""
