"""Text out of the PDFs our renderers write, without a PDF text tool: each page's text in
content-stream order, with the signature form marked where it is drawn and the page-total
form's text inlined. Shared by the MG11 golden tests and the interop tests."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from app.render.mg11 import SIG_FORM

SIG_MARK = "\x00SIG\x00"
SIGNED = "Signature:\n" + SIG_MARK  # the label and the drawing, as extracted


def pdf_pages(pdf: bytes) -> list[Any]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))

    def walk(node: Any) -> Iterator[Any]:
        if node["/Type"] == "/Pages":
            for kid in node["/Kids"]:
                yield from walk(kid.get_object())
        else:
            yield node

    return list(walk(reader.root["/Pages"]))


def content(page: Any) -> bytes:
    streams = page["/Contents"]
    if not isinstance(streams, list):
        streams = [streams]
    return b"\n".join(s.get_object().data for s in streams)


def to_unicode(font: Any) -> dict[int, str]:
    cmap = font["/ToUnicode"].get_object().data.decode("latin-1")
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            # reportlab writes characters beyond the BMP as bare code points, not UTF-16
            table[int(code, 16)] = (
                bytes.fromhex(uni).decode("utf-16-be") if len(uni) % 4 == 0 else chr(int(uni, 16))
            )
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, uni in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(int(uni, 16) + k)
    return table


_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|/[^\s/\[\]()<>]+|\[|\]|[^\s/\[\]()<>]+", re.S)


def _unescape(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    simple = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
    while i < len(raw):
        c = raw[i : i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        else:
            out += bytes([simple[nxt]]) if nxt in simple else nxt
            i += 2
    return bytes(out)


def deref(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def stream_text(data: bytes, resources: Any) -> str:
    """A content stream's text in stream order, a newline per text line; SIG_MARK where
    the signature form is drawn, and the text of any other form (the page total) where
    that form is drawn."""
    resources = deref(resources)
    fonts = {str(k): to_unicode(deref(v)) for k, v in deref(resources.get("/Font", {})).items()}
    forms = deref(resources.get("/XObject", {}))
    signature = f"/FormXob.{SIG_FORM}".encode()
    out: list[str] = []
    font: dict[int, str] = {}
    operands: list[bytes] = []
    for tok in _TOKEN.findall(data):
        if tok.startswith((b"(", b"/", b"[", b"]")) or re.fullmatch(rb"[-+.\d]+", tok):
            operands.append(tok)
            continue
        if tok == b"Tf":
            font = fonts[operands[-2].decode()]
        elif tok in (b"Tj", b"TJ"):
            for s in (o for o in operands if o.startswith(b"(")):
                out.append("".join(font.get(b, "?") for b in _unescape(s[1:-1])))
        elif tok in (b"T*", b"Td", b"TD", b"Tm", b"ET"):
            out.append("\n")
        elif tok == b"Do" and operands and operands[-1] == signature:
            out.append(SIG_MARK)
        elif tok == b"Do" and operands:
            form = deref(forms[operands[-1].decode()])
            out.append(stream_text(form.data, form.get("/Resources", resources)))
        operands = []
    return re.sub(r"\n+", "\n", "".join(out))


def page_text(page: Any) -> str:
    return stream_text(content(page), page["/Resources"])


def texts(pdf: bytes) -> list[str]:
    return [page_text(p) for p in pdf_pages(pdf)]


def flat(text: str) -> str:
    return " ".join(text.replace(SIG_MARK, " ").split())


def declared_pages(first_page: str) -> int:
    match = re.search(r"consisting of (\d+) page\(s\)", flat(first_page))
    assert match, first_page[:400]
    return int(match.group(1))


# --- the statement: layout golden checks ------------------------------------------------
