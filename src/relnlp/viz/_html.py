"""Highlighted report text as self-contained HTML (:func:`relnlp.viz.show`)."""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relnlp.viz._common import (
    _DATE_COLOR,
    _DEFAULT_ENTITY_COLOR,
    _THEME_COLORS,
    ENTITY_COLORS,
    _attr,
    _esc,
    _page,
    _present,
)

if TYPE_CHECKING:
    from relnlp.analyzer import Report


# HTML ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class HTML:
    """A self-contained HTML fragment (inline ``<style>``, no script, no external link).

    Jupyter displays it through ``_repr_html_``; ``data`` is the fragment and
    :meth:`to_html` a complete page around it.

    Attributes
    ----------
    data : str
        The HTML fragment.
    title : str
        Title of the page :meth:`to_html` makes.
    """

    data: str
    title: str = "relnlp"

    def _repr_html_(self) -> str:
        return self.data

    def to_html(self) -> str:
        """A complete HTML document (UTF-8) containing the fragment.

        Returns
        -------
        str
        """
        return _page(_esc(self.title), "", self.data)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write :meth:`to_html` to ``path`` (UTF-8) and return the path.

        Parameters
        ----------
        path : str or path-like

        Returns
        -------
        pathlib.Path
        """
        p = Path(path)
        p.write_text(self.to_html(), encoding="utf-8")
        return p

    def __str__(self) -> str:
        return self.data


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


@dataclass(frozen=True)
class _Span:
    """An annotation to draw: rank 0 = passage (outer), 1 = entity/date mark (inner)."""

    start: int
    end: int
    rank: int
    open: str
    close: str


def _clip_marks(marks: list[_Span], passages: list[_Span]) -> list[_Span]:
    """Clip marks to the passage they start in (or to before the next one).

    Passage boundaries come from the reader and marks from the parser; a mark that crosses
    one cannot be drawn inside properly nested HTML, so the part outside is left plain.
    """
    starts = [p.start for p in passages]
    out = []
    for m in marks:
        i = bisect.bisect_right(starts, m.start) - 1
        end = m.end
        if i >= 0 and m.start < passages[i].end:
            end = min(end, passages[i].end)
        if i + 1 < len(passages):
            end = min(end, passages[i + 1].start) if m.start < passages[i + 1].start else end
        if end > m.start:
            out.append(_Span(m.start, end, m.rank, m.open, m.close))
    return out


def _nest(spans: Iterable[_Span], n: int) -> list[_Span]:
    """Spans that form a properly nested structure, in document order.

    A span that crosses an earlier kept one of the same or a lower level (two passages
    that overlap, an entity half inside a date) is dropped: HTML elements cannot cross.
    """
    ordered = sorted(
        (s for s in spans if 0 <= s.start < s.end <= n), key=lambda s: (s.start, -s.end, s.rank)
    )
    kept: list[_Span] = []
    stack: list[_Span] = []
    for sp in ordered:
        while stack and stack[-1].end <= sp.start:
            stack.pop()
        if stack and sp.end > stack[-1].end:
            continue
        kept.append(sp)
        stack.append(sp)
    return kept


def _render(text: str, spans: Sequence[_Span]) -> str:
    """Escaped ``text`` with the (nested, ordered) spans' tags inserted at their offsets."""
    out: list[str] = []
    pos = 0
    stack: list[_Span] = []
    for sp in spans:
        while stack and stack[-1].end <= sp.start:
            top = stack.pop()
            out += [_esc(text[pos : top.end]), top.close]
            pos = top.end
        out += [_esc(text[pos : sp.start]), sp.open]
        pos = sp.start
        stack.append(sp)
    while stack:
        top = stack.pop()
        out += [_esc(text[pos : top.end]), top.close]
        pos = top.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _theme_colors(report: Report) -> dict[str, str]:
    ids = list(report.meta.get("themes") or [])
    return {t: _THEME_COLORS[i % len(_THEME_COLORS)] for i, t in enumerate(ids)}


def _entity_spans(report: Report) -> list[_Span]:
    out = []
    for row in report.entities.itertuples(index=False):
        canonical = row.canonical if _present(row.canonical) else row.text
        attrs = f'class="ent" data-label="{_attr(row.label)}" data-canonical="{_attr(canonical)}"'
        if _present(row.country):
            attrs += f' data-country="{_attr(row.country)}"'
        attrs += f' title="{_attr(canonical)}"'
        out.append(_Span(int(row.start), int(row.end), 1, f"<mark {attrs}>", "</mark>"))
    return out


def _date_spans(report: Report) -> list[_Span]:
    out = []
    for row in report.dates.itertuples(index=False):
        value = row.value if _present(row.value) else ""
        kind = row.type if _present(row.type) else "DATE"
        mod = f", mod={row.mod}" if _present(row.mod) else ""
        title = f"TIMEX3 {kind} value={value}{mod}" if value else f"TIMEX3 {kind}: no value"
        attrs = (
            f'class="date" data-label="{_attr(kind)}" data-value="{_attr(value)}" '
            f'title="{_attr(title)}"'
        )
        out.append(_Span(int(row.start), int(row.end), 1, f"<mark {attrs}>", "</mark>"))
    return out


