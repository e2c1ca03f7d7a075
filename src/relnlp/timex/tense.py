"""The tense an expression is said in, from the words around it (no tagger needed).

A year-less date ("Nov. 13", "in January") or a bare weekday ("Monday") in news is the
occurrence before or after the document's date depending on how it is said: "the deal
closed in January" is the last January, "the deal will close in January" the next one.
HeidelTime reads this from the part-of-speech tags of the sentence (the last verb tense
before the expression, else the first after it); relnlp's dates-only analyser has no
tagger, so the same decision is read off a small lexicon of tense cues instead: modal
and future phrasing ("will", "is expected to", "scheduled", "payable", "effective", the
futurate present of a scheduled event right before its day: "the summit opens Thursday"),
past forms (regular ``-ed`` forms and the common irregular ones, "was", "said", "ago")
and present auxiliaries. The nearest cue before the expression in its sentence decides,
else the first one after it.

A plan or an order reported in the past ("announced an agreement to acquire the bank in
January", "subpoenaed him to testify on Feb. 10") is read as the present: the act it
announces is the nearest such date, ahead of the report when close.

A date right after a preposition of a limit or a start ("until Nov. 20", "through
January", "by February", "effective June 1") names a deadline or a start, which news
usually sets ahead of the report: it is read as upcoming-or-nearest whatever the verb.
"""

from __future__ import annotations

import re

__all__ = ["DEADLINE", "FUTURE", "PAST", "PRESENT", "future_in_the_past", "local_tense"]

PAST = "PAST"
FUTURE = "FUTURE"
PRESENT = "PRESENT"
#: a limit or start ("until Nov. 20", "by February"): the next such date unless far ahead
DEADLINE = "DEADLINE"

