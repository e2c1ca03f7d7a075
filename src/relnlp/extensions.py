"""relnlp's Doc/Span extension attributes, registered once by :func:`install`.

All names start with ``rel_``; values are plain (str, float, tuples), never spaCy objects.
The components' records (:mod:`relnlp.records`) are read-only Doc extensions
(``doc._.rel_timexes``, ``doc._.rel_entities``, ...) whose getters are the records' readers.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from relnlp.errors import Errors, RelnlpError

__all__ = ["SPAN_EXTENSIONS", "install"]

#: name -> default value of each Span extension.
SPAN_EXTENSIONS: dict[str, Any] = {
    "rel_value": None,
    "rel_type": None,
    "rel_mod": None,
    "rel_canonical": None,
    "rel_role": None,
    "rel_affiliation": None,
    "rel_themes": None,
    "rel_theme_scores": None,
    "rel_evidence": None,
    "rel_cooperation": None,
    "rel_tension": None,
    "rel_tone_cues": None,
    "rel_tone_class": None,
    "rel_source": None,
    "rel_target": None,
}
#: name -> default value of each Doc extension.
DOC_EXTENSIONS: dict[str, Any] = {
    "rel_doc_date": None,
    "rel_cooperation": None,
    "rel_tension": None,
}


def install() -> None:
    """Register the extensions (idempotent; refuses to overwrite another definition)."""
    for cls, table in ((Span, SPAN_EXTENSIONS), (Doc, DOC_EXTENSIONS)):
        for name, default in table.items():
            if cls.has_extension(name):
                existing = cls.get_extension(name)
                if existing is None or existing[0] != default or any(existing[1:]):
                    raise RelnlpError(Errors.E105.format(name=name), name=name)
                continue
            cls.set_extension(name, default=default)
    from relnlp.records import DOC_GETTERS

    for name, getter in DOC_GETTERS.items():
        if Doc.has_extension(name):
            existing = Doc.get_extension(name)
            if existing is None or existing[2] is not getter or existing[3] is not None:
                raise RelnlpError(Errors.E105.format(name=name), name=name)
            continue
        Doc.set_extension(name, getter=getter)
