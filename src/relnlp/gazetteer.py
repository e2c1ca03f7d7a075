"""The actor gazetteer: states, regions, organisations, initiatives, events and people.

Data lives in ``relnlp/data/gazetteer/*.v1.jsonl`` (one JSON object per line, the first a
``{"_meta": ...}`` header giving source, licence and version). Users add or override
entries with their own files of the same format (``relnlp.load(gazetteer=[path])``). Every
line is validated on load; a malformed one raises a coded :class:`~relnlp.errors.ConfigError`
naming the file, the line and the problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from relnlp._jsonl import records
from relnlp.errors import ConfigError, Errors, MissingFileError
from relnlp.lang.chars import APOSTROPHES, DOUBLE_QUOTES
from relnlp.lang.translit import name_key

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "normalise_quotes", "quote_variants"]

Label = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"]
PACKAGED = ("states", "regions", "organizations", "people", "products")

# Apostrophe and quote variants found in reports saved from the web, word processors and
# PDFs (typographic, modifier letter, prime, grave and acute accents used as quotes). Every
# gazetteer key and lookup goes through :func:`normalise_quotes`, so "People’s Republic of
# China" and "People's Republic of China" are one surface.
_QUOTE_TABLE = str.maketrans({c: "'" for c in APOSTROPHES[1:]} | {c: '"' for c in DOUBLE_QUOTES})


def normalise_quotes(text: str) -> str:
    """``text`` with every apostrophe and double-quote variant replaced by its ASCII form.

    Examples
    --------
    >>> normalise_quotes("People\u2019s Republic of China")
    "People's Republic of China"
    """
    return text.translate(_QUOTE_TABLE)


def quote_variants(surface: str) -> list[str]:
    """``surface`` spelled with each apostrophe variant (one spelling per variant)."""
    base = normalise_quotes(surface)
    if "'" not in base:
        return [surface]
    return list(dict.fromkeys([surface, *(base.replace("'", q) for q in APOSTROPHES)]))


class Entry(BaseModel):
    """One actor of the gazetteer (validated)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    canonical: str
    label: Label
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    combining_forms: tuple[str, ...] = ()
    capital: str | None = None
    country: str | None = None
    surname: str | None = None
    surname_variants: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @field_validator("canonical")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("canonical must not be empty")
        return v.strip()

    @field_validator(
        "aliases", "acronyms", "demonyms", "native", "surname_variants", "combining_forms"
    )
    @classmethod
    def _no_blank_names(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not s.strip() for s in v):
            raise ValueError("names must not be empty strings")
        return tuple(s.strip() for s in v)


@dataclass(frozen=True)
class Hit:
    """What a surface form stands for."""

    canonical: str
    label: str
    kind: str | None
    country: str | None


@dataclass
class Gazetteer:
    """Lookup tables built from entries (surface form -> actor)."""

    entries: list[Entry] = field(default_factory=list)
    surfaces: dict[str, Hit] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    people_by_key: dict[str, Entry] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    combining: dict[str, Entry] = field(default_factory=dict)
    demonym_country: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # capital's canonical -> state
    state_adjective: dict[str, str] = field(default_factory=dict)  # state -> "Chinese"
    sources: list[str] = field(default_factory=list)

    def add(self, e: Entry) -> None:
        """Index one entry (later entries override earlier ones for the same surface)."""
        self.entries.append(e)
        # Canonical names are English Wikipedia titles as written, en dash included
        # ("China\u2013Pakistan Economic Corridor"; guidelines section 8, fourth session).
        canonical = e.canonical
        # A state is its own country, a former one too ("the Soviet Union", "Yugoslavia"),
        # as its demonyms already were ("Yugoslav" -> Yugoslavia).
        own = canonical if e.kind in {"state", "former-state"} else None
        hit = Hit(canonical, e.label, e.kind, e.country or own)
        for s in (e.canonical, *e.aliases, *e.acronyms, *e.native):
            self._put(s, hit)
        if e.demonyms:
            adj = e.demonyms[0]
            country = e.canonical if e.label == "GPE" else e.country
            for d in e.demonyms:
                self._put(d, Hit(adj, "NORP", "demonym", country))
                if country:
                    self.demonym_country[normalise_quotes(d)] = country
        if e.capital and e.kind == "state":
            self.capitals[e.capital] = canonical
        if e.demonyms and e.kind == "state" and e.label == "GPE":
            self.state_adjective.setdefault(canonical, e.demonyms[0])
        for cf in e.combining_forms:
            self.combining[cf] = e
        if e.label == "PERSON":
            for full in (e.canonical, *e.aliases):
                self.people_by_key[name_key(full)] = e
            surname = e.surname or e.canonical.split()[-1]
            for s in (surname, *e.surname_variants):
                self.surnames.setdefault(name_key(s), []).append(e)

    def _put(self, surface: str, hit: Hit) -> None:
        surface = normalise_quotes(surface)
        old = self.surfaces.get(surface)
        if old is not None and (old.canonical, old.label) != (hit.canonical, hit.label):
            if old.label != hit.label or old.kind == hit.kind:
                self.ambiguous.add(surface)
        self.surfaces[surface] = hit

    def lookup(self, surface: str) -> Hit | None:
        """The actor a surface form names, unless it is ambiguous (quote variants are
        one surface)."""
        surface = normalise_quotes(surface)
        if surface in self.ambiguous:
            return None
        return self.surfaces.get(surface)

    def person_by_surname(self, surname: str) -> Entry | None:
        """A person known by this surname alone, if exactly one."""
        found = self.surnames.get(name_key(surname), [])
        uniq = {e.canonical: e for e in found}
        return next(iter(uniq.values())) if len(uniq) == 1 else None


def _read_jsonl(path: Path | Any, name: str) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ConfigError(
            Errors.E107.format(
                path=name, line=line, problem="not UTF-8 text; save the file as UTF-8"
            ),
            path=name,
            line=line,
        ) from exc
    missing = ConfigError(Errors.E108.format(path=name), path=name, line=1)
    _version, rows = records(text, name, missing_meta=missing)
    yield from rows


def _entries(path: Path | Any, name: str) -> Iterable[Entry]:
    for lineno, obj in _read_jsonl(path, name):
        try:
            yield Entry.model_validate(obj)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            problem = f"field {where!r}: {err['msg']}"
            raise ConfigError(
                Errors.E107.format(path=name, line=lineno, problem=problem),
                path=name,
                line=lineno,
                field=where,
            ) from exc


def load_gazetteer(extra: Sequence[str | Path] = (), *, packaged: bool = True) -> Gazetteer:
    """Load the packaged gazetteer files, then the user's files (which take precedence).

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.lookup("U.S.").canonical
    'United States'
    """
    g = Gazetteer()
    if packaged:
        base = resources.files("relnlp") / "data" / "gazetteer"
        for stem in PACKAGED:
            res = base / f"{stem}.v1.jsonl"
            for e in _entries(res, f"relnlp/data/gazetteer/{stem}.v1.jsonl"):
                g.add(e)
            g.sources.append(f"{stem}.v1")
    for p in extra:
        path = Path(p)
        if not path.is_file():
            raise MissingFileError(Errors.E002.format(path=path))
        for e in _entries(path, str(path)):
            g.add(e)
        g.sources.append(str(path))
    return g
