#!/usr/bin/env python3
"""Write the example notebooks in notebooks/ from the cell sources below.

The notebooks are stored without outputs and with fixed cell ids, so that regenerating
them changes nothing unless a cell here changed (diffs stay reviewable). Edit the cells in
this file, never the .ipynb files, then run::

    python scripts/make_notebooks.py           # rewrite notebooks/*.ipynb
    python scripts/make_notebooks.py --check   # exit 1 if a notebook is out of date

tests/test_viz.py executes every notebook with nbclient and checks that they are up to
date. Each notebook finds corpora/seeds by walking up from its working directory, so it
runs from notebooks/ (Jupyter's default) or from the repository root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

SETUP = """\
%matplotlib inline
from pathlib import Path

import pandas as pd

import relnlp
from relnlp import viz

# The repository's seed reports, found from wherever the notebook runs.
ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "corpora" / "seeds").is_dir())
SEEDS = ROOT / "corpora" / "seeds"
pd.set_option("display.max_colwidth", 90)"""

# Each notebook: a list of ("md" | "code", source).
QUICKSTART = [
    (
        "md",
        """\
# relnlp quickstart

Analyse one report, look at its tables, and see the analysis drawn on the text.
Everything runs offline: the English pipeline and relnlp's data ship with the packages.""",
    ),
    ("code", SETUP),
    (
        "md",
        """\
`relnlp.load()` builds the analyser once (it is memoised); `relnlp.read()` reads a
.txt, .md, .html or .pdf report into a `Document` with its structure.""",
    ),
    (
        "code",
        """\
nlp = relnlp.load()
doc = relnlp.read(SEEDS / "000_a36955c7ab553492.txt")
doc.title, doc.author, doc.date, len(doc.passages)""",
    ),
    (
        "code",
        """\
report = nlp.analyze(doc)
report""",
    ),
    (
        "md",
        """\
## Tables

Every table is a pandas DataFrame, and every row has `start`/`end` offsets into
`report.text` with `text == report.text[start:end]`.""",
    ),
    ("code", "report.documents.T"),
    (
        "code",
        """\
report.entities[["start", "end", "text", "label", "canonical", "country"]].head(10)""",
    ),
    (
        "code",
        """\
# The offset contract, checked on two tables.
for name in ("entities", "dates"):
    table = report.tables()[name]
    assert all(report.text[s:e] == t for s, e, t in zip(table.start, table.end, table.text))
len(report.entities), len(report.dates)""",
    ),
    ("md", "Actors gather the mentions of one canonical actor (aliases, roles, country):"),
    (
        "code",
        """\
cols = ["canonical", "label", "mentions", "aliases", "roles", "country"]
report.actors.sort_values("mentions", ascending=False)[cols].head(10)""",
    ),
    ("md", "Dates carry TIMEX3 values, anchored on the report's date:"),
    ("code", """report.dates[["text", "value", "type", "mod"]].head(10)"""),
    ("md", "Passages carry theme scores and labels, and cooperation/tension scores:"),
    (
        "code",
        """\
themes = list(report.meta["themes"])
report.passages[["passage_id", "kind", "themes", *themes, "cooperation", "tension"]].head(8)""",
    ),
    (
        "md",
        """\
Events: who did what to whom, one row per action between actors (dated or not), with the
trigger words, the PLOVER/CAMEO quad class and a Goldstein-like value:""",
    ),
    (
        "code",
        """\
cols = ["trigger", "type", "source", "target", "parties", "date", "goldstein", "text"]
report.events[cols].head(8)""",
    ),
    (
        "md",
        """\
## The analysis on the text

`viz.show()` highlights entities (hover for the canonical name), dates (with their TIMEX3
value) and passages with themes.""",
    ),
    ("code", "viz.show(report)"),
    (
        "md",
        """\
Markup in the text (Markdown, inline HTML) is not analysed as words, and `show()`
displays it as text, exactly as the offsets see it:""",
    ),
    (
        "code",
        """\
small = nlp.analyze(
    "**Vladimir Putin** met <b>Xi Jinping</b> in Moscow on May 8, 2015.", doc_date="2015-05"
)
viz.show(small)""",
    ),
    (
        "md",
        """\
The same picture with actors, events, theme shares and a timeline, as one self-contained
HTML page: `viz.save_report_html(report, "report.html")`, or from the shell
`relnlp report REPORT --html report.html`.""",
    ),
    (
        "code",
        """\
import tempfile

page = viz.save_report_html(report, Path(tempfile.mkdtemp()) / "report.html")
page.name, page.stat().st_size > 10_000""",
    ),
]

