"""Export documents: the MG11-style statement PDF, the restricted-details PDF and their
PAdES signatures. Plain Python over reportlab and pyHanko; no Qt."""
