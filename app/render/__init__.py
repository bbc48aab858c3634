"""The documents Quietroom draws: the MG11-style statement PDF, the restricted-details
PDF and the witness's signature art, with the embedded font they share, in English or
Welsh. Plain Python over reportlab; it knows nothing of the vault, the engine or bundles.

    document.py         the data a document is drawn from (built by the export)
    fonts.py            the embedded font, text cleaning and the glyph check
    wording.py          every printed word, in English and Welsh; dates in words
    layout.py           shared type setting: page geometry, styles, the page count
    signature_art.py    the witness's signature: strokes, images, and the PDF form
    statement_parts.py  the statement's drawn parts and page furniture
    mg11.py             the statement
    restricted_pdf.py   the personal details page, kept apart from the statement
"""
