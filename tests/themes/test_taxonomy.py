"""Taxonomy files: validation with file/theme/field named, round trip, extension API."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import relnlp
from relnlp.cli import app
from relnlp.errors import TaxonomyError
from relnlp.themes import Taxonomy

GOOD = """
[taxonomy]
name = "mine"
version = "2"

[[themes]]
id = "security"
label = "Security"
cues = ["military"]

[[themes]]
id = "arms_control"
parent = "security"
description = "Arms control treaties and verification."
cues = ["arms control", "nonproliferation"]
examples = ["The treaty caps deployed warheads and allows inspections."]
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "tax.toml"
    p.write_text(text, "utf-8")
    return p


def test_default_taxonomy_has_the_three_themes_and_a_version() -> None:
    tax = Taxonomy.default()
    assert tax.ids == ("counterterrorism", "color_revolution", "geoeconomics")
    assert tax.version == "1.4.1" and len(tax.fingerprint) == 12
    for t in tax.themes:
        assert t.description and len(t.cues) >= 10 and len(t.examples) >= 3


def test_taxonomy_load_save_round_trip_and_hierarchy(tmp_path: Path) -> None:
    tax = Taxonomy.load(_write(tmp_path, GOOD))
    assert tax.ids == ("security", "arms_control")
    assert tax.ancestors("arms_control") == ["security"]
    fp = tax.fingerprint
    tax.add_theme("energy", description="Oil and gas.", cues=["pipeline"])  # in place
    assert tax.ids[-1] == "energy" and tax.fingerprint != fp
    out = tax.save(tmp_path / "out.toml")
    back = Taxonomy.load(out)
    assert back.ids == ("security", "arms_control", "energy")
    assert back["energy"].cues == ("pipeline",)
    assert back.version == "2+user"
    assert back.fingerprint == tax.fingerprint


@pytest.mark.parametrize(
    ("text", "theme", "field", "fragment"),
    [
        (
            '[[themes]]\nid = "a"\ncues = ["x"]\n[[themes]]\nid = "a"\ncues = ["y"]\n',
            "a",
            "id",
            "duplicate",
        ),
        ('[[themes]]\nid = "a"\nparent = "zzz"\ncues = ["x"]\n', "a", "parent", "unknown parent"),
        (
            '[[themes]]\nid = "a"\nparent = "b"\ncues = ["x"]\n[[themes]]\nid = "b"\n'
            'parent = "a"\ncues = ["y"]\n',
            "a",
            "parent",
            "cycle",
        ),
        ('[[themes]]\nid = "a"\ncues = []\n', "a", "cues", "empty"),
        ('[[themes]]\nid = "a"\npatterns = ["(unclosed"]\n', "a", "patterns", "regular expression"),
        ('[[themes]]\nid = "a"\ncues = "not a list"\n', "a", "cues", "list of strings"),
        ('[[themes]]\nid = "Bad Id"\ncues = ["x"]\n', "Bad Id", "id", "must match"),
        ('[[themes]]\nid = "a"\ncues = ["x"]\ncolour = 3\n', "a", "colour", "unknown field"),
    ],
)
def test_bad_taxonomy_names_file_theme_and_field(
    tmp_path: Path, text: str, theme: str, field: str, fragment: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(TaxonomyError) as err:
        Taxonomy.load(path)
    msg = str(err.value)
    assert msg.startswith("[E301]") and str(path) in msg
    assert f"theme {theme!r}" in msg and f"field {field!r}" in msg and fragment in msg


def test_taxonomy_syntax_error_is_e302(tmp_path: Path) -> None:
    path = _write(tmp_path, "[[themes]\nid = ")
    with pytest.raises(TaxonomyError, match=r"^\[E302\]") as err:
        Taxonomy.load(path)
    assert str(path) in str(err.value)


def test_add_theme_validates_like_a_file_and_leaves_the_taxonomy_unchanged() -> None:
    tax = Taxonomy.default()
    with pytest.raises(TaxonomyError, match="duplicate"):
        tax.add_theme("geoeconomics", cues=["x"])
    with pytest.raises(TaxonomyError, match="empty"):
        tax.add_theme("energy", description="only words")
    with pytest.raises(TaxonomyError, match="unknown parent"):
        tax.add_theme("energy", cues=["oil"], parent="economy")
    assert tax.ids == ("counterterrorism", "color_revolution", "geoeconomics")
    assert tax.version == "1.4.1"


def test_the_documented_script_api(tmp_path: Path) -> None:
    tax = relnlp.Taxonomy.default()
    tax.add_theme(
        "energy",
        description="Oil, gas and electricity trade.",
        cues=["pipeline", "natural gas"],
        examples=["A gas pipeline to Europe."],
    )
    tax.save(tmp_path / "my_taxonomy.toml")
    nlp = relnlp.load(taxonomy=tax)
    assert nlp.taxonomy is not None and nlp.taxonomy.ids[-1] == "energy"
    # The analyser holds a snapshot: later edits of tax do not leak into it.
    tax.add_theme("arctic", cues=["Arctic"])
    assert "arctic" not in nlp.taxonomy.ids
    assert relnlp.Taxonomy.load(tmp_path / "my_taxonomy.toml").ids[-1] == "energy"


def test_cli_taxonomy_show_and_validate(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["taxonomy", "show"])
    assert res.exit_code == 0 and "geoeconomics" in res.output
    good = _write(tmp_path, GOOD)
    res = runner.invoke(app, ["taxonomy", "validate", str(good)])
    assert res.exit_code == 0 and "2 themes" in res.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[themes]]\nid = "a"\nparent = "a"\ncues = ["x"]\n', "utf-8")
    res = runner.invoke(app, ["taxonomy", "validate", str(bad)])
    assert res.exit_code == 2 and "E301" in res.output and "'parent'" in res.output


