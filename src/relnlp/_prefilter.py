"""The strings one of which every match of a regular expression contains.

A scan of a text with a pattern that cannot match in it costs as much as one that finds
something: ``re`` tries the pattern at each position. When every match must contain one
of a few literal strings ("monday", ..., "sunday"), a substring test for each
(``str.__contains__``, a fast search in C) tells that the scan would find nothing.
:func:`required_strings` reads those strings off the parsed pattern; a pattern it cannot
read (or a parser it does not know) gets ``None``: always scanned. :func:`can_match` is
the test for a compiled pattern (the timex triggers, the taxonomy's theme patterns).
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from typing import Any

__all__ = ["can_match", "folded", "may_match", "required_strings"]

_c: Any
_sre_parse: Any
try:  # the parser behind ``re.compile`` (Python >= 3.11); private, so read defensively
    _c = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without it: no prefilter
    _c = _sre_parse = None

#: At most this many strings in a set (a product of character classes grows fast).
_MAX_STRINGS = 64
#: A character class is read as its characters when it holds at most this many.
_MAX_CLASS = 10

#: Shorter strings are in nearly every text: testing for them costs more than it saves.
_MIN_LENGTH = 2

_Strings = frozenset[str]


def required_strings(pattern: str, flags: int = 0) -> _Strings | None:
    """Strings (of at least two characters) one of which every match of ``pattern``
    (compiled with ``flags``) contains, or ``None``.

    Case-sensitive strings; for a case-insensitive pattern (``re.IGNORECASE``, also
    inline) the strings lower-cased, to be looked for in :func:`folded` text, and
    ``None`` when one is not ASCII. A back-reference, an unknown construct, the LOCALE
    flag or a parser that fails gives ``None``. Look-arounds and anchors are read as
    matching the empty string (what they require lies outside the match or adds a
    condition: ignoring it keeps the set necessary).
    """
    if _sre_parse is None or _c is None or flags & re.LOCALE:
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
        caseless = bool(parsed.state.flags & re.IGNORECASE)
        found = _required(list(parsed))
    except Exception:  # noqa: BLE001 - a parser of another version: no prefilter
        return None
    if found is None or not caseless:
        return found
    return frozenset(x.lower() for x in found) if all(x.isascii() for x in found) else None


#: The characters that a case-insensitive ``re`` pattern's ASCII letter matches beyond
#: the letter's two cases: "İ" and "ı" (i), "ſ" (s), the Kelvin sign (k); found over all
#: of Unicode (tests/test_prefilter.py checks the list).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def folded(text: str) -> str | None:
    """``text`` lower-cased, where a case-insensitive match of ASCII strings is a plain
    substring: ``None`` when ``text`` holds a character that matches an ASCII letter
    without being one (:data:`_FOLDS_TO_ASCII`)."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


@functools.lru_cache(maxsize=1024)
def _needs(pattern: str, flags: int) -> _Strings | None:
    return required_strings(pattern, flags)


def can_match(pattern: re.Pattern[str], text: str, lowered: str | None = None) -> bool:
    """False only when ``pattern`` cannot match in ``text``: none of its required strings
    is in ``text`` (a case-insensitive pattern: in ``lowered``, the :func:`folded` text;
    without it the pattern is taken to match)."""
    needs = _needs(pattern.pattern, pattern.flags)
    if needs is None:
        return True
    if pattern.flags & re.IGNORECASE:
        return lowered is None or may_match(needs, lowered)
    return may_match(needs, text)


def may_match(required: _Strings | None, text: str) -> bool:
    """False when no string of ``required`` is in ``text`` (the pattern cannot match)."""
    return required is None or any(s in text for s in required)


def _bounded(strings: set[str] | frozenset[str]) -> _Strings | None:
    return frozenset(strings) if len(strings) <= _MAX_STRINGS else None


def _exact(items: list[tuple[Any, Any]]) -> _Strings | None:
    """The finite set of strings a sequence matches exactly, or ``None``."""
    out: _Strings | None = frozenset({""})
    for item in items:
        one = _exact_item(item)
        if one is None or out is None:
            return None
        out = _bounded({a + b for a, b in itertools.product(out, one)})
    return out


def _exact_item(item: tuple[Any, Any]) -> _Strings | None:
    op, av = item
    if op is _c.LITERAL:
        return frozenset({chr(av)})
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""})  # zero width
    if op is _c.IN:
        return _class_chars(av)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            one = _exact(list(alt))
            if one is None:
                return None
            out |= one
        return _bounded(out)
    if op is _c.SUBPATTERN:
        return None if _flagged(av) else _exact(list(av[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == av[1] == 1:
        return _exact(list(av[2]))
    return None


def _class_chars(av: list[tuple[Any, Any]]) -> _Strings | None:
    """The characters of a character class of literals and small ranges, or ``None``."""
    chars: set[str] = set()
    for op, x in av:
        if op is _c.LITERAL:
            chars.add(chr(x))
        elif op is _c.RANGE and x[1] - x[0] < _MAX_CLASS:
            chars.update(chr(k) for k in range(x[0], x[1] + 1))
        else:  # NEGATE, a category (\d), a large range
            return None
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


def _flagged(av: tuple[Any, Any, Any, Any]) -> bool:
    """A group with an inline case flag (``(?i:...)``, ``(?-i:...)``): not read."""
    return bool((av[1] | av[2]) & (re.IGNORECASE | re.LOCALE))


def _required(items: list[tuple[Any, Any]]) -> _Strings | None:
    """The best required set of a sequence: the longest shortest string among its runs
    of exactly-known items and the required sets of its other items."""
    candidates: list[_Strings] = []
    run: list[tuple[Any, Any]] = []
    for item in [*items, (None, None)]:  # a sentinel closes the last run
        if item[0] is not None and _exact_item(item) is not None:
            run.append(item)
            continue
        if run and (joined := _exact(run)) is not None:
            candidates.append(joined)
        run = []
        if item[0] is not None and (own := _required_item(item)) is not None:
            candidates.append(own)
    usable = [c for c in candidates if c and min(map(len, c)) >= _MIN_LENGTH]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _required_item(item: tuple[Any, Any]) -> _Strings | None:
    op, av = item
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            one = _required(list(alt))
            if one is None:
                return None
            out |= one
        return _bounded(out)
    if op is _c.SUBPATTERN:
        return None if _flagged(av) else _required(list(av[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(list(av[2]))
    return None
