"""Language data for policy prose: character classes, abbreviations and tokenizer rules
(data as code). :mod:`relnlp.lang.chars` is cheap to import; the tokenizer rules import
spaCy, so :func:`customize_tokenizer` is loaded on first use."""

from __future__ import annotations

from typing import Any

__all__ = ["customize_tokenizer"]


def __getattr__(name: str) -> Any:
    if name == "customize_tokenizer":
        from relnlp.lang.tokenizer import customize_tokenizer

        return customize_tokenizer
    raise AttributeError(f"module 'relnlp.lang' has no attribute {name!r}")