def test_cli_taxonomy_suggest_ranks_terms_from_a_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    energy = [
        "Gazprom signed a pipeline contract to deliver natural gas through Power of Siberia.",
        "The pipeline will carry natural gas; Gazprom expects LNG exports to grow as well.",
        "Rosneft and Gazprom discussed the pipeline tariff and liquefied gas terminals.",
    ]
    other = [
        "The foreign ministers met in Geneva to discuss the ceasefire.",
        "Parliament debated the education budget for schools.",
    ]
    (corpus / "a.txt").write_text("\n\n".join(energy + other), "utf-8")
    tax = Taxonomy.default().add_theme(
        "energy", description="Energy trade: oil, gas, pipelines.", cues=["pipeline", "natural gas"]
    )
    path = tax.save(tmp_path / "t.toml")
    res = CliRunner().invoke(
        app, ["taxonomy", "suggest", str(corpus), "--theme", "energy", "--taxonomy", str(path)]
    )
    assert res.exit_code == 0, res.output
    assert "gazprom" in res.output.lower()
    assert "education" not in res.output
    res = CliRunner().invoke(app, ["taxonomy", "suggest", str(corpus), "--theme", "nope"])
    assert res.exit_code == 2


def test_report_meta_records_taxonomy_version(nlp: object) -> None:
    r = relnlp.load().analyze("Sanctions hit trade.")
    assert r.meta["taxonomy_version"] == "1.4.1"
    assert r.documents["taxonomy_version"].iloc[0] == "1.4.1"


EXCLUDING = """
[taxonomy]
name = "mine"
version = "3"

[[themes]]
id = "trade"
cues = ["trade", "exports"]
exclude = ["arms exports"]
exclude_patterns = ["\\\\bsold (?:\\\\w+ )?tanks\\\\b"]
"""


def test_exclusions_load_save_validate_and_extend(tmp_path: Path) -> None:
    tax = Taxonomy.load(_write(tmp_path, EXCLUDING))
    assert tax["trade"].exclude == ("arms exports",)
    assert [p.pattern for p in tax.exclude_patterns("trade")] == ["\\bsold (?:\\w+ )?tanks\\b"]
    back = Taxonomy.load(tax.save(tmp_path / "out.toml"))
    assert back["trade"].exclude_patterns == tax["trade"].exclude_patterns
    assert back.fingerprint == tax.fingerprint
    assert "1 exclusions" not in tax.summary() and "2 exclusions" in tax.summary()
    # From a script: validated like a file's fields.
    tax.add_theme(
        "energy", cues=["pipeline"], exclude=["pipeline bomb"], exclude_patterns=["\\bsabotage\\w*"]
    )
    assert tax["energy"].exclude == ("pipeline bomb",) and tax.version == "3+user"
    with pytest.raises(TaxonomyError, match=r"field 'exclude_patterns'.*invalid regular"):
        tax.add_theme("arctic", cues=["Arctic"], exclude_patterns=["(unclosed"])
    with pytest.raises(TaxonomyError, match=r"field 'exclude'.*no word"):
        tax.add_theme("arctic", cues=["Arctic"], exclude=["--"])
    # An exclusion is not a cue: a theme still needs one.
    with pytest.raises(TaxonomyError, match="empty"):
        tax.add_theme("arctic", exclude=["ice"])
    bad = EXCLUDING.replace('exclude = ["arms exports"]', 'exclude = "arms exports"')
    with pytest.raises(TaxonomyError, match=r"field 'exclude'.*list of strings"):
        Taxonomy.load(_write(tmp_path, bad))


