"""Exports: the bundle (one age-encrypted file per export), its record, the PAdES
signature of the statement PDF, and `verify`. Uses the engine only through its public
API and the documents drawn by app/render/."""
