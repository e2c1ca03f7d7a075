"""One self-contained HTML page per report (see :mod:`relnlp.viz`)."""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from relnlp.viz._common import _attr, _esc, _page, _present
from relnlp.viz._html import show
from relnlp.viz._plots import plot_timeline

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from relnlp.analyzer import Report


# The report page ----------------------------------------------------------------------
def _png(fig: Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return _esc(", ".join(str(v) for v in value))
    if not _present(value):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return _esc(str(value))


def _table(df: pd.DataFrame, columns: Sequence[str], *, cls: str = "tbl") -> str:
    cols = [c for c in columns if c in df.columns]
    head = "".join(f"<th>{_esc(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(r[c])}</td>" for c in cols) + "</tr>"
        for r in df[cols].to_dict("records")
    )
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


_ACTOR_COLUMNS = ("canonical", "label", "mentions", "country", "roles", "aliases")
_EVENT_COLUMNS = (
    "date",
    "date_text",
    "type",
    "trigger",
    "source",
    "target",
    "parties",
    "goldstein",
    "themes",
    "text",
)
_PERIOD_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}

_PAGE_CSS = """
body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  margin: 2em auto; max-width: 72em; padding: 0 1.5em; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.8em;
  border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
.meta { color: #555; } nav a { margin-right: 1em; }
.tbl { border-collapse: collapse; font-size: 13px; margin: 0.5em 0; }
.tbl th, .tbl td { border: 1px solid #ddd; padding: 0.25em 0.55em; text-align: left;
  vertical-align: top; } .tbl th { background: #f4f4f4; }
.scroll { max-height: 30em; overflow: auto; }
.bar { display: inline-block; height: 0.8em; background: #56b4e9; vertical-align: middle; }
.summary td { padding: 0.15em 1em 0.15em 0; }
img { max-width: 100%; }
"""


def report_html(report: Report, *, dyad: tuple[str, str] | None = None, freq: str = "auto") -> str:
    """One self-contained HTML page about a report.

    Sections: summary, theme shares, a timeline picture (cooperation and tension per
    ``freq`` period with the dated events), actors, events (who did what to whom), and the highlighted
    text (:func:`show`). CSS is inline, the picture is a base64 PNG; the page has no
    script and loads nothing from elsewhere.

    Parameters
    ----------
    report : Report
    dyad : (str, str), optional
        Restrict the timeline and the events to events whose parties include both.
    freq : str
        Period of the timeline (see :func:`relnlp.timeline`; ``"auto"``: the finest
        period every dated event supports, so year-dated events are counted).

    Returns
    -------
    str
        The page (write it as UTF-8; :func:`save_report_html` does).
    """
    from relnlp.timelines import timeline

    doc = report.document
    title = doc.title or report.doc_id
    docs = report.documents
    d0 = docs.iloc[0]
    ev = report.events
    if dyad is not None and len(ev):
        a, b = dyad
        names = [set(p) | set(c) for p, c in zip(ev["parties"], ev["countries"])]
        ev = ev[[a in n and b in n for n in names]]
    meta = " · ".join(
        _esc(str(x))
        for x in (
            doc.author,
            report.meta.get("doc_date"),
            report.doc_id,
            f"relnlp {report.meta.get('relnlp_version')}",
            f"taxonomy {report.meta.get('taxonomy', '-')} {report.meta.get('taxonomy_version', '')}",
        )
        if _present(x)
    )
    summary = _table(
        pd.DataFrame(
            [
                {
                    "cooperation": float(d0["cooperation"]),
                    "tension": float(d0["tension"]),
                    "goldstein": float(d0["goldstein"]),
                    "entities": len(report.entities),
                    "actors": len(report.actors),
                    "dates": len(report.dates),
                    "events": len(report.events),
                    "passages": len(report.passages),
                }
            ]
        ),
        [
            "cooperation",
            "tension",
            "goldstein",
            "entities",
            "actors",
            "dates",
            "events",
            "passages",
        ],
    )
    # Theme shares, with a bar drawn by CSS (no picture needed for one row).
    share_cols = [c for c in docs.columns if str(c).startswith("share_")]
    rows = "".join(
        f"<tr><td>{_esc(str(c)[6:])}</td><td>{float(d0[c]):.1%}</td>"
        f'<td><span class="bar" style="width: {max(0.0, float(d0[c])) * 20:.2f}em"></span></td></tr>'
        for c in share_cols
    )
    themes = (
        f'<table class="tbl"><thead><tr><th>theme</th><th>share of passage text</th><th></th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        if share_cols
        else "<p>No themes (the themes component is off).</p>"
    )
    tl = timeline(ev, freq=freq)
    label = "all dated events" if dyad is None else "\u2013".join(dyad)
    counts = tl.attrs
    note = (
        f'<p class="meta">{counts["n_placed"]} of {counts["n_events"]} events placed, '
        f"per {_PERIOD_NAMES.get(counts['freq'], counts['freq'])}; "
        f"{counts['n_undated']} undated, {counts['n_left_out']} dated more coarsely "
        "than the period.</p>"
    )
    if len(tl):
        fig = plot_timeline(
            {label: tl} if dyad else tl,
            events=ev,
            title=f"Cooperation and tension per period ({label})",
        )
        picture = (
            f'<img alt="Cooperation and tension per period ({_attr(label)})" '
            f'src="data:image/png;base64,{_png(fig)}">' + note
        )
    else:
        picture = f"<p>No dated events of {_esc(label)} for a timeline.</p>" + note
    version = report.meta.get("relnlp_version")
    actors = report.actors.sort_values(["mentions", "actor_id"], ascending=[False, True])
    events = ev.sort_values(["date", "event_id"], kind="stable")
    body = (
        f'<header><h1>{_esc(str(title))}</h1><p class="meta">{meta}</p>'
        '<nav><a href="#themes">Themes</a><a href="#timeline">Timeline</a>'
        '<a href="#actors">Actors</a><a href="#events">Events</a>'
        '<a href="#text">Text</a></nav></header>'
        f'<section id="summary">{summary}</section>'
        f'<section id="themes"><h2>Theme shares</h2>{themes}</section>'
        f'<section id="timeline"><h2>Timeline</h2>{picture}</section>'
        f'<section id="actors"><h2>Actors ({len(actors)})</h2><div class="scroll">'
        + _table(actors, _ACTOR_COLUMNS)
        + "</div></section>"
        f'<section id="events"><h2>Events ({len(events)})</h2><div class="scroll">'
        + _table(events, _EVENT_COLUMNS)
        + "</div></section>"
        f'<section id="text"><h2>Text</h2>{show(report).data}</section>'
        f'<footer class="meta"><p>Made by relnlp {_esc(str(version))}.</p></footer>'
    )
    return _page(_esc(str(title)), _PAGE_CSS, body)


def save_report_html(
    report: Report,
    path: str | os.PathLike[str],
    *,
    dyad: tuple[str, str] | None = None,
    freq: str = "auto",
) -> Path:
    """Write :func:`report_html` to ``path`` (UTF-8); return the path.

    Parameters
    ----------
    report : Report
    path : str or path-like
    dyad, freq
        As for :func:`report_html`.

    Returns
    -------
    pathlib.Path
    """
    p = Path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(report_html(report, dyad=dyad, freq=freq), encoding="utf-8")
    return p
