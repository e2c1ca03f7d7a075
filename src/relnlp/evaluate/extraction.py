"""Main-text extraction from web pages: the shingle measure and page sets with a gold text.

The measure is the one of the article-extraction benchmarks (scrapinghub's
article-extraction-benchmark): the words (``\\w+``) of a text grouped in 4-gram shingles;
true/false positives and false negatives counted per page and normalised by the page's
total; precision and recall averaged over pages, F1 taken from the two averages.

A page set is a folder with a ``MANIFEST.json`` listing pages (``file``, gzip when the
name ends in ``.gz``) and, per page, the gold main text as XPath expressions into the
page: the text of the elements ``gold_xpath`` matches, less those ``gold_drop`` matches
(the format of ``tests/data/html_pages``).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Page", "page_counts", "read_page_set", "shingle_scores"]

_WORD = re.compile(r"\w+")
_BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre td th tr dt dd section article table ul ol "
    "figcaption br".split()
)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Normalised ``(tp, fp, fn)`` of one page's 4-gram shingles.

    Examples
    --------
    >>> page_counts("a b c d e", "a b c d e")
    (1.0, 0.0, 0.0)
    >>> page_counts("a b c d e", "x y z w")
    (0.0, 0.333..., 0.666...)
    """
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, and the F1 of the two averages.

    Examples
    --------
    >>> shingle_scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    {'precision': 0.75, 'recall': 1.0, 'f1': 0.857...}
    """

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [rec(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Page:
    """One page of a page set: its HTML and its gold main text."""

    name: str
    html: str
    gold: str
    meta: dict[str, Any] = field(default_factory=dict)


def _text(el: Any, drop: set[Any]) -> str:
    """Text of an element, blocks on their own lines, dropped subtrees left out."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node in drop:
            if node.tail:
                parts.append(node.tail)
            return
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    tail = el.tail
    el.tail = None
    try:
        walk(el)
    finally:
        el.tail = tail
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def gold_text(html: str, xpath: str, drop: list[str] | tuple[str, ...] = ()) -> str:
    """The text of the elements ``xpath`` matches in ``html``, less the ``drop`` matches.

    Examples
    --------
    >>> gold_text("<div><p>Kept <b>here</b>.</p><p class='x'>Not.</p></div>",
    ...           "//div", ["//p[@class='x']"])
    'Kept here.'
    """
    from lxml import html as lhtml

    tree = lhtml.fromstring(html)
    dropped = {el for expr in drop for el in tree.xpath(expr)}
    found = tree.xpath(xpath)
    # An element inside another match is part of it already.
    matched = set(found)
    top = [el for el in found if not any(a in matched for a in el.iterancestors())]
    return "\n".join(t for el in top if (t := _text(el, dropped)))


def read_page_set(folder: Path | str) -> list[Page]:
    """The pages of a page set folder (see the module docstring), with their gold text."""
    folder = Path(folder)
    manifest = json.loads((folder / "MANIFEST.json").read_text("utf-8"))
    pages = []
    for item in manifest["pages"]:
        path = folder / item["file"]
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as f:
                html = f.read()
        else:
            html = path.read_text("utf-8")
        gold = gold_text(html, item["gold_xpath"], item.get("gold_drop", []))
        pages.append(Page(item["name"], html, gold, item))
    return pages
