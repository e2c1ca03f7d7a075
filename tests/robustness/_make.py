"""Builders for the robustness tests (issue 10): PDFs, the CLI, offset checks."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from relnlp.cli import app
from tests.conftest import assert_offsets

runner = CliRunner()

BODY = [
    "Energy Ties Between Ankara and Baku",
    "",
    "Turkey and Azerbaijan opened the TANAP pipeline in 2018, a project that the",
    "European Union had backed for a decade because it bypasses Russia.",
]


def pdf_bytes(pages: list[list[str]], *, image: bool = False) -> bytes:
    """A PDF with one text line per entry; ``image`` draws a picture on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 16
        if image:
            from PIL import Image
            from reportlab.lib.utils import ImageReader

            c.drawImage(ImageReader(Image.new("RGB", (120, 80), (30, 90, 160))), 60, 400, 240, 160)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted(data: bytes, user: str, owner: str | None = None) -> bytes:
    """``data`` encrypted with RC4 (built into pypdf; AES would need 'cryptography')."""
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        w.add_page(page)
    w.encrypt(user, owner, algorithm="RC4-128")
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def analyze_cli(out: Path, *paths: Path, args: tuple[str, ...] = ()) -> Result:
    """``relnlp analyze PATHS --out OUT`` through typer's runner (stdout and stderr mixed)."""
    return runner.invoke(app, ["analyze", *map(str, paths), "--out", str(out), *args])


def cli_errors(res: Result) -> list[str]:
    """The ``error:`` lines the CLI printed; a traceback fails the test."""
    assert "Traceback" not in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return [ln for ln in res.output.splitlines() if ln.startswith("error:")]


def assert_cli_refuses(res: Result, path: Path, exc_name: str, code: str, key: str) -> None:
    """Exit 1, one line ``error: PATH: ExcType: [CODE] ...`` containing ``key``."""
    errors = cli_errors(res)
    assert res.exit_code == 1, res.output
    assert len(errors) == 1, res.output
    assert errors[0].startswith(f"error: {path}: {exc_name}: [{code}] "), errors[0]
    assert key in errors[0], errors[0]


def doc_offsets_in_bounds(doc: Any) -> None:
    """Every structure element of a Document lies inside its text."""
    n = len(doc.text)
    spans: list[tuple[int, int]] = [(b.start, b.end) for b in doc.blocks]
    spans += [(s.start, s.end) for s in doc.sections]
    spans += [(s.heading_start, s.heading_end) for s in doc.sections]
    spans += [(p.start, p.end) for p in doc.passages]
    spans += [(f.start, f.end) for f in doc.footnotes]
    spans += [m for f in doc.footnotes for m in f.markers]
    spans += [(c.start, c.end) for c in doc.chronology]
    spans += [(c.date_start, c.date_end) for c in doc.chronology]
    if doc.date_span is not None:
        spans.append(doc.date_span)
    for a, b in spans:
        assert 0 <= a <= b <= n, (a, b, n)


def assert_all_offsets(report: Any) -> None:
    """Every row of every table: ``text[start:end] == row.text``."""
    for name, df in report.tables().items():
        assert_offsets(report.text, df, name)
