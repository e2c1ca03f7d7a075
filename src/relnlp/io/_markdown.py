"""Markdown structure with a real parser: front matter, blocks, and what is not prose.

Reports saved from static sites (Jekyll, Hugo) are Markdown with a YAML (``---``) or TOML
(``+++``) front matter, images with captions under them, raw HTML tags
(``<excerpt/>``), template tags (``{% ... %}``), rules and an author bio at the end.
:func:`layout` parses the text with markdown-it-py (CommonMark, with tables), whose
block tokens carry their source lines, and returns:

* the front matter's fields (title, author, date...) and its span;
* one block per leaf block (heading, paragraph, list item, table), located by offsets
  into the text as given, with its kind when the syntax tells it;
* what is dropped from analysis (:class:`~relnlp.io.Dropped`: front matter, images,
  captions, HTML-only blocks, template tags, code, the author bio) and the spans of
  syntax to hide (list and quote markers, table rules and pipes).

Nothing is removed from the text: offsets stay into the file as given.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from relnlp.io._headerdate import find_dates
from relnlp.io._markup import normalise_newlines
from relnlp.io._records import Dropped

__all__ = ["MarkdownLayout", "has_front_matter", "layout"]

_FRONT_MATTER = re.compile(
    r"\A(?P<bom>\ufeff?)(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)(?:\r?\n)?"
    r"^(?P=fence)[ \t]*$\r?\n?",
    re.DOTALL | re.MULTILINE,
)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*?)\s*$", re.MULTILINE)
# Liquid (Jekyll) and Hugo shortcode tags: instructions to the site generator, not text.
_TEMPLATE = re.compile(r"\{%[^\n]{0,500}?%\}|\{\{[<%][^\n]{0,500}?[>%]\}\}|\{\{[^{}\n]{1,200}\}\}")
_NOTE_DEF = re.compile(r"[ \t]{0,3}\[\^[^\]\s]+\]:")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*?)?/?>", re.DOTALL)
_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?")
_QUOTE_MARK = re.compile(r"[ \t]*((?:>[ \t]?)+)")
_LIST_MARK = re.compile(r"[ \t]*(?:>[ \t]?)*([-*+]|\d{1,9}[.)])(?=[ \t]|$)")
# What a caption under a figure starts with, when it is not set in italics.
_CAPTION_CUE = re.compile(
    r"^\s*(?:[▲▼►◄△▽↑]|(?:Figure|Fig\.|Chart|Graph|Map|Table|Image|Photo|Source|Credit|"
    r"Illustration|Exhibit)\b)",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]*){1,5}$"
)
_ABOUT = re.compile(r"^about\s+the\s+authors?$|^authors?$|^contributors?$", re.IGNORECASE)
_DATE_KEYS = ("date", "published", "publishdate", "pubdate", "date_published", "created")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")


def has_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a YAML (``---``) or TOML (``+++``) front matter block
    holding at least one ``key: value`` (or ``key = value``) line."""
    if not text.lstrip("\ufeff").startswith(("---", "+++")):
        return False
    m = _FRONT_MATTER.match(normalise_newlines(text))
    return bool(m and _KEY_VALUE.search(m.group("body")))


@dataclass
class MarkdownLayout:
    """What :func:`layout` found (all offsets into the text as given)."""

    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_span: tuple[int, int] | None = None
    blocks: list[tuple[int, int]] = field(default_factory=list)
    hints: dict[int, str] = field(default_factory=dict)
    levels: dict[int, int] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    hidden: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)


