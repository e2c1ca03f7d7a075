"""PDF layout: running heads, page numbers, two columns, footnotes, hyphenation, metadata.

The PDFs are drawn here with reportlab, line by line, as a report's pages are laid out.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import relnlp

pytest.importorskip("reportlab")

LEFT = [
    "The foreign ministers of Kazakhstan and",
    "Uzbekistan met in Tashkent to settle the",
    "division of water from the Syr Darya. The",
    "talks followed a dry summer in which",
    "both governments accused each other of",
    "taking more than the agreed share.",
]
RIGHT = [
    "Kyrgyzstan, which controls the dams up-",
    "stream, was invited as an observer and",
    "offered to release more water in spring",
    "in exchange for coal and electricity",
    "deliveries during the winter months.",
]
PAGE2 = [
    "The three governments agreed to meet again in Bishkek in the autumn, when the",
    "reservoir levels are known and the next season's quotas can be set.",
]


def _report_pdf(*, two_columns: bool = True) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle("Microsoft Word - draft7.docx")
    c.setAuthor("Malika Yusupova")
    w, h = A4

    def furniture(n: int) -> None:
        c.setFont("Helvetica", 8)
        c.drawString(60, h - 30, "Central Asia Water Brief | October 2019")
        c.drawCentredString(w / 2, 25, str(n))

    # Page 1: big title, then two columns of body, then a footnote.
    furniture(1)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(60, h - 80, "Sharing the Syr Darya")
    c.setFont("Helvetica", 10)
    y0 = h - 130
    if two_columns:
        for i, line in enumerate(LEFT):
            c.drawString(60, y0 - 14 * i, line)
        for i, line in enumerate(RIGHT):
            c.drawString(310, y0 - 14 * i, line)
        # A note marker: a small raised 1 after "share."
        c.setFont("Helvetica", 6)
        c.drawString(60 + c.stringWidth(LEFT[-1], "Helvetica", 10) + 1, y0 - 14 * 5 + 4, "1")
    else:
        for i, line in enumerate(LEFT + RIGHT):
            c.drawString(60, y0 - 14 * i, line)
    c.setFont("Helvetica", 8)
    c.drawString(60, 80, "1 Joint communique of the Tashkent meeting, 12 October 2019.")
    c.showPage()
    # Page 2: the same running head and a page number.
    furniture(2)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(PAGE2):
        c.drawString(60, h - 80 - 14 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def report(tmp_path: Path) -> relnlp.Document:
    p = tmp_path / "water.pdf"
    p.write_bytes(_report_pdf())
    return relnlp.read(p)


def test_pdf_running_heads_and_page_numbers_are_dropped(report: relnlp.Document) -> None:
    assert "Water Brief" not in report.text
    assert not any(line.strip() in {"1", "2"} for line in report.text.splitlines())
    kinds = {d.kind for d in report.dropped}
    assert kinds == {"running_head", "page_number"}
    assert all(d.start is None and d.chars > 0 for d in report.dropped)


def test_pdf_two_columns_are_read_in_column_order(report: relnlp.Document) -> None:
    text = " ".join(report.text.split())
    left = text.index("taking more than the agreed share")
    right = text.index("Kyrgyzstan, which controls the dams")
    assert left < right
    assert text.index("division of water from the Syr Darya") < left
    assert report.metadata["two_column_pages"] == 1


def test_pdf_hyphenation_at_line_end_is_repaired(report: relnlp.Document) -> None:
    assert "controls the dams upstream, was invited" in " ".join(report.text.split())
    assert "up-\nstream" not in report.text


def test_pdf_footnote_is_linked_to_its_marker(report: relnlp.Document) -> None:
    assert [f.number for f in report.footnotes] == [1]
    note = report.footnotes[0]
    assert report.text[note.start : note.end].startswith("¹ Joint communique")
    ((a, b),) = note.markers
    assert report.text[a:b] == "¹"
    assert report.text[a - 6 : a] == "share."


def test_pdf_page_break_joins_and_notes_do_not_interrupt(report: relnlp.Document) -> None:
    paras = [report.text[p.start : p.end] for p in report.paragraphs]
    assert any("deliveries during the winter months." in t for t in paras)
    assert any(t.startswith("The three governments agreed") for t in paras)


def test_pdf_metadata_from_first_page_and_info(report: relnlp.Document) -> None:
    assert report.title == "Sharing the Syr Darya"  # not the producer's file name
    assert report.author == "Malika Yusupova"
    assert report.metadata["pages"] == 2


def test_pdf_single_column_stays_in_order(tmp_path: Path) -> None:
    p = tmp_path / "one.pdf"
    p.write_bytes(_report_pdf(two_columns=False))
    d = relnlp.read(p)
    assert d.metadata["two_column_pages"] == 0
    text = " ".join(d.text.split())
    assert text.index("agreed share") < text.index("Kyrgyzstan, which")


def test_pdf_offsets_hold_through_analysis(report: relnlp.Document, nlp: object) -> None:
    r = nlp.analyze(report)  # type: ignore[attr-defined]
    for table in (r.entities, r.dates, r.passages, r.tokens):
        for s, e, t in zip(table.start, table.end, table.text):
            assert r.text[s:e] == t
    assert "Tashkent" in set(r.entities.text)


# Flowing text set by reportlab's layout engine: two frames per page (columns),
# justified paragraphs that run from column to column and page to page, a running head
# and a page number drawn by the page template.
FLOW = [
    f"Paragraph {k}: the delegations of {a} and {b} met in {c} to discuss the transit of "
    f"gas, the tariffs on rail freight and the opening of a new border crossing, and they "
    f"agreed that the working groups would report before the next round of talks in {c}."
    for k, (a, b, c) in enumerate(
        [
            ("Georgia", "Armenia", "Tbilisi"),
            ("Kazakhstan", "China", "Astana"),
            ("Turkey", "Azerbaijan", "Baku"),
            ("Serbia", "Hungary", "Belgrade"),
            ("Poland", "Lithuania", "Vilnius"),
            ("Chile", "Peru", "Lima"),
            ("Kenya", "Ethiopia", "Nairobi"),
            ("Vietnam", "Laos", "Hanoi"),
        ]
        * 3
    )
]


def _flowing_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    buf = io.BytesIO()
    w, h = A4
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=60, bottomMargin=60
    )
    col = (w - 100 - 20) / 2
    frames = [
        Frame(50, 60, col, h - 120, id="left"),
        Frame(50 + col + 20, 60, col, h - 120, id="right"),
    ]

    def furniture(canvas: object, _doc: object) -> None:
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.drawString(50, h - 35, "Eurasian Transit Review, No. 4")  # type: ignore[attr-defined]
        canvas.drawCentredString(w / 2, 30, f"- {canvas.getPageNumber()} -")  # type: ignore[attr-defined]

    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=furniture)])
    style = getSampleStyleSheet()["BodyText"]
    style.alignment = 4  # justified
    doc.build([Paragraph(t, style) for t in FLOW])
    return buf.getvalue()


def test_pdf_flowing_two_columns_keep_every_paragraph_whole(tmp_path: Path) -> None:
    p = tmp_path / "flow.pdf"
    p.write_bytes(_flowing_pdf())
    d = relnlp.read(p)
    assert d.metadata["pages"] >= 2 and d.metadata["two_column_pages"] >= 1
    text = " ".join(d.text.split())
    positions = []
    for para in FLOW:
        assert para in text, para[:40]  # whole, in one piece (lines and columns joined)
        positions.append(text.index(para))
    assert positions == sorted(positions)  # in reading order
    assert "Transit Review" not in d.text and "- 1 -" not in d.text
    # Paragraphs that a column or page break splits are joined back into one passage.
    passages = [" ".join(d.text[x.start : x.end].split()) for x in d.paragraphs]
    assert sum(any(para == t for t in passages) for para in FLOW) >= len(FLOW) - 2


REAL = Path("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf")


@pytest.mark.skipif(not REAL.exists(), reason=f"{REAL} absent (Debian's shared-mime-info)")
def test_pdf_real_document_smoke() -> None:
    # A real typeset PDF (the freedesktop.org specification shipped by Debian): a running
    # head repeating the title on every page after the first, page numbers at the foot.
    d = relnlp.read(REAL)
    assert d.title == "Shared MIME-info Database"
    assert d.author == "Thomas Leonard"
    lines = [ln.strip() for ln in d.text.splitlines()]
    assert lines.count("Shared MIME-info Database") == 1  # the title, not the heads
    kinds = d.dropped_table().set_index("kind")["items"].to_dict()
    assert kinds["page_number"] == d.metadata["pages"] and kinds["running_head"] >= 10
    assert d.metadata["notes"] == 0 and d.metadata["two_column_pages"] == 0
    for p in d.passages:
        assert 0 <= p.start < p.end <= len(d.text)
