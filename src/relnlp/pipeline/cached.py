"""Two of the English pipeline's rule components, computed once per distinct token.

spaCy's ``AttributeRuler`` (tag -> POS and morphology, pronoun lemmas, contractions) runs
its Matcher over every token, and the rule ``Lemmatizer`` visits every token in Python:
together about 15% of the bare en_core_web_sm pipeline's time on reports. Their output
for a token is a function of a few of its attributes:

* the ruler's one-token patterns read TAG, LOWER, DEP and IS_SPACE (whatever the
  patterns read, found from the patterns themselves); the few longer patterns go
  through a Matcher from the tokens their first token accepts (asked once per
  signature too), or over the whole Doc when one has an operator;
* the rule lemmatizer's result is a function of (ORTH, POS, MORPH), its own cache key,
  for the tokens it does not skip (those without a lemma, unless ``overwrite``).

:class:`CachedAttributeRuler` and :class:`CachedLemmatizer` therefore ask the wrapped
spaCy component once per distinct signature (on the first token that has it), keep the
answer, and write the whole Doc with one ``Doc.from_array``. The output is the wrapped
component's, token for token (tests compare them on real and constructed text);
configurations this cannot reproduce exactly (extension attributes or operators in
patterns, other lemmatizer modes) run the wrapped component as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS, intify_attr
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

__all__ = ["CachedAttributeRuler", "CachedLemmatizer", "ruler_cacheable", "lemmatizer_cacheable"]

#: Cached signatures per component, at most (the cache is emptied when full).
MAX_SIGNATURES = 100_000

_LEMMATIZER_MODES = ("rule", "lookup")


def _signatures(
    doc: Doc, attrs: list[int | str], rows: np.ndarray[Any, Any] | None = None
) -> tuple[list[bytes], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Distinct attribute rows of ``doc`` (as bytes), the first token of each, and each
    token's row number (``rows`` limits it to those tokens)."""
    n = len(doc)
    sig = np.ascontiguousarray(doc.to_array(attrs).reshape(n, len(attrs)))
    if rows is not None:
        sig = sig[rows]
    flat = sig.view(np.dtype((np.void, sig.dtype.itemsize * len(attrs)))).ravel()
    uniq, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    if rows is not None:
        first = rows[first]
    return [bytes(u) for u in uniq], first, inverse.ravel()


class _Cached:
    """Shared plumbing: the wrapped component, its serialisation, a bounded cache."""

    def __init__(self, wrapped: Any) -> None:
        self.use(wrapped)

    _OWN = frozenset({"wrapped", "vocab", "name"})

    def use(self, wrapped: Any) -> None:
        """Reproduce ``wrapped`` (e.g. the component a loaded pipeline came with)."""
        self.wrapped = wrapped
        self.vocab = wrapped.vocab
        self.name = getattr(wrapped, "name", type(wrapped).__name__)
        self._cache: dict[bytes, Any] = {}
        self._rebuild()

    def _state(self) -> Any:
        """What the cache depends on in the wrapped component (checked at every call)."""
        return None

    def _rebuild(self) -> None:
        self._cache.clear()
        self._seen = self._state()

    def _fresh(self) -> None:
        if self._state() != self._seen:  # changed behind our back (clear(), tag maps, ...)
            self._rebuild()

    def __setattr__(self, name: str, value: Any) -> None:
        # Settings (``overwrite``, ...) belong to the wrapped component, as users expect
        # from nlp.get_pipe(...); our own state starts with "_".
        if name.startswith("_") or name in self._OWN or "wrapped" not in self.__dict__:
            object.__setattr__(self, name, value)
        else:
            setattr(self.wrapped, name, value)
            self._rebuild()

    def _remember(self, key: bytes, value: Any) -> None:
        if len(self._cache) >= MAX_SIGNATURES:
            self._cache.clear()
        self._cache[key] = value

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - defined by subclasses
        raise NotImplementedError

    def initialize(self, *args: Any, **kwargs: Any) -> None:
        self.wrapped.initialize(*args, **kwargs)
        self._rebuild()

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> _Cached:
        self.wrapped.from_disk(path, exclude=exclude)
        self._rebuild()
        return self

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> _Cached:
        self.wrapped.from_bytes(data, exclude=exclude)
        self._rebuild()
        return self

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        self.wrapped.to_disk(path, exclude=exclude)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.wrapped.to_bytes(exclude=exclude)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:  # the rest of the component API
        if name == "wrapped":
            raise AttributeError(name)
        return getattr(self.wrapped, name)


