"""Figures: timelines, theme heat maps, styled scorecards (see :mod:`relnlp.viz`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from relnlp.errors import ConfigError, Errors
from relnlp.viz._common import _COOPERATION_COLOR, _NEED_MATPLOTLIB, _TENSION_COLOR, _present

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from relnlp.analyzer import Report


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
                name="events",
                expected="an events table (report.events)",
                value=type(events).__name__,
            )
        )
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
        ax.annotate(
            str(k),
            xy=(row.x, y),
            xytext=(0, 5),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7,
            fontweight="bold",
            color="#333",
        )
        label = str(getattr(row, "date_text", "") or row.date)
        if _present(getattr(row, "text", None)):
            label += ": " + _short(str(row.text), 110)
        lines.append(f"{k}. {label}")
    if panel is not None:
        panel.text(
            0.0,
            1.0,
            "\n".join(lines),
            va="top",
            ha="left",
            fontsize=7.5,
            color="#333",
            transform=panel.transAxes,
        )


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
            (_COOPERATION_COLOR, _TENSION_COLOR)
            if single
            else (palette[i % len(palette)], palette[i % len(palette)])
        )
        prefix = "" if single else f"{name}: "
        ax.plot(x, coop, color=c1, marker="o", ms=4, lw=1.8, label=f"{prefix}cooperation")
        ax.plot(x, tens, color=c2, marker="s", ms=4, lw=1.8, ls="--", label=f"{prefix}tension")
        for values in (coop, tens):
            if len(values) and (values == values).any():
                top = max(top, float(pd.Series(values).max()))
    if pts is not None:
        co = pts[pts["cooperation"] > 0]
        te = pts[pts["tension"] > 0]
        ax.scatter(
            co["x"].to_numpy(),
            co["cooperation"].to_numpy(dtype=float),
            marker="^",
            s=22,
            color=_COOPERATION_COLOR,
            alpha=0.45,
            label="events: cooperation",
        )
        ax.scatter(
            te["x"].to_numpy(),
            te["tension"].to_numpy(dtype=float),
            marker="v",
            s=22,
            color=_TENSION_COLOR,
            alpha=0.45,
            label="events: tension",
        )
        _annotate_events(ax, panel, pts, n_notes)
    if all(not len(df) for _n, df in series) and (pts is None or not len(pts)):
        ax.text(
            0.5,
            0.5,
            "no dated events",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#777",
        )
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
                name="reports",
                expected="reports (or a documents table) with share_<theme> columns",
                value=f"{len(docs)} row(s), columns {list(docs.columns)[:6]}",
            )
        )
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
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=9,
                color="white" if v == v and v > 0.6 else "#222",
            )
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
                name="card",
                expected="a scorecard DataFrame (relnlp.evaluate.scorecard)",
                value=type(card).__name__,
            )
        )
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
