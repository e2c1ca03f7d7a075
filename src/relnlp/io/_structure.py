"""Find the structure of a report: blocks, title, byline, date, sections, notes, chronology.

The unit is the *block*: a run of non-blank lines. Each block is classified from its own
shape (a Markdown heading marker, a leading footnote marker, a leading date followed by a
colon, its length and final punctuation) and its position (front matter before the body,
notes after it). Paragraphs that a page break split in two (a block that ends mid-sentence,
continued by the next block) are joined back into one passage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from relnlp.io._headerdate import _MONTH, _YEAR, find_dates
from relnlp.io._markup import CleanView, clean_view, normalise_newlines
from relnlp.io._records import Block, ChronologyEntry, Footnote, Passage, Section
from relnlp.lang.chars import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS

if TYPE_CHECKING:
    from relnlp.io._document import Document

__all__ = ["find_structure", "split_blocks"]

_BLOCK = re.compile(r"\S(?:.|\n(?![ \t\r\f\v]*(?:\n|$)))*")
_SUP_DIGITS = SUPERSCRIPT_DIGITS
_SUP_TO_INT = FROM_SUPERSCRIPT
_FOOTNOTE_START = re.compile(rf"^\s*([{_SUP_DIGITS}]{{1,3}})\s*\S")
_MARKER = re.compile(rf"(?<=[^\s{_SUP_DIGITS}])[{_SUP_DIGITS}]{{1,3}}(?![{_SUP_DIGITS}])")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}|[IVX]{1,5}|[A-Z])[.)]\s+\S")
_CHRONO_DATE = re.compile(
    rf"^\s*(?P<date>(?:{_MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?,?\s+{_YEAR}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+{_YEAR}|{_YEAR}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/{_YEAR}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?))\s*[:–—]\s+\S"
)
_TERMINAL = re.compile(r"[.!?:;…]$")
_TRAILING_CLOSERS = re.compile(rf"[\s\"”’'’)\]*_{_SUP_DIGITS}]+$")
_AFFILIATION = re.compile(
    r"\b(?:University|Universit[äà]t|Institute|Institution|Professor|Prof\.|Center|Centre|"
    r"College|School|Foundation|Fellow|Director|Researcher|Academy|Council|Program|"
    r"Programme|Department|Faculty|Laboratory|Lab|Society|Association|Ministry|Agency)\b"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)?|[A-Z]\.|[A-Z][a-z]?\.)$")
_NOT_NAME_WORDS = frozenset(
    "Research Reports Report Introduction Conclusion Conclusions Abstract Summary Contents "
    "Chronology Notes References Bibliography Appendix Preface Foreword Overview "
    "Background Executive Table Figure Chapter Section Part Volume Issue The A An Of And "
    "In On For Working Paper Papers Policy Brief Analysis Commentary".split()
)
_BY = re.compile(r"^(?:by|By|BY)\s+")
#: between the names of several authors: "Ann Lee and Tom Hart", "A, B & C"
_AUTHORS_SEP = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*")


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of non-blank lines, trimmed of trailing white space.

    A lone ``\\r`` ends a line as ``\\n`` and ``\\r\\n`` do (mixed line endings).
    """
    out = []
    for m in _BLOCK.finditer(normalise_newlines(text)):
        span = m.group(0).rstrip()
        out.append((m.start(), m.start() + len(span)))
    return out


def _header_line(line: str) -> bool:
    """A byline ("By Ann Lee") or a line that is only a date ("June 4, 2023")."""
    line = line.strip()
    if _BY.match(line) and _looks_like_name(line):
        return True
    return bool(find_dates(line)) and len(line.split()) <= 6