EXTEND_TAXONOMY = [
    (
        "md",
        """\
# Extending the theme taxonomy

Add a theme from a script, let relnlp suggest cue words from your own corpus, train a
theme model on a few labelled passages, and compare the scores before and after.
The files this notebook writes go to a temporary folder.""",
    ),
    (
        "code",
        SETUP
        + """
import json
import tempfile

from relnlp.themes import Taxonomy, ThemeClassifier, read_labels, train
from relnlp.themes.loading import build_classifier
from relnlp.themes.suggest import corpus_passages, suggest_cues

WORK = Path(tempfile.mkdtemp(prefix="relnlp-taxonomy-"))""",
    ),
    (
        "md",
        """\
## 1. Add a theme

A theme needs an id, a description, and at least one cue, pattern or example. It scores
passages the moment it is defined (cues, patterns and similarity to the description and
examples).""",
    ),
    (
        "code",
        """\
tax = Taxonomy.default()
tax.add_theme(
    "military",
    label="Military cooperation",
    description="Military and defence ties between states: arms sales and weapons "
    "deliveries, joint military and naval exercises, defence ministers, troops, missiles "
    "and air-defence systems.",
    cues=["military", "arms sales", "weapons", "naval exercise", "joint exercise",
          "defense minister", "troops", "missile"],
    examples=[
        "The defence ministers agreed on new arms deliveries, including fighter jets and an "
        "air-defence missile system.",
        "The two navies held a joint exercise with destroyers, submarines and marines.",
    ],
)
print(tax.summary())""",
    ),
    (
        "md",
        """\
## 2. Suggest cues from your corpus

The same as `relnlp taxonomy suggest corpora/seeds --theme military --taxonomy FILE`:
words and two-word phrases that are frequent in the passages the theme already finds and
rare elsewhere, each with an example context.""",
    ),
    (
        "code",
        """\
passages = corpus_passages(SEEDS)
found = suggest_cues(tax, "military", passages, top=10)
pd.DataFrame(found)[["term", "kind", "score", "relevant_count", "example"]]""",
    ),
    (
        "md",
        """\
Read the list and keep the terms that really are about the theme (not names, not other
themes). Then replace the theme with the longer cue list and save the taxonomy as TOML.""",
    ),
    (
        "code",
        """\
keep = {"defense", "naval", "exercises"}
new_cues = [s.term for s in found if s.term in keep]
old = tax["military"]
tax.remove_theme("military").add_theme(
    "military", label=old.label, description=old.description,
    cues=[*old.cues, *new_cues], examples=old.examples,
)
tax_path = tax.save(WORK / "my_taxonomy.toml")
new_cues, Taxonomy.load(tax_path).ids""",
    ),
    (
        "md",
        """\
## 3. Train on a few labelled passages

A labels file has one JSON object per line: `{"text": ..., "themes": [...]}`. The same
as `relnlp themes train labels.jsonl --out model --taxonomy my_taxonomy.toml`.""",
    ),
    (
        "code",
        """\
labels = [
    ("The army and navy of both countries will hold joint drills in the autumn.", ["military"]),
    ("Moscow agreed to deliver fighter jets and a missile defence system to Beijing.", ["military"]),
    ("Defence ministers discussed arms exports, military training and weapons production.", ["military"]),
    ("Warships from the two fleets sailed together through the strait on a joint patrol.", ["military"]),
    ("The general staffs set up a hotline between their armed forces.", ["military"]),
    ("Troops from six member states took part in the command-post exercise.", ["military"]),
    ("Bombers of both air forces flew a joint patrol over the sea.", ["military"]),
    ("The defence industry will co-produce helicopter engines and submarine parts.", ["military"]),
    ("The central banks agreed a currency swap to settle trade in national currencies.", ["geoeconomics"]),
    ("The new railway bridge will cut freight costs on the trade corridor.", ["geoeconomics"]),
    ("Security services arrested militants planning bombings in the capital.", ["counterterrorism"]),
    ("The ministers condemned foreign interference in the country's internal affairs.", ["color_revolution"]),
    ("The two presidents praised cultural exchanges and student programmes.", []),
    ("The foreign ministers met on the sidelines of the summit to discuss the agenda.", []),
    ("A film festival celebrated the friendship between the two peoples.", []),
    ("Tourism between the two countries grew by a fifth last year.", []),
]
labels_path = WORK / "labels.jsonl"
labels_path.write_text(
    "".join(json.dumps({"text": t, "themes": th}) + "\\n" for t, th in labels), encoding="utf-8"
)
data = read_labels(labels_path, tax)  # checks every theme id against the taxonomy
model = train(data, tax, info={"name": "military-demo"})
model_dir = WORK / "model"
model.save(model_dir)
len(data), sorted(model.coef)""",
    ),
    (
        "md",
        """\
## 4. Scores before and after

*Before*: the packaged model, which has never seen the new theme, so `military` is scored by
its definition alone. *After*: the model trained above (for `military` it blends the
definition and the trained weights by the number of positive labels). The test sentences
are not in the labels file.""",
    ),
    (
        "code",
        """\
before = build_classifier(tax)
after = ThemeClassifier(tax, model)
tests = [
    "The navies rehearsed anti-submarine warfare and live-fire drills off the coast.",
    "Russia will supply more advanced air-defence systems and fighter aircraft.",
    "Both armed forces signed a roadmap for military cooperation until 2025.",
    "The two countries signed new agreements on trade in agricultural products.",
    "Students from both countries will receive scholarships for language courses.",
]
seed_military = [p for p in passages if "military" in p.lower()][:3]
texts = tests + seed_military
compare = pd.DataFrame({
    "text": [" ".join(t.split())[:90] for t in texts],
    "military before": [r.scores["military"] for r in before.classify_many(texts)],
    "military after": [r.scores["military"] for r in after.classify_many(texts)],
})
compare.round(3)""",
    ),
    (
        "code",
        """\
# The new theme through the whole pipeline: a theme-share column per theme.
nlp = relnlp.load(taxonomy=tax_path, themes_model=model_dir)
report = nlp.analyze(SEEDS / "000_a36955c7ab553492.txt")
report.documents.filter(like="share_").T""",
    ),
    (
        "code",
        """\
mil = report.passages[report.passages["themes"].map(lambda ts: "military" in ts)]
mil[["passage_id", "military", "evidence", "text"]].head()""",
    ),
    (
        "md",
        """\
A model trained on your own labels replaces the packaged one: the default themes are then
learned from your labels and the taxonomy's examples only. Label passages of every theme
you care about (or score with `relnlp evaluate --gold` on your own gold files) before
relying on them.""",
    ),
]

