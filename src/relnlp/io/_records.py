"""The parts of a Document: blocks, sections, notes, chronology entries, passages, drops.

Plain records located by offsets. They live apart from :class:`~relnlp.io.Document` so
that the structure finder (which makes them) and the Document (which holds them) do not
import each other.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BLOCK_KINDS",
    "PASSAGE_KINDS",
    "Block",
    "ChronologyEntry",
    "Dropped",
    "Footnote",
    "Passage",
    "Section",
]

BLOCK_KINDS = (
    "title",
    "heading",
    "byline",
    "meta",
    "paragraph",
    "chronology",
    "footnote",
    "continuation",
)
PASSAGE_KINDS = ("paragraph", "chronology", "footnote")


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines (``start``/``end`` trimmed of white space)."""

    index: int
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs, up to the next heading."""

    heading: str
    level: int
    heading_start: int
    heading_end: int
    start: int
    end: int


@dataclass(frozen=True)
class Footnote:
    """A numbered note and the markers in the body that point to it."""

    number: int
    start: int
    end: int
    markers: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ChronologyEntry:
    """A dated entry of a chronology: the date line and the entry's whole span."""

    date_text: str
    date_start: int
    date_end: int
    start: int
    end: int


@dataclass(frozen=True)
class Dropped:
    """Something a reader left out of the analysis, and how much of it.

    Attributes
    ----------
    kind : str
        What it was: ``"front_matter"``, ``"image"``, ``"caption"``, ``"html"``,
        ``"template"``, ``"code"``, ``"bio"``, ``"pull_quote"`` (Markdown);
        ``"boilerplate"`` (HTML: navigation, cookie notices, related links...);
        ``"running_head"``,
        ``"page_number"`` (PDF). Plain text drops nothing.
    chars : int
        Characters dropped.
    start, end : int or None
        Where it is in ``Document.text`` when it is still there (Markdown keeps the file
        verbatim and only hides it from analysis); ``None`` when the reader removed it
        from the extracted text (HTML boilerplate, PDF running heads).
    """

    kind: str
    chars: int
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Passage:
    """A unit of analysis: a paragraph (page breaks repaired), chronology entry or note."""

    id: int
    kind: str
    start: int
    end: int
    blocks: tuple[int, ...]
    section: str | None = None
    footnote: int | None = None
    date_text: str | None = None
