"""Tokenizer rules for policy prose, given to a spaCy English pipeline as a new tokenizer.

* abbreviations keep their period ("Feb.", "Lt.", "Gen.", "pp.", "No.", "U.N.");
* superscript footnote markers (``¹²³``) are split from the word or punctuation they
  follow, and from each other's neighbours;
* a period after a hyphen and one capital letter ends the sentence ("IS-K.");
* "pp. 79-84" keeps the page range as tokens of its own;
* a footnote glued to the word before it, as documents of the *Foreign Relations of the
  United States* series are often saved ("Ambassador SmithSee Document 125.", "attachedNot
  found.", "(Snow)Source: Department of State"), is split from that word where the note
  opens with one of the series' footnote openers.

Hyphenated personal names ("Kassym-Jomart") are handled after tokenization by the
``relnlp_sentences`` component's companion merge in :mod:`relnlp.pipeline.tokens`, because
whether "A-B" is one name or two ("Russia-China") depends on the words around it.
"""

from __future__ import annotations

import re
from typing import Any, cast

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from relnlp.lang.abbreviations import ALL
from relnlp.lang.chars import SUPERSCRIPT_DIGITS as SUPERSCRIPTS

__all__ = ["SUPERSCRIPTS", "customize_tokenizer"]


def customize_tokenizer(nlp: Language) -> Language:
    """Give ``nlp`` a tokenizer with relnlp's special cases and affix rules (idempotent).

    The new tokenizer has the old one's vocabulary, rules, affix and match functions
    and settings, plus relnlp's; it replaces ``nlp.tokenizer``. It is built in one go
    because spaCy re-tokenises every special case (about 1,600) each time an affix
    function is set on an existing tokenizer, and again for each special case added.
    """
    tok = cast(Tokenizer, nlp.tokenizer)
    rules = dict(tok.rules or {})
    for abbr in ALL:
        rules[abbr] = [{ORTH: abbr, NORM: abbr}]
        # Also at the start of a sentence in upper case, e.g. "No." in a citation.
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            rules[cap] = [{ORTH: cap, NORM: cap}]
    sup = f"[{SUPERSCRIPTS}]+"
    suffix_search = tok.suffix_search
    suffixes = list(nlp.Defaults.suffixes or [])
    if sup not in suffixes:
        suffix_search = compile_suffix_regex([sup, _LETTER_PERIOD, *suffixes]).search
    # "U.S.-led", "U.S.-China": a hyphen after an abbreviation with periods joins two
    # words, as "US-led" does (spaCy's own rule splits a hyphen only after a letter).
    infix_finditer = tok.infix_finditer
    infixes = list(nlp.Defaults.infixes or [])
    if _ABBR_HYPHEN not in infixes:
        infix_finditer = compile_infix_regex([*infixes, _ABBR_HYPHEN, *_FOOTNOTE]).finditer
    prefix_search = tok.prefix_search
    prefixes = list(nlp.Defaults.prefixes or [])
    if sup not in prefixes:
        prefix_search = compile_prefix_regex([sup, *prefixes]).search
    # A run of one repeated symbol ("((((", "----", "&&&&") is one token. Without this the
    # affix loop peels it one character at a time, which is quadratic in the run length.
    token_match = old = tok.token_match
    if not getattr(old, "_relnlp_runs", False):

        def token_match(text: str, _old: Any = old) -> Any:
            return _SYMBOL_RUN.match(text) or (_old(text) if _old is not None else None)

        token_match._relnlp_runs = True  # type: ignore[attr-defined]
        # How relnlp.pipeline._phrases.tokenizer_key describes this function.
        old_pattern = getattr(getattr(old, "__self__", None), "pattern", None)
        token_match._relnlp_key = (  # type: ignore[attr-defined]
            f"relnlp_runs:{_SYMBOL_RUN.pattern}|{old_pattern}"
            if old is None or isinstance(old_pattern, str)
            else None
        )
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_search,
        suffix_search=suffix_search,
        infix_finditer=infix_finditer,
        token_match=token_match,
        url_match=tok.url_match,
        faster_heuristics=tok.faster_heuristics,
        max_cache_size=tok.max_cache_size,
    )
    return nlp


# "IS-K.", "ISIS-K." at a sentence end: the period after a hyphen and one capital letter
# ends the sentence; without this rule spaCy's initial "K." keeps it ("IS", "-", "K.").
_LETTER_PERIOD = r"(?<=[A-Za-z]-[A-Z])\."
_SYMBOL_RUN = re.compile(r"^([^\w\s])\1{3,}$")
_ABBR_HYPHEN = r"(?<=[A-Z]\.[A-Z]\.)-(?=[A-Za-z])"
# The words that open a footnote of the FRUS series (source notes, cross-references, "Not
# printed"/"Not found", drafting and transmission notes). A capitalised opener glued to a
# lower-case letter, a period or a closing parenthesis starts a token of its own: an empty
# infix before it, or the period (after a number or a word) or parenthesis as the infix.
_FOOTNOTE_OPENERS = (
    r"(?:See|Source|Not|Printed|Drafted|Repeated|Sent|Received|Transmitted|Approved)"
    r"(?![a-z])"
)
_FOOTNOTE = (
    rf"(?:(?<=[0-9])|(?<=[a-z]{{2}}))\.(?={_FOOTNOTE_OPENERS})",
    rf"(?<=[a-z.’'])(?={_FOOTNOTE_OPENERS})",
    rf"(?<=[a-z.’'])\)(?={_FOOTNOTE_OPENERS})",
)