def test_default_taxonomy_keeps_arms_sales_out_of_geoeconomics() -> None:
    """corpora/GUIDELINES.md section 5: arms sales are security cooperation."""
    from relnlp.themes import ThemeClassifier

    tax = Taxonomy.default()
    assert tax["geoeconomics"].exclude and tax["geoeconomics"].exclude_patterns
    clf = ThemeClassifier(tax)
    # Sentences written for this test.
    arms = [
        "Algeria bought a dozen Su-34 bombers for an undisclosed sum, its biggest arms purchase in years.",
        "Rosoboronexport expects Vietnam to order more frigates despite the sanctions risk.",
        "Russia sold Egypt 46 MiG-29M fighter aircraft worth about $2 billion.",
        "The sale of Kilo-class submarines to Hanoi was financed by a Russian state loan.",
    ]
    for text in arms:
        r = clf.classify(text)
        assert "geoeconomics" not in r.themes, (text, r.scores)
        assert any(e.startswith('geoeconomics: not "') for e in r.evidence), r.evidence
    # Trade beside an arms deal, in another clause, is still trade.
    mixed = (
        "Bilateral trade reached $12 billion last year, while Moscow also delivered "
        "S-400 batteries to Ankara."
    )
    assert "geoeconomics" in clf.classify(mixed).themes
    # The same evidence without the exclusion is geoeconomics.
    assert (
        "geoeconomics"
        in clf.classify(
            "Egypt bought Russian wheat worth about $2 billion, paid with a state bank loan."
        ).themes
    )


def test_non_interference_pledges_are_color_revolution_evidence() -> None:
    """corpora/GUIDELINES.md section 5 counts "anti-interference" cooperation in the theme
    (taxonomy 1.2.1; 1.2.0 excluded "non-interference")."""
    from relnlp.themes import ThemeClassifier

    tax = Taxonomy.default()
    assert not tax["color_revolution"].exclude
    clf = ThemeClassifier(tax)
    # Sentences written for this test.
    for text in (
        "Both governments pledged non-interference in each other's internal affairs and "
        "vowed to resist outside meddling in their domestic politics.",
        "The communique restated the principle of mutual noninterference in internal affairs.",
    ):
        r = clf.classify(text)
        assert any(e.startswith("color_revolution:") for e in r.evidence), r.evidence
        assert not any(e.startswith('color_revolution: not "') for e in r.evidence), r.evidence


def test_extend_theme_adds_exclusions_to_a_default_theme_from_a_script(tmp_path: Path) -> None:
    from relnlp.themes import ThemeClassifier

    tax = Taxonomy.default()
    text = "Ankara ordered Bayraktar drones worth $300 million from the manufacturer."
    assert "geoeconomics" in ThemeClassifier(tax).classify(text).themes
    tax.extend_theme("geoeconomics", exclude_patterns=["\\bBayraktar\\b"])
    assert "geoeconomics" not in ThemeClassifier(tax).classify(text).themes
    assert tax.version == "1.4.1+user" and tax.ids[-1] == "geoeconomics"
    assert (
        Taxonomy.load(tax.save(tmp_path / "t.toml"))["geoeconomics"].exclude_patterns[-1]
        == "\\bBayraktar\\b"
    )
    with pytest.raises(TaxonomyError, match="unknown theme"):
        tax.extend_theme("energy", cues=["oil"])
    before = tax.fingerprint
    with pytest.raises(TaxonomyError, match="invalid regular"):
        tax.extend_theme("geoeconomics", patterns=["[oops"])
    assert tax.fingerprint == before


def test_an_exclusion_that_swallows_a_cue_is_warned_about() -> None:
    from relnlp.errors import RelnlpWarning

    tax = Taxonomy.default()
    with pytest.warns(RelnlpWarning, match=r"^\[W232\].*'weapons'.*'weapons exports'"):
        tax.add_theme("arms", cues=["weapons exports", "arms"], exclude=["weapons"])
    assert "arms" in tax.ids  # a warning, not an error
