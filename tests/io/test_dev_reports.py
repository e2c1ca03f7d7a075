"""The Jekyll Markdown reports of ../shared/dev/reports (development data, not shipped).

Gold: title, author and date as each file's front matter states them (read by hand).
Checks that no front matter, image, caption or bio text reaches a passage, and (slow)
an entity or a date of the full analysis.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import relnlp

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "dev" / "reports"

GOLD = {
    "2022-02-22-ukraine-conflict-update-5.md": (
        "Ukraine Conflict Update 2/22",
        "ISW Russia Team",
        "2022-02-22",
    ),
    "2022-06-01-russian-partner-or-player.md": (
        "Russian Partner Or Player?",
        "Elizabeth Wishnick",
        "2022-06-01",
    ),
    "2022-06-22-china-russia-ties-will-deepen.md": (
        "China-Russia Ties Will Deepen",
        "Andrea Kendall-Taylor and David O. Shullman",
        "2022-06-22",
    ),
    "2022-07-21-pla-learning-ukraine-war.md": (
        "PLA Learning Ukraine War",
        "Evan A. Feigenbaum and Charles Hooper",
        "2022-07-21",
    ),
    "2022-08-22-china-russia-weaknesses.md": (
        "China-Russia Weaknesses",
        "CSIS China Power Team",
        "2022-08-22",
    ),
    "2022-12-14-russias-adaptation-game.md": (
        "Russia’s Adaptation Game",
        "Max Bergmann, et al.",
        "2022-12-14",
    ),
    "2024-02-06-crisis-and-adaptation-of-is-k.md": (
        "Crisis And Adaptation Of IS-K",
        "Antonio Giustozzi",
        "2024-02-06",
    ),
    "2025-03-28-trans-caspian-corridor.md": (
        "Trans-Caspian Corridor",
        "Arzu Abbasova and Olivia Allison",
        "2025-03-28",
    ),
    "2025-12-12-russia-to-afghanistan-via-iran.md": (
        "Russia To Afghanistan Via Iran",
        "Sophia Nina Burna-Asefi",
        "2025-12-12",
    ),
}

pytestmark = pytest.mark.skipif(
    not DEV.is_dir(), reason=f"development data absent ({DEV}); see ../shared/dev/README.md"
)

# Lines that are never prose in these files: front-matter keys, image syntax, captions
# marked with a triangle, horizontal rules.
_NOT_PROSE = re.compile(r"^(?:layout|title|author|date|image|description)\s*:|!\[|▲|^---$", re.M)


def _front_matter_end(text: str) -> int:
    m = re.match(r"---\n.*?\n---\n", text, re.S)
    assert m, "every dev Markdown report has a front matter"
    return m.end()


def _bio_start(text: str) -> int:
    """Start of the closing bio: after the last rule, paragraphs opening with a bold name."""
    last_rule = max((m.end() for m in re.finditer(r"^---$", text, re.M)), default=-1)
    if last_rule > len(text) // 2 and re.match(r"\s*__[A-Z]", text[last_rule:]):
        return last_rule
    return len(text)


def _forbidden(text: str) -> list[tuple[int, int]]:
    spans = [(0, _front_matter_end(text)), (_bio_start(text), len(text))]
    for m in re.finditer(r"^!\[.*$(?:\n_▲.*$)?", text, re.M):  # image lines and captions
        spans.append(m.span())
    return spans


@pytest.mark.parametrize("name", sorted(GOLD))
def test_dev_markdown_header_and_clean_passages(name: str) -> None:
    doc = relnlp.read(DEV / name)
    assert (doc.title, doc.author, doc.date) == GOLD[name]
    forbidden = _forbidden(doc.text)
    for p in doc.passages:
        body = doc.text[p.start : p.end]
        assert not _NOT_PROSE.search(body), body[:80]
        assert not any(a < p.end and p.start < b for a, b in forbidden), body[:80]
    assert any(d.kind == "front_matter" for d in doc.dropped)
    if _bio_start(doc.text) < len(doc.text):
        assert any(d.kind == "bio" for d in doc.dropped)


def test_dev_markdown_all_nine_present() -> None:
    assert sorted(p.name for p in DEV.glob("*.md")) == sorted(GOLD)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GOLD))
def test_dev_markdown_analysis_reads_no_dropped_text(name: str, nlp: Any) -> None:
    report = nlp.analyze(relnlp.read(DEV / name))
    forbidden = _forbidden(report.text)
    for table in (report.entities, report.dates, report.passages):
        for s, e, t in zip(table.start, table.end, table.text):
            assert report.text[s:e] == t
            assert not any(a < e and s < b for a, b in forbidden), t


def test_dev_markdown_analysis_of_the_figure_report(nlp: Any) -> None:
    # The fast sibling of the slow test above: the report with ten figures and captions.
    test_dev_markdown_analysis_reads_no_dropped_text("2022-08-22-china-russia-weaknesses.md", nlp)
