"""HTML pages: the event-driven visible-text parser and trafilatura's main content.

:class:`VisibleText` reads every visible character (the whole page, no tree, so no depth
limit); :func:`extract_main` runs trafilatura's main-content extraction and
:class:`BodyText` flattens its XML body into text blocks with their kinds.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

__all__ = ["SHORT_PAGE", "BodyText", "VisibleText", "extract_main"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_HTML_DROP = frozenset(
    # Not <form>: sites built on ASP.NET wrap the whole page in one.
    "script style noscript template svg iframe object embed nav button select textarea math".split()
)
_HTML_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre figcaption caption td th tr div section "
    "article header footer aside main address table ul ol dl hr br title body".split()
)
_HEADINGS = {
    "h1": "title",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
}
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())


class VisibleText(HTMLParser):
    """Event-driven extraction of visible text: no tree, so no depth limit.

    Blocks are separated by blank lines; ``<h1>``-``<h6>`` become heading hints;
    ``<sup>`` holding a number becomes Unicode superscript digits (a footnote marker).
    Nothing is fetched: the parser only sees the string.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.pending_break = False
        self.skip = 0
        self.in_head = False
        self.heading: tuple[str, list[str]] | None = None
        self.sup: list[str] | None = None
        self.hints: dict[int, str] = {}
        self.meta: dict[str, str] = {}
        self.title: list[str] | None = None
        self.page_title = ""

    def _emit(self, s: str) -> None:
        if not s:
            return
        if self.pending_break and self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.pending_break = False
        self.parts.append(s)
        self.length += len(s)

    def _inline(self, s: str) -> None:
        s = re.sub(r"\s+", " ", s)
        if not self.parts or self.pending_break or self.parts[-1].endswith((" ", "\n")):
            s = s.lstrip()
        self._emit(s)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            d = dict(attrs)
            name = (d.get("name") or d.get("property") or "").lower()
            if d.get("content"):
                self.meta[name] = d["content"] or ""
            return
        if tag == "head":
            self.in_head = True
            return
        if self.in_head and (tag == "body" or tag in _HTML_BLOCKS) and tag != "title":
            # A body tag ends an unclosed <head>, as browsers do (HTML's "in head" mode).
            self.in_head = False
        if tag == "title" and self.skip == 0:
            self.title = []
        if tag in _HTML_DROP and tag not in _VOID:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _HTML_BLOCKS:
            self.pending_break = True
        if tag in _HEADINGS:
            self.heading = (tag, [])
        elif tag == "sup":
            self.sup = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.page_title = " ".join("".join(self.title).split())
            self.title = None
            if self.in_head:
                return
        if tag == "head":
            self.in_head = False
            return
        if tag in _HTML_DROP and tag not in _VOID:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _HEADINGS and self.heading is not None:
            kind = _HEADINGS[self.heading[0]]
            text = " ".join("".join(self.heading[1]).split())
            self.heading = None
            if text:
                self.pending_break = True
                self._emit(text)
                self.hints[self.length - len(text)] = kind
            self.pending_break = True
        elif tag == "sup" and self.sup is not None:
            raw = "".join(self.sup).strip().strip("[]")
            self.sup = None
            if raw.isdigit() and len(raw) <= 3:
                self._emit(raw.translate(_SUPERSCRIPT))
            else:
                self._inline(raw)
        elif tag in _HTML_BLOCKS:
            self.pending_break = True

    def close(self) -> None:
        # A comment left open runs to the end of the page, as in browsers (HTML "EOF in
        # comment"); the standard parser would otherwise emit it as visible text.
        if self.rawdata.startswith("<!--"):
            self.rawdata = ""
        super().close()

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        if self.skip or self.in_head:
            return
        if self.heading is not None:
            self.heading[1].append(data)
        elif self.sup is not None:
            self.sup.append(data)
        else:
            self._inline(data)


