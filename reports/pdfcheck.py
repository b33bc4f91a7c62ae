"""A small reader for the PDFs *we* write with ReportLab: page count, text, and font embedding.

``--selftest`` must prove a real PDF came out — pages, kop text, embedded fonts — in the frozen
app, where pypdf (a test-only dependency) is absent. This reads ReportLab's own output only:
indirect objects, Flate/ASCII85 streams, ``/ToUnicode`` maps of the subset TrueType fonts, and
``Tf``/``Tj`` text operators. It is not a general PDF parser.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_FONT_NAME = re.compile(rb"/Name\s*/([^\s/<>\[\]]+)")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]]+)")
_REF = {key: re.compile(rb"/" + key + rb"\s+(\d+) 0 R") for key in (b"ToUnicode", b"FontDescriptor")}
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|/[^\s/\[\]()<>]+|[A-Za-z*'\"]+|-?[\d.]+", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


@dataclass(frozen=True)
class PdfFont:
    name: str  # BaseFont, e.g. "AAAAAA+LiberationSans"
    embedded: bool


@dataclass(frozen=True)
class PdfSummary:
    pages: int
    text: str  # text of all pages, one line per text positioning
    fonts: tuple[PdfFont, ...]

    @property
    def unembedded_fonts(self) -> list[str]:
        return [font.name for font in self.fonts if not font.embedded]


def _decode_stream(head: bytes, raw: bytes) -> bytes:
    data = raw
    if b"/ASCII85Decode" in head:
        cleaned = re.sub(rb"\s", b"", data).removeprefix(b"<~").removesuffix(b"~>")
        data = base64.a85decode(cleaned)
    if b"/FlateDecode" in head:
        data = zlib.decompress(data)
    return data


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number → (dictionary text, decoded stream or None)."""
    found: dict[int, tuple[bytes, bytes | None]] = {}
    for match in _OBJECT.finditer(data):
        body = match.group(2)
        stream = _STREAM.search(body)
        if stream is None:
            found[int(match.group(1))] = (body, None)
        else:
            head = body[: stream.start()]
            length = _LENGTH.search(head)
            raw = body[stream.end() : stream.end() + int(length.group(1))] if length else b""
            found[int(match.group(1))] = (head, _decode_stream(head, raw))
    return found


def _cmap(stream: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for code, uni in _BFCHAR.findall(block):
            mapping[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for low, high, start in _BFRANGE.findall(block):
            first = ord(bytes.fromhex(start.decode()).decode("utf-16-be")[0])
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _literal(token: bytes) -> bytes:
    """Bytes of a PDF literal string token ``( … )``."""
    body, out, i = token[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i : i + 1]
        if char != b"\\":
            out += char
            i += 1
            continue
        nxt = body[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def _page_text(content: bytes, maps: dict[str, dict[int, str]]) -> list[str]:
    lines, current, font = [], [], {}
    for token in _TOKEN.findall(content):
        if token.startswith(b"/"):
            pending_font = maps.get(token[1:].decode("latin-1"))
            if pending_font is not None:
                font = pending_font
        elif token.startswith(b"("):
            current.append("".join(font.get(b, chr(b)) for b in _literal(token)))
        elif token in (b"Td", b"TD", b"Tm", b"T*", b"ET", b"'", b'"') and current:
            lines.append("".join(current))
            current = []
    if current:
        lines.append("".join(current))
    return lines


def inspect_pdf(data: bytes) -> PdfSummary:
    """Summarise one ReportLab PDF; raises ``ValueError`` if it is not a complete PDF."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise ValueError("bukan berkas PDF yang utuh")
    objects = _objects(data)
    maps: dict[str, dict[int, str]] = {}
    fonts = []
    for head, _ in objects.values():
        if b"/Type /Font" not in head or b"/BaseFont" not in head:
            continue
        base = _BASE_FONT.search(head)
        descriptor = _REF[b"FontDescriptor"].search(head)
        desc_head = objects.get(int(descriptor.group(1)), (b"", None))[0] if descriptor else b""
        embedded = any(key in desc_head for key in (b"/FontFile2", b"/FontFile3", b"/FontFile "))
        fonts.append(PdfFont(base.group(1).decode("latin-1") if base else "?", embedded))
        name, tounicode = _FONT_NAME.search(head), _REF[b"ToUnicode"].search(head)
        if name and tounicode:
            stream = objects.get(int(tounicode.group(1)), (b"", None))[1] or b""
            maps[name.group(1).decode("latin-1")] = _cmap(stream)
    pages = [head for head, _ in objects.values() if _PAGE.search(head)]
    text: list[str] = []
    for head in pages:
        contents = re.search(rb"/Contents\s+(\d+) 0 R", head)
        if contents:
            text += _page_text(objects.get(int(contents.group(1)), (b"", None))[1] or b"", maps)
    return PdfSummary(pages=len(pages), text="\n".join(text), fonts=tuple(fonts))