# Attribute ruler ---------------------------------------------------------------------------
def _single_token(pattern: list[dict[str, Any]]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0]


def _read_attrs(patterns: list[list[dict[str, Any]]]) -> set[int] | None:
    """Attribute ids the token patterns read; None if one cannot be read with to_array."""
    out = set()
    for pattern in patterns:
        for token in pattern:
            for key in token:
                if key in ("_", "OP"):
                    return None
                attr = intify_attr(key)
                if attr is None or attr not in IDS.values():
                    return None
                out.add(attr)
    return out


#: Attributes Doc.from_array writes on the token as the ruler's set_token_attrs does (not
#: extension attributes, not lexeme flags such as IS_STOP).
_WRITABLE = frozenset(IDS[a] for a in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "NORM"))


def ruler_cacheable(ruler: Any) -> bool:
    """Whether :class:`CachedAttributeRuler` reproduces ``ruler`` exactly."""
    try:
        patterns, attrs, indices = ruler.patterns, ruler.attrs, ruler.indices
    except AttributeError:
        return False
    single = [x for p in patterns for x in p["patterns"] if _single_token(x)]
    if not single or _read_attrs(single) is None:
        return False
    for p, a, index in zip(patterns, attrs, indices):
        if not set(a) <= _WRITABLE:
            return False
        if all(_single_token(x) for x in p["patterns"]) and index not in (0, -1):
            return False  # the ruler raises E1001 for these: let it
    return True