SHORT_PAGE = 1000  # characters of visible text
_LINE_BREAK = "\x00"  # stands for <br> until white space is folded (never in decoded text)
_TEI_BLOCKS = frozenset("p head quote item list table row cell code fw note".split())
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class BodyText:
    """Flatten trafilatura's XML body (TEI-like) into text with blank lines between blocks.

    ``<head>`` becomes a heading hint with its level, ``<p>``, ``<quote>``, list items and
    table rows become blocks, ``<hi rend="#sup">`` holding a number becomes Unicode
    superscript digits (a footnote marker).
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.kinds: list[tuple[str, int]] = []

    def _inline(self, el: Any) -> str:
        parts: list[str] = [el.text or ""]
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "hi" and (child.get("rend") or "") == "#sup":
                raw = "".join(child.itertext()).strip().strip("[]")
                if raw.isdigit() and len(raw) <= 3:
                    parts.append(raw.translate(_SUPERSCRIPT))
                else:
                    parts.append(raw)
            elif tag == "lb":
                parts.append(_LINE_BREAK)
            elif tag in ("graphic",):
                pass
            else:
                parts.append(self._inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def _add(self, text: str, kind: str, level: int = 0) -> None:
        # White space folds as in a browser; <br> stays a line break inside the block.
        lines = (" ".join(line.split()) for line in text.split(_LINE_BREAK))
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(text)
            self.kinds.append((kind, level))

    def walk(self, el: Any) -> None:
        for child in el:
            self._block(child)

    def _block(self, child: Any) -> None:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            self._add(
                self._inline(child), "heading", _HEADING_LEVEL.get(child.get("rend") or "", 2)
            )
        elif tag in ("list", "table", "div", "body"):
            self.walk(child)
        elif tag == "row":
            cells = [c for c in child if isinstance(c.tag, str) and c.tag == "cell"]
            if any(_has_blocks(c) for c in cells):
                # A layout table (the page set out in table cells): each cell is a
                # container of blocks, not a cell of data.
                for cell in cells:
                    self._mixed(cell)
            else:
                texts = [" ".join(self._inline(c).split()) for c in cells]
                self._add("\t".join(t for t in texts if t), "paragraph")
        elif tag == "item" and any(isinstance(c.tag, str) and c.tag == "list" for c in child):
            own = (child.text or "").strip()
            if own:
                self._add(own, "paragraph")
            self.walk(child)
        elif tag in _TEI_BLOCKS or tag:
            if tag in ("cell", "quote", "item") and _has_blocks(child):
                self._mixed(child)
            else:
                self._add(self._inline(child), "paragraph")

    def _mixed(self, el: Any) -> None:
        """A container holding both blocks and loose text: runs of text between the
        blocks are paragraphs of their own (words never run into the next block)."""
        run: list[str] = [el.text or ""]
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _CONTAINER_BLOCKS:
                self._add("".join(run), "paragraph")
                run = []
                self._block(child)
            elif tag == "lb":
                run.append(_LINE_BREAK)
            else:
                run.append(self._inline(child))
            run.append(child.tail or "")
        self._add("".join(run), "paragraph")


_CONTAINER_BLOCKS = frozenset("p head list item table row cell quote code div fw note".split())


def _has_blocks(el: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _CONTAINER_BLOCKS for c in el)


def extract_main(html_text: str) -> Any:
    """trafilatura's main-content extraction (no network: it only parses the string).

    trafilatura's default setting is tried first. On short pages it can fall back to a
    generic extractor that keeps only part of the article and loses headings and
    superscripts; on those (under 2,000 characters kept) the recall-oriented setting is
    tried too, and used when it keeps section headings (after the first paragraph) the
    default lost, or much more text.
    """
    tree = _load_tree(html_text)
    if tree is None:
        return None
    import copy

    default = _trafilatura(copy.deepcopy(tree), favor_recall=False)
    if default is not None and len(default.text or "") >= 2000:
        return default
    recall = _trafilatura(tree, favor_recall=True)
    if default is None or recall is None:
        return recall if default is None else default

    def heads(x: Any) -> int:
        # Headings inside the body (after its first paragraph): section headings the
        # default setting lost. Headings before any paragraph are the page's headline,
        # kicker or dateline, which the metadata already gives.
        return (
            int(x.body.xpath("count(.//head[preceding::p[normalize-space()]])"))
            if x.body is not None
            else 0
        )

    if heads(recall) > heads(default) or len(default.text or "") < 0.6 * len(recall.text or ""):
        return recall
    return default


def _load_tree(html_text: str) -> Any:
    """The page as an lxml tree without what a reader never sees.

    ``<noscript>`` (shown only without JavaScript), ``<template>``, ``<svg>`` and
    ``<math>`` are removed before extraction; trafilatura would otherwise keep their text.
    """
    from lxml.etree import LxmlError
    from trafilatura.utils import load_html

    try:
        tree = load_html(html_text)
        if tree is None:
            return None
        for el in tree.xpath("//noscript|//template|//svg|//math|//*[local-name()='svg']"):
            parent = el.getparent()
            if parent is not None:
                el.drop_tree() if hasattr(el, "drop_tree") else parent.remove(el)
        for el in tree.xpath("//section|//article|//center"):
            _wrap_leading_text(el)
    except (LxmlError, ValueError, TypeError, RecursionError):
        return None
    return tree


# Where the opening run of loose text ends: a line break or a block.
_LEAD_STOP = frozenset(
    "address article aside blockquote br center dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table ul".split()
)


def _wrap_leading_text(el: Any) -> None:
    """Put the loose text that opens ``el`` in a ``<p>`` of its own.

    trafilatura drops the text that opens a ``<section>``, ``<article>`` or ``<center>``
    nested in the ``<article>`` or ``<main>`` it reads (the first line of a posting
    written with ``<br>``: "Welcome to ...<br>In the heart of ..."), while it keeps the
    text after the first ``<br>`` and any text in a ``<p>``. The run of text and inline
    elements up to the first line break or block becomes a paragraph.
    """
    if not (el.text or "").strip():
        return
    run = []
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag.lower() in _LEAD_STOP:
            break
        run.append(child)
    if not run and len(el) == 0:
        return  # text alone in the element: trafilatura keeps it
    p = el.makeelement("p", {})
    p.text, el.text = el.text, None
    for child in run:
        p.append(child)  # moves the child with its tail
    el.insert(0, p)


def _trafilatura(html_text: Any, *, favor_recall: bool) -> Any:
    import trafilatura
    from lxml.etree import LxmlError

    try:
        return trafilatura.bare_extraction(
            html_text,
            favor_recall=favor_recall,
            output_format="python",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=True,
            deduplicate=False,
            # Only the page's metadata and markup for the date: a date found in the prose
            # is not the page's own.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (
        LxmlError,
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        KeyError,
        RecursionError,
    ) as exc:
        import logging

        logging.getLogger("relnlp").debug("trafilatura failed: %s", exc)
        return None