_IRREGULAR_PAST = (
    "said|was|were|had|did|took|began|came|went|met|held|made|gave|told|won|lost|fell|rose|"
    "struck|sent|left|hit|led|brought|bought|sold|spoke|wrote|became|ran|saw|thought|found|"
    "kept|paid|stood|flew|drew|grew|knew|threw|broke|chose|fought|caught|spent|built|"
    "sought|shot|quit|withdrew|overtook|undertook|forgot|got|felt|heard|meant|sat|slid|"
    "sank|swore|tore|wore|woke|ago"
)
# Words ending in -ed that look ahead or are not verbs of a past event.
_ED_NOT_PAST = (
    "expected|scheduled|planned|proposed|intended|slated|anticipated|required|needed|"
    "proceed|need|indeed|succeed|exceed|feed|seed|speed|bed|red|shed|hundred|based|"
    "related|limited|united|interested|concerned|continued|detailed|advanced|increased|"
    "reduced|combined|estimated|projected|forecasted|targeted|set|preferred|listed|owned|"
    "controlled|registered|armed|skilled|qualified|elected"
)
_CUE = re.compile(
    # every cue starts with a letter at a word start, or is "'ll": the look-ahead turns
    # the other positions (word ends, spaces, punctuation, mid-word) away at once, where
    # ``re`` would otherwise try each of the ~200 words below (case-folded literals give
    # it no first-character test; ``[a-z]`` ignoring case also takes the four non-ASCII
    # letters that fold to one, so no cue is lost)
    r"(?=\b[a-z]|')(?:"
    # a plan or an order reported in the past, its act to come: "announced an agreement to
    # acquire the bank in January", "subpoenaed him to testify on Feb. 10"
    r"\b(?P<plan>(?:agreement|deal|offer|bid|proposal|decision|intention|pact)\s+to|"
    r"(?:asked|ordered|invited|urged|subpoenaed|summoned|authori[sz]ed|instructed|directed|"
    r"called\s+on)\s+(?:[\w-]+\s+){0,3}?to)(?=\s+[a-z])"
    r"|\b(?P<future>will|shall|won't|wo\s+n't|going\s+to|(?:is|are|was|were)\s+to|"
    r"expect(?:s|ed)?\s+to|expected|scheduled|slated|planned|plans?\s+to|intends?\s+to|"
    r"set\s+(?:to|for)|due|upcoming|next|payable|effective|takes?\s+effect|later\s+this|to\s+be|"
    r"(?:planning|preparing|hoping|hopes?|wants?|aims?|promised|vowed|agreed|threatened|"
    r"decided|decides|pledged|pledges|resolved|voted|votes)\s+to|"
    r"would)\b"
    r"|(?P<fut2>'ll)\b"
    rf"|\b(?P<past>{_IRREGULAR_PAST}|last|previously|(?!(?:{_ED_NOT_PAST})\b|un)[a-z]{{2,}}ed)\b"
    r"|\b(?P<present>is|are|am|has|have|says|does|do|could|(?-i:may)|might|should|must|can)\b)",
    re.IGNORECASE,
)
# A verb of lasting in the past right before a limit preposition ("held until", "lasted
# through", "remained in force until", "dragged on into"): up to two words between.
_LASTED = re.compile(
    r"\b(?:lasted|held|remained|continued|stayed|persisted|endured|survived|ruled|reigned|"
    r"served|governed|lingered|dragged\s+on|went\s+on|carried\s+on|was\s+in\s+force|"
    r"were\s+in\s+force)(?:\s+[a-z]+){0,2}\s*$",
    re.IGNORECASE,
)
# An auxiliary before such a verb that makes it no simple past: "will be held until Friday",
# "is to be held by March", "would have served until May", "has been held since".
_NOT_TOLD_PAST = re.compile(
    r"\b(?:will|would|shall|'ll|to|be|been|being|is|are|am|has|have)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A limit or start preposition right before the date: "until Nov. 20", "through January".
_DEADLINE = re.compile(
    r"\b(?:until|till|through|thru|by|to|effective|from|starting|beginning|before|expires?|"
    r"as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+(?:on\s+)?"
    r"(?:the\s+(?:end|close|middle|start|beginning)\s+of\s+)?$",
    re.IGNORECASE,
)
# the futurate present of a scheduled event right before its day: "the summit opens Thursday",
# "the two leaders meet separately Monday", "the minister travels to Paris on Sunday". Not
# after a determiner or a possessive (the noun: "the votes Monday", "the envoy's visit to
# Beijing on Monday"), nor after "to", a modal or an auxiliary (there the cues decide: "had
# been scheduled to open Monday"). The place after the verb is a name ("travels to Paris").
_NOT_FINITE = "(?<!n't\\s)(?<!'s\\s)" + "".join(
    f"(?<!\\b{w}\\s)"
    for w in (
        "the a an its his her their our to not will would could can may might must should "
        "did do does had have has"
    ).split()
)
_NAME = r"\s+(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2}"  # "New Delhi", "Putin"
_OBJ_DET = "(?:its|their|his|her|our|the|a|an|this|next|new)"
# a word of that object: lower case, no verb of its own clause ("holds power said Sunday")
_OBJ_WORD = (
    rf"(?!(?:{_IRREGULAR_PAST}|is|are|be|been|has|have|says|tells|it|that|who|which|and|or|but|"
    r"on|in|at|to|for|with|will|would|could|should|may|might|must|can)\b)(?![a-z]+ed\b)"
    r"(?-i:[a-z][a-z-]+)"
)
_FUTURATE = re.compile(
    rf"\b{_NOT_FINITE}(?:opens?|begins?|starts?|resumes?|convenes?|reconvenes?|kicks?\s+off|"
    r"departs?|arrives?|takes?\s+place|meets?|visits?|votes?|travels?|leaves?|returns?|flies|"
    r"testify|testifies|holds?|hosts?|stages?)"
    # its object, a short noun phrase: "holds elections Sunday", "opens its congress Friday"
    rf"(?:\s+(?:{_OBJ_DET}\s+)?{_OBJ_WORD}(?:\s+{_OBJ_WORD})?|{_NAME})??"
    r"(?:\s+(?:again|separately|jointly|formally|together|here|there))?"
    rf"(?:\s+(?:to|in|for|at|with){_NAME})?"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# An auxiliary right before a participle cue ("will be paid", "had been scheduled").
_AUX_BEFORE = re.compile(
    r"\b(be|been|being|is|are|was|were|had\s+been|has\s+been|have\s+been|has|have|having|had)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# the past perfect ("had called", "had not yet agreed"; not "had to")
#: the past perfect: "had been diverted", "had not yet fallen"
PAST_PERFECT = (
    r"\bhad\s+(?:not\s+|never\s+|already\s+|yet\s+|n't\s+)*"
    r"(?:been|[a-z]+(?:ed|en|un|wn|ne|ot|ft|ld|ght))\b"
)
_HAD = re.compile(r"[\s,]*(?:[A-Za-z]+\s+){0,3}?" + PAST_PERFECT, re.IGNORECASE)
_PLANNED = ("expected", "scheduled", "slated", "planned", "due", "set for")
_BEFORE = 120
_AFTER = 150


def local_tense(text: str, sent_start: int, sent_end: int, start: int, end: int) -> str | None:
    """PAST, FUTURE, PRESENT or DEADLINE for the expression ``text[start:end]``; None without a cue.

    Parameters
    ----------
    text : str
        The whole text.
    sent_start, sent_end : int
        The expression's sentence.
    start, end : int
        The expression.

    Examples
    --------
    >>> s = "The plant closed in January and will reopen in March."
    >>> local_tense(s, 0, len(s), 20, 27), local_tense(s, 0, len(s), 47, 52)
    ('PAST', 'FUTURE')
    >>> s = "Bids are due until Nov. 20, the company said."
    >>> local_tense(s, 0, len(s), 19, 26)
    'DEADLINE'
    >>> s = "The dividend will be paid Dec. 14; the vote had been scheduled for Friday."
    >>> local_tense(s, 0, len(s), 26, 33), local_tense(s, 0, len(s), 67, 73)
    ('FUTURE', 'PAST')
    """
    before = text[max(sent_start, start - _BEFORE) : start]
    limit = _DEADLINE.search(before)
    lasted = _LASTED.search(before, 0, limit.start()) if limit else None
    if lasted and not _NOT_TOLD_PAST.search(before, 0, lasted.start()):
        # "the truce held until March", "talks dragged on through the spring": a state
        # told in the past that lasted up to the date; the date is no deadline ahead
        return PAST
    if limit:
        # "Until Thursday, they had not called him a suspect": a limit told in the past
        # perfect lies before the time of telling
        if re.match(r"(?i)\s*(?:until|till|by)\b", limit.group(0)) and _HAD.match(
            text, end, min(sent_end, end + 40)
        ):
            return PAST
        return DEADLINE
    if re.search(r"\bsince\s+$", before):
        return PAST
    futurate = _FUTURATE.search(before)
    if futurate and not any(c.group("past") for c in _CUE.finditer(before, 0, futurate.start())):
        # a past verb before it makes the word a noun: "began a state visit Monday"
        return FUTURE
    if re.search(
        r"\b(?:the|a|an|its|his|her|their|our|your|this|that)\s+$", before, re.IGNORECASE
    ) and re.match(r"\s+[a-z]", text[end : end + 3]):
        return PRESENT  # "the Aug. 7 blasts", "a June agreement": an event named by its date
    lo = max(sent_start, start - _BEFORE)
    for cue in reversed(list(_CUE.finditer(before))):
        tense = _tense_of(cue, text, lo + cue.start())
        if tense is not None:
            return tense
    after = text[end : min(sent_end, end + _AFTER)]
    for cue in _CUE.finditer(after):
        tense = _tense_of(cue, text, end + cue.start())
        if tense is not None:
            return tense
    return None


def _tense_of(cue: re.Match[str], text: str, at: int) -> str | None:
    """The tense a cue stands for; None for a participle whose auxiliary decides."""
    aux = _AUX_BEFORE.search(text, max(0, at - 24), at)
    if cue.group("plan"):
        # the planned act is the nearest such date to the report, ahead when close
        return PRESENT
    if cue.group("past"):
        # "will be paid", "to be completed": a participle takes its auxiliary's tense
        return (
            None
            if aux is not None and cue.group("past").lower() not in ("was", "were", "had")
            else PAST
        )
    if cue.group("future") or cue.group("fut2"):
        word = re.sub(r"\s+", " ", (cue.group("future") or "").lower())
        if word in _PLANNED and (
            aux is not None
            and aux.group(1).lower() == "had been"
            or re.search(r"\bpreviously\s+$", text[max(0, at - 12) : at], re.IGNORECASE)
        ):
            return PAST  # "had been scheduled to expire Friday": the plan is past
        if word in _PLANNED and aux is not None and aux.group(1).lower() in ("was", "were"):
            # "the accession was planned for early March": a plan reported in the past
            # tense, its date either side of the report (the nearest one, as the present)
            return PRESENT
        return FUTURE
    return PRESENT


# "would soon", "would very soon", "would then soon"; "was soon to" (the future seen from a past time)
_WOULD_SOON = re.compile(r"\bwould\s+(?:[a-z]+\s+)?$|\b(?:was|were)\s+$", re.IGNORECASE)


def future_in_the_past(text: str, start: int, end: int, narrated: bool) -> bool:
    """Whether the word ``text[start:end]`` ("soon") looks ahead from a past the text tells.

    ``narrated``: the text is undated or a dated history. There the future of "he would
    soon die" or "she was soon to leave" is the story's, not the reader's; in news
    ("officials said they would soon decide") it is still ahead of the report (TimeML
    FUTURE_REF).

    Examples
    --------
    >>> s = "In 1850 he would soon die."
    >>> future_in_the_past(s, 17, 21, True), future_in_the_past(s, 17, 21, False)
    (True, False)
    """
    w = _WOULD_SOON.search(text[max(0, start - 30) : start]) if narrated else None
    if w is None:
        return False
    return w.group(0).lower().startswith("would") or re.match(r"\s+to\b", text[end:]) is not None
