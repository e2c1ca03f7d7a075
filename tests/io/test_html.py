"""HTML pages as saved from the web: main content, metadata, structure, offsets."""

from __future__ import annotations

from pathlib import Path

import relnlp

# Written for these tests: an invented think-tank page with the usual furniture.
PARAS = [
    "Georgia and Armenia signed a transit agreement in Tbilisi on 3 April 2024, "
    "ending a two-year dispute over rail tariffs on the line to the Black Sea ports.",
    "Officials in Yerevan said the deal would cut freight costs by a third. Baku, "
    "which competes for the same cargo, called the agreement a regional matter.",
    "Russia, whose railway company still runs the Armenian network under a concession, "
    "did not comment. Analysts expect Moscow to seek a share of the new traffic.",
    "The agreement must still be ratified by both parliaments before the summer. "
    "Opposition deputies in Tbilisi have asked for the tariff annex to be published first.",
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Rails Across the Caucasus | Caspian Review</title>
<meta name="author" content="Nino Beridze">
<meta property="article:published_time" content="2024-04-05T09:00:00+04:00">
<meta property="og:site_name" content="Caspian Review">
<script>window.tracking = "Kremlin Gazprom NATO";</script></head>
<body>
<header><a href="/">Caspian Review</a><nav><ul><li><a href="/a">Analysis</a></li>
<li><a href="/b">Podcasts</a></li><li><a href="/c">Subscribe</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Rails Across the Caucasus</h1>
<p class="byline">By Nino Beridze</p>
<p>{PARAS[0]}<sup>1</sup></p>
<h2>Winners and losers</h2>
<p>{PARAS[1]}</p>
<blockquote><p>{PARAS[2]}</p></blockquote>
<ul><li>Tariffs fall by a third on the Gyumri line.</li>
<li>Transit permits are issued at the border.</li></ul>
<p>{PARAS[3]}</p>
<h2>Notes</h2>
<ol class="footnotes"><li><sup>1</sup> Ministry of Economy of Armenia, press release, 3 April 2024.</li></ol>
</article></main>
<aside><h3>Related articles</h3><ul><li><a href="/x">Why Azerbaijan bets on the Middle Corridor</a></li>
<li><a href="/y">Turkey and the Zangezur question</a></li></ul></aside>
<footer><p>© 2024 Caspian Review. All rights reserved.</p><p>Privacy policy | Terms of use</p></footer>
</body></html>"""


def _read(tmp_path: Path, html: str) -> relnlp.Document:
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    return relnlp.read(p)


def test_html_keeps_the_article_and_drops_the_furniture(tmp_path: Path) -> None:
    d = _read(tmp_path, PAGE)
    for para in PARAS:
        assert " ".join(para.split()) in d.text.replace("¹", "")
    for junk in (
        "cookies",
        "Podcasts",
        "Related articles",
        "Zangezur",
        "All rights",
        "Privacy",
        "tracking",
    ):
        assert junk not in d.text, junk
    assert d.metadata["extraction"] == "trafilatura"
    assert [x.kind for x in d.dropped] == ["boilerplate"] and d.dropped[0].chars > 100
    assert d.dropped[0].start is None  # removed from the text, so no span


def test_html_metadata_and_structure(tmp_path: Path) -> None:
    d = _read(tmp_path, PAGE)
    assert d.title == "Rails Across the Caucasus"
    assert d.author == "Nino Beridze"
    assert d.date == "2024-04-05"
    assert d.metadata["site"] == "Caspian Review"
    assert "Winners and losers" in [s.heading for s in d.sections]
    assert [f.number for f in d.footnotes] == [1]
    assert len(d.footnotes[0].markers) == 1  # the ¹ after the first paragraph
    items = [d.text[p.start : p.end] for p in d.passages]
    assert "Tariffs fall by a third on the Gyumri line." in items  # a list item is a passage
    assert any(t.startswith("Russia, whose railway") for t in items)  # so is a quote
    for p in d.passages:
        assert 0 <= p.start < p.end <= len(d.text)


def test_html_page_wrapped_in_a_form_is_read(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        f"<html><body><form id='aspnetForm' action='x.aspx'><div>{body}</div></form></body></html>"
    )
    d = _read(tmp_path, html)
    assert PARAS[3] in d.text


def test_html_short_page_is_read_whole(tmp_path: Path) -> None:
    html = (
        "<html><body><div>Serbia and Kosovo resumed talks.</div><p>In Brussels.</p></body></html>"
    )
    d = _read(tmp_path, html)
    assert d.metadata["extraction"] == "visible text"
    assert "Serbia and Kosovo resumed talks." in d.text and "In Brussels." in d.text


def test_html_unclosed_head_does_not_hide_the_page(tmp_path: Path) -> None:
    # No </head> and no <body>: browsers end the head at the first body tag.
    html = (
        "<html><head><title>Border talks</title><meta charset='utf-8'>"
        "<style>p { color: red }</style>"
        "<p>Armenia and Azerbaijan resumed border talks in Almaty on Tuesday.</p>"
        "<p>The ministers agreed to meet again.</p></html>"
    )
    d = _read(tmp_path, html)
    assert d.text.startswith("Armenia and Azerbaijan resumed border talks")
    assert "color" not in d.text and "Border talks" not in d.text
    assert d.title == "Border talks"


def test_html_opening_line_of_a_section_is_kept(tmp_path: Path) -> None:
    # trafilatura alone drops "Welcome ..." (loose text opening a <section> in <article>).
    lines = "".join(
        f"<br>Line {i} of the posting tells where the flat is and what it costs." for i in range(30)
    )
    html = (
        "<html><body><article><h2>Flat to let</h2>"
        f"<section id='postingbody'>Welcome to <b>RomPromo</b> Accommodation!{lines}</section>"
        "</article></body></html>"
    )
    d = _read(tmp_path, html)
    assert d.metadata["extraction"] != "visible text"
    assert "Welcome to RomPromo Accommodation!" in d.text
    assert d.text.count("Line ") == 30