class CachedAttributeRuler(_Cached):
    """Drop-in replacement for a spaCy ``AttributeRuler`` (see the module docstring)."""

    def _rebuild(self) -> None:
        super()._rebuild()
        ruler = self.wrapped
        self._exact = ruler_cacheable(ruler)
        self._single = Matcher(self.vocab, validate=False)
        self._multi = Matcher(self.vocab, validate=False)
        single: list[list[dict[str, Any]]] = []
        multi: list[list[dict[str, Any]]] = []
        for i, p in enumerate(ruler.patterns):
            if all(_single_token(x) for x in p["patterns"]):
                self._single.add(str(i), p["patterns"])
                single.extend(p["patterns"])
            else:
                self._multi.add(str(i), p["patterns"])
                multi.extend(p["patterns"])
        read = _read_attrs(single) or set()
        self._starts, self._span = self._multi_starts(multi, read)
        self._read: list[int | str] = list(sorted(read))
        written: set[int] = set()
        for a in ruler.attrs:
            written.update(a)
        self._written: list[int | str] = list(sorted(written))
        self._col = {a: k for k, a in enumerate(self._written)}

    def _multi_starts(
        self, multi: list[list[dict[str, Any]]], read: set[int]
    ) -> tuple[Matcher | None, int]:
        """A Matcher of the first tokens of the longer patterns, and their longest length,
        when every one has a fixed length (no ``OP``) and a first token read from the
        signature's attributes (which ``read`` then takes in): a longer pattern can only
        start on a token this Matcher accepts, a question asked once per signature."""
        if not multi or not all(_single_token([t]) for x in multi for t in x):
            return None, 0
        firsts = _read_attrs([x[:1] for x in multi])
        if firsts is None:
            return None, 0
        read.update(firsts)
        starts = Matcher(self.vocab, validate=False)
        starts.add("start", [x[:1] for x in multi])
        return starts, max(len(x) for x in multi)

    def add(self, *args: Any, **kwargs: Any) -> None:
        self.wrapped.add(*args, **kwargs)
        self._rebuild()

    def add_patterns(self, patterns: Any) -> None:
        self.wrapped.add_patterns(patterns)
        self._rebuild()

    def _state(self) -> Any:
        ruler = self.wrapped
        return (id(ruler.matcher), len(ruler.matcher), len(ruler.attrs))

    def __call__(self, doc: Doc) -> Doc:
        self._fresh()
        if not self._exact or not self._written:
            return self.wrapped(doc)  # type: ignore[no-any-return]
        n = len(doc)
        if n == 0:
            return doc
        keys, first, inverse = _signatures(doc, self._read)
        k = len(self._written)
        has = np.zeros((len(keys), k), dtype=bool)
        val = np.zeros((len(keys), k), dtype=np.uint64)
        starts = np.zeros(len(keys), dtype=bool)
        for u, (key, i) in enumerate(zip(keys, first.tolist())):
            got = self._cache.get(key)
            if got is None:
                window = doc[i : i + 1]
                got = (
                    *self._fold(self._matched(window)),
                    self._starts is None or bool(self._starts(window, allow_missing=True)),
                )
                self._remember(key, got)
            has[u], val[u], starts[u] = got
        current = doc.to_array(self._written).reshape(n, k)
        new = np.where(has[inverse], val[inverse], current)
        if len(self._multi):
            self._apply_multi(doc, current, new, np.flatnonzero(starts[inverse]).tolist())
        doc.from_array(self._written, cast(Any, new))
        return doc

    def _matched(self, token: Span) -> list[int]:
        """The one-token rules that match ``token`` (a Span of one token)."""
        found = self._single(token, allow_missing=True)
        return [int(self.vocab.strings[m]) for m, _s, _e in found]

    def _fold(self, rule_ids: list[int]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        has = np.zeros(len(self._written), dtype=bool)
        val = np.zeros(len(self._written), dtype=np.uint64)
        for r in sorted(rule_ids):  # later rules take precedence, as in the ruler
            for attr, value in self.wrapped.attrs[r].items():
                has[self._col[attr]] = True
                val[self._col[attr]] = value
        return has, val

    def _apply_multi(
        self,
        doc: Doc,
        current: np.ndarray[Any, Any],
        new: np.ndarray[Any, Any],
        starts: list[int],
    ) -> None:
        """Apply the longer patterns: matched over the whole Doc, or only from the
        tokens they can start on (``starts``) when :meth:`_multi_starts` allows it."""
        if self._starts is None:
            found = self._multi(doc, allow_missing=True)
        else:
            found = [
                (m_id, i + s, i + e)
                for i in starts
                for m_id, s, e in self._multi(doc[i : i + self._span], allow_missing=True)
                if s == 0  # a match from a later token is found from that token
            ]
        extra: dict[int, list[int]] = {}
        for m_id, s, e in found:
            r = int(self.vocab.strings[m_id])
            tok = Span(doc, s, e)[self.wrapped.indices[r]]
            extra.setdefault(tok.i, []).append(r)
        for i, rules in extra.items():
            has, val = self._fold(self._matched(doc[i : i + 1]) + rules)
            new[i] = np.where(has, val, current[i])


# Lemmatizer --------------------------------------------------------------------------------
def lemmatizer_cacheable(lemmatizer: Any) -> bool:
    """Whether :class:`CachedLemmatizer` reproduces ``lemmatizer`` exactly: spaCy's rule
    and lookup modes are functions of (ORTH, POS, MORPH) and of ORTH."""
    return getattr(lemmatizer, "mode", None) in _LEMMATIZER_MODES and hasattr(
        lemmatizer, "lemmatize"
    )


class CachedLemmatizer(_Cached):
    """Drop-in replacement for a spaCy rule/lookup ``Lemmatizer`` (see the module docstring)."""

    def _state(self) -> Any:
        lem = self.wrapped
        return (
            getattr(lem, "mode", None),
            id(getattr(lem, "lookups", None)),
            getattr(lem, "_validated", None),
        )

    def _rebuild(self) -> None:
        super()._rebuild()
        self._exact = lemmatizer_cacheable(self.wrapped)

    def __call__(self, doc: Doc) -> Doc:
        self._fresh()
        lem = self.wrapped
        if not self._exact or not getattr(lem, "_validated", False):
            return lem(doc)  # type: ignore[no-any-return]  # (validates its tables once)
        n = len(doc)
        if n == 0:
            return doc
        lemmas = doc.to_array([LEMMA]).reshape(n).astype(np.uint64)
        todo = np.arange(n) if lem.overwrite else np.flatnonzero(lemmas == 0)
        if todo.size == 0:
            return doc
        keys, first, inverse = _signatures(doc, [ORTH, POS, MORPH], todo)
        found = np.zeros(len(keys), dtype=np.uint64)
        strings = self.vocab.strings
        for u in np.argsort(first, kind="stable").tolist():  # in text order, as spaCy
            lemma = self._cache.get(keys[u])
            if lemma is None:
                lemma = lem.lemmatize(doc[int(first[u])])[0]
                self._remember(keys[u], lemma)
            # Strings, not hashes, are cached: a spaCy memory zone forgets the strings
            # added inside it, so each Doc adds its own.
            found[u] = strings.add(lemma)
        lemmas[todo] = found[inverse]
        doc.from_array([LEMMA], cast(Any, lemmas))
        return doc
