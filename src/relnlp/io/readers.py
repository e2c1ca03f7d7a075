"""Readers for .txt, .md, .html and .pdf reports, and :func:`read`.

Each reader turns a file into a :class:`~relnlp.io.Document`. For text and Markdown the
document's ``text`` is the decoded file content verbatim; for HTML and PDF it is the
extracted text, built so that block structure (headings, paragraphs) survives as blank
lines and superscript footnote numbers as Unicode superscripts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from relnlp import registry
from relnlp.errors import ArgumentTypeError, Errors, InputError, MissingFileError
from relnlp.io._decode import decode_bytes
from relnlp.io._document import Document, Dropped, analyse, markdown_document
from relnlp.io._headerdate import find_dates
from relnlp.io._html import SHORT_PAGE, BodyText, VisibleText, extract_main
from relnlp.lang.chars import LINE_ENDS_SENTENCE, TO_SUPERSCRIPT

__all__ = ["SUPPORTED", "read", "read_html", "read_pdf", "read_text"]

_F = TypeVar("_F", bound=Callable[..., Document])


def _register(name: str) -> Callable[[_F], _F]:
    """Typed wrapper of ``registry.readers.register``."""

    def deco(func: _F) -> _F:
        registry.readers.register(name, func=func)
        return func

    return deco


SUPPORTED = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
_SUPERSCRIPT = TO_SUPERSCRIPT


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    if not path.exists():
        raise MissingFileError(Errors.E002.format(path=path))
    if path.is_dir():
        raise InputError(Errors.E012.format(path=path), path=str(path))
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise InputError(Errors.E009.format(path=path, size=size, limit=max_bytes), path=str(path))
    return path.read_bytes()


@_register("txt")
def read_text(path: Path, *, max_bytes: int | None = None, format: str = "txt") -> Document:
    """Read a plain-text or Markdown report; ``text`` is the file content verbatim."""
    data = _read_bytes(path, max_bytes)
    text, encoding = decode_bytes(data, path)
    if not text.strip():
        raise InputError(Errors.E013.format(path=path), path=str(path))
    return Document.from_text(
        text, format=format, path=path, metadata={"encoding": encoding, "bytes": len(data)}
    )


@_register("md")
def read_markdown(path: Path, *, max_bytes: int | None = None) -> Document:
    """Read a Markdown report; ``text`` is the file content verbatim.

    The structure comes from a CommonMark parser (markdown-it-py): headings, paragraphs,
    list items, quotes and tables are blocks. A YAML (``---``) or TOML (``+++``) front
    matter gives title, author and date and is kept out of the analysis, as are images
    and their captions, HTML-only blocks (``<excerpt/>``), template tags, code blocks
    and a closing author bio: ``Document.dropped`` lists each with its span.
    """
    data = _read_bytes(path, max_bytes)
    text, encoding = decode_bytes(data, path)
    if not text.strip():
        raise InputError(Errors.E013.format(path=path), path=str(path))
    return markdown_document(text, path=path, metadata={"encoding": encoding, "bytes": len(data)})


# HTML -------------------------------------------------------------------------------
@_register("html")
def read_html(path: Path, *, max_bytes: int | None = None) -> Document:
    """Read an HTML page: its main content (the article), offline.

    Main-content extraction is trafilatura's (navigation, cookie notices, related links,
    comments and footers are left out; ``Document.dropped`` counts them as
    ``"boilerplate"``). Headings keep their level, paragraphs, list items, block quotes
    and table rows are blocks, ``<sup>`` footnote numbers become Unicode superscripts.
    Title, author, date and site come from the page's metadata. A page where no main
    content is found is read whole (all visible text), so a page with text is never
    refused; one without visible text raises a coded :class:`InputError` (E016).
    Nothing external is ever fetched.
    """
    data = _read_bytes(path, max_bytes)
    text_in, encoding = decode_bytes(data, path)
    if not text_in.strip():
        raise InputError(Errors.E013.format(path=path), path=str(path))
    parser = VisibleText()
    try:
        parser.feed(text_in)
        parser.close()
    except (AssertionError, ValueError) as exc:  # malformed declarations
        raise InputError(Errors.E010.format(path=path, detail=exc), path=str(path)) from exc
    all_text = "".join(parser.parts)
    meta: dict[str, Any] = {"encoding": encoding, "bytes": len(data)}
    if parser.page_title:
        meta["html_title"] = parser.page_title
    for key in ("author", "date", "dc.date", "article:published_time", "citation_date"):
        if parser.meta.get(key):
            meta[key] = parser.meta[key]

    # Below about a screenful of visible text there is little furniture to remove and
    # main-content heuristics are least reliable (they may take a paragraph for a
    # teaser): such a page is read whole.
    short = len(all_text) < SHORT_PAGE and all_text.strip()
    main = None if short else extract_main(text_in)
    body = getattr(main, "body", None) if main is not None else None
    flat = BodyText()
    if body is not None:
        flat.walk(body)
    if flat.blocks:
        text = "\n\n".join(flat.blocks)
        hints: dict[int, str] = {}
        levels: dict[int, int] = {}
        pos = 0
        in_header = True
        for block, (kind, level) in zip(flat.blocks, flat.kinds):
            # Before the first sentence-long paragraph, paragraphs are left to the header
            # heuristics (a byline, a dateline); after it, a paragraph is a paragraph.
            if kind == "paragraph" and (len(block.split()) > 20 or block.endswith((".", "?", "!"))):
                in_header = False
            if kind != "paragraph" or not in_header:
                hints[pos] = kind
            if kind == "heading":
                levels[pos] = level
            pos += len(block) + 2
        meta["extraction"] = "trafilatura"
        doc = analyse(text, format="html", path=path, hints=hints, metadata=meta, levels=levels)
        visible = len(" ".join(all_text.split()))
        kept = len(" ".join(text.split()))
        if visible > kept:
            doc.dropped = (Dropped("boilerplate", visible - kept),)
        for key in ("title", "author", "date", "sitename", "description", "url"):
            value = getattr(main, key, None)
            if value:
                meta[f"page_{key}"] = str(value)
        if meta.get("page_sitename"):
            meta["site"] = meta["page_sitename"]
        doc.metadata = meta
        # trafilatura's title (metadata, then the main heading) is cleaned of the site's
        # name; the page's <title> is the last resort.
        title = meta.get("page_title") or doc.title or parser.page_title
        if title:
            doc.title = title
        author = meta.get("author") or meta.get("page_author")
        if author:
            # A byline read with its affiliation ("Jane Roe Institute of ..."): names stop
            # where the institution starts.
            from relnlp.io._structure import _AFFILIATION

            cut = _AFFILIATION.search(author)
            doc.author = (author[: cut.start()] if cut and cut.start() > 0 else author).strip(
                " ,;|"
            )
        date = meta.get("page_date")
        if date:
            found = find_dates(date)
            doc.date = found[0].value if found else doc.date
        return doc
    if not all_text.strip():
        raise InputError(Errors.E016.format(path=path), path=str(path))
    meta["extraction"] = "visible text"
    doc = Document.from_text(all_text, format="html", path=path, hints=parser.hints, metadata=meta)
    if doc.title is None and parser.page_title:
        doc.title = parser.page_title
    if doc.author is None and meta.get("author"):
        doc.author = meta["author"]
    return doc


# PDF --------------------------------------------------------------------------------
_SENT_END = LINE_ENDS_SENTENCE


def _reflow_page(page_text: str) -> str:
    """Turn a page's lines into blocks: a short line ending a sentence ends a paragraph."""
    lines = [ln.rstrip() for ln in page_text.replace("\r\n", "\n").split("\n")]
    widths = sorted(len(ln) for ln in lines if ln.strip())
    if not widths:
        return ""
    typical = widths[int(len(widths) * 0.75)] if len(widths) > 3 else widths[-1]
    out: list[str] = []
    for ln in lines:
        if not ln.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(ln.strip())
        short = len(ln.strip()) < 0.8 * typical
        if short and (_SENT_END.search(ln) or len(ln.split()) <= 12):
            out.append("")
    return "\n".join(out).strip()