def _split_header(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a front-matter block whose lines are title, byline and date into one block a
    line ("Talks Resume\nBy Ann Lee\nJune 4, 2023"), as a news page or a report's cover
    sets them without blank lines between. Only the first three blocks are candidates, and
    only when every line is short, none ends a sentence, and a line after the first is a
    byline or a date alone; any other block is left as it is.
    """
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(spans):
        lines = text[s:e].split("\n")
        if (
            k < 3
            and 2 <= len(lines) <= 6
            and all(0 < len(ln.split()) <= 20 for ln in lines)
            and not any(_TERMINAL.search(ln.rstrip()) for ln in lines)
            and any(_header_line(ln) for ln in lines[1:])
        ):
            pos = s
            for ln in lines:
                lead = len(ln) - len(ln.lstrip())
                out.append((pos + lead, pos + len(ln.rstrip())))
                pos += len(ln) + 1
        else:
            out.append((s, e))
    return out


class _Blk:
    """Working record for one block while classifying."""

    __slots__ = ("index", "start", "end", "raw", "clean", "kind", "level", "fn", "date")

    def __init__(self, index: int, start: int, end: int, raw: str, clean: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.raw = raw
        self.clean = clean.strip()
        self.kind = ""
        self.level = 0
        self.fn: int | None = None
        self.date: tuple[int, int] | None = None  # clean-relative span of a chronology date

    @property
    def words(self) -> int:
        return len(self.clean.split())

    @property
    def first_line(self) -> str:
        return self.clean.split("\n", 1)[0].strip()

    def ends_sentence(self) -> bool:
        tail = _TRAILING_CLOSERS.sub("", self.clean)
        return bool(_TERMINAL.search(tail)) or tail == ""


def _looks_like_name(line: str) -> bool:
    """One name of two to four name words, or after "By" up to six of them ("By Ann Lee,
    Tom Hart and Bo Wu"; a list without "By" could be a heading: "Energy Security and
    Arms Control")."""
    line = line.strip()
    if _BY.match(line):
        line = _BY.sub("", line)
        names = [n for n in _AUTHORS_SEP.split(line) if n.strip()]
        if 2 <= len(names) <= 6 and all(_one_name(n) for n in names):
            return True
    return _one_name(line)


def _lower_words(blks: list[_Blk]) -> frozenset[str]:
    """The words the document writes in lower case."""
    return frozenset(w for b in blks for w in re.findall(r"\b[a-z][a-z'’-]+\b", b.clean))


def _ordinary_words(line: str, lower: frozenset[str]) -> bool:
    """Whether every word of a name-shaped line, "By" and "and" aside, is one the document
    also writes in lower case: a heading in title case ("By Armed Forces", "By Land Routes
    and Sea Lanes" over a text about armed forces and sea lanes), no author's name."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", _BY.sub("", line.strip()))]
    words = [w for w in words if w != "and"]
    # Two words that are also ordinary words can still be a person ("By Mark Young" over a
    # text that says "young" and "mark"): only a plural head or three words make a heading.
    shaped = len(words) >= 3 or (bool(words) and words[-1].endswith("s"))
    return bool(words) and shaped and all(w in lower for w in words)


def _one_name(line: str) -> bool:
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w in _NOT_NAME_WORDS for w in words):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _is_short(b: _Blk) -> bool:
    return b.words <= 20 and not b.ends_sentence()


def _classify(
    blks: list[_Blk],
    hints: dict[int, str],
    levels: dict[int, int] | None = None,
    find_header: bool = True,
) -> None:
    levels = levels or {}
    # Pass 1: shapes that do not depend on position.
    for b in blks:
        hint = hints.get(b.start)
        md = _MD_HEADING.match(b.raw)
        chrono = _CHRONO_DATE.match(b.clean)
        fn = _FOOTNOTE_START.match(b.clean)
        if hint == "paragraph" and fn:
            b.kind, b.fn = "footnote", int(fn.group(1).translate(_SUP_TO_INT))
        elif hint == "paragraph" and chrono and b.words >= 4:
            b.kind = "chronology"
            b.date = chrono.span("date")
        elif hint:
            b.kind = hint
            if hint in ("title", "heading"):
                b.level = levels.get(b.start, 1 if hint == "title" else 2)
        elif md:
            b.kind, b.level = "heading", len(md.group(1))
        elif fn:
            b.kind, b.fn = "footnote", int(fn.group(1).translate(_SUP_TO_INT))
        elif chrono and b.words >= 4:
            b.kind = "chronology"
            b.date = chrono.span("date")
        elif _is_short(b):
            b.kind, b.level = "heading", 2
        else:
            b.kind = "paragraph"
        if b.kind == "heading" and _NUMBERED_HEADING.match(b.clean):
            b.level = max(b.level, 2)

    # Pass 2: a block without a marker sandwiched in or trailing the notes continues the
    # previous note (a URL line, a second reference). notes_after[i]: every block after i
    # is a note, by pass-1 kinds (this pass changes only the block it looks at); computed
    # once so that reports with thousands of notes stay linear.
    notes_after = [False] * len(blks)
    tail = True
    for i in range(len(blks) - 1, -1, -1):
        notes_after[i] = tail
        tail = tail and blks[i].kind in ("footnote", "continuation")
    for i, b in enumerate(blks):
        if b.kind in ("footnote", "continuation") or i == 0:
            continue
        prev = blks[i - 1]
        if prev.kind not in ("footnote", "continuation"):
            continue
        last = i == len(blks) - 1
        notes_follow = not last and notes_after[i]
        starts_loose = bool(re.match(r"^(?:<|https?://|www\.|[a-z(;,\"“])", b.clean))
        if last or notes_follow or starts_loose:
            if b.kind in ("paragraph", "heading") and not hints.get(b.start):
                b.kind = "continuation"

    # Pass 3: front matter (before the first body paragraph that follows the title).
    if find_header:
        _front_matter(blks, hints)


def _front_matter(blks: list[_Blk], hints: dict[int, str]) -> None:
    if any(b.kind == "title" for b in blks):
        title_i = next(i for i, b in enumerate(blks) if b.kind == "title")
    else:
        title_i = -1
    author_i = -1
    limit = min(len(blks), 15)
    lower = _lower_words(blks)
    for i in range(limit):
        b = blks[i]
        if b.kind not in ("heading",) or hints.get(b.start):
            continue
        lines = [ln.strip() for ln in b.clean.split("\n") if ln.strip()]
        if not lines or not _looks_like_name(lines[0]) or _ordinary_words(lines[0], lower):
            continue
        nxt = blks[i + 1].clean if i + 1 < len(blks) else ""
        rest = " ".join(lines[1:])
        prev_heading = i > 0 and blks[i - 1].kind in ("heading", "title")
        if (
            _AFFILIATION.search(rest)
            or _AFFILIATION.search(nxt.split("\n")[0])
            or (_BY.match(b.clean) or prev_heading)
        ):
            author_i = i
            break
    if author_i >= 0:
        blks[author_i].kind = "byline"
        nxt_b = blks[author_i + 1] if author_i + 1 < len(blks) else None
        if (
            nxt_b
            and nxt_b.kind == "heading"
            and (_AFFILIATION.search(nxt_b.clean) or nxt_b.clean.startswith("("))
        ):
            nxt_b.kind = "byline"
        if title_i < 0:
            for j in range(author_i - 1, -1, -1):
                if blks[j].kind == "heading" and not find_dates(blks[j].clean):
                    title_i = j
                    blks[j].kind, blks[j].level = "title", 1
                    break
    if title_i < 0:
        # No byline: the first heading of the highest level near the top is the title.
        heads = [b for b in blks[:limit] if b.kind == "heading"]
        first_para = next((b.index for b in blks if b.kind == "paragraph"), len(blks))
        heads = [b for b in heads if b.index < first_para]
        if heads:
            top = min(h.level for h in heads)
            t = next(h for h in heads if h.level == top)
            t.kind, t.level = "title", 1
            title_i = t.index
    # Short blocks before the title, and dated/numbered lines in the header, are metadata.
    for b in blks[: max(title_i, 0)]:
        if b.kind == "heading":
            b.kind = "meta"
    for b in blks[:limit]:
        if b.kind == "heading" and find_dates(b.clean) and b.words <= 8:
            first_para = next((x.index for x in blks if x.kind == "paragraph"), len(blks))
            if b.index < first_para:
                b.kind = "meta"


def _join_passages(blks: list[_Blk], join_breaks: bool = True) -> list[list[_Blk]]:
    groups: list[list[_Blk]] = []
    for b in blks:
        if b.kind == "continuation" and groups and groups[-1][0].kind == "footnote":
            groups[-1].append(b)
            continue
        if b.kind not in ("paragraph", "chronology", "footnote", "continuation"):
            continue
        if (
            join_breaks
            and b.kind == "paragraph"
            and groups
            and groups[-1][-1].kind == "paragraph"
            and groups[-1][-1].index == b.index - 1
            and not groups[-1][-1].ends_sentence()
        ):
            groups[-1].append(b)  # page-break repair
            continue
        groups.append([b])
    return groups


def find_structure(
    text: str,
    *,
    format: str = "str",
    path: Path | None = None,
    hints: dict[int, str] | None = None,
    metadata: dict[str, Any] | None = None,
    view: CleanView | None = None,
    spans: list[tuple[int, int]] | None = None,
    levels: dict[int, int] | None = None,
    hidden: tuple[tuple[int, int], ...] = (),
    find_header: bool = True,
    join_breaks: bool = True,
) -> dict[str, Any]:
    """Find the structure of ``text`` (see module docstring): the fields of a
    :class:`~relnlp.io.Document` (``relnlp.io._document.analyse`` makes it).

    A reader that knows more (the Markdown parser) passes the block ``spans``, heading
    ``levels``, ``hidden`` spans (left out of the analysed view), ``find_header=False``
    when its metadata already gives title, author and date, and ``join_breaks=False``
    when the source has no page breaks to repair.
    """
    hints = hints or {}
    view = view or clean_view(text, hide=hidden)
    lines = normalise_newlines(text)
    if spans is None:
        spans = split_blocks(lines)
        if find_header:
            spans = _split_header(lines, spans)
    cstarts = view.starts
    blks: list[_Blk] = []
    for i, (s, e) in enumerate(spans):
        ci, cj = np.searchsorted(cstarts, [s, e])
        blks.append(_Blk(i, s, e, lines[s:e], view.text[int(ci) : int(cj)]))
    _classify(blks, hints, levels, find_header)

    def raw_span(b: _Blk, cs: int, ce: int) -> tuple[int, int]:
        """Raw offsets of a span given relative to the block's stripped clean text."""
        ci = int(np.searchsorted(cstarts, b.start))
        lead = len(view.text[ci:]) - len(view.text[ci:].lstrip())
        return view.to_raw(ci + lead + cs, ci + lead + ce)

    blocks = tuple(Block(b.index, b.start, b.end, b.kind) for b in blks)

    title_b = next((b for b in blks if b.kind == "title"), None)
    byline_b = next((b for b in blks if b.kind == "byline"), None)
    title = _single_line(title_b.clean) if title_b else None
    author = None
    if byline_b:
        author = _BY.sub("", byline_b.clean.split("\n", 1)[0].strip()).rstrip(",")

    # Date: the first unambiguous date in the front matter (before the first paragraph).
    # A date in a later heading is not the report's date (a heading "Outlook to 2030" or
    # "The 1962 crisis" names what a section is about); without one, doc_date is None and
    # the caller is warned that relative dates cannot be anchored.
    date = date_span = None
    first_para = next((b.index for b in blks if b.kind == "paragraph"), len(blks))
    for b in blks:
        if b.index < first_para and b.kind in ("meta", "title", "byline", "heading"):
            found = find_dates(b.clean)
            if found:
                date = found[0].value
                date_span = raw_span(b, found[0].start, found[0].end)
                break
    # Sections: each heading (not the title) governs the text up to the next heading.
    heads = [b for b in blks if b.kind == "heading"]
    sections = []
    for k, h in enumerate(heads):
        nxt = heads[k + 1].start if k + 1 < len(heads) else len(text.rstrip())
        sections.append(Section(_single_line(h.clean), h.level, h.start, h.end, h.start, nxt))

    section_starts = [s.start for s in sections]  # ascending: headings in text order

    def section_of(pos: int) -> str | None:
        k = bisect_right(section_starts, pos)
        return sections[k - 1].heading if k else None

    # Footnote markers in the body (clean superscript digits), by number. Lookups are
    # by set and bisection, so that very long reports stay linear.
    note_starts = {b.start for b in blks if b.kind == "footnote"}
    markers: dict[int, list[tuple[int, int]]] = {}
    for m in _MARKER.finditer(view.text):
        rs, re_ = view.to_raw(m.start(), m.end())
        if note_starts & {rs - 1, rs, rs + 1}:
            continue
        markers.setdefault(int(m.group(0).translate(_SUP_TO_INT)), []).append((rs, re_))

    passages: list[Passage] = []
    footnotes: list[Footnote] = []
    chronology: list[ChronologyEntry] = []
    for g in _join_passages(blks, join_breaks):
        head = g[0]
        start, end = head.start, g[-1].end
        kind = "footnote" if head.kind == "footnote" else head.kind
        date_text = None
        if kind == "chronology" and head.date:
            ds, de = raw_span(head, *head.date)
            date_text = head.clean[head.date[0] : head.date[1]]
            chronology.append(ChronologyEntry(date_text, ds, de, start, end))
        if kind == "footnote" and head.fn is not None:
            footnotes.append(Footnote(head.fn, start, end, tuple(markers.get(head.fn, ()))))
        passages.append(
            Passage(
                id=len(passages),
                kind=kind,
                start=start,
                end=end,
                blocks=tuple(b.index for b in g),
                section=section_of(start),
                footnote=head.fn if kind == "footnote" else None,
                date_text=date_text,
            )
        )

    return dict(
        text=text,
        path=path,
        format=format,
        title=title,
        author=author,
        date=date,
        date_span=date_span,
        blocks=blocks,
        sections=tuple(sections),
        passages=tuple(passages),
        footnotes=tuple(footnotes),
        chronology=tuple(chronology),
        metadata=dict(metadata or {}),
        hidden=tuple(hidden),
    )


def _single_line(s: str) -> str:
    return " ".join(s.split())


def block_kinds(doc: Document) -> Sequence[str]:
    """Kinds of the document's blocks, in order (a debugging aid)."""
    return [b.kind for b in doc.blocks]
