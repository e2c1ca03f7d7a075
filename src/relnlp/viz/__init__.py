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

from relnlp.viz._common import ENTITY_COLORS
from relnlp.viz._html import HTML, show
from relnlp.viz._page import report_html, save_report_html
from relnlp.viz._plots import plot_themes, plot_timeline, scorecard_table

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