TIMELINE = [
    (
        "md",
        """\
# Relations over time: China and Russia

Analyse both seed reports, build the cooperation and tension of the China-Russia dyad
over time with `relnlp.timeline`, and look at the events behind it.""",
    ),
    ("code", SETUP),
    (
        "code",
        """\
nlp = relnlp.load()
reports = [nlp.analyze(p) for p in sorted(SEEDS.glob("*.txt"))]
pd.DataFrame({"doc_id": [r.doc_id for r in reports],
              "doc_date": [r.meta["doc_date"] for r in reports],
              "events": [len(r.events) for r in reports]})""",
    ),
    (
        "md",
        """\
An *event* is a clause reporting an action between actors: a source and a target (or the
parties of a joint action), a trigger, its PLOVER/CAMEO quad class and a date when the
text gives one. An event counts for a dyad when both actors are among its parties or
their states. `timeline` averages the dated events per period; by default (`freq="auto"`)
the period is the finest that every event's date supports, so events dated only by year
are counted, in a yearly series. Periods without events are gaps (NaN), not zeros.""",
    ),
    (
        "code",
        """\
tl = relnlp.timeline(reports, dyad=("China", "Russia"))
tl.attrs, tl.dropna()""",
    ),
    (
        "code",
        """\
events = pd.concat([r.events for r in reports], ignore_index=True)
both = [("China" in set(p) | set(c)) and ("Russia" in set(p) | set(c))
        for p, c in zip(events["parties"], events["countries"])]
china_russia = events[both]
cols = ["doc_id", "date", "trigger", "type", "source", "target", "parties", "goldstein", "text"]
china_russia.sort_values("date")[cols].head(12)""",
    ),
    ("code", "viz.plot_timeline(tl, events=china_russia)"),
    (
        "md",
        """\
A finer period can be asked for; events dated more coarsely are then left out, and a
warning (`W213`) says how many:""",
    ),
    (
        "code",
        """\
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    monthly = relnlp.timeline(reports, dyad=("China", "Russia"), freq="M")
[str(w.message)[:120] for w in caught], monthly.attrs""",
    ),
    ("md", "Several dyads on one picture, each at the period its dates support:"),
    (
        "code",
        """\
dyads = [("China", "Russia"), ("China", "United States")]
lines = {d: relnlp.timeline(reports, dyad=d, freq="Y") for d in dyads}
viz.plot_timeline(lines, title="Cooperation and tension by year")""",
    ),
    (
        "code",
        """\
lines[("China", "Russia")].dropna()""",
    ),
    ("md", "And the themes of each report, as the share of passage text labelled with each:"),
    ("code", "viz.plot_themes(reports)"),
]

