"""Timelines: cooperation, tension and event counts per calendar period.

:func:`timeline` groups the events of one or more reports (optionally of one dyad) by the
period their TIMEX3 date falls in. Each date has a **precision**: a day
(``2015-05-08``, or the first day of a range), an ISO week (``2015-W19``), a month
(``2015-05``), a quarter (``2015-Q2``), or a year (``2015``; seasons and halves count as
their year). An event can be placed in any period at least as coarse as its precision.

* ``freq="auto"`` (the default) picks the finest of day, month, quarter and year that
  *every* dated event supports, so nothing is left out: a report that dates most events
  to the month and some only to the year gets a yearly series. When the chosen period
  would give more than ``max_periods`` periods (a report spanning 1950-2022 by month),
  the next coarser one is taken;
* an explicit ``freq`` finer than some events' dates leaves those events out and says so
  with the coded warning ``W213`` (how many, and at what precision);
* periods without events are missing values (NaN means, ``n_events`` 0), never zeros;
* undated events (and decades or centuries) are on no timeline; the counts are in
  ``DataFrame.attrs`` (``freq``, ``n_events``, ``n_placed``, ``n_undated``, ``n_left_out``).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from relnlp.errors import ConfigError, Errors, RelnlpWarning, Warnings

if TYPE_CHECKING:
    from relnlp.report import Report

__all__ = ["RANK", "date_precision", "period_start", "timeline"]

#: Periods from fine to coarse; an event fits every period at least as coarse as its date.
RANK = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_AUTO_LADDER = ("D", "M", "Q", "Y")
_ALIASES = {"A": "Y", "YE": "Y", "ME": "M", "QE": "Q"}
_DATE = re.compile(
    r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|H[12]|SP|SU|FA|WI))?(?:$|[T/])"
)
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def date_precision(value: str) -> str | None:
    """``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"`` for a TIMEX3 date value; None when it
    is not a calendar date of at least year precision (empty, ``XXXX-05``, a decade).

    Examples
    --------
    >>> [date_precision(v) for v in ("2015-05-08", "2015-05", "2015-Q2", "2015-SU", "201")]
    ['D', 'M', 'Q', 'Y', None]
    """
    m = _DATE.match(value or "")
    if not m:
        return None
    if m.group(3):
        return "D"
    if m.group(2):
        return "M"
    if m.group(4):
        return "W"
    if m.group(5):
        return "Q"
    return "Y"


def period_start(value: str) -> pd.Timestamp | None:
    """The first day of the period a TIMEX3 date value names (None if not a date)."""
    m = _DATE.match(value or "")
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return pd.Timestamp(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            return pd.Timestamp(year, int(m.group(2)), 1)
        if m.group(4):
            return pd.Timestamp.fromisocalendar(year, int(m.group(4)), 1)
        if m.group(5):
            return pd.Timestamp(year, 3 * int(m.group(5)) - 2, 1)
    except ValueError:  # "2015-02-30", "2015-W60": not a calendar date
        return None
    return pd.Timestamp(year, 1, 1)


def _normalise_freq(freq: str) -> str:
    f = str(freq).strip()
    if f.lower() == "auto":
        return "auto"
    f = _ALIASES.get(f.upper(), f.upper())
    if f not in RANK:
        raise ConfigError(Errors.E113.format(value=freq), value=freq)
    return f


def _n_periods(starts: list[pd.Timestamp], freq: str) -> int:
    return len(pd.period_range(min(starts), max(starts), freq=freq))


def timeline(
    reports: Iterable[Report] | pd.DataFrame,
    dyad: tuple[str, str] | None = None,
    freq: str = "auto",
    *,
    max_periods: int = 120,
) -> pd.DataFrame:
    """Cooperation and tension of a dyad per period, from the reports' events.

    Parameters
    ----------
    reports : iterable of Report, or an ``events`` DataFrame
    dyad : (str, str), optional
        Two actors (canonical names or states, e.g. ``("China", "Russia")``); an event
        counts when both are among its ``parties`` or their ``countries``. ``None``: all
        events.
    freq : str
        ``"auto"`` (default: the finest period all dated events support, see the module
        docstring), or ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``. Events dated more
        coarsely than an explicit ``freq`` are left out with warning ``W213``.
    max_periods : int
        With ``freq="auto"``, take a coarser period rather than more than this many.

    Returns
    -------
    pandas.DataFrame
        Indexed by period (``PeriodIndex`` named ``period``, every period from the first
        to the last), with ``cooperation``, ``tension`` and ``goldstein`` (means; NaN for
        periods without events), ``n_events`` and, when the events carry a ``type``, one
        count per quad class (``n_verbal_cooperation`` ...). ``attrs`` holds ``freq``
        and the counts of placed, undated and left-out events.

    Raises
    ------
    ConfigError
        ``[E113]`` for an unknown ``freq``.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"date": ["2020-01-05", "2020-03", "2021"], "parties": [["A", "B"]] * 3,
    ...                    "cooperation": [1.0, 0.5, 0.2], "tension": [0.0, 0.5, 0.4],
    ...                    "goldstein": [5.0, 0.0, -2.0]})
    >>> tl = timeline(ev)
    >>> tl.attrs["freq"], tl["n_events"].tolist()
    ('Y', [2, 1])
    """
    f = _normalise_freq(freq)
    if isinstance(reports, pd.DataFrame):
        ev = reports
    else:
        from relnlp import schemas

        frames = [r.events for r in reports]
        ev = pd.concat(frames, ignore_index=True) if frames else schemas.empty_table("events")
    if dyad is not None and len(ev):
        a, b = dyad
        has_countries = "countries" in ev.columns

        def both(row: pd.Series) -> bool:
            names = set(row["parties"]) | (set(row["countries"]) if has_countries else set())
            return a in names and b in names

        ev = ev[ev.apply(both, axis=1)] if len(ev) else ev
    total = len(ev)
    # Plain lists: pandas' string dtype would turn the None of undated values into NaN.
    values = [str(v) if isinstance(v, str) else "" for v in ev["date"]] if total else []
    prec = [date_precision(v) for v in values]
    starts = [period_start(v) for v in values]
    dated = [p is not None and t is not None for p, t in zip(prec, starts)]
    n_undated = dated.count(False)
    if f == "auto":
        coarsest = max((RANK[p] for p, d in zip(prec, dated) if d and p), default=RANK["Y"])
        ladder = [g for g in _AUTO_LADDER if RANK[g] >= coarsest]
        known = [t for t, d in zip(starts, dated) if d and t is not None]
        while len(ladder) > 1 and known and _n_periods(known, ladder[0]) > max_periods:
            ladder.pop(0)
        f = ladder[0]
    fits = [d and p is not None and RANK[p] <= RANK[f] for p, d in zip(prec, dated)]
    coarse = [p for p, d, ok in zip(prec, dated, fits) if d and not ok and p is not None]
    n_left = len(coarse)
    if n_left:
        by = Counter(coarse)
        detail = ", ".join(f"{by[p]} to the {_NAMES[p]}" for p in sorted(by, key=RANK.__getitem__))
        warnings.warn(
            Warnings.W213.format(freq=freq, n=n_left, total=sum(dated), detail=detail),
            RelnlpWarning,
            stacklevel=2,
        )
    placed = ev[fits] if total else ev
    cols = ["cooperation", "tension", "goldstein", "n_events"]
    with_types = "type" in ev.columns
    if with_types:
        cols += [f"n_{q}" for q in QUADS]
    attrs = {
        "freq": f,
        "n_events": total,
        "n_placed": len(placed),
        "n_undated": n_undated,
        "n_left_out": n_left,
    }
    if not len(placed):
        out = pd.DataFrame(
            {c: pd.Series([], dtype="float64" if c[:2] != "n_" else "int64") for c in cols},
            index=pd.PeriodIndex([], freq=f, name="period"),
        )
        out.attrs.update(attrs)
        return out
    t = pd.to_datetime([t for t, ok in zip(starts, fits) if ok])
    period = pd.PeriodIndex(t, freq=f, name="period")
    g = placed.assign(period=period).groupby("period")
    out = g[["cooperation", "tension", "goldstein"]].mean()
    out["n_events"] = g.size()
    if with_types:
        for q in QUADS:
            out[f"n_{q}"] = g["type"].agg(lambda s, q=q: int((s == q).sum()))
    full = pd.period_range(out.index.min(), out.index.max(), freq=f, name="period")
    out = out.reindex(full)
    for c in cols:
        if c.startswith("n_"):
            out[c] = out[c].fillna(0).astype("int64")
    out = out[cols]
    out.attrs.update(attrs)
    return out
