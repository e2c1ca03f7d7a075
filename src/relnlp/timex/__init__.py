"""TIMEX3 temporal expressions: find them in text and normalise them to values.

The tagger is rule-based, in the tradition of HeidelTime (Strötgen & Gertz, 2013): a set
of patterns, each with a normalisation function, applied longest-match-first. Values follow
ISO-TimeML/TIMEX3 (Pustejovsky et al., 2005; TimeML annotation guidelines 1.2.1):

* DATE: ``2015-03-19``/``2015-03``/``2015``, any year with an era (``0711`` for "AD 711",
  ``BC0480`` for "480 BC", centuries ``BC04``), seasons ``2021-SU``, quarters ``2015-Q1``,
  halves ``2014-H2``, weeks ``2015-W12`` and weekends ``2015-W12-WE``, decades ``198``,
  centuries ``20``, millennia ``2`` (``BC2`` for the 3rd millennium BC), days BC
  ``BC0044-03-15``, fiscal years ``FY2021``, recurring days ``XXXX-10-01``, references
  ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` ("now", "recently", "the future");
  ranges are ISO intervals ``start/end`` (a relnlp extension: TimeML tags each end);
* TIME: ``2015-03-19T14:00``, parts of a day ``2015-03-19TMO`` (MO, AF, EV, NI);
* DURATION: ``P3Y``, ``P2W``, ``PT4H``, ``P2DE`` (decades), ``PXM`` (unstated length);
* SET: ``XXXX-WXX-1`` (every Monday), ``P1M`` (each month), ``P1D`` (daily).

``mod`` is START (early, beginning of), MID, END (late, end of), APPROX (about, around)
or, for durations, MORE_THAN/LESS_THAN/EQUAL_OR_MORE.

Spans follow TimeML: a preposition is left out ("in 2015" -> "2015"), the determiner of a
temporal noun phrase is kept ("the third quarter", "the end of April", "the past"), one
that belongs to a noun the expression modifies is not ("the third-quarter loss").

Anchoring year-less and relative expressions (see :class:`Anchor`) follows how reports and
news are written: a year given earlier in the same sentence wins; a chronology entry gives
its year to what it contains; otherwise the document's own date, and which occurrence
(the last one or the next one) follows the tense the expression is said in
(:mod:`relnlp.timex.tense`): "closed in September" is the last September, "will reopen in
March" the next March, "until Aug. 2" the next one unless far ahead, a present-tense
statement looks ahead up to a quarter. Bare weekdays follow the same cues ("said
Thursday" is past, "is scheduled to vote Wednesday" ahead). Deictic expressions
("yesterday", "last week", "three days ago", "this morning") count from the document's
date (news: the document creation time, day-precise); narrative ones ("two days later",
"that autumn", "the following year", "the same day") from the last date the text gave; a
comparison point ("a year earlier", "a year ago") does not move that anchor.

The package: :mod:`~relnlp.timex.values` (the Timex record, value syntax, numerals,
calendar arithmetic), :mod:`~relnlp.timex.patterns` (the pattern table, its literal
triggers, the filters), :mod:`~relnlp.timex.normalise` (each match to type, value and
mod), :mod:`~relnlp.timex.durations` (DURATION and SET), :mod:`~relnlp.timex.periods`
(millennia, turns and parts of centuries, days with an era), :mod:`~relnlp.timex.times`
(parts of a day, clock times), :mod:`~relnlp.timex.coordination` ("1 and 2 July"),
:mod:`~relnlp.timex.anchoring`
(anchors and year resolution), :mod:`~relnlp.timex.tense` and
:mod:`~relnlp.timex.tagger` (:func:`find_timexes`).
"""

from relnlp.timex.anchoring import Anchor
from relnlp.timex.tagger import find_timexes
from relnlp.timex.values import Timex, is_valid_value, parse_value

__all__ = ["Anchor", "Timex", "find_timexes", "is_valid_value", "parse_value"]
