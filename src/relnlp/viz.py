"""Pictures of reports: highlighted text, timelines, theme heat maps, scorecards, a page.

Everything here is built from a :class:`~relnlp.Report`'s tables and their character
offsets into ``report.text``; nothing is recomputed.

* :func:`show` highlights entities (canonical name on hover), dates (TIMEX3 value) and
  themed passages, displaCy-style, as self-contained HTML (:class:`HTML`);
* :func:`plot_timeline` draws cooperation and tension per period for one or more dyads
  (the output of :func:`relnlp.timeline`), optionally with the dated events;
* :func:`plot_themes` draws a heat map of theme shares per report;
* :func:`scorecard_table` styles a scorecard (``relnlp evaluate``) for notebooks;
* :func:`report_html` / :func:`save_report_html` write one HTML page per report (what
  ``relnlp report PATH --html OUT`` writes): inline CSS, pictures as base64 PNG, no script
  and no external resource.

The raw text is shown as text: markup in it (``**``, ``<sup>``, ``#``) is escaped, never
interpreted, so the page shows exactly the string the offsets refer to.

Figures are :class:`matplotlib.figure.Figure` objects created without pyplot: they need
no display and no GUI backend (they render with Agg when saved), never accumulate in
pyplot's figure list, and leave the user's backend setting alone. In a notebook run
``%matplotlib inline`` once and they display themselves; elsewhere call
``fig.savefig("timeline.png")``. Plotting needs the ``viz`` extra
(``pip install 'relnlp[viz]'``: matplotlib, and jinja2 for :func:`scorecard_table`).
"""

from __future__ import annotations

import base64
import bisect
import html
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp.errors import ConfigError, Errors

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from relnlp.analyzer import Report

__all__ = [
    "ENTITY_COLORS",
    "HTML",
    "plot_themes",
    "plot_timeline",
    "report_html",
    "save_report_html",
    "scorecard_table",
    "show",
]

#: Background colour per entity label (displaCy's palette, so the pictures look familiar).
ENTITY_COLORS: Mapping[str, str] = {
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "NORP": "#c887fb",
    "LOC": "#ff9561", "FAC": "#9cc9cc", "EVENT": "#ffeb80", "LAW": "#ff8197", "PRODUCT": "#bfeeb7",
}  # fmt: skip
_DEFAULT_ENTITY_COLOR = "#ddd"
_DATE_COLOR = "#bfe1d9"
#: Theme colours, assigned in taxonomy order (Okabe-Ito: distinguishable for most readers).
_THEME_COLORS = ("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#f0e442")
_COOPERATION_COLOR = "#2a9d8f"
_TENSION_COLOR = "#d1495b"
_NEED_MATPLOTLIB = (
    "relnlp.viz plotting needs matplotlib, which is not installed. Install it with: "
    "pip install 'relnlp[viz]'."
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


def _esc(text: str, quote: bool = False) -> str:
    """HTML-escape text; lone surrogates (invalid in UTF-8) become U+FFFD."""
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=quote)


def _attr(value: object) -> str:
    return _esc("" if value is None else str(value), quote=True)


def _present(value: object) -> bool:
    """False for None, NaN, NA and empty strings/lists."""
    if value is None:
        return False
    if isinstance(value, str | list | tuple):
        return len(value) > 0
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


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


# Figures ------------------------------------------------------------------------------
def _figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the viz extra is missing
        raise ImportError(_NEED_MATPLOTLIB) from exc
    return Figure(figsize=(width, height), layout="constrained")


def _x_values(index: Any) -> Any:
    """Period starts (or timestamps) of a timeline index as datetime64 values."""
    if isinstance(index, pd.PeriodIndex):
        return index.to_timestamp().to_numpy()
    return pd.DatetimeIndex(index).to_numpy()


def _dyad_name(key: object) -> str:
    if isinstance(key, tuple):
        return "\u2013".join(str(k) for k in key)
    return str(key)


def _check_timeline(name: str, df: object) -> pd.DataFrame:
    if isinstance(df, pd.DataFrame) and {"cooperation", "tension"} <= set(df.columns):
        try:
            _x_values(df.index)
        except (TypeError, ValueError):
            pass
        else:
            return df
    raise ConfigError(
        Errors.E106.format(
            name=name,
            expected="a DataFrame from relnlp.timeline() (period index, cooperation "
            "and tension columns) or a dict of them",
            value=type(df).__name__,
        )
    )


