"""The Document: a report's text and its structure, every part located by offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relnlp.io._records import (
    BLOCK_KINDS,
    PASSAGE_KINDS,
    Block,
    ChronologyEntry,
    Dropped,
    Footnote,
    Passage,
    Section,
)
from relnlp.io._structure import find_structure

if TYPE_CHECKING:
    import pandas as pd

    from relnlp.io._markup import CleanView

__all__ = [
    "BLOCK_KINDS",
    "PASSAGE_KINDS",
    "Block",
    "ChronologyEntry",
    "Document",
    "Dropped",
    "Footnote",
    "Passage",
    "Section",
    "analyse",
    "markdown_document",
]


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
        if not isinstance(text, str):
            from relnlp.errors import ArgumentTypeError, Errors

            raise ArgumentTypeError(Errors.E001.format(type=type(text).__name__))
        if format in ("md", "str") and not hints and not dropped:
            from relnlp.io._markdown import has_front_matter

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
        import pandas as pd  # on use: reading a report does not need pandas

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
        import pandas as pd

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


def analyse(text: str, **options: Any) -> Document:
    """A :class:`Document` with the structure of ``text`` (options: see
    :func:`relnlp.io._structure.find_structure`)."""
    return Document(**find_structure(text, **options))


def markdown_document(
    text: str, *, path: Path | None = None, metadata: dict[str, Any] | None = None
) -> Document:
    """Build a :class:`Document` from Markdown text (see :func:`relnlp.io.readers.read_markdown`).

    Examples
    --------
    >>> d = markdown_document("---\\ntitle: Gas Talks\\nauthor: Jane Roe\\n---\\n\\n"
    ...                       "![map](m.png)\\n_Figure 1: the route_\\n\\nTalks resumed in May.")
    >>> d.title, d.author, [d.text[p.start:p.end] for p in d.passages]
    ('Gas Talks', 'Jane Roe', ['Talks resumed in May.'])
    >>> [x.kind for x in d.dropped]
    ['front_matter', 'image', 'caption']
    """
    import warnings

    from relnlp.errors import RelnlpWarning, Warnings
    from relnlp.io._markdown import layout

    lay = layout(text)
    meta = dict(metadata or {})
    if lay.front_matter:
        meta["front_matter"] = lay.front_matter
    for problem in lay.warnings:
        warnings.warn(
            Warnings.W204.format(path=path or "<text>", detail=problem),
            RelnlpWarning,
            stacklevel=3,
        )
    doc = analyse(
        text,
        format="md",
        path=path,
        hints=lay.hints,
        metadata=meta,
        spans=lay.blocks,
        levels=lay.levels,
        hidden=tuple(lay.hidden),
        find_header=not (lay.title and lay.author),
        join_breaks=False,
    )
    doc.dropped = tuple(lay.dropped)
    if lay.title:
        doc.title = lay.title
    if lay.author:
        doc.author = lay.author
    if lay.date:
        doc.date = lay.date
        if lay.front_matter_span is not None:
            doc.date_span = None  # the date is in the front matter, not in the prose
    return doc
