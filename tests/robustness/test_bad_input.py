"""Bad input through the API and the CLI (issue 10): the exact error type and code.

Each case is checked the way users reach it: ``relnlp.read`` / ``nlp.analyze`` and
``relnlp analyze FILE --out DIR`` (exit code 1 and one ``error: PATH: Type: [CODE] ...``
line per bad file, the others still processed). Configuration files are checked through
their loaders and the CLI command that reads them (``relnlp taxonomy validate``,
``relnlp themes train``, ``relnlp batch --doc-date``; exit code 2). Gazetteers have no
CLI option, so only the API is exercised for them.

Decisions recorded here:

* An empty or white-space-only *string* is analysed into an empty report (a column of
  texts must not break on one blank cell); an empty *file* is refused (E013).
* NUL bytes in a file mean it is binary (E008); in a string they are analysed as is.
* UTF-16 (with BOM), cp1252 and Latin-1 files are decoded; offsets refer to the decoded
  text. Line endings are kept verbatim; a lone ``\\r`` separates lines like ``\\n``.
* A 20 MB text is refused at once by the default ``max_chars`` (5,000,000; E009): the
  whole report is one spaCy Doc, so its analysis would need about half an hour and
  16 GB. The reader itself handles it in linear time and memory (checked on 2 MB here).
* A 2 MB paragraph is analysed with the statistical components excluded (chunking,
  offsets and the rule-based components in about 8 s); the full pipeline runs at about
  90 s per million characters, so its sibling test (300,000 characters) is marked slow.
* Unpaired surrogates in a string are refused (E015: spaCy cannot hash them); an HTML
  page without visible text is refused (E016), like an empty file.
"""

from __future__ import annotations

import codecs
import re
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import relnlp
from relnlp import ConfigError, InputError, TaxonomyError, schemas
from relnlp.cli import app
from relnlp.gazetteer import load_gazetteer
from relnlp.themes import Taxonomy, read_labels
from tests.conftest import DATA, SEEDS, assert_offsets
from tests.robustness._make import (
    BODY,
    analyze_cli,
    assert_all_offsets,
    assert_cli_refuses,
    cli_errors,
    doc_offsets_in_bounds,
    encrypted,
    pdf_bytes,
    runner,
)

# Light pipeline (no statistical components): chunking and offsets on megabytes in seconds.
LIGHT = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


# Empty, white space, binary, NUL ---------------------------------------------------------
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf"])
@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n \r "])
def test_bad_input_empty_file_refused(tmp_path: Path, suffix: str, content: bytes) -> None:
    p = tmp_path / f"empty{suffix}"
    p.write_bytes(content)
    with pytest.raises(InputError, match=r"^\[E013\] .*nothing to analyse") as info:
        relnlp.read(p)
    assert info.value.code == "E013" and info.value.path == str(p)
    assert_cli_refuses(analyze_cli(tmp_path / "out", p), p, "InputError", "E013", "empty")


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u00a0\u2003\n"])
def test_bad_input_empty_string_gives_empty_report(nlp: Any, text: str) -> None:
    r = nlp.analyze(text)
    for name, df in r.tables().items():
        assert list(df.columns)[: len(schemas.TABLES[name])] == list(schemas.TABLES[name])
        if name != "documents":
            assert len(df) == 0, name
    assert_all_offsets(r)


@pytest.mark.parametrize(
    ("name", "data", "detail"),
    [
        ("blob.txt", bytes(range(256)) * 20, "NUL bytes"),
        ("image.md", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 8, "image file"),
        ("office.html", b"PK\x03\x04" + bytes(range(1, 256)) * 8, "ZIP/Office"),
        ("nul.txt", b"Russia and China met in Moscow.\x00\x00 Iran too.", "NUL bytes"),
        ("nul.html", b"<p>Russia and China met.</p>\x00<p>Iran</p>", "NUL bytes"),
    ],
)
def test_bad_input_binary_and_nul_bytes_refused(
    tmp_path: Path, name: str, data: bytes, detail: str
) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=r"^\[E008\] .*looks binary") as info:
        relnlp.read(p)
    assert detail in str(info.value)
    assert_cli_refuses(analyze_cli(tmp_path / "out", p), p, "InputError", "E008", detail)


