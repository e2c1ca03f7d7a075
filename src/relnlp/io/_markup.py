"""A markup-free view of a text that remembers where every character came from.

Reports arrive as plain text with Markdown and inline HTML in it (``**bold**``,
``### heading``, ``70<sup>th</sup>``, ``\\$8 trillion``, ``<http://...>``). The analyser must
not read the markup as words, yet every offset it reports must point into the text it was
given. :func:`clean_view` therefore returns the text without markup together with, for each
kept character, the start and end of the raw span it stands for. A span ``[a, b)`` of the
clean text maps back to ``[starts[a], ends[b - 1])`` of the raw text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["CleanView", "clean_view"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# Alternatives are tried left to right at each position; order matters where two could
# start at the same character (a bullet before emphasis, a link before a bare bracket).
_MARKUP = re.compile(
    r"""
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
        return len(self.text) == self.raw_length and bool(
            np.array_equal(self.starts, np.arange(self.raw_length))
        )


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


def clean_view(raw: str) -> CleanView:
    """Remove Markdown and inline HTML markup from ``raw``, keeping an offset map.

    Parameters
    ----------
    raw : str
        The text as given.

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
    """
    pieces: list[str] = []
    starts: list[npt.NDArray[np.int64]] = []
    ends: list[npt.NDArray[np.int64]] = []
    pos = 0

    def copy(a: int, b: int) -> None:
        if b > a:
            pieces.append(raw[a:b])
            rng = np.arange(a, b, dtype=np.int64)
            starts.append(rng)
            ends.append(rng + 1)

    for m in _MARKUP.finditer(raw):
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
        return CleanView("", empty, empty, len(raw))
    return CleanView("".join(pieces), np.concatenate(starts), np.concatenate(ends), len(raw))
