"""Markdown reports as saved from static sites: front matter, figures, HTML tags, bios."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import relnlp
from relnlp.errors import RelnlpWarning

# Written for these tests (a Jekyll-style post about an invented summit).
POST = """---
layout: post
title : Water Diplomacy on the Amu Darya
author: Dilnoza Karimova and Tomas Lindqvist
date  : 2023-09-14 08:30:00 +0500
image : https://img.example.org/dam.jpg
description: "How Kabul's new canal unsettles Tashkent"
---

_Afghanistan's Qosh Tepa canal will divert a fifth of the river._ <excerpt/> _Uzbekistan wants talks._

<excerpt/>

### The Canal

Work on the Qosh Tepa canal began in March 2022 under the Taliban government in Kabul.
Engineers from Uzbekistan visited the site in May 2023.

![figure01](https://img.example.org/canal.png)
_▲ Planned route of the Qosh Tepa canal_

Tashkent proposed a joint commission to the [Taliban](https://example.org/taliban) envoy.

![figure02](https://img.example.org/flow.png)

*Figure 2: Seasonal flow at Termez, 2010-2022*

- Kazakhstan backed the proposal.
- Turkmenistan asked for a seat at the table.

{% include newsletter.html %}

---

__Dilnoza Karimova__ is a fellow at the Caspian Policy Forum in Baku.

__Tomas Lindqvist__ is a senior researcher at the Nordic Institute of Asian Affairs.
"""


def _write(tmp_path: Path, text: str, name: str = "post.md") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _passage_texts(doc: relnlp.Document) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.passages]


def test_markdown_front_matter_gives_title_author_date(tmp_path: Path) -> None:
    doc = relnlp.read(_write(tmp_path, POST))
    assert doc.title == "Water Diplomacy on the Amu Darya"
    assert doc.author == "Dilnoza Karimova and Tomas Lindqvist"
    assert doc.date == "2023-09-14"  # the date as written, not shifted to UTC
    assert doc.metadata["front_matter"]["description"] == "How Kabul's new canal unsettles Tashkent"
    assert doc.text == POST  # offsets stay into the file as given


def test_markdown_what_is_not_prose_is_dropped_with_its_span(tmp_path: Path) -> None:
    doc = relnlp.read(_write(tmp_path, POST))
    kinds = [d.kind for d in doc.dropped]
    assert kinds.count("front_matter") == 1
    assert kinds.count("image") == 2 and kinds.count("caption") == 2
    assert "bio" in kinds and "template" in kinds and "html" in kinds
    for d in doc.dropped:
        assert d.start is not None and d.end is not None
        assert d.chars == d.end - d.start > 0
    captions = [doc.text[d.start : d.end] for d in doc.dropped if d.kind == "caption"]
    assert captions[0] == "_▲ Planned route of the Qosh Tepa canal_"
    assert "Seasonal flow at Termez" in captions[1]
    table = doc.dropped_table()
    assert set(table.kind) == set(kinds)
    assert table.chars.sum() == sum(d.chars for d in doc.dropped)


def test_markdown_passages_hold_only_prose(tmp_path: Path) -> None:
    doc = relnlp.read(_write(tmp_path, POST))
    texts = _passage_texts(doc)
    joined = "\n".join(texts)
    for junk in (
        "layout",
        "imgur",
        "example.org/canal",
        "▲",
        "Figure 2",
        "{%",
        "fellow at",
        "senior researcher",
    ):
        assert junk not in joined, junk
    assert texts[-2:] == [
        "Kazakhstan backed the proposal.",
        "Turkmenistan asked for a seat at the table.",
    ]
    assert [s.heading for s in doc.sections] == ["The Canal"]
    view = doc.view().text
    assert "Termez" not in view and "Baku" not in view and "layout" not in view
    assert "Tashkent proposed a joint commission to the Taliban envoy." in view  # link text kept


def test_markdown_toml_front_matter_and_authors_list(tmp_path: Path) -> None:
    text = (
        '+++\ntitle = "Ports of the Black Sea"\nauthors = ["Ana Popescu", "Ivo Petrov"]\n'
        "date = 2021-11-02\n+++\n\nConstanta and Varna compete for Ukrainian grain exports.\n"
    )
    doc = relnlp.read(_write(tmp_path, text))
    assert (doc.title, doc.author, doc.date) == (
        "Ports of the Black Sea",
        "Ana Popescu and Ivo Petrov",
        "2021-11-02",
    )
    assert _passage_texts(doc) == ["Constanta and Varna compete for Ukrainian grain exports."]


def test_markdown_malformed_front_matter_warns_and_is_still_hidden(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Broken: [yaml\nauthor: Lena Meyer\n---\n\nBerlin hosted the talks on Libya.\n"
    )
    with pytest.warns(RelnlpWarning, match=r"\[W204\]"):
        doc = relnlp.read(_write(tmp_path, text))
    assert doc.author == "Lena Meyer"
    assert _passage_texts(doc) == ["Berlin hosted the talks on Libya."]


def test_markdown_speaker_labels_mid_text_are_not_a_bio(tmp_path: Path) -> None:
    text = (
        "---\ntitle: A Conversation\nauthor: Rui Costa\n---\n\n"
        "__Rui Costa:__ What did Lisbon expect from the summit in Luanda?\n\n"
        "__Marta Silva:__ Lisbon wanted a fisheries deal with Angola, and it got one.\n\n"
        "---\n\n__Marta Silva__ is a diplomat who served in Luanda.\n"
    )
    doc = relnlp.read(_write(tmp_path, text))
    texts = _passage_texts(doc)
    assert len(texts) == 2 and texts[0].startswith("__Rui Costa:__")
    assert [d.kind for d in doc.dropped] == ["front_matter", "bio"]


def test_markdown_without_front_matter_keeps_header_heuristics(tmp_path: Path) -> None:
    text = "# Grain Corridors\n\nPiotr Nowak\n\nPoland reopened its border crossings to Ukrainian trucks in 2023.\n"
    doc = relnlp.read(_write(tmp_path, text))
    assert doc.title == "Grain Corridors"
    assert doc.author == "Piotr Nowak"
    assert doc.dropped == ()


def test_markdown_tables_and_quotes_lose_their_syntax(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Trade\n---\n\n> Exports to Georgia doubled, the minister said.\n\n"
        "| Country | Exports |\n|---|---|\n| Armenia | 12 |\n"
    )
    doc = relnlp.read(_write(tmp_path, text))
    view = doc.view().text
    assert "|" not in view and ">" not in view and "---" not in view
    assert "Exports to Georgia doubled, the minister said." in view


def test_markdown_analysis_never_reads_dropped_text(tmp_path: Path, nlp: Any) -> None:
    report = nlp.analyze(_write(tmp_path, POST))
    dropped = [(d.start, d.end) for d in report.document.dropped]
    for name in ("entities", "dates", "passages", "tokens"):
        table = getattr(report, name)
        assert len(table), name
        for s, e, t in zip(table.start, table.end, table.text):
            assert report.text[s:e] == t
            assert not any(a < e and s < b for a, b in dropped), (name, t)
    assert report.documents.doc_date.iloc[0] == "2023-09-14"
    assert "Qosh Tepa" in " ".join(report.entities.text)


def test_analyze_warns_when_text_looks_like_a_path(nlp: Any) -> None:
    with pytest.warns(RelnlpWarning, match=r"\[W203\].*relnlp\.read") as record:
        nlp.analyze("reports/report.md")
    assert record[0].filename == __file__  # points at the caller, not inside relnlp
    with pytest.warns(RelnlpWarning, match=r"\[W203\]"):
        list(nlp.pipe(["Annex B.PDF"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp.analyze("Ankara and Baku signed a gas deal in 2018.")
        nlp.analyze("The annex is in annex.pdf\nand the rest follows.")


_PIECES = [
    "---\ntitle: T\n---\n",
    "+++\ntitle = 'T'\n+++\n",
    "# Head\n",
    "Setext\n===\n",
    "![alt](x.png)\n",
    "_▲ Caption here_\n",
    "<excerpt/>\n",
    "---\n",
    "- item one\n",
    "1. first\n",
    "> quoted words\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "{% raw %}\n",
    "__Jane Roe__ is a fellow.\n",
    "Plain prose about Minsk and Riga.\n",
    "\n",
    "\r\n",
    "```\ncode\n```\n",
    "[link](http://x)\n",
    "*emph*",
    "word-\nbreak ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.text(max_size=40))
@example(pieces=["---\ntitle: T\n---\n"], noise="\x0c")  # a form-feed-only paragraph
def test_markdown_layout_keeps_every_span_in_bounds(pieces: list[str], noise: str) -> None:
    text = "".join(pieces) + noise
    if not text.strip():
        return
    with warnings.catch_warnings():
        # A malformed front matter is warned about (W204), and that is allowed here.
        warnings.filterwarnings("ignore", message=r"\[W204\]", category=RelnlpWarning)
        doc = relnlp.Document.from_text(text, format="md")
    n = len(text)
    assert doc.text == text
    for part in (*doc.blocks, *doc.passages, *doc.sections):
        assert 0 <= part.start <= part.end <= n
    for d in doc.dropped:
        assert d.start is not None and d.end is not None
        assert 0 <= d.start < d.end <= n and d.chars == d.end - d.start
    view = doc.view()
    for i in range(0, len(view.text), 7):
        a, b = view.to_raw(i, i + 1)
        assert 0 <= a < b <= n


def test_markdown_footnote_definitions_are_notes_linked_to_markers(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Treaty\n---\n\nVilnius and Warsaw signed the corridor treaty.[^1] "
        "Riga joined later.[^2]\n\n[^1]: Lithuanian foreign ministry, 3 May 2021.\n"
        "[^2]: LSM, 9 June 2021.\n    Reported the next day.\n"
    )
    doc = relnlp.read(_write(tmp_path, text))
    assert [p.kind for p in doc.passages] == ["paragraph", "footnote", "footnote"]
    assert [f.number for f in doc.footnotes] == [1, 2]
    for f in doc.footnotes:
        ((a, b),) = f.markers
        assert doc.text[a:b] == f"[^{f.number}]"
    assert doc.text[doc.footnotes[1].start : doc.footnotes[1].end].endswith("next day.")


def test_markdown_excerpt_marker_in_an_event_sentence(tmp_path: Path, nlp: Any) -> None:
    # An <excerpt/> tag inside the sentence is markup (no token, entity or word of it),
    # and the event's span ends with the sentence, not on the hidden <excerpt/> line after.
    lead = (
        "_Uzbekistan signed a water agreement with Afghanistan in Tashkent on 3 May 2023, "
        "<excerpt/> and Kazakhstan criticised the deal._"
    )
    text = POST.replace(
        "_Afghanistan's Qosh Tepa canal will divert a fifth of the river._ <excerpt/> "
        "_Uzbekistan wants talks._",
        lead,
    )
    assert lead in text
    report = nlp.analyze(_write(tmp_path, text))
    assert "excerpt" not in report.document.view().text
    for name in ("tokens", "entities", "dates"):
        assert not any("excerpt" in t for t in getattr(report, name).text), name
    row = report.events[report.events.trigger.str.contains("signed")].iloc[0]
    assert report.text[row.start : row.end] == row.text
    assert row.text.startswith("Uzbekistan signed") and row.text.endswith("the deal.")
    assert row.text.count("<excerpt/>") == 1  # the inline tag; offsets stay into the file


# Written for this test: a pull quote repeating (with a small edit) a sentence of the body,
# and a block quote citing a speech, which stays a passage.
PULL = """### Grain and Leverage

Ankara brokered the grain deal after months of talks, and both navies kept their distance.

> Ankara brokered the grain deal after months of talks, and both navies kept clear.

> "We will not allow the Black Sea to become a lake of any single power," the minister said in Istanbul.

The corridor stayed open until the summer.
"""


def test_markdown_pull_quote_is_dropped_and_a_cited_quote_kept(tmp_path: Path) -> None:
    doc = relnlp.read(_write(tmp_path, PULL))
    pulls = [doc.text[d.start : d.end] for d in doc.dropped if d.kind == "pull_quote"]
    assert len(pulls) == 1 and pulls[0].endswith("kept clear.")
    texts = "\n".join(_passage_texts(doc))
    assert "lake of any single power" in texts
    assert texts.count("Ankara brokered") == 1
