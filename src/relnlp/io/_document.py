"""The Document: a report's text and its structure, every part located by offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from relnlp.io._markup import CleanView

__all__ = [
    "Block",
    "ChronologyEntry",
    "Document",
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
        ``"template"``, ``"code"``, ``"bio"`` (Markdown); ``"boilerplate"`` (HTML:
        navigation, cookie notices, related links...); ``"running_head"``,
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


@dataclass
class Document:
    """A report's text and structure.

    ``text`` is what every offset refers to: the file content verbatim for .txt and .md,
    the extracted text for HTML and PDF.

    Attributes
    ----------
    text : str
        The text all offsets refer to.
    path : pathlib.Path or None
        Where it was read from.
    format : str
        ``"txt"``, ``"md"``, ``"html"``, ``"pdf"`` or ``"str"``.
    title, author : str or None
        Found in the header.
    date : str or None
        The report's own date as an ISO value (``"2022-02-16"``, ``"2015-05"``).
    blocks, sections, passages, footnotes, chronology : tuple
        The structure, each element located by ``start``/``end`` in ``text``.
    metadata : dict
        Reader-specific facts (encoding, page count, HTML title, front matter...).
    dropped : tuple of Dropped
        What the reader left out of the analysis (kind, character count and, when it is
        still in ``text``, its span). ``Document.dropped_table()`` sums it by kind.
    hidden : tuple of (start, end)
        Spans of ``text`` that analysis skips: the dropped spans still in ``text`` and
        syntax the generic markup view does not know (list and quote markers, table
        rules).
    """

    text: str
    path: Path | None = None
    format: str = "str"
    title: str | None = None
    author: str | None = None
    date: str | None = None
    date_span: tuple[int, int] | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    passages: tuple[Passage, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    chronology: tuple[ChronologyEntry, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    dropped: tuple[Dropped, ...] = ()
    hidden: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        format: str = "str",
        path: Path | None = None,
        hints: dict[int, str] | None = None,
        metadata: dict[str, Any] | None = None,
        dropped: tuple[Dropped, ...] = (),
    ) -> Document:
        """Build a Document from text, finding its structure.

        Parameters
        ----------
        text : str
            The report's text (Markdown and inline HTML are understood as markup).
        hints : dict, optional
            Block kinds known from the source format, keyed by block start offset
            (e.g. ``{0: "title"}`` from an HTML ``<h1>``).
        dropped : tuple of Dropped, optional
            What the reader already removed from ``text`` (recorded, not applied).

        Examples
        --------
        >>> d = Document.from_text("Title of It\\n\\nA paragraph that is long enough to be one.")
        >>> [p.kind for p in d.passages]
        ['paragraph']

        Text that opens with a YAML or TOML front matter is read as Markdown from a static
        site (see :func:`relnlp.io.readers.read_markdown`):

        >>> d = Document.from_text("---\\ntitle: Gas Talks\\n---\\nTalks resumed in May.")
        >>> d.title, [d.text[p.start:p.end] for p in d.passages]
        ('Gas Talks', ['Talks resumed in May.'])
        """
        from relnlp.io._structure import analyse

        if not isinstance(text, str):
            from relnlp.errors import ArgumentTypeError, Errors

            raise ArgumentTypeError(Errors.E001.format(type=type(text).__name__))
        if format in ("md", "str") and not hints and not dropped:
            from relnlp.io._markdown import has_front_matter
            from relnlp.io.readers import markdown_document

            if format == "md" or has_front_matter(text):
                # Markdown as saved from a static site: the parser and front matter.
                doc = markdown_document(text, path=path, metadata=metadata)
                doc.format = format
                return doc
        doc = analyse(text, format=format, path=path, hints=hints, metadata=metadata)
        doc.dropped = tuple(dropped)
        return doc

    def view(self) -> CleanView:
        """The markup-free view of ``text`` that is analysed, without the hidden spans.

        Examples
        --------
        >>> d = Document.from_text("A paragraph that is long enough to be one.")
        >>> d.view().text
        'A paragraph that is long enough to be one.'
        """
        from relnlp.io._markup import clean_view

        return clean_view(self.text, hide=self.hidden)

    def dropped_table(self) -> pd.DataFrame:
        """What was dropped, one row per kind: kind, items, chars.

        Examples
        --------
        >>> Document.from_text("Some text.").dropped_table().columns.tolist()
        ['kind', 'items', 'chars']
        """
        kinds: dict[str, list[int]] = {}
        for d in self.dropped:
            row = kinds.setdefault(d.kind, [0, 0])
            row[0] += 1
            row[1] += d.chars
        return pd.DataFrame(
            {
                "kind": list(kinds),
                "items": [v[0] for v in kinds.values()],
                "chars": [v[1] for v in kinds.values()],
            }
        )

    # Convenience views -------------------------------------------------------------
    @property
    def paragraphs(self) -> tuple[Passage, ...]:
        """Passages of kind ``paragraph``."""
        return tuple(p for p in self.passages if p.kind == "paragraph")

    @property
    def page_break_repairs(self) -> tuple[Passage, ...]:
        """Paragraphs that were joined across a block break (page breaks)."""
        return tuple(p for p in self.paragraphs if len(p.blocks) > 1)

    @property
    def headings(self) -> tuple[Block, ...]:
        """Title and heading blocks."""
        return tuple(b for b in self.blocks if b.kind in ("title", "heading"))

    def span_text(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def structure_table(self) -> pd.DataFrame:
        """One row per block: index, kind, start, end, text."""
        return pd.DataFrame(
            {
                "block": [b.index for b in self.blocks],
                "kind": [b.kind for b in self.blocks],
                "start": [b.start for b in self.blocks],
                "end": [b.end for b in self.blocks],
                "text": [self.text[b.start : b.end] for b in self.blocks],
            }
        )

    def __repr__(self) -> str:
        return (
            f"Document(format={self.format!r}, title={self.title!r}, author={self.author!r}, "
            f"date={self.date!r}, chars={len(self.text)}, passages={len(self.passages)})"
        )