def _event_points(events: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """Events dated at least as finely as the timeline's period ``freq``, with the start
    of their date as ``x`` (a year-dated event on a monthly plot would sit in January)."""
    from relnlp.timelines import RANK, date_precision, period_start

    need = {"date", "cooperation", "tension"}
    if not isinstance(events, pd.DataFrame) or not need <= set(events.columns):
        raise ConfigError(
            Errors.E106.format(
                name="events", expected="an events table (report.events)",
                value=type(events).__name__,
            )
        )  # fmt: skip
    if not len(events):
        return events.assign(x=pd.Series([], dtype="datetime64[ns]"))
    limit = RANK.get(freq, RANK["M"])
    x = [
        period_start(v) if (p := date_precision(v)) is not None and RANK[p] <= limit else None
        for v in (str(d) if isinstance(d, str) else "" for d in events["date"])
    ]
    return events.assign(x=pd.Series(x, index=events.index, dtype="datetime64[ns]")).dropna(
        subset=["x"]
    )


def _short(text: str, width: int = 42) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= width else t[: width - 1].rstrip() + "\u2026"


def _annotate_events(ax: Axes, panel: Axes | None, pts: pd.DataFrame, n: int) -> None:
    """Number the ``n`` strongest events on the plot and list them in ``panel``."""
    if n <= 0 or not len(pts):
        return
    strength = pts[["cooperation", "tension"]].max(axis=1)
    top = pts.assign(_s=strength).sort_values(["_s", "x"], ascending=[False, True]).head(n)
    lines = []
    for k, row in enumerate(top.sort_values("x", kind="stable").itertuples(index=False), 1):
        y = max(float(row.cooperation), float(row.tension))
        ax.annotate(str(k), xy=(row.x, y), xytext=(0, 5), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7, fontweight="bold", color="#333")  # fmt: skip
        label = str(getattr(row, "date_text", "") or row.date)
        if _present(getattr(row, "text", None)):
            label += ": " + _short(str(row.text), 110)
        lines.append(f"{k}. {label}")
    if panel is not None:
        panel.text(0.0, 1.0, "\n".join(lines), va="top", ha="left", fontsize=7.5,
                   color="#333", transform=panel.transAxes)  # fmt: skip


def plot_timeline(
    timelines: pd.DataFrame | Mapping[Any, pd.DataFrame],
    events: pd.DataFrame | None = None,
    *,
    title: str | None = None,
    annotate: int = 5,
) -> Figure:
    """Cooperation and tension per period, one pair of lines per dyad.

    Parameters
    ----------
    timelines : DataFrame or dict of DataFrame
        The output of :func:`relnlp.timeline` (indexed by period, with ``cooperation`` and
        ``tension``), or a dict ``{dyad: timeline}``; a tuple key such as
        ``("China", "Russia")`` is shown as ``China–Russia``. Periods without events are
        gaps in the lines.
    events : DataFrame, optional
        An events table (``report.events`` or several concatenated): each event with a
        month- or day-precise date is drawn at its date (triangles up for cooperation,
        down for tension), and the ``annotate`` strongest are labelled.
    title : str, optional
        The figure title (default: "Cooperation and tension").
    annotate : int
        How many events to label (0: none).

    Returns
    -------
    matplotlib.figure.Figure
        One axes. Lines are labelled ``cooperation``/``tension`` for a single timeline
        and ``<dyad>: cooperation``/``<dyad>: tension`` for a dict.

    Raises
    ------
    relnlp.errors.ConfigError
        When ``timelines`` or ``events`` is not a table of the expected shape.

    Examples
    --------
    >>> import pandas as pd
    >>> from relnlp.viz import plot_timeline
    >>> tl = pd.DataFrame({"cooperation": [0.4, 0.6], "tension": [0.2, 0.1]},
    ...                   index=pd.period_range("2015-01", periods=2, freq="M"))
    >>> fig = plot_timeline({("China", "Russia"): tl})
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['China–Russia: cooperation', 'China–Russia: tension']
    """
    import matplotlib.dates as mdates

    if isinstance(timelines, Mapping):
        series = [(_dyad_name(k), _check_timeline("timelines", v)) for k, v in timelines.items()]
        single = False
    else:
        series = [("", _check_timeline("timelines", timelines))]
        single = True
    if not series:
        raise ConfigError(
            Errors.E106.format(name="timelines", expected="at least one timeline", value="{}")
        )
    index = series[0][1].index
    freq = index.freqstr[:1].upper() if isinstance(index, pd.PeriodIndex) else "M"
    pts = _event_points(events, "Y" if freq == "A" else freq) if events is not None else None
    n_notes = min(max(annotate, 0), len(pts)) if pts is not None else 0
    fig = _figure(10.0, 4.2 + 0.15 * n_notes)
    panel: Axes | None = None
    if n_notes:
        grid = fig.add_gridspec(2, 1, height_ratios=[4.0, 0.15 * n_notes + 0.05])
        ax = fig.add_subplot(grid[0])
        panel = fig.add_subplot(grid[1])
        panel.set_axis_off()
    else:
        ax = fig.add_subplot()
    palette = ("#1b9e77", "#7570b3", "#d95f02", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")
    top = 1.0
    for i, (name, df) in enumerate(series):
        x = _x_values(df.index)
        coop = pd.to_numeric(df["cooperation"], errors="coerce").to_numpy(dtype=float)
        tens = pd.to_numeric(df["tension"], errors="coerce").to_numpy(dtype=float)
        c1, c2 = (
            (_COOPERATION_COLOR, _TENSION_COLOR) if single
            else (palette[i % len(palette)], palette[i % len(palette)])
        )  # fmt: skip
        prefix = "" if single else f"{name}: "
        ax.plot(x, coop, color=c1, marker="o", ms=4, lw=1.8, label=f"{prefix}cooperation")
        ax.plot(x, tens, color=c2, marker="s", ms=4, lw=1.8, ls="--", label=f"{prefix}tension")
        for values in (coop, tens):
            if len(values) and (values == values).any():
                top = max(top, float(pd.Series(values).max()))
    if pts is not None:
        co = pts[pts["cooperation"] > 0]
        te = pts[pts["tension"] > 0]
        ax.scatter(co["x"].to_numpy(), co["cooperation"].to_numpy(dtype=float), marker="^",
                   s=22, color=_COOPERATION_COLOR, alpha=0.45, label="events: cooperation")  # fmt: skip
        ax.scatter(te["x"].to_numpy(), te["tension"].to_numpy(dtype=float), marker="v",
                   s=22, color=_TENSION_COLOR, alpha=0.45, label="events: tension")  # fmt: skip
        _annotate_events(ax, panel, pts, n_notes)
    if all(not len(df) for _n, df in series) and (pts is None or not len(pts)):
        ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center",
                va="center", color="#777")  # fmt: skip
    else:
        locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(
            mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        )
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel("mean score (0\u20131)")
    ax.set_title(title if title is not None else "Cooperation and tension")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return fig


def _documents(reports: Iterable[Report] | pd.DataFrame) -> pd.DataFrame:
    if isinstance(reports, pd.DataFrame):
        return reports
    frames = [r.documents for r in reports]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def plot_themes(reports: Iterable[Report] | pd.DataFrame, *, label: str = "doc_id") -> Figure:
    """Heat map of theme shares: one row per report, one column per theme.

    A theme's share is the fraction of the report's passage text labelled with it (the
    ``share_<theme>`` columns of the ``documents`` table).

    Parameters
    ----------
    reports : iterable of Report, or a documents DataFrame
        Reports, or their ``documents`` tables concatenated.
    label : str
        The ``documents`` column that names the rows (``"doc_id"`` or ``"title"``).

    Returns
    -------
    matplotlib.figure.Figure
        Two axes: the heat map (an image of shape ``(n_reports, n_themes)``, ticks
        labelled with the row names and theme ids, each cell annotated) and its colour bar.

    Raises
    ------
    relnlp.errors.ConfigError
        No reports, no ``share_`` columns, or an unknown ``label`` column.
    """
    docs = _documents(reports)
    cols = [c for c in docs.columns if str(c).startswith("share_")]
    if not len(docs) or not cols:
        raise ConfigError(
            Errors.E106.format(
                name="reports", expected="reports (or a documents table) with share_<theme> "
                "columns", value=f"{len(docs)} row(s), columns {list(docs.columns)[:6]}",
            )
        )  # fmt: skip
    if label not in docs.columns:
        raise ConfigError(
            Errors.E104.format(what="label column", value=label, valid=", ".join(docs.columns))
        )
    values = docs[cols].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    rows = [str(v) if _present(v) else str(d) for v, d in zip(docs[label], docs["doc_id"])]
    themes = [str(c)[len("share_") :] for c in cols]
    fig = _figure(max(4.5, 1.5 * len(themes) + 3.0), max(2.4, 0.55 * len(rows) + 1.6))
    ax = fig.add_subplot()
    im = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0.0, vmax=1.0)
    ax.set_xticks(range(len(themes)), themes, rotation=20, ha="right")
    ax.set_yticks(range(len(rows)), [_short(r, 40) for r in rows])
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            text = "\u2013" if v != v else f"{v:.0%}"  # NaN: theme not in that taxonomy
            ax.text(j, i, text, ha="center", va="center", fontsize=9,
                    color="white" if v == v and v > 0.6 else "#222")  # fmt: skip
    ax.set_title("Theme shares (fraction of passage text)")
    fig.colorbar(im, ax=ax, label="share")
    return fig


