"""Names are never cues (:mod:`relnlp.pipeline.tone`): numbered names such as an exercise
"Cooperation 2007", and capitalised multi-word names the model did not tag."""

from __future__ import annotations

from spacy.attrs import (
    IS_ALPHA,
    IS_LOWER,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LIKE_NUM,
    LOWER,
)
from spacy.tokens import Doc

__all__ = ["NAME_LINKS", "numbered_names", "title_case_names"]


def numbered_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised names ending in a number that the NER may miss:
    exercises, operations and programmes ("Cooperation 2007", "Peace Mission 2021",
    "Vision 2030"). A run of title-case words (not starting the sentence, not part of a
    date) directly before a number is a name; its words are not cues."""
    out = []
    # Only number-like tokens can end a name: find them in one array read instead of
    # making a Token object for every word of the report.
    nums = doc.to_array([LIKE_NUM]).ravel().nonzero()[0].tolist() if len(doc) else []
    for i in nums:
        tok = doc[i]
        if not tok.text[:1].isdigit() or tok.i == 0:
            continue
        j = tok.i
        while j > 0 and doc[j - 1].is_title and not doc[j - 1].is_sent_start:
            j -= 1
        # "May 2019" is a date, not a name
        if j < tok.i and not any(doc[k].ent_type_ in {"DATE", "TIME"} for k in range(j, tok.i)):
            out.append((j, tok.i + 1))
    return out


NAME_LINKS = frozenset({"of", "for", "and", "on", "in", "the", "de"})
#: Parts of speech that give :func:`syntax_terms` a term.


def title_case_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised multi-word names the NER may miss ("the Trilateral
    Maritime Dialogue", "a Northern Security Initiative"): two or more title-case words
    in a row inside a sentence (not its first word; "of", "for", "and" may link them).
    Headings (every content word capitalised) are skipped: there capitals say nothing."""
    out: list[tuple[int, int]] = []
    # The lexical flags of every token from one array: no Token object per word.
    cols = doc.to_array([IS_ALPHA, IS_STOP, IS_TITLE, IS_UPPER, IS_LOWER, LOWER])
    alpha, stop, title, upper, lower, low = (c.tolist() for c in cols.reshape(len(doc), 6).T)
    links = {doc.vocab.strings[w] for w in NAME_LINKS}
    for sent in doc.sents:
        content = [i for i in range(sent.start, sent.end) if alpha[i] and not stop[i]]
        if not content or all(title[i] or upper[i] for i in content):
            continue  # a heading: every content word capitalised
        run: list[int] = []
        for i in [*range(sent.start + 1, sent.end), None]:  # None closes the last run
            if i is not None and title[i] and alpha[i]:
                run.append(i)
            elif i is not None and run and low[i] in links and lower[i]:
                run.append(i)
            else:
                while run and not title[run[-1]]:
                    run.pop()  # a trailing link word is not part of the name
                if sum(title[k] for k in run) >= 2:
                    out.append((run[0], run[-1] + 1))
                run = []
    return out