def _page_text(page: Any) -> str:
    """A page's text with blank lines where the layout has vertical gaps.

    pypdf's layout mode keeps those gaps (paragraph breaks) but pads lines with spaces;
    runs of spaces are folded. Pages it cannot lay out fall back to plain extraction,
    reflowed by line length.
    """
    try:
        laid = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001  (pypdf's layout mode raises assorted errors)
        laid = ""
    if not laid.strip():
        return _reflow_page(page.extract_text() or "")
    lines = [" ".join(ln.split()) for ln in laid.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _opens_without_password(reader: Any) -> bool:
    """Whether the empty user password opens an encrypted PDF (owner-only restrictions)."""
    from pypdf.errors import PyPdfError

    try:
        return bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED == 0
    except (PyPdfError, NotImplementedError, ValueError, KeyError, TypeError):
        return False  # e.g. AES without the optional 'cryptography' package


@_register("pdf")
def read_pdf(path: Path, *, max_bytes: int | None = None) -> Document:
    """Read a PDF: its text in reading order, without running heads and page numbers.

    pdfminer.six's layout analysis gives the lines with their positions (see
    :mod:`relnlp.io._pdf`): two-column pages are read column by column, notes at the foot
    of a page go to the end (linked to their markers), hyphenation at line ends is
    repaired, and running heads, feet and page numbers are dropped (``Document.dropped``).
    When that fails, pypdf's text layer is read instead (pages separated by blank
    lines). Paragraphs that run across a page break are joined back by the structure
    analysis. The title is the first page's largest type, else the structure's, else
    the PDF info's (unless it is a file name). About 0.2 s per page. Encrypted (password needed to open), damaged and image-only PDFs raise a coded
    :class:`InputError`. A PDF encrypted only against editing or printing (an empty
    password opens it) is read.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(Errors.E013.format(path=path), path=str(path))
    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(Errors.E006.format(path=path, detail="no %PDF header"), path=str(path))
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise InputError(Errors.E005.format(path=path), path=str(path))
        n_pages = len(reader.pages)
        info: Any = reader.metadata or {}
        laid = None if reader.is_encrypted else _pdf_layout(data)
        # pypdf's text layer: only when the layout reading found nothing (or failed).
        pages = (
            [] if laid is not None and laid.text.strip() else [_page_text(p) for p in reader.pages]
        )
    except InputError:
        raise
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
        AssertionError,
        ZeroDivisionError,
    ) as exc:
        raise InputError(Errors.E006.format(path=path, detail=exc), path=str(path)) from exc
    if (laid is None or not laid.text.strip()) and not any(p.strip() for p in pages):
        raise InputError(Errors.E007.format(path=path, pages=n_pages), path=str(path))
    meta: dict[str, Any] = {"pages": n_pages, "bytes": len(data)}
    for key in ("/Title", "/Author", "/CreationDate"):
        if info.get(key):
            meta[key.strip("/").lower()] = str(info.get(key))
    dropped: tuple[Dropped, ...] = ()
    if laid is not None and laid.text.strip():
        text = laid.text
        meta["extraction"] = "layout"
        meta["two_column_pages"] = laid.columns
        meta["notes"] = laid.notes
        by_kind: dict[str, list[int]] = {}
        for kind, chars in laid.dropped:
            by_kind.setdefault(kind, []).append(chars)
        dropped = tuple(Dropped(k, c) for k, cs in by_kind.items() for c in cs)
    else:
        text = "\n\n".join(t for t in pages if t)
        meta["extraction"] = "text layer"
    doc = Document.from_text(text, format="pdf", path=path, metadata=meta, dropped=dropped)
    info_title = meta.get("title", "")
    # Producers often leave a file name or an editor's label as the title.
    if re.search(r"\.(?:docx?|pdf|indd|tex|odt)\b|^Microsoft Word|^untitled", info_title, re.I):
        info_title = ""
    first_title = laid.first_page_title if laid is not None else None
    if first_title:
        doc.title = first_title
    elif doc.title is None and info_title:
        doc.title = info_title
    if doc.author is None and meta.get("author"):
        doc.author = meta["author"]
    if doc.date is None and meta.get("creationdate"):
        m = re.match(r"D:(\d{4})(\d{2})(\d{2})", meta["creationdate"])
        if m:
            found = find_dates("-".join(m.groups()))
            if found:
                doc.date = found[0].value
                meta["date_source"] = "PDF creation date"
    return doc


def _pdf_layout(data: bytes) -> Any:
    """pdfminer.six layout reading (columns, running heads, notes); None if it fails."""
    from relnlp.io._pdf import layout

    try:
        return layout(data)
    except Exception as exc:  # noqa: BLE001  (pdfminer raises many types; pypdf has read it)
        import logging

        logging.getLogger("relnlp").debug("pdfminer layout failed: %s", exc)
        return None


def _looks_like_text(value: str) -> bool:
    """A string that is no existing file and reads as text: markup, several lines, or long."""
    stripped = value.strip()
    textlike = "\n" in stripped or stripped.startswith("<") or len(value) > 4096
    # A real file may have any of these in its name; os.path.lexists is False on OSError.
    return textlike and not os.path.lexists(value)


def read(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int | None = 200_000_000,
) -> Document:
    """Read a report into a :class:`~relnlp.io.Document`.

    Parameters
    ----------
    path : str or path-like
        A .txt, .md, .html or .pdf file.
    format : str, optional
        Force a reader (``"txt"``, ``"md"``, ``"html"``, ``"pdf"`` or a registered name).
    max_bytes : int, optional
        Refuse larger files (coded :class:`InputError`); ``None`` for no limit.

    Raises
    ------
    TypeError
        ``path`` is not a path.
    FileNotFoundError
        The file does not exist.
    relnlp.errors.InputError
        The file cannot be read as a report (binary, encrypted, unsupported...).

    Examples
    --------
    >>> import relnlp, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.md"
    >>> _ = p.write_text("# A Title\\n\\nJane Doe\\n\\nA paragraph of the report body.")
    >>> relnlp.read(p).title
    'A Title'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(Errors.E001.format(type=type(path).__name__))
    if isinstance(path, str) and _looks_like_text(path):
        raise InputError(Errors.E040.format(n=len(path), start=path.lstrip()[:40]))
    p = Path(path)
    if format is None:
        fmt = SUPPORTED.get(p.suffix.lower())
        if fmt is None:
            if not p.exists():
                raise MissingFileError(Errors.E002.format(path=p))
            raise InputError(
                Errors.E004.format(path=p, suffix=p.suffix, supported=", ".join(sorted(SUPPORTED))),
                path=str(p),
            )
    else:
        fmt = format
    try:
        reader = registry.readers.get(fmt)
    except Exception as exc:  # catalogue raises RegistryError (a ValueError subclass)
        from relnlp.errors import ConfigError

        valid = ", ".join(sorted(registry.readers.get_all()))
        raise ConfigError(Errors.E104.format(what="format", value=fmt, valid=valid)) from exc
    doc: Document = reader(p, max_bytes=max_bytes)
    return doc
