"""The house rules of the code base (issue 20): one home per result, one pipeline that runs
in the order it states (import cycles: test_import_cycles.py; module sizes:
test_module_size.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "relnlp"


def test_house_records_keys_live_in_records_only() -> None:
    key = re.compile(r"""user_data\s*(?:\[|\.get\(|\.pop\(|\.setdefault\()\s*["']rel_""")
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        if path.name != "records.py"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if key.search(line)
        or re.search(
            r"""["']rel_(?:timex|entities|passages|passage_themes|tone|chronology|text)["']\s+(?:not\s+)?in\s+\w+\.user_data""",
            line,
        )
    ]
    assert not offenders


def test_house_pipe_names_are_the_order_of_execution(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relnlp.analyzer import REPORT_LEVEL

    names = list(nlp.nlp.pipe_names)
    ran: list[str] = []

    class Recording:
        """The component, noting when spaCy or the analyser calls it."""

        def __init__(self, name: str, comp: Any) -> None:
            self._name, self._comp = name, comp

        def __call__(self, doc: Any) -> Any:
            ran.append(self._name)
            return self._comp(doc)

        def pipe(self, docs: Any, **kwargs: Any) -> Any:
            inner = (
                self._comp.pipe(docs, **kwargs)
                if hasattr(self._comp, "pipe")
                else map(self._comp, docs)
            )
            for doc in inner:  # a Doc leaves this component: it has run on it
                ran.append(self._name)
                yield doc

        def __getattr__(self, attr: str) -> Any:
            return getattr(self._comp, attr)

    def recording(name: str, comp: Any) -> Any:
        return Recording(name, comp)

    # spaCy and the analyser reach every component through this list: record each call.
    components = [(name, recording(name, comp)) for name, comp in nlp.nlp._components]
    monkeypatch.setattr(nlp.nlp, "_components", components)
    # Written for this test: one short paragraph (one chunk).
    nlp.analyze("Ministers of Chile and Peru met in Lima on 2 May 2019 to discuss fisheries.")
    assert list(dict.fromkeys(ran)) == names
    assert set(names[-len(REPORT_LEVEL) :]) == REPORT_LEVEL  # the report-level ones last


def test_house_report_level_components_must_come_last() -> None:
    import spacy

    from relnlp.analyzer import report_level_pipes
    from relnlp.errors import ConfigError

    blank = spacy.blank("en")
    blank.add_pipe("relnlp_dates")
    blank.add_pipe("sentencizer")
    with pytest.raises(ConfigError) as info:
        report_level_pipes(blank)
    assert info.value.code == "E030"
    blank.remove_pipe("sentencizer")
    blank.add_pipe("sentencizer", first=True)
    assert report_level_pipes(blank) == ["relnlp_dates"]


def test_house_config_round_trips(nlp: Any) -> None:
    import spacy

    config = nlp.nlp.config
    rebuilt = spacy.util.load_model_from_config(config)
    assert rebuilt.pipe_names == nlp.nlp.pipe_names
    assert rebuilt.config["components"] == config["components"]
    themes = rebuilt.get_pipe("relnlp_themes").classifier
    assert themes.taxonomy.key == nlp.taxonomy.key
    assert themes.model is not None


def test_house_config_carries_an_in_memory_taxonomy() -> None:
    import spacy

    import relnlp

    tax = relnlp.Taxonomy.default()
    tax.add_theme("maritime_security", label="Maritime security", cues=("naval patrol",))
    analyzer = relnlp.load(taxonomy=tax)
    rebuilt = spacy.util.load_model_from_config(analyzer.nlp.config)
    again = rebuilt.get_pipe("relnlp_themes").classifier.taxonomy
    assert "maritime_security" in again.ids
    assert again.key == analyzer.taxonomy.key  # type: ignore[union-attr]


def test_house_every_coded_error_carries_its_code(tmp_path: Path) -> None:
    import pickle
    import warnings

    import relnlp
    from relnlp.errors import (
        ArgumentTypeError,
        ConfigError,
        Errors,
        MissingFileError,
        RelnlpError,
        RelnlpWarning,
        Warnings,
    )

    # The catalogue's message brings its code through format() and +, not by parsing.
    msg = Errors.E106.format(name="x", expected="an int", value=1)
    assert msg.code == "E106" and (msg + " More.").code == "E106"
    err = ConfigError(msg, name="x")
    assert err.code == "E106" and err.name == "x"
    assert pickle.loads(pickle.dumps(err)).code == "E106"
    assert RelnlpError("no catalogue message").code is None
    # Built-in kinds keep their base class and gain a code.
    with pytest.raises(FileNotFoundError) as missing:
        relnlp.read(tmp_path / "absent.txt")
    assert isinstance(missing.value, MissingFileError) and missing.value.code == "E002"
    with pytest.raises(TypeError) as wrong:
        relnlp.Document.from_text(b"bytes")  # type: ignore[arg-type]
    assert isinstance(wrong.value, ArgumentTypeError) and wrong.value.code == "E001"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn(
            Warnings.W202.format(path="p", encoding="cp1252"), RelnlpWarning, stacklevel=1
        )
    assert caught[0].message.code == "W202"  # type: ignore[union-attr]


def test_house_no_bare_builtin_raised_with_a_catalogue_message() -> None:
    bare = re.compile(
        r"raise (?:FileNotFoundError|TypeError|ValueError|KeyError|OSError)\(\s*(?:Errors|Warnings)\."
    )
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if bare.search(line)
    ]
    assert not offenders


def test_house_one_doc_id_whatever_the_command(tmp_path: Path) -> None:
    import pandas as pd
    from typer.testing import CliRunner

    from relnlp.batch import read_table
    from relnlp.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    # Written for this test.
    (folder / "brief note.txt").write_text(
        "Trade Talks\n\nNorway and Iceland agreed on fishing quotas in Oslo on 9 May 2018.\n",
        "utf-8",
    )
    runner = CliRunner()
    res = runner.invoke(app, ["analyze", str(folder), "--out", str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        app, ["batch", str(folder), "--out", str(tmp_path / "b"), "--only", "dates"]
    )
    assert res.exit_code == 0, res.output
    analysed = pd.read_parquet(tmp_path / "a" / "dates.parquet")["doc_id"].unique().tolist()
    batched = read_table(tmp_path / "b", "dates")["doc_id"].unique().tolist()
    assert analysed == batched and len(analysed) == 1
    assert analysed[0].startswith("brief_note-")
