"""TimeML's view of relnlp's dates: a range as the TIMEX3 of each of its ends.

relnlp gives a range one ISO interval ("between 1994 and 1997" -> ``1994/1997``, the
convention of the project's guidelines); TimeML 1.2.1 (and TempEval-3's gold) tags each
end on its own ("1994", "1997") and "the first nine months of 1997" as a DURATION
("the first nine months", ``P9M``) and a DATE ("1997"). :func:`timeml_spans` rewrites
the dates of a text so, for scoring against TimeML or writing it.
"""

from __future__ import annotations

import re
from typing import Any

from relnlp.timex.values import _number

__all__ = ["timeml_spans"]

# "between 1994 and 1997", "from May to July 2014", "1994-1997", "March 5-15"
_ENDS = re.compile(
    r"^(?P<pre>(?:between|from)\s+)?(?P<a>\S.*?)"
    r"(?P<sep>\s*[-\u2013\u2014]\s*|\s+(?:and|to|through|until|till)\s+)(?P<b>\S.*)$",
    re.IGNORECASE,
)
# "the first nine months of 1997", "the last two days of March"
_FIRST_N = re.compile(
    r"^(?P<dur>(?:the\s+)?(?:first|last|final)\s+(?P<n>[\w-]+)\s+(?P<unit>months|days|weeks))"
    r"\s+of\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_UNIT = {"months": "M", "days": "D", "weeks": "W"}


def timeml_spans(text: str, timexes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The TIMEX3 dicts (start, end, type, value, mod) with each range split into its ends.

    Parameters
    ----------
    text : str
        The text the offsets refer to.
    timexes : list of dict
        relnlp's dates as dicts with ``start``, ``end``, ``type``, ``value`` and ``mod``.

    Returns
    -------
    list of dict
        The same dates, a range (an interval ``A/B`` value) replaced by a DATE for each end
        as written ("between 1994 and 1997": "1994" and "1997"), "the first N months of
        <period>" by a DURATION and the period; every other date unchanged.

    Examples
    --------
    >>> s = "Sales fell between 1994 and 1997."
    >>> [(s[t["start"]:t["end"]], t["value"]) for t in
    ...  timeml_spans(s, [{"start": 11, "end": 32, "type": "DATE", "value": "1994/1997", "mod": None}])]
    [('1994', '1994'), ('1997', '1997')]
    """
    out: list[dict[str, Any]] = []
    for t in timexes:
        value = t.get("value") or ""
        if t.get("type") != "DATE" or value.count("/") != 1:
            out.append(t)
            continue
        out.extend(_split(text, t, *value.split("/")) or [t])
    return out


def _split(text: str, t: dict[str, Any], lo: str, hi: str) -> list[dict[str, Any]] | None:
    start, span = t["start"], text[t["start"] : t["end"]]
    first = _FIRST_N.match(span)
    if first:
        n = _number(first.group("n"))
        if not n:
            return None
        # the period the months or days are counted in: the year, or the month
        rest = first.group("rest")
        period = lo[:4] if re.fullmatch(r"\d{4}", rest.strip()) else lo[:7]
        return [
            _piece(
                t,
                start,
                start + first.end("dur"),
                "DURATION",
                f"P{n}{_UNIT[first.group('unit').lower()]}",
            ),
            _piece(t, start + first.start("rest"), start + first.end("rest"), "DATE", period),
        ]
    ends = _ENDS.match(span)
    if not ends or len(ends.group("b")) < 2:
        return None
    return [
        _piece(t, start + ends.start("a"), start + ends.end("a"), "DATE", lo),
        _piece(t, start + ends.start("b"), start + ends.end("b"), "DATE", hi),
    ]


def _piece(t: dict[str, Any], start: int, end: int, typ: str, value: str) -> dict[str, Any]:
    return {**t, "start": start, "end": end, "type": typ, "value": value, "mod": None}