def scorecard_table(card: pd.DataFrame) -> Any:
    """A scorecard styled for notebooks: one column per system, the best value in bold.

    Parameters
    ----------
    card : DataFrame
        Long form from :func:`relnlp.evaluate.scorecard.scorecard` (``system, task,
        metric, value, note``) or the wide form from
        :func:`relnlp.evaluate.scorecard.wide`.

    Returns
    -------
    pandas.io.formats.style.Styler
        Values with three decimals, ``—`` where a system does not do the task, and the
        highest value of each row in bold on green when there are several systems (every
        scorecard metric is better when higher).
    """
    from relnlp.evaluate.scorecard import wide

    if not isinstance(card, pd.DataFrame) or not {"task", "metric"} <= set(card.columns):
        raise ConfigError(
            Errors.E106.format(
                name="card", expected="a scorecard DataFrame (relnlp.evaluate.scorecard)",
                value=type(card).__name__,
            )
        )  # fmt: skip
    table = wide(card) if "system" in card.columns else card.copy()
    systems = [c for c in table.columns if c not in ("task", "metric", "note")]
    for c in systems:
        table[c] = pd.to_numeric(table[c], errors="coerce").astype(float)

    def best(row: pd.Series) -> list[str]:
        vals = row.to_numpy(dtype=float)
        finite = vals[vals == vals]
        if len(systems) < 2 or not len(finite):
            return [""] * len(vals)
        top = finite.max()
        return ["font-weight: bold; background-color: #d8f3dc" if v == top else "" for v in vals]

    styler = (
        table.style.format("{:.3f}", subset=systems, na_rep="\u2014")
        .apply(best, axis=1, subset=systems)
        .hide(axis="index")
        .set_caption("relnlp scorecard (higher is better; best per row in bold)")
    )
    return styler


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
    "date", "date_text", "type", "trigger", "source", "target", "parties", "goldstein",
    "themes", "text",
)  # fmt: skip
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


def _page(title: str, head_css: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{head_css}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


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
        _esc(str(x)) for x in (
            doc.author, report.meta.get("doc_date"), report.doc_id,
            f"relnlp {report.meta.get('relnlp_version')}",
            f"taxonomy {report.meta.get('taxonomy', '-')} {report.meta.get('taxonomy_version', '')}",
        ) if _present(x)
    )  # fmt: skip
    summary = _table(
        pd.DataFrame([{
            "cooperation": float(d0["cooperation"]), "tension": float(d0["tension"]),
            "goldstein": float(d0["goldstein"]), "entities": len(report.entities),
            "actors": len(report.actors), "dates": len(report.dates),
            "events": len(report.events), "passages": len(report.passages),
        }]),  # fmt: skip
        ["cooperation", "tension", "goldstein", "entities", "actors", "dates", "events",
         "passages"],
    )  # fmt: skip
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
        if share_cols else "<p>No themes (the themes component is off).</p>"
    )  # fmt: skip
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
        fig = plot_timeline({label: tl} if dyad else tl, events=ev,
                            title=f"Cooperation and tension per period ({label})")  # fmt: skip
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
