"""The scorecard: relnlp and the baselines scored on the same gold documents.

A *system* is a function ``GoldDoc -> Prediction``. Scores are pooled over all gold
documents (micro-averaged spans; passages pooled), and reported in long form
(``system, task, metric, value, note``) and as a wide table, one column per system.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from relnlp import records
from relnlp.errors import Errors, InputError, MissingFileError
from relnlp.evaluate import metrics
from relnlp.schemas import DEFAULT_THEME_IDS

__all__ = [
    "GoldDoc",
    "Prediction",
    "load_gold",
    "relnlp_system",
    "score",
    "scorecard",
    "wide",
]

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT")
ALL_LAYERS = frozenset({"entities", "dates", "passages"})


@dataclass(frozen=True)
class GoldDoc:
    """One gold-annotated report (offsets into ``text``).

    ``layers`` names the layers that were annotated (a development report may have passages
    and events only; its empty entity list is then not scored). ``entity_labels`` are the
    labels the gold set uses: the seed gold predates PRODUCT, so predicted PRODUCT spans are
    left out when it is scored. ``path`` is the file the text came from, when there is one:
    systems that read files (Markdown front matter, HTML) read it as a user would.
    """

    doc_id: str
    text: str
    doc_date: str | None
    entities: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    passages: list[dict[str, Any]]
    layers: frozenset[str] = ALL_LAYERS
    entity_labels: tuple[str, ...] = ENTITY_LABELS[:-1]
    path: Path | None = None
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Prediction:
    """What a system produced for one document; ``None`` where it does not do the task."""

    entities: list[dict[str, Any]] | None = None
    dates: list[dict[str, Any]] | None = None
    passages: list[dict[str, Any]] | None = None  # start, end, themes, cooperation, tension
    notes: dict[str, str] = field(default_factory=dict)
    report: Any = None  # relnlp's Report, when the system is relnlp (events are scored from it)


def load_gold(directory: str | Path | None = None) -> list[GoldDoc]:
    """Load gold documents: ``<doc_id>.json`` with ``<doc_id>.txt`` beside it.

    The default is the gold corpus bundled in the package (``relnlp/data/gold``). A
    text whose sha256 differs from the one recorded in its gold file is refused.
    """
    if directory is None:
        base: Any = resources.files("relnlp") / "data" / "gold"
    else:
        base = Path(directory)
        if not base.is_dir():
            raise MissingFileError(Errors.E002.format(path=base))
    docs = []
    for entry in sorted(base.iterdir(), key=lambda p: p.name):
        if (
            not entry.name.endswith(".json")
            or entry.name == "MANIFEST.json"
            or entry.name.endswith(".meta.json")
        ):
            continue
        gold = json.loads(entry.read_text("utf-8"))
        text_file = base / (entry.name[: -len(".json")] + ".txt")
        with text_file.open("r", encoding="utf-8", newline="") as fh:
            text = fh.read()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if gold.get("sha256") and gold["sha256"] != digest:
            raise InputError(Errors.E014.format(path=text_file), path=str(text_file))
        docs.append(
            GoldDoc(
                gold["doc_id"],
                text,
                gold.get("doc_date"),
                gold["entities"],
                gold["dates"],
                gold["passages"],
            )
        )
    if not docs:
        raise MissingFileError(Errors.E002.format(path=f"{base}/*.json"))
    return docs


def _held_out_themes(nlp: Any, report: Any, doc_id: str) -> list[list[str]] | None:
    """Themes from the packaged model's fold that was trained without ``doc_id``.

    The packaged theme model is trained on the whole gold corpus; scoring a gold report
    with it would test the model on its training passages. ``scripts/train_themes.py``
    saves, for each gold report, a model trained without it; this uses that one.
    """
    from relnlp.themes.classifier import ThemeClassifier, ThemeModel
    from relnlp.themes.loading import packaged_model_path

    if "relnlp_themes" not in nlp.nlp.pipe_names:
        return None
    clf = nlp.nlp.get_pipe("relnlp_themes").classifier
    base = packaged_model_path()
    if clf.model is None or base is None or clf.model.info.get("name") != base.name:
        return None  # a user's own model: scored as it is
    if doc_id not in clf.model.info.get("training_docs", []):
        return None
    fold = base / "folds" / doc_id
    if not (fold / "themes_model.json").is_file():
        raise MissingFileError(Errors.E002.format(path=fold / "themes_model.json"))
    held = ThemeClassifier(clf.taxonomy, ThemeModel.load(fold), threshold=clf.threshold)
    spans = [(p.start, p.end) for p in records.passages(report.doc)]
    full = report.doc.text
    from relnlp.themes.context import passage_contexts

    texts = [full[a:b] for a, b in spans]
    return [list(res.themes) for res in held.classify_many(texts, passage_contexts(full, spans))]


def relnlp_system(nlp: Any = None) -> Callable[[GoldDoc], Prediction]:
    """relnlp's own analysis as a system (a file is read with ``relnlp.read``, as a user would)."""
    if nlp is None:
        from relnlp import load

        nlp = load()

    def run(doc: GoldDoc) -> Prediction:
        item: Any = doc.text
        if doc.path is not None:
            from relnlp import read

            item = read(doc.path)
            if item.text != doc.text:
                raise InputError(Errors.E014.format(path=doc.path), path=str(doc.path))
        r = nlp.analyze(item, doc_id=doc.doc_id, doc_date=doc.doc_date)
        pas = r.passages
        held_out = _held_out_themes(nlp, r, doc.doc_id)
        if held_out is not None:
            pas = pas.assign(themes=held_out)
        # The passage tone model is fitted on the annotated reports: score each with the
        # fold fitted without it (relnlp.tone.aggregate, leave one document out).
        from relnlp.tone.aggregate import held_out_passage_scores

        held_tone = held_out_passage_scores(r, doc.doc_id)
        if held_tone is not None and len(held_tone) == len(pas):
            pas = pas.assign(
                cooperation=[p.cooperation for p in held_tone],
                tension=[p.tension for p in held_tone],
            )
        return Prediction(
            entities=r.entities[["start", "end", "label", "canonical"]].to_dict("records"),
            dates=r.dates[["start", "end", "type", "value", "mod"]].to_dict("records"),
            passages=[
                {
                    "start": int(row.start),
                    "end": int(row.end),
                    "themes": list(row.themes),
                    "cooperation": float(row.cooperation),
                    "tension": float(row.tension),
                }
                for row in pas.itertuples()
            ],
            report=r,
        )

    return run