EVALUATION = [
    (
        "md",
        """\
# Evaluation: the scorecard and the entity errors

Score relnlp and two baselines on the packaged gold annotations (the same as
`relnlp evaluate --baselines`, limited to the baselines that need no extra package), then
look at which entities relnlp gets wrong.""",
    ),
    (
        "code",
        SETUP
        + """
from relnlp.evaluate import scorecard as sc
from relnlp.evaluate.baselines import make_baselines""",
    ),
    (
        "code",
        """\
docs = sc.load_gold()
pd.DataFrame({"doc_id": [d.doc_id for d in docs],
              "entities": [len(d.entities) for d in docs],
              "dates": [len(d.dates) for d in docs],
              "passages": [len(d.passages) for d in docs]})""",
    ),
    (
        "code",
        """\
nlp = relnlp.load()
systems = {"relnlp": sc.relnlp_system(nlp), **make_baselines(["spacy", "keywords"])}
card = sc.scorecard(docs, systems)
card.head()""",
    ),
    ("code", "viz.scorecard_table(card)"),
    (
        "md",
        """\
## Entity errors

Each gold and predicted entity is put in one class: **correct** (same span and label),
**label** (same span, other label), **boundary** (overlapping spans), **missed** (gold, no
overlapping prediction) or **spurious** (predicted, no overlapping gold). For correct
spans, the canonical names are compared too.""",
    ),
    (
        "code",
        """\
reports = {d.doc_id: nlp.analyze(d.text, doc_id=d.doc_id, doc_date=d.doc_date) for d in docs}


def entity_errors(doc):
    table = reports[doc.doc_id].entities
    # Labels the gold set does not use (PRODUCT: the seed gold predates it) are not scored.
    table = table[table["label"].isin(doc.entity_labels)]
    pred = table[["start", "end", "text", "label", "canonical"]].to_dict("records")
    gold = doc.entities
    rows = []
    by_span = {(p["start"], p["end"]): p for p in pred}
    used = set()
    for g in gold:
        p = by_span.get((g["start"], g["end"]))
        if p is None:
            p = next((q for q in pred if q["start"] < g["end"] and g["start"] < q["end"]), None)
            kind = "missed" if p is None else "boundary"
        else:
            kind = "correct" if p["label"] == g["label"] else "label"
        if p is not None:
            used.add((p["start"], p["end"]))
        rows.append({"doc_id": doc.doc_id, "kind": kind, "gold": g["text"],
                     "gold_label": g["label"], "gold_canonical": g["canonical"],
                     "pred": p and p["text"], "pred_label": p and p["label"],
                     "pred_canonical": p and p["canonical"], "start": g["start"]})
    for p in pred:
        if (p["start"], p["end"]) not in used and not any(
            g["start"] < p["end"] and p["start"] < g["end"] for g in gold
        ):
            rows.append({"doc_id": doc.doc_id, "kind": "spurious", "pred": p["text"],
                         "pred_label": p["label"], "pred_canonical": p["canonical"],
                         "start": p["start"]})
    return rows


errors = pd.DataFrame([row for d in docs for row in entity_errors(d)])
errors["kind"].value_counts()""",
    ),
    (
        "code",
        """\
# The strict micro F1 (same span and label) from these counts agrees with the scorecard.
n_correct = int((errors["kind"] == "correct").sum())
n_pred = sum(int(r.entities["label"].isin(d.entity_labels).sum())
             for d, r in zip(docs, reports.values()))
n_gold = sum(len(d.entities) for d in docs)
precision, recall = n_correct / n_pred, n_correct / n_gold
f1 = 2 * precision * recall / (precision + recall)
from_card = card.query("system == 'relnlp' and metric == 'F1 micro (strict)'")["value"].item()
assert abs(f1 - from_card) < 1e-3, (f1, from_card)
round(f1, 4), from_card""",
    ),
    ("md", "Which labels are confused with which (spans that match exactly):"),
    (
        "code",
        """\
same_span = errors[errors["kind"].isin(["correct", "label"])]
pd.crosstab(same_span["gold_label"], same_span["pred_label"])""",
    ),
    (
        "code",
        """\
errors[errors["kind"] == "missed"].groupby("gold_label")["gold"].agg(["count", lambda s: ", ".join(sorted(set(s))[:6])])""",
    ),
    (
        "code",
        """\
errors[errors["kind"] == "spurious"][["doc_id", "pred", "pred_label"]].head(12)""",
    ),
    (
        "code",
        """\
errors[errors["kind"] == "boundary"][["doc_id", "gold", "pred", "gold_label", "pred_label"]].head(12)""",
    ),
    ("md", "Correct spans whose canonical name differs from the gold one:"),
    (
        "code",
        """\
ok = errors[errors["kind"] == "correct"]
ok[ok["gold_canonical"] != ok["pred_canonical"]][["gold", "gold_canonical", "pred_canonical"]]""",
    ),
]

NOTEBOOKS_CELLS = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_extend_taxonomy.ipynb": EXTEND_TAXONOMY,
    "03_relations_timeline.ipynb": TIMELINE,
    "04_evaluation.ipynb": EVALUATION,
}


def build(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` (no outputs, cell ids ``<stem>-<nn>``)."""
    stem = name.split("_", 1)[0]
    cells = []
    for i, (kind, source) in enumerate(NOTEBOOKS_CELLS[name]):
        make = new_markdown_cell if kind == "md" else new_code_cell
        cells.append(make(source, id=f"nb{stem}-{i:02d}"))
    nb = new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nbformat.validate(nb)
    return nb


def render(name: str) -> str:
    """The file content of notebook ``name``."""
    return nbformat.writes(build(name)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    stale = []
    NOTEBOOKS.mkdir(exist_ok=True)
    for name in NOTEBOOKS_CELLS:
        path = NOTEBOOKS / name
        text = render(name)
        if path.exists() and path.read_text("utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run python scripts/make_notebooks.py")
        return 1
    print(
        ("checked" if args.check else "wrote")
        + f" {len(NOTEBOOKS_CELLS)} notebooks"
        + (f" ({len(stale)} changed)" if stale and not args.check else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
