"""Whose is a lone surname (helper of ``relnlp_actors``)?

A lone surname ("Jones") takes the canonical of the person the report names in full with
it when that person is the only one. When the report names two people with the surname
("James L. Jones" and "Bill Jones", "George H. W. Bush" and "George W. Bush"), the lone
surname is the one whose given name stands before it, or the one of them named in full
before it in its sentence, the sentence before or its paragraph, when only one is (the
guidelines resolve references so, section 7); otherwise it could be either,
and its canonical is the surname itself. Forms of one person's name count once: the same
given name (by name key) or an initial of it ("J. Smith", "John Smith") with no other
middle name; the lone surname then takes the longest form. Surname-first names ("Wang
Yi", "Wang Qishan") compare the words other than the surname.
"""

from __future__ import annotations

from spacy.tokens import Doc

from relnlp.lang.translit import name_key

__all__ = ["SurnameOwners", "shared_surnames"]


def _word_agrees(a: str, b: str) -> bool:
    """The same name word, or an initial of it ("J." and "John")."""
    a, b = a.rstrip("."), b.rstrip(".")
    if name_key(a) == name_key(b):
        return True
    return (len(a) == 1 or len(b) == 1) and a[:1].lower() == b[:1].lower()


def _given_names(canonical: str, surname: str) -> list[str]:
    """The words of a full name other than its surname, in order ("Wang Yi" -> "Yi",
    "George W. Bush" -> "George", "W.")."""
    words = canonical.split()
    key = name_key(surname)
    k = next((i for i, w in enumerate(words) if name_key(w) == key), len(words) - 1)
    return words[:k] + words[k + 1 :]


def _same_person(a: list[str], b: list[str]) -> bool:
    """Whether the given names of two full names with one surname are forms of one
    person's: the first agree (or one is an initial of the other), and so do the middle
    names where both write some ("George W. Bush" is not "George H. W. Bush")."""
    if not a or not b or not _word_agrees(a[0], b[0]):
        return False
    ma, mb = a[1:], b[1:]
    return (
        not ma
        or not mb
        or (len(ma) == len(mb) and all(_word_agrees(x, y) for x, y in zip(ma, mb, strict=True)))
    )


Bearers = dict[str, list[tuple[int, str, str]]]


def _people(written: list[tuple[int, str, str]], fullest: dict[tuple[str, str], str]) -> int:
    """How many people the full names written with one surname are."""
    people: list[list[str]] = []
    for _, canonical, surname in written:
        given = _given_names(_fullest(canonical, fullest), surname)
        if not any(_same_person(given, p) for p in people):
            people.append(given)
    return len(people)


def shared_surnames(bearers: Bearers, fullest: dict[tuple[str, str], str]) -> dict[str, str]:
    """The canonical of each lone surname the report writes in full more than once.

    Parameters
    ----------
    bearers : dict
        Name key of a surname -> (first token, canonical, surname as written) of each full
        name written with it.
    fullest : dict
        (name key of the given name, of the surname) -> the fullest form of that person's
        name in the report ("Evan A. Smith" for "Evan Smith").

    Returns
    -------
    dict
        Name key of each surname -> its canonical when it stands alone: the surname
        itself when it is shared, else the longest form of its one bearer's name.
    """
    out = {}
    for key, written in bearers.items():
        # one-word forms ("Li-Ivanov", a compound of two names) name no bearer
        names = [w for w in written if len(w[1].split()) > 1]
        if len({c for _, c, _ in names}) < 2:
            continue
        if _people(names, fullest) > 1:
            out[key] = names[0][2]
        else:
            out[key] = max((c for _, c, _ in names), key=len)
    return out


class SurnameOwners:
    """The canonical of a lone surname at a token: the registry's (the one person the
    report names in full with it), or for a surname several people share: the one whose
    given name is written before it, or the one of them named in full before it in its
    sentence, the sentence before or its paragraph, when only one is ("Foreign Minister
    Wang Yi visits Moscow. ... Wang is also received by ..."), else the surname itself:
    references resolved as the guidelines resolve them (section 7).

    ``registry`` (name key of a surname -> canonical) is updated in place."""

    def __init__(
        self,
        doc: Doc,
        registry: dict[str, str],
        bearers: Bearers,
        fullest: dict[tuple[str, str], str],
    ) -> None:
        self.doc = doc
        self.registry = registry
        self.shared: dict[str, list[tuple[int, str]]] = {}
        for key, canonical in shared_surnames(bearers, fullest).items():
            registry[key] = canonical
            names = [(a, c) for a, c, _ in bearers[key] if len(c.split()) > 1]
            if all(canonical != c for _, c in names):  # the surname itself: shared
                self.shared[key] = [(a, _fullest(c, fullest)) for a, c in names]

    def __call__(self, i: int, key: str) -> str:
        names = self.shared.get(key)
        if not names:
            return self.registry[key]
        doc = self.doc
        # a given name written before it ("Patrick Gordon" with "Patrick Leopold Gordon")
        given = doc[i - 1].text if i > 0 and doc[i - 1].text[:1].isupper() else ""
        named = {c for _, c in names if given and _word_agrees(given, c.split()[0])}
        if len(named) == 1:
            return named.pop()
        if doc.has_annotation("SENT_START"):
            sent = doc[i].sent
            first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            # named in full in the sentence before or its own, or earlier in its paragraph
            near = {c for a, c in names if a < i and (a >= first or "\n" not in doc[a:i].text)}
            if len(near) == 1:
                return near.pop()
        return self.registry[key]


def _fullest(canonical: str, fullest: dict[tuple[str, str], str]) -> str:
    words = canonical.split()
    return fullest.get((name_key(words[0]), name_key(words[-1])), canonical)
