"""A markup-free view of a text that remembers where every character came from.

Reports arrive as plain text with Markdown and inline HTML in it (``**bold**``,
``### heading``, ``70<sup>th</sup>``, ``\\$8 trillion``, ``<http://...>``). The analyser must
not read the markup as words, yet every offset it reports must point into the text it was
given. :func:`clean_view` therefore returns the text without markup together with, for each
kept character, the start and end of the raw span it stands for. A span ``[a, b)`` of the
clean text maps back to ``[starts[a], ends[b - 1])`` of the raw text.

A lone carriage return (the line ending of old Mac files, also found mixed with ``\\r\\n`` in
reports pasted together) is seen as ``\\n`` in the clean text, so that line-based markup and
blank-line paragraph breaks are recognised whatever the line endings; the replacement has
the same length, so offsets are unchanged and the raw text keeps its ``\\r``.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from relnlp.lang.chars import TO_SUPERSCRIPT

__all__ = ["CleanView", "clean_view", "normalise_newlines"]

_SUPERSCRIPT = TO_SUPERSCRIPT
_LONE_CR = re.compile(r"\r(?!\n)")

# Alternatives are tried left to right at each position; order matters where two could
# start at the same character (a bullet before emphasis, a link before a bare bracket).
# The leading lookahead lists every character an alternative can start with, so that
# positions of plain prose are rejected in one test instead of fifteen (5x faster on
# long reports; the matches are the same).
_MARKUP = re.compile(
    r"""
    (?=[<\[!\#*_\\&`+\- \t])(?:
    (?P<comment><!--.*?-->)
  | (?P<supnum><sup>\s*\[?(?P<supdigits>\d{1,3})\]?\s*</sup>)
  | (?P<autolink><{1,2}(?P<url>(?:https?|ftp)://[^\s<>]+?)>{1,2})
  | (?P<tag></?[A-Za-z][\w:-]*(?:\s[^<>]*?)?/?>)
  | (?P<fnref>\[\^(?P<fnrefnum>\d{1,3})\]:?)
  | (?P<image>!\[(?P<alt>[^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\))
  | (?P<link>\[(?P<linktext>[^\]\n]+)\]\([^)\s]*(?:\s+"[^"\n]*")?\))
  | (?P<heading>^[ \t]{0,3}\#{1,6}[ \t]+)
  | (?P<rule>^[ \t]*(?:[-*_][ \t]*){3,}$)
  | (?P<bullet>^[ \t]*[*+][ \t]+)
  | (?P<escape>\\(?P<escaped>[\\`*_{}\[\]()\#+\-.!$<>|~"']))
  | (?P<entity>&(?:\#\d{1,7}|\#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
  | (?P<star>\*{1,3}(?=\S)|(?<=\S)\*{1,3})
  | (?P<under>(?<![\w\\])_{1,2}(?=[^\s_])|(?<=[^\s_])_{1,2}(?![\w]))
  | (?P<backtick>`+)
    )
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class CleanView:
    """Text without markup, and the raw span behind each of its characters."""

    text: str
    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    raw_length: int
    newlines_normalised: bool = False

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span ``[start, end)`` to the raw span it came from."""
        if end <= start:
            pos = int(self.starts[start]) if start < len(self.starts) else self.raw_length
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])

    def to_raw_many(
        self, starts: npt.ArrayLike, ends: npt.ArrayLike
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Vectorised :meth:`to_raw` for non-empty spans."""
        s = np.asarray(starts, dtype=np.int64)
        e = np.asarray(ends, dtype=np.int64)
        if s.size == 0:
            return s, e
        return self.starts[s], self.ends[e - 1]

    @property
    def is_identity(self) -> bool:
        """True when the clean text is the raw text."""
        return (
            not self.newlines_normalised
            and len(self.text) == self.raw_length
            and bool(np.array_equal(self.starts, np.arange(self.raw_length)))
        )


def normalise_newlines(raw: str) -> str:
    """``raw`` with each lone ``\\r`` replaced by ``\\n`` (same length, same offsets)."""
    return _LONE_CR.sub("\n", raw) if "\r" in raw else raw


def _is_char_reference(ref: str) -> bool:
    """Whether ``&...;`` is a character reference that stands for one character.

    Unknown names are prose, and references to two code points (``&nvlt;``) are kept as
    written: each replacement character maps to the whole reference, so the tokenizer
    splitting them would give overlapping tokens.
    """
    if ref.startswith("&#"):
        return True  # numeric: always one character (U+FFFD when invalid)
    return len(html.entities.html5.get(ref[1:], "")) == 1


def _replacement(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "supnum":
        return m.group("supdigits").translate(_SUPERSCRIPT)
    if kind == "fnref":
        return m.group("fnrefnum").translate(_SUPERSCRIPT)
    if kind == "autolink":
        return m.group("url")
    if kind == "image":
        return m.group("alt")
    if kind == "link":
        return m.group("linktext")
    if kind == "escape":
        return m.group("escaped")
    if kind == "entity":
        return html.unescape(m.group(0))
    return ""


def clean_view(raw: str, hide: Sequence[tuple[int, int]] = ()) -> CleanView:
    """Remove Markdown and inline HTML markup from ``raw``, keeping an offset map.

    Parameters
    ----------
    raw : str
        The text as given.
    hide : sequence of (start, end), optional
        Raw spans left out of the view altogether (front matter, figure captions, an
        author bio: what a reader found is not the report's prose). Their line breaks
        are kept, so that blocks on either side stay apart.

    Returns
    -------
    CleanView
        ``text`` without markup; ``starts``/``ends`` give the raw span of each character.

    Examples
    --------
    >>> v = clean_view("the **70<sup>th</sup>** anniversary")
    >>> v.text
    'the 70th anniversary'
    >>> v.to_raw(4, 8)
    (6, 15)
    >>> clean_view("---\\ntitle: X\\n---\\nBody", hide=[(0, 16)]).text
    '\\n\\n\\nBody'
    """
    scan = normalise_newlines(raw)
    changed = scan is not raw and scan != raw
    pieces: list[str] = []
    starts: list[npt.NDArray[np.int64]] = []
    ends: list[npt.NDArray[np.int64]] = []
    pos = 0

    def copy(a: int, b: int) -> None:
        if b > a:
            pieces.append(scan[a:b])
            rng = np.arange(a, b, dtype=np.int64)
            starts.append(rng)
            ends.append(rng + 1)

    for m in _MARKUP.finditer(scan):
        if m.lastgroup == "entity" and not _is_char_reference(m.group(0)):
            continue  # "&A0;", "&ampx;": prose, copied character for character
        a, b = m.span()
        copy(pos, a)
        pos = b
        rep = _replacement(m)
        if not rep:
            continue
        kind = m.lastgroup
        if kind in ("autolink", "link", "image"):
            # Kept text is copied character for character from inside the markup.
            inner = {"autolink": "url", "link": "linktext", "image": "alt"}[kind]
            copy(*m.span(inner))
        else:
            # Replaced text: each new character stands for the whole raw span.
            pieces.append(rep)
            starts.append(np.full(len(rep), a, dtype=np.int64))
            ends.append(np.full(len(rep), b, dtype=np.int64))
    copy(pos, len(raw))
    if not pieces:
        empty = np.zeros(0, dtype=np.int64)
        return CleanView("", empty, empty, len(raw), changed)
    text = "".join(pieces)
    s_arr, e_arr = np.concatenate(starts), np.concatenate(ends)
    if hide:
        hidden = np.zeros(len(raw) + 1, dtype=bool)
        for a, b in hide:
            hidden[max(a, 0) : max(b, 0)] = True
        chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        keep = ~hidden[s_arr] | (chars == ord("\n"))
        if not keep.all():
            text = chars[keep].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
            s_arr, e_arr = s_arr[keep], e_arr[keep]
    return CleanView(text, s_arr, e_arr, len(raw), changed)