_DETERMINER = re.compile(r"(?:the|The|THE)\s+")


def project_date_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A TimeML date extent in the convention of relnlp's gold (shared/ANNOTATION.md).

    TimeML keeps the determiner of a temporal noun phrase ("the end of April"); the seed
    and development gold leave a leading "the" out ("end of April"). Every system's
    predicted dates are mapped the same way before scoring, so the convention gap is not
    counted as an error for anyone (relnlp and HeidelTime both write TimeML extents).
    """
    m = _DETERMINER.match(text, start, end)
    return (m.end(), end) if m and m.end() < end else (start, end)


def _pool(
    docs: Sequence[GoldDoc], preds: Sequence[Prediction], attr: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Concatenate spans of the documents annotated for ``attr``, shifting offsets so
    documents never overlap. Predicted entities of a label the gold set does not use
    (PRODUCT on the seeds) are left out; predicted dates are mapped to the gold's span
    convention (:func:`project_date_span`)."""
    gold: list[dict[str, Any]] = []
    pred: list[dict[str, Any]] = []
    shift = 0
    for d, p in zip(docs, preds):
        if attr not in d.layers:
            continue
        for s in getattr(d, attr):
            gold.append({**s, "start": s["start"] + shift, "end": s["end"] + shift})
        for s in getattr(p, attr) or []:
            if attr == "entities" and s.get("label") not in d.entity_labels:
                continue
            a, b = int(s["start"]), int(s["end"])
            if attr == "dates":
                a, b = project_date_span(d.text, a, b)
            pred.append({**s, "start": a + shift, "end": b + shift})
        shift += len(d.text) + 1
    return pred, gold


def _align_passages(doc: GoldDoc, pred: Prediction) -> list[dict[str, Any]]:
    """For each gold passage, the predicted passage overlapping it most (or an empty one)."""
    out = []
    cands = pred.passages or []
    for g in doc.passages:
        best, best_ov = None, 0
        for p in cands:
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if ov > best_ov:
                best, best_ov = p, ov
        out.append(best or {"themes": [], "cooperation": 0.0, "tension": 0.0})
    return out


