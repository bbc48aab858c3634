"""The sweep's cases for tests/core/test_cli_refusal_sweep.py: every README command with bad
input of every kind, as (id, arguments, exit code, part of the message). Placeholders in
braces ({missing}, {empty}, {garbage}, {zero}, ...) are files the test module makes."""

from __future__ import annotations

NOT_UTF8 = "caf\udce9"  # how Python passes on the bytes b"caf\xe9" of an argument
CONSENT_GIVEN = ["witness", "consent", "RUN-1", "--kind", "civil_proceedings", "--given"]
SIGN_READY = ["statement", "sign", "READY-1", "--witness-signature", "{svg}"]

SWEEP = [
    # (id, arguments, exit code, part of the message)
    # passphrase files
    ("pp-missing", ["--passphrase-file", "{missing}", "status"], 1, "cannot read"),
    ("pp-empty", ["--passphrase-file", "{empty}", "status"], 1, "is empty"),
    ("pp-garbage", ["--passphrase-file", "{garbage}", "status"], 1, "not UTF-8"),
    ("pp-endless", ["--passphrase-file", "{zero}", "status"], 1, "too large"),
    ("pp-wrong", ["--passphrase-file", "{wrong}", "status"], 2, "not correct"),
    # the vault itself
    ("vault-missing", ["--vault", "{missing}", "status", "--check"], 3, "there is no vault"),
    ("vault-is-a-file", ["--vault", "{file}", "case", "list"], 3, "there is no vault"),
    ("init-existing", ["init", "--no-keyring"], 1, "already exists"),
    (
        "passphrase-new-garbage",
        ["passphrase", "change", "--new-passphrase-file", "{garbage}"],
        1,
        "not UTF-8",
    ),
    ("backup-to-directory", ["backup", "--out", "{dir}"], 1, "is a directory"),
    ("backup-no-folder", ["backup", "--out", "{missing}/b.bak"], 1, "does not exist"),
    ("backup-empty-name", ["backup", "--out", ""], 1, "--out needs a file"),
    ("restore-empty", ["restore", "--from", "{empty}"], 3, "not a Quietroom vault backup"),
    ("restore-a-bundle", ["restore", "--from", "{bundle}"], 3, "not a Quietroom vault"),
    (
        "restore-identity-alone",
        ["restore", "--from", "{garbage}", "--identity", "{identity}"],
        1,
        "--new-passphrase-file",
    ),
    (
        "recover-missing-identity",
        ["recover", "--identity", "{missing}", "--new-passphrase-file", "{pp}"],
        1,
        "No such file or directory",
    ),
    (
        "recover-garbage-identity",
        ["recover", "--identity", "{garbage}", "--new-passphrase-file", "{pp}"],
        1,
        "not an age identity file",
    ),
    (
        "recover-no-recovery",
        ["recover", "--identity", "{identity}", "--new-passphrase-file", "{pp}"],
        2,
        "without a recovery",
    ),
    # cases and the survivor
    (
        "case-nul-reference",
        ["case", "create", "--category", "csa", "--reference", "A\x01B"],
        1,
        "one line",
    ),
    (
        "case-duplicate",
        ["case", "create", "--category", "csa", "--reference", "RUN-1"],
        1,
        "already exists",
    ),
    ("case-unknown", ["case", "show", "NO-SUCH-CASE"], 1, "no case has that id"),
    (
        "witness-break-huge",
        ["witness", "set", "--age-status", "over_18", "RUN-1", "--break-every", "9" * 30],
        1,
        "between 5 and 180",
    ),
    (
        "restricted-not-utf8",
        ["witness", "restricted", "RUN-1", "--address", NOT_UTF8],
        1,
        "not valid text",
    ),
    (
        "restricted-yes-no",
        ["witness", "restricted", "RUN-1", "--letters-safe", "maybe"],
        1,
        "yes or no",
    ),
    (
        "consent-empty",
        ["witness", "consent", "RUN-1", "--kind", " ", "--given"],
        1,
        "must not be empty",
    ),
    # the MG11's fields, the statement's language, dismissed hints (format 2)
    (
        "language-unknown",
        ["case", "set", "RUN-1", "--statement-language", "fr"],
        1,
        "invalid choice",
    ),
    (
        "language-after-signing",
        ["case", "set", "SIGNED-1", "--statement-language", "cy"],
        1,
        "can no longer change",
    ),
    ("hint-bad-rule", ["case", "hint-dismiss", "RUN-1", "--rule", "No Rule"], 1, "by its id"),
    (
        "hint-reason-not-utf8",
        ["case", "hint-dismiss", "RUN-1", "--rule", "q", "--reason", NOT_UTF8],
        1,
        "not valid text",
    ),
    (
        "abe-reference-alone",
        ["witness", "set", "RUN-1", "--abe-reference", "ABE-1"],
        1,
        "only kept for a visually recorded",
    ),
    (
        "consent-limit-not-utf8",
        [*CONSENT_GIVEN, "--limit", NOT_UTF8],
        1,
        "not valid text",
    ),
    (
        "court-answer-unknown",
        ["witness", "restricted", "RUN-1", "--willing-to-attend-court", "maybe"],
        1,
        "invalid choice",
    ),
    ("pause-update-nothing", ["sitting", "pause-update", "RUN-1"], 1, "--reason or both"),
    (
        "sign-consents-garbage",
        [*SIGN_READY, "--consent-signature", "{garbage}"],
        1,
        "PNG or JPEG",
    ),
    (
        "sign-consents-endless",
        [*SIGN_READY, "--consent-signature", "{zero}"],
        1,
        "too large",
    ),
    # sittings, out of order
    ("end-no-sitting", ["sitting", "end", "READY-1"], 1, "no sitting"),
    ("start-after-signing", ["sitting", "start", "SIGNED-1"], 1, "statement is signed"),
    (
        "start-bad-role",
        ["sitting", "start", "READY-1", "--present", "boss\u202e:X"],
        1,
        "unknown role",
    ),
    (
        "start-long-location",
        ["sitting", "start", "READY-1", "--location", "l" * 400],
        1,
        "too long",
    ),
    (
        "reason-no-such-pause",
        ["sitting", "reason", "RUN-1", "--reason", "x", "--pause", "7"],
        1,
        "no such pause",
    ),
    # the statement
    (
        "write-garbage",
        ["statement", "write", "RUN-1", "--section", "account", "--file", "{garbage}"],
        1,
        "not UTF-8",
    ),
    (
        "write-nul",
        ["statement", "append", "RUN-1", "--section", "account", "--file", "{nul}"],
        1,
        "NUL",
    ),
    (
        "write-endless",
        ["statement", "append", "RUN-1", "--section", "account", "--file", "{zero}"],
        1,
        "too large",
    ),
    (
        "history-unknown-section",
        ["statement", "history", "RUN-1", "--section", NOT_UTF8],
        1,
        "unknown section",
    ),
    (
        "readback-correction-garbage",
        ["statement", "readback", "READY-1", "--confirmed", "--correction-file", "{garbage}"],
        1,
        "not UTF-8",
    ),
    (
        "readback-correction-empty",
        ["statement", "readback", "READY-1", "--confirmed", "--correction-file", "{empty}"],
        1,
        "names no section",
    ),
    (
        "sign-missing",
        ["statement", "sign", "READY-1", "--witness-signature", "{missing}"],
        1,
        "cannot read",
    ),
    (
        "sign-empty",
        ["statement", "sign", "READY-1", "--witness-signature", "{empty}"],
        1,
        "PNG or JPEG",
    ),
    (
        "sign-too-large",
        ["statement", "sign", "READY-1", "--witness-signature", "{bigsig}"],
        1,
        "too large (at most 2 MB)",
    ),
    (
        "sign-bad-strokes",
        ["statement", "sign", "READY-1", "--witness-signature", "{strokes}"],
        1,
        "strokes are not valid",
    ),
    ("further-unsigned", ["statement", "further", "RUN-1"], 1, "not signed yet"),
    # notes, timeline, audit
    ("note-empty", ["note", "add", "RUN-1", "--file", "{empty}"], 1, "empty"),
    ("note-huge", ["note", "add", "RUN-1", "--file", "{huge}"], 1, "too large"),
    (
        "timeline-long-when",
        ["timeline", "add", "RUN-1", "--when", "1" * 300, "--what", "x"],
        1,
        "too long",
    ),
    (
        "timeline-control",
        ["timeline", "add", "RUN-1", "--when", "1990", "--what", "a\x1b[2Jb"],
        1,
        "control characters",
    ),
    ("audit-unknown", ["audit", "verify", "NOPE"], 1, "no case has that id"),
    # identities and exports
    (
        "identity-cert-missing",
        ["identity", "import", "--cert", "{missing}", "--key", "{pp}"],
        1,
        "does not exist",
    ),
    (
        "identity-cert-garbage",
        ["identity", "import", "--cert", "{garbage}", "--key", "{garbage}"],
        1,
        "cannot use this identity",
    ),
    (
        "identity-trust-unsigned",
        [
            "identity",
            "import",
            "--cert",
            "{org}/interviewer/cert.pem",
            "--key",
            "{org}/interviewer/key.pem",
            "--trust",
            "{garbage}",
        ],
        4,
        "not signed",
    ),
    ("export-unsigned", ["export", "RUN-1", "--out", "{base}/x.qrb"], 1, "only a signed statement"),
    ("export-to-directory", ["export", "SIGNED-1", "--out", "{dir}"], 1, "is a folder"),
    ("export-no-folder", ["export", "SIGNED-1", "--out", "{missing}/x.qrb"], 1, "does not exist"),
    (
        "export-unknown-recipient",
        ["export", "SIGNED-1", "--out", "{base}/x.qrb", "--recipient", "Nobody Known"],
        1,
        "not a member",
    ),
    (
        "export-bad-age-key",
        ["export", "SIGNED-1", "--out", "{base}/x.qrb", "--recipient", "age1notakey"],
        1,
        "not a valid age recipient",
    ),
    # verifying (no vault needed)
    (
        "verify-missing",
        ["verify", "{missing}", "--identity", "{identity}", "--trust", "{trust}"],
        1,
        "cannot read",
    ),
    (
        "verify-garbage",
        ["verify", "{garbage}", "--identity", "{identity}", "--trust", "{trust}"],
        4,
        "not an age-encrypted file",
    ),
    (
        "verify-identity-garbage",
        ["verify", "{bundle}", "--identity", "{garbage}", "--trust", "{trust}"],
        1,
        "not an age identity file",
    ),
    (
        "verify-trust-garbage",
        ["verify", "{bundle}", "--identity", "{identity}", "--trust", "{garbage}"],
        4,
        "readable certificate",
    ),
    (
        "verify-extract-not-empty",
        [
            "verify",
            "{bundle}",
            "--identity",
            "{identity}",
            "--trust",
            "{trust}",
            "--extract",
            "{dir}",
        ],
        1,
        "not empty",
    ),
    (
        "verify-empty-name",
        ["verify", "", "--identity", "{identity}", "--trust", "{trust}"],
        1,
        "FILE.qrb needs a file",
    ),
    (
        "org-issue-no-ca",
        ["org", "issue", "--org", "{dir}", "--role", "intake", "--name", "X"],
        1,
        "ca-key.pem",
    ),
    ("org-init-not-empty", ["org", "init", "--out", "{org}"], 1, "not an empty directory"),
    (
        "org-init-days-not-a-number",
        ["org", "init", "--out", "{missing}", "--next-update-days", "soon"],
        1,
        "invalid int value",
    ),
    (
        "org-issue-zero-days",
        [
            *("org", "issue", "--org", "{org}", "--role", "intake", "--name", "X"),
            *("--next-update-days", "0"),
        ],
        1,
        "1 to 366 days",
    ),
    (
        "org-remove-no-such-member",
        ["org", "remove", "--org", "{org}", "--member", "Nobody Here"],
        1,
        "no member named 'Nobody Here'",
    ),
    (
        "org-remove-negative-days",
        [
            *("org", "remove", "--org", "{org}", "--member", "Supervisor One"),
            *("--next-update-days", "-5"),
        ],
        1,
        "1 to 366 days",
    ),
    (
        "org-remove-not-an-organisation",
        ["org", "remove", "--org", "{dir}", "--member", "Supervisor One"],
        1,
        "trust.json does not exist",
    ),
    # usage
    ("missing-id", ["statement", "show"], 1, "required"),
]

# The --json variant of a sample: errors still on stderr, and on stdout as one JSON object
# {"error": {"code", "message"}} (see assert_refused).
JSON_SAMPLE = {
    "pp-wrong",
    "vault-missing",
    "restore-empty",
    "write-garbage",
    "verify-garbage",
    "verify-trust-garbage",
}
