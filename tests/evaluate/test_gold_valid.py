"""The gold corpus validates and is reproducible from its hand-written surface lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from relnlp.schemas import ENTITY_LABELS
from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "gold"
TIMEX = re.compile(
    r"^(?:\d{4}(?:-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}))?|\d{3}|\d{2}|FY\d{4}"
    r"|XXXX-\d{2}(?:-\d{2})?)(?:/(?:\d{4}(?:-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12]))?"
    r"|\d{3}|\d{2}|FY\d{4}))?$"
)

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="not a source checkout")


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:3])
def test_gold_file_validates(path: Path) -> None:
    gold = json.loads(path.read_text("utf-8"))
    with (ROOT / "corpora" / "seeds" / f"{path.stem}.txt").open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    for layer in ("entities", "dates", "passages"):
        spans = [(x["start"], x["end"]) for x in gold[layer]]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), f"{layer} overlap"
    for e in gold["entities"]:
        assert text[e["start"] : e["end"]] == e["text"] and e["label"] in ENTITY_LABELS
        assert e["canonical"].strip()
        assert not e["text"].startswith(("the ", "The ")) and not e["text"].endswith("'s")
    for d in gold["dates"]:
        assert text[d["start"] : d["end"]] == d["text"] and TIMEX.match(d["value"]), d
    tool = load_file("corpora/tools/gold.py", "gold_tool")
    blocks = tool.blocks(text)
    kinds_seen = {b for p in gold["passages"] for b in p["blocks"]}
    for p in gold["passages"]:
        assert p["kind"] in {"paragraph", "chronology", "footnote"}
        assert set(p["themes"]) <= {"counterterrorism", "color_revolution", "geoeconomics"}
        assert p["cooperation"] in range(4) and p["tension"] in range(4)
    # Every block is a passage or was classified as title/heading/byline/meta.
    assert kinds_seen <= {b.id for b in blocks}


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:3])
def test_gold_is_rebuilt_from_the_adjudicated_surface_lists(path: Path) -> None:
    tool = load_file("corpora/tools/gold.py", "gold_tool")
    rebuilt = tool.build_doc("gold", path.stem)
    assert rebuilt == json.loads(path.read_text("utf-8"))
