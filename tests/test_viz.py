"""relnlp.viz: highlighted text, figures, the scorecard table, `relnlp report`, notebooks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import relnlp
from relnlp import viz
from relnlp.cli import app
from relnlp.errors import ConfigError
from relnlp.schemas import ENTITY_LABELS, TABLES
from tests._files import load_file

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
runner = CliRunner()

# A src/href/url() that points off the page (http, https, protocol-relative).
EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


class _TextAndMarks(HTMLParser):
    """The text inside ``div.rel-text`` and every ``<mark>`` (attributes, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self._open: list[tuple[dict[str, str | None], list[str]]] = []
        self.passages: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif tag == "div" and "rel-text" in classes:
            self.depth = 1
        if tag == "mark":
            self._open.append((a, []))
        if tag == "span" and "passage" in classes:
            self.passages.append(a)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
        if tag == "mark" and self._open:
            a, parts = self._open.pop()
            self.marks.append((a, "".join(parts)))

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
        for _a, parts in self._open:
            parts.append(data)


def _parse(markup: str) -> _TextAndMarks:
    p = _TextAndMarks()
    p.feed(markup)
    p.close()
    return p


def _ents(p: _TextAndMarks) -> list[tuple[dict[str, str | None], str]]:
    return [(a, t) for a, t in p.marks if "ent" in (a.get("class") or "").split()]


# show() -------------------------------------------------------------------------------
def test_viz_show_marks_entities_dates_and_themes(seed_reports: dict[str, Any]) -> None:
    for report in seed_reports.values():
        h = viz.show(report)
        assert isinstance(h, viz.HTML)
        assert h._repr_html_() == h.data == str(h)
        page = h.to_html()
        assert page.startswith("<!DOCTYPE html>") and h.data in page
        p = _parse(h.data)
        # The text is report.text verbatim: every offset keeps its meaning.
        assert "".join(p.text) == report.text
        ents = _ents(p)
        expected = list(
            zip(report.entities["label"], report.entities["canonical"], report.entities["text"])
        )
        assert [(a["data-label"], a["title"], t) for a, t in ents] == expected
        dates = [(a, t) for a, t in p.marks if "date" in (a.get("class") or "").split()]
        assert [(a["data-value"] or None, t) for a, t in dates] == [
            (v if v else None, t) for v, t in zip(report.dates["value"], report.dates["text"])
        ]
        assert all((a["title"] or "").startswith("TIMEX3 ") for a, _t in dates)
        themed = report.passages[report.passages["themes"].map(len) > 0]
        assert [a["data-themes"] for a in p.passages] == [" ".join(ts) for ts in themed["themes"]]
        assert "<script" not in h.data.lower()


def test_viz_show_escapes_markup_in_the_text(nlp: Any) -> None:
    text = (
        "**Vladimir Putin** met <b>Xi Jinping</b> in Moscow on May 8, 2015. "
        "<script>alert('x')</script> Tom & Jerry said \"<img src=x onerror=1>\"."
    )
    report = nlp.analyze(text, doc_date="2015-05")
    h = viz.show(report)
    assert "<script" not in h.data and "<img" not in h.data and "<b>" not in h.data
    assert "&lt;script&gt;" in h.data and "&lt;b&gt;" in h.data
    p = _parse(h.data)
    assert "".join(p.text) == text
    by_text = {t: a for a, t in _ents(p)}
    assert by_text["Xi Jinping"]["data-label"] == "PERSON"
    assert by_text["Xi Jinping"]["title"] == "Xi Jinping"
    assert any(a.get("data-value") == "2015-05-08" for a, _t in p.marks)


def test_viz_show_layers_can_be_switched_off(seed_reports: dict[str, Any]) -> None:
    report = next(iter(seed_reports.values()))
    p = _parse(viz.show(report, entities=False, themes=False).data)
    assert not _ents(p) and not p.passages and len(p.marks) == len(report.dates)
    assert "".join(p.text) == report.text


def test_viz_nesting_keeps_html_well_formed() -> None:
    from relnlp.viz._html import _clip_marks, _nest, _render, _Span

    text = "abcdefghijklmnopqrstuvwxyz"
    passages = [
        _Span(0, 10, 0, "<span class=p>", "</span>"),
        _Span(5, 12, 0, "<span class=p>", "</span>"),
    ]
    marks = [
        _Span(8, 14, 1, "<mark>", "</mark>"),  # crosses the passage end: clipped
        _Span(2, 6, 1, "<mark>", "</mark>"),
        _Span(4, 7, 1, "<mark>", "</mark>"),  # crosses the previous mark: dropped
        _Span(2, 4, 1, "<mark>", "</mark>"),  # inside the previous kept mark: nested
        _Span(20, 40, 1, "<mark>", "</mark>"),
    ]  # beyond the text: dropped
    kept_passages = _nest(passages, len(text))
    assert [(s.start, s.end) for s in kept_passages] == [(0, 10)]
    spans = _nest(kept_passages + _clip_marks(marks, kept_passages), len(text))
    assert [(s.start, s.end, s.rank) for s in spans] == [
        (0, 10, 0),
        (2, 6, 1),
        (2, 4, 1),
        (8, 10, 1),
    ]
    out = _render(text, spans)
    assert (
        out
        == "<span class=p>ab<mark><mark>cd</mark>ef</mark>gh<mark>ij</mark></span>klmnopqrstuvwxyz"
    )


# Figures ------------------------------------------------------------------------------
def _timeline(values: list[tuple[float, float]], start: str = "2015-01") -> pd.DataFrame:
    idx = pd.period_range(start, periods=len(values), freq="M", name="period")
    return pd.DataFrame(
        {
            "cooperation": [c for c, _t in values],
            "tension": [t for _c, t in values],
            "goldstein": 0.0,
            "n_events": 1,
        },
        index=idx,
    )


def test_viz_plot_timeline_draws_two_lines_and_the_events() -> None:
    tl = _timeline([(0.5, 0.1), (float("nan"), float("nan")), (0.7, 0.3)])
    events = pd.DataFrame(
        {
            "date": ["2015-01-05", "2015-03", "2015", "2015-03-20"],
            "date_text": ["January 5", "March", "2015", "March 20"],
            "text": ["Talks were held.", "A dispute arose.", "Year only.", "They signed."],
            "cooperation": [0.6, 0.0, 0.9, 0.8],
            "tension": [0.0, 0.5, 0.0, 0.0],
        }
    )
    fig = viz.plot_timeline(tl, events=events, annotate=2)
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["cooperation", "tension"]
    assert len(lines[0].get_xdata()) == 3
    y = list(lines[0].get_ydata())
    assert y[0] == 0.5 and y[1] != y[1] and y[2] == 0.7  # the empty month is a gap
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["cooperation", "tension", "events: cooperation", "events: tension"]
    # The year-only event is left out; 2 cooperation points and 1 tension point remain.
    assert [len(c.get_offsets()) for c in ax.collections] == [2, 1]
    assert [a.get_text() for a in ax.texts] == ["1", "2"]  # the two strongest, numbered
    panel = fig.axes[1].texts[0].get_text().splitlines()
    assert panel == ["1. January 5: Talks were held.", "2. March 20: They signed."]
    assert ax.get_title() == "Cooperation and tension"


def test_viz_plot_timeline_one_pair_of_lines_per_dyad(seed_reports: dict[str, Any]) -> None:
    reports = list(seed_reports.values())
    dyads = [("China", "Russia"), ("China", "United States")]
    tls = {d: relnlp.timeline(reports, dyad=d, freq="Y") for d in dyads}
    fig = viz.plot_timeline(tls)
    assert len(fig.axes) == 1
    lines = fig.axes[0].get_lines()
    assert [ln.get_label() for ln in lines] == [
        "China–Russia: cooperation",
        "China–Russia: tension",
        "China–United States: cooperation",
        "China–United States: tension",
    ]
    assert [len(ln.get_xdata()) for ln in lines] == [len(tls[d]) for d in dyads for _ in (0, 1)]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [ln.get_label() for ln in lines]


def test_viz_plot_timeline_rejects_other_input() -> None:
    with pytest.raises(ConfigError, match=r"\[E106\]"):
        viz.plot_timeline([1, 2, 3])  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"\[E106\]"):
        viz.plot_timeline(pd.DataFrame({"x": [1]}))
    with pytest.raises(ConfigError, match=r"\[E106\]"):
        viz.plot_timeline(_timeline([(0.1, 0.1)]), events=pd.DataFrame({"a": [1]}))