def _passage_spans(report: Report, colors: Mapping[str, str]) -> list[_Span]:
    out = []
    pas = report.passages
    ids = [t for t in (report.meta.get("themes") or []) if t in pas.columns]
    for row in pas.to_dict("records"):
        themes = [str(t) for t in (row.get("themes") if _present(row.get("themes")) else [])]
        if not themes:
            continue
        scores = "; ".join(f"{t} {float(row[t]):.2f}" for t in ids if _present(row[t]))
        color = colors.get(themes[0], _THEME_COLORS[0])
        attrs = (
            f'class="passage" data-passage="{int(row["passage_id"])}" '
            f'data-themes="{_attr(" ".join(themes))}" '
            f'title="{_attr("themes: " + ", ".join(themes) + (" (" + scores + ")" if scores else ""))}" '
            f'style="--theme: {color}; --theme-bg: {_rgba(color, 0.13)}"'
        )
        out.append(_Span(int(row["start"]), int(row["end"]), 0, f"<span {attrs}>", "</span>"))
    return out


_VIZ_CSS = """
.rel-viz { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  line-height: 2.3; color: #222; }
.rel-viz .rel-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px;
  max-width: 60em; }
.rel-viz mark { padding: 0.2em 0.35em; margin: 0 0.1em; border-radius: 0.35em;
  line-height: 1; color: inherit; box-decoration-break: clone;
  -webkit-box-decoration-break: clone; background: %(default)s; }
.rel-viz mark::after { font-size: 0.6em; font-weight: bold; line-height: 1;
  margin-left: 0.4em; vertical-align: middle; text-transform: uppercase;
  content: attr(data-label); }
.rel-viz mark.date { background: %(date)s; }
.rel-viz mark.date::after { text-transform: none; content: attr(data-value); }
.rel-viz .passage { background: var(--theme-bg); box-decoration-break: clone;
  -webkit-box-decoration-break: clone; }
.rel-viz .passage::before { content: attr(data-themes); font-size: 0.65em; font-weight: bold;
  color: #fff; background: var(--theme); border-radius: 0.3em; padding: 0.1em 0.4em;
  margin-right: 0.4em; vertical-align: middle; }
.rel-viz .rel-legend { line-height: 1.8; margin-bottom: 0.8em; font-size: 13px; }
.rel-viz .key { display: inline-block; padding: 0 0.45em; margin: 0 0.25em 0.2em 0;
  border-radius: 0.3em; font-size: 0.8em; font-weight: bold; }
"""


def _viz_css(labels: Iterable[str]) -> str:
    css = _VIZ_CSS % {"default": _DEFAULT_ENTITY_COLOR, "date": _DATE_COLOR}
    for lab in sorted(set(labels)):
        color = ENTITY_COLORS.get(lab)
        if color and re.fullmatch(r"[A-Z_]+", lab):
            css += f'.rel-viz mark.ent[data-label="{lab}"] {{ background: {color}; }}\n'
    return css


def show(report: Report, *, entities: bool = True, dates: bool = True, themes: bool = True) -> HTML:
    """Highlight a report's entities, dates and themed passages, displaCy-style.

    Entities are ``<mark class="ent" data-label=...>`` elements whose ``title`` (shown on
    hover) is the canonical name; dates are ``<mark class="date">`` with the TIMEX3 value
    shown after them and in the title; passages with themes are tinted in the colour of
    their first theme, with the theme ids before them and their scores on hover. The text
    is ``report.text`` escaped: markup in it is displayed as text.

    Parameters
    ----------
    report : Report
        From :meth:`relnlp.Analyzer.analyze`.
    entities, dates, themes : bool
        Which layers to draw.

    Returns
    -------
    HTML
        Displays itself in Jupyter; ``.data`` is the fragment, ``.to_html()`` a page.

    Examples
    --------
    >>> import relnlp
    >>> from relnlp.viz import show
    >>> r = relnlp.load().analyze("<b>Putin</b> met Xi Jinping in Moscow on May 8, 2015.")
    >>> h = show(r)
    >>> '<mark class="ent" data-label="PERSON"' in h.data, "&lt;b&gt;" in h.data
    (True, True)
    """
    colors = _theme_colors(report)
    marks: list[_Span] = []
    if entities:
        marks += _entity_spans(report)
    if dates:
        marks += _date_spans(report)
    passages = _nest(_passage_spans(report, colors) if themes else [], len(report.text))
    marks = _clip_marks(marks, passages)
    body = _render(report.text, _nest(passages + marks, len(report.text)))
    labels = [str(x) for x in report.entities["label"].unique()] if entities else []
    legend = []
    for lab in sorted(labels):
        color = ENTITY_COLORS.get(lab, _DEFAULT_ENTITY_COLOR)
        legend.append(f'<span class="key" style="background: {color}">{_esc(lab)}</span>')
    if dates and len(report.dates):
        legend.append(f'<span class="key" style="background: {_DATE_COLOR}">DATE (TIMEX3)</span>')
    if themes:
        used = {str(t) for ts in report.passages["themes"] for t in (ts if _present(ts) else [])}
        for t, color in colors.items():
            if t in used:
                legend.append(
                    f'<span class="key" style="background: {color}; color: #fff">{_esc(t)}</span>'
                )
    title = report.document.title or report.doc_id
    data = (
        f'<div class="rel-viz" data-doc-id="{_attr(report.doc_id)}">'
        f"<style>{_viz_css(labels)}</style>"
        f'<div class="rel-legend">{"".join(legend)}</div>'
        f'<div class="rel-text">{body}</div></div>'
    )
    return HTML(data, title=str(title))
