"""Supervisor review: opening bundles for review, reading them, deciding, and the
decision file that carries the decision back to the interviewer.

    inbox.py      opening a bundle for review (verified first, stored whole) and the list
    summary.py    what the supervisor reads beside the PDF, from record.json
    checklist.py  the review checklist from the guides, and the answers file
    decision.py   deciding: decision.json, its signature, the countersigned PDF, the .qrr
    decision_verify.py  checking a .qrr from outside (no vault) and importing it
"""