def test_viz_plot_timeline_empty_says_so() -> None:
    empty = relnlp.timeline(pd.DataFrame(columns=list(TABLES["events"])))
    fig = viz.plot_timeline(empty)
    assert len(fig.axes[0].get_lines()) == 2
    assert [t.get_text() for t in fig.axes[0].texts] == ["no dated events"]


def test_viz_plot_themes_heat_map(seed_reports: dict[str, Any]) -> None:
    reports = list(seed_reports.values())
    fig = viz.plot_themes(reports)
    ax = fig.axes[0]
    assert len(fig.axes) == 2  # the heat map and its colour bar
    image = ax.images[0].get_array()
    themes = list(reports[0].meta["themes"])
    assert image.shape == (len(reports), len(themes))
    assert [t.get_text() for t in ax.get_xticklabels()] == themes
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.doc_id for r in reports]
    docs = pd.concat([r.documents for r in reports], ignore_index=True)
    expected = docs[[f"share_{t}" for t in themes]].to_numpy(dtype=float)
    assert (abs(image - expected) < 1e-9).all()
    assert len(ax.texts) == image.size
    # A documents table works too, and titles can name the rows.
    fig2 = viz.plot_themes(docs, label="title")
    assert fig2.axes[0].get_yticklabels()[0].get_text().startswith("China-Russia Relations")


