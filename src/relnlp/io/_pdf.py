"""PDF page layout: lines with positions, turned into the text a reader would read.

pdfminer.six's layout analysis gives each text line with its box and characters (font
size, baseline). From those this module:

* removes running heads and feet (a line in the top or bottom band of the page that
  recurs, digits aside, on other pages) and page numbers ("7", "- 7 -", "Page 7 of 20");
* reads two-column pages column by column (a full-width line, a title or a figure
  caption, separates bands that are each read left column first);
* finds the notes at the foot of a page (smaller type, below the body, opening with a
  number) and moves them, numbered with superscript digits, to the end of the text, so
  that a paragraph running across a page joins up and each note can be linked to its
  marker;
* writes superscript note markers in the body (smaller, raised digits) as Unicode
  superscripts;
* splits paragraphs at vertical gaps and at short lines that end a sentence, and
  repairs words hyphenated at a line end ("cooper-" + "ation").
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from relnlp.lang.chars import LINE_ENDS_SENTENCE

__all__ = ["Line", "PdfLayout", "layout"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# A note opens with its number and then words ("12 Interview with ...", "¹ See ..."), not
# with more numbers (a table, a hex dump).
_NOTE_START = re.compile(r"^\s*(?:(\d{1,3})[.)]?\s+|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*)[A-Za-zÀ-ÿ“\"‘'(\[]")
_SENT_END = LINE_ENDS_SENTENCE
_HYPHEN_END = re.compile(r"(?<=[A-Za-zÀ-ÿ])-$")
_BAND = 0.09  # top and bottom bands of a page where running heads and feet live


@dataclass
class Line:
    """A text line on a page (PDF coordinates: y grows upwards)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float


@dataclass
class PdfLayout:
    """What :func:`layout` read: the text, its notes and what was dropped."""

    text: str = ""
    pages: int = 0
    first_page_title: str | None = None
    dropped: list[tuple[str, int]] = field(default_factory=list)  # (kind, chars)
    notes: int = 0
    columns: int = 0  # pages read as two columns


def _line_text(line: Any) -> tuple[str, float]:
    """A line's text with raised small digits as superscripts, and its body font size."""
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar)]
    if not chars:
        return line.get_text().strip(), 0.0
    size = statistics.median(c.size for c in chars)
    base = statistics.median(c.y0 for c in chars if c.size >= 0.9 * size)
    out: list[str] = []
    for item in line:
        t = item.get_text()
        if (
            isinstance(item, LTChar)
            and t.isdigit()
            and item.size < 0.85 * size
            and item.y0 > base + 0.15 * size
        ):
            out.append(t.translate(_SUPERSCRIPT))
        else:
            out.append(t)
    return " ".join("".join(out).split()), float(size)


