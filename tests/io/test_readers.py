"""Readers: HTML and PDF built here, encodings, and every bad input's error."""

from __future__ import annotations

from pathlib import Path

import pytest

import relnlp
from relnlp import InputError
from tests.robustness._make import encrypted, pdf_bytes

HTML = """<!DOCTYPE html><html><head><title>Page title</title>
<style>p { color: red }</style><script>var secret = "Kremlin";</script></head>
<body><nav>Home | About</nav>
<h1>Gas Diplomacy in Central Asia</h1>
<p class="byline">Aigerim Nurlanova<br>Institute of Eurasian Studies</p>
<h2>Pipelines</h2>
<p>Turkmenistan and China agreed on a fourth pipeline in 2013.<sup>1</sup> The
<b>Gazprom</b> talks with Uzbekistan stalled.</p>
<p>Kazakhstan hedged between Moscow and Beijing.</p>
<ol><li><sup>1</sup> Xinhua, 12 September 2013.</li></ol>
</body></html>"""


def test_readers_html_structure_and_visible_text(tmp_path: Path) -> None:
    p = tmp_path / "gas.html"
    p.write_text(HTML, encoding="utf-8")
    d = relnlp.read(p)
    assert d.format == "html"
    assert d.title == "Gas Diplomacy in Central Asia"
    assert d.author == "Aigerim Nurlanova"
    assert "secret" not in d.text and "color" not in d.text and "Home | About" not in d.text
    assert "in 2013.¹ The Gazprom talks" in d.text
    assert [s.heading for s in d.sections] == ["Pipelines"]
    assert [f.number for f in d.footnotes] == [1]
    assert len(d.footnotes[0].markers) == 1
    assert [p.kind for p in d.passages] == ["paragraph", "paragraph", "footnote"]


def test_readers_html_broken_markup_still_reads(tmp_path: Path) -> None:
    p = tmp_path / "broken.html"
    deep = "<div>" * 3000 + "Deep text about Serbia." + "<p>unclosed <b>bold"
    p.write_text(deep, encoding="utf-8")
    d = relnlp.read(p)
    assert "Deep text about Serbia." in d.text


def _pdf(path: Path, pages: list[list[str]], *, encrypt: bool = False) -> None:
    data = pdf_bytes(pages)
    path.write_bytes(encrypted(data, "secret") if encrypt else data)


PAGE1 = [
    "Energy Ties Between Ankara and Baku",
    "",
    "Selin Kaya",
    "Center for Caspian Policy",
    "",
    "Turkey and Azerbaijan opened the TANAP pipeline in 2018, a project that the",
    "European Union had backed for a decade because it bypasses Russia and gives",
    "Brussels a second source of gas for the markets of southeastern",
]
PAGE2 = [
    "Europe and the Balkans. Ankara has since used the line as leverage.",
    "",
    "The next step is a link to Turkmenistan across the Caspian Sea, long",
    "opposed by Moscow and Tehran on legal grounds about the sea's status.",
]


def test_readers_pdf_text_and_page_break_repair(tmp_path: Path) -> None:
    p = tmp_path / "energy.pdf"
    _pdf(p, [PAGE1, PAGE2])
    d = relnlp.read(p)
    assert d.format == "pdf" and d.metadata["pages"] == 2
    assert d.title == "Energy Ties Between Ankara and Baku"
    assert d.author == "Selin Kaya"
    paras = [d.text[x.start : x.end] for x in d.paragraphs]
    joined = [t for t in paras if "southeastern" in t]
    assert len(joined) == 1 and "Europe and the Balkans" in joined[0]
    assert any(t.startswith("The next step") for t in paras)


def test_readers_pdf_encrypted(tmp_path: Path) -> None:
    p = tmp_path / "locked.pdf"
    _pdf(p, [PAGE1], encrypt=True)
    with pytest.raises(InputError, match=r"\[E005\]"):
        relnlp.read(p)


def test_readers_pdf_truncated(tmp_path: Path) -> None:
    p = tmp_path / "whole.pdf"
    _pdf(p, [PAGE1, PAGE2])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(p.read_bytes()[:400])
    with pytest.raises(InputError, match=r"\[E00[67]\]"):
        relnlp.read(cut)


def test_readers_pdf_image_only(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    _pdf(p, [[], []])
    with pytest.raises(InputError, match=r"\[E007\]"):
        relnlp.read(p)


def test_readers_pdf_not_a_pdf(tmp_path: Path) -> None:
    p = tmp_path / "fake.pdf"
    p.write_text("just text pretending", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E006\]"):
        relnlp.read(p)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16", b""), ("cp1252", b""), ("latin-1", b""), ("utf-8", b"\xef\xbb\xbf")],
)
def test_readers_text_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Café diplomacy: the Élysée hosted Sergueï Lavrov in Paris. It was a façade.\r\n"
    text = text * 30
    p = tmp_path / "enc.txt"
    p.write_bytes(bom + text.encode(encoding))
    if encoding in ("cp1252", "latin-1"):
        with pytest.warns(relnlp.RelnlpWarning, match=r"\[W202\]"):
            d = relnlp.read(p)
    else:
        d = relnlp.read(p)
    assert d.text == text
    assert "\r\n" in d.text  # line endings are kept verbatim


def test_readers_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"\[E002\]"):
        relnlp.read(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><p>A page pasted as a string.</p></body></html>",
        "Ministers met on Monday.\n\nThey agreed to meet again.",
        "word " * 2000,
    ],
)
def test_readers_text_given_as_path_is_a_coded_error(text: str) -> None:
    # The text of a report passed where a path belongs: a coded error that says what to do,
    # not an OSError ("File name too long") that prints the whole string.
    with pytest.raises(InputError, match=r"\[E040\]") as info:
        relnlp.read(text)
    assert len(str(info.value)) < 400


def test_readers_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.md"
    p.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E013\]"):
        relnlp.read(p)


def test_readers_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError, match=r"\[E008\]"):
        relnlp.read(p)


def test_readers_unsupported_suffix_and_directory(tmp_path: Path) -> None:
    p = tmp_path / "report.docx"
    p.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"\[E004\]"):
        relnlp.read(p)
    with pytest.raises(InputError, match=r"\[E012\]"):
        relnlp.read(tmp_path, format="txt")


def test_readers_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E009\]") as info:
        relnlp.read(p, max_bytes=100)
    assert info.value.code == "E009"


def test_readers_wrong_argument_type() -> None:
    with pytest.raises(TypeError, match=r"\[E001\]"):
        relnlp.read(None)  # type: ignore[arg-type]
