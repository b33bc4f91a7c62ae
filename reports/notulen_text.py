"""The notulen editor's simple formatting, turned into flowables.

What a secretary types during a meeting, without a toolbar: each line is a paragraph; lines
starting with ``- ``, ``* `` or ``• `` make a bullet list; lines starting with ``1. `` or ``1) `` make a
numbered list (the typed numbers are kept, so "3." after a paragraph stays 3); ``**text**`` is bold.
Blank lines only separate. Everything else is text: it is escaped before it reaches a Paragraph, so
``<`` or ``&`` print as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph

from reports.text import escape

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    """``kind`` "p" (one paragraph), "ul" or "ol"; ``items`` the texts; ``start`` the first number."""

    kind: str
    items: tuple[str, ...]
    start: int = 1


def parse(text: str) -> list[Block]:
    """Split typed text into paragraphs and lists (pure; tested without ReportLab)."""
    blocks: list[Block] = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blocks.append(Block("gap", ()))
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        kind, body = ("ul", bullet[1]) if bullet else ("ol", number[2]) if number else ("p", line.strip())
        previous = blocks[-1] if blocks else None
        if kind != "p" and previous is not None and previous.kind == kind:
            blocks[-1] = Block(kind, (*previous.items, body), previous.start)
        else:
            blocks.append(Block(kind, (body,), int(number[1]) if number and kind == "ol" else 1))
    return [b for b in blocks if b.kind != "gap"]


def inline(text: str) -> str:
    """Escaped text with ``**bold**`` as ``<b>``."""
    return _BOLD.sub(r"<b>\1</b>", escape(text))


def flowables(text: str, style: ParagraphStyle, *, indent: float = 0) -> list[Flowable]:
    """The paragraphs and lists of ``text`` in ``style``, indented by ``indent`` points."""
    body = ParagraphStyle(f"{style.name}+{indent:.0f}", parent=style, leftIndent=style.leftIndent + indent)
    out: list[Flowable] = []
    for block in parse(text):
        if block.kind == "p":
            out.append(Paragraph(inline(block.items[0]), body))
            continue
        items = [ListItem(Paragraph(inline(item), style), spaceAfter=1) for item in block.items]
        numbered = block.kind == "ol"
        out.append(
            ListFlowable(
                items,
                bulletType="1" if numbered else "bullet",
                start=block.start if numbered else "•",
                bulletFontName=style.fontName,
                bulletFontSize=style.fontSize,
                leftIndent=indent + style.fontSize * (1.8 if numbered else 1.3),
                bulletDedent=style.fontSize * (1.8 if numbered else 1.1),
                bulletFormat="%s." if numbered else None,
                spaceAfter=style.spaceAfter,
            )
        )
    return out
