"""Transliteration-insensitive keys for personal names.

Russian, Ukrainian and Central Asian names reach English through several romanisation
systems (BGN/PCGN, Library of Congress, scholarly, passport), so one person appears as
"Sergei"/"Sergey", "Shoigu"/"Shoygu", "Yanukovich"/"Yanukovych", "Dmitry"/"Dmitri"/
"Dmitrii", "Aleksandr"/"Alexander". :func:`name_key` folds these to one key; it is used
only to *compare* names, never shown.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["name_key"]

# Applied in order to a lower-cased, accent-free name.
_RULES: tuple[tuple[str, str], ...] = (
    (r"ks", "x"),
    (r"kh", "h"),
    (r"yevg", "evg"),
    (r"^ye", "e"),
    (r"(?<=[aeiou])ye", "e"),
    (r"iy\b", "i"),
    (r"yy\b", "i"),
    (r"ii\b", "i"),
    (r"ey\b", "ei"),
    (r"oy", "oi"),
    (r"ay", "ai"),
    (r"yu", "iu"),
    (r"ya", "ia"),
    (r"yo", "io"),
    (r"ych\b", "ich"),
    (r"y", "i"),
    (r"j(?=[aeiou])", "i"),
    (r"(.)\1", r"\1"),
)
_COMPILED = tuple((re.compile(a), b) for a, b in _RULES)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key that ignores case, accents and romanisation variants.

    Examples
    --------
    >>> name_key("Sergey Shoygu") == name_key("Sergei Shoigu")
    True
    >>> name_key("Yanukovich") == name_key("Yanukovych")
    True
    >>> name_key("Dmitrii") == name_key("Dmitry") == name_key("Dmitri")
    True
    >>> name_key("Xi Jinping") == name_key("Li Zhanshu")
    False
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    for pat, rep in _COMPILED:
        s = pat.sub(rep, s)
    return s
