#!/usr/bin/env python3
"""Main-text extraction from web pages (not a test): relnlp.read vs trafilatura vs all text.

The measure is the one of the article-extraction benchmarks (scrapinghub's
article-extraction-benchmark): words (``\\w+``) grouped in 4-gram shingles, true/false
positives and false negatives counted per page and normalised by the page's total, then
precision and recall averaged over pages and F1 taken from the two averages.

Page sets, each used when present:

``--pages DIR`` (default ``tests/data/html_pages``, stored in the repository)
    Real web pages saved by Mozilla Readability for its tests (news sites, blogs, a
    book chapter, a weekly edition laid out in tables), each with a gold main text
    given as XPath expressions into the page (``MANIFEST.json`` says, per page, the
    source commit, what was trimmed from the page and how the gold departs from
    Readability's expected output). The scores are also given apart for the pages
    looked at while relnlp's reader was changed and for those never used to decide a
    change (``seen_while_fixing`` in the manifest): only the second part is held out.
``--scrapinghub DIR`` (not stored: its pages are gzipped in a repository not mirrored here)
    A copy of scrapinghub/article-extraction-benchmark (``DIR/html/*.html.gz`` and
    ``DIR/ground-truth.json``): about 180 real article pages with hand-checked article
    bodies.
``--dev DIR`` (default ``../shared/dev/reports``)
    Pages *built* here from the development reports: each report's body rendered from
    its Markdown (markdown-it-py) and set inside each of three page templates written
    for this benchmark (a think-tank site with semantic HTML5, a news site of nested
    ``<div>`` elements with a comment thread, a blog with a sidebar before the
    article), with furniture inside the article too (a "read also" box and a donation
    call, a photo caption, "READ MORE" and an advertisement label, share and
    related-post boxes); the author bio goes in an author box outside the article.
    27 pages. Gold = the article body's text. The furniture is synthetic, so this set
    measures boilerplate removal on known furniture, not on the open web: report it
    as such.

Writes ``benchmarks/results/html.md`` and prints it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import platform
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "reports"
_WORD = re.compile(r"\w+")


# The measure (relnlp.evaluate.extraction) -----------------------------------------------
from relnlp.evaluate.extraction import page_counts, read_page_set  # noqa: E402
from relnlp.evaluate.extraction import shingle_scores as scores  # noqa: E402

PAGES = ROOT / "tests" / "data" / "html_pages"


# Extractors --------------------------------------------------------------------------
def relnlp_text(page: str) -> str:
    import relnlp

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page, encoding="utf-8")
        return relnlp.read(path).text


def trafilatura_text(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page) or ""


def trafilatura_recall_text(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, favor_recall=True) or ""


def all_text(page: str) -> str:
    """Every visible character of the page: the previous relnlp reader's extraction (the
    event-driven parser kept as fallback; scripts, styles, head and <nav> left out)."""
    from relnlp.io._html import VisibleText

    parser = VisibleText()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "relnlp.read": relnlp_text,
    "trafilatura.extract (default)": trafilatura_text,
    "trafilatura.extract (favor_recall)": trafilatura_recall_text,
    "all visible text (the previous reader)": all_text,
}


# Page sets ---------------------------------------------------------------------------
def scrapinghub_pages(root: Path) -> list[tuple[str, str, str]]:
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    out = []
    for key, item in sorted(truth.items()):
        path = root / "html" / f"{key}.html.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                out.append((key, f.read(), item.get("articleBody", "")))
    return out


NAV = [
    "Research",
    "Regions",
    "Experts",
    "Events",
    "Podcasts",
    "Publications",
    "About us",
    "Careers",
    "Support our work",
    "Contact",
]
RELATED = [
    "Why the Caspian pipeline debate is back on the agenda in Brussels",
    "Five questions about the future of the Shanghai Cooperation Organisation",
    "How sanctions reshaped trade routes between Europe and Asia",
    "The quiet diplomacy of Gulf mediators in the Horn of Africa",
    "What the latest defence white paper tells us about Tokyo's priorities",
]
COMMENTS = [
    "Great analysis, but I think the author underestimates how much domestic politics "
    "will constrain the leadership over the next year.",
    "Does anyone have a link to the original statement? I could not find it on the "
    "ministry's website.",
    "This is the third article this month that says the same thing. Where is the data?",
]
COOKIE = (
    "We use cookies to give you the best experience on our website. By continuing to "
    "browse you agree to our use of cookies. Manage preferences."
)
NEWSLETTER = (
    "Get our weekly briefing: the best of our research and events, delivered to "
    "your inbox every Friday. Enter your email address to subscribe."
)
FOOTER = (
    "1 Example Square, London. Registered charity number 000000. © 2025 All rights "
    "reserved. Privacy policy. Terms and conditions. Accessibility statement."
)


def _li(items: list[str], link: bool = True) -> str:
    return "".join(
        f"<li><a href='#'>{html.escape(x)}</a></li>" if link else f"<li>{x}</li>" for x in items
    )


def _insert(body: str, furniture: str, after: int = 3) -> str:
    """``furniture`` set into the article body after its ``after``-th paragraph."""
    parts = body.split("</p>")
    if len(parts) <= after:
        return body + furniture
    return "</p>".join(parts[:after]) + "</p>" + furniture + "</p>".join(parts[after:])


IN_ARTICLE = {
    "think_tank": (
        "<aside class='read-also'><strong>Read also</strong><ul>"
        + _li(RELATED[1:3])
        + "</ul></aside><div class='cta'><p>Enjoying this analysis? Support independent "
        "research on foreign policy with a donation today.</p><a class='button'>Donate</a></div>"
    ),
    "news": (
        "<figure class='photo'><img src='p.jpg'><figcaption>Delegates arrive for the talks. "
        "Photo: Agency staff photographer / Example Images</figcaption></figure>"
        "<p class='related-inline'><strong>READ MORE:</strong> <a>"
        + RELATED[0]
        + "</a></p><div class='ad'>Advertisement</div>"
    ),
    "blog": (
        "<div class='sharedaddy'><h3>Share this:</h3><ul>"
        + _li(["Twitter", "Facebook", "Print"])
        + "</ul></div><div class='jp-relatedposts'><h3>Related</h3><p><a>"
        + RELATED[3]
        + "</a></p></div>"
    ),
}


def template_think_tank(title: str, body: str, bio: str, date: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Example Institute</title>
<meta property="article:published_time" content="{date}"></head><body>
<div class="cookie-consent"><p>{COOKIE}</p><button>Accept</button></div>
<header><a class="logo" href="/">Example Institute</a><nav><ul>{_li(NAV)}</ul></nav>
<form class="search"><input placeholder="Search"></form></header>
<main><article><header><p class="kicker">Commentary</p><h1>{html.escape(title)}</h1>
<p class="meta"><time>{date}</time></p></header>
<div class="share"><a>Share on X</a> <a>Facebook</a> <a>LinkedIn</a> <a>Email</a></div>
<div class="article-body">{_insert(body, IN_ARTICLE["think_tank"])}</div></article>
<section class="author-box">{bio}</section>
<aside class="related"><h2>Related research</h2><ul>{_li(RELATED)}</ul></aside>
<section class="newsletter"><h2>Newsletter</h2><p>{NEWSLETTER}</p></section></main>
<footer><ul>{_li(NAV[:6])}</ul><p>{FOOTER}</p></footer></body></html>"""