def test_viz_plot_themes_rejects_tables_without_shares() -> None:
    with pytest.raises(ConfigError, match=r"\[E106\]"):
        viz.plot_themes([])
    with pytest.raises(ConfigError, match=r"\[E106\]"):
        viz.plot_themes(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(ConfigError, match=r"\[E104\]"):
        viz.plot_themes(pd.DataFrame({"doc_id": ["a"], "share_x": [0.5]}), label="nope")


def test_viz_scorecard_table_bolds_the_best_system() -> None:
    card = pd.DataFrame(
        [
            ("relnlp", "entities", "F1 micro (strict)", 0.93, ""),
            ("spacy", "entities", "F1 micro (strict)", 0.71, ""),
            ("relnlp", "themes", "F1 macro", 0.80, ""),
            ("keywords", "themes", "F1 macro", 0.85, ""),
            ("relnlp", "tension", "Spearman rho", None, "undefined: constant scores"),
        ],
        columns=["system", "task", "metric", "value", "note"],
    )
    styler = viz.scorecard_table(card)
    assert list(styler.data.columns) == ["task", "metric", "relnlp", "spacy", "keywords"]
    out = styler.to_html()
    rule = re.search(r"\{[^}]*font-weight: bold", out)
    assert rule is not None
    bold = set(re.findall(r"_row(\d+)_col(\d+)", out[: rule.start()]))
    assert bold == {("0", "2"), ("1", "4")}  # relnlp on entities, keywords on themes
    assert "0.930" in out and "—" in out
    # The wide form is accepted as it is.
    from relnlp.evaluate.scorecard import wide

    assert list(viz.scorecard_table(wide(card)).data.columns) == list(styler.data.columns)
    with pytest.raises(ConfigError, match=r"\[E106\]"):
        viz.scorecard_table(pd.DataFrame({"a": [1]}))


# relnlp report ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory, seed_paths: dict[str, Path]) -> Path:
    out = tmp_path_factory.mktemp("report") / "page.html"
    res = runner.invoke(
        app, ["report", str(seed_paths["000_a36955c7ab553492"]), "--html", str(out)]
    )
    assert res.exit_code == 0, res.output
    return out


def test_cli_report_writes_a_self_contained_page(
    report_page: Path, seed_reports: dict[str, Any]
) -> None:
    page = report_page.read_text("utf-8")
    report = seed_reports["000_a36955c7ab553492"]
    assert page.startswith("<!DOCTYPE html>")
    assert EXTERNAL.search(page) is None, EXTERNAL.search(page)
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert re.search(r'<img [^>]*src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', page)
    for section in ("themes", "timeline", "actors", "events", "text"):
        assert f'<section id="{section}">' in page
    assert page.count('<mark class="ent" data-label="') == len(report.entities)
    p = _parse(page)
    assert "".join(p.text) == report.text
    # Every actor and every dated event has a row.
    assert page.count("<tr>") >= len(report.actors) + len(report.events)


def test_cli_report_errors(tmp_path: Path, seed_paths: dict[str, Path]) -> None:
    res = runner.invoke(
        app, ["report", str(tmp_path / "missing.txt"), "--html", str(tmp_path / "x.html")]
    )
    assert res.exit_code == 1
    assert "E002" in res.output
    seed = str(seed_paths["004_880b6a600cf7a9c3"])
    res = runner.invoke(
        app, ["report", seed, "--html", str(tmp_path / "x.html"), "--dyad", "China"]
    )
    assert res.exit_code == 2 and "--dyad" in res.output
    res = runner.invoke(app, ["report", seed])
    assert res.exit_code == 2  # --html is required
    assert not (tmp_path / "x.html").exists()


def test_cli_report_page_in_headless_chromium(
    report_page: Path, seed_reports: dict[str, Any], tmp_path: Path
) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip(
            "headless Chromium is not installed (apt-get install chromium); the page's DOM "
            "cannot be checked in a browser here. test_cli_report_writes_a_self_contained_page "
            "checks the file itself."
        )
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-extensions",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        report_page.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    report = seed_reports["000_a36955c7ab553492"]
    assert dom.count('<mark class="ent" data-label="') == len(report.entities)
    p = _parse(dom)
    ents = _ents(p)
    assert len(ents) == len(report.entities)
    assert {a["data-label"] for a, _t in ents} <= ENTITY_LABELS
    assert [t for _a, t in ents] == list(report.entities["text"])
    # The browser shows the raw text, markup included, as text.
    assert "".join(p.text) == report.text
    assert any(a.get("data-value") for a, _t in p.marks)
    assert EXTERNAL.search(dom) is None


# Notebooks ----------------------------------------------------------------------------
def _generator() -> Any:
    return load_file("scripts/make_notebooks.py", "make_notebooks")


NOTEBOOK_NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def test_notebooks_are_generated_and_stored_without_outputs() -> None:
    import nbformat

    gen = _generator()
    assert NOTEBOOK_NAMES == sorted(gen.NOTEBOOKS_CELLS) and len(NOTEBOOK_NAMES) == 4
    for name in NOTEBOOK_NAMES:
        on_disk = (NOTEBOOKS / name).read_text("utf-8")
        assert on_disk == gen.render(name), f"{name} is stale: run python scripts/make_notebooks.py"
        nb = nbformat.reads(on_disk, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None


#: What each notebook must display, beyond running without error.
NOTEBOOK_SHOWS = {
    "01_quickstart.ipynb": ("text/html", 'class="rel-viz"'),
    "02_extend_taxonomy.ipynb": ("text/plain", "share_military"),
    "03_relations_timeline.ipynb": ("image/png", ""),
    "04_evaluation.ipynb": ("text/html", "relnlp scorecard"),
}


@pytest.mark.notebooks
@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs(name: str) -> None:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    argv0 = KernelSpecManager().get_kernel_spec("python3").argv[0]
    # jupyter_client runs a bare "python"/"python3" as sys.executable: this venv's.
    assert argv0 in {"python", "python3", f"python{sys.version_info[0]}.{sys.version_info[1]}"} or (
        Path(argv0).resolve() == Path(sys.executable).resolve()
    ), f"kernel python3 would run {argv0}, not {sys.executable}"
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    mime, needle = NOTEBOOK_SHOWS[name]
    shown = [str(o.data[mime]) for o in outputs if mime in o.get("data", {})]
    assert any(needle in s for s in shown), f"{name} displayed no {mime} with {needle!r}"