def _plain(value: Any) -> Any:
    """Front-matter values as JSON-friendly Python (dates as ISO strings)."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _parse_front_matter(body: str, toml: bool) -> tuple[dict[str, Any], str | None]:
    """Fields of a front matter; a malformed one falls back to ``key: value`` lines."""
    try:
        if toml:
            data: Any = tomllib.loads(body)
        else:
            import yaml

            data = yaml.safe_load(body)
        if isinstance(data, dict):
            return {str(k).strip(): _plain(v) for k, v in data.items()}, None
        if data is None:
            return {}, None  # an empty front matter (Jekyll allows "---\n---")
        problem = f"front matter is a {type(data).__name__}, not a mapping"
    except Exception as exc:  # noqa: BLE001  (yaml and tomllib raise their own errors)
        problem = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    fields = {
        m.group("key"): m.group("value").strip().strip("\"'")
        for m in _KEY_VALUE.finditer(body)
        if not m.group(0).lstrip().startswith("#")
    }
    return fields, problem


def _first(fields: dict[str, Any], keys: tuple[str, ...]) -> Any:
    low = {k.lower(): v for k, v in fields.items()}
    for k in keys:
        v = low.get(k)
        if v not in (None, "", []):
            return v
    return None


def _author(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or next(iter(value.values()), None)
    if isinstance(value, list):
        names = [_author(v) for v in value]
        kept = [n for n in names if n]
        return " and ".join(kept) if kept else None
    text = " ".join(str(value).split())
    return text or None


def _date(value: Any) -> str | None:
    """An ISO date from a front-matter value, as written (the site's local date)."""
    if value is None:
        return None
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        found = find_dates(m.group(0))
        return found[0].value if found else None
    found = find_dates(text)
    return found[0].value if found else None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans blanked (line breaks kept, so line numbers stay)."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


class _Lines:
    """Offsets of the lines of a text (markdown-it maps blocks to line numbers)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def end(self, line: int) -> int:
        """End of line ``line`` (exclusive of its line break)."""
        if line + 1 < len(self.starts):
            return self.starts[line + 1] - 1
        return len(self.text)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Span of lines ``[first, last)`` trimmed of surrounding white space."""
        a, b = self.start(first), self.end(max(first, last - 1))
        seg = self.text[a:b]
        lead = len(seg) - len(seg.lstrip())
        end = a + len(seg.rstrip())
        # White space only (markdown-it keeps a line of a form feed as a paragraph;
        # Python strips it): an empty span at the line's end, never start > end.
        return min(a + lead, end), end


def _pull_quote(masked: str, s: int, e: int, lines: Any, leaf: Any, flat: list[str]) -> bool:
    """Whether a block quote repeats the report's own words (a pull quote set off by the
    page's layout; guidelines 8: such a quote is no passage): its first or last eight words
    occur twice in the report, once in it and once outside. ``flat`` caches the report's
    words (one string, made at the first quote)."""
    line = lines.start(leaf.first_line)
    if not masked[line:s].lstrip().startswith(">"):
        return False
    words = _MARKS.sub(" ", masked[s:e]).split()
    if len(words) < 8:
        return False
    if not flat:
        flat.append(" ".join(_MARKS.sub(" ", masked).split()))
    for probe in (" ".join(words[:8]), " ".join(words[-8:])):
        first = flat[0].find(probe)
        if first >= 0 and flat[0].find(probe, first + 1) >= 0:
            return True
    return False


_MARKS = re.compile(r"[>*_]")


@dataclass
class _Leaf:
    kind: str  # heading, paragraph, table, image, figure, html, code
    start: int
    end: int
    level: int = 0
    in_container: bool = False
    children: list[Any] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0


def _inline_shape(children: list[Any]) -> tuple[str, str]:
    """Classify a paragraph's inline content: ("image"|"figure"|"emph"|"text", lead).

    ``lead`` is the text of a leading bold or italic run (for author bios).
    """
    kinds = []
    depth = 0
    outside_text = False
    lead_parts: list[str] = []
    lead_open = True
    seen_any = False
    for c in children:
        t = c.type
        if t in ("softbreak", "hardbreak"):
            continue
        if t == "text" and not c.content.strip():
            continue
        if t in ("em_open", "strong_open"):
            depth += 1
        elif t in ("em_close", "strong_close"):
            depth -= 1
            if depth == 0 and seen_any:
                lead_open = False
        elif t == "image":
            kinds.append("image")
        elif t == "html_inline":
            continue
        else:
            kinds.append("emph" if depth > 0 else "text")
            if depth == 0:
                outside_text = True
                lead_open = False
            elif lead_open:
                lead_parts.append(c.content)
        seen_any = True
    lead = "".join(lead_parts).strip()
    if kinds and all(k == "image" for k in kinds):
        return "image", lead
    if "image" in kinds and kinds[0] == "image":
        return "figure", lead
    if kinds and not outside_text:
        return "emph", lead
    return "text", lead


def layout(text: str) -> MarkdownLayout:
    """Parse a Markdown report (see the module docstring).

    Examples
    --------
    >>> lay = layout("---\\ntitle: Gas Talks\\ndate: 2021-03-04\\n---\\n\\n# Gas Talks\\n\\nBody.")
    >>> lay.title, lay.date, [d.kind for d in lay.dropped]
    ('Gas Talks', '2021-03-04', ['front_matter'])
    """
    from markdown_it import MarkdownIt

    out = MarkdownLayout()
    norm = normalise_newlines(text)
    masked_spans: list[tuple[int, int]] = []

    fm = _FRONT_MATTER.match(norm)
    if fm:
        out.front_matter, problem = _parse_front_matter(
            fm.group("body"), fm.group("fence") == "+++"
        )
        if problem:
            out.warnings.append(problem)
        span = (fm.start("fence"), fm.end())
        out.front_matter_span = span
        out.dropped.append(Dropped("front_matter", span[1] - span[0], *span))
        masked_spans.append(span)
        fields = out.front_matter
        title = _first(fields, ("title", "headline", "name"))
        out.title = " ".join(str(title).split()) if title is not None else None
        out.author = _author(_first(fields, _AUTHOR_KEYS))
        out.date = _date(_first(fields, _DATE_KEYS))
    for m in _TEMPLATE.finditer(norm):
        if any(a <= m.start() < b for a, b in masked_spans):
            continue
        out.dropped.append(Dropped("template", m.end() - m.start(), m.start(), m.end()))
        masked_spans.append(m.span())
    masked = _mask(norm, masked_spans)
    lines = _Lines(masked)

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(masked)
    leaves: list[_Leaf] = []
    hide: list[tuple[int, int]] = []
    containers = 0
    rules: list[int] = []  # index in leaves of the next leaf after each thematic break
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("blockquote_open", "list_item_open"):
            containers += 1
            if t == "list_item_open" and tok.map:
                line = tok.map[0]
                mark = _LIST_MARK.match(masked, lines.start(line), lines.end(line))
                if mark:
                    hide.append(mark.span(1))
            if t == "blockquote_open" and tok.map:
                for line in range(tok.map[0], tok.map[1]):
                    q = _QUOTE_MARK.match(masked, lines.start(line), lines.end(line))
                    if q:
                        hide.append(q.span(1))
        elif t in ("blockquote_close", "list_item_close"):
            containers -= 1
        elif t == "hr" and tok.map:
            hide.append(lines.span(*tok.map))
            rules.append(len(leaves))
        elif t == "heading_open" and tok.map:
            a, b = tok.map
            if tok.markup in ("=", "-") and b - a >= 2:  # setext: hide the underline
                hide.append(lines.span(b - 1, b))
                b -= 1
            s, e = lines.span(a, b)
            leaves.append(_Leaf("heading", s, e, int(tok.tag[1]), containers > 0, [], a, b))
        elif t == "paragraph_open" and tok.map:
            a, b = tok.map
            s, e = lines.span(a, b)
            if containers:
                lead = _CONTAINER_PREFIX.match(masked, s, e)
                if lead:
                    s = lead.end()
            children = tokens[i + 1].children or []
            notes = [k for k in range(a, b) if _NOTE_DEF.match(masked, lines.start(k))]
            if notes and notes[0] == a:
                # Footnote definitions ("[^1]: ...", an extension CommonMark reads as one
                # paragraph): one block per note, continuation lines included.
                for k, first in enumerate(notes):
                    last = notes[k + 1] if k + 1 < len(notes) else b
                    ns, ne = lines.span(first, last)
                    leaves.append(_Leaf("paragraph", ns, ne, 0, containers > 0, [], first, last))
            elif e > s:
                leaves.append(_Leaf("paragraph", s, e, 0, containers > 0, children, a, b))
        elif t == "table_open" and tok.map:
            a, b = tok.map
            s, e = lines.span(a, b)
            hide.append(lines.span(a + 1, a + 2))  # the |---|---| rule
            hide.extend(
                (s + m.start(), s + m.end()) for m in re.finditer(r"(?<!\\)\|", masked[s:e])
            )
            leaves.append(_Leaf("table", s, e, 0, containers > 0, [], a, b))
        elif t in ("fence", "code_block") and tok.map:
            s, e = lines.span(*tok.map)
            if e > s:
                leaves.append(_Leaf("code", s, e, 0, containers > 0, [], *tok.map))
        elif t == "html_block" and tok.map:
            s, e = lines.span(*tok.map)
            if e > s:
                words = _TAG.sub(" ", masked[s:e]).strip()
                kind = "paragraph" if words else "html"
                leaves.append(_Leaf(kind, s, e, 0, containers > 0, [], *tok.map))

    # Figures: images, and captions in or right after an image's paragraph.
    prev_image = False
    for leaf in leaves:
        if leaf.kind != "paragraph" or not leaf.children:
            prev_image = False
            continue
        shape, _lead = _inline_shape(leaf.children)
        body = masked[leaf.start : leaf.end]
        if shape == "image":
            leaf.kind = "image"
            prev_image = True
            continue
        if shape == "figure":
            leaf.kind = "figure"
        elif (
            prev_image and (shape == "emph" or _CAPTION_CUE.match(body)) and len(body.split()) <= 80
        ):
            leaf.kind = "caption"
        prev_image = False

    # Author bio: the paragraphs after the last rule that each open with a bold or
    # italic name, or the paragraphs under a closing "About the author" heading.
    _mark_bio(leaves, rules, out.author)

    flat: list[str] = []
    for leaf in leaves:
        s, e = leaf.start, leaf.end
        if leaf.kind in ("image", "html", "code", "bio", "caption"):
            out.dropped.append(Dropped(leaf.kind, e - s, s, e))
            continue
        if leaf.kind == "figure":
            for m in _IMAGE.finditer(masked, s, e):
                out.dropped.append(Dropped("image", m.end() - m.start(), m.start(), m.end()))
            last_img = max(m.end() for m in _IMAGE.finditer(masked, s, e))
            rest = masked[last_img:e]
            if rest.strip():
                cs = last_img + len(rest) - len(rest.lstrip())
                out.dropped.append(Dropped("caption", e - cs, cs, e))
            continue
        if (
            leaf.kind == "paragraph"
            and leaf.in_container
            and _pull_quote(masked, s, e, lines, leaf, flat)
        ):
            out.dropped.append(Dropped("pull_quote", e - s, s, e))
            continue
        out.blocks.append((s, e))
        if leaf.kind == "heading":
            out.hints[s] = "heading"
            out.levels[s] = leaf.level
        elif leaf.kind == "table" or leaf.in_container:
            out.hints[s] = "paragraph"
        elif leaf.kind == "paragraph":
            shape, _ = _inline_shape(leaf.children)
            n_words = len(masked[s:e].split())
            if shape == "emph" and n_words <= 12 and not re.search(r"[.!?:;…]\W*$", masked[s:e]):
                out.hints[s] = "heading"  # a bold or italic line standing alone
                out.levels[s] = 4
            elif fm is not None or n_words > 20:
                out.hints[s] = "paragraph"
        # Images inside prose: the alt text is not part of the sentence.
        for m in _IMAGE.finditer(masked, s, e):
            out.dropped.append(Dropped("image", m.end() - m.start(), m.start(), m.end()))

    if out.title:
        # A heading repeating the front matter's title is the title, not a section.
        for s, e in out.blocks:
            if out.hints.get(s) == "heading":
                head = re.sub(r"^[ \t]*#+[ \t]*|[ \t#]*$", "", masked[s:e]).strip()
                if head.casefold() == out.title.casefold():
                    out.hints[s] = "title"
                    out.levels[s] = 1
                break
    out.hidden = sorted(
        hide + [(d.start, d.end) for d in out.dropped if d.start is not None and d.end is not None]
    )
    return out


def _mark_bio(leaves: list[_Leaf], rules: list[int], author: str | None) -> None:
    """Mark the closing author bio (see :func:`layout`)."""
    if not leaves:
        return
    authors = {w.casefold() for w in re.findall(r"[A-Z][\w'’-]+", author or "")}
    # Under a heading "About the author(s)" among the last blocks.
    for k in range(len(leaves) - 1, max(-1, len(leaves) - 12), -1):
        leaf = leaves[k]
        if leaf.kind == "heading":
            if _ABOUT.match(_plain_text(leaf)):
                for x in leaves[k:]:
                    x.kind = "bio"
            break
    if any(x.kind == "bio" for x in leaves):
        return
    tail_from = rules[-1] if rules else None
    candidates = leaves[tail_from:] if tail_from is not None else []
    if not candidates or tail_from is None:
        # No closing rule: trailing paragraphs that open with an author's name in bold.
        k = len(leaves)
        while k > 0 and _opens_with_name(leaves[k - 1], authors, strict=True):
            k -= 1
        candidates = leaves[k:]
        if not candidates:
            return
    elif not all(_opens_with_name(x, authors, strict=False) for x in candidates):
        return
    if len(candidates) > 6:
        return
    for x in candidates:
        x.kind = "bio"


def _plain_text(leaf: _Leaf) -> str:
    return "".join(c.content for c in leaf.children if c.type == "text").strip()


def _opens_with_name(leaf: _Leaf, authors: set[str], *, strict: bool) -> bool:
    """A paragraph that opens with a bold or italic person's name ("**Jane Doe** is ...")."""
    if leaf.kind != "paragraph" or not leaf.children:
        return False
    shape, lead = _inline_shape(leaf.children)
    if shape != "text" or not lead or not _NAME.match(lead):
        return False
    if strict:
        return bool(authors) and bool({w.casefold() for w in lead.split()} & authors)
    return True