def _read_lines(data: bytes) -> tuple[list[list[Line]], list[tuple[float, float]]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLineHorizontal

    pages: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    # boxes_flow=None: no grouping of boxes into reading order (its hierarchical
    # clustering is the slow part); lines are put in order here, by position.
    params = LAParams(line_margin=0.3, char_margin=2.0, word_margin=0.1, boxes_flow=None)
    for p, page in enumerate(extract_pages(io.BytesIO(data), laparams=params)):
        lines: list[Line] = []
        for el in page:
            if not isinstance(el, LTTextContainer):
                continue
            for ln in el:
                if isinstance(ln, LTTextLineHorizontal):
                    text, size = _line_text(ln)
                    if text:
                        lines.append(Line(p, ln.x0, ln.y0, ln.x1, ln.y1, text, size))
        pages.append(_attach_superscripts(lines))
        sizes.append((float(page.width), float(page.height)))
    return pages, sizes


def _attach_superscripts(lines: list[Line]) -> list[Line]:
    """Join a note marker that layout analysis set apart (a small raised number standing
    alone just right of a line's end) to that line, as superscript digits."""
    out = list(lines)
    for sup in lines:
        t = sup.text.strip()
        if not (t.isdigit() and len(t) <= 3):
            continue
        host = [
            ln
            for ln in lines
            if ln is not sup
            and ln.size > 0
            and sup.size < 0.85 * ln.size
            and ln.y0 < sup.y0 < ln.y1
            and -1 <= sup.x0 - ln.x1 <= 0.6 * ln.size
        ]
        if host:
            h = min(host, key=lambda ln: sup.x0 - ln.x1)
            h.text += t.translate(_SUPERSCRIPT)
            h.x1 = max(h.x1, sup.x1)
            out.remove(sup)
    return out


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _furniture(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> set[int]:
    """ids of lines that are running heads, feet or page numbers."""
    in_band: list[tuple[Line, str]] = []
    for lines, (_w, h) in zip(pages, sizes):
        for ln in lines:
            if ln.y0 > h * (1 - _BAND) or ln.y1 < h * _BAND:
                in_band.append((ln, _norm(ln.text)))
    counts = Counter(n for _ln, n in {(ln.page, n): (ln, n) for ln, n in in_band}.values())
    n_pages = len(pages)
    drop: set[int] = set()
    for ln, n in in_band:
        recurring = n_pages >= 2 and counts[n] >= max(2, 0.4 * n_pages)
        if recurring or _PAGE_NUMBER.match(ln.text.strip()):
            drop.add(id(ln))
    return drop


def _notes(lines: list[Line], body_size: float, height: float) -> list[Line]:
    """Footnote lines of a page: smaller type in the lower part, from a numbered line on."""
    if not lines or body_size <= 0:
        return []
    ordered = sorted(lines, key=lambda ln: -ln.y0)
    start = None
    for i, ln in enumerate(ordered):
        small = ln.size <= 0.92 * body_size
        if small and ln.y0 < height * 0.45 and _NOTE_START.match(ln.text):
            if all(x.size <= 0.92 * body_size for x in ordered[i:]):
                start = i
                break
    return ordered[start:] if start is not None else []


def _columns(lines: list[Line], width: float) -> tuple[list[Line], bool]:
    """Lines in reading order; two-column pages are read column by column."""
    if not lines:
        return [], False
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 0.02 * width]
    right = [ln for ln in lines if ln.x0 >= mid - 0.02 * width and ln.x1 > mid + 0.02 * width]
    two = (
        len(right) >= 3
        and len(left) >= 3
        and len(left) + len(right) >= 0.6 * len(lines)
        and _is_column(left, width)
        and _is_column(right, width)
    )
    if not two:
        return _merge_baseline(lines), False
    sides = {id(ln) for ln in left} | {id(ln) for ln in right}
    full = _merge_baseline([ln for ln in lines if id(ln) not in sides])
    left, right = _merge_baseline(left), _merge_baseline(right)
    out: list[Line] = []
    top = float("inf")
    for sep in [*full, None]:
        bottom = sep.y0 if sep is not None else float("-inf")
        for col in (left, right):
            out.extend(ln for ln in col if bottom < ln.y0 < top)
        if sep is not None:
            out.append(sep)
            top = sep.y0
    return out, True


def _is_column(lines: list[Line], width: float) -> bool:
    """Whether lines form a column of text: most share a left edge, and they are wide.

    Labels at the right margin ("[Function]") and the cells of a narrow table are not
    columns of prose.
    """
    edges = Counter(round(ln.x0 / 3) for ln in lines)
    edge = edges.most_common(1)[0][0]
    aligned = sum(n for e, n in edges.items() if abs(e - edge) <= 1)
    widths = sorted(ln.x1 - ln.x0 for ln in lines)
    return aligned >= 0.6 * len(lines) and widths[len(widths) // 2] >= 0.25 * width


def _merge_baseline(lines: list[Line]) -> list[Line]:
    """Lines top to bottom, pieces of one line on one baseline joined left to right.

    Layout analysis cuts a justified line where its word spaces are wide; the pieces
    share a baseline (and, on a two-column page, a column).
    """
    ordered = sorted(lines, key=lambda ln: (-ln.y0, ln.x0))
    out: list[Line] = []
    for ln in ordered:
        prev = out[-1] if out else None
        if prev is not None and abs(prev.y0 - ln.y0) <= 0.3 * max(prev.size, ln.size, 1.0):
            first, second = (prev, ln) if prev.x0 <= ln.x0 else (ln, prev)
            out[-1] = Line(
                prev.page,
                first.x0,
                min(prev.y0, ln.y0),
                max(prev.x1, ln.x1),
                max(prev.y1, ln.y1),
                first.text + " " + second.text,
                max(prev.size, ln.size),
            )
        else:
            out.append(ln)
    return out


def _paragraphs(lines: list[Line]) -> list[str]:
    """Join a column's lines into paragraphs (gaps, short sentence-final lines)."""
    if not lines:
        return []
    # The usual line step: the lower quartile of the gaps between successive lines
    # (paragraph gaps are the larger ones; a short page has few of either).
    gaps = sorted(
        a.y0 - b.y0 for a, b in zip(lines, lines[1:]) if 0.6 * a.size < a.y0 - b.y0 < 3 * a.size + 1
    )
    step = gaps[len(gaps) // 4] if gaps else 0.0
    right = max(ln.x1 for ln in lines)
    paras: list[list[str]] = [[]]
    prev: Line | None = None
    for ln in lines:
        if prev is not None:
            gap = prev.y0 - ln.y0
            breaks = (
                gap < 0  # back up the page: the next column or band
                or (step and gap > 1.45 * step)
                or (prev.x1 < right - 0.2 * (right - prev.x0) and _SENT_END.search(prev.text))
                or abs(ln.size - prev.size) > 0.15 * max(ln.size, prev.size)
            )
            if breaks:
                paras.append([])
        paras[-1].append(ln.text)
        prev = ln
    out = []
    for para in paras:
        if not para:
            continue
        text = para[0]
        for nxt in para[1:]:
            if _HYPHEN_END.search(text) and nxt[:1].islower():
                text = text[:-1] + nxt  # "cooper-" + "ation": a word broken at the line end
            else:
                text += "\n" + nxt
        out.append(text)
    return out


def layout(data: bytes) -> PdfLayout:
    """Read a PDF's text in reading order (see the module docstring)."""
    pages, sizes = _read_lines(data)
    out = PdfLayout(pages=len(pages))
    drop = _furniture(pages, sizes)
    all_sizes = [ln.size for lines in pages for ln in lines if ln.size > 0]
    body_size = statistics.median(all_sizes) if all_sizes else 0.0
    blocks: list[str] = []
    notes: list[str] = []
    for lines, (w, h) in zip(pages, sizes):
        for ln in lines:
            if id(ln) in drop:
                kind = "page_number" if _PAGE_NUMBER.match(ln.text.strip()) else "running_head"
                out.dropped.append((kind, len(ln.text)))
        kept = [ln for ln in lines if id(ln) not in drop]
        foot = _notes(kept, body_size, h)
        foot_ids = {id(ln) for ln in foot}
        body = [ln for ln in kept if id(ln) not in foot_ids]
        ordered, two = _columns(body, w)
        out.columns += int(two)
        blocks.extend(_paragraphs(ordered))
        for ln in foot:
            m = _NOTE_START.match(ln.text)
            if m and m.group(1):
                rest = ln.text[m.end(1) :].lstrip(".)").lstrip()
                notes.append(m.group(1).translate(_SUPERSCRIPT) + " " + rest)
            elif m:
                notes.append(ln.text)
            elif notes:
                notes[-1] += "\n" + ln.text
    if pages and pages[0]:
        first = [ln for ln in pages[0] if id(ln) not in drop]
        if first:
            big = max(ln.size for ln in first)
            if big > 1.15 * body_size:
                title_lines = sorted(
                    (ln for ln in first if ln.size >= 0.95 * big), key=lambda x: -x.y0
                )
                out.first_page_title = " ".join(ln.text for ln in title_lines) or None
    out.notes = len(notes)
    out.text = "\n\n".join(blocks + notes)
    return out
