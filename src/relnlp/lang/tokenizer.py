"""Tokenizer rules for policy prose, added to a spaCy English tokenizer in place.

* abbreviations keep their period ("Feb.", "Lt.", "Gen.", "pp.", "No.", "U.N.");
* superscript footnote markers (``¹²³``) are split from the word or punctuation they
  follow, and from each other's neighbours;
* "pp. 79-84" keeps the page range as tokens of its own.

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
from spacy.util import compile_prefix_regex, compile_suffix_regex

from relnlp.lang.abbreviations import ALL
from relnlp.lang.chars import SUPERSCRIPT_DIGITS as SUPERSCRIPTS

__all__ = ["SUPERSCRIPTS", "customize_tokenizer"]


def customize_tokenizer(nlp: Language) -> Language:
    """Add relnlp's special cases and affix rules to ``nlp.tokenizer`` (idempotent)."""
    tok = cast(Tokenizer, nlp.tokenizer)
    for abbr in ALL:
        tok.add_special_case(abbr, [{ORTH: abbr, NORM: abbr}])
        # Also at the start of a sentence in upper case, e.g. "No." in a citation.
        cap = abbr[:1].upper() + abbr[1:]
        if cap != abbr:
            tok.add_special_case(cap, [{ORTH: cap, NORM: cap}])
    sup = f"[{SUPERSCRIPTS}]+"
    suffixes = list(nlp.Defaults.suffixes or [])
    if sup not in suffixes:
        suffixes = [sup, *suffixes]
        tok.suffix_search = compile_suffix_regex(suffixes).search
    prefixes = list(nlp.Defaults.prefixes or [])
    if sup not in prefixes:
        prefixes = [sup, *prefixes]
        tok.prefix_search = compile_prefix_regex(prefixes).search
    # A run of one repeated symbol ("((((", "----", "&&&&") is one token. Without this the
    # affix loop peels it one character at a time, which is quadratic in the run length.
    old = tok.token_match
    if not getattr(old, "_relnlp_runs", False):

        def token_match(text: str, _old: Any = old) -> Any:
            return _SYMBOL_RUN.match(text) or (_old(text) if _old is not None else None)

        token_match._relnlp_runs = True  # type: ignore[attr-defined]
        tok.token_match = token_match
    return nlp


_SYMBOL_RUN = re.compile(r"^([^\w\s])\1{3,}$")
