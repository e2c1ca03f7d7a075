"""TIMEX3 values: the Timex record, value syntax, numerals and calendar arithmetic."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from relnlp.timex._lexicon import _MONTHS, _NUMBERS, _ORDINALS, _UNITS

#: (type, value, mod, anchored) of a normalised match, or None when it is not a date.
Norm = tuple[str, str, str | None, bool] | None


@dataclass(frozen=True)
class Timex:
    """A temporal expression: character span, TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False  # True when the value depends on an anchor (year-less, relative)


# --- values -------------------------------------------------------------------------------


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _year(y: int) -> str:
    """A year as TIMEX3 writes it; years before Christ are negative here: -49 -> ``BC0049``."""
    return f"BC{-y:04d}" if y < 0 else f"{y:04d}"


def _add_years(y: int, n: int) -> int:
    """``n`` years after ``y`` in the historical count, which has no year 0 (1 BC -> AD 1)."""
    r = y + n
    if y < 0 <= r:
        r += 1
    elif y > 0 >= r:
        r -= 1
    return r


def _ymd(y: int | None, m: int | None = None, d: int | None = None) -> str:
    ys = _year(y) if y is not None else "XXXX"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12:
        return False
    last = calendar.monthrange(y if y is not None and y > 0 else 2000, m)[1]
    return 1 <= d <= last


_TIME_OF_DAY = r"(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))"
_POINT = (
    r"(?:\d{4}(?:-(?:\d{2}(?:-\d{2}(?:"
    + _TIME_OF_DAY
    + r")?)?|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}(?:-WE)?))?"
    r"|\d{3}|\d{2}|\d|BC\d{4}(?:-\d{2}-\d{2})?|BC\d{2}|BC\d|FY\d{4}|XXXX(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX)"
    + _TIME_OF_DAY
    + r"?)?|-QX|-WXX)?|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?)"
)
_DURATION = (
    r"P(?:(?:\d+|X)(?:Y|M|W|D|DE|CE|Q|L)|T(?:\d+|X)(?:H|M|S)"
    # composite ISO 8601 durations: "two and a half years" P2Y6M, "90 seconds" PT1M30S
    r"|(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?"
    r"|T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)"
)
_REFS = r"(?:PRESENT_REF|PAST_REF|FUTURE_REF)"
_VALUE = re.compile(rf"^(?:{_POINT}(?:/{_POINT})?|{_DURATION}|{_REFS})$")


def is_valid_value(value: str) -> bool:
    """Whether ``value`` is a TIMEX3 value this module can produce.

    Examples
    --------
    >>> is_valid_value("2015-03-05/2015-03-15"), is_valid_value("2015-13")
    (True, False)
    """
    if not _VALUE.match(value):
        return False
    for part in value.split("/"):
        m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", part)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            if not 1 <= mo <= 12:
                return False
            if m.group(3) and not _valid_day(y, mo, int(m.group(3))):
                return False
    return True


def parse_value(value: str) -> tuple[str, ...]:
    """Split a value into its points (one for a point, two for an interval)."""
    return tuple(value.split("/"))


def _number(s: str) -> int | None:
    """The number a numeral stands for; None for a vague one ("several", "a few")."""
    s = re.sub(r"[\s-]+", " ", s.lower().strip())
    if s in ("a couple of", "couple of"):
        return 2
    if s.endswith(" thousand"):
        n = _number(s[: -len(" thousand")])
        return n * 1000 if n else None
    if s in _NUMBERS:
        return _NUMBERS[s] or None
    parts = s.split(" ")
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] == "hundred":
        return _NUMBERS[parts[0]] * 100 or None  # "a hundred", "three hundred"; "several"
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]  # "twenty four"
    try:
        return int(float(s.replace(",", "")))
    except ValueError:
        return None


def _spelled_year(s: str) -> int | None:
    """A year said in words: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = re.sub(r"[\s-]+", " ", s.lower()).replace(" and ", " ").split(" ")
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(words[2:])
        return 2000 + (_number(rest) or 0 if rest else 0)
    century = _NUMBERS.get(words[0])
    if century is None:
        return None
    rest = " ".join(words[1:])
    if rest == "hundred":
        return century * 100
    n = _number(rest)
    return century * 100 + n if n is not None and n < 100 else None


def _ordinal(s: str) -> int | None:
    s = s.lower()
    if s in _ORDINALS:
        return _ORDINALS[s]
    m = re.match(r"(\d+)", s)
    return int(m.group(1)) if m else None


def _mod_of(word: str | None) -> str | None:
    if not word:
        return None
    w = re.split(r"[\s-]+to[\s-]+", word.lower())[0]  # "early-to-mid": its first part
    if "mid" in w or "middle" in w:
        return "MID"
    if "early" in w or "earlier" in w or "beginning" in w or "start" in w or "dawn" in w:
        return "START"
    if "late" in w or "end" in w or "close" in w or "turn" in w:
        return "END"
    return None


def _period(n: int | str, unit: str) -> str:
    """ISO 8601 / TIMEX3 duration: P3Y, P2W, PT4H, PT30M; ``n`` may be "X" (unknown)."""
    code = _UNITS[unit]
    if code in ("H", "MIN", "S"):
        return f"PT{n}{code[0]}"
    return f"P{n}{code}"


def _shift(base: tuple[int | None, int | None, int | None], n: int, unit: str) -> str | None:
    """The ``unit``-precise value ``n`` units from ``base`` (year, month, day)."""
    import datetime as dt

    y, mo, d = base
    if y is None:
        return None
    step = {"year": 1, "decade": 10, "century": 100}.get(unit)
    if step is not None:
        return _year(_add_years(y, n * step))
    if y < 1:
        return None  # months and days before Christ: no calendar arithmetic here
    if unit in ("day", "week"):
        if mo is None or d is None:
            return None
        day = dt.date(y, mo, d) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        if unit == "day":
            return day.isoformat()
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "month":
        if mo is None:
            return None
        k = y * 12 + mo - 1 + n
        return _ymd(k // 12, k % 12 + 1)
    if unit == "quarter":
        if mo is None:
            return None
        k = y * 4 + (mo - 1) // 3 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    return None