def template_news(title: str, body: str, bio: str, date: str) -> str:
    comments = "".join(
        f"<div class='comment'><div class='user'>reader{i}</div><div class='text'>{c}</div>"
        f"<div class='reply'>Reply</div></div>"
        for i, c in enumerate(COMMENTS)
    )
    return f"""<html><head><title>{html.escape(title)}</title></head><body>
<div id="top"><div class="menu">{" | ".join(NAV)}</div></div>
<div id="wrapper"><div class="trending"><div class="label">Trending</div>
<div class="items">{"".join(f"<div class='t'><a>{x}</a></div>" for x in RELATED[:3])}</div></div>
<div id="content"><div class="headline"><h1>{html.escape(title)}</h1></div>
<div class="byline">Published {date}</div>
<div class="story">{_insert(body, IN_ARTICLE["news"])}</div>
<div class="bio">{bio}</div></div>
<div id="comments"><h3>{len(COMMENTS)} comments</h3>{comments}</div>
<div class="more"><h3>More from this section</h3>{"".join(f"<p><a>{x}</a></p>" for x in RELATED)}</div>
</div><div id="footer">{FOOTER}</div></body></html>"""


def template_blog(title: str, body: str, bio: str, date: str) -> str:
    archives = _li([f"{m} 2024" for m in ("January", "February", "March", "April", "May")])
    tags = " ".join(f"<a class='tag'>{t}</a>" for t in ("geopolitics", "energy", "Eurasia"))
    return f"""<!DOCTYPE html><html><head><title>{html.escape(title)} - Notes on Eurasia</title>
</head><body><div class="site"><div class="sidebar"><h3>About this blog</h3>
<p>Notes on Eurasian politics, energy and security by a small group of researchers.</p>
<h3>Archives</h3><ul>{archives}</ul><h3>Recent posts</h3><ul>{_li(RELATED[:4])}</ul>
<h3>Subscribe</h3><p>{NEWSLETTER}</p></div>
<div class="main"><div class="post"><h2 class="post-title">{html.escape(title)}</h2>
<div class="post-date">{date}</div><div class="entry">{body}{IN_ARTICLE["blog"]}</div>
<div class="post-footer">Tags: {tags}</div><div class="about-author">{bio}</div></div>
<div class="nav-links"><a>« Previous post</a> <a>Next post »</a></div></div></div>
<div class="credits">{FOOTER}</div></body></html>"""