@pytest.mark.parametrize("bad", [b"bytes text", bytearray(b"x"), None, 3.5])
def test_bad_input_bytes_and_non_text_objects(nlp: Any, bad: Any) -> None:
    with pytest.raises(TypeError, match=r"^\[E001\] Expected text"):
        nlp.analyze(bad)


def test_bad_input_nul_and_control_characters_in_a_string_are_analysed(nlp: Any) -> None:
    text = "Russia and China\x00 met in Moscow.\x00\x00 Iran \x0b and \x0c Iraq \x1b too.\u2028"
    r = nlp.analyze(text)
    assert_all_offsets(r)
    assert {"Russia", "Iran", "Iraq"} <= set(r.tokens["text"])  # "China\x00" is one token


@pytest.mark.issue(10)
def test_bad_input_unpaired_surrogate_refused(nlp: Any) -> None:
    text = "Russia met \ud800China in Moscow."
    with pytest.raises(InputError, match=r"^\[E015\] <text>: .*\(U\+D800\) at offset 11"):
        nlp.analyze(text)
    doc = relnlp.Document.from_text(text)
    with pytest.raises(InputError, match=r"^\[E015\]"):
        nlp.analyze(doc)


# Encodings and line endings ---------------------------------------------------------------
CP1252_TEXT = (
    "Café Diplomacy in Paris\r\n\r\n"
    "The Élysée hosted Sergueï Lavrov on 3 March 2015 — a “façade” of détente, "
    "said Müller. The talks cost €5 million.\r\n"
)
LATIN1_TEXT = (
    "Café Diplomacy in Paris\n\n"
    "The Élysée hosted Sergueï Lavrov on 3 March 2015, a «façade» of détente, "
    "said Müller in Straßburg.\n"
)
ENCODED = {
    "utf16le.txt": (CP1252_TEXT, codecs.BOM_UTF16_LE + CP1252_TEXT.encode("utf-16-le")),
    "utf16be.md": (CP1252_TEXT, codecs.BOM_UTF16_BE + CP1252_TEXT.encode("utf-16-be")),
    "utf16le-nobom.txt": (CP1252_TEXT, CP1252_TEXT.encode("utf-16-le")),
    "utf16be-nobom.txt": (LATIN1_TEXT, LATIN1_TEXT.encode("utf-16-be")),
    "cp1252.txt": (CP1252_TEXT, CP1252_TEXT.encode("cp1252")),
    "latin1.md": (LATIN1_TEXT, LATIN1_TEXT.encode("latin-1")),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_bad_input_encodings_read_with_offsets_into_decoded_text(
    tmp_path: Path, nlp: Any, name: str
) -> None:
    text, data = ENCODED[name]
    p = tmp_path / name
    p.write_bytes(data)
    if name.startswith("utf16") and "nobom" not in name:
        d = relnlp.read(p)
        assert d.metadata["encoding"] == "utf-16"
    elif "nobom" in name:  # UTF-16 without a BOM: a guess, said as one
        with pytest.warns(relnlp.RelnlpWarning, match=r"\[W202\] .*utf-16-[lb]e"):
            d = relnlp.read(p)
    else:  # single-byte code pages are a guess, and say so
        with pytest.warns(relnlp.RelnlpWarning, match=r"\[W202\] .*not UTF-8"):
            d = relnlp.read(p)
    assert d.text == text
    r = nlp.analyze(d)
    assert_all_offsets(r)
    toks = r.tokens.set_index("text")
    for word in ("Élysée", "Lavrov", "Müller"):
        assert toks.loc[word, "start"] == text.index(word), word
    assert r.dates["value"].tolist() == ["2015-03-03"]


def test_bad_input_encodings_cli(tmp_path: Path) -> None:
    paths = []
    for name, (_text, data) in ENCODED.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    out = tmp_path / "out"
    with pytest.warns(relnlp.RelnlpWarning, match=r"\[W202\]"):
        res = analyze_cli(out, *paths)
    assert res.exit_code == 0 and cli_errors(res) == [], res.output
    toks = pd.read_parquet(out / "tokens.parquet")
    for name, (text, _data) in ENCODED.items():
        rows = toks[toks.doc_id.str.rsplit("-", n=1).str[0] == Path(name).stem]
        assert_offsets(text, rows)
        lavrov = rows[rows.text == "Lavrov"]
        assert lavrov["start"].tolist() == [text.index("Lavrov")], name


MIXED = (
    "Title of the Report\r\n\r\n"
    "Russia and China held talks in Moscow. They agreed on a new pipeline.\r\r"
    "Iran and Iraq met in Baghdad on 3 March 2015.\rThe meeting was short.\n\r\n"
    "Chile and Peru signed a fisheries deal.\r"
)
MIXED_PARAS = [
    "Russia and China held talks in Moscow. They agreed on a new pipeline.",
    "Iran and Iraq met in Baghdad on 3 March 2015.\rThe meeting was short.",
    "Chile and Peru signed a fisheries deal.",
]


@pytest.mark.issue(10)
def test_bad_input_mixed_line_endings(tmp_path: Path, nlp: Any) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes(MIXED.encode("utf-8"))
    d = relnlp.read(p)
    assert d.text == MIXED  # verbatim: no newline translation
    assert d.title == "Title of the Report"
    assert [d.text[x.start : x.end] for x in d.passages] == MIXED_PARAS
    for r in (nlp.analyze(d), nlp.analyze(MIXED)):
        assert_all_offsets(r)
        assert r.passages["text"].tolist() == MIXED_PARAS
        spans = dict(zip(r.passages["passage_id"], zip(r.passages["start"], r.passages["end"])))
        for s in r.sentences.itertuples():  # no sentence runs across a paragraph break
            if s.passage_id >= 0:
                a, b = spans[s.passage_id]
                assert a <= s.start and s.end <= b, s
            else:
                assert s.text == "Title of the Report", s
    out = tmp_path / "out"
    res = analyze_cli(out, p, args=("--format", "jsonl"))
    assert res.exit_code == 0, res.output
    pas = pd.read_json(out / "passages.jsonl", lines=True)
    assert pas["text"].tolist() == MIXED_PARAS


# Size limits ------------------------------------------------------------------------------
BIG = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def big_text() -> str:
    seed = (SEEDS / "004_880b6a600cf7a9c3.txt").read_text("utf-8")
    return ((seed + "\n\n") * (BIG // len(seed) + 1))[:BIG]


@pytest.mark.issue(10)
def test_bad_input_20mb_text_refused_at_once_by_default(nlp: Any, big_text: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(InputError, match=r"^\[E009\] <text>: the input is 20,971,520 char") as info:
        nlp.analyze(big_text)
    assert "above the limit of 5,000,000 (max_chars)" in str(info.value)
    assert time.perf_counter() - t0 < 5  # refused before any structure is built


def test_bad_input_20mb_file_cli(tmp_path: Path, big_text: str) -> None:
    p = tmp_path / "huge.txt"
    p.write_text(big_text, "utf-8")
    with pytest.raises(InputError, match=r"^\[E009\] .*above the limit of 1,000,000"):
        relnlp.read(p, max_bytes=1_000_000)  # the reader's own byte limit, before reading
    res = analyze_cli(tmp_path / "out", p)
    assert_cli_refuses(res, p, "InputError", "E009", "20,971,520 characters")


def test_bad_input_max_chars_boundary() -> None:
    tiny = relnlp.load(max_chars=1000)
    assert len(tiny.analyze("word " * 200).tokens) == 200
    with pytest.raises(InputError, match=r"^\[E009\] .*1,001 characters, above the limit"):
        tiny.analyze("word " * 200 + "x")


def test_bad_input_reader_memory_is_linear(tmp_path: Path, big_text: str) -> None:
    text = big_text[:2_000_000]
    p = tmp_path / "two_mb.md"
    p.write_text(text, "utf-8")
    tracemalloc.start()
    try:
        d = relnlp.read(p)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert d.text == text and len(d.passages) > 1000
    doc_offsets_in_bounds(d)
    assert peak < 64 * len(text), peak  # measured: about 40 bytes per character


@pytest.fixture(scope="module")
def light() -> Any:
    return relnlp.load(exclude=LIGHT)


def test_bad_input_2mb_paragraph_without_blank_line(light: Any) -> None:
    sentence = "Officials from Chile and Peru met again on May 3, 2015 to discuss fishing. "
    text = (sentence * (2_000_000 // len(sentence) + 1))[:2_000_000]
    text = text[: text.rindex(". ") + 1]
    r = light.analyze(text)
    assert r.doc.text == text
    assert len(r.document.passages) == 1 and r.passages["end"].tolist() == [len(text)]
    assert_all_offsets(r)
    # Chunks were cut between sentences: no date and no word is broken at a cut.
    assert len(r.dates) == text.count("May 3, 2015")
    assert set(r.dates["value"]) == {"2015-05-03"}
    assert set(r.tokens["text"]) <= set(sentence.replace(",", " , ").replace(".", " . ").split())


def test_bad_input_text_without_any_white_space() -> None:
    small_chunks = relnlp.load(chunk_chars=2000)
    text = "Kazakhstan" * 600  # no blank line, no sentence end, no space: hard cuts
    r = small_chunks.analyze(text)
    assert_all_offsets(r)
    assert "".join(r.tokens["text"]) == text


def test_bad_input_long_run_without_white_space_is_fast() -> None:
    from relnlp.timex import find_timexes

    t0 = time.perf_counter()
    find_timexes("x" * 40_000)  # milliseconds: the URL pattern is anchored at word starts
    assert time.perf_counter() - t0 < 0.5


@pytest.mark.slow
def test_bad_input_long_paragraph_full_pipeline(nlp: Any) -> None:
    """The full pipeline on a 300,000-character paragraph (about 30 s)."""
    sentence = "Russia and China signed a pipeline deal in Moscow on May 3, 2015. "
    text = sentence * (300_000 // len(sentence))
    r = nlp.analyze(text)
    assert_all_offsets(r)
    assert len(r.dates) == text.count("May 3, 2015")


# HTML ----------------------------------------------------------------------------------
HTML_CASES = {
    "deep.html": (
        "<div>" * 100_000 + "<p>Serbia and Kosovo resumed talks in Brussels.</p>",
        ["Serbia and Kosovo resumed talks in Brussels."],
        [],
    ),
    "inline.html": (
        "<span><b><i>" * 20_000 + "Serbia and Kosovo met.",
        ["Serbia and Kosovo met."],
        [],
    ),
    "unclosed.html": (
        "<html><body><p>First <b>bold <i>paragraph about Chile.<p>Second "
        "paragraph about Peru.<div><ul><li>Item about Bolivia",
        ["First bold paragraph about Chile.", "Second paragraph about Peru.", "Item about Bolivia"],
        [],
    ),
    "comment.html": (
        "<p>Visible text about Chile.</p><!-- hidden Kremlin <p>never shown",
        ["Visible text about Chile."],
        ["Kremlin", "never", "<!--"],
    ),
    "script.html": (
        "<p>Visible text about Chile.</p><script>var hidden = 'Kremlin';",
        ["Visible text about Chile."],
        ["Kremlin", "var"],
    ),
    "strays.html": (
        "</div></p></b><p>Visible text about Chile.</p></html></html>",
        ["Visible text about Chile."],
        [],
    ),
}


@pytest.mark.issue(10)
@pytest.mark.parametrize("name", sorted(HTML_CASES))
def test_bad_input_html_nested_and_unclosed(tmp_path: Path, nlp: Any, name: str) -> None:
    html, visible, hidden = HTML_CASES[name]
    p = tmp_path / name
    p.write_text(html, "utf-8")
    d = relnlp.read(p)
    for s in visible:
        assert s in d.text, (s, d.text)
    for s in hidden:
        assert s not in d.text, (s, d.text)
    doc_offsets_in_bounds(d)
    assert_all_offsets(nlp.analyze(d))


def test_bad_input_html_nested_and_unclosed_cli(tmp_path: Path) -> None:
    paths = []
    for name, (html, _v, _h) in HTML_CASES.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(html, "utf-8")
    out = tmp_path / "out"
    res = analyze_cli(out, *paths)
    assert res.exit_code == 0 and cli_errors(res) == [], res.output
    docs = pd.read_parquet(out / "documents.parquet")
    assert sorted(i.rsplit("-", 1)[0] for i in docs["doc_id"]) == sorted(
        Path(n).stem for n in HTML_CASES
    )


SCRIPTED = """<!DOCTYPE html><html><head><title>Fisheries</title>
<script>var leader = "Putin"; function visit() { return "Kremlin"; }</script>
<style>.Beijing { color: red } body::after { content: "Xinjiang" }</style>
<script type="application/ld+json">{"author": "Vladimir Putin"}</script>
</head><body>
<noscript>Enable JavaScript to see Kremlin news.</noscript>
<p onclick="alert('Kremlin')">Chile and Peru met in Lima on 3 March 2015.</p>
<script>document.write("<p>Putin arrives in Beijing</p>")</script>
<template><p>Kremlin template</p></template>
<svg><text>Xinjiang</text></svg>
<p>Bolivia <style>p{}</style>joined the talks.</p>
</body></html>"""


def test_bad_input_html_script_and_style_not_analysed(tmp_path: Path, nlp: Any) -> None:
    p = tmp_path / "scripted.html"
    p.write_text(SCRIPTED, "utf-8")
    d = relnlp.read(p)
    assert "Chile and Peru met in Lima on 3 March 2015." in d.text
    assert "Bolivia joined the talks." in d.text
    for hidden in ("Putin", "Kremlin", "Beijing", "Xinjiang", "color", "function", "JavaScript"):
        assert hidden not in d.text, hidden
    r = nlp.analyze(d)
    assert_all_offsets(r)
    assert not {"Putin", "Kremlin", "Beijing", "Xinjiang"} & set(r.tokens["text"])
    assert {"Chile", "Peru", "Lima", "Bolivia"} <= set(r.entities["text"])
    out = tmp_path / "out"
    res = analyze_cli(out, p)
    assert res.exit_code == 0, res.output
    assert "Kremlin" not in set(pd.read_parquet(out / "tokens.parquet")["text"])


@pytest.mark.issue(10)
def test_bad_input_html_without_visible_text_refused(tmp_path: Path) -> None:
    p = tmp_path / "blank.html"
    p.write_text(
        "<html><head><title>T</title><script>var a = 1;</script></head>"
        "<body><style>p {}</style><!-- nothing --></body></html>",
        "utf-8",
    )
    with pytest.raises(InputError, match=r"^\[E016\] .*no visible text"):
        relnlp.read(p)
    assert_cli_refuses(analyze_cli(tmp_path / "out", p), p, "InputError", "E016", "no visible")


# PDF ------------------------------------------------------------------------------------
def _bad_pdfs(tmp_path: Path) -> dict[str, tuple[Path, str, str]]:
    good = pdf_bytes([BODY, BODY])
    cases = {
        "locked.pdf": (encrypted(good, "secret"), "E005", "password-protected"),
        "truncated.pdf": (good[: len(good) // 2], "E006", "damaged or truncated"),
        "stub.pdf": (good[:10], "E006", "damaged or truncated"),
        "scan.pdf": (pdf_bytes([[], []], image=True), "E007", "Run OCR"),
        "empty.pdf": (b"", "E013", "nothing to analyse"),
    }
    out = {}
    for name, (data, code, key) in cases.items():
        (tmp_path / name).write_bytes(data)
        out[name] = (tmp_path / name, code, key)
    return out


@pytest.mark.parametrize(
    "name", ["locked.pdf", "truncated.pdf", "stub.pdf", "scan.pdf", "empty.pdf"]
)
def test_bad_input_pdf_refused(tmp_path: Path, name: str) -> None:
    p, code, key = _bad_pdfs(tmp_path)[name]
    with pytest.raises(InputError, match=rf"^\[{code}\] ") as info:
        relnlp.read(p)
    assert key in str(info.value) and info.value.code == code


def test_bad_input_pdf_cli_reports_each_and_keeps_the_good(tmp_path: Path) -> None:
    bad = _bad_pdfs(tmp_path)
    good = tmp_path / "good.pdf"
    good.write_bytes(pdf_bytes([BODY]))
    out = tmp_path / "out"
    res = analyze_cli(out, *(p for p, _c, _k in bad.values()), good)
    assert res.exit_code == 1
    errors = cli_errors(res)
    assert len(errors) == len(bad), res.output
    for p, code, key in bad.values():
        line = next(e for e in errors if e.startswith(f"error: {p}: "))
        assert line.startswith(f"error: {p}: InputError: [{code}] ") and key in line, line
    ids = pd.read_parquet(out / "documents.parquet")["doc_id"].tolist()
    assert [i.rsplit("-", 1)[0] for i in ids] == ["good"]


@pytest.mark.issue(10)
def test_bad_input_pdf_with_owner_password_only_is_read(tmp_path: Path, nlp: Any) -> None:
    p = tmp_path / "restricted.pdf"
    p.write_bytes(encrypted(pdf_bytes([BODY]), "", owner="owner-secret"))
    d = relnlp.read(p)
    assert "TANAP pipeline" in d.text
    assert_all_offsets(nlp.analyze(d))


# Taxonomy, gazetteer, labels, doc_date -----------------------------------------------------
TAXONOMIES = {
    "syntax": ("[[themes]\nid = 'energy'\n", "E302", None, "Expected ']]'"),
    "wrong_type_cues": (
        "[[themes]]\nid = 'energy'\ncues = 'pipeline'\n",
        "E301",
        "cues",
        "must be a list of strings, got str",
    ),
    "wrong_type_id": ("[[themes]]\nid = 5\ncues = ['pipeline']\n", "E301", "id", "got 5"),
    "wrong_type_themes": ("themes = 'energy'\n", "E301", None, "field 'themes': need a"),
    "duplicate": (
        "[[themes]]\nid = 'energy'\ncues = ['gas']\n[[themes]]\nid = 'energy'\ncues = ['oil']\n",
        "E301",
        "id",
        "duplicate id",
    ),
    "cycle": (
        "[[themes]]\nid = 'a'\nparent = 'b'\ncues = ['x']\n"
        "[[themes]]\nid = 'b'\nparent = 'c'\ncues = ['y']\n"
        "[[themes]]\nid = 'c'\nparent = 'a'\ncues = ['z']\n",
        "E301",
        "parent",
        "cycle a -> b -> c -> a",
    ),
    "self_parent": (
        "[[themes]]\nid = 'a'\nparent = 'a'\ncues = ['x']\n",
        "E301",
        "parent",
        "cycle a -> a",
    ),
    "not_utf8": ("\udcff", "E302", None, "not UTF-8"),
}


@pytest.mark.parametrize("case", sorted(TAXONOMIES))
def test_bad_input_taxonomy_files(tmp_path: Path, case: str) -> None:
    content, code, field, key = TAXONOMIES[case]
    p = tmp_path / f"{case}.toml"
    p.write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.raises(TaxonomyError, match=rf"^\[{code}\] {re.escape(str(p))}") as info:
        Taxonomy.load(p)
    assert key in str(info.value)
    if field is not None:
        assert info.value.field == field
    res = runner.invoke(app, ["taxonomy", "validate", str(p)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert res.output.startswith(f"error: [{code}] {p}") and key in res.output


def test_bad_input_taxonomy_refused_before_the_pipeline_loads(tmp_path: Path) -> None:
    p = tmp_path / "cycle.toml"
    p.write_text(TAXONOMIES["cycle"][0], "utf-8")
    t0 = time.perf_counter()
    with pytest.raises(TaxonomyError, match=r"^\[E301\] .*cycle"):
        relnlp.load(taxonomy=p)
    assert time.perf_counter() - t0 < 2


GAZETTEERS = {
    "bad_json.jsonl": ("E107", "line 2: not valid JSON", None),
    "bad_label.jsonl": ("E107", "line 3: field 'label'", "label"),
    "no_header.jsonl": ("E108", "no header line", None),
    "wrong_type_aliases.jsonl": ("E107", "line 2: field 'aliases'", "aliases"),
    "wrong_type_canonical.jsonl": ("E107", "line 2: field 'canonical'", "canonical"),
    "not_an_object.jsonl": ("E107", "line 2: expected a JSON object", None),
}
_GAZ_CONTENT = {
    "wrong_type_aliases.jsonl": '{"_meta": {}}\n{"canonical": "Chad", "label": "GPE", "aliases": "Tchad"}\n',
    "wrong_type_canonical.jsonl": '{"_meta": {}}\n{"canonical": 5, "label": "GPE"}\n',
    "not_an_object.jsonl": '{"_meta": {}}\n["Chad", "GPE"]\n',
}


@pytest.mark.issue(10)
@pytest.mark.parametrize("name", sorted(GAZETTEERS))
def test_bad_input_gazetteer_files(tmp_path: Path, name: str) -> None:
    code, key, field = GAZETTEERS[name]
    if name in _GAZ_CONTENT:
        p = tmp_path / name
        p.write_text(_GAZ_CONTENT[name], "utf-8")
    else:
        p = DATA / "gazetteer" / name
    with pytest.raises(ConfigError, match=rf"^\[{code}\] {re.escape(str(p))}") as info:
        load_gazetteer([p], packaged=False)
    assert key in str(info.value) and getattr(info.value, "field", None) == field
    t0 = time.perf_counter()
    with pytest.raises(ConfigError, match=rf"^\[{code}\] {re.escape(str(p))}"):
        relnlp.load(gazetteer=[p])  # validated before the spaCy pipeline is loaded
    assert time.perf_counter() - t0 < 2


def test_bad_input_gazetteer_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "latin1.jsonl"
    p.write_bytes('{"_meta": {}}\n{"canonical": "Bogotá", "label": "GPE"}\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match=r"^\[E107\]"):
        load_gazetteer([p], packaged=False)


LABELS = '{"text": "Gas talks.", "themes": ["geoeconomics"]}\n{"text": "Rockets.", "themes": ["space_race", "geoeconomics"]}\n'


def test_bad_input_labels_with_unknown_themes(tmp_path: Path) -> None:
    p = tmp_path / "labels.jsonl"
    p.write_text(LABELS, "utf-8")
    pattern = rf"^\[E303\] {re.escape(str(p))}, line 2: .*\['space_race'\]"
    with pytest.raises(TaxonomyError, match=pattern) as info:
        read_labels(p, Taxonomy.default())
    assert "known themes: counterterrorism, color_revolution, geoeconomics" in str(info.value)
    assert info.value.line == 2
    model_dir = tmp_path / "model"
    res = runner.invoke(app, ["themes", "train", str(p), "--out", str(model_dir)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert res.output.startswith(f"error: [E303] {p}, line 2")
    assert not model_dir.exists()  # nothing was trained


def test_bad_input_labels_with_non_string_theme(tmp_path: Path) -> None:
    p = tmp_path / "labels.jsonl"
    p.write_text('{"text": "Gas talks.", "themes": [["geoeconomics"]]}\n', "utf-8")
    with pytest.raises(TaxonomyError, match=r"^\[E30[34]\]"):
        read_labels(p, Taxonomy.default())


@pytest.mark.parametrize("bad", ["yesterday", "2015-13", "2015-02-30", "15/03/2015", "", 2015, 3.5])
def test_bad_input_doc_date_not_a_date(nlp: Any, bad: Any) -> None:
    with pytest.raises(InputError, match=r"^\[E011\] doc_date .* is not a date"):
        nlp.analyze("Chile and Peru met.", doc_date=bad)
    with pytest.raises(InputError, match=r"^\[E011\]"):
        list(nlp.pipe([("Chile and Peru met.", "d1", bad)], as_tuples=True))


def test_bad_input_doc_date_cli(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("Chile and Peru met on 3 March 2015.", "utf-8")
    res = runner.invoke(
        app,
        [
            "batch",
            str(p),
            "--out",
            str(tmp_path / "out"),
            "--doc-date",
            "yesterday",
            "--no-progress",
        ],
    )
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert res.output.startswith("error: [E011] doc_date 'yesterday' is not a date")


# Regressions: library bugs found while writing these tests --------------------------------
@pytest.mark.issue(10)
def test_issue10_lone_carriage_returns_separate_paragraphs() -> None:
    d = relnlp.Document.from_text("A first paragraph that ends here.\r\rA second one follows.\r")
    assert [d.text[p.start : p.end] for p in d.passages] == [
        "A first paragraph that ends here.",
        "A second one follows.",
    ]
    assert relnlp.io.clean_view("a\rb\r\nc").text == "a\nb\r\nc"  # same length, same offsets


@pytest.mark.issue(10)
@pytest.mark.parametrize("text", ["&A0; and &ampx; met", "a &nvlt; b", "AT&T; &Foo123;"])
def test_issue10_unknown_character_reference_is_prose(nlp: Any, text: str) -> None:
    assert relnlp.io.clean_view(text).text == text
    toks = nlp.analyze(text).tokens
    spans = list(zip(toks["start"], toks["end"]))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), spans  # no overlapping tokens


@pytest.mark.issue(10)
def test_issue10_structure_time_is_linear(big_text: str) -> None:
    """Sections, footnote markers and notes were matched pairwise (quadratic)."""

    def seconds(n: int) -> float:
        t0 = time.perf_counter()
        relnlp.Document.from_text(big_text[:n])
        return time.perf_counter() - t0

    seconds(200_000)  # warm up
    ratio = seconds(4_000_000) / seconds(1_000_000)
    assert ratio < 8, ratio  # linear: about 4; it was above 10


@pytest.mark.parametrize("ch", ["(", '"', "<", "&", "-"])
def test_bad_input_long_symbol_run_is_linear(nlp: Any, ch: str) -> None:
    """spaCy's affix loop peels a run of symbols one at a time (quadratic); relnlp's
    tokenizer takes a run of one repeated symbol as one token."""
    text = f"Before {ch * 50_000} after."
    t0 = time.perf_counter()
    doc = nlp.nlp.make_doc(text)
    assert time.perf_counter() - t0 < 1.0
    assert [t.text for t in doc][:3] == ["Before", ch * 50_000, "after"]
