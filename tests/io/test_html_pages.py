"""Real web pages (tests/data/html_pages): main text against a gold, offsets, metadata.

The pages are Mozilla Readability's test pages (Apache-2.0), each with a gold main text
given as XPath expressions into the page (MANIFEST.json). benchmarks/bench_html.py
measures every page side by side with trafilatura and "all text"; this test reads them
all for the offset contract and checks the main-text F1 of a few against a floor.
"""

from __future__ import annotations

import json
import re
import statistics
from functools import cache
from pathlib import Path

import pytest

import relnlp
from relnlp.evaluate.extraction import Page, page_counts, read_page_set, shingle_scores

PAGES = Path(__file__).resolve().parents[1] / "data" / "html_pages"


@cache
def _pages() -> dict[str, Page]:
    return {p.name: p for p in read_page_set(PAGES)}


@cache
def _read(name: str) -> relnlp.Document:
    return relnlp.read(PAGES / _pages()[name].meta["file"])


def _f1(name: str) -> float:
    page = _pages()[name]
    return shingle_scores([page_counts(page.gold, _read(name).text)])["f1"]


def test_manifest_records_where_each_page_comes_from() -> None:
    manifest = json.loads((PAGES / "MANIFEST.json").read_text("utf-8"))
    assert manifest["licence"].startswith("Apache-2.0")
    names = [p["name"] for p in manifest["pages"]]
    assert len(names) == len(set(names))
    for item in manifest["pages"]:
        assert (PAGES / item["file"]).is_file(), item["file"]
        assert re.fullmatch(r"[0-9a-f]{40}", item["commit"]), item["name"]
        assert item["source_path"].startswith("test/test-pages/"), item["name"]
    # Each gold is a real article, not an empty match of a mistyped XPath.
    for page in _pages().values():
        assert len(page.gold.split()) >= 100, page.name


@pytest.mark.parametrize("name", sorted(_pages()))
def test_offsets_hold_on_every_real_page(name: str) -> None:
    doc = _read(name)
    n = len(doc.text)
    assert n > 0 and doc.format == "html"
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= n
        assert doc.text[b.start : b.end] == doc.text[b.start : b.end].strip()
    for p in doc.passages:
        assert 0 <= p.start < p.end <= n and doc.text[p.start : p.end].strip()
    for s in doc.sections:
        assert 0 <= s.heading_start <= s.heading_end <= n and 0 <= s.start <= s.end <= n
        assert " ".join(s.heading.split()) in " ".join(doc.text[s.start : s.end].split())
    for f in doc.footnotes:
        assert 0 <= f.start < f.end <= n
        assert all(0 <= a < b <= n for a, b in f.markers)
    if doc.date_span is not None:
        assert 0 <= doc.date_span[0] < doc.date_span[1] <= n
    # Boilerplate is removed from the extracted text, so it has no span in it.
    assert all(d.start is None for d in doc.dropped if d.kind == "boilerplate")


# Pages with the most furniture around a short article (navigation, sidebars of other
# stories, login forms, partner headlines): all visible text scores 0.29-0.79 F1 on them.
FURNITURE_HEAVY = ("readability-ars-1", "readability-herald-sun-1", "readability-tmz-1")


def test_main_text_f1_on_furniture_heavy_real_pages() -> None:
    # Measured 2026-12-02 (benchmarks/results/html.md): 1.000, 0.894, 1.000; the floor is
    # the target for the mean and a per-page floor below the weakest page.
    scores = {name: _f1(name) for name in FURNITURE_HEAVY}
    assert statistics.mean(scores.values()) >= 0.93, scores
    assert min(scores.values()) >= 0.85, scores


def test_real_page_metadata() -> None:
    ars = _read("readability-ars-1")
    assert ars.title == "Just-released Minecraft exploit makes it easy to crash game servers"
    assert (ars.author, ars.date) == ("Dan Goodin", "2015-04-16")
    herald = _read("readability-herald-sun-1")
    assert (herald.author, herald.date) == ("Laurie Oakes", "2015-03-13")
    assert _read("readability-tmz-1").date == "2015-02-26"
    assert _read("readability-v8-blog").date == "2019-11-21"


def test_real_page_footnotes_are_linked() -> None:
    # The book chapter's notes 22-25 (<sup> markers in the text, notes at the foot).
    doc = _read("readability-google-sre-book-1")
    assert [f.number for f in doc.footnotes] == [22, 23, 24, 25]
    assert all(len(f.markers) == 1 for f in doc.footnotes)


def test_real_page_posting_keeps_its_opening_line() -> None:
    # A classified ad written with <br>: its first line is loose text opening a <section>.
    text = _read("readability-craiglist").text
    assert "Welcome to RomPromo Plus Accommodation!" in text
    assert "Apply to us ..." in text