def score(
    docs: Sequence[GoldDoc],
    preds: Sequence[Prediction],
    system: str,
    *,
    themes: Sequence[str] = DEFAULT_THEME_IDS,
) -> list[dict[str, Any]]:
    """Score one system's predictions; long-form rows."""
    rows: list[dict[str, Any]] = []

    def add(task: str, metric: str, value: float | None, note: str = "") -> None:
        rows.append(
            {
                "system": system,
                "task": task,
                "metric": metric,
                "value": None if value is None else round(float(value), 4),
                "note": note,
            }
        )

    notes = {k: v for p in preds for k, v in p.notes.items()}
    has = {layer: any(layer in d.layers for d in docs) for layer in ALL_LAYERS}
    if not has["entities"]:
        pass
    elif all(p.entities is not None for p in preds):
        pred, gold = _pool(docs, preds, "entities")
        for lab in ENTITY_LABELS:
            r = metrics.span_prf(pred, gold, only_label=lab)
            if r.n_gold or r.n_pred:
                add(
                    "entities",
                    f"F1 {lab}",
                    r.f1,
                    f"P {r.precision:.3f} R {r.recall:.3f} n={r.n_gold}",
                )
        micro = metrics.span_prf(pred, gold)
        add("entities", "P micro (strict)", micro.precision)
        add("entities", "R micro (strict)", micro.recall)
        add("entities", "F1 micro (strict)", micro.f1)
        gold_by_span = {(g["start"], g["end"]): g for g in gold}
        matched = [
            (p, gold_by_span[(p["start"], p["end"])])
            for p in pred
            if (p["start"], p["end"]) in gold_by_span
        ]
        acc = (
            sum(p.get("canonical") == g["canonical"] for p, g in matched) / len(matched)
            if matched
            else None
        )
        add("entities", "canonical accuracy (matched spans)", acc, f"n={len(matched)}")
    elif "entities" in notes:
        add("entities", "F1 micro (strict)", None, notes["entities"])

    if not has["dates"]:
        pass
    elif all(p.dates is not None for p in preds):
        pred, gold = _pool(docs, preds, "dates")
        # The same type filter for every system: the gold's types only (the seed gold
        # holds calendar dates, DATE; durations, times and sets are not annotated there).
        # Reference values (PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently") are
        # dropped the same way when the gold has none (its guidelines leave them out).
        types = {g.get("type", "DATE") for g in gold} or {"DATE"}
        refs = any(str(g.get("value", "")).endswith("_REF") for g in gold)
        pred = [
            p
            for p in pred
            if p.get("type", "DATE") in types
            and (refs or not str(p.get("value") or "").endswith("_REF"))
        ]
        strict = metrics.span_prf(pred, gold, label=None)
        relaxed = metrics.span_prf(pred, gold, label=None, relaxed=True)
        vals = metrics.value_scores(pred, gold)
        add(
            "dates",
            "extraction F1 (strict)",
            strict.f1,
            f"P {strict.precision:.3f} R {strict.recall:.3f}",
        )
        add(
            "dates",
            "extraction F1 (relaxed)",
            relaxed.f1,
            f"P {relaxed.precision:.3f} R {relaxed.recall:.3f}",
        )
        add("dates", "value accuracy", vals["value_accuracy"], f"on {vals['matched']} matched")
        add("dates", "value F1", vals["value_f1"])
    elif "dates" in notes:
        add("dates", "value F1", None, notes["dates"])

    if has["passages"] and all(p.passages is not None for p in preds):
        pairs = [(d, p) for d, p in zip(docs, preds) if "passages" in d.layers]
        aligned = [a for d, p in pairs for a in _align_passages(d, p)]
        gold_p = [g for d, _ in pairs for g in d.passages]
        if any(a.get("themes") is not None for a in aligned) and "themes" not in notes:
            f1 = metrics.multilabel_f1(
                [a["themes"] for a in aligned], [g["themes"] for g in gold_p], themes
            )
            for t in themes:
                add("themes", f"F1 {t}", f1[t])
            add("themes", "F1 macro", f1["macro"])
        for axis in ("cooperation", "tension"):
            if axis in notes:
                continue
            p_scores = [float(a.get(axis) or 0.0) for a in aligned]
            g_scores = [int(g[axis]) for g in gold_p]
            rho = metrics.spearman(p_scores, g_scores)
            add(axis, "Spearman rho", rho, "" if rho is not None else "undefined: constant scores")
            qwk = metrics.quadratic_kappa(metrics.bin_scores(p_scores), g_scores)
            add(axis, "weighted kappa (binned)", qwk)
    return rows


def scorecard(
    docs: Sequence[GoldDoc],
    systems: Mapping[str, Callable[[GoldDoc], Prediction]],
) -> pd.DataFrame:
    """Run every system on every gold document; long-form DataFrame of scores."""
    rows: list[dict[str, Any]] = []
    for name, system in systems.items():
        preds = [system(d) for d in docs]
        rows.extend(score(docs, preds, name))
    return pd.DataFrame(rows, columns=["system", "task", "metric", "value", "note"])


def wide(card: pd.DataFrame) -> pd.DataFrame:
    """One row per (task, metric) that occurs, one column per system, in scorecard order."""
    systems = list(dict.fromkeys(card["system"]))
    keys = list(dict.fromkeys(zip(card["task"], card["metric"])))
    tasks = list(dict.fromkeys(card["task"]))
    keys.sort(key=lambda k: tasks.index(k[0]))
    values = {(r.task, r.metric, r.system): r.value for r in card.itertuples()}
    data: dict[str, list[Any]] = {"task": [k[0] for k in keys], "metric": [k[1] for k in keys]}
    for sys_name in systems:
        data[sys_name] = [values.get((t, m, sys_name)) for t, m in keys]
    return pd.DataFrame(data)
