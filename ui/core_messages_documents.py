"""The core's messages about the documents a statement becomes: the witness's signature and
initials, the statement's PDF and its signing, the MG11 form it is printed on, and the
interview guides it follows, as source strings for Qt's translation system (context
"CoreMessages"), by code. Part of the table `ui/core_messages.py` translates with (see
its docstring for why each is a literal in a QCoreApplication.translate call)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

DOCUMENT_MESSAGES: dict[str, Callable[[], str]] = {
    # the witness's signature and initials, from the pad or a stored drawing
    "signature.bad_coordinates": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file has invalid coordinates."
    ),
    "signature.file_too_large": lambda: QCoreApplication.translate(
        "CoreMessages", "the signature file is too large (at most 2 MB)"
    ),
    "signature.image_damaged": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature image is damaged or not a PNG or JPEG file."
    ),
    "signature.image_not_png_jpeg": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature image is not a PNG or JPEG file."
    ),
    "signature.image_too_large": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature image is larger than 2 MB."
    ),
    "signature.image_too_many_pixels": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature image is larger than {side}×{side} pixels."
    ),
    "signature.no_strokes": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file contains no strokes."
    ),
    "signature.not_an_image": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file is not a PNG, JPEG or SVG image."
    ),
    "signature.not_svg": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file is not an SVG image."
    ),
    "signature.stored_strokes_damaged": lambda: QCoreApplication.translate(
        "CoreMessages", "The stored signature strokes are damaged."
    ),
    "signature.strokes_invalid": lambda: QCoreApplication.translate(
        "CoreMessages", "the signature strokes are not valid"
    ),
    "signature.svg_invalid": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file is not a valid SVG image."
    ),
    "signature.svg_too_deep": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file is nested too deeply."
    ),
    "signature.svg_too_large": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file is larger than 1 MB."
    ),
    "signature.too_complex": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature drawing is too complex (over {limit} points)."
    ),
    "signature.too_large": lambda: QCoreApplication.translate(
        "CoreMessages", "the signature is too large (at most 2 MB)"
    ),
    "signature.unknown_format": lambda: QCoreApplication.translate(
        "CoreMessages",
        "the signature must be a PNG or JPEG image, an SVG drawing, or strokes captured by the "
        "signature pad",
    ),
    "signature.unsupported_type": lambda: QCoreApplication.translate(
        "CoreMessages", "unsupported signature format"
    ),
    "signature.unusable_size": lambda: QCoreApplication.translate(
        "CoreMessages", "The signature file has an unusable size."
    ),
    # the statement as a PDF: its font, and signing it
    "pdf.missing_glyphs": lambda: QCoreApplication.translate(
        "CoreMessages",
        "The {what} contains {count} character(s) the PDF font cannot show ({shown}).",
    ),
    "pdf.signing_failed": lambda: QCoreApplication.translate(
        "CoreMessages", "The document could not be signed: {detail}."
    ),
    "pdf.signing_key_mismatch": lambda: QCoreApplication.translate(
        "CoreMessages", "The signing key does not belong to the signing certificate."
    ),
    "pdf.signing_material_unreadable": lambda: QCoreApplication.translate(
        "CoreMessages", "The signing certificate or key could not be read."
    ),
    "pdf.unreadable": lambda: QCoreApplication.translate(
        "CoreMessages", "The document to sign is not a readable PDF."
    ),
    # the MG11 form the statement is printed on
    "mg11.declaration_placeholder": lambda: QCoreApplication.translate(
        "CoreMessages",
        "The s.9 declaration must contain {{n}} exactly once, where the page count goes.",
    ),
    "mg11.no_reader_name": lambda: QCoreApplication.translate(
        "CoreMessages", "The name of the person who read the statement to the witness is missing."
    ),
    "mg11.no_signature": lambda: QCoreApplication.translate(
        "CoreMessages", "The statement has no signature."
    ),
    "mg11.no_text": lambda: QCoreApplication.translate(
        "CoreMessages", "The statement has no text."
    ),
    "mg11.no_witness_name": lambda: QCoreApplication.translate(
        "CoreMessages", "The statement has no witness name."
    ),
    "mg11.welsh_declaration_missing": lambda: QCoreApplication.translate(
        "CoreMessages",
        "A Welsh statement needs the s.9 declaration in Welsh as the organisation approved it; "
        "there is no built-in Welsh wording.",
    ),
    "mg11.witness_age": lambda: QCoreApplication.translate(
        "CoreMessages", "The witness's age must be under 18, or left out."
    ),
    "render.language_unknown": lambda: QCoreApplication.translate(
        "CoreMessages", "The statement language {language} is not English (en) or Welsh (cy)."
    ),
    "render.no_time_zone": lambda: QCoreApplication.translate(
        "CoreMessages",
        "The time zone data for {zone} is missing, so UK local times cannot be printed.",
    ),
    # the interview guides
    "guide.broken": lambda: QCoreApplication.translate(
        "CoreMessages", "broken interview guide {name}: {detail}"
    ),
    "guide.broken_translation": lambda: QCoreApplication.translate(
        "CoreMessages", "broken interview guide translation {name}: {detail}"
    ),
    "guide.unknown_category": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown category {category}; choose csa, apsp or general"
    ),
    "guide.unknown_language": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown language {language!r}; give a code such as en or cy"
    ),
    "guide.unknown_phase": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown phase {phase}; this guide has: {known}"
    ),
    "guide.unknown_section": lambda: QCoreApplication.translate(
        "CoreMessages", "unknown section {section}; this guide has: {known}"
    ),
    "guide.version_missing": lambda: QCoreApplication.translate(
        "CoreMessages",
        "this case was started with version {version} of the {category} guide, which this copy "
        "of Quietroom does not have; install the version that has it",
    ),
}
