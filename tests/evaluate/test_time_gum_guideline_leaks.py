"""scripts/time_gum_guideline_leaks.py: guideline examples must not quote held-out texts."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests._files import load_file

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    return load_file("scripts/time_gum_guideline_leaks.py", "time_gum_guideline_leaks_for_tests")


def test_normalise_ignores_case_brackets_dashes_and_spacing() -> None:
    assert _tool().normalise("([1761] –\n  [63])") == "(1761 - 63)"


def test_quotes_span_lines_and_carry_their_edge_case(tmp_path: Path) -> None:
    md = tmp_path / "g.md"
    md.write_text('## 4. Values\n"now" is PRESENT_REF.\nE7 "the\n   same year" is anaphoric.\n')
    assert _tool().quotes(md) == [(2, "section 4", "now"), (3, "E7", "the same year")]


def test_leaks_finds_quotes_in_documents_and_marks_generic_ones(tmp_path: Path) -> None:
    tool = _tool()
    md = tmp_path / "g.md"
    md.write_text('E9 "[the Harvest Fair] of 1804", "[now]", "in [spring]".\n')
    docs = [tool.normalise("Every October the harvest fair of 1804 was held. Now it is not.")]
    found = tool.leaks(md, docs, tool.normalise("until now"))
    assert found == [(1, "E9", "[the Harvest Fair] of 1804", False), (1, "E9", "[now]", True)]


@pytest.mark.skipif(
    not all(d.is_dir() for d in _tool().TIMEML), reason="TimeBank/AQUAINT texts not present"
)
def test_guidelines_quote_nothing_specific_to_the_held_out_texts() -> None:
    tool = _tool()
    docs = tool.texts(tool.HELDOUT)
    found = tool.leaks(tool.GOLD / "GUIDELINES.md", docs, tool.timeml_text(tool.TIMEML))
    assert [q for _, _, q, generic in found if not generic] == []