TEMPLATES = [template_think_tank, template_news, template_blog]


def dev_pages(root: Path) -> list[tuple[str, str, str]]:
    from lxml import html as lhtml
    from markdown_it import MarkdownIt

    from relnlp.io._markdown import layout

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    out = []
    for path in sorted(root.glob("*.md")):
        text = path.read_text("utf-8")
        lay = layout(text)
        bio = "".join(text[d.start : d.end] + "\n\n" for d in lay.dropped if d.kind == "bio")
        body_md = text
        for d in sorted(lay.dropped, key=lambda d: -(d.start or 0)):
            if d.kind in ("front_matter", "bio") and d.start is not None:
                body_md = body_md[: d.start] + body_md[d.end :]
        body_html = md.render(body_md).replace("<excerpt/>", "")
        gold = lhtml.fromstring(f"<div>{body_html}</div>").text_content()
        for j, tpl in enumerate(TEMPLATES):
            page = tpl(lay.title or path.stem, body_html, md.render(bio), lay.date or "")
            out.append((f"{path.stem}#{j}", page, gold))
    return out


def real_pages(root: Path, seen: bool | None = None) -> list[tuple[str, str, str]]:
    """The page set; with ``seen``, only the pages whose ``seen_while_fixing`` is ``seen``."""
    return [
        (p.name, p.html, p.gold)
        for p in read_page_set(root)
        if seen is None or bool(p.meta.get("seen_while_fixing")) == seen
    ]


def run(
    pages: list[tuple[str, str, str]],
) -> tuple[dict[str, dict[str, float]], dict[str, list[float]]]:
    """Scores per extractor, and each page's F1 per extractor (same order as ``pages``)."""
    results = {}
    per_page: dict[str, list[float]] = {}
    for name, fn in EXTRACTORS.items():
        counts = [page_counts(gold, fn(page)) for _key, page, gold in pages]
        results[name] = scores(counts)
        per_page[name] = [scores([c])["f1"] for c in counts]
    return results, per_page


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scrapinghub", type=Path, help="a copy of article-extraction-benchmark")
    ap.add_argument("--pages", type=Path, default=PAGES, help="page set with a MANIFEST.json")
    ap.add_argument("--dev", type=Path, default=DEV, help="development reports (Markdown)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "html.md")
    args = ap.parse_args()
    sets: list[tuple[str, list[tuple[str, str, str]]]] = []
    if (args.pages / "MANIFEST.json").exists():
        sets.append(
            (
                "real web pages (Mozilla Readability test pages, tests/data/html_pages)",
                real_pages(args.pages),
            )
        )
    if args.scrapinghub and (args.scrapinghub / "ground-truth.json").exists():
        sets.append(
            (
                "scrapinghub article-extraction-benchmark (real pages)",
                scrapinghub_pages(args.scrapinghub),
            )
        )
    if args.dev.is_dir():
        sets.append(
            ("dev reports in built page templates (synthetic furniture)", dev_pages(args.dev))
        )
    lines = [
        f"# Main-text extraction ({dt.date.today().isoformat()}, Python "
        f"{platform.python_version()})",
        "",
        "4-gram shingle precision/recall per page, averaged over pages; F1 of the averages.",
        "",
    ]
    if not sets:
        lines.append("No page set found (see the script's docstring).")
    for title, pages in sets:
        res, per_page = run(pages)
        lines += [
            f"## {title}: {len(pages)} pages",
            "",
            "| extractor | precision | recall | F1 |",
            "|---|---|---|---|",
        ]
        for name, m in res.items():
            lines.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
        lines.append("")
        if len(pages) <= 40:
            names = list(EXTRACTORS)
            lines += [
                "F1 per page:",
                "",
                "| page | " + " | ".join(names) + " |",
                "|---|" + "---|" * len(names),
            ]
            for i, (key, _page, _gold) in enumerate(pages):
                cells = " | ".join(f"{per_page[n][i]:.3f}" for n in names)
                lines.append(f"| {key} | {cells} |")
            lines.append("")
    if (args.pages / "MANIFEST.json").exists():
        # The real pages split: those looked at while the reader was changed, and those
        # never used to decide a change (a held-out measure).
        lines += [
            "## real web pages by when they were stored",
            "",
            "| pages | n | " + " | ".join(f"{n} F1" for n in EXTRACTORS) + " |",
            "|---|---|" + "---|" * len(EXTRACTORS),
        ]
        for label, seen in (
            ("seen while the reader was changed", True),
            ("never used to change the reader (held out)", False),
        ):
            part = real_pages(args.pages, seen)
            if part:
                res, _ = run(part)
                cells = " | ".join(f"{res[n]['f1']:.3f}" for n in EXTRACTORS)
                lines.append(f"| {label} | {len(part)} | {cells} |")
        lines.append("")
    text = "\n".join(lines)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
